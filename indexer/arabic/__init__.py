"""Arabic text analysis, shared by documents and queries.

`normalize` gives the matching form of a string (used for keyword fields and
before analysis); `analyze` gives the tokens as indexed and as queried.
Stopwords are indexed as they are (not stemmed); a query leaves them out
unless it needs them (indexer.search.query).

Each answers from the native analysis (native.py) where the process has
built it, as the processes that index do (a reindex's workers, the
recogniser); elsewhere, for a query or a page of hits, Python answers at
once rather than build it (0.4 s).
"""

import hashlib
from pathlib import Path

from . import native as _native
from . import normalize as _normalize_module
from . import stem as _stem_module
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
    _native.reset()


_in_use: list[str] = []  # the digest of the lexicon in use, once computed


def lexicon_digest(data: bytes | None = None) -> str:
    """A short digest of a lexicon file's bytes (by default, the one in use)."""
    if data is not None:
        return hashlib.sha1(data).hexdigest()[:16]
    if not _in_use:
        _in_use.append(lexicon_digest(_stem_module.lexicon_bytes()))
    return _in_use[0]


def use_lexicon(path: Path | None, digest: str | None = None) -> None:
    """Analyse with the stemming lexicon in `path`, an index's own copy (None:
    the one shipped with Bahth). An index keeps the lexicon it was built
    with, so that what is added to it later and what is searched in it are
    stemmed as it was; `bahth reindex` adopts the shipped one. Nothing
    happens when the lexicon in use already has the same content (`digest`,
    when the caller knows it, spares reading the file)."""
    if path is not None and (digest or lexicon_digest(path.read_bytes())) == lexicon_digest():
        return
    if path is None and _stem_module._lexicon_file is None:
        return
    _stem_module.set_lexicon_file(path)
    _in_use.clear()
    clear_cache()


# The last long text normalised and tokenised, and what came of it: indexing
# normalises an article's body to key its duplicates and to analyse it (short
# texts, titles and tags, cost little to do again).
_last: tuple[str, str, tuple[str, ...] | None] = ("", "", ())
_LONG = 256


def normalize(text: str) -> str:
    """The matching form of `text` (indexer.arabic.normalize)."""
    global _last
    if len(text) < _LONG:
        return _normalized(text)
    if text is not _last[0] and text != _last[0]:
        _last = (text, _normalized(text), None)
    return _last[1]


def _normalized(text: str) -> str:
    native = _native.analysis(build=False)
    found = native.normalize(text) if native is not None else None
    return _normalize_module.normalize(text) if found is None else found


def words(text: str) -> tuple[str, ...]:
    """The tokens of `normalize(text)`."""
    global _last
    if len(text) < _LONG:
        return tuple(tokenize(_normalized(text)))
    normalized = normalize(text)
    tokens = _last[2]
    if tokens is None:
        tokens = tuple(tokenize(normalized))
        _last = (text, normalized, tokens)
    return tokens


def analyze(text: str) -> list[str]:
    """Normalise, tokenise and light-stem `text` (stopwords stay as they are)."""
    native = _native.analysis(build=False)
    terms = native.analyze(text) if native is not None else None
    return terms.split() if terms is not None else _analyzed_in_python(text)


def analyzed(text: str, normalized: str | None = None) -> str:
    """The terms of `text`, as `analyze` gives them, joined by spaces
    (`normalized`: `normalize(text)`, where the caller has it, spares a pass)."""
    native = _native.analysis(build=False)
    terms = None
    if native is not None:
        terms = native.analyze(text) if normalized is None else native.analyze(normalized, True)
    return terms if terms is not None else " ".join(_analyzed_in_python(text))


def _analyzed_in_python(text: str) -> list[str]:
    tokens = words(text)
    terms = list(map(_TERMS.get, tokens))  # in C: most words were analysed before
    if None in terms:
        for i, term in enumerate(terms):
            if term is None:
                terms[i] = _term(tokens[i])
    return terms  # type: ignore[return-value]  # every None was filled


def is_stopword(term: str) -> bool:
    """Whether an analysed term is a stopword (stopwords are not stemmed)."""
    return term in STOPWORDS


__all__ = [
    "STOPWORDS",
    "analyze",
    "analyzed",
    "arabic_letters",
    "is_stopword",
    "normalize",
    "stem",
    "tokenize",
    "use_lexicon",
    "words",
]
