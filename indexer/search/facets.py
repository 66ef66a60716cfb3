"""Facets, declared once: one object per facet, read by every surface.

Each facet knows its request parameter, its label on the page, its kind
(values, or a date histogram), where each engine keeps it (a column of the
embedded index's `facts` table or a table of its own, an Elasticsearch
field), how to filter on it, how to count it and how to read the counts
into buckets. Request validation, both engines' compilers, the embedded
loader, the OpenAPI document, the page and the CLI all read `FACETS`:
adding a facet is one entry there plus, where needed, a column.

A facet's counts use every other facet's selection but not its own, so a
journalist can tick several sources and still see how many articles each
other source has. Several values of one facet mean any of them.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from .result import Bucket

FACET_SIZE = 30
INTERVALS = ("year", "month", "day")
_PREFIX = {"year": 4, "month": 7, "day": 10}  # length of the ISO date prefix of a period
_ES_FORMATS = {"year": "yyyy", "month": "yyyy-MM", "day": "yyyy-MM-dd"}


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


def _marks(values) -> str:
    return ",".join("?" * len(values))


@dataclass(frozen=True)
class ValueFacet:
    """A facet over values: one per article, a column of `facts` (source, category)."""

    name: str  # request parameter, API key, CLI option
    label: str  # heading on the page
    help: str  # for the API's and the CLI's users
    field: str  # Elasticsearch keyword field
    attribute: str  # the Article attribute that holds the value
    kind: ClassVar[str] = "value"

    # --- embedded engine (SQL over `matched m` and `facts f`) ---------------

    @property
    def column(self) -> str:
        return self.name

    def sql_filter(self, values) -> tuple[str, list]:
        return f"f.{self.column} IN ({_marks(values)})", list(values)

    def sql_all_counts(self) -> str:
        """Every value's count over the whole index (facet, key, count), kept
        with it so that browsing, with no words or filters, counts nothing."""
        return (
            f"SELECT '{self.name}', {self.column}, count(*) FROM facts "
            f"WHERE {self.column} != '' GROUP BY {self.column}"
        )

    def sql_counts(self, where: str, params: list, size: int = FACET_SIZE) -> tuple[str, list]:
        sql = (
            f"SELECT f.{self.column}, count(*) FROM matched m JOIN facts f "
            f"ON f.rowid = m.rowid WHERE {where} AND f.{self.column} != '' "
            f"GROUP BY f.{self.column} ORDER BY count(*) DESC, f.{self.column} LIMIT ?"
        )
        return sql, [*params, size]

    # --- Elasticsearch ------------------------------------------------------

    def es_filter(self, values) -> dict:
        return {"terms": {self.field: list(values)}}

    def es_aggregations(self, size: int = FACET_SIZE) -> dict:
        return {"values": {"terms": {"field": self.field, "size": size, "exclude": [""]}}}

    @staticmethod
    def es_rows(aggregation: dict) -> list[tuple[str, int]]:
        return [(b["key"], b["doc_count"]) for b in aggregation["values"]["buckets"]]

    # --- both ---------------------------------------------------------------

    @staticmethod
    def buckets(rows, selected) -> list[Bucket]:
        """Buckets from (value, count) rows, selected values kept even at zero."""
        buckets = [Bucket(value, count, value in selected) for value, count in rows]
        present = {b.key for b in buckets}
        buckets.extend(Bucket(value, 0, True) for value in selected if value not in present)
        return buckets


@dataclass(frozen=True)
class ManyValueFacet(ValueFacet):
    """A facet over several values per article (actors), in a table of its own:
    `table (rowid, <name>)`, one row per article and value."""

    table: str = ""

    def sql_filter(self, values) -> tuple[str, list]:
        inner = f"SELECT rowid FROM {self.table} WHERE {self.column} IN ({_marks(values)})"
        return f"f.rowid IN ({inner})", list(values)

    def sql_all_counts(self) -> str:
        return (
            f"SELECT '{self.name}', {self.column}, count(*) FROM {self.table} "
            f"GROUP BY {self.column}"
        )

    def sql_counts(self, where: str, params: list, size: int = FACET_SIZE) -> tuple[str, list]:
        # CROSS JOIN keeps SQLite from walking every (value, article) pair in
        # value order to spare a sort: a few matches would cost a full scan.
        sql = (
            f"SELECT x.{self.column}, count(*) FROM matched m CROSS JOIN facts f "
            f"CROSS JOIN {self.table} x ON f.rowid = m.rowid AND x.rowid = f.rowid "
            f"WHERE {where} GROUP BY x.{self.column} "
            f"ORDER BY count(*) DESC, x.{self.column} LIMIT ?"
        )
        return sql, [*params, size]

    def rows_of(self, article) -> list[tuple]:
        """The rows of an article in the facet's table."""
        return [(value,) for value in getattr(article, self.attribute)]


