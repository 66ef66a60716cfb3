"""The actors an index holds, and what a journalist's actor filter means.

An article's actors are stored as written: the gazetteer's canonical names,
and the names the recogniser found, in the spelling of each article. The
same actor may then be stored under several spellings across the archive
(فلاديمير بوتن, فلاديمير بوتين when the gazetteer does not know him). They are
one actor for people: one facet entry (`merged`), one filter.

`ActorDirectory` holds every actor value of the index with its count,
grouped by `actor_key`, and resolves what a filter gives (`actor=بوتين`,
`actor=Putin`, `actor=الصيد`) into the values stored:

1. a value stored as written (a facet entry): every spelling of its actor;
2. a gazetteer alias or English name: its actor, whatever else shares its
   key (عبد الله الثاني is the King of Jordan, though the index stores the
   name of Libya's عبد الله الثني under that key);
3. a spelling of a stored actor (normalised, long vowels of a name of two
   words or more aside, as `skeleton` says): every spelling of it; else a
   spelling of the same key of a person the gazetteer knows: theirs;
4. the words of one stored actor's name, in order, as articles write them
   (a surname, الصيد; a name with words left out): that actor, when only
   one has them;
5. otherwise nothing, with the closest actors to offer instead.
"""

import difflib
import threading
import time
from dataclasses import dataclass
from functools import cached_property

from indexer.actors.keys import actor_key, named, same_person
from indexer.actors.recognise import key
from indexer.actors.suggest import skeleton

MOST_CLOSEST = 5
OFFERED = 5  # values of one request that name no actor and are offered the closest
MOST_STORED = 10  # an actor's stored spellings a query also searches


def spellings_of(gazetteer, name: str, directory=None) -> tuple[str, ...]:
    """`Gazetteer.spellings` of the actor `named` finds (of a family name
    several people share, its other spellings), and for a person,
    with a `directory` (a function giving the index's ActorDirectory, called
    only for a person the gazetteer knows) the spellings the index stores
    them under that the gazetteer lacks (`ActorDirectory.stored`): غاريث بيل
    finds the articles that wrote جاريث بيل too."""
    actor = named(gazetteer, name)
    if actor is None:
        return gazetteer.family_spellings(name)  # سكريبال, سكريبل: whichever Skripal
    found = gazetteer.spellings(actor.name)
    if directory is not None and actor.type == "person":
        found += directory().stored(actor, found, gazetteer)
    return found


def merged(rows, gazetteer=None):
    """(value, count) rows with the spellings of one actor as one row: the
    spelling with the most articles, and their counts added (an article
    writes one actor one way: the recogniser joins its forms)."""
    groups: dict[str, tuple[str, int, int]] = {}  # key -> (shown, its count, all)
    for value, count in rows:
        name_key = actor_key(value, gazetteer)
        group = groups.get(name_key)
        if group is None:
            groups[name_key] = (value, count, count)
        else:
            shown, most, total = group
            if (count, value) > (most, shown):
                shown, most = value, count
            groups[name_key] = (shown, most, total + count)
    return [(shown, total) for shown, _, total in groups.values()]


@dataclass(frozen=True)
class Resolved:
    """What one filter value stands for: the stored spellings (the first is
    the one shown), or none, with the closest actors to offer."""

    value: str
    spellings: tuple[str, ...] = ()
    closest: tuple[tuple[str, int], ...] = ()  # (name, articles)

    @property
    def name(self) -> str:
        return self.spellings[0] if self.spellings else self.value


