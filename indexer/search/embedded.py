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
from collections import Counter

from indexer.arabic import analyze

from .embedded_store import EmbeddedStore
from .errors import BackendUnavailable, NotFound
from .facets import VALUE_FACETS, DateFacet, read_value_buckets
from .highlight import highlight, snippet
from .query import Query
from .request import FILTER_FACETS, SearchRequest, encode_cursor
from .result import Hit, SearchResult

TITLE_WEIGHT = (
    2.0  # BM25 weight of a title match against a body match (measured: scripts/eval-quality)
)
_ARTICLE_COLUMNS = "a.rowid, a.id, a.title, a.body, a.date, a.source, a.url, a.actors"

# Sort keys: (SQL expression, descending?) from first to last; the last is unique.
_SORT_KEYS = {
    "relevance": (("m.score", False), ("f.rowid", False)),
    "newest": (("coalesce(f.date, '')", True), ("f.rowid", True)),
    "oldest": (("coalesce(f.date, '9999')", False), ("f.rowid", False)),
}


def _quoted(term):
    return '"' + term.replace('"', '""') + '"'


def _clause(clause):
    expression = _quoted(" ".join(clause.terms))
    return f"{clause.field} : {expression}" if clause.field else expression


def _group(group):
    if len(group) == 1:
        return _clause(group[0])
    return "(" + " OR ".join(map(_clause, group)) + ")"


def fts_expressions(query: Query):
    """(all, any, excluded) FTS5 MATCH expressions of a query, exclusions
    applied to the first two; None where empty."""
    groups = [_group(g) for g in query.groups]
    excluded = " OR ".join(map(_clause, query.excluded)) or None
    if not groups:
        return None, None, excluded
    all_groups = " AND ".join(groups)
    any_groups = " OR ".join(groups) if len(groups) > 1 else None
    if excluded:
        all_groups = f"({all_groups}) NOT ({excluded})"
        any_groups = any_groups and f"({any_groups}) NOT ({excluded})"
    return all_groups, any_groups, excluded


