"""A SearchRequest compiled to Elasticsearch's query DSL (no server needed).

The same semantics and scoring as the embedded engine: every condition of words
must match (a condition is satisfied by any of its OR-ed clauses), exclusions
remove, and when no article has all the words the articles with any of them
stand in (the caller asks twice). Selecting scores nothing; the score is
indexer.search.ranking's: per field, the best field wins.

Filters go in `post_filter`, so that each facet's aggregation can count
under every filter but its own (multi-select facets); the hits obey all.

Two analysis paths (index.Analysis), one compiler. On an index of the
NODE path Elasticsearch analyses the text itself (`title`, `also_title`,
`body`); on one of the PYTHON path it holds the terms of the Python
analysis (`title_terms`, `also_title_terms`, `body_terms`).
"""

from dataclasses import dataclass

from ..query import Clause, Query
from ..ranking import NEAR_BOOST, TIE_BREAKER, TITLE_BOOST, near_pairs
from ..request import MAX_RESULT_WINDOW, SearchRequest
from .index import Analysis
from .vectors import knn

SNIPPET_CHARS = 240


@dataclass(frozen=True)
class Fields:
    """Where each kind of query looks, by analysis path."""

    title: str
    also_title: str  # the headlines of the article's exact duplicates
    body: str

    @classmethod
    def of(cls, analysis: Analysis):
        if analysis == Analysis.NODE:
            return cls("title", "also_title", "body")
        return cls("title_terms", "also_title_terms", "body_terms")


def _text(clause: Clause, analysis):
    """What a field of this analysis path is asked for a clause."""
    return clause.text if analysis == Analysis.NODE else " ".join(clause.terms)


def _fields(clause: Clause, analysis):
    """The fields a clause may match, with their boosts."""
    fields = Fields.of(analysis)
    headlines = [(fields.title, TITLE_BOOST), (fields.also_title, TITLE_BOOST)]
    return headlines if clause.field == "title" else [*headlines, (fields.body, 1.0)]


def _anywhere(clause: Clause, analysis):
    """Whether the clause's words are in sequence in any field it may match."""
    names = [name for name, _ in _fields(clause, analysis)]
    if clause.prefix:
        starts = [{"prefix": {name: clause.terms[0]}} for name in names]
        return {"bool": {"should": starts, "minimum_should_match": 1}}
    found = {
        "multi_match": {
            "query": _text(clause, analysis),
            "type": "phrase",
            "fields": names,
            "zero_terms_query": "all",
            **({"slop": clause.slop} if clause.slop else {}),
        }
    }
    if clause.decimals is None:
        return found
    decimals = [{"prefix": {name: clause.decimals}} for name in names]
    return {"bool": {"should": [found, *decimals], "minimum_should_match": 1}}


def _in_field(clause: Clause, name, analysis):
    """The clause in one field, scored."""
    if clause.prefix:
        return {"prefix": {name: clause.terms[0]}}
    near = {"slop": clause.slop} if clause.slop else {}
    phrase = {"match_phrase": {name: {"query": _text(clause, analysis), **near}}}
    if clause.decimals is None:
        return phrase
    return {"bool": {"should": [phrase, {"prefix": {name: clause.decimals}}]}}


def _score(query: Query, analysis):
    """The best field's score: each field scores every clause it holds."""
    clauses = [c for condition in query.conditions for c in condition]
    per_field: dict[str, tuple[float, list]] = {}
    for clause in clauses:
        for name, boost in _fields(clause, analysis):
            per_field.setdefault(name, (boost, []))[1].append(_in_field(clause, name, analysis))
    for pair in near_pairs(query):
        for name, boost in _fields(pair, analysis):
            near = {"query": _text(pair, analysis), "slop": pair.slop, "boost": NEAR_BOOST}
            per_field.setdefault(name, (boost, []))[1].append({"match_phrase": {name: near}})
    return {
        "dis_max": {
            "queries": [
                {"bool": {"should": held, "boost": boost}} for boost, held in per_field.values()
            ],
            "tie_breaker": TIE_BREAKER,
        }
    }