class ActorDirectory:
    def __init__(self, counts: dict[str, int], gazetteer=None):
        self.gazetteer = gazetteer
        groups: dict[str, list[str]] = {}
        for value in sorted(counts, key=lambda v: (-counts[v], v)):
            groups.setdefault(actor_key(value, gazetteer), []).append(value)
        self._counts = dict(counts)
        self._groups = {k: tuple(spellings) for k, spellings in groups.items()}
        self._articles = {
            k: sum(counts[v] for v in spellings) for k, spellings in self._groups.items()
        }

    @cached_property
    def _words(self):
        """(having, by_word, most_words): a word of an actor's names, as
        written (a surname keeps its long vowels: الصيد) or as the key has
        it -> the actors; a word of the key -> the actors; the most words
        of one actor's names. Made for the first value that is no stored
        spelling (as long again as the rest; a query's names never need it)."""
        having: dict[str, list[str]] = {}
        by_word: dict[str, list[str]] = {}
        most_words = 0
        for k in self._groups:
            words = {word for name in self._names(k) for word in name}
            for word in words:
                having.setdefault(word, []).append(k)
            most_words = max(most_words, len(words))
            for word in k.split():
                by_word.setdefault(word, []).append(k)
        return having, by_word, most_words

    def __len__(self):
        return len(self._groups)

    def articles(self, value: str) -> int:
        """The articles that store the actor under this spelling."""
        return self._counts.get(value, 0)

    def alike(self, values) -> set[str]:
        """`values` and every value stored under the key of one of them: the
        other spellings of their actors (جون بولتن beside جون بولتون)."""
        keys = {actor_key(value, self.gazetteer) for value in values}
        return set(values).union(*(self._groups.get(k, ()) for k in keys))

    def stored(self, actor, spellings, gazetteer) -> tuple[str, ...]:
        """The values stored with the `actor_key` of one of `spellings` (the
        gazetteer's of `actor`) of two words or more (one word's key is the
        word) and SURE_LETTERS letters beside given names (محمد دياب is no
        spelling of محمد ديبي, ليو ماري none of لو مير), but for those that
        name another actor the gazetteer knows (عبد الله الثني is not عبد الله
        الثاني, though their keys are one): those of the most articles first,
        MOST_STORED at most."""
        given = set(spellings)
        found = {
            value: self._counts[value]
            for spelling in spellings
            if " " in key(spelling) and _sure(actor_key(spelling))
            for value in self._groups.get(actor_key(spelling, gazetteer), ())
            if value not in given and named(gazetteer, value) in (None, actor)
        }
        return tuple(sorted(found, key=lambda v: (-found[v], v))[:MOST_STORED])

    def resolve(self, value: str, offer=True) -> Resolved:
        """What `value` names; where it names no one, the closest actors,
        unless `offer` is false (a tenth of a second at 40,000 articles)."""
        gazetteer = self.gazetteer
        if value in self._counts:
            return Resolved(value, self._groups[actor_key(value, gazetteer)])
        known = gazetteer.named(value) if gazetteer is not None else None
        found = self._groups.get(actor_key(value, gazetteer)) if known is None else None
        if found:
            return Resolved(value, found)
        if known is None and gazetteer is not None:
            known = same_person(gazetteer, value)
        if known is not None:
            return Resolved(value, self._of(known, gazetteer))
        if gazetteer is not None and (english := gazetteer.by_english_words(value)):
            # Words of English names: Bolton is John Bolton (Bolton Wanderers
            # too, where the archive names no club of that name); Assad, one
            # of two the archive names.
            archived = [a for a in english if actor_key(a.name, gazetteer) in self._groups]
            if len(english) == 1 or len(archived) == 1:
                return Resolved(value, self._of((archived or english)[0], gazetteer))
            keys = {actor_key(a.name, gazetteer) for a in english}
            return Resolved(value, closest=self._best(keys & self._groups.keys()))
        having, by_word, most_words = self._words
        written = tuple(key(value).split())
        wanted = {written, tuple(actor_key(value).split())} if len(written) > 1 else {written}
        holding = {
            k
            for part in wanted
            if part
            for k in having.get(part[0], ())
            if any(_in_order(part, name) for name in self._names(k))
        }
        if len(holding) == 1:
            return Resolved(value, self._groups[holding.pop()])
        if holding or not offer:
            return Resolved(value, closest=self._best(holding))
        # Names spelled nearly the same, whole or by one of their words (ماكرن:
        # إيمانويل ماكرون); no name has more words than the longest.
        typed = actor_key(value)
        near = set(difflib.get_close_matches(typed, self._groups, n=10, cutoff=0.6))
        # The words as typed, and as a name's key has them (long vowels out:
        # جوكوي, جكي, near جوكو ويدودو's جك).
        for word in list(dict.fromkeys([*typed.split(), *skeleton(typed).split()]))[
            : 2 * most_words
        ]:
            for close in difflib.get_close_matches(word, by_word, n=10, cutoff=0.75):
                near.update(by_word[close])
        return Resolved(value, closest=self._best(near, typed))

    def _of(self, actor, gazetteer) -> tuple[str, ...]:
        """The values stored for an actor the gazetteer knows: its name's,
        and for a person, those of its other spellings' keys (`stored`:
        ميشيل باشليت for ميشيل باشيليت); an organisation's names are the
        language's words (شركة أبل is no شركة أوبل)."""
        found = self._groups.get(actor_key(actor.name, gazetteer), (actor.name,))
        if actor.type == "person":
            spellings = gazetteer.spellings(actor.name)
            found += tuple(v for v in self.stored(actor, spellings, gazetteer) if v not in found)
        return found

    def _names(self, name_key):
        """The words of an actor's names: its key's, and each spelling's."""
        return {tuple(name_key.split()), *(tuple(key(v).split()) for v in self._groups[name_key])}

    def _best(self, keys, typed: str = "") -> tuple[tuple[str, int], ...]:
        """The closest of `keys` to what was `typed` (spelt nearest, whole or
        by a word: جوكوي is جوكو ويدودو's, not هواوي's), then those of the most
        articles."""

        def nearness(k):
            if not typed:
                return 0.0
            written = key(self._groups[k][0])  # as the archive writes it most
            pairs = [(typed, written), *((w, v) for w in typed.split() for v in written.split())]
            return round(max(difflib.SequenceMatcher(None, a, b).ratio() for a, b in pairs), 1)

        ranked = sorted(keys, key=lambda k: (-nearness(k), -self._articles[k], k))[:MOST_CLOSEST]
        return tuple((self._groups[k][0], self._articles[k]) for k in ranked)


