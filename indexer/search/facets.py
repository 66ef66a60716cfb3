"""Facets, declared once: each knows its filter and how to count its values.

A facet's counts use every other facet's selection but not its own, so a
journalist can tick several sources and still see how many articles each
other source has. Multi-select within a facet means any of the values.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from .result import Bucket

FACET_SIZE = 30
DATE_INTERVALS = {"year": 4, "month": 7, "day": 10}  # length of the ISO prefix


@dataclass(frozen=True)
class ValueFacet:
    """A facet over one value per article (source, category)."""

    name: str
    column: str

    def sql_filter(self, values):
        marks = ",".join("?" * len(values))
        return f"f.{self.column} IN ({marks})", list(values)

    def sql_counts(self, where, params, selected, size=FACET_SIZE):
        sql = (
            f"SELECT f.{self.column}, count(*) FROM matched m JOIN facts f "
            f"ON f.rowid = m.rowid WHERE {where} AND f.{self.column} != '' "
            f"GROUP BY f.{self.column} ORDER BY count(*) DESC, f.{self.column} LIMIT ?"
        )
        return sql, [*params, size]


@dataclass(frozen=True)
class ActorFacet:
    """Actors: several per article, in their own table."""

    name: str = "actor"

    def sql_filter(self, values):
        marks = ",".join("?" * len(values))
        return (
            f"f.rowid IN (SELECT rowid FROM article_actors WHERE actor IN ({marks}))",
            list(values),
        )

    def sql_counts(self, where, params, selected, size=FACET_SIZE):
        # CROSS JOIN keeps SQLite from walking every (actor, article) pair in
        # actor order to spare a sort: a few matches would cost a full scan.
        sql = (
            "SELECT x.actor, count(*) FROM matched m CROSS JOIN facts f "
            "CROSS JOIN article_actors x ON f.rowid = m.rowid AND x.rowid = f.rowid "
            f"WHERE {where} "
            "GROUP BY x.actor ORDER BY count(*) DESC, x.actor LIMIT ?"
        )
        return sql, [*params, size]


def read_value_buckets(rows, selected):
    """Buckets from (value, count) rows, selected values kept even at zero."""
    buckets = [Bucket(value, count, value in selected) for value, count in rows]
    present = {b.key for b in buckets}
    buckets.extend(Bucket(value, 0, True) for value in selected if value not in present)
    return buckets


class DateFacet:
    """Publication dates: a histogram whose interval follows the span."""

    name = "date"

    @staticmethod
    def sql_filter(date_from, date_to):
        clauses, params = [], []
        if date_from:
            clauses.append("f.date >= ?")
            params.append(date_from.isoformat())
        if date_to:
            clauses.append("f.date < ?")
            params.append((date_to + timedelta(days=1)).isoformat())
        return " AND ".join(clauses), params

    @staticmethod
    def interval(first, last):
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
    def sql_counts(where, params, interval):
        length = DATE_INTERVALS[interval]
        sql = (
            f"SELECT substr(f.date, 1, {length}) AS k, count(*) FROM matched m "
            f"JOIN facts f ON f.rowid = m.rowid WHERE {where} AND f.date IS NOT NULL "
            "GROUP BY k ORDER BY k"
        )
        return sql, params

    @staticmethod
    def bucket(key, count, interval):
        if interval == "year":
            first, last = date(int(key), 1, 1), date(int(key), 12, 31)
        elif interval == "month":
            year, month = map(int, key.split("-"))
            first = date(year, month, 1)
            last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        else:
            first = last = date.fromisoformat(key)
        return Bucket(key, count, date_from=first.isoformat(), date_to=last.isoformat())


VALUE_FACETS = {
    "actor": ActorFacet(),
    "source": ValueFacet("source", "source"),
    "category": ValueFacet("category", "category"),
}
