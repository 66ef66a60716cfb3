"""Properties of the analysis that must hold for any input at all."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from indexer.arabic import analyze, normalize

# Arabic and its neighbours are where the interesting cases are; all of
# Unicode is where the surprises are. Draw from both.
arabic_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(" .,@:/-\u200c\u200d\u200e\u200f\u0640"),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    ),
    max_size=80,
)
any_text = st.text(max_size=80)
text = st.one_of(arabic_text, any_text)


@settings(max_examples=600)
@given(text)
@example("a\u064b\u0301")  # a Latin accent after a deleted Arabic mark
@example("ﷺ ﻻ ﷲ")
@example("İstanbul ß ﬁ")
@example("شيييء")
def test_normalize_is_idempotent(value):
    once = normalize(value)
    assert normalize(once) == once


@settings(max_examples=600)
@given(text)
@example("وبالولايات https://x.y/z a@b.cd ١٬٢٣٤٫٥")
def test_analysis_of_normalised_text_is_the_same(value):
    assert analyze(normalize(value)) == analyze(value)


@settings(max_examples=600)
@given(st.one_of(text, st.binary(max_size=80).map(lambda b: b.decode("utf-8", "replace"))))
def test_analysis_never_raises_and_returns_clean_tokens(value):
    tokens = analyze(value)
    assert all(isinstance(t, str) and t and not t.isspace() for t in tokens)
    assert all(" " not in t for t in tokens)
