"""Candidate actors mined from an archive, for a curator to review.

`suggest(articles, recogniser)` runs the recogniser over each article and
keeps the actors the gazetteer does not know: the names found by their shape
(a title or a verb of speech before them, a given name, an organisation's
head word). Each candidate is one actor however the archive spells it: its
mentions are grouped by their normalised form, and spellings that differ
only in long vowels (نتنياهو / نتانياهو), or in the letters a foreign name is
written with either way (غاريث / جاريث), join when the name has two words or
more (one word alone, such as سعد and سعيد, is too short to tell; `skeleton`
says which words keep theirs). It is
shown in the spelling the archive writes most, with its other spellings, the
number of articles that name it (the evidence it is ranked by) and the
sentences that name it first.
"""

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from indexer.arabic import normalize

from .recognise import Recogniser, _lines, key

MAX_EXAMPLES = 3
_LONG_VOWELS = str.maketrans("", "", "اوي")
_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]?")
_MOST_SENTENCE_CHARS = 240
_HAMZA_BEFORE_YA = re.compile("ء(?=ي.)")


@dataclass
class Candidate:
    key: str  # normalised, spelling-insensitive
    kinds: Counter = field(default_factory=Counter)
    spellings: Counter = field(default_factory=Counter)
    articles: int = 0
    examples: list = field(default_factory=list)  # (article ID, sentence)

    @property
    def name(self) -> str:
        return self.spellings.most_common(1)[0][0]

    @property
    def kind(self) -> str:
        return self.kinds.most_common(1)[0][0]

    @property
    def other_spellings(self) -> list[str]:
        return [s for s, _ in self.spellings.most_common() if s != self.name]

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "articles": self.articles,
            "spellings": self.other_spellings,
            "examples": [{"id": i, "sentence": s} for i, s in self.examples],
        }


@functools.lru_cache(maxsize=1 << 16)  # (asked of the same names article after article)
def skeleton(name: str) -> str:
    """The name without its long vowels, after the first letter of each word:
    ترامب and ترمب, بوتين and بوتن, نتنياهو and نتانياهو share one. A word
    with the article keeps its last letter: the ي of a family name (nisba)
    makes another name, الطيبي not الطيب, المحمدي not المحمد. The letters
    Arabic writes a foreign name with either way are one (`_foreign`). The
    given names of data/distinct-names.txt keep their letters and long
    vowels: محمود is not محمد, سامية not سامي."""
    return " ".join(_skeleton_of(word) for word in normalize(name).split())


@functools.cache
def _distinct_names() -> frozenset[str]:
    lines = _lines("distinct-names.txt")
    return frozenset(normalize(name) for line in lines for name in line.split())


def _skeleton_of(word: str) -> str:
    if word in _distinct_names() or (word.startswith("ال") and word[2:] in _distinct_names()):
        # محمود is not محمد, الحسين not الحسن; marked, so that no skeleton of
        # another word is the name itself (حسان's is حسن).
        return "=" + word
    if word.startswith("ال") and len(word) > 3:
        return word[0] + word[1:-1].translate(_LONG_VOWELS) + word[-1]
    # تش is ش once the long vowels are out: مودريتش, مودرتيش, مودريش.
    word = _foreign(word)
    return (word[0] + word[1:].translate(_LONG_VOWELS)).replace("تش", "ش")


def _foreign(word: str) -> str:
    """A word without the article (an Arabic name's word has it: الغابري is
    not الجبري) with the letters a foreign name is spelt with either way made
    one: غ is ج (غاريث, جاريث: G), ط is ت (أنطونيو, أنتونيو), a hamza before
    a ي inside it goes (رافائيل, رافاييل) and ييه ends as يي (ديدييه,
    ديديي); ابن is بن (and تش is ش: `_skeleton_of`). In ../shared/corpus
    298 groups of spellings joined, each read: one person's but for about
    five whose names were near alike already (ديفيد جيفن, دافيد غوفين);
    Arabic given names these letters would join are kept apart by
    distinct-names.txt (رجب, راغب); a hamza before another letter, or a
    last يه, is an Arabic name's (فؤاد not فادي, سامية not سامي)."""
    if word == "ابن":
        return "بن"
    word = word.replace("غ", "ج").replace("ط", "ت")
    word = word[0] + _HAMZA_BEFORE_YA.sub("", word[1:])
    return word[:-1] if word.endswith("ييه") else word


def sentence_naming(text: str, forms) -> str:
    """The first sentence of `text` that writes one of `forms`, cut to a
    readable length around it ("" when none does)."""
    for sentence in _SENTENCE.findall(text):
        for form in forms:
            at = sentence.find(form)
            if at < 0:
                continue
            sentence = sentence.strip()
            if len(sentence) <= _MOST_SENTENCE_CHARS:
                return sentence
            at = sentence.find(form)
            start = max(0, at - _MOST_SENTENCE_CHARS // 2)
            cut = sentence[start : start + _MOST_SENTENCE_CHARS].strip()
            return ("…" if start else "") + cut + "…"
    return ""


def suggest(articles, recogniser: Recogniser, minimum=3, known=True, home=lambda source: None):
    """Candidates named in at least `minimum` articles, the most named first;
    with `known` false, the actors the gazetteer knows are listed too.
    `home(source)`: a local outlet's country, read as the reindex reads it."""
    gazetteer = recogniser.gazetteer
    candidates: dict[str, Candidate] = {}
    by_skeleton: dict[str, Candidate] = {}
    for article in articles:
        for found in recogniser.actors(
            article.title, article.body, article.tags, home(article.source)
        ):
            if known and gazetteer.actor(found.name) is not None:
                continue
            name_key = key(found.name)
            candidate = candidates.get(name_key)
            if candidate is None and len(name_key.split()) > 1:
                candidate = by_skeleton.get(skeleton(name_key))
            if candidate is None:
                candidate = Candidate(name_key)
                by_skeleton.setdefault(skeleton(name_key), candidate)
            candidates[name_key] = candidate
            candidate.articles += 1
            candidate.kinds[found.kind] += 1
            candidate.spellings[found.name] += 1
            if len(candidate.examples) < MAX_EXAMPLES:
                text = f"{article.title}\n{article.body}"
                sentence = sentence_naming(text, found.forms)
                if sentence:
                    candidate.examples.append((article.id, sentence))
    unique = {id(c): c for c in candidates.values()}.values()
    ranked = [c for c in unique if c.articles >= minimum]
    return sorted(ranked, key=lambda c: (-c.articles, c.key))
