"""The OpenAPI description of the JSON API, served at /api/openapi.json."""

from typing import Any

from indexer.search import batch
from indexer.search.facets import FACETS, MATCHES, Registry
from indexer.search.fusion import MODES
from indexer.search.request import MAX_RESULT_WINDOW, SORTS
from indexer.settings import Settings

_DIGIT = "[0-9٠-٩۰-۹]"
# The shapes of a date parameter (a value of that shape may still be no day: 2018-02-30).
DATE = {
    "type": "string",
    "pattern": f"^({_DIGIT}{{4}}([-/.]{_DIGIT}{{1,2}}){{0,2}}"
    f"|({_DIGIT}{{1,2}}[-/.]){{1,2}}{_DIGIT}{{4}}"
    f"|({_DIGIT}{{1,2}} ?)?[^0-9٠-٩۰-۹ ][^0-9٠-٩۰-۹]* ?,? ?{_DIGIT}{{4}})$",
}


def _parameter(name, description, schema=None, repeat=False):
    schema = schema or {"type": "string"}
    if repeat:
        schema = {"type": "array", "items": schema}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **({"style": "form", "explode": True} if repeat else {}),
    }


def search_parameters(
    max_size: int, registry: Registry, max_query_chars: int = 1_000
) -> list[dict]:
    date_from, date_to = registry.date.parameters
    return [
        _parameter(
            "q",
            'Query: words, "phrases", -exclusion, OR, word*, title:word; source:, actor:, '
            "category: read as those filters. Arabic spelling variants, diacritics and "
            "clitics are folded.",
            {"type": "string", "maxLength": max_query_chars},
        ),
        _parameter(
            date_from,
            "First day, inclusive: YYYY-MM-DD, YYYY-MM (its first day; one digit or two, "
            "- / or . between), YYYY, DD/MM/YYYY, MM/YYYY, or a month's name and its year "
            "(يونيو 2018, جوان 2018, June 2018, 13 يونيو 2018); Arabic-Indic digits too.",
            DATE,
        ),
        _parameter(
            date_to,
            "Last day, inclusive: as date_from; a month or a year its last day.",
            DATE,
        ),
        *(_parameter(f.name, f"Only {f.help}.", repeat=True) for f in registry.values),
        *(
            _parameter(
                f"{f.name}_match",
                f"How several {f.name} values combine: all (articles with every one) "
                f"or any (articles with one of them); {f.match} by default.",
                {"type": "string", "enum": list(MATCHES), "default": f.match},
            )
            for f in registry.values
            if f.match
        ),
        _parameter("sort", "Order of hits.", {"type": "string", "enum": list(SORTS)}),
        _parameter(
            "mode",
            "auto (the default): words and meaning in one ranking, exact matches kept first; "
            "words: the words alone; meaning: the meaning alone. Meaning takes part in "
            "relevance searches of an index with embeddings.",
            {"type": "string", "enum": list(MODES)},
        ),
        _parameter(
            "page",
            f"Page number; pages reach the first {MAX_RESULT_WINDOW:,} hits (a page past "
            "the last one of the results is a 400 that gives last_page).",
            {"type": "integer", "minimum": 1, "maximum": MAX_RESULT_WINDOW},
        ),
        _parameter(
            "size",
            "Hits per page; 0 for the total and the facets alone.",
            {"type": "integer", "minimum": 0, "maximum": max_size},
        ),
        _parameter("cursor", "next_cursor of the previous response: the hits after it."),
        _parameter(
            "facets", f"Comma-separated facets to count ({', '.join(registry.names)}), or none."
        ),
    ]


ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string"},
                "message": {"type": "string"},
                "parameter": {"type": "string"},
                "last_page": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "for a page past the results or the window: the last page",
                },
            },
        }
    },
}

BUCKET = {
    "type": "object",
    "required": ["key", "count"],
    "properties": {
        "key": {"type": "string"},
        "count": {"type": "integer"},
        "selected": {"type": "boolean"},
        "label": {"type": "string", "description": "the value's Arabic label, for a code"},
        "from": {"type": "string", "format": "date"},
        "to": {"type": "string", "format": "date"},
    },
}

