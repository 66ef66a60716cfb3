"""Search on Elasticsearch: the alias `articles` (BAHTH_ELASTICSEARCH_INDEX).

The index behind the alias says in its mapping's `_meta` which analysis
path built it (index.Analysis: in the node, by Bahth's analysis plugin, or
in Python for a cluster without it); the request is compiled for that path
by `dsl`.

Paging: page numbers use from/size up to the 10,000-hit window; the cursor
(next_cursor) uses search_after on a point in time, opened when a cursor is
first followed and carried by the cursors after it. A cursor whose point in
time has expired goes on from the same sort values on the live index.
"""

import logging
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from elasticsearch import ApiError, NotFoundError, TransportError
from markupsafe import escape

from indexer import embeddings
from indexer.arabic import STOPWORDS

from .. import fusion, near
from ..errors import BackendUnavailable, NotFound
from ..facets import FACETS
from ..highlight import highlight, snippet
from ..meta import IndexMeta
from ..request import MAX_RESULT_WINDOW, BadRequest, SearchRequest, encode_cursor
from ..result import Hit, SearchResult
from . import dsl, vectors
from .client import endpoint, unavailable
from .document import PRIVATE, stored_group
from .index import Analysis, version

log = logging.getLogger(__name__)

POINT_IN_TIME = "5m"
_ANALYSIS_SECONDS = 10  # how long the analysis path of the alias is remembered
# A shard with no copy left answers an error, never a total that silently
# leaves its articles out (while a node is lost, the replicas answer).
_WHOLE = {"allow_partial_search_results": False}
_VALUES_PAGE = 10_000  # values a page of a composite aggregation brings
_STOPWORDS = sorted(STOPWORDS)
EXPORT_PAGE = 5_000  # articles a page of an export reads
EXPORT_POINT_IN_TIME = "30m"  # how long an export's client may take to read one page
# What of a document is never an article's: the python path's terms, the
# grouping's own fields, the vectors.
_NOT_EXPORTED = ["*_terms", "*_exact", *PRIVATE, *vectors.FIELDS]


