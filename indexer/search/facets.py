"""Facets, declared once: one object per facet, read by every surface.

Each facet knows its request parameter, its label on the page, its kind
(values, or a date histogram), where each engine keeps it (a fast field of
the embedded index, an Elasticsearch field), how to filter on it, how to
count it and how to read the counts into buckets. Request validation, both
engines' compilers, the embedded loader, the OpenAPI document, the page and
the CLI all read `FACETS`: adding a facet is one entry there.

A facet's counts use every other facet's selection but not its own, so a
journalist can tick several sources and still see how many articles each
other source has. Several values of one facet mean any of them.
"""

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import ClassVar

import tantivy

from . import actors
from .labels import label
from .result import Bucket

FACET_SIZE = 30
ALL_VALUES = 65_000  # the most buckets an embedded count returns (tantivy's own limit)
# A search counts this many times a facet's size of values, the first by
# (count, value) (tantivy and Elasticsearch order ties as the sort of
# `buckets` does): room for the spellings of one actor to merge, and not
# every value of the archive on every broad search (33,527 actor values at
# 40,000 articles).
COUNTED = 10
INTERVALS = ("year", "month", "day")
_PREFIX = {"year": 4, "month": 7, "day": 10}  # length of the ISO date prefix of a period
_ES_FORMATS = {"year": "yyyy", "month": "yyyy-MM", "day": "yyyy-MM-dd"}


def _counted(size: int) -> int:
    """How many first values a search counts for a facet showing `size`
    (both engines alike, so that they show the same entries)."""
    return max(size, FACET_SIZE) * COUNTED


def _included(values) -> dict:
    """A terms aggregation's part that counts `values` alone (None: every value)."""
    return {} if values is None else {"include": sorted(set(values) - {""})}


def period(key: str) -> tuple[date, date]:
    """First and last day of the period an ISO prefix names: 2018, 2018-06 or 2018-06-28."""
    if len(key) == _PREFIX["year"]:
        return date(int(key), 1, 1), date(int(key), 12, 31)
    if len(key) == _PREFIX["month"]:
        year, month = map(int, key.split("-"))
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1)
    day = date.fromisoformat(key)
    return day, day


_COARSER = {"day": "month", "month": "year"}


def _periods(first: str, last: str, interval: str) -> Iterator[str]:
    """The keys of every period from the one `first` names to `last`'s."""
    if interval == "year":
        yield from (f"{year:04}" for year in range(int(first), int(last) + 1))
    elif interval == "month":
        year, month = map(int, first.split("-"))
        while f"{year:04}-{month:02}" <= last:
            yield f"{year:04}-{month:02}"
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        day, end = date.fromisoformat(first), date.fromisoformat(last)
        while day <= end:
            yield day.isoformat()
            day += timedelta(days=1)


def _every_value(column: str) -> dict:
    """A tantivy aggregation counting every value of a fast field."""
    return {"terms": {"field": column, "size": ALL_VALUES, "segment_size": ALL_VALUES}}


MATCHES = ("all", "any")  # an article with every value chosen, or with one of them


