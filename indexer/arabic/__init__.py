"""Arabic text analysis, shared by documents and queries.

`normalize` gives the matching form of a string (used for keyword fields and
before analysis); `analyze` gives the tokens as indexed and as queried.
Stopwords are indexed as they are (not stemmed); a query leaves them out
unless it needs them (indexer.search.query).
"""

from . import normalize as _normalize_module
from .normalize import arabic_letters
from .stem import stem
from .stopwords import STOPWORDS
from .tokenize import tokenize

# token -> its index term. A plain dict is the fastest
# cache there is; it stops growing at _CACHE_LIMIT entries (about 100 MB),
# more distinct words than a large archive has.
_TERMS: dict[str, str] = {}
_CACHE_LIMIT = 1_000_000


def _term(token):
    term = token if token in STOPWORDS else stem(token)
    if len(_TERMS) < _CACHE_LIMIT:
        _TERMS[token] = term
    return term


def clear_cache():
    """Forget the analysed terms (after the lexicon or the rules change)."""
    _TERMS.clear()


# The last long text normalised and tokenised, and what came of it: indexing
# normalises an article's body to find its actors, to key its duplicates and
# to analyse it (short texts, titles and tags, cost little to do again).
_last: tuple[str, str, tuple[str, ...] | None] = ("", "", ())
_LONG = 256


def normalize(text: str) -> str:
    """The matching form of `text` (indexer.arabic.normalize)."""
    global _last
    if len(text) < _LONG:
        return _normalize_module.normalize(text)
    if text is not _last[0] and text != _last[0]:
        _last = (text, _normalize_module.normalize(text), None)
    return _last[1]


def words(text: str) -> tuple[str, ...]:
    """The tokens of `normalize(text)`."""
    global _last
    if len(text) < _LONG:
        return tuple(tokenize(_normalize_module.normalize(text)))
    normalized = normalize(text)
    tokens = _last[2]
    if tokens is None:
        tokens = tuple(tokenize(normalized))
        _last = (text, normalized, tokens)
    return tokens


def analyze(text: str) -> list[str]:
    """Normalise, tokenise and light-stem `text` (stopwords stay as they are)."""
    terms = []
    lookup = _TERMS.get
    for token in words(text):
        term = lookup(token)
        if term is None:
            term = _term(token)
        terms.append(term)
    return terms


def is_stopword(term: str) -> bool:
    """Whether an analysed term is a stopword (stopwords are not stemmed)."""
    return term in STOPWORDS


__all__ = [
    "STOPWORDS",
    "analyze",
    "arabic_letters",
    "is_stopword",
    "normalize",
    "stem",
    "tokenize",
    "words",
]
