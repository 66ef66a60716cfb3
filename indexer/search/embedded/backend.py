"""The embedded search engine: a tantivy index in the data folder, no server.

A search runs on one searcher (one consistent set of segments): the page of
hits and the total under every filter; then the facets, counted by
aggregations over the index's fast fields: those whose own filter is not
set together, under every filter, and each facet with a filter of its own
under every other filter.

Words are matched all together; only when no article has all of them do
the articles with any of them stand in (the result says it is "relaxed").
Adding a word narrows the results, as journalists expect, and a frequent
word cannot flood every search.
"""

import os
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import tantivy
from tantivy import Occur, Query

from indexer import embeddings
from indexer.arabic import analyze, is_stopword, lexicon_digest, use_lexicon

from .. import fusion, near
from ..errors import BackendUnavailable, NotFound, SearchTooSlow
from ..facets import FACETS
from ..highlight import highlight, snippet
from ..query import Query as Words
from ..request import SearchRequest, encode_cursor
from ..result import Hit, SearchResult
from . import compile, schema
from .store import FORMAT_VERSION, LEGACY_FILE, LEXICON_FILE, EmbeddedStore, read_meta
from .vectors import Vectors

# Articles an export reads at once: tantivy collects offset + this many
# hits of a relevance sort, a date sort goes on from the last key.
EXPORT_CHUNK = 10_000
# The most articles nearest by meaning a narrow filter looks among for its
# own nearest (docs/meaning.md: its cost).
WIDEST_NEAREST = 10_000


