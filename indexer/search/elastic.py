"""Search on Elasticsearch: the alias `articles` (BAHTH_ELASTICSEARCH_INDEX).

The index behind the alias says in its mapping's `_meta` which analysis
path built it (production: Elasticsearch's Arabic chain; fallback: the
Python analysis, for nodes without analysis-common); the request is
compiled for that path by `elastic_query`.

Paging: page numbers use from/size up to the 10,000-hit window; the cursor
(next_cursor) uses search_after on a point in time, opened when a cursor is
first followed and carried by the cursors after it. A cursor whose point in
time has expired goes on from the same sort values on the live index.
"""

import logging
import time

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch import ConnectionError as EsConnectionError
from markupsafe import escape

from . import elastic_query as dsl
from .errors import BackendUnavailable, NotFound
from .facets import DateFacet, read_value_buckets
from .highlight import highlight, snippet
from .request import BadRequest, SearchRequest, encode_cursor
from .result import Hit, SearchResult

log = logging.getLogger(__name__)

RETRY_STATUSES = (429, 502, 503, 504)
POINT_IN_TIME = "5m"
_KIND_SECONDS = 10  # how long the analysis path of the alias is remembered
_HIT_FIELDS = ("id", "title", "body", "date", "source", "actors", "url")


def connect(url, timeout=30):
    """A client that retries a failed connection or a busy node (429/50x) on
    the next node. `url` may list several nodes of a cluster, comma-separated."""
    nodes = [node.strip() for node in url.split(",") if node.strip()]
    return Elasticsearch(
        nodes,
        request_timeout=timeout,
        max_retries=3,
        retry_on_timeout=True,
        retry_on_status=RETRY_STATUSES,
    )


def unavailable(url, error):
    """BackendUnavailable for a client error, in words for people."""
    if isinstance(error, EsConnectionError):
        return BackendUnavailable(f"Elasticsearch at {url} cannot be reached ({error.message})")
    if isinstance(error, ApiError):
        return BackendUnavailable(
            f"Elasticsearch at {url} answered {error.status_code}: {error.message}"
        )
    return BackendUnavailable(f"Elasticsearch at {url}: {error}")


def has_arabic_analysis(client) -> bool:
    """Whether the node has analysis-common (home of arabic_normalization)."""
    try:
        client.indices.analyze(tokenizer="standard", filter=["arabic_normalization"], text="أ")
    except ApiError as error:
        if error.status_code == 400:
            return False
        raise
    return True


