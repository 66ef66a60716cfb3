"""`bahth remove`: take articles out of the live index, in place.

Articles are chosen by ID, or by outlet (all of it, or what it published
before a day). An original's first copy takes its place ("also published
by" moves with it); a copy leaves its original's list. A removal that would
leave the index empty is refused unless asked for (`everything`): it is far
more often a mistyped outlet than a wish.
"""

from dataclasses import dataclass, field
from datetime import date


class WouldEmpty(Exception):
    """The removal takes every article of the index."""


@dataclass
class Removal:
    removed: list[dict] = field(default_factory=list)  # records of the articles taken out
    missing: list[str] = field(default_factory=list)  # IDs the index does not hold


def chosen(updater, ids=(), source=None, before: date | None = None) -> list[str]:
    """The IDs a removal names: `ids` as given, then the outlet's articles
    (dated before `before`, when given; undated ones are not before anything)."""
    wanted = list(dict.fromkeys(ids))
    if source is not None:
        for article_id, day in updater.published_by(source):
            if before is None or (day is not None and day[:10] < before.isoformat()):
                wanted.append(article_id)
    return list(dict.fromkeys(wanted))


def remove(store, ids=(), source=None, before=None, everything=False) -> Removal:
    """Remove the chosen articles from `store`'s live index; WouldEmpty (and
    nothing removed) when that would leave none and `everything` is false."""
    removal = Removal()
    with store.changing() as updater:
        wanted = chosen(updater, ids, source, before)
        present = [i for i in wanted if updater.holds(i)]
        held = set(present)
        removal.missing = [i for i in wanted if i not in held]
        if present and len(present) >= updater.articles() and not everything:
            raise WouldEmpty(
                f"this would remove all {len(present):,} articles of the index; "
                "give --all to empty it"
            )
        for article_id in present:
            record = updater.remove(article_id)
            if record is not None:
                removal.removed.append(record)
    return removal
