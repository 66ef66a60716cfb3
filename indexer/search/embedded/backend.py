"""The embedded search engine: SQLite FTS5 over analysed terms, no server.

A search runs in three steps on one read-only connection: the full-text
match (with BM25 scores) goes into a temporary table; the filters of the
request narrow it for the hits and the total; each facet counts it under
every filter but its own.

Words are matched all together; only when no article has all of them do
the articles with any of them stand in (the result says it is "relaxed").
Adding a word narrows the results, as journalists expect, and a frequent
word (على folds onto the name علي) cannot flood every search.
"""

import json
import sqlite3
import time
from collections import Counter

from indexer.arabic import analyze

from ..errors import BackendUnavailable, NotFound, SearchTooSlow
from ..facets import FACET_SIZE
from ..highlight import highlight, snippet
from ..query import Query
from ..request import SearchRequest, encode_cursor
from ..result import Hit, SearchResult
from . import sql
from .store import EmbeddedStore

# BM25 weight of a title match against a body match (measured: scripts/eval-quality).
TITLE_WEIGHT = 2.0
_ARTICLE_COLUMNS = "a.rowid, a.id, a.title, a.body, a.date, a.source, a.url, a.actors"
_ARTICLE_FIELDS = (
    "id",
    "title",
    "body",
    "date",
    "source",
    "url",
    "author",
    "category",
    "tags",
    "actors",
    "also",
    "extra",
    "origin",
)


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, data_dir, timeout=10.0):
        """`timeout`: seconds a search may run before it is stopped (SearchTooSlow)."""
        self.store = EmbeddedStore(data_dir)
        self.timeout = timeout

    def _connect(self):
        if not self.store.exists():
            raise BackendUnavailable(
                f"no index at {self.store.path}: run `bahth reindex PATH` first"
            )
        try:
            return sqlite3.connect(f"file:{self.store.path}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise BackendUnavailable(f"cannot open {self.store.path}: {error}") from error

    def ping(self):
        db = self._connect()
        try:
            return db.execute("SELECT value FROM meta WHERE key = 'articles'").fetchone()[0]
        finally:
            db.close()

    # --- search -------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        db = self._connect()
        deadline = time.monotonic() + self.timeout
        # SQLite asks every few thousand steps; past the deadline it stops the statement.
        db.set_progress_handler(lambda: time.monotonic() > deadline, 1_000)
        try:
            relaxed = self._match(db, request.query)
            result = self._results(db, request)
            result.relaxed = relaxed and result.total > 0
            return result
        except sqlite3.OperationalError as error:
            if time.monotonic() > deadline:
                raise SearchTooSlow(
                    f"the search took more than {self.timeout:g} s and was stopped; "
                    "try fewer or rarer words, or narrow it by date or source"
                ) from error
            raise BackendUnavailable(f"embedded index: {error}") from error
        finally:
            db.close()

    def _match(self, db, query: Query):
        """Fill the temporary table `matched` (rowid, score); return True when
        no article has all the words and those with any of them stand in."""
        all_expr, any_expr, excluded = sql.fts_expressions(query)
        select = (
            "CREATE TEMP TABLE matched AS SELECT rowid, bm25(terms, ?, 1.0) AS score "
            "FROM terms WHERE terms MATCH ?"
        )
        relaxed = False
        if all_expr:
            db.execute(select, (TITLE_WEIGHT, all_expr))
            if any_expr and db.execute("SELECT 1 FROM matched LIMIT 1").fetchone() is None:
                db.execute("DROP TABLE matched")
                db.execute(select, (TITLE_WEIGHT, any_expr))
                relaxed = True
        elif excluded:
            db.execute(
                "CREATE TEMP TABLE matched AS SELECT rowid, 0.0 AS score FROM facts "
                "WHERE rowid NOT IN (SELECT rowid FROM terms WHERE terms MATCH ?)",
                (excluded,),
            )
        else:
            db.execute("CREATE TEMP VIEW matched AS SELECT rowid, 0.0 AS score FROM facts")
            return False
        # Without statistics SQLite takes the new table for a million rows and
        # plans each facet around it (a Bloom filter over all of facts); with
        # its real size it walks the few matches instead.
        db.execute("ANALYZE temp.matched")
        return relaxed

    def _results(self, db, request):
        active = sql.filters(request)
        total = db.execute(*sql.total(active)).fetchone()[0]
        page_sql, params, key_count = sql.page(request, active, _ARTICLE_COLUMNS)
        rows = db.execute(page_sql, params).fetchall()
        more = len(rows) > request.size
        rows = rows[: request.size]
        terms = request.query.terms
        hits = [self._hit(row, terms) for row in rows]
        next_cursor = encode_cursor(rows[-1][-key_count:]) if more else None
        result = SearchResult(total, hits, next_cursor=next_cursor)
        self._facets(db, request, active, result)
        return result

    @staticmethod
    def _hit(row, terms):
        _, article_id, title, body, date, source, url, actors = row[:8]
        return Hit(
            article_id,
            title,
            date,
            source,
            json.loads(actors),
            url,
            snippet(body, terms),
            highlight(title, terms),
        )

    @staticmethod
    def _facets(db, request, active, result):
        registry = request.registry
        if not request.query and not active and _has_whole_counts(db):
            _whole_index_facets(db, request, result)
            return
        for name in request.facets:
            condition, params = sql.where(active, leave_out=name)
            if name == registry.date.name:
                first, last = db.execute(*registry.date.sql_span(condition, params)).fetchone()
                interval = registry.date.interval(first, last)
                counts = db.execute(*registry.date.sql_counts(condition, params, interval))
                result.facets[name] = [registry.date.bucket(key, n) for key, n in counts]
                result.date_interval = interval
            else:
                facet = registry.value(name)
                rows = db.execute(*facet.sql_counts(condition, params)).fetchall()
                result.facets[name] = facet.buckets(rows, request.filters.get(name, ()))

    # --- articles -----------------------------------------------------------

    def article(self, article_id):
        """The whole article as a dict; NotFound when there is none."""
        db = self._connect()
        try:
            row = db.execute(
                f"SELECT {', '.join(_ARTICLE_FIELDS)} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        finally:
            db.close()
        if row is None:
            raise NotFound(f"no article with ID {article_id!r}")
        data = dict(zip(_ARTICLE_FIELDS, row, strict=True))
        for key in ("tags", "actors", "also", "extra"):
            data[key] = json.loads(data[key])
        return data

    def more_like_this(self, article, size=5):
        """Articles sharing the most distinctive words of `article`."""
        counts = Counter(
            t for t in analyze(article["body"][:20_000]) if len(t) > 2 and not t.isdigit()
        )
        terms = list(
            dict.fromkeys(analyze(article["title"]) + [t for t, _ in counts.most_common(12)])
        )
        if not terms:
            return []
        expression = " OR ".join(map(sql.quoted, terms))
        db = self._connect()
        try:
            rows = db.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM terms JOIN articles a ON a.rowid = terms.rowid "
                "WHERE terms MATCH ? AND a.id != ? ORDER BY bm25(terms, ?, 1.0) LIMIT ?",
                (expression, article["id"], TITLE_WEIGHT, size),
            ).fetchall()
        finally:
            db.close()
        return [self._hit(row, set()) for row in rows]


def _has_whole_counts(db):
    """Whether the index keeps its whole-index facet counts (indexes built
    before they were kept are counted as any search is)."""
    found = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'facet_counts'"
    ).fetchone()
    return found is not None


def _whole_index_facets(db, request, result):
    """The facets of browsing (no words, no filter), as the build counted them."""
    registry = request.registry
    for name in request.facets:
        if name == registry.date.name:
            days = db.execute(
                "SELECT key, count FROM facet_counts WHERE facet = ? ORDER BY key", (name,)
            ).fetchall()
            result.facets[name], result.date_interval = registry.date.buckets_from_days(days)
        else:
            rows = db.execute(
                "SELECT key, count FROM facet_counts WHERE facet = ? "
                "ORDER BY count DESC, key LIMIT ?",
                (name, FACET_SIZE),
            ).fetchall()
            result.facets[name] = registry.value(name).buckets(rows, ())
