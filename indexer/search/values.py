"""What a source or category filter value stands for, typed as people type it.

An outlet or a category is chosen by its exact stored value (a facet entry's
link gives it), but a value typed by hand, in the API or the terminal, may
be the label the page shows (أخبار دولية for internationalNews), in other
letters (العربيه, internationalnews) or no value of the archive at all. A
value of the archive is searched as it is; one written another way is read
as the value it spells (the commonest, if several do) and the answer says
so; one that spells none is searched as typed (it finds nothing) and the
answer says so too, with the values closest to it.
"""

import difflib
from dataclasses import dataclass

from indexer.arabic import normalize

from .labels import label

CLOSEST = 5


@dataclass(frozen=True)
class ValueRead:
    """A filter value of `facet` as typed, the stored value it was read as
    (None: it spells none), and the stored values closest to one that spells none."""

    facet: str
    value: str
    read_as: str | None
    closest: tuple[tuple[str, int], ...] = ()  # (value, articles)


def read_value(facet: str, value: str, stored: dict[str, int]) -> ValueRead | None:
    """None for a value stored as typed; else how it was read."""
    if value in stored:
        return None
    wanted = _folded(value)
    spelt = [v for v in stored if _folded(v) == wanted or _folded(label(facet, v) or "") == wanted]
    if spelt:
        return ValueRead(facet, value, max(spelt, key=lambda v: (stored[v], v)))
    shown = {_folded(label(facet, v) or v): v for v in stored}
    near = difflib.get_close_matches(wanted, list(shown), n=CLOSEST, cutoff=0.6)
    closest = tuple((shown[n], stored[shown[n]]) for n in near)
    return ValueRead(facet, value, None, closest)


def _folded(text: str) -> str:
    """What two spellings of one value share: its normalised letters (ة and
    ه, hamzas), case and spaces aside."""
    return " ".join(normalize(text).casefold().split())