def selection(query: Query, analysis, relaxed=False):
    """Which articles a query selects (it scores nothing): every condition (or,
    relaxed, any of them), minus exclusions."""
    conditions = [
        {"bool": {"should": [_anywhere(c, analysis) for c in condition], "minimum_should_match": 1}}
        for condition in query.conditions
    ]
    excluded = [_anywhere(c, analysis) for c in query.excluded]
    if not conditions and not excluded:
        return {"match_all": {}}
    bool_query: dict[str, object] = {}
    if conditions and relaxed:
        bool_query.update(should=conditions, minimum_should_match=1)
    elif conditions:
        bool_query["filter"] = conditions
    else:
        bool_query["filter"] = [{"match_all": {}}]
    if excluded:
        bool_query["must_not"] = excluded
    return {"bool": bool_query}


def full_text(query: Query, analysis, relaxed=False):
    """The articles a query selects, scored as indexer.search.ranking says."""
    selected = selection(query, analysis, relaxed)
    if not query.conditions:
        return selected
    return {"bool": {"filter": [selected], "must": [_score(query, analysis)]}}


def filters(request: SearchRequest):
    """{facet name: filter clause} for every active filter."""
    registry = request.registry
    active = {
        name: registry.value(name).es_filter(request.chosen(name), request.match(name))
        for name in request.filters
    }
    if request.date_from or request.date_to:
        active[registry.date.name] = registry.date.es_filter(request.date_from, request.date_to)
    if request.address:  # a pasted link: the articles published there (address.py)
        active["address"] = {"term": {"address": request.address}}
    return active


def _all_but(active, name):
    clauses = [clause for other, clause in active.items() if other != name]
    return {"bool": {"filter": clauses}} if clauses else {"match_all": {}}


# What a hit shows of an article's document.
HIT_FIELDS = ("id", "title", "body", "date", "source", "actors", "url", "also")


def sort_keys(request: SearchRequest):
    sort = request.effective_sort
    if sort == "relevance":
        return [{"_score": "desc"}, {"id": "asc"}]
    order = "desc" if sort == "newest" else "asc"
    return [{"date": {"order": order, "missing": "_last"}}, {"id": order}]


def aggregations(request: SearchRequest, active):
    """One filter aggregation per facet, each under every filter but its own,
    except those that drill down (the dates; values that must all be there):
    they count under their own filter too. The date facet asks for its span
    and yearly counts; a narrower interval needs a second request
    (`date_histogram_body`)."""
    return {
        name: {
            "filter": _all_but(active, _own_filter(request, name)),
            "aggs": _counted(request, name),
        }
        for name in request.facets
    }


def _counted(request: SearchRequest, name):
    if name == request.registry.date.name:
        return request.registry.date.es_aggregations()
    facet = request.registry.value(name)
    return facet.es_aggregations(request.chosen(name), request.facet_size, request.facet_include)


def _own_filter(request: SearchRequest, name):
    """The filter a facet's counts leave out: its own, but none for the dates
    and for values that must all be there (they drill down)."""
    if name == request.registry.date.name:
        return None
    return (
        None if request.registry.value(name).counts_under_own_filter(request.match(name)) else name
    )


def search_body(request: SearchRequest, analysis, relaxed=False, after=None):
    """The body of the search for one page of `request`."""
    # One more than the page says whether a next exists; page numbers stop
    # at the result window (the cursor goes on past it).
    size = (
        request.size + 1
        if after is not None
        else min(request.size + 1, MAX_RESULT_WINDOW - request.offset)
    )
    body = words_body(request, analysis, relaxed, size, request.offset if after is None else None)
    if after is not None:
        body["search_after"] = list(after)
    if request.facets:
        body["aggs"] = aggregations(request, filters(request))
    return body


