"""The names of a query in Latin letters, met in Arabic text
(indexer/search/transliteration.py), and what they do to a fused ranking."""

import pytest

from indexer.search import fusion
from indexer.search.transliteration import arabic_skeletons, latin_skeletons, query_names, shares


@pytest.mark.parametrize(
    "latin, arabic",
    [
        ("Merkel", "ميركل"),
        ("Seehofer", "زيهوفر"),  # s and z, h silent, the long vowels dropped
        ("Churchill", "تشرشل"),  # ch as تش
        ("Chrysler", "كرايسلر"),  # ch as ك
        ("Juncker", "يونكر"),  # j as ي
        ("Kushner", "كوشنر"),  # sh as ش
        ("Pompeo", "بومبيو"),  # p as ب
        ("Vladivostok", "فلاديفوستوك"),  # v as ف
        ("Snapchat", "سناب شات"),  # one Latin word, two Arabic ones
        ("Crotone", "وكروتوني"),  # behind a clitic
        ("Céline", "سيلين"),  # an accent, a soft c
    ],
)
def test_a_latin_name_meets_its_arabic_spelling(latin, arabic):
    names, _ = query_names(f"News about {latin} today")
    assert len(names) == 1
    assert names[0] & arabic_skeletons(f"قال {arabic} أمس")[0]


@pytest.mark.parametrize(
    "latin, arabic",
    [("Merkel", "ماركس"), ("Seehofer", "سوريا"), ("Tusk", "تونس"), ("Juncker", "جنرال")],
)
def test_a_latin_name_does_not_meet_other_words(latin, arabic):
    # Some do: Seehofer and سفير (an ambassador) are both SFR; hence a name
    # is weighed by how few of the articles at hand write it (below).
    assert not latin_skeletons(latin) & arabic_skeletons(arabic)[0]


def test_plain_words_short_names_and_figures_of_a_query():
    query = "After Abe met the Fiat chief, exports rose 1.4 percent in 2018 and 5"
    names, figures = query_names(query)
    # After: a plain word; Abe, Fiat: two consonants meet too many Arabic words.
    assert names == []
    assert figures == {"1.4", "2018"}


def test_a_name_every_article_writes_tells_nothing():
    passages = {
        "a": "ترامب يلتقي زيهوفر في برلين",
        "b": "ترامب يتحدث عن الهجرة",
        "c": "ترامب في قمة الحلف",
    }
    found = shares("Trump meets Seehofer", passages)
    assert found["a"] == 1.0  # Trump weighs nothing: the share is Seehofer's
    assert found["b"] == found["c"] == 0.0
    assert shares("Trump speaks", passages) == {}


def test_an_article_that_writes_the_querys_names_rises_in_a_fused_ranking():
    meaning = [("a", 0.45), ("b", 0.43), ("c", 0.40)]
    passages = {
        "a": "وزير الداخلية الألماني يعلن خطة للهجرة",
        "b": "زيهوفر يتراجع عن استقالته بعد اتفاق مع ميركل",
        "c": "الحكومة الألمانية تناقش اللجوء",
    }
    query = "Seehofer drops resignation after Merkel deal"
    without = [r.id for r in fusion.fuse(query, [], meaning)]
    named = fusion.fuse(query, [], meaning, passages=passages)
    assert without == ["a", "b", "c"]
    assert [r.id for r in named] == ["b", "a", "c"]
    assert named[0].matched_by == "meaning"
    # An Arabic query is matched by its words: the names of its passages change nothing.
    arabic = fusion.fuse("استقالة وزير الداخلية", [], meaning, passages=passages)
    assert [r.id for r in arabic] == without