@dataclass
class _Opened:
    version: Path
    index: tantivy.Index
    commit: int  # the time of its meta.json, written anew at every commit
    lexicon: str  # the digest of its stemming lexicon
    vectors: Vectors | None = None  # opened on first use


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, data_dir, timeout=10.0):
        """`timeout`: seconds a search may take; past it, the search stops at
        its next step (SearchTooSlow)."""
        self.store = EmbeddedStore(data_dir)
        self.timeout = timeout
        self._opened: _Opened | None = None
        self._lock = threading.Lock()

    # --- the live version ---------------------------------------------------

    def _index(self) -> tantivy.Index:
        """The live version's index, opened again when a reindex switched it
        and reloaded when an add or remove committed to it."""
        for _ in range(3):  # a reindex may switch and delete between the two steps
            version = self.store.live()
            if version is None:
                raise BackendUnavailable(self._missing())
            try:
                # tantivy writes meta.json anew (a rename) at every commit.
                commit = (version / "meta.json").stat().st_mtime_ns
                with self._lock:
                    if self._opened and self._opened.version == version:
                        opened = self._opened
                        if opened.commit != commit:
                            opened.index.reload()
                            opened.commit = commit
                        # Queries are stemmed with the lexicon the index was built with.
                        use_lexicon(version / LEXICON_FILE, opened.lexicon)
                        return opened.index
                index = _open(version)
                lexicon = lexicon_digest((version / LEXICON_FILE).read_bytes())
            except FileNotFoundError:
                continue
            with self._lock:
                self._opened = _Opened(version, index, commit, lexicon)
                use_lexicon(version / LEXICON_FILE, lexicon)
            return index
        raise BackendUnavailable(
            f"the index at {self.store.path} points at {version}, which is missing or "
            "incomplete: run `bahth reindex PATH` again"
        )

    def _missing(self):
        if (self.store.data_dir / LEGACY_FILE).exists():
            return (
                f"the index at {self.store.data_dir / LEGACY_FILE} was built by an earlier "
                "version of Bahth: run `bahth reindex PATH` again"
            )
        return f"no index at {self.store.path}: run `bahth reindex PATH` first"

    def ping(self):
        return self._index().searcher().num_docs

    def changed(self):
        version = self.store.live()
        if version is None:
            raise BackendUnavailable(self._missing())
        built = int(version.name.rpartition("-")[2]) / 1e9  # index-<nanoseconds>
        return built, (version / "meta.json").stat().st_mtime

    def values(self, name):
        """{value: articles} of every value of facet `name` (the first
        facets.ALL_VALUES by count: tantivy's own limit)."""
        facet = FACETS.value(name)
        searcher = self._index().searcher()
        counts = searcher.aggregate(Query.all_query(), {name: facet.embedded_aggregation()})
        return {value: count for value, count in facet.embedded_rows(counts[name]) if value}

    # --- search -------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        index = self._index()
        searcher = index.searcher()
        fields = index.schema
        deadline = time.monotonic() + self.timeout
        query, relaxed = _matching(searcher, fields, request.query)
        active = compile.filters(fields, request)
        vectors = self._vectors()
        if request.by_meaning and _searchable(vectors):
            result, added = self._fused(searcher, fields, request, query, active, vectors)
            if added:  # the facets count what meaning added too, as the total does
                query = Query.boolean_query(
                    [
                        (Occur.Should, query),
                        (Occur.Should, Query.term_set_query(fields, "id", added)),
                    ]
                )
            relaxed = relaxed and any(hit.matched_by != "meaning" for hit in result.hits)
        else:
            result = self._page(searcher, fields, request, compile.narrowed(query, active))
            if request.by_meaning and request.mode == "meaning":
                # Asked by meaning alone, and no article has a vector: say so.
                result.meaning = fusion.unembedded(searcher.num_docs)
        result.relaxed = relaxed and result.total > 0
        self._check(deadline)
        self._facets(searcher, request, query, active, result, deadline)
        return result

    def _check(self, deadline):
        if time.monotonic() > deadline:
            raise SearchTooSlow(
                f"the search took more than {self.timeout:g} s and was stopped; "
                "try fewer or rarer words, or narrow it by date or source"
            )

    def _page(self, searcher, fields, request, query):
        sort = request.effective_sort
        start, offset = None, request.offset
        if request.cursor:
            start, offset = compile.after(fields, sort, request.cursor, searcher.num_docs)
        paged = query
        if start is not None:  # the total counts the pages before the cursor too
            paged = Query.boolean_query([(Occur.Must, query), (Occur.Must, start)])
        order = compile.ordering(sort)
        found = searcher.search(
            paged, request.size + 1, count=start is None, offset=offset, **order
        )
        total = found.count if start is None else _count(searcher, query)
        more = len(found.hits) > request.size
        shown = found.hits[: request.size]
        terms = request.query.terms
        records = [schema.record_of(searcher.doc(address)) for _, address in shown]
        hits = [self._hit(record, terms) for record in records]
        near.mark(hits, [record["body"] for record in records])
        next_cursor = None
        if more and shown:  # size=0 asks for counts, never a next page
            position = shown[-1][0] if sort != "relevance" else offset + len(shown)
            next_cursor = encode_cursor([sort, position])
        return SearchResult(total, hits, next_cursor=next_cursor)

    def _vectors(self) -> Vectors:
        """The live version's vectors (search by meaning)."""
        opened = self._opened
        assert opened is not None  # _index() opened it
        if opened.vectors is None:
            opened.vectors = Vectors(opened.version)
        return opened.vectors

    def _ranked(self, searcher, fields, request, query, active, vectors):
        """(the fused ranking (fusion.py) of the words' first FUSED articles
        and the NEAREST by meaning, {ID: record} of its articles, how many
        articles the words find, the IDs of the articles it ranks by
        meaning that the words find past their first FUSED)."""
        selected = compile.narrowed(query, active)
        found = searcher.search(selected, fusion.FUSED, count=True)
        records = {}
        words = []
        for score, address in found.hits:
            record = schema.record_of(searcher.doc(address))
            records[record["id"]] = record
            words.append((record["id"], score))
        meaning, allowed = self._nearest(searcher, fields, request, active, vectors)
        later = _among(searcher, fields, selected, [i for i in allowed if i not in records])
        records.update(allowed)
        passages = None
        if fusion.reads_names(request.text, request.mode):
            passages = {i: embeddings.passage(r["title"], r["body"]) for i, r in records.items()}
        ranked = fusion.fuse(
            request.text, words, meaning, later=later, mode=request.mode, passages=passages
        )
        return ranked, records, found.count, fusion.taken(ranked, later)

    def _nearest(self, searcher, fields, request, active, vectors):
        """([(ID, cosine)] of the NEAREST articles by meaning that the search's
        filters and excluded words leave in, nearest first, and {ID: record}
        of them), as Elasticsearch's filtered kNN gives them: under a narrow
        filter the nearest are taken ten times as many at a time, until
        enough are left in, or every vector or WIDEST_NEAREST were looked at."""
        vector = fusion.query_vector(request.text)
        narrowed = bool(active) or bool(request.query.excluded)
        wanted, looked, allowed = fusion.NEAREST, 0, {}
        while True:
            nearest = vectors.nearest(vector, wanted)
            # The nearest of a wider round begin with the last round's: only the new are looked up.
            new = [i for i, _ in nearest[looked:]]
            allowed |= self._allowed(searcher, fields, request, active, new)
            looked = len(nearest)
            if not narrowed or len(allowed) >= fusion.NEAREST or len(nearest) < wanted:
                break
            if wanted >= WIDEST_NEAREST:
                break  # a filter this narrow keeps what meaning found this near
            wanted *= 10
        meaning = [(i, cosine) for i, cosine in nearest if i in allowed][: fusion.NEAREST]
        return meaning, {i: allowed[i] for i, _ in meaning}

    def _fused(self, searcher, fields, request, query, active, vectors):
        """(a page of the words' and the meaning's ranking in one (fusion.py):
        the fused articles first, then the words' articles past those; the
        IDs of the articles meaning alone found)."""
        ranked, records, found, later = self._ranked(
            searcher, fields, request, query, active, vectors
        )
        # The words' own articles past the fused ones: those the fused took are left out.
        selected = compile.narrowed(query, active)
        if later:
            unseen = Query.term_set_query(fields, "id", later)
            selected = Query.boolean_query([(Occur.Must, selected), (Occur.MustNot, unseen)])
        offset = request.offset
        if request.cursor:
            offset = compile.after(fields, "relevance", request.cursor, searcher.num_docs)[1]
        page = fusion.page(ranked, found, offset, request.size, request.mode)
        chosen = page.chosen
        if page.count:
            rest = searcher.search(selected, page.count, offset=page.start)
            for _, address in rest.hits:
                record = schema.record_of(searcher.doc(address))
                records[record["id"]] = record
                chosen.append((record["id"], "words"))
        more = len(chosen) > request.size > 0  # size=0 asks for counts, never a next page
        chosen = chosen[: request.size]
        terms = request.query.terms
        hits = []
        for article_id, how in chosen:
            hit = self._hit(records[article_id], terms)
            hit.matched_by = how
            hits.append(hit)
        near.mark(hits, [records[h.id]["body"] for h in hits])
        next_cursor = encode_cursor(["relevance", offset + len(chosen)]) if more else None
        result = SearchResult(page.total, hits, next_cursor=next_cursor)
        result.meaning = {
            "added": len(page.added),
            "embedded": _searchable(vectors),
            "articles": searcher.num_docs,
        }
        return result, page.added

    def export(self, request: SearchRequest, fields=None) -> Iterator[tuple[dict, str]]:
        """Every article the search finds, in its order, as (record, what
        found it): the fused ones first when meaning takes part, then the
        words' own, read EXPORT_CHUNK at a time (a date sort goes on from the
        last key, a relevance sort from an offset). The records are whole
        (one stored JSON each), whatever `fields` asks."""
        index = self._index()
        searcher = index.searcher()
        fields = index.schema
        query, _ = _matching(searcher, fields, request.query)
        active = compile.filters(fields, request)
        vectors = self._vectors()
        given: set[str] = set()
        if request.by_meaning and _searchable(vectors):
            ranked, records, *_ = self._ranked(searcher, fields, request, query, active, vectors)
            for found in ranked:
                yield records[found.id], found.matched_by
            if request.mode == "meaning":
                return
            given = {found.id for found in ranked}
        selected = compile.narrowed(query, active)
        sort = request.effective_sort
        start, offset = None, 0
        while True:
            chunk = selected
            if start is not None:
                chunk = Query.boolean_query([(Occur.Must, selected), (Occur.Must, start)])
            order = compile.ordering(sort)
            hits = searcher.search(chunk, EXPORT_CHUNK, count=False, offset=offset, **order).hits
            for _, address in hits:
                record = schema.record_of(searcher.doc(address))
                if record["id"] not in given:
                    yield record, "words"
            if len(hits) < EXPORT_CHUNK:
                return
            if sort == "relevance":
                offset += len(hits)
            else:
                start, _ = compile.after(fields, sort, [sort, hits[-1][0]], searcher.num_docs)

    @staticmethod
    def _allowed(searcher, fields, request, active, article_ids) -> dict:
        """{ID: record} of the articles of `article_ids` that the search's
        filters and excluded words leave in."""
        if not article_ids:
            return {}
        excluded = compile.matching(fields, Words((), request.query.excluded))
        chosen = Query.term_set_query(fields, "id", list(article_ids))
        query = compile.narrowed(
            Query.boolean_query([(Occur.Must, chosen), (Occur.Must, excluded)]), active
        )
        found = searcher.search(query, len(article_ids))
        records = (schema.record_of(searcher.doc(address)) for _, address in found.hits)
        return {record["id"]: record for record in records}

    @staticmethod
    def _hit(record, terms):
        return Hit(
            record["id"],
            record["title"],
            record["date"],
            record["source"],
            record["actors"],
            record["url"],
            snippet(record["body"], terms),
            highlight(record["title"], terms),
            record["also"],
        )

    def _facets(self, searcher, request, query, active, result, deadline):
        registry = request.registry
        # A facet is counted under every filter but its own, except those that
        # drill down (the dates; values that must all be there): under theirs too.
        own = [n for n in request.facets if n in active and not _drills_down(request, n)]
        shared = [n for n in request.facets if n not in own]

        def aggregations(name):
            if name == registry.date.name:
                return {name: registry.date.embedded_aggregation()}
            found = registry.value(name).embedded_aggregations(
                request.chosen(name), request.facet_size, request.facet_include
            )
            return {f"{name}\0{key}": aggregation for key, aggregation in found.items()}

        counts = {}
        if shared:
            every = {k: a for name in shared for k, a in aggregations(name).items()}
            counts.update(searcher.aggregate(compile.narrowed(query, active), every))
        for name in own:
            self._check(deadline)
            narrowed = compile.narrowed(query, active, name)
            counts.update(searcher.aggregate(narrowed, aggregations(name)))
        for name in request.facets:
            if name == registry.date.name:
                buckets, result.date_interval = registry.date.embedded_buckets(counts[name])
                result.facets[name] = registry.date.mark_chosen(
                    buckets, request.date_from, request.date_to
                )
            else:
                facet, chosen = registry.value(name), request.chosen(name)
                rows = facet.embedded_rows(counts[f"{name}\0values"])
                chosen_counts = facet.embedded_chosen(counts.get(f"{name}\0chosen"), chosen)
                result.facets[name] = facet.buckets(
                    rows, chosen, request.facet_size, chosen_counts, request.gazetteer
                )

    # --- articles -----------------------------------------------------------

    def article(self, article_id):
        """The whole article as a dict; NotFound when there is none."""
        index = self._index()
        searcher = index.searcher()
        document = schema.find(searcher, index.schema, article_id)
        if document is not None:
            return schema.record_of(document)
        # An exact copy, folded into its original's document ("also").
        holder = schema.find(searcher, index.schema, article_id, "member")
        if holder is None:
            raise NotFound(f"no article with ID {article_id!r}")
        return schema.group_of(holder).record(article_id)

    def more_like_this(self, article, size=5):
        """Articles telling the closest stories to `article`, from several
        outlets: by meaning when it has a vector, else by its most
        distinctive words."""
        index = self._index()
        searcher = index.searcher()
        wanted = size * near.CANDIDATES_PER_SIMILAR
        vector = self._vectors().vector(article["id"])
        if vector is not None:
            nearest = self._vectors().nearest(vector, wanted + 1)
            ids = [i for i, _ in nearest if i != article["id"]]
            records = self._allowed(searcher, index.schema, SearchRequest(), {}, ids)
            hits = [self._hit(records[i], set()) for i in ids if i in records]
            return near.from_several_outlets(hits, size)
        counts = Counter(
            t
            for t in analyze(article["body"][:20_000])
            if len(t) > 2 and not t.isdigit() and not is_stopword(t)
        )
        title = [t for t in analyze(article["title"]) if not is_stopword(t)]
        terms = list(dict.fromkeys(title + [t for t, _ in counts.most_common(12)]))
        if not terms:
            return []
        found = searcher.search(compile.alike(index.schema, terms, article["id"]), wanted)
        hits = [self._hit(schema.record_of(searcher.doc(a)), set()) for _, a in found.hits]
        return near.from_several_outlets(hits, size)


