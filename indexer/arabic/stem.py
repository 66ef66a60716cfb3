"""A light Arabic stemmer: light10's affixes, guarded by what the archive knows.

light10 (Larkey et al.), which Elasticsearch's `arabic_stem` implements,
strips a leading و, the article and its combinations (ال وال بال كال فال لل)
and a run of suffixes (ها ان ات ون ين يه ية ه ة ي). It over-stems words
whose first letter only looks like a clitic (وزير→زير, وزارة→زار) and chains
suffixes into function words (الولايات→ولا), and it never strips the bare
prepositions ب ل ك ف (بموسكو, لموسكو stay apart from موسكو).

This stemmer keeps light10's affixes and adds the bare prepositions, but it
strips a bare clitic letter only when a lexicon of word frequencies says the
rest is a word in its own right, at least as common as the whole: موسكو is
far more common than بموسكو, while زير is rare next to وزير and حر next to
بحر. The lexicon (`data/lexicon.tsv.gz`) counts normalised word forms of
real Arabic news; `scripts/build-lexicon` rebuilds it.
"""

import gzip
import io
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from .normalize import normalize
from .stopwords import STOPWORDS

# The article with the clitics that attach before it, longest first. A
# three-letter combination must leave three letters (والده is not و+ال+ده).
_ARTICLES = (
    ("وبال", 3),
    ("وكال", 3),
    ("فبال", 3),
    ("وال", 3),
    ("فال", 3),
    ("بال", 3),
    ("كال", 3),
    ("ولل", 3),
    ("فلل", 3),
    ("لل", 3),
    ("ال", 2),
)
_CLITICS = "وفبلك"
# light10's suffixes after normalisation (ة is ه), in its order: each is
# stripped at most once, leaving at least two letters.
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
_PRONOUNS = ("ها", "ه")  # the suffixes after which a name kept whole is found
_MIN_STEM = 2

# How much more common the rest must be than the whole word for a bare
# clitic to be stripped. و is by far the most frequent clitic and a word
# starting with it is usually و + word (وقال), so it needs the least
# evidence; ب ل ك ف more often begin a word (بحر, لبنان, كتاب, فيلم).
_RATIO = {"و": 0.5, "ف": 1.0, "ب": 1.0, "ل": 1.0, "ك": 1.0}
_MIN_REST_COUNT = 3

# The article never goes before a clitic and its word (there is no البمدينة),
# so a word the lexicon also knows with the article in front is a word in its
# own right, whatever its first letter: الفكرة, اللسان, الواحد, البحرية keep
# فكرة, لسان, واحد and بحرية whole. A few stray counts prove nothing, nor do
# a handful beside a very common clitic form (والواكد beside واكد).
_DEFINITE = ("ال", "وال", "بال", "فال", "كال")
_MIN_DEFINITE_COUNT = 3
_DEFINITE_SHARE = 0.02

# Words of people's names that begin with a clitic-looking letter (بايدن,
# كيري, فيدل, فادي), from the shipped gazetteer and the actor recogniser's
# given names by scripts/build-names.
NAMES = Path(__file__).parent / "data" / "names.txt"


# Names of people and places that the suffix rules would make another,
# commoner word's (حماة: حماية's حما; البحرين: بحر; سلطان: السلطات' سلط;
# حسين: حس), kept whole once the article and clitics are off; a nisba still
# loses its ي and meets a place that ends in ان or ين (اللبناني: لبنان).
# Written by scripts/build-names (`proper_names`) from the gazetteer's
# people, the actor recogniser's given names and data/places.txt.
PROPER = Path(__file__).parent / "data" / "proper.txt"
PLACES = Path(__file__).parent / "data" / "places.txt"

# Places ending in ا whose adjective drops it (فرنسا: الفرنسي, الفرنسية),
# stemmed as their adjective is, once the article and clitics are off
# (فرنس), where that stem is their adjective's alone: not تركيا's, ترك,
# the verb's too, nor ألمانيا's, مان. Written by scripts/build-names
# (`nisba_places`) from data/places.txt.
NISBA = Path(__file__).parent / "data" / "nisba.txt"


