"""What the spellings of one actor share, and which actor a name means.

An actor is written many ways across an archive: long vowels or not
(نتنياهو / نتانياهو), the letters a foreign name is written with either way
(غاريث / جاريث). `actor_key` is what one actor's spellings share (the facet
shows them as one entry, a filter finds them all); `named` is the actor of
the gazetteer a name means, spelt as the gazetteer does or not. An
article's actors count a person it writes two ways once with them
(indexer.articles), the search reads a query's and a filter's names with
them (indexer.search.actors).
"""

import re
import weakref

from .countries import countries
from .recognise import key
from .suggest import skeleton

# A given name compounded with الدين, written with a space or without
# (نور الدين الطبوبي, نورالدين الطبوبي), as key() does عبد and الله.
_COMPOUND = re.compile(r" (الدين)(?= |$)")
# name -> its actor_key, once a process: a facet merges every actor value
# of the articles it counts, tens of thousands a browse, on every request.
_KEYS: dict[str, str] = {}
_MOST_KEYS = 500_000
_LONGEST_KEPT = 120


def actor_key(name: str, gazetteer=None) -> str:
    """What the spellings of one actor share: its normalised words, and for
    a name of two words or more, its `skeleton`, without the long vowels
    most of its words may be written with or without (نتنياهو / نتانياهو);
    one word alone keeps them (سعد / سعيد are two names). With a gazetteer,
    a spelling of one of its actors whose key a spelling of another shares
    keeps its letters: شركة هوندا and شركة هيونداي are two companies, عبد الله
    الثاني and عبد الله الثني two men (`_apart`)."""
    found = _KEYS.get(name)
    if found is None:
        normalised = _masculine(_COMPOUND.sub(r"\1", key(name)))
        found = skeleton(normalised) if " " in normalised else normalised
        if len(name) <= _LONGEST_KEPT:  # a name, not whatever a request sent
            if len(_KEYS) >= _MOST_KEYS:
                _KEYS.clear()
            _KEYS[name] = found
    if gazetteer is not None:
        apart = _apart(gazetteer)
        if found in apart:
            return apart[found].get(key(name), found)
    return found


def _masculine(normalised: str) -> str:
    """A name whose last word is a country's adjective, in the masculine:
    a body written after either gender of its nation's adjective is one
    (هيئة الطيران المدني الإماراتية / الإماراتي)."""
    head, _, last = normalised.rpartition(" ")
    adjectives = countries().adjectives
    if head and last.endswith("يه") and last in adjectives and last[:-1] in adjectives:
        return f"{head} {last[:-1]}"
    return normalised


# gazetteer -> the key of spellings of two actors or more -> each of those
# spellings, normalised -> its actor's key, made once a gazetteer.
_APART: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _apart(gazetteer) -> dict[str, dict[str, str]]:
    found = _APART.get(gazetteer)
    if found is None:
        owners: dict[str, dict[str, set[str]]] = {}
        for actor in gazetteer.actors:
            for spelling in (actor.name, *actor.aliases):
                spelled = owners.setdefault(actor_key(spelling), {})
                spelled.setdefault(key(spelling), set()).add(actor.name)
        disputed = {k for k, spelled in owners.items() if len(set().union(*spelled.values())) > 1}

        def own(spelling, names):
            """The key of the one actor a spelling is: its name's, or where
            that is disputed too, its name's words as written (marked as
            the distinct given names' are); a spelling of several actors
            keeps its own words."""
            name = next(iter(names)) if len(names) == 1 else spelling
            if len(names) == 1 and actor_key(name) not in disputed:
                return actor_key(name)
            return " ".join("=" + word for word in key(name).split())

        found = {k: {s: own(s, names) for s, names in owners[k].items()} for k in disputed}
        _APART[gazetteer] = found
    return found


def named(gazetteer, name: str):
    """The actor of the gazetteer a query's or a filter's name means
    (`Gazetteer.named`), or for a name of two words or more that it does not
    know as written, the one person with a spelling of the same `actor_key`:
    جاريث بيل is غاريث بيل, أنتونيو كونتي is أنطونيو كونتي (people only: the
    words of organisations' names are the language's, شركة بور is no شركة
    باير)."""
    return gazetteer.named(name) or same_person(gazetteer, name)


def same_person(gazetteer, name: str):
    """The one person of the gazetteer with a spelling of two words or more
    of the same `actor_key` as `name` (جاريث بيل: غاريث بيل), or None."""
    if len(key(name).split()) < 2:
        return None
    owners = _keyed(gazetteer).get(actor_key(name), {})
    return next(iter(owners.values())) if len(owners) == 1 else None


# gazetteer -> actor_key of each spelling of two words or more of a person ->
# the people it spells, by name, made once a gazetteer (a tenth of a second).
_KEYED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _keyed(gazetteer) -> dict[str, dict]:
    found = _KEYED.get(gazetteer)
    if found is None:
        found = {}
        for actor in gazetteer.actors:
            if actor.type != "person":
                continue
            for spelling in (actor.name, *actor.aliases):
                if len(key(spelling).split()) > 1 and gazetteer.named(spelling) is actor:
                    found.setdefault(actor_key(spelling), {})[actor.name] = actor
        _KEYED[gazetteer] = found
    return found
