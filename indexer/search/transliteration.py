"""The names of a query in Latin letters, found in Arabic articles.

An English query names people, places and companies in their English
spelling (Merkel, Seehofer, Chrysler); the archive writes them in Arabic
letters (ميركل، زيهوفر، كرايسلر). Both spellings reduce to one consonant
skeleton (MRKL, SFR, KRSLR): vowels, h and the letters Arabic writes as
long vowels (ا و ي) dropped, each consonant taken to its class (p and b
are ب, v and f are ف, s and z and ص are one), repeated classes kept once.
An English letter with two usual Arabic spellings gives both skeletons
(ch: تش of Churchill or ك of Chrysler; j: ج of Jeep or ي of Juncker).

`shares` says, of each article a fused ranking holds, how much of the
query's names and figures its passage (the headline and lead, as it is
embedded) writes, each name weighed by how few of those articles write it:
a name most candidates write (the Trump of a Trump story) tells little.
Skeletons of fewer than three consonants are not matched: two consonants
meet too many Arabic words (Obama, Gaza, Iran and Hamas are left to the
meaning). Names spelled apart in the two languages never meet (Egypt and
مصر, Morocco and المغرب). Measured in docs/meaning.md.
"""

import itertools
import math
import re
import unicodedata

from indexer.arabic import STOPWORDS
from indexer.arabic.normalize import normalize
from indexer.arabic.tokenize import NUMBER, WORD

SHORTEST = 3  # consonants of a skeleton that is matched

_ARABIC_CLASSES = {
    "ب": "B",
    "تطث": "T",
    "جغ": "G",
    "خقك": "K",
    "دضذ": "D",
    "ر": "R",
    "زسصظ": "S",
    "ش": "X",
    "ف": "F",
    "ل": "L",
    "م": "M",
    "ن": "N",
}  # every other letter (ا و ي ى ه ة ح ع and hamza's seats) is a vowel or silent
_SOUND_LETTERS = str.maketrans("گڨچ", "غغش")
_ARABIC_TABLE = str.maketrans(
    {chr(c): "" for c in range(0x0600, 0x0700)}
    | {letter: kind for letters, kind in _ARABIC_CLASSES.items() for letter in letters}
)
# Clitics taken off a word's front, leaving three letters or more: the longest, or one letter.
_CLITIC = re.compile(r"(?<!\S)(?:وال|بال|فال|كال|لل|ال|و|ب|ل|ف)(?=\S{3})")
_LETTER_CLITIC = re.compile(r"(?<!\S)[وبلف](?=\S{3})")

# Latin spellings, longest first where they overlap; unlisted letters are vowels or silent.
_LATIN = (
    ("tsch", "X"),
    ("tch", "X"),
    ("sch", "X"),
    ("sh", "X"),
    ("ch", "X"),
    ("ph", "F"),
    ("th", "T"),
    ("kh", "K"),
    ("gh", "G"),
    ("dj", "G"),
    ("ck", "K"),
    ("qu", "K"),
    ("x", "KS"),
    ("b", "B"),
    ("p", "B"),
    ("c", "K"),
    ("k", "K"),
    ("q", "K"),
    ("g", "G"),
    ("j", "G"),
    ("f", "F"),
    ("v", "F"),
    ("s", "S"),
    ("z", "S"),
    ("d", "D"),
    ("t", "T"),
    ("r", "R"),
    ("l", "L"),
    ("m", "M"),
    ("n", "N"),
)
_SOFT_C = re.compile(r"c(?=[eiy])")  # Céline, Nice: an s
# Letters NFKD would take to another sound: Modrić, Çavuşoğlu, Strauß.
_SOUNDS = str.maketrans(
    {
        "ć": "ch",
        "č": "ch",
        "ç": "ch",
        "ş": "sh",
        "š": "sh",
        "ž": "zh",
        "ğ": "",
        "ß": "ss",
        "ł": "l",
        "ø": "o",
    }
)
_EXCLUDED = re.compile(r"(?:(?<=\s)|^)-\S+|\bNOT\s+\S+")  # -Seehofer, NOT Seehofer
_ALSO = (("ch", "k"), ("j", "y"))  # letters with a second usual Arabic spelling
_WORD = re.compile(WORD)
_FIGURE = re.compile(NUMBER)
_PLAIN_WORDS = frozenset(
    "the a an of in on at to for and or but with from by after before over under as is are "
    "was were be his her its their new first says say said will into about against amid".split()
)