class ElasticBackend:
    name = "elasticsearch"

    def __init__(self, where, alias="articles"):
        """`where`: an Endpoint, or the URL of an open cluster."""
        self.endpoint, self.alias = endpoint(where), alias
        self.client = self.endpoint.client()
        self._analysis: tuple[Analysis | None, float] = (None, 0.0)  # (path, when read)
        # ((articles with a vector, articles), when counted)
        self._vectors: tuple[tuple[int, int], float] = ((0, 0), -_ANALYSIS_SECONDS)

    def _call(self, method, following=False, **kwargs):
        """`method(**kwargs)`, its errors in Bahth's terms; `following`: the
        request goes on from a cursor's values, which the node may refuse."""
        try:
            return method(**kwargs)
        except ApiError as error:
            if following and error.status_code == 400:
                raise BadRequest("cursor", "is not a cursor of this search") from None
            if not isinstance(error, NotFoundError):
                raise unavailable(self.endpoint, error) from error
            if error.message == "index_not_found_exception":
                raise BackendUnavailable(
                    f"Elasticsearch at {self.endpoint} has no index {self.alias!r}: "
                    "run `bahth reindex PATH` first"
                ) from error
            raise
        except TransportError as error:
            raise unavailable(self.endpoint, error) from error

    def analysis(self) -> Analysis:
        """The analysis path of the index behind the alias."""
        analysis, read_at = self._analysis
        if analysis is None or time.monotonic() - read_at > _ANALYSIS_SECONDS:
            mappings = self._call(self.client.indices.get_mapping, index=self.alias)
            meta = next(iter(mappings.values()))["mappings"].get("_meta", {})
            made = IndexMeta.recorded(meta.get("bahth"))
            analysis = Analysis(made.analysis)
            # Fields of another version's mappings are not this Bahth's (version
            # 7's filters read member_category, which a version 6 index lacks).
            made.check_readable(version(analysis), f"{self.endpoint} ({self.alias})")
            made.warn_of_other_rules(f"{self.endpoint} ({self.alias})")
            self._analysis = (analysis, time.monotonic())
        return analysis

    def ping(self):
        return self._call(self.client.count, index=self.alias)["count"]

    def changed(self):
        """The live version's creation (Elasticsearch keeps no time of its last write)."""
        found = self._call(
            self.client.indices.get_settings, index=self.alias, name="index.creation_date"
        )
        built = int(next(iter(found.values()))["settings"]["index"]["creation_date"]) / 1000
        return built, None

    def values(self, name):
        """{value: articles} of every value of facet `name`, page after page
        of a composite aggregation."""
        field = FACETS.value(name).field
        counts, after = {}, None
        while True:
            composite = {"size": _VALUES_PAGE, "sources": [{"value": {"terms": {"field": field}}}]}
            if after:
                composite["after"] = after
            body = {"size": 0, "aggs": {"values": {"composite": composite}}}
            found = self._call(self.client.search, index=self.alias, body=body)
            found = found["aggregations"]["values"]
            counts.update((b["key"]["value"], b["doc_count"]) for b in found["buckets"])
            after = found.get("after_key")
            if not found["buckets"] or after is None:
                return counts

    # --- search -------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        analysis = self.analysis()
        if request.by_meaning and (embedded := self._embedded())[0]:
            return self._fused(request, analysis, embedded)
        after, pit = self._read_cursor(request)
        relaxed = False
        response = self._page(request, analysis, relaxed, after, pit)
        if response["hits"]["total"]["value"] == 0 and len(request.query.conditions) > 1:
            relaxed = True
            response = self._page(request, analysis, relaxed, after, pit)
        hits = response["hits"]["hits"]
        total = response["hits"]["total"]["value"]
        more = len(hits) > request.size or (
            after is None and len(hits) == request.size and request.offset + request.size < total
        )
        hits = hits[: request.size]
        found = [self._hit(h, request.query.terms, analysis) for h in hits]
        near.mark(found, [h["_source"].get("body", "") for h in hits])
        result = SearchResult(total, found, relaxed=relaxed and bool(hits))
        if more and hits:  # size=0 asks for counts, never a next page
            result.next_cursor = self._next_cursor(hits[-1]["sort"], response, after is not None)
        self._facets(request, analysis, relaxed, response.get("aggregations", {}), result)
        if request.by_meaning and request.mode == "meaning":
            # Asked by meaning alone, and no article has a vector: say so.
            result.meaning = fusion.unembedded(self._embedded()[1])
        return result

    def _embedded(self) -> tuple[int, int]:
        """(articles with a vector of the model, articles), remembered a few
        seconds; (0, …) when none has one."""
        counted, read_at = self._vectors
        if time.monotonic() - read_at > _ANALYSIS_SECONDS:
            of_model = {"filter": vectors.of_model(embeddings.model_name())}
            body = {"size": 0, "track_total_hits": True, "aggs": {"embedded": of_model}}
            (answer,) = self._msearch(body)
            counted = (
                answer["aggregations"]["embedded"]["doc_count"],
                answer["hits"]["total"]["value"],
            )
            self._vectors = (counted, time.monotonic())
        return counted

    def _fused(self, request, analysis, embedded):
        """A page of the words' and the meaning's ranking in one (fusion.py):
        the fused articles first, then the words' articles past those. The
        ranking reads IDs and scores alone; the page's articles are read
        (and highlighted) once chosen."""
        ranked, found, relaxed, later = self._ranked(request, analysis)
        offset = _fused_offset(request)
        page = fusion.page(ranked, found, offset, request.size, request.mode)
        chosen = page.chosen
        bodies = [dsl.articles_body(request, analysis, relaxed, [i for i, _ in chosen])]
        # The words' own pages reach as far as from/size does: the first
        # MAX_RESULT_WINDOW (a date sort's cursor, mode=words and the export go on).
        past = page.count > 0 and page.start < MAX_RESULT_WINDOW
        if past:
            count = min(page.count, MAX_RESULT_WINDOW - page.start)
            rest = dsl.words_body(request, analysis, relaxed, count, page.start)
            if later:  # the fused ones took them
                rest["query"] = {"bool": {"must": [rest["query"]], "must_not": _ids(later)}}
            bodies.append(rest)
        if request.facets:
            bodies.append(dsl.counts_body(request, analysis, relaxed, page.added))
        answers = self._msearch(*bodies)
        hits = {h["_id"]: h for h in answers[0]["hits"]["hits"]}
        if past:  # the words' own articles, after the fused ones
            for hit in answers[1]["hits"]["hits"]:
                hits[hit["_id"]] = hit
                chosen.append((hit["_id"], "words"))
        more = len(chosen) > request.size > 0  # size=0 asks for counts, never a next page
        shown = []
        for article_id, how in chosen[: request.size]:
            if article_id not in hits:  # removed since it was ranked
                continue
            hit = self._hit(hits[article_id], request.query.terms, analysis)
            hit.matched_by = how
            shown.append(hit)
        near.mark(shown, [hits[h.id]["_source"].get("body", "") for h in shown])
        result = SearchResult(page.total, shown)
        result.relaxed = relaxed and any(h.matched_by != "meaning" for h in shown)
        if more:
            result.next_cursor = encode_cursor(["relevance", offset + request.size])
        result.meaning = {"added": len(page.added), "embedded": embedded[0]}
        result.meaning["articles"] = embedded[1]
        if request.facets:
            aggregations = answers[-1]["aggregations"]
            self._facets(request, analysis, relaxed, aggregations, result, page.added)
        return result

    def _ranked(self, request, analysis):
        """(the fused ranking (fusion.py) of the words' first FUSED articles
        and the NEAREST by meaning, how many articles the words find, whether
        they were relaxed to any of the words, the IDs of the articles it ranks by
        meaning that the words find past their first FUSED)."""
        model = embeddings.model_name()
        vector = fusion.query_vector(request.text)
        nearest_body = dsl.nearest_body(request, analysis, vector, model, fusion.NEAREST)
        relaxed = False
        words, nearest = self._msearch(
            dsl.scores_body(request, analysis, relaxed, fusion.FUSED), nearest_body
        )
        if words["hits"]["total"]["value"] == 0 and len(request.query.conditions) > 1:
            relaxed = True
            (words,) = self._msearch(dsl.scores_body(request, analysis, relaxed, fusion.FUSED))
        first = {h["_id"] for h in words["hits"]["hits"]}
        later = [h["_id"] for h in nearest["hits"]["hits"] if h["_id"] not in first]
        if later:
            (among,) = self._msearch(dsl.among_body(request, analysis, relaxed, later))
            later = [h["_id"] for h in among["hits"]["hits"]]
        words_found = [(h["_id"], h["_score"]) for h in words["hits"]["hits"]]
        meaning = [(h["_id"], vectors.cosine(h["_score"])) for h in nearest["hits"]["hits"]]
        passages = None
        if fusion.reads_names(request.text, request.mode):
            passages = self._passages({i for i, _ in words_found + meaning})
        ranked = fusion.fuse(
            request.text, words_found, meaning, later=later, mode=request.mode, passages=passages
        )
        return ranked, words["hits"]["total"]["value"], relaxed, fusion.taken(ranked, later)

    def _passages(self, article_ids) -> dict[str, str]:
        """{ID: headline and lead, as embedded} of these articles."""
        if not article_ids:
            return {}
        found = self._call(
            self.client.mget,
            index=self.alias,
            ids=sorted(article_ids),
            source_includes=["title", "body"],
        )
        sources = {d["_id"]: d["_source"] for d in found["docs"] if d.get("found")}
        return {
            i: embeddings.passage(source.get("title", ""), source.get("body", ""))
            for i, source in sources.items()
        }

    def export(self, request: SearchRequest, fields=None) -> Iterator[tuple[dict, str]]:
        """Every article the search finds, in its order, as (record, what
        found it): the fused ones first when meaning takes part, then the
        words' own, EXPORT_PAGE at a time on a point in time (search_after).
        `fields`: those of the record to read (the rest, the body above all,
        stays on the node)."""
        source = {"excludes": _NOT_EXPORTED}
        if fields is not None:
            source["includes"] = ["id", *fields]
        analysis = self.analysis()
        given: set[str] = set()
        relaxed = False
        if request.by_meaning and self._embedded()[0]:
            ranked, _, relaxed, _ = self._ranked(request, analysis)
            for start in range(0, len(ranked), EXPORT_PAGE):
                chosen = ranked[start : start + EXPORT_PAGE]
                found = self._call(
                    self.client.mget,
                    index=self.alias,
                    ids=[r.id for r in chosen],
                    source_excludes=source["excludes"],
                    source_includes=source.get("includes"),
                )
                sources = {d["_id"]: d["_source"] for d in found["docs"] if d.get("found")}
                for r in chosen:
                    if r.id in sources:  # else removed since
                        yield _record(sources[r.id]), r.matched_by
            if request.mode == "meaning":
                return
            given = {r.id for r in ranked}
        elif len(request.query.conditions) > 1:
            (strict,) = self._msearch(dsl.scores_body(request, analysis, False, 0))
            relaxed = strict["hits"]["total"]["value"] == 0
        body = dsl.words_body(request, analysis, relaxed, EXPORT_PAGE, None)
        body.pop("highlight", None)
        body["track_total_hits"] = False
        body["_source"] = source
        pit = self._call(
            self.client.open_point_in_time, index=self.alias, keep_alive=EXPORT_POINT_IN_TIME
        )["id"]

        def page(after):
            asked = {**body, "pit": {"id": pit, "keep_alive": EXPORT_POINT_IN_TIME}}
            if after is not None:
                asked["search_after"] = after
            try:
                return self._call(self.client.search, body=asked, **_WHOLE)
            except NotFoundError:
                raise BackendUnavailable(
                    f"the export's point in time expired ({EXPORT_POINT_IN_TIME} between "
                    "two pages: the client read too slowly)"
                ) from None

        # The node reads the next page while this thread writes the rows of one.
        try:
            with ThreadPoolExecutor(1) as ahead:
                pending: Future | None = ahead.submit(page, None)
                while pending is not None:
                    found = pending.result()
                    pit = found.get("pit_id", pit)
                    hits = found["hits"]["hits"]
                    pending = None
                    if len(hits) == EXPORT_PAGE:
                        pending = ahead.submit(page, hits[-1]["sort"])
                    for hit in hits:
                        if hit["_id"] not in given:
                            yield _record(hit["_source"]), "words"
        finally:
            try:
                self.client.close_point_in_time(id=pit)
            except (ApiError, TransportError) as error:
                log.warning("point in time of an export not closed (%s); it expires", error)

    def _msearch(self, *bodies):
        """The responses of several searches of the alias sent at once."""
        searches = []
        for body in bodies:
            searches += [{"index": self.alias, **_WHOLE}, body]
        answers = self._call(self.client.msearch, searches=searches)["responses"]
        for answer in answers:
            if "error" in answer:
                error = answer["error"]
                raise BackendUnavailable(
                    f"Elasticsearch at {self.endpoint} answered {answer.get('status')}: "
                    f"{error.get('reason', error) if isinstance(error, dict) else error}"
                )
        return answers

    def _read_cursor(self, request):
        """(sort values to go on after, point-in-time ID or None)."""
        if not request.cursor:
            return None, None
        cursor = request.cursor
        if not (
            len(cursor) == 2
            and isinstance(cursor[0], list)
            and len(cursor[0]) == 2
            and (isinstance(cursor[0][0], int | float) or cursor[0][0] is None)
            and not isinstance(cursor[0][0], bool)
            and isinstance(cursor[0][1], str)
            and (cursor[1] is None or isinstance(cursor[1], str))
        ):
            raise BadRequest("cursor", "is not a cursor of this search")
        return cursor[0], cursor[1]

    def _page(self, request, analysis, relaxed, after, pit):
        body = dsl.search_body(request, analysis, relaxed, after)
        if after is not None:
            if pit is None:
                pit = self._open_point_in_time()
            if pit is not None:
                body["pit"] = {"id": pit, "keep_alive": POINT_IN_TIME}
                try:
                    return self._call(self.client.search, True, body=body, **_WHOLE)
                except (NotFoundError, BackendUnavailable):
                    # An expired point in time: go on from the same place on the live index.
                    del body["pit"]
        following = after is not None
        return self._call(self.client.search, following, index=self.alias, body=body, **_WHOLE)

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
        if analysis == Analysis.NODE and terms:
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
            source.get("also", []),
        )

    def _facets(self, request, analysis, relaxed, aggregations, result, added=()):
        registry = request.registry
        for name in request.facets:
            aggregation = aggregations[name]
            if name != registry.date.name:
                facet = registry.value(name)
                rows, chosen_counts = facet.es_rows(aggregation)
                result.facets[name] = facet.buckets(
                    rows, request.chosen(name), request.facet_size, chosen_counts, request.gazetteer
                )
                continue
            span = registry.date.es_span(aggregation)
            interval = "year" if request.by_year else registry.date.interval(*span)
            buckets = aggregation["year"]["buckets"]
            if interval != "year":
                body = dsl.date_histogram_body(request, analysis, relaxed, interval, added)
                response = self._call(self.client.search, index=self.alias, body=body, **_WHOLE)
                buckets = response["aggregations"]["histogram"]["buckets"]
            bars, result.date_interval = registry.date.timeline(
                {b["key_as_string"]: b["doc_count"] for b in buckets}, interval
            )
            result.facets[name] = registry.date.mark_chosen(
                bars, request.date_from, request.date_to
            )

    # --- articles -----------------------------------------------------------

    def article(self, article_id):
        try:
            found = self._call(
                self.client.get,
                index=self.alias,
                id=article_id,
                source_excludes=_NOT_EXPORTED,
            )
        except NotFoundError:
            data = self._copy(article_id)
        else:
            data = found["_source"]
        return _record(data)

    def _vector(self, article_id):
        """The vector of an article's document, of the model; None when it has none."""
        found = self._call(self.client.search, index=self.alias, body=vectors.held([article_id]))
        hits = found["hits"]["hits"]  # none for a copy: its original's document holds the vector
        if not hits or hits[0]["_source"].get("embedding_model") != embeddings.model_name():
            return None
        return hits[0].get("fields", {}).get("embedding", [None])[0]

    def _copy(self, article_id):
        """An exact copy, folded into its original's document ("also")."""
        body = {"query": {"term": {"member": article_id}}, "size": 1}
        response = self._call(self.client.search, index=self.alias, body=body)
        hits = response["hits"]["hits"]
        if not hits:
            raise NotFound(f"no article with ID {article_id!r}")
        return stored_group(hits[0]["_source"]).record(article_id)

    def more_like_this(self, article, size=5):
        """Articles telling the closest stories to `article`, from several
        outlets: by meaning when it has a vector, else by its most
        distinctive words."""
        wanted = size * near.CANDIDATES_PER_SIMILAR
        vector = self._vector(article["id"])
        if vector is not None:
            body = {
                "knn": vectors.knn(vector, embeddings.model_name(), wanted + 1),
                "size": wanted + 1,
                "_source": list(dsl.HIT_FIELDS),
            }
            response = self._call(self.client.search, index=self.alias, body=body)
            hits = [
                self._hit(h, set(), Analysis.PYTHON)
                for h in response["hits"]["hits"]
                if h["_id"] != article["id"]
            ]
            return near.from_several_outlets(hits, size)
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
                    "stop_words": _STOPWORDS,  # indexed, but alike in every article
                }
            },  # as the embedded engine: any shared word, best first
            "size": wanted,
            "_source": list(dsl.HIT_FIELDS),
        }
        response = self._call(self.client.search, index=self.alias, body=body)
        hits = [self._hit(h, set(), Analysis.PYTHON) for h in response["hits"]["hits"]]
        return near.from_several_outlets(hits, size)


def _fused_offset(request) -> int:
    """Where a page of a fused ranking starts: its number's offset, or a cursor's."""
    if not request.cursor:
        return request.offset
    cursor = request.cursor
    if not (
        len(cursor) == 2
        and cursor[0] == "relevance"
        and isinstance(cursor[1], int)
        and not isinstance(cursor[1], bool)
        and cursor[1] >= 0
    ):
        raise BadRequest("cursor", "is not a cursor of this search")
    return cursor[1]


def _ids(article_ids):
    return [{"ids": {"values": list(article_ids)}}]


def _record(source) -> dict:
    """An article's record from its document's source, as the embedded engine keeps it."""
    for key in ("tags", "actors", "also"):
        source.setdefault(key, [])
    source.setdefault("extra", {})
    return source