@dataclass(frozen=True)
class ValueFacet:
    """A facet over values, one per article (source, category): values chosen
    together mean any of them."""

    name: str  # request parameter, API key, CLI option
    label: str  # heading on the page
    help: str  # for the API's and the CLI's users
    field: str  # Elasticsearch keyword field
    attribute: str  # the Article attribute that holds the value
    # Whether a document (a group of exact copies) holds every member's value,
    # not its original's alone: a copy is found by its own outlet and category.
    every_member: bool = False
    one: str = ""  # the page's word for one of its values (a chip: «المصدر: العربية»)
    kind: ClassVar[str] = "value"
    names: ClassVar[bool] = False  # whether its filter values are actors' names, resolved
    # How values chosen together combine by default; None: only "any" makes
    # sense (an article has one such value).
    match: ClassVar[str | None] = None

    def counts_under_own_filter(self, match: str) -> bool:
        """Whether its counts apply its own filter: with "all", a value's count
        is what choosing it too would leave (it drills down); with "any", what
        choosing it instead or as well would add (the other filters only)."""
        return match == "all"

    # --- embedded engine (tantivy) -------------------------------------------

    @property
    def column(self) -> str:
        """The embedded index's field: raw values, indexed and fast."""
        return self.name

    def values_of(self, article) -> list[str]:
        value = getattr(article, self.attribute)
        return [value] if value else []

    def group_values(self, group) -> list[str]:
        """A document's values (a group of exact copies, groups.py): its
        original's, and with `every_member` its copies' too."""
        members = group.members if self.every_member else group.members[:1]
        found = (v for m in members for v in self.values_of(SimpleNamespace(**m.record)))
        return list(dict.fromkeys(found))

    def embedded_filter(self, schema, chosen, match="any"):
        """The articles with the values `chosen` ((value, its spellings) pairs):
        every value ("all"), or one of them ("any"); a value is any of its
        spellings."""
        if match == "all":
            return tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Must, tantivy.Query.term_set_query(schema, self.column, list(s)))
                    for _, s in chosen
                ]
            )
        every = [spelling for _, spellings in chosen for spelling in spellings]
        return tantivy.Query.term_set_query(schema, self.column, every)

    def embedded_aggregation(self) -> dict:
        """Every value (the directory of an index's values)."""
        return _every_value(self.column)

    def embedded_aggregations(self, chosen=(), size: int = FACET_SIZE, include=None) -> dict:
        """A search's count: the first values by (count, value), of those in
        `include` when given, and the chosen values' own counts wherever
        they rank."""
        counted = _counted(size)
        values = {"field": self.column, "size": counted, "segment_size": ALL_VALUES}
        found = {"values": {"terms": values | _included(include)}}
        if chosen:
            every = sorted({spelling for _, spellings in chosen for spelling in spellings})
            found["chosen"] = {
                "terms": {"field": self.column, "size": len(every), "include": every}
            }
        return found

    @staticmethod
    def embedded_rows(aggregation: dict) -> list[tuple[str, int]]:
        """(value, count) of the values counted."""
        return [(b["key"], b["doc_count"]) for b in aggregation["buckets"]]

    @staticmethod
    def embedded_chosen(aggregation: dict | None, chosen) -> dict[str, int] | None:
        """{chosen value: the articles of its spellings} (None: none chosen)."""
        if aggregation is None:
            return None
        counts = {b["key"]: b["doc_count"] for b in aggregation["buckets"]}
        return {value: sum(counts.get(s, 0) for s in spellings) for value, spellings in chosen}

    # --- Elasticsearch ------------------------------------------------------

    def es_filter(self, chosen, match="any") -> dict:
        if match == "all":
            return {"bool": {"filter": [{"terms": {self.field: list(s)}} for _, s in chosen]}}
        return {"terms": {self.field: [spelling for _, s in chosen for spelling in s]}}

    def es_aggregations(self, chosen=(), size: int = FACET_SIZE, include=None) -> dict:
        """The first values (as many as the embedded engine counts: the same
        entries on both), of those in `include` when given, and each chosen
        value's own count wherever it ranks."""
        counted = _counted(size)
        values = {"field": self.field, "size": counted}
        values |= _included(include) or {"exclude": [""]}
        found = {"values": {"terms": values}}
        if chosen:
            filters = {value: {"terms": {self.field: list(s)}} for value, s in chosen}
            found["chosen"] = {"filters": {"filters": filters}}
        return found

    @staticmethod
    def es_rows(aggregation: dict) -> tuple[list[tuple[str, int]], dict[str, int]]:
        """(value, count) of the first values, and {value: count} of the chosen ones."""
        rows = [(b["key"], b["doc_count"]) for b in aggregation["values"]["buckets"]]
        chosen = aggregation.get("chosen", {}).get("buckets", {})
        return rows, {value: b["doc_count"] for value, b in chosen.items()}

    # --- both ---------------------------------------------------------------

    def buckets(
        self, rows, chosen, size: int = FACET_SIZE, chosen_counts=None, gazetteer=None
    ) -> list[Bucket]:
        """The chosen values first, with their counts (`chosen_counts`, or
        those of their spellings' rows; 0 when none is left), then the first
        `size` others by (count, value): ties at the cut fall the same way on
        every engine. `gazetteer`: the request's, which tells actors apart."""
        rows = self.merged(rows, gazetteer)
        counts = dict(rows)
        pinned = [
            Bucket(
                value,
                chosen_counts.get(value, 0)
                if chosen_counts is not None
                else sum(counts.get(s, 0) for s in spellings),
                True,
            )
            for value, spellings in chosen
        ]
        taken = {self.same(s, gazetteer) for _, spellings in chosen for s in (*spellings, _)}
        others = sorted(
            (row for row in rows if self.same(row[0], gazetteer) not in taken), key=_rank
        )
        buckets = pinned + [Bucket(value, count) for value, count in others[:size]]
        for bucket in buckets:
            bucket.label = label(self.name, bucket.key)
        return buckets

    @staticmethod
    def merged(rows, gazetteer=None):
        """The rows as people see them (actors: one row for an actor's spellings)."""
        return list(rows)

    @staticmethod
    def same(value, gazetteer=None):
        """What the values shown as one share (actors: actor_key)."""
        return value


