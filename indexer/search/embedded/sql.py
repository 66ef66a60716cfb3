"""A SearchRequest compiled to SQLite: FTS5 MATCH expressions and the SQL of
the page, the total and each facet, with their parameters (no database needed).

The full-text match fills a temporary table `matched (rowid, score)`; the
statements here read it joined to `facts f`, the narrow table of the
facets' columns.
"""

from ..query import Query
from ..request import CURSOR_VALUE, BadRequest, SearchRequest

# Sort keys: (SQL expression, descending?) from first to last; the last is unique.
SORT_KEYS = {
    "relevance": (("m.score", False), ("f.rowid", False)),
    "newest": (("coalesce(f.date, '')", True), ("f.rowid", True)),
    "oldest": (("coalesce(f.date, '9999')", False), ("f.rowid", False)),
}


def quoted(term):
    return '"' + term.replace('"', '""') + '"'


def _clause(clause):
    expression = quoted(" ".join(clause.terms))
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


def filters(request: SearchRequest):
    """{facet name: (sql, params)} for every active filter."""
    registry = request.registry
    active = {}
    for name, values in request.filters.items():
        active[name] = registry.value(name).sql_filter(values)
    if request.date_from or request.date_to:
        active[registry.date.name] = registry.date.sql_filter(request.date_from, request.date_to)
    return active


def where(active, leave_out=None):
    """The WHERE condition of every active filter but `leave_out`'s, with its parameters."""
    parts = [(sql, params) for name, (sql, params) in active.items() if name != leave_out]
    condition = " AND ".join(sql for sql, _ in parts) or "1"
    return condition, [p for _, params in parts for p in params]


def total(active):
    condition, params = where(active)
    return (
        f"SELECT count(*) FROM matched m JOIN facts f ON f.rowid = m.rowid WHERE {condition}",
        params,
    )


def page(request: SearchRequest, active, columns):
    """The page's rows: `columns` of the articles, then the sort key values,
    one row more than the page (it says whether a next page exists).

    The page is sorted and cut on the narrow tables; only its own articles
    are read."""
    keys = SORT_KEYS[request.effective_sort]
    condition, params = where(active)
    offset = request.offset
    if request.cursor:
        values = list(request.cursor)
        if len(values) != len(keys) or not all(isinstance(v, CURSOR_VALUE) for v in values):
            raise BadRequest("cursor", "is not a cursor of this search")
        after, values = keyset_condition(keys, values)
        condition, params, offset = f"{condition} AND {after}", params + values, 0
    keyed = ", ".join(f"{expr} AS k{i}" for i, (expr, _) in enumerate(keys))
    order = ", ".join(f"k{i} {'DESC' if desc else 'ASC'}" for i, (_, desc) in enumerate(keys))
    key_names = ", ".join(f"p.k{i}" for i in range(len(keys)))
    sql = (
        f"SELECT {columns}, {key_names} FROM (SELECT f.rowid AS id, {keyed} "
        f"FROM matched m JOIN facts f ON f.rowid = m.rowid WHERE {condition} "
        f"ORDER BY {order} LIMIT ? OFFSET ?) p JOIN articles a ON a.rowid = p.id "
        f"ORDER BY {order}"
    )
    return sql, [*params, request.size + 1, offset], len(keys)