@dataclass(frozen=True)
class DateFacet:
    """Publication dates: a histogram whose interval follows the span, filtered
    by a range of days (`date_from`, `date_to`, inclusive)."""

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

    @staticmethod
    def bucket(key: str, count: int) -> Bucket:
        first, last = period(key)
        return Bucket(key, count, date_from=first.isoformat(), date_to=last.isoformat())

    # --- embedded engine ----------------------------------------------------

    def sql_filter(self, date_from: date | None, date_to: date | None) -> tuple[str, list]:
        clauses, params = [], []
        if date_from:
            clauses.append(f"f.{self.column} >= ?")
            params.append(date_from.isoformat())
        if date_to:
            clauses.append(f"f.{self.column} < ?")
            params.append((date_to + timedelta(days=1)).isoformat())
        return " AND ".join(clauses), params

    def sql_all_counts(self) -> str:
        """Articles per day over the whole index; months and years add them up."""
        day = _PREFIX["day"]
        return (
            f"SELECT '{self.name}', substr({self.column}, 1, {day}), count(*) FROM facts "
            f"WHERE {self.column} IS NOT NULL GROUP BY 2"
        )

    def buckets_from_days(self, days: list[tuple[str, int]]) -> tuple[list[Bucket], str]:
        """The histogram of (day, count) rows in the interval their span asks for."""
        if not days:
            return [], self.interval(None, None)
        interval = self.interval(days[0][0], days[-1][0])
        totals: dict[str, int] = {}
        for day, count in days:
            key = day[: _PREFIX[interval]]
            totals[key] = totals.get(key, 0) + count
        return [self.bucket(key, count) for key, count in totals.items()], interval

    def sql_span(self, where: str, params: list) -> tuple[str, list]:
        sql = (
            f"SELECT min(f.{self.column}), max(f.{self.column}) FROM matched m JOIN facts f "
            f"ON f.rowid = m.rowid WHERE {where}"
        )
        return sql, params

    def sql_counts(self, where: str, params: list, interval: str) -> tuple[str, list]:
        sql = (
            f"SELECT substr(f.{self.column}, 1, {_PREFIX[interval]}) AS k, count(*) "
            f"FROM matched m JOIN facts f ON f.rowid = m.rowid "
            f"WHERE {where} AND f.{self.column} IS NOT NULL GROUP BY k ORDER BY k"
        )
        return sql, params

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
        """The span and yearly counts; a narrower span needs a second request."""
        return {
            "first": {"min": {"field": self.field}},
            "last": {"max": {"field": self.field}},
            "year": self.es_histogram("year"),
        }

    @staticmethod
    def es_span(aggregation: dict) -> tuple[str | None, str | None]:
        return (
            aggregation["first"].get("value_as_string"),
            aggregation["last"].get("value_as_string"),
        )


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

    @property
    def columns(self) -> tuple[ValueFacet | DateFacet, ...]:
        """The facets kept as columns of the embedded index's `facts` table."""
        return (self.date, *(f for f in self.values if not isinstance(f, ManyValueFacet)))

    @property
    def tables(self) -> tuple[ManyValueFacet, ...]:
        """The facets kept in tables of their own."""
        return tuple(f for f in self.values if isinstance(f, ManyValueFacet))


FACETS = Registry(
    DateFacet(),
    ManyValueFacet(
        "actor",
        label="الفاعلون",
        help="articles naming one of these actors (people and organisations)",
        field="actors",
        attribute="actors",
        table="article_actors",
    ),
    ValueFacet(
        "source",
        label="المصادر",
        help="articles from one of these outlets",
        field="source",
        attribute="source",
    ),
    ValueFacet(
        "category",
        label="الأقسام",
        help="articles in one of these categories",
        field="category",
        attribute="category",
    ),
)