HIT = {
    "type": "object",
    "required": ["id", "title", "date", "source", "actors", "url", "snippet"],
    "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "date": {"type": ["string", "null"], "format": "date-time"},
        "source": {"type": "string"},
        "actors": {"type": "array", "items": {"type": "string"}},
        "url": {"type": "string"},
        "snippet": {"type": "string", "description": "HTML: escaped text, matches in <mark>"},
        "also": {
            "type": "array",
            "description": "the article's exact duplicates: the same text published by other "
            "outlets, each under its own headline",
            "items": {
                "type": "object",
                "required": ["id", "source", "title", "url"],
                "properties": {
                    "id": {"type": "string"},
                    "source": {"type": "string"},
                    "title": {"type": "string"},
                    "url": {"type": "string"},
                },
            },
        },
        "near_duplicate_of": {
            "type": ["string", "null"],
            "description": "the ID of a hit above it on this page that tells nearly the same "
            "story (another outlet's lightly edited copy); the page folds it under that hit. "
            "Nothing is left out: the total and the paging count it as any other hit",
        },
        "matched_by": {
            "type": "string",
            "enum": ["words", "meaning", "both"],
            "description": "what found it: its words, its meaning alone (the words of the "
            "query are not in it: an English query, other words for the same story), or both",
        },
    },
}


def search_result(registry: Registry) -> dict:
    return {
        "type": "object",
        "required": ["total", "hits", "facets", "next_cursor", "next_url", "took"],
        "properties": {
            "total": {"type": "integer"},
            "hits": {"type": "array", "items": HIT},
            "facets": {
                "type": "object",
                "properties": {name: {"type": "array", "items": BUCKET} for name in registry.names},
            },
            "date_interval": {"type": ["string", "null"], "enum": ["year", "month", "day", None]},
            "next_cursor": {"type": ["string", "null"]},
            "next_url": {
                "type": ["string", "null"],
                "description": "this search's next page (its next_cursor), null after the last",
            },
            "took": {"type": "integer", "minimum": 0, "description": "milliseconds it took"},
            "relaxed": {
                "type": "boolean",
                "description": "no article has every word; these have some",
            },
            "meaning": {
                "type": ["object", "null"],
                "description": "meaning took part in the ranking: `added` articles of `total` "
                "(and of the facets' counts) were found by meaning alone (hits[].matched_by: "
                "meaning), among the nearest to the query; `embedded` of the index's "
                "`articles` have a vector (less: meaning covers part of the archive). "
                "null when it took no part (mode=words, a date sort, no embeddings)",
                "required": ["added", "embedded", "articles"],
                "properties": {
                    "added": {"type": "integer", "minimum": 0},
                    "embedded": {"type": "integer", "minimum": 0},
                    "articles": {"type": "integer", "minimum": 0},
                },
            },
            "did_you_mean": {
                "type": ["object", "null"],
                "description": "when the query finds fewer than 3 articles: another "
                "spelling of it (each unknown word replaced by the commonest known word one "
                "edit away: ترانب → ترامب) that finds more, under the same filters",
                "required": ["q", "total"],
                "properties": {"q": {"type": "string"}, "total": {"type": "integer"}},
            },
            "stopwords": {
                "type": "array",
                "items": {"type": "string"},
                "description": "stopwords of q that were searched because the query needed "
                "them: without them it would search nothing, or a single word of several",
            },
            "not_understood": {
                "type": "array",
                "items": {"type": "string"},
                "description": "operators of other query languages in q that Bahth read as "
                "text (~ after a word, ^, +, parentheses, && and ||)",
            },
            "address": {
                "type": ["object", "null"],
                "description": "q was a web address: the articles published there are "
                "looked up by `key` (the address without scheme, www., fragment, final slash "
                "and tracking parameters; its path decoded); `found` false when the archive "
                "holds none, and the address's words were searched instead; null for any "
                "other query",
                "required": ["key", "found"],
                "properties": {"key": {"type": "string"}, "found": {"type": "boolean"}},
            },
            "all_stopwords": {
                "type": "boolean",
                "description": "every word of q is a stopword (من هو): articles with all of "
                "them are found, which is most of the archive",
            },
            "also_searched": {
                "type": "array",
                "items": {"type": "string"},
                "description": "other spellings of actor names in q "
                "that the search also looked for (ترامب: ترمب)",
            },
            "actors_read_as": {
                "type": "array",
                "description": "actor values read as the actor they name "
                "(actor=بوتين, actor=Putin: فلاديمير بوتين); the facet shows that name",
                "items": {
                    "type": "object",
                    "required": ["value", "actor"],
                    "properties": {"value": {"type": "string"}, "actor": {"type": "string"}},
                },
            },
            "actors_not_found": {
                "type": "array",
                "description": "actor values that name no actor of the index (or several: "
                "a surname two people share), each with the closest actors to choose from",
                "items": {
                    "type": "object",
                    "required": ["value", "closest"],
                    "properties": {
                        "value": {"type": "string"},
                        "closest": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["name", "articles"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "articles": {"type": "integer"},
                                },
                            },
                        },
                    },
                },
            },
            "values_read_as": {
                "type": "array",
                "description": "source and category values typed otherwise than the index "
                "stores them, read as the values they spell (source=العربيه: [العربية]; "
                "category=أخبار دولية, the label shown: [internationalNews]; a label two "
                "codes share: both)",
                "items": {
                    "type": "object",
                    "required": ["facet", "value", "read_as"],
                    "properties": {
                        "facet": {"type": "string"},
                        "value": {"type": "string"},
                        "read_as": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
            "values_not_found": {
                "type": "array",
                "description": "source and category values that spell none of the index's "
                "(searched as typed: nothing matches them), each with the closest values",
                "items": {
                    "type": "object",
                    "required": ["facet", "value", "closest"],
                    "properties": {
                        "facet": {"type": "string"},
                        "value": {"type": "string"},
                        "closest": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["value", "articles"],
                                "properties": {
                                    "value": {"type": "string"},
                                    "articles": {"type": "integer"},
                                },
                            },
                        },
                    },
                },
            },
        },
    }