def words_body(request: SearchRequest, analysis, relaxed, size, start):
    """The body of a search of `request`'s words: `size` hits from `start`
    (None: the caller goes on from sort values), no facets."""
    active = filters(request)
    body = {
        "query": full_text(request.query, analysis, relaxed),
        "sort": sort_keys(request),
        "size": size,
        "track_total_hits": True,
        "_source": list(HIT_FIELDS),
    }
    if active:
        body["post_filter"] = {"bool": {"filter": list(active.values())}}
    if start is not None:
        body["from"] = start
    if analysis == Analysis.NODE and request.query.conditions:
        body["highlight"] = highlight_body(request.query, relaxed)
    return body


def nearest_body(request: SearchRequest, analysis, vector, model, k):
    """The body of a kNN search: the IDs and scores of the `k` articles with
    a vector of `model` nearest to `vector` that the search's filters and
    excluded words leave in (fusion.py ranks them with the words')."""
    kept = list(filters(request).values())
    if request.query.excluded:
        kept.append(selection(Query((), request.query.excluded), analysis))
    return {"knn": knn(vector, model, k, kept), "size": k, "_source": False}


def scores_body(request: SearchRequest, analysis, relaxed, size):
    """The body of a search of the IDs and scores of the words' first `size`
    articles, and how many there are."""
    body = words_body(request, analysis, relaxed, size, 0)
    body["_source"] = False
    body.pop("highlight", None)
    return body


def among_body(request: SearchRequest, analysis, relaxed, article_ids):
    """The body of a search of which of these articles the words find."""
    return {
        "query": {
            "bool": {
                "must": [full_text(request.query, analysis, relaxed)],
                "filter": [{"ids": {"values": list(article_ids)}}],
            }
        },
        "size": len(article_ids),
        "_source": False,
    }


def articles_body(request: SearchRequest, analysis, relaxed, article_ids):
    """The body of a search of the hits of these articles (highlighted)."""
    body = {
        "query": {"ids": {"values": list(article_ids)}},
        "size": len(article_ids),
        "_source": list(HIT_FIELDS),
    }
    if analysis == Analysis.NODE and request.query.conditions:
        body["highlight"] = highlight_body(request.query, relaxed)
    return body


def counts_body(request: SearchRequest, analysis, relaxed, added):
    """The body of a request for the facets alone: of the articles the words
    found and of those meaning `added`."""
    return {
        "query": matching(request, analysis, relaxed, added),
        "size": 0,
        "track_total_hits": False,
        "aggs": aggregations(request, filters(request)),
    }


def matching(request: SearchRequest, analysis, relaxed=False, added=()):
    """The articles a search finds: the words', and the IDs meaning added."""
    found = full_text(request.query, analysis, relaxed)
    if not added:
        return found
    either = [found, {"ids": {"values": list(added)}}]
    return {"bool": {"should": either, "minimum_should_match": 1}}


def highlight_body(query: Query, relaxed):
    positive = full_text(Query(query.conditions), Analysis.NODE, relaxed)
    return {
        "encoder": "html",
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "highlight_query": positive,
        "fields": {
            "title": {"number_of_fragments": 0},
            "body": {
                "fragment_size": SNIPPET_CHARS,
                "number_of_fragments": 1,
                "no_match_size": SNIPPET_CHARS,
            },
        },
    }


def date_histogram_body(request: SearchRequest, analysis, relaxed, interval, added=()):
    """A second request: the date facet's counts at a finer interval."""
    active, date_facet = filters(request), request.registry.date
    return {
        "query": {
            "bool": {
                "must": [matching(request, analysis, relaxed, added)],
                "filter": [_all_but(active, None)],
            }
        },
        "size": 0,
        "track_total_hits": False,
        "aggs": {"histogram": date_facet.es_histogram(interval)},
    }
