""" "Did you mean": another spelling of a query that finds nothing or little.

A word of the query that the news lexicon (the stemmer's word counts, from
real Arabic news) does not know, or barely knows, has as candidates the
known words one edit away from it on the normalised form: a letter left
out, added, changed or two swapped (ترانب → ترامب, ترامپ → ترامب, بوتبن →
بوتين). A letter changed for its neighbour on the Arabic keyboard is the
likeliest slip (اليمم → اليمن, م beside ن, rather than the commoner اليوم).
The few likeliest candidates of each word, together, are searched in the
index with the query's other words and filters: the spelling offered is
the one whose articles, weighed by how likely the slip, are most (ترانب
كوريا → ترامب كوريا: the words found together). It is offered only when
it finds more articles than the query as typed, or has every word where
the query as typed found only some of them; each word it changed written as
the articles it finds write it (السعودية, not the lexicon's السعوديه).

A person's name is misspelt in the news too, often enough for the lexicon
to know the slip (ميركيل 7 times, اردوجان 16): a rare word one long vowel or
one of a foreign name's letters away from a one-word name of a person the
gazetteer knows (ميركل, أردوغان), or two of its letters swapped past the
first (خاشجقي), NAME_RATIO times commoner, has that name as
a candidate; a query of that one word, found in a few articles
(SLIPS_FOUND at most), is offered it when it finds MUCH times more
(ميركيل: 3 articles; ميركل: 325), as is one of an unknown word. A word with
the article is an Arabic family name, whose long vowels make another one
(العابدي, العبادي), and is left as typed.
"""

import itertools
import math
import re
import weakref
from dataclasses import dataclass, replace

from indexer.actors.recognise import key
from indexer.actors.suggest import skeleton
from indexer.arabic import is_stopword, normalize
from indexer.arabic.stem import _ARTICLES, _CLITICS, lexicon

from .query import PHRASE_QUOTES
from .request import SearchRequest

FEW = 3  # results under which a correction is looked for
UNKNOWN = 3  # a word the lexicon counts fewer times than this is unknown
KNOWN = 20  # a correction must be at least this common
MIN_LENGTH = 3  # shorter words have too many neighbours to guess from
MAX_LENGTH = 24  # longer is no word (a pasted run of letters): not worth ~60 edits a letter
# The letters an edit may bring in: the Arabic letters of normalised text.
LETTERS = "ءابتثجحخدذرزسشصضطظعغفقكلمنهويى"
CANDIDATES = 3  # the likeliest spellings of each word searched in the index
MOST_SEARCHES = 9  # spellings of a whole query tried at most
NEIGHBOUR = 10  # how much likelier a slip to a neighbouring key is than to any other
RARE = 30  # a word the lexicon counts fewer times than this may be a name's slip
NAME_RATIO = 50  # how much commoner in the lexicon the name must be
MUCH = 10  # how many times more a name's spelling must find than a query that found a few
SLIPS_FOUND = 20  # the most articles a one-word slip may find to be offered another spelling


def _keyboard_neighbours() -> dict[str, set[str]]:
    """Each letter's neighbours on the Arabic keyboard (101 layout), in
    normalised letters: beside it on its row, and above and below it."""
    rows = ["ضصثقفغعهخحجد", "شسيبلاتنمكط", "ءءءر ىهوزظ"]
    near: dict[str, set[str]] = {}
    for number, row in enumerate(rows):
        for i, letter in enumerate(row):
            if letter == " ":
                continue
            around = {row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)}
            for other in (
                rows[number - 1] if number else "",
                rows[number + 1] if number < 2 else "",
            ):
                around |= {other[j] for j in (i - 1, i, i + 1) if 0 <= j < len(other)}
            near.setdefault(letter, set()).update(around - {" ", letter})
    return near


NEIGHBOURS = _keyboard_neighbours()

# Letters written for one another by ear, as likely as a neighbouring key:
# a hamza and a letter it sits on or was dropped for (هيأة, هيئة; مسوول),
# not those letters for one another (أنجولا is no أنجيلا), the letters of g
# (أنجولا, أنغولا), and those dialects say alike.
SOUNDALIKE = ("ءا", "ءو", "ءي", "جغقك", "ذزظ", "ضظ", "ثسص", "ته")
_SOUNDS_LIKE = {
    a: {b for group in SOUNDALIKE if a in group for b in group} - {a}
    for a in set("".join(SOUNDALIKE))
}
LONG_VOWELS = "اوي"  # left out or added by ear: سلمن, سلمان
TWO_FOR_ONE_SOUND = ("تش",)  # its first letter left out by ear: شيلي for تشيلي (ch)