_REPEATED = re.compile(r"([^ ])(?=\1)")  # a letter the same letter follows


def _once(skeleton: str) -> str:
    return _REPEATED.sub("", skeleton)


def in_latin(text: str) -> bool:
    """Whether a query is written in Latin letters, most of its letters
    (earthquake, Trump's visit): the words of an Arabic archive hold none
    of its words but names; meaning finds it, where the index has vectors."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) > len(letters) / 2


def latin_skeletons(word: str) -> set[str]:
    """The skeletons of a word in Latin letters (one per usual Arabic spelling)."""
    plain = unicodedata.normalize("NFKD", word.lower().translate(_SOUNDS))
    plain = _once("".join(ch for ch in plain if "a" <= ch <= "z"))  # Exxon: one x
    spellings = {plain}
    for letters, other in _ALSO:
        spellings |= {s.replace(letters, other) for s in spellings}
    return {_latin_skeleton(_SOFT_C.sub("s", s)) for s in spellings} - {""}


def _latin_skeleton(word: str) -> str:
    kinds, at = [], 0
    while at < len(word):
        for letters, kind in _LATIN:
            if word.startswith(letters, at):
                kinds.append(kind)
                at += len(letters)
                break
        else:
            at += 1  # a vowel, h, w or y
    return _once("".join(kinds))


def arabic_skeletons(text: str) -> tuple[set[str], set[str]]:
    """(the skeletons of a text's words, with and without their clitics, and of
    each two words in a row: سناب شات is Snapchat; its figures). Function
    words are left out: بعد أن is no Biden, منذ no Monday."""
    # Normalising writes گ as ك, ڨ as ق and چ as ج, the letters they are
    # drawn on; their sounds are g and ch.
    text = normalize(text.translate(_SOUND_LETTERS)).replace("تش", "ش")
    figures = {figure.replace(",", "") for figure in _FIGURE.findall(text)}
    words = [word for word in _WORD.findall(text) if word not in STOPWORDS]
    joined = " ".join(words)
    skeletons: set[str] = set()
    for form in (joined, _CLITIC.sub("", joined), _LETTER_CLITIC.sub("", joined)):
        kinds = _once(form.translate(_ARABIC_TABLE)).split(" ")
        skeletons.update(kinds)
        skeletons.update(first + second for first, second in itertools.pairwise(kinds))
    return skeletons, figures


def query_names(text: str) -> tuple[list[set[str]], set[str]]:
    """(the skeletons of each name of a query in Latin letters: its capitalised
    words but the plainest and acronyms (NATO, HSBC: Arabic spells most letter
    by letter), not those it excludes; its figures: 1.4, 150 or 2018). In a
    query typed without capitals (merkel meets seehofer) any word of four
    letters or more may be a name."""
    words = _WORD.findall(_EXCLUDED.sub(" ", text))
    uncapitalised = not any(word[0].isupper() for word in words)
    names = []
    for word in words:
        if uncapitalised:
            named = len(word) >= 4 and word not in _PLAIN_WORDS
        else:
            acronym = word.isupper() and len(word) <= 5
            named = word[0].isupper() and not acronym and word.lower() not in _PLAIN_WORDS
        if named:
            if skeletons := {s for s in latin_skeletons(word) if len(s) >= SHORTEST}:
                names.append(skeletons)
    figures = {f.replace(",", "") for f in _FIGURE.findall(text) if len(f) > 1}
    return names, figures


def shares(text: str, passages: dict[str, str]) -> dict[str, float]:
    """{ID: what the article's passage writes of the query's names and
    figures, from 0 to 1} for the articles of `passages`: each weighs
    log((n + 1) / (k + 1)) of log(n + 1) when k of the n articles write it,
    so that a name all write weighs nothing, and one only this article
    writes all it can."""
    names, figures = query_names(text)
    if not (names or figures) or not passages:
        return {}
    written = {}
    for article_id, passage in passages.items():
        skeletons, numbers = arabic_skeletons(passage)
        written[article_id] = [bool(name & skeletons) for name in names] + [
            figure in numbers for figure in sorted(figures)
        ]
    wanted = len(names) + len(figures)
    most = math.log(len(written) + 1)
    weights = [
        math.log((len(written) + 1) / (sum(row[n] for row in written.values()) + 1)) / most
        for n in range(wanted)
    ]
    total = wanted
    return {
        article_id: sum(w for w, has in zip(weights, row, strict=True) if has) / total
        for article_id, row in written.items()
    }