def _errors(*statuses):
    """The error answers of an operation (414: an address longer than the
    server reads, which any GET with a long enough query string can get)."""
    return {
        str(s): {"description": "Error", "content": {"application/json": {"schema": ERROR}}}
        for s in statuses
    }


_NOT_EXPORT = ("page", "size", "cursor", "facets")  # an export has every hit and no facet
BATCH_FORMAT = {"type": "string", "enum": ["json", "csv"]}
_COUNTS = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}}
BATCH_RESULT = {
    "type": "object",
    "required": ["results", "took"],
    "properties": {
        "results": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["query", "total", "years", "sources", "also_searched", "relaxed"],
                "properties": {
                    "query": {"type": "string"},
                    "total": {"type": "integer", "minimum": 0},
                    "years": {**_COUNTS, "description": "articles per year, in order"},
                    "sources": {**_COUNTS, "description": "articles per outlet, most first"},
                    "also_searched": {"type": "array", "items": {"type": "string"}},
                    "relaxed": {"type": "boolean"},
                    "error": {"type": ["string", "null"], "description": "why it was refused"},
                },
            },
        },
        "took": {"type": "integer", "minimum": 0, "description": "milliseconds"},
    },
}


def batch_body(parameters) -> dict:
    """The JSON a batch takes: its queries, and the search's filters."""
    filters = {
        p["name"]: {
            "anyOf": [p["schema"]["items"], p["schema"]]
            if p["schema"].get("type") == "array"
            else [p["schema"]]
        }
        for p in parameters
        if p["name"] not in batch.NOT_FILTERS
    }
    return {
        "type": "object",
        "required": ["queries"],
        "properties": {
            "queries": {
                "type": "array",
                "items": {"type": "string"},
                "minItems": 1,
                "maxItems": 1_000,
                "description": "one search each (the query language of q)",
            },
            "format": BATCH_FORMAT,
            **filters,
        },
        "additionalProperties": False,
    }