class ElasticBackend:
    name = "elasticsearch"

    def __init__(self, url, alias="articles"):
        self.url, self.alias = url, alias
        self.client = connect(url)
        self._kind = (None, 0.0)  # (analysis path, when read)

    def _call(self, method, **kwargs):
        try:
            return method(**kwargs)
        except NotFoundError as error:
            if error.message == "index_not_found_exception":
                raise BackendUnavailable(
                    f"Elasticsearch at {self.url} has no index {self.alias!r}: "
                    "run `bahth reindex PATH` first"
                ) from error
            raise
        except (TransportError, ApiError) as error:
            raise unavailable(self.url, error) from error

    def analysis(self):
        """The analysis path of the index behind the alias."""
        kind, read_at = self._kind
        if kind is None or time.monotonic() - read_at > _KIND_SECONDS:
            mappings = self._call(self.client.indices.get_mapping, index=self.alias)
            meta = next(iter(mappings.values()))["mappings"].get("_meta", {})
            kind = meta.get("bahth", {}).get("analysis", dsl.PRODUCTION)
            self._kind = (kind, time.monotonic())
        return kind

    def ping(self):
        return self._call(self.client.count, index=self.alias)["count"]

    # --- search -------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        analysis = self.analysis()
        after, pit = self._read_cursor(request)
        relaxed = False
        response = self._page(request, analysis, relaxed, after, pit)
        if response["hits"]["total"]["value"] == 0 and len(request.query.groups) > 1:
            relaxed = True
            response = self._page(request, analysis, relaxed, after, pit)
        hits = response["hits"]["hits"]
        more = len(hits) > request.size
        hits = hits[: request.size]
        result = SearchResult(
            response["hits"]["total"]["value"],
            [self._hit(h, request.query.terms, analysis) for h in hits],
            relaxed=relaxed and bool(hits),
        )
        if more:
            result.next_cursor = self._next_cursor(hits[-1]["sort"], response, after is not None)
        self._facets(request, analysis, relaxed, response.get("aggregations", {}), result)
        return result

    def _read_cursor(self, request):
        """(sort values to go on after, point-in-time ID or None)."""
        if not request.cursor:
            return None, None
        cursor = request.cursor
        if not (
            len(cursor) == 2
            and isinstance(cursor[0], list)
            and (cursor[1] is None or isinstance(cursor[1], str))
        ):
            raise BadRequest("cursor", "is not a cursor returned by this API")
        return cursor[0], cursor[1]

    def _page(self, request, analysis, relaxed, after, pit):
        body = dsl.search_body(request, analysis, relaxed, after)
        if after is not None:
            if pit is None:
                pit = self._open_point_in_time()
            if pit is not None:
                body["pit"] = {"id": pit, "keep_alive": POINT_IN_TIME}
                try:
                    return self._call(self.client.search, body=body)
                except (NotFoundError, BackendUnavailable):
                    # An expired point in time: go on from the same place on the live index.
                    del body["pit"]
        return self._call(self.client.search, index=self.alias, body=body)

    def _open_point_in_time(self):
        try:
            return self.client.open_point_in_time(index=self.alias, keep_alive=POINT_IN_TIME)["id"]
        except (TransportError, ApiError) as error:
            log.warning("no point in time on %s (%s); paging on the live index", self.alias, error)
            return None

    @staticmethod
    def _next_cursor(sort_values, response, following):
        # The first page opens no point in time (most searches stop there);
        # the next request opens one, and cursors after it carry it.
        pit = response.get("pit_id") if following else None
        return encode_cursor([sort_values, pit])

    @staticmethod
    def _hit(hit, terms, analysis):
        source = hit["_source"]
        title, body = source.get("title", ""), source.get("body", "")
        if analysis == dsl.PRODUCTION and terms:
            marked = hit.get("highlight", {})
            title_html = (marked.get("title") or [str(escape(title))])[0]
            passage = (marked.get("body") or [str(escape(body[: dsl.SNIPPET_CHARS]))])[0]
            plain = passage.replace("<mark>", "").replace("</mark>", "")
            escaped = str(escape(body)).rstrip()
            text = (
                ("" if escaped.startswith(plain) else "… ")
                + passage
                + ("" if escaped.endswith(plain) else " …")
            )
        else:
            title_html, text = highlight(title, terms), snippet(body, terms)
        return Hit(
            source["id"],
            title,
            source.get("date"),
            source.get("source", ""),
            source.get("actors", []),
            source.get("url", ""),
            text,
            title_html,
        )

    def _facets(self, request, analysis, relaxed, aggregations, result):
        for name in request.facets:
            facet = aggregations[name]
            if name != "date":
                selected = request.filters.get(name, ())
                rows = [(b["key"], b["doc_count"]) for b in facet["values"]["buckets"]]
                result.facets[name] = read_value_buckets(rows, selected)
                continue
            interval = DateFacet.interval(
                facet["first"].get("value_as_string"), facet["last"].get("value_as_string")
            )
            buckets = facet["year"]["buckets"]
            if interval != "year":
                body = dsl.date_histogram_body(request, analysis, relaxed, interval)
                response = self._call(self.client.search, index=self.alias, body=body)
                buckets = response["aggregations"]["histogram"]["buckets"]
            result.facets["date"] = [
                DateFacet.bucket(b["key_as_string"], b["doc_count"], interval) for b in buckets
            ]
            result.date_interval = interval

    # --- articles -----------------------------------------------------------

    def article(self, article_id):
        try:
            found = self._call(
                self.client.get,
                index=self.alias,
                id=article_id,
                source_excludes=["*_terms", "*_exact"],
            )
        except NotFoundError:
            raise NotFound(f"no article with ID {article_id!r}") from None
        data = found["_source"]
        for key in ("tags", "actors", "also"):
            data.setdefault(key, [])
        data.setdefault("extra", {})
        return data

    def more_like_this(self, article, size=5):
        """Articles sharing the most distinctive words of `article`."""
        fields = dsl.Fields.of(self.analysis())
        body = {
            "query": {
                "more_like_this": {
                    "fields": [fields.title, fields.body],
                    "like": [{"_index": self.alias, "_id": article["id"]}],
                    "min_term_freq": 1,
                    "max_query_terms": 25,
                    "min_doc_freq": 1,
                    "minimum_should_match": 1,
                }
            },  # as the embedded engine: any shared word, best first
            "size": size,
            "_source": list(_HIT_FIELDS),
        }
        response = self._call(self.client.search, index=self.alias, body=body)
        return [self._hit(h, set(), dsl.FALLBACK) for h in response["hits"]["hits"]]