def _drills_down(request, name) -> bool:
    registry = request.registry
    if name == registry.date.name:
        return True
    return registry.value(name).counts_under_own_filter(request.match(name))


def _open(version: Path) -> tantivy.Index:
    meta = read_meta(version)
    meta.check_readable(FORMAT_VERSION, str(version))
    meta.warn_of_other_rules(str(version))
    index = tantivy.Index.open(os.fspath(version))
    schema.register_tokenizer(index)
    return index


def _matching(searcher, fields, words) -> tuple:
    """(the query of the articles that have all the words, or, when none
    has, any of them; whether it was relaxed so)."""
    query = compile.matching(fields, words)
    if len(words.conditions) > 1 and _count(searcher, query) == 0:
        return compile.matching(fields, words, relaxed=True), True
    return query, False


def _searchable(vectors: Vectors) -> int:
    """How many articles a query's vector can be compared with: those
    embedded by the model chosen (BAHTH_EMBEDDINGS_MODEL), none when the
    index was embedded by another until `bahth embed` embeds it again."""
    count = len(vectors)  # reads the segments, and the model that made them
    return count if vectors.model == embeddings.model_name() else 0


def _among(searcher, fields, query, article_ids) -> list[str]:
    """The IDs of `article_ids` that `query` finds."""
    if not article_ids:
        return []
    chosen = Query.term_set_query(fields, "id", list(article_ids))
    both = Query.boolean_query([(Occur.Must, query), (Occur.Must, chosen)])
    hits = searcher.search(both, len(article_ids)).hits
    return [schema.record_of(searcher.doc(address))["id"] for _, address in hits]


def _count(searcher, query) -> int:
    return searcher.search(query, 1).count
