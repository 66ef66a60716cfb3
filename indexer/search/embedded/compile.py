"""A SearchRequest compiled to tantivy queries (the index's schema is all it needs).

A query is two parts: which articles it selects (every condition of words
somewhere in the article, or relaxed any condition; no excluded clause), which
scores nothing, and their score, as indexer.search.ranking says: BM25 per
field, the best field wins (a DisjunctionMaxQuery). Filters score nothing
either: each is a constant-zero clause that must match.
"""

import tantivy
from tantivy import Occur, Query

from ..query import Clause
from ..query import Query as Words
from ..ranking import NEAR_BOOST, TIE_BREAKER, TITLE_BOOST, near_pairs
from ..request import BadRequest, SearchRequest

HEADLINES = ("title", "also_title")
ADDRESS = "address"
BODY = "body"


def _in_field(schema, clause: Clause, field: str):
    if clause.prefix:
        return Query.phrase_prefix_query(schema, field, [clause.terms[0]])
    if len(clause.terms) > 1:
        return Query.phrase_query(schema, field, list(clause.terms), clause.slop)
    term = Query.term_query(schema, field, clause.terms[0])
    if clause.decimals is None:
        return term
    decimals = Query.phrase_prefix_query(schema, field, [clause.decimals])
    return Query.boolean_query([(Occur.Should, term), (Occur.Should, decimals)])


def _fields(clause: Clause):
    headlines = [(name, TITLE_BOOST) for name in HEADLINES]
    return headlines if clause.field == "title" else [*headlines, (BODY, 1.0)]


def _anywhere(schema, clause: Clause):
    """Whether `clause` is in any field it may match."""
    found = [_in_field(schema, clause, name) for name, _ in _fields(clause)]
    return Query.boolean_query([(Occur.Should, q) for q in found])


def _selection(schema, words: Words, relaxed):
    """Which articles match: every condition (relaxed: any of them), minus
    exclusions; every article when there are no words."""
    conditions = [
        Query.boolean_query([(Occur.Should, _anywhere(schema, c)) for c in condition])
        for condition in words.conditions
    ]
    occur = Occur.Should if relaxed else Occur.Must
    parts = [(occur, g) for g in conditions] or [(Occur.Must, Query.all_query())]
    parts += [(Occur.MustNot, _anywhere(schema, c)) for c in words.excluded]
    return Query.boolean_query(parts)


def _score(schema, words: Words):
    """The best field's score: each field scores every clause it holds."""
    per_field: dict[str, tuple[float, list]] = {}
    for condition in words.conditions:
        for clause in condition:
            for name, boost in _fields(clause):
                held = per_field.setdefault(name, (boost, []))[1]
                held.append((Occur.Should, _in_field(schema, clause, name)))
    for pair in near_pairs(words):
        for name, boost in _fields(pair):
            near = Query.boost_query(_in_field(schema, pair, name), NEAR_BOOST)
            per_field.setdefault(name, (boost, []))[1].append((Occur.Should, near))
    scored = [Query.boost_query(Query.boolean_query(held), b) for b, held in per_field.values()]
    return Query.disjunction_max_query(scored, TIE_BREAKER)


def matching(schema, words: Words, relaxed=False):
    """The articles a query selects, scored (unscored when it has no words)."""
    selected = _selection(schema, words, relaxed)
    if not words.conditions:
        return selected
    return Query.boolean_query(
        [(Occur.Must, Query.const_score_query(selected, 0.0)), (Occur.Must, _score(schema, words))]
    )


def alike(schema, terms, article_id):
    """Articles holding the most of `terms`, scored as a query, but `article_id`."""
    words = Words(tuple((Clause((term,)),) for term in terms))
    return Query.boolean_query(
        [
            (Occur.Must, _score(schema, words)),
            (Occur.MustNot, Query.term_query(schema, "id", article_id)),
        ]
    )


def filters(schema, request: SearchRequest):
    """{facet name: filter query} for every active filter."""
    registry = request.registry
    active = {
        name: registry.value(name).embedded_filter(
            schema, request.chosen(name), request.match(name)
        )
        for name in request.filters
    }
    if request.date_from or request.date_to:
        active[registry.date.name] = registry.date.embedded_filter(
            schema, request.date_from, request.date_to
        )
    if request.address:  # a pasted link: the articles published there (address.py)
        active[ADDRESS] = Query.term_query(schema, ADDRESS, request.address)
    return active


def narrowed(query, active, leave_out=None):
    """`query` under every active filter but `leave_out`'s."""
    chosen = [f for name, f in active.items() if name != leave_out]
    if not chosen:
        return query
    return Query.boolean_query(
        [(Occur.Must, query), *((Occur.Must, Query.const_score_query(f, 0.0)) for f in chosen)]
    )


# --- sorting and cursors -------------------------------------------------------
# A date sort reads a unique key (schema.sort_keys): its cursor is the last
# key seen, and the next page starts after it. Relevance has no such key
# that a query can start after: its cursor is the number of hits seen.

SORTS = {"newest": tantivy.Order.Desc, "oldest": tantivy.Order.Asc}


def ordering(sort: str) -> dict:
    """The arguments of a tantivy search in the order of `sort` (none for relevance)."""
    if sort == "relevance":
        return {}
    return {"order_by_field": sort, "order": SORTS[sort]}


def after(schema, sort: str, cursor, articles: int):
    """(filter query or None, offset) of the page a cursor asks for; a
    relevance cursor goes no further than the index's `articles` (tantivy
    keeps offset + size hits in memory: a forged offset must not reach it)."""
    if (
        len(cursor) != 2
        or cursor[0] != sort
        or not isinstance(cursor[1], int)
        or isinstance(cursor[1], bool)
    ):
        raise BadRequest("cursor", "is not a cursor of this search")
    if sort == "relevance":
        if not 0 <= cursor[1] <= articles:
            raise BadRequest("cursor", "is not a cursor of this search")
        return None, cursor[1]
    if sort == "newest":
        start = Query.range_query(
            schema, sort, tantivy.FieldType.Integer, None, cursor[1], include_upper=False
        )
    else:
        start = Query.range_query(
            schema, sort, tantivy.FieldType.Integer, cursor[1], None, include_lower=False
        )
    return start, 0
