"""What a source or category filter value stands for, typed as people type it.

An outlet or a category is chosen by its exact stored value (a facet entry's
link gives it), but a value typed by hand, in the API or the terminal, may
be the label the page shows (أخبار دولية for internationalNews), in other
letters (العربيه, internationalnews), an outlet's code or other name the
reindex reads as it (bbc, CNN Arabic: sources.tsv) or no value of the
archive at all. A
value of the archive is searched as it is; one written another way is read
as the values it spells (a label two codes share: both) and the answer says
so; one that spells none is searched as typed (it finds nothing) and the
answer says so too, with the values closest to it.
"""

import difflib
from dataclasses import dataclass
from functools import cache

from indexer.arabic import normalize
from indexer.sources import SourceTable

from .labels import label

CLOSEST = 5


@dataclass(frozen=True)
class ValueRead:
    """A filter value of `facet` as typed, the stored values it was read as
    (none: it spells none; several: a label two codes share), and the stored
    values closest to one that spells none."""

    facet: str
    value: str
    read_as: tuple[str, ...]
    closest: tuple[tuple[str, int], ...] = ()  # (value, articles)


def read_value(facet: str, value: str, stored: dict[str, int]) -> ValueRead | None:
    """None for a value stored as typed; else how it was read."""
    if value in stored:
        return None
    if facet == "source" and (outlet := _outlets().canonical(value)) in stored:
        return ValueRead(facet, value, (outlet,))  # bbc, CNN Arabic: the outlet's code or name
    wanted = _folded(value)
    spelt = [v for v in stored if wanted in (_folded(v), _folded(label(facet, v) or ""))]
    if spelt:
        return ValueRead(facet, value, tuple(sorted(spelt, key=lambda v: (-stored[v], v))))
    # The values written near it: each by itself, and by the label it is shown with.
    forms: dict[str, str] = {}
    for v in sorted(stored, key=lambda v: -stored[v]):
        for form in (_folded(v), _folded(label(facet, v) or "")):
            if form:
                forms.setdefault(form, v)
    near = difflib.get_close_matches(wanted, list(forms), n=2 * CLOSEST, cutoff=0.6)
    closest = list(dict.fromkeys(forms[n] for n in near))[:CLOSEST]
    return ValueRead(facet, value, (), tuple((v, stored[v]) for v in closest))


@cache
def _outlets() -> SourceTable:
    """The outlets' table the reindex reads their names by (sources.tsv)."""
    return SourceTable.load()


def _folded(text: str) -> str:
    """What two spellings of one value share: its normalised letters (ة and
    ه, hamzas), case and spaces aside (middle east: middleEast)."""
    return "".join(normalize(text).casefold().split())