def _rank(row):
    return (-row[1], row[0])


@dataclass(frozen=True)
class ManyValueFacet(ValueFacet):
    """A facet over several values per article (actors): values chosen
    together mean all of them by default (articles naming every actor
    chosen), or any of them when asked (`actor_match=any`)."""

    match: ClassVar[str | None] = "all"

    def values_of(self, article) -> list[str]:
        return list(dict.fromkeys(getattr(article, self.attribute)))


@dataclass(frozen=True)
class ActorFacet(ManyValueFacet):
    """The actors: stored as each article writes them, shown and filtered as
    one entry for the spellings of one actor (search/actors.py)."""

    names: ClassVar[bool] = True  # its filter values are resolved (ActorDirectory)

    @staticmethod
    def merged(rows, gazetteer=None):
        return actors.merged(rows, gazetteer)

    @staticmethod
    def same(value, gazetteer=None):
        return actors.actor_key(value, gazetteer)


@dataclass(frozen=True)
class DateFacet:
    """Publication dates: a histogram whose interval follows where the
    matches are, filtered by a range of days (`date_from`, `date_to`, inclusive).

    The interval is chosen from the span of the middle 90% of the matches, not
    from the first and the last: a search whose articles are nearly all of
    2018 shows the months of 2018 even when a few stray into 2013. A bar
    narrows the search to its period, and the narrower result is bucketed
    again (year, then month, then day); the bar of the period chosen is
    marked selected."""

    name: str = "date"
    label: str = "التاريخ"
    help: str = "publication dates, by year, month or day"
    field: str = "date"
    attribute: str = "date"
    kind: ClassVar[str] = "date"
    parameters: ClassVar[tuple[str, str]] = ("date_from", "date_to")

    @property
    def column(self) -> str:
        return self.name

    @staticmethod
    def interval(first: str | None, last: str | None) -> str:
        """year, month or day: about 3 to 40 bars for the span first..last (ISO strings)."""
        if not first or not last:
            return "year"
        days = (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days
        if days > 3 * 366:
            return "year"
        if days > 62:
            return "month"
        return "day"

    # Share of the matches left out at each end when the interval is chosen.
    TAIL: ClassVar[float] = 0.05
    # The most bars a timeline has: past it, the next longer period is used.
    MOST_BARS: ClassVar[int] = 60

    def timeline(self, counts: dict[str, int], interval: str) -> tuple[list[Bucket], str]:
        """The bars of a timeline: every period from the first one counted to
        the last, those without an article too, so that bars side by side are
        periods side by side; by the next longer period when `interval`
        would make more than MOST_BARS (a few strays years away from the
        rest). `counts` maps the periods' keys (2018, 2018-06, 2018-06-28)
        to their articles."""
        if not counts:
            return [], interval
        periods = _periods(min(counts), max(counts), interval)
        if interval == "year":  # the longest period: as many bars as years
            return [self.bucket(key, counts.get(key, 0)) for key in periods], interval
        keys = list(itertools.islice(periods, self.MOST_BARS + 1))
        if len(keys) > self.MOST_BARS:
            longer = _COARSER[interval]
            regrouped: dict[str, int] = {}
            for key, count in counts.items():
                regrouped[key[: _PREFIX[longer]]] = regrouped.get(key[: _PREFIX[longer]], 0) + count
            return self.timeline(regrouped, longer)
        return [self.bucket(key, counts.get(key, 0)) for key in keys], interval

    @staticmethod
    def bucket(key: str, count: int) -> Bucket:
        first, last = period(key)
        return Bucket(key, count, date_from=first.isoformat(), date_to=last.isoformat())

    @staticmethod
    def mark_chosen(buckets: list[Bucket], date_from: date | None, date_to: date | None):
        """Mark the bar whose period is exactly the date filter, and keep each
        bar's range inside the filter: a bar counts the articles of its
        period that the filter lets through, and choosing it narrows the
        search to them (June's bar of a search from 15 June is 15 to 30 June)."""
        first = date_from.isoformat() if date_from else None
        last = date_to.isoformat() if date_to else None
        for bucket in buckets:
            bucket.selected = (bucket.date_from, bucket.date_to) == (first, last)
            if first and bucket.date_from and bucket.date_from < first:
                bucket.date_from = first
            if last and bucket.date_to and bucket.date_to > last:
                bucket.date_to = last
        return buckets

    # --- embedded engine (tantivy) -------------------------------------------
    # The field holds the day as a number, 20180628: a range of days filters,
    # and counting the days of the matches gives the span and every bar.

    @staticmethod
    def day_of(article) -> int | None:
        iso = article.date
        return int(iso[:10].replace("-", "")) if iso else None

    def embedded_filter(self, schema, date_from: date | None, date_to: date | None):
        def number(day):
            return day.year * 10_000 + day.month * 100 + day.day if day else None

        return tantivy.Query.range_query(
            schema, self.column, tantivy.FieldType.Integer, number(date_from), number(date_to)
        )

    def embedded_aggregation(self) -> dict:
        return _every_value(self.column)

    def embedded_buckets(self, aggregation: dict) -> tuple[list[Bucket], str]:
        """The histogram and its interval, from the matches' days."""
        days = sorted(
            (f"{day // 10_000:04}-{day // 100 % 100:02}-{day % 100:02}", count)
            for day, count in ((int(b["key"]), b["doc_count"]) for b in aggregation["buckets"])
        )
        if not days:
            return [], self.interval(None, None)
        interval = self.interval(*self._middle(days))
        totals: dict[str, int] = {}
        for day, count in days:
            key = day[: _PREFIX[interval]]
            totals[key] = totals.get(key, 0) + count
        return self.timeline(totals, interval)

    def _middle(self, days: list[tuple[str, int]]) -> tuple[str, str]:
        """The first and last day of the middle of `days` ((day, count), sorted)."""
        total = sum(count for _, count in days)
        low, high = self.TAIL * total, (1 - self.TAIL) * total
        seen, first, last = 0, days[0][0], days[-1][0]
        for day, count in days:
            if seen <= low < seen + count:
                first = day
            if seen < high <= seen + count:
                last = day
            seen += count
        return first, last

    # --- Elasticsearch ------------------------------------------------------

    def es_filter(self, date_from: date | None, date_to: date | None) -> dict:
        bounds: dict[str, str] = {"format": "strict_date"}
        if date_from:
            bounds["gte"] = date_from.isoformat()
        if date_to:
            bounds["lt"] = (date_to + timedelta(days=1)).isoformat()
        return {"range": {self.field: bounds}}

    def es_histogram(self, interval: str) -> dict:
        return {
            "date_histogram": {
                "field": self.field,
                "calendar_interval": interval,
                "format": _ES_FORMATS[interval],
                "min_doc_count": 1,
            }
        }

    def es_aggregations(self) -> dict:
        """The middle's span and yearly counts; a narrower interval needs a second request."""
        share = 100 * self.TAIL
        return {
            "middle": {"percentiles": {"field": self.field, "percents": [share, 100 - share]}},
            "year": self.es_histogram("year"),
        }

    def es_span(self, aggregation: dict) -> tuple[str | None, str | None]:
        """The first and last day of the middle of the matches."""
        share = 100 * self.TAIL
        values = aggregation["middle"]["values"]

        def day(percent):
            millis = values.get(str(percent)) or values.get(f"{percent:.1f}")
            if millis is None:
                return None
            return datetime.fromtimestamp(millis / 1000, UTC).date().isoformat()

        return day(share), day(100 - share)


Facet = ValueFacet | DateFacet


class Registry:
    """The facets of an index, in the order the page shows them: one date
    facet and any number of value facets."""

    def __init__(self, date_facet: DateFacet, *values: ValueFacet):
        self.date = date_facet
        self.values = values
        facets: list[Facet] = [date_facet, *values]
        self._by_name = {f.name: f for f in facets}
        if len(self._by_name) != 1 + len(values):
            raise ValueError("two facets share a name")

    def __iter__(self) -> Iterator[Facet]:
        return iter(self._by_name.values())

    def __getitem__(self, name: str) -> Facet:
        return self._by_name[name]

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._by_name)

    def value(self, name: str) -> ValueFacet:
        facet = self._by_name[name]
        assert isinstance(facet, ValueFacet), name
        return facet


FACETS = Registry(
    DateFacet(),
    ActorFacet(
        "actor",
        label="الفاعلون",
        one="الفاعل",
        help="articles naming these actors (people and organisations): all of them, "
        "or any of them with actor_match=any",
        field="actors",
        attribute="actors",
    ),
    ValueFacet(
        "source",
        label="المصادر",
        one="المصدر",
        help="articles from one of these outlets",
        field="member_source",
        attribute="source",
        every_member=True,
    ),
    ValueFacet(
        "category",
        label="الأقسام",
        one="القسم",
        help="articles in one of these categories",
        field="member_category",
        attribute="category",
        every_member=True,
    ),
)
