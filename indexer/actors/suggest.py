"""Mining candidate actors from an archive, to build the gazetteer from.

`suggest(articles)` finds the names that follow a title or role (الرئيس
الروسي فلاديمير بوتين, وزير الخارجية ..., المتحدث باسم ...), adds the
archive's own tag and actor values, leaves out the names the gazetteer
knows already, and groups spellings that differ only in long vowels (ترامب
/ ترمب, بوتين / بوتن), so that a curator sees one candidate with its
variants, ranked by how often the archive names it.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from indexer.arabic import STOPWORDS, normalize

# Titles and roles, normalised; longest first so that رءيس الوزراء wins over رءيس.
ROLES = sorted(
    {
        normalize(role)
        for role in (
            "الرئيس",
            "رئيس",
            "رئيسة",
            "رئيس الوزراء",
            "رئيسة الوزراء",
            "رئيس الحكومة",
            "وزير",
            "وزيرة",
            "الوزير",
            "المتحدث باسم",
            "المتحدثة باسم",
            "زعيم",
            "الزعيم",
            "الأمين العام",
            "ولي العهد",
            "الملك",
            "الأمير",
            "المستشارة",
            "المستشار",
            "السفير",
            "قائد",
            "المبعوث",
            "رئيس الوزراء الإسرائيلي",
            "نائب الرئيس",
            "مدرب",
            "المدرب",
            "اللاعب",
            "النجم",
        )
    },
    key=len,
    reverse=True,
)
# After a role: an optional qualifier (الروسي, الخارجية الأمريكية, باسم البيت
# الأبيض) of words ending like adjectives or starting with ال, then the name.
_WORD = r"[\u0621-\u064a]+"
# A name word: not an article-bearing noun (but عبد الله, عبد العزيز are one
# name), not a preposition-bearing word (للامم), not a conjunction (والزعيم).
_NAME_WORD = r"(?:عبد\s+ال[\u0621-\u064a]+|(?![لو]|ال)[\u0621-\u064a]{2,})"
_CANDIDATE = re.compile(
    rf"(?<![\u0621-\u064a])(?:{'|'.join(map(re.escape, ROLES))})"
    rf"(?:\s+(?:ال{_WORD}|لل{_WORD}|{_WORD}ي|{_WORD}يه))*"
    rf"\s+((?:{_NAME_WORD})(?:\s+{_NAME_WORD}){{0,2}})"
)
_LONG_VOWELS = str.maketrans("", "", "اوي")
MAX_EXAMPLES = 3


@dataclass
class Candidate:
    key: str  # spelling-insensitive skeleton
    count: int = 0
    spellings: Counter = field(default_factory=Counter)
    examples: list = field(default_factory=list)  # article IDs

    @property
    def name(self):
        return self.spellings.most_common(1)[0][0]


def skeleton(name: str) -> str:
    """The name without its long vowels, after the first letter of each word:
    ترامب and ترمب, بوتين and بوتن, نتنياهو and نتانياهو share one."""
    return " ".join(word[0] + word[1:].translate(_LONG_VOWELS) for word in normalize(name).split())


def names_in(text: str):
    """The names that follow a title or role in `text` (normalised)."""
    for match in _CANDIDATE.finditer(normalize(text)):
        words = match.group(1).split()
        while words and words[-1] in STOPWORDS:
            words.pop()
        if words and not all(w in STOPWORDS for w in words):
            yield " ".join(words)


def suggest(articles, minimum=3, known=None):
    """Candidates named at least `minimum` times, most frequent first; with
    a gazetteer as `known`, only the names it does not know yet."""
    candidates = {}
    for article in articles:
        names = list(names_in(f"{article.title}\n{article.body}"))
        names += [normalize(value) for value in (*article.tags, *article.actors)]
        for name in names:
            if known is not None and known.knows(name):
                continue
            key = skeleton(name)
            candidate = candidates.setdefault(key, Candidate(key))
            candidate.count += 1
            candidate.spellings[name] += 1
            if len(candidate.examples) < MAX_EXAMPLES and article.id not in candidate.examples:
                candidate.examples.append(article.id)
    ranked = [c for c in candidates.values() if c.count >= minimum]
    return sorted(ranked, key=lambda c: (-c.count, c.key))