# Letters of a key, beside the given names it marks, that make two names of
# that key one person's: fewer are another's as often (دياب, ديبي: دب).
SURE_LETTERS = 4


def _sure(name_key: str) -> bool:
    return sum(len(word) for word in name_key.split() if word[0] != "=") >= SURE_LETTERS


def _in_order(wanted: tuple, words: tuple) -> bool:
    """Whether `wanted` are words of `words`, in order, and fewer of them."""
    if len(wanted) >= len(words):
        return False
    rest = iter(words)
    return all(word in rest for word in wanted)


class Directories:
    """What reading a request's filters needs of a backend's index, made
    again when the index changes (its number of articles or its time of
    change: an add that corrects an article changes only the time), or
    MAX_AGE seconds pass: its ActorDirectory (made again too when the
    gazetteer is another), and each value facet's {value: articles}. One
    look at the index every RECHECK seconds at most (a batch of a thousand
    names looks once), one pass over the values a change, made by one
    thread while the others wait for it."""

    MAX_AGE = 300
    RECHECK = 5

    def __init__(self):
        self._lock = threading.Lock()
        # what -> (what it was made from, when, when that was last checked, it)
        self._made: dict = {}

    def get(self, backend, gazetteer) -> ActorDirectory:
        """The actors of the index, for reading actor filters."""
        return self._fresh(
            "actor",
            backend,
            id(gazetteer),
            lambda: ActorDirectory(backend.values("actor"), gazetteer),
        )

    def values(self, backend, name) -> dict[str, int]:
        """{value: articles} of value facet `name` (the outlets, the categories)."""
        return self._fresh(("values", name), backend, None, lambda: backend.values(name))

    def searchable(self, backend, name, texts) -> dict:
        """{value: texts(name, value)} of value facet `name`, made once a
        change of the index: what a facet's box looks in."""
        values = self.values(backend, name)  # first: _fresh makes under its lock
        return self._fresh(
            ("searchable", name), backend, None, lambda: {v: texts(name, v) for v in values}
        )

    def _fresh(self, what, backend, made_with, make):
        made_from, when, checked, made = self._made.get(what, (None, 0.0, 0.0, None))
        now = time.monotonic()
        fresh = made is not None and now - when < self.MAX_AGE and made_from[1] == made_with
        if fresh and now - checked < self.RECHECK:
            return made
        stamp = ((backend.ping(), backend.changed()), made_with)
        with self._lock:
            made_from, when, _, made = self._made.get(what, (None, 0.0, 0.0, None))
            if made is None or made_from != stamp or time.monotonic() - when >= self.MAX_AGE:
                made, when = make(), time.monotonic()  # (not made by another while this waited)
            self._made[what] = (stamp, when, time.monotonic(), made)
        return made
