"""The analysis in Rust (indexer/native), where the indexing path spends its time.

The Rust module runs the rules of this package on the data this module hands
it: the folding table, the character classes of Python's `re`, the
stopwords, the stemmer's rules and lexicon. It answers None where a text
needs what only Python does as Python does it (a character newer than
Python's Unicode, a case mapping outside ASCII, a link, a lone surrogate),
and Python answers instead; the shared vectors (tests/analysis_vectors.py)
hold both to the same results.

Without the module (a checkout installed without `make install`),
`analysis()` is None and Python does all the work, more slowly.
"""

import operator
import unicodedata
from contextlib import contextmanager
from functools import partial
from itertools import compress

try:
    import bahth_native
except ImportError:  # pragma: no cover - make install builds it
    bahth_native = None

from .export import rules
from .normalize import MAKSURA_KEPT, TABLE
from .stem import lexicon
from .stopwords import STOPWORDS

# What the recogniser takes out of a text before it splits it into tokens
# (indexer.actors.recognise): tashkeel, superscript alef, tatweel, the
# zero-width and direction marks. Normalisation deletes them too.
MARKS = ((0x064B, 0x065F), (0x0670, 0x0670), (0x0640, 0x0640), (0x200C, 0x200F))


# Where Unicode has assigned characters other than private use: the classes
# are read over these alone (a character outside is no word, digit or space,
# and counts as unknown to Python, which analyses it).
_ASSIGNED_PLANES = (range(0x32400), range(0xE0000, 0xE0200))
# Hangul vowels and final consonants compose with the syllable before them,
# by an algorithm rather than by the decomposition table.
_HANGUL_JOINING = frozenset((*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)))


def character_classes() -> dict[str, list[tuple[int, int]]]:
    """Code point ranges: the classes of Python's `re` for str patterns
    (`\\w`: alphanumeric or the underscore, `\\d`: decimal digits, `\\s`)
    and the letters of `str.isalpha`,
    the characters assigned in the Unicode of `unicodedata`, and those of
    NFKC_QC=Yes (normalised alone, the second half of no composition).
    Each test runs over every code point in C (map): this runs in every
    worker process."""
    codes = [c for plane in _ASSIGNED_PLANES for c in plane if not 0xD800 <= c <= 0xDFFF]
    chars = list(map(chr, codes))
    second_halves = set(_HANGUL_JOINING)
    for decomposition in filter(None, map(unicodedata.decomposition, chars)):
        parts = decomposition.split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            second_halves.add(int(parts[1], 16))
    tests = {
        "word": map(operator.or_, map(str.isalnum, chars), map("_".__eq__, chars)),
        "digit": map(str.isdecimal, chars),
        "space": map(str.isspace, chars),
        "alpha": map(str.isalpha, chars),
        "assigned": map("Cn".__ne__, map(unicodedata.category, chars)),
        "quick": map(
            operator.and_,
            map(partial(unicodedata.is_normalized, "NFKC"), chars),
            map(operator.not_, map(second_halves.__contains__, codes)),
        ),
    }
    return {name: _ranges(compress(codes, found)) for name, found in tests.items()}


def combining_classes() -> list[tuple[int, int]]:
    """(code point, canonical combining class) of each character of a class but 0."""
    codes = [c for plane in _ASSIGNED_PLANES for c in plane]
    classes = map(unicodedata.combining, map(chr, codes))
    return [(code, found) for code, found in zip(codes, classes, strict=True) if found]


def _ranges(codes) -> list[tuple[int, int]]:
    """Ascending code points as [(first, last)] runs."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return [(first, last) for first, last in runs]


_python_only = [False]
_analysis: list = []  # the analysis once built (None without the module); empty before


def analysis(build=True):
    """The Rust analysis, built once a process (None without the module, or
    inside `python_only`). With `build` false, None unless the process has
    built it already: a query is analysed at once in Python rather than wait
    for the build (0.4 s), which a process that indexes an archive pays."""
    if _python_only[0]:
        return None
    if not _analysis:
        if not build:
            return None
        _analysis.append(_built())
    return _analysis[0]


@contextmanager
def python_only():
    """Analyse in Python alone: the reference (the shared vectors are what
    Python makes of their inputs)."""
    _python_only[0] = True
    try:
        yield
    finally:
        _python_only[0] = False


def _built():
    if bahth_native is None:
        return None
    return bahth_native.Analysis(
        {
            "fold": {code: target or "" for code, target in TABLE.items()},
            **character_classes(),
            "combining": combining_classes(),
            "marks": list(MARKS),
            "stopwords": STOPWORDS,
            "lexicon": lexicon(),
            **rules(),
            "maksura_kept": set(MAKSURA_KEPT),
        }
    )


def names(shapes, spellings):
    """The recogniser's passes over names in Rust: by their shape, with
    their lists and constants (`indexer.actors.recognise.Recogniser`), and
    the gazetteer's spellings (`Gazetteer.spelling_data`); None without the
    module."""
    return None if bahth_native is None else bahth_native.Names(shapes, spellings)


def reset():
    """Build the analysis again on next use (the lexicon changed)."""
    _analysis.clear()
