"""The Elasticsearch index descriptions of mappings/, one per analysis path,
with their word lists filled in.

Two analysis paths, named for where the Arabic analysis runs:
- `Analysis.NODE` (`mappings/articles.json`): inside Elasticsearch, by the
  index's own analyzers; it needs the analysis-common module (the official
  images have it).
- `Analysis.PYTHON` (`mappings/articles-python.json`): in Bahth's indexer,
  which sends the terms along; for nodes without analysis-common.

The stopword list and the protected words come from the Python analysis, so
each list lives in one place.
"""

import copy
import json
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path

from indexer.arabic import STOPWORDS
from indexer.arabic.stem import _WHOLE_WORDS, _clitic_is_separate, lexicon


class Analysis(StrEnum):
    NODE = "node"
    PYTHON = "python"

    @property
    def description(self) -> str:
        """The file of mappings/ that describes an index of this path."""
        return {Analysis.NODE: "articles.json", Analysis.PYTHON: "articles-python.json"}[self]

    @classmethod
    def recorded(cls, value: str | None) -> "Analysis":
        """The path an index's `_meta.bahth.analysis` names (the names of
        version 1 of the descriptions included)."""
        legacy = {"production": "node", "fallback": "python"}
        return cls(legacy.get(value or "production", value or "node"))


def _mappings_folder():
    """mappings/ of the repository: installed as the package indexer.mappings,
    or beside indexer/ when the checkout itself is on sys.path."""
    try:
        return resources.files("indexer.mappings")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[3] / "mappings"


MAPPINGS = _mappings_folder()

# Analysis components by where Elasticsearch defines them (8.x): the server
# core, which every node has, and the analysis-common module.
CORE = {
    "tokenizer": {"standard"},
    "filter": {"lowercase", "stop"},
    "char_filter": set(),
}
ANALYSIS_COMMON = {
    "tokenizer": {
        "whitespace",
        "keyword",
        "letter",
        "pattern",
        "classic",
        "uax_url_email",
        "ngram",
        "edge_ngram",
    },
    "filter": {
        "arabic_normalization",
        "persian_normalization",
        "arabic_stem",
        "decimal_digit",
        "keyword_marker",
        "stemmer",
        "snowball",
        "asciifolding",
        "uppercase",
        "trim",
        "word_delimiter_graph",
        "synonym",
        "synonym_graph",
        "pattern_replace",
    },
    "char_filter": {"mapping", "pattern_replace", "html_strip"},
}


@cache
def whole_words() -> tuple[str, ...]:
    """Words arabic_stem must leave alone: known words whose leading و is a
    root letter, by the Python stemmer's own judgement (وزير, وزارة, وطن)."""
    words = {
        word
        for word in lexicon()
        if len(word) >= 4 and word[0] == "و" and not _clitic_is_separate(word)
    }
    return tuple(sorted(words | set(_WHOLE_WORDS)))


def _description(analysis: Analysis) -> dict:
    return json.loads((MAPPINGS / analysis.description).read_text(encoding="utf-8"))


def index_body(analysis: Analysis = Analysis.NODE) -> dict:
    """Settings and mappings to create an index with, lists filled in."""
    description = _description(analysis)
    body = copy.deepcopy({"settings": description["settings"], "mappings": description["mappings"]})
    filters = body["settings"]["analysis"]["filter"]
    filters["bahth_stop"]["stopwords"] = sorted(STOPWORDS)
    if "bahth_whole_words" in filters:
        filters["bahth_whole_words"]["keywords"] = list(whole_words())
    return body


def version(analysis: Analysis = Analysis.NODE) -> int:
    return _description(analysis)["version"]


def components(body) -> dict:
    """{"tokenizer"|"filter"|"char_filter": {built-in types used}} of an index body."""
    analysis = body["settings"]["analysis"]
    custom = {kind: analysis.get(kind, {}) for kind in ("tokenizer", "filter", "char_filter")}
    used: dict[str, set[str]] = {"tokenizer": set(), "filter": set(), "char_filter": set()}

    def add(kind, name):
        if name in custom[kind]:
            used[kind].add(custom[kind][name]["type"])
        else:
            used[kind].add(name)

    for chain in [*analysis.get("analyzer", {}).values(), *analysis.get("normalizer", {}).values()]:
        if "tokenizer" in chain:
            add("tokenizer", chain["tokenizer"])
        for name in chain.get("filter", []):
            add("filter", name)
        for name in chain.get("char_filter", []):
            add("char_filter", name)
    return used