@dataclass
class Suggestion:
    text: str  # the corrected query
    total: int  # how many articles it finds, under the same filters


def candidates(text: str, names: frozenset[str] = frozenset()) -> list[tuple[str, float]]:
    """Other spellings of `text`, each with how likely its slips are
    (1, or NEIGHBOUR for each slip to a neighbouring key; likeliest first
    by the lexicon's counts, MOST_SEARCHES at most): each unknown word replaced by
    one of its CANDIDATES likeliest known neighbours, and each rare one by
    the `names` (`person_names`) its slip may be of. Empty when no word
    changes. Operators, quotes and punctuation around a word stay as typed."""
    counts = lexicon()
    choices = []  # per piece of the text: [(piece, weight)]
    for piece in text.split():
        core = piece.strip("\"'()*-،؛.,:!؟?~^" + PHRASE_QUOTES)
        word = normalize(core)
        options = [(piece, 1.0)]
        if not (MIN_LENGTH <= len(word) <= MAX_LENGTH and word.isalpha()) or is_stopword(word):
            known = []  # a function word the lexicon leaves out (إنه, منهم) is no slip
        elif counts.get(word, 0) < UNKNOWN:
            known = [c for c in _edits(word) if counts.get(c, 0) >= KNOWN]
        else:
            known = _names_near(word, names, counts)
        if known:
            # The likeliest by the lexicon's counts and the slip; the slip's
            # likelihood alone is kept, for the index's counts to weigh.
            known.sort(key=lambda c: (-counts[c] * _likelihood(word, c), c))
            options = [
                (piece.replace(core, c, 1), _likelihood(word, c)) for c in known[:CANDIDATES]
            ]
        choices.append(options)
    if all(len(options) == 1 for options in choices) and text.split() == [
        options[0][0] for options in choices
    ]:
        return []  # no word changed
    # Each word's options are in order of likelihood: the first combinations
    # of the product are the likeliest.
    combinations = itertools.islice(itertools.product(*choices), MOST_SEARCHES)
    return [
        (" ".join(piece for piece, _ in combination), math.prod(w for _, w in combination))
        for combination in combinations
    ]


def _names_near(word: str, names: frozenset[str], counts) -> list[str]:
    """The names a rare `word` may be a slip of: one edit away, the same
    but for a long vowel or a foreign name's letters (their `skeleton` is
    one), NAME_RATIO times commoner in the lexicon."""
    seen = counts.get(word, 0)
    if not names or seen >= RARE or word in names or word.startswith("ال"):
        return []
    if counts.get("ال" + word, 0):
        return []  # a word of the language, which the article takes (كلب, بيتزا): no slip
    return [
        name
        for name in _edits(word) & names
        if counts.get(name, 0) >= max(KNOWN, NAME_RATIO * seen)
        and (skeleton(name) == skeleton(word) or _swapped(name, word))
    ]


def _swapped(one: str, other: str) -> bool:
    """Whether two words differ by two neighbouring letters swapped past
    the first (خاشجقي, خاشقجي; never a clitic's: ونير is no نوير)."""
    changed = [i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b]
    return (
        len(one) == len(other)
        and len(changed) == 2
        and changed[0] > 0
        and changed[1] == changed[0] + 1
        and one[changed[0]] == other[changed[1]]
        and one[changed[1]] == other[changed[0]]
    )


# gazetteer -> its people's one-word names, made once a gazetteer.
_NAMES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def person_names(gazetteer) -> frozenset[str]:
    """The one-word names of people the gazetteer knows, as names or aliases
    (ميركل, اردوغان; سكريبال, the father's and the daughter's), normalised
    as the lexicon counts words: a spelling, whoever it names."""
    found = _NAMES.get(gazetteer)
    if found is None:
        found = frozenset(
            normalize(spelling)
            for spelling, _ in gazetteer.people_spellings(shared=True)
            if len(key(spelling).split()) == 1
        )
        _NAMES[gazetteer] = found
    return found