def openapi_document(settings: Settings | None = None, registry: Registry = FACETS) -> dict:
    """The description of the API as `settings` bound it, for an index with these facets."""
    from .api import COLUMNS  # the export's (api imports this module)

    settings = settings or Settings()
    parameters = search_parameters(settings.max_page_size, registry, settings.max_query_chars)
    facet_names = ", ".join(f.name for f in registry.values)
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "Bahth search API",
            "version": "1",
            "description": "Search an Arabic news archive, with facets by "
            f"{registry.date.name}, {facet_names}.",
        },
        "paths": {
            "/api/search": {
                "get": {
                    "summary": "Search articles",
                    "parameters": parameters,
                    "responses": {
                        "200": {
                            "description": "Hits and facet counts",
                            "content": {"application/json": {"schema": search_result(registry)}},
                        },
                        **_errors(400, 414, 503),
                    },
                }
            },
            "/api/articles/{id}": {
                "get": {
                    "summary": "One article, whole, with similar articles",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {
                        "200": {
                            "description": "The article",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        **_errors(404, 414, 503),
                    },
                }
            },
            "/api/actors/{name}": {
                "get": {
                    "summary": "An actor: its articles over time, outlets, co-actors, spellings",
                    "description": "The name may be any spelling, a gazetteer alias or an "
                    "English name (Putin). A name that is no actor of the archive is a 404 "
                    "whose `closest` lists the actors it may mean.",
                    "parameters": [
                        {
                            "name": "name",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "name, kind, english, articles, spellings "
                            "[{spelling, articles}], named_only_by [{spelling, articles, q}] "
                            "(its articles that name it only by a spelling another may "
                            "have, and the words that find them), timeline (the date "
                            "facet's buckets), "
                            "interval, sources, co_actors, latest [{id, title, date, source}], "
                            "search (the page of its articles)",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        **_errors(404, 414, 503),
                    },
                }
            },
            "/api/batch": {
                "post": {
                    "summary": "Many queries under the same filters, each counted",
                    "description": "For each query, in the order given: its total (the one "
                    "/api/search gives), its articles per year and per outlet, the other "
                    "spellings searched. A query the query rules refuse is a row with its "
                    "error. format=csv (in the body or the query string) gives a table.",
                    "parameters": [
                        _parameter("format", "json (default) or csv", BATCH_FORMAT),
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": batch_body(parameters)}},
                    },
                    "responses": {
                        "200": {
                            "description": "Each query counted",
                            "content": {
                                "application/json": {"schema": BATCH_RESULT},
                                "text/csv": {},
                            },
                        },
                        **_errors(400, 503),
                    },
                }
            },
            "/api/export": {
                "get": {
                    "summary": "Every hit of a search, streamed as CSV or JSON lines",
                    "parameters": [
                        _parameter(
                            "format", "csv or jsonl", {"type": "string", "enum": ["csv", "jsonl"]}
                        ),
                        _parameter(
                            "columns",
                            "Comma-separated columns, in order (default: id,date,source,title,"
                            "actors,url). Any of: id, date, source, title, actors, url, snippet, "
                            "also (the outlets that also published it), body, category, tags, "
                            "author; or one `column` parameter per column (the page's form). "
                            "The file is named bahth-<the query's words>-<today>.",
                        ),
                        _parameter(
                            "column",
                            "One column; repeat it for several, in order (the page's form).",
                            {"type": "string", "enum": list(COLUMNS)},
                            repeat=True,
                        ),
                        *[p for p in parameters if p["name"] not in _NOT_EXPORT],
                    ],
                    "responses": {
                        "200": {
                            "description": "The hits, in the search's order. The last line "
                            'says the file is whole: JSONL {"export": {"complete": true, '
                            '"rows": N}}, CSV a row END,"N rows, complete"; or, cut short by '
                            'the engine, {"error": …} or a row ERROR.',
                            "content": {"text/csv": {}, "application/x-ndjson": {}},
                        },
                        **_errors(400, 414, 503),
                    },
                }
            },
            "/api/facets/{name}": {
                "get": {
                    "summary": "A facet's values under a search (its first 1,000 by count, "
                    "chosen ones first), or those whose name holds a text, wherever they rank",
                    "parameters": [
                        {
                            "name": "name",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "enum": [f.name for f in registry.values]},
                        },
                        _parameter(
                            "contains",
                            "Only values whose name (or label) holds this text, compared as "
                            "normalised Arabic: looked for among every value of the archive, "
                            "the first 1,000 by count counted under the search.",
                        ),
                        *[
                            p
                            for p in parameters
                            if p["name"] not in ("page", "size", "cursor", "facets")
                        ],
                    ],
                    "responses": {
                        "200": {
                            "description": "The facet's values",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["facet", "values", "more"],
                                        "properties": {
                                            "facet": {"type": "string"},
                                            "values": {"type": "array", "items": BUCKET},
                                            "more": {
                                                "type": "boolean",
                                                "description": "The archive holds values past "
                                                "those listed (give or lengthen `contains`).",
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        **_errors(400, 414, 503),
                    },
                }
            },
            "/api/health": {
                "get": {
                    "summary": "Whether the search backend answers",
                    "security": [],  # open to all, even with accounts on
                    "responses": {
                        "200": {
                            "description": "Backend name and article count (with accounts "
                            "on: the status alone)"
                        },
                        **_errors(414, 503),
                    },
                }
            },
        },
    }
    if settings.users or settings.identity_header:
        document["components"] = {"securitySchemes": SECURITY_SCHEMES}
        document["security"] = [{name: []} for name in SECURITY_SCHEMES]
    return document


# With accounts on (BAHTH_USERS), every operation but /api/health asks for
# one of these; without one it answers 401, after failed logins 429.
SECURITY_SCHEMES = {
    "basic": {"type": "http", "scheme": "basic", "description": "An account's name and password"},
    "token": {
        "type": "http",
        "scheme": "bearer",
        "description": "The account's API token (`bahth users add NAME` prints it)",
    },
}