def _listed(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


# And "hundred" both ways, which ة off would make water (مائة: ماء) or nothing (مئة: مء).
_PROPER = frozenset(_listed(PROPER)) | frozenset(map(normalize, ("مائة", "مئة")))
_NISBA = frozenset(_listed(NISBA))
_ALEF = "\u0627"
# The tens, whose plurals name decades (التسعينات, التسعينيات: the nineties):
# a decade is stemmed as its ten, not as the unit the ten's own ين leaves
# (تسعين, ninety, and تسع, nine, are تسع).
_TENS = frozenset(map(normalize, "عشرين ثلاثين أربعين خمسين ستين سبعين ثمانين تسعين".split()))
_DECADE_ENDINGS = ("ات", "يات")

# Words whose first letter is a root letter though the rest is also a word:
# the lexicon alone would split them; and those names.
_WHOLE_WORDS = _listed(NAMES) | frozenset(
    normalize(word)
    for word in (
        "وطن",
        "وطني",
        "وطنية",
        "ولي",
        "ورد",
        "وعد",
        "وفاء",
        "والي",
        "بلد",
        "بكر",
        "بنك",
        "فرد",
        "كرم",
        "لقب",
        "بالستي",
        "بالستية",
        "باليستي",
        "باليستية",
    )
)
# The name of God, alone or closing a name (عبدالله, نصرالله), loses no
# letter to the suffix rules (ه) or the article rule (ال).
_ALLAH = normalize("الله")


SHIPPED_LEXICON = resources.files(__package__).joinpath("data/lexicon.tsv.gz")
# The lexicon in use: the shipped one, or an index's own (indexer.arabic.use_lexicon).
_lexicon_file = None


def lexicon_bytes() -> bytes:
    """The lexicon in use, as its file holds it (gzipped TSV)."""
    return (_lexicon_file or SHIPPED_LEXICON).read_bytes()


@cache
def lexicon() -> dict[str, int]:
    """Word form -> count of the lexicon in use, loaded on first use."""
    with gzip.open(io.BytesIO(lexicon_bytes()), "rt", encoding="utf-8") as lines:
        return {
            word: int(count) for word, count in (line.rstrip("\n").split("\t") for line in lines)
        }


def set_lexicon_file(path: Path | None) -> None:
    """Stem with the lexicon in `path` from now on (None: the shipped one)."""
    global _lexicon_file
    _lexicon_file = path
    lexicon.cache_clear()


def is_arabic(word: str) -> bool:
    """Whether a word begins with an Arabic letter."""
    return "\u0621" <= word[0] <= "\u06ff"


def _strip_article(word):
    for article, min_rest in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= min_rest:
            return word[len(article) :]
    return None


def _clitic_is_separate(word):
    """Is the first letter of `word` a clitic (و ف ب ل ك) on a word of its own?"""
    rest = word[1:]
    if len(rest) < 3 or word in _WHOLE_WORDS:
        return False
    counts = lexicon()
    whole_count = counts.get(word, 0)
    rest_count = counts.get(rest, 0)
    definite_count = sum(counts.get(article + word, 0) for article in _DEFINITE)
    if definite_count >= max(_MIN_DEFINITE_COUNT, _DEFINITE_SHARE * whole_count):
        return False
    if whole_count == 0 and rest_count == 0:
        # Neither is known: do what light10 does for و, nothing for the rest.
        return word[0] == "و"
    return rest_count >= _MIN_REST_COUNT and rest_count >= _RATIO[word[0]] * whole_count


def strip_prefixes(word: str) -> str:
    """Remove the article with its clitics and the bare clitics the lexicon
    vouches for, up to three in a row (والوبواجهة: وال + و + ب + واجهة)."""
    for _ in range(3):
        if word in _WHOLE_WORDS:
            break  # البالستية: the article off, no بال after it
        rest = _strip_article(word)
        if rest is not None:
            word = rest
        elif word[0] in _CLITICS and _clitic_is_separate(word):
            word = word[1:]
        else:
            break
    return word


def strip_suffixes(word: str, kept: frozenset[str] = frozenset()) -> str:
    """light10's suffix pass, stopping before a stem that is a stopword
    (الولايات → ولاي, not ولا), and at a word of `kept`, as it is or once a
    pronoun is off (أركانها → أركان; not a plural's ending: الرايات, flags,
    is no رأي)."""
    if word in kept:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            shorter = word[: -len(suffix)]
            if shorter in STOPWORDS:
                break
            word = shorter
            if suffix in _PRONOUNS and word in kept:
                break
    return word


def stem(word: str) -> str:
    """The stem of one normalised token; non-Arabic tokens are returned as they are."""
    if not is_arabic(word) or word == _ALLAH:
        return word
    if word.endswith(_ALLAH):
        return strip_prefixes(word)
    rest = strip_prefixes(word)
    for ending in _DECADE_ENDINGS:
        if rest.endswith(ending) and rest[: -len(ending)] in _TENS:
            return rest[: -len(ending)]  # التسعينات, التسعينيات: تسعين
    return strip_suffixes(without_place_alef(rest), _PROPER)


def without_place_alef(word: str) -> str:
    """A place of nisba.txt without its final ا, as its adjective has it
    (فرنسا: فرنس); another word as it is."""
    return word[: -len(_ALEF)] if word in _NISBA else word


# A person's name word needs this share of its uses in names to be kept
# whole where it ends in ة (نادية, خليفة; not علامة, ظاهرة, which would lose
# their plurals), no commoner use with the article (الحكومة, الدوري), and,
# ending in ي, no commoner feminine (ريفي: الريفية; سامي: السامية).
_PROPER_SHARE = 0.1
_PROPER_COLLISION = 30  # the other words' uses of the stem it would have


def proper_names(people: Iterable[str], shares: dict[str, float]) -> list[str]:
    """The words `stem` keeps whole: of people's names (`people`, normalised,
    with the share of their uses in names) and of data/places.txt, those the
    suffix rules would give the stem of other words, used 30 times or more
    in the lexicon (not their own forms alone: أردوغان's أردوغ is nobody
    else's)."""
    counts = lexicon()
    uses: dict[str, int] = {}
    for word, count in counts.items():
        stemmed = strip_suffixes(strip_prefixes(word)) if is_arabic(word) else word
        uses[stemmed] = uses.get(stemmed, 0) + count
    places = {strip_prefixes(normalize(p)) for p in _listed(PLACES)}
    found = set()
    for word, place in [(w, False) for w in people] + [(p, True) for p in places]:
        rest = strip_prefixes(word) if is_arabic(word) else ""
        shorter = strip_suffixes(rest)
        if len(rest) < 3 or shorter == rest or rest == _ALLAH:
            continue
        # its feminine, but for a place's name (المهدية is no مهدي's)
        she = rest + "ه"
        feminine = 0 if she in places else counts.get(she, 0) + counts.get("ال" + she, 0)
        if not place and (
            counts.get("ال" + rest, 0) > counts.get(rest, 0)
            or (rest.endswith("ه") and shares.get(rest, 0) < _PROPER_SHARE)
            or (rest.endswith("ي") and feminine > counts.get(rest, 0))
        ):
            continue  # a common word; an adjective whose feminine is commoner (الريفية)
        if uses.get(shorter, 0) - counts.get(rest, 0) >= _PROPER_COLLISION:
            found.add(rest)
    return sorted(found)


# A place's adjective's stem needs this many uses in the lexicon, and the
# other words of that stem (not the place's people: الروس, الصرب) fewer
# than this share of them.
_NISBA_USES = 20
_NISBA_OTHERS = 0.02
_NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يات", "يان", "يتين", "يتان")


def nisba_places() -> list[str]:
    """The places of data/places.txt that `stem` gives their adjective's
    stem (فرنسا: فرنس, as الفرنسي): those ending in ا, the article and
    clitics off, whose adjective (the place without its ا, with ي, ية and
    their plurals) the lexicon uses `_NISBA_USES` times or more, and whose
    stem other words use less than `_NISBA_OTHERS` as much (تركيا is left:
    ترك, left, is a verb; آسيا: اس; ألمانيا: مان, Man United)."""
    counts = lexicon()
    by_stem: dict[str, list[tuple[str, int]]] = {}  # as `stem` has them, but for this rule
    for word, count in counts.items():
        if is_arabic(word):
            stemmed = strip_suffixes(strip_prefixes(word), _PROPER)
            by_stem.setdefault(stemmed, []).append((word, count))
    found = []
    for place in sorted({strip_prefixes(normalize(p)) for p in _listed(PLACES)}):
        if not place.endswith(_ALEF):
            continue
        adjective = strip_suffixes(place[: -len(_ALEF)], _PROPER)
        own = others = 0
        for word, count in by_stem.get(adjective, ()):
            rest = strip_prefixes(word)
            ending = rest[len(adjective) :] if rest.startswith(adjective) else None
            people = ending == "" and word.endswith("ال" + adjective)
            if ending in _NISBA_ENDINGS or people:
                own += count
            elif word != place:
                others += count
        if own >= _NISBA_USES and others < _NISBA_OTHERS * (own + others):
            found.append(place)
    return found