def _likelihood(typed: str, known: str) -> float:
    """How likely `known` was meant when `typed` was typed: a letter changed
    for its keyboard neighbour or for one that sounds alike, a long vowel
    left out or added, or the ت of تش (ch) left out or added, is NEIGHBOUR
    times likelier than other slips."""
    if len(typed) == len(known):
        changed = [(a, b) for a, b in zip(typed, known, strict=True) if a != b]
        if len(changed) == 1:
            typed_letter, meant = changed[0]
            if meant in NEIGHBOURS.get(typed_letter, set()) | _SOUNDS_LIKE.get(typed_letter, set()):
                return NEIGHBOUR
    elif abs(len(typed) - len(known)) == 1:
        longer, shorter = (typed, known) if len(typed) > len(known) else (known, typed)
        for at, letter in enumerate(longer):
            doubled = letter in (longer[at - 1 : at], longer[at + 1 : at + 2])  # a key held
            by_ear = letter in LONG_VOWELS or longer[at : at + 2] in TWO_FOR_ONE_SOUND
            if by_ear and not doubled and longer[:at] + longer[at + 1 :] == shorter:
                return NEIGHBOUR
    return 1.0


def _edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in LETTERS if c != b[0]),
        *(a + c + b for a, b in splits for c in LETTERS),
    }


def did_you_mean(
    request: SearchRequest, result, backend, make_request, gazetteer=None
) -> Suggestion | None:
    """A better query for `request`, whose search gave `result`, or None:
    when it found few articles, or none with all its words, or when a
    spelling of its unknown words (a slip the news made too: انتحابات, in 3
    articles) or of a name of the `gazetteer`'s finds MUCH times more. Each candidate
    spelling is searched under the same filters and weighed by how likely
    its slips are and by the articles that hold it in their title (what
    stories are about: اليمن heads more stories than اليوم, which fills
    more of them), then by all the articles that hold it. `make_request(params)`
    builds a request as the surface does (its settings, its gazetteer's
    other spellings)."""
    # What the words found: the spellings are weighed by their words alone
    # (meaning finds something for any text, and would cost a model's run each).
    by_words = result.total - (result.meaning or {}).get("added", 0)
    if not request.text:
        return None
    few = by_words < FEW or result.relaxed
    # A query that found a few is offered another spelling only as one word
    # found in a handful of articles (ميركيل: 3), on its first page: not a
    # name of two words (جنسون بوتون is no جيسون بوتين), not a common word.
    if not few and (
        len(request.text.split()) != 1
        or by_words > SLIPS_FOUND
        or request.page > 1
        or request.cursor
    ):
        return None
    names = person_names(gazetteer) if gazetteer is not None else frozenset()
    # A query that found a few: a name's spelling that finds many more.
    enough = by_words if few else MUCH * by_words - 1

    def count(text, size=1):
        changed = request.to_params(q=text)
        params = {k: v if isinstance(v, list) else [v] for k, v in changed.items()}
        return backend.search(replace(make_request(params), size=size, facets=(), mode="words"))

    best = None
    for text, likelihood in candidates(request.text, names):
        found = count(text)
        whole = result.relaxed and found.total and not found.relaxed  # every word, at last
        # Where no article held every word, only a spelling that has them all
        # is better: one more article holding some of them says nothing.
        if not (whole or (not result.relaxed and found.total > enough)):
            continue
        headed = count(_in_titles(text))
        weight = (likelihood * (0 if headed.relaxed else headed.total), likelihood * found.total)
        if best is None or weight > best[0]:
            best = (weight, text, found.total)
    if best is None:
        return None
    _, text, total = best
    return Suggestion(_as_written(text, count(text, size=AS_WRITTEN).hits), total)


_WORD = re.compile(r"\w+")


AS_WRITTEN = 10  # the hits whose headlines and snippets show how a suggestion is written
# What the stemmer takes off a word's front: the article with its clitics, a clitic.
_LEADING = (*(article for article, _ in _ARTICLES), *_CLITICS)


def _as_written(text: str, hits) -> str:
    """`text` with each word the lexicon gave in its normalised letters
    (السعوديه, مءتمر) written as the articles found write it (السعودية,
    مؤتمر), where a hit's headline or snippet holds it, the article or a
    clitic before it or not (المؤتمر); as it is otherwise."""
    written: dict[str, str] = {}
    for hit in hits:
        for token in _WORD.findall(f"{hit.title} {re.sub(r'<[^>]*>', ' ', hit.snippet)}"):
            folded = normalize(token)
            written.setdefault(folded, token)
            if len(folded) == len(token):  # letter for letter: a prefix's letters are its own
                for leading in _LEADING:
                    if folded.startswith(leading) and len(folded) - len(leading) >= 3:
                        written.setdefault(folded[len(leading) :], token[len(leading) :])
    return " ".join(written.get(piece, piece) for piece in text.split())


def _in_titles(text: str) -> str:
    """`text` with each plain word looked for in titles only (title:word)."""
    return " ".join(
        piece
        if piece in ("OR", "AND", "NOT") or piece[0] in '-"' or ":" in piece
        else "title:" + piece
        for piece in text.split()
    )