def keyset_condition(keys, values):
    """SQL for "after these sort key values" in the order `keys` defines."""
    alternatives, params = [], []
    for position, (expression, descending) in enumerate(keys):
        equal = [f"{keys[i][0]} = ?" for i in range(position)]
        step = f"{expression} {'<' if descending else '>'} ?"
        alternatives.append("(" + " AND ".join([*equal, step]) + ")")
        params.extend([*values[:position], values[position]])
    return "(" + " OR ".join(alternatives) + ")", params


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, data_dir):
        self.store = EmbeddedStore(data_dir)

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
        try:
            relaxed = self._match(db, request.query)
            result = self._results(db, request)
            result.relaxed = relaxed and result.total > 0
            return result
        except sqlite3.OperationalError as error:
            raise BackendUnavailable(f"embedded index: {error}") from error
        finally:
            db.close()

    def _match(self, db, query):
        """Fill the temporary table `matched` (rowid, score); return True when
        no article has all the words and those with any of them stand in."""
        all_expr, any_expr, excluded = fts_expressions(query)
        select = (
            "CREATE TEMP TABLE matched AS SELECT rowid, bm25(terms, ?, 1.0) AS score "
            "FROM terms WHERE terms MATCH ?"
        )
        if all_expr:
            db.execute(select, (TITLE_WEIGHT, all_expr))
            if any_expr and db.execute("SELECT 1 FROM matched LIMIT 1").fetchone() is None:
                db.execute("DROP TABLE matched")
                db.execute(select, (TITLE_WEIGHT, any_expr))
                return True
        elif excluded:
            db.execute(
                "CREATE TEMP TABLE matched AS SELECT rowid, 0.0 AS score FROM facts "
                "WHERE rowid NOT IN (SELECT rowid FROM terms WHERE terms MATCH ?)",
                (excluded,),
            )
        else:
            db.execute("CREATE TEMP VIEW matched AS SELECT rowid, 0.0 AS score FROM facts")
        return False

    def _filters(self, request):
        """{facet name: (sql, params)} for every active filter."""
        filters = {}
        for name in FILTER_FACETS:
            if name in request.filters:
                filters[name] = VALUE_FACETS[name].sql_filter(request.filters[name])
        if request.date_from or request.date_to:
            filters["date"] = DateFacet.sql_filter(request.date_from, request.date_to)
        return filters

    @staticmethod
    def _where(filters, leave_out=None):
        parts = [(sql, params) for name, (sql, params) in filters.items() if name != leave_out]
        where = " AND ".join(sql for sql, _ in parts) or "1"
        return where, [p for _, params in parts for p in params]

    def _results(self, db, request):
        filters = self._filters(request)
        where, params = self._where(filters)
        total = db.execute(
            f"SELECT count(*) FROM matched m JOIN facts f ON f.rowid = m.rowid WHERE {where}",
            params,
        ).fetchone()[0]
        sort = request.sort if request.query.groups or request.sort != "relevance" else "newest"
        keys = _SORT_KEYS[sort]
        page_where, page_params, offset = where, list(params), request.offset
        if request.cursor:
            condition, values = keyset_condition(keys, list(request.cursor))
            page_where, page_params, offset = f"{where} AND {condition}", params + values, 0
        # Sort and cut the page on the narrow tables, then read the page's
        # articles; one row more than the page says whether a next exists.
        keyed = ", ".join(f"{expr} AS k{i}" for i, (expr, _) in enumerate(keys))
        order = ", ".join(f"k{i} {'DESC' if desc else 'ASC'}" for i, (_, desc) in enumerate(keys))
        key_names = ", ".join(f"p.k{i}" for i in range(len(keys)))
        rows = db.execute(
            f"SELECT {_ARTICLE_COLUMNS}, {key_names} FROM (SELECT f.rowid AS id, {keyed} "
            f"FROM matched m JOIN facts f ON f.rowid = m.rowid WHERE {page_where} "
            f"ORDER BY {order} LIMIT ? OFFSET ?) p JOIN articles a ON a.rowid = p.id "
            f"ORDER BY {order}",
            [*page_params, request.size + 1, offset],
        ).fetchall()
        more = len(rows) > request.size
        rows = rows[: request.size]
        terms = request.query.terms
        hits = [self._hit(row, terms) for row in rows]
        next_cursor = encode_cursor(rows[-1][-len(keys) :]) if more else None
        result = SearchResult(total, hits, next_cursor=next_cursor)
        self._facets(db, request, filters, result)
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

    def _facets(self, db, request, filters, result):
        for name in request.facets:
            where, params = self._where(filters, leave_out=name)
            if name == "date":
                first, last = db.execute(
                    "SELECT min(f.date), max(f.date) FROM matched m JOIN facts f "
                    f"ON f.rowid = m.rowid WHERE {where}",
                    params,
                ).fetchone()
                interval = DateFacet.interval(first, last)
                sql, sql_params = DateFacet.sql_counts(where, params, interval)
                result.facets["date"] = [
                    DateFacet.bucket(key, count, interval)
                    for key, count in db.execute(sql, sql_params)
                ]
                result.date_interval = interval
            else:
                selected = request.filters.get(name, ())
                sql, sql_params = VALUE_FACETS[name].sql_counts(where, params, selected)
                result.facets[name] = read_value_buckets(
                    db.execute(sql, sql_params).fetchall(), selected
                )

    # --- articles -----------------------------------------------------------

    def article(self, article_id):
        """The whole article as a dict; NotFound when there is none."""
        db = self._connect()
        try:
            row = db.execute(
                "SELECT id, title, body, date, source, url, author, category, tags, "
                "actors, also, extra, origin FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
        finally:
            db.close()
        if row is None:
            raise NotFound(f"no article with ID {article_id!r}")
        keys = (
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
        data = dict(zip(keys, row, strict=True))
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
        expression = " OR ".join(map(_quoted, terms))
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
