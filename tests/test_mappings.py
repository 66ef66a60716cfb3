"""The Elasticsearch index descriptions: components that exist where they must run."""

import json

from indexer.arabic import normalize
from indexer.search.elastic.index import (
    ANALYSIS_COMMON,
    CORE,
    MAPPINGS,
    Analysis,
    components,
    index_body,
    whole_words,
)


def test_production_chain_uses_only_core_and_analysis_common_components():
    used = components(index_body(Analysis.NODE))
    for kind, names in used.items():
        unknown = names - CORE[kind] - ANALYSIS_COMMON[kind]
        assert not unknown, f"{kind}s outside core and analysis-common: {unknown}"
    assert {
        "arabic_normalization",
        "persian_normalization",
        "arabic_stem",
        "decimal_digit",
        "keyword_marker",
        "stop",
        "lowercase",
    } <= used["filter"]
    assert used["char_filter"] == {"mapping"}
    assert used["tokenizer"] == {"standard"}


def test_python_chain_uses_only_what_every_node_has():
    used = components(index_body(Analysis.PYTHON))
    for kind, names in used.items():
        assert names <= CORE[kind], f"{kind}s a bare node lacks: {names - CORE[kind]}"


def test_word_lists_are_filled_and_normalised_like_the_text():
    body = index_body(Analysis.NODE)
    filters = body["settings"]["analysis"]["filter"]
    stopwords = filters["bahth_stop"]["stopwords"]
    assert len(stopwords) > 1000 and all(normalize(w) == w for w in stopwords)
    assert "الي" in stopwords and "في" in stopwords
    protected = filters["bahth_whole_words"]["keywords"]
    assert {"وزير", "وزاره", "وطن"} <= set(protected)
    assert "وقال" not in protected and "وموسكو" not in protected
    assert list(protected) == list(whole_words())


def test_char_filter_folds_what_the_python_side_folds():
    description = json.loads((MAPPINGS / Analysis.NODE.description).read_text(encoding="utf-8"))
    rules = description["settings"]["analysis"]["char_filter"]["bahth_fold"]["mappings"]
    for rule in rules:
        source, target = rule.split("=>")
        source = source.encode().decode("unicode_escape")
        target = target.encode().decode("unicode_escape")
        assert normalize("ب" + source + "ت") == normalize("ب" + target + "ت"), rule


def test_both_descriptions_have_the_same_fields_for_facets_and_filters():
    production = index_body(Analysis.NODE)["mappings"]["properties"]
    python = index_body(Analysis.PYTHON)["mappings"]["properties"]
    for name in ("id", "date", "source", "category", "actors", "tags"):
        assert production[name]["type"] == python[name]["type"], name
