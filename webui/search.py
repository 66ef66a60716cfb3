"""The request side shared by the page and the API: the app's own state, and
parameters to SearchRequest."""

import threading
from dataclasses import dataclass, field, replace

from flask import current_app, request

from indexer.actors import Gazetteer, GazetteerError, configured
from indexer.actors.keys import named
from indexer.arabic import normalize
from indexer.search import Backend, BadRequest, SearchRequest, address, batch
from indexer.search.actors import ActorDirectory, Directories, Resolved
from indexer.search.labels import label
from indexer.search.result import SearchResult
from indexer.search.suggest import did_you_mean
from indexer.settings import Settings


@dataclass
class AppState:
    """What one app serves with (create_app makes it): its settings, its
    backend, and the last good actor gazetteer."""

    settings: Settings
    backend: Backend
    last_gazetteer: Gazetteer
    directories: Directories = field(default_factory=Directories)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def gazetteer(self, log) -> Gazetteer:
        """The actor gazetteer, read again when its file changes; a file broken
        by an edit leaves the last good one in use (the error is logged)."""
        try:
            found = configured(self.settings)
        except GazetteerError as error:
            log.error("actor gazetteer: %s; still using the previous one", error)
            return self.last_gazetteer
        with self._lock:
            self.last_gazetteer = found
        return found

    def actors(self, log) -> ActorDirectory:
        """The actors of the index, for reading actor filters."""
        return self.directories.get(self.backend, self.gazetteer(log))

    def values(self, name) -> dict[str, int]:
        """A value facet's {value: articles}, for reading its filter values."""
        return self.directories.values(self.backend, name)

    def searchable(self, name) -> dict[str, tuple[str, str]]:
        """A facet's values and labels normalised, for its box (facet_values)."""
        return self.directories.searchable(self.backend, name, box_texts)


def state() -> AppState:
    return current_app.extensions["bahth"]


def settings() -> Settings:
    return state().settings


def backend() -> Backend:
    return state().backend


def gazetteer() -> Gazetteer:
    return state().gazetteer(current_app.logger)


def search_request(params=None):
    params = params if params is not None else request.args.to_dict(flat=False)

    # Actor values are read as the actors they name, and a name in the query
    # also looks for the index's spellings of it: the index's actors are
    # looked at only when a search filters by one or names a known one.
    def actors():
        return state().actors(current_app.logger)

    try:
        return SearchRequest.from_params(
            params, settings(), gazetteer(), actors=actors, values=state().values
        )
    except BadRequest as error:
        if error.parameter == "page" and error.last_page:
            _past_the_end(params, actors)  # page 600 of 851 results: say where they end
        raise


def _past_the_end(params, actors):
    """Raise the past-the-last-page error when a page beyond the window is
    also beyond the search's results (its last page is then the one to offer)."""
    first = SearchRequest.from_params(
        {**params, "page": ["1"]}, settings(), gazetteer(), actors=actors
    )
    counted = backend().search(replace(first, facets=(), size=1))
    asked = int(params["page"][-1])
    replace(first, page=asked).check_page(counted.total)


def searched(search_state):
    """(request, result) of a search, with a "did you mean" when it finds
    little; the request is the one answered (a pasted address the archive
    does not hold is searched as words: address.search)."""
    search_state, result = address.search(backend(), search_state)
    search_state.check_page(result.total)
    result.suggestion = did_you_mean(search_state, result, backend(), search_request, gazetteer())
    return search_state, result


def batch_counts(queries, filters) -> list[batch.Counted]:
    """Each query of a batch counted under `filters` (bad filters are one
    400, before any search)."""

    def request_of(query):
        return search_request(batch.request_params(query, filters))

    return list(batch.counted(queries, request_of, backend()))


MORE_VALUES = 1_000  # values a facet's "more" view counts


@dataclass
class FacetValues:
    """A facet's values under a search, for its "more" view: `more` when
    the archive holds values past them (the first MORE_VALUES by count, of
    those whose names hold the text asked, or of all)."""

    search: SearchRequest
    buckets: list
    more: bool


def facet_values(name, contains="") -> FacetValues:
    """Facet `name` under the search of the query string: its first
    MORE_VALUES values by count, chosen ones first; with `contains`, those
    whose name holds it (compared as normalised Arabic, so that spelling
    variants find each other), wherever they rank in the archive: a name
    the archive holds in one article is found among 30,000 actors."""
    params = request.args.to_dict(flat=False)
    for extra in ("contains", "page", "cursor", "facets"):
        params.pop(extra, None)
    search_state = search_request(params)
    if name not in {f.name for f in search_state.registry.values}:
        known = ", ".join(f.name for f in search_state.registry.values)
        raise BadRequest("facet", f"unknown facet {name!r}; known: {known}")
    # One value more than listed: whether the archive holds more.
    counted = replace(search_state, facets=(name,), facet_size=MORE_VALUES + 1, size=1)
    wanted = normalize(contains.strip())
    matching: list[str] | None = None
    if wanted:
        archive = state().values(name)
        searchable = state().searchable(name)  # made from values a change apart, at most
        holding = {v for v, texts in searchable.items() if _found(wanted, texts)} & archive.keys()
        if search_state.registry.value(name).names:  # an actor's spellings are one entry
            holding = state().actors(current_app.logger).alike(holding) & archive.keys()
        matching = sorted(holding, key=lambda v: (-archive[v], v))
        counted = replace(counted, facet_include=tuple(matching[:MORE_VALUES]))
    buckets = backend().search(counted).facets[name] if matching != [] else []
    if matching is None:
        listed = sum(b.selected for b in buckets) + MORE_VALUES
        return FacetValues(search_state, buckets[:listed], len(buckets) > listed)
    # the chosen values are counted whatever their names
    buckets = [b for b in buckets if b.key in holding or _found(wanted, box_texts(name, b.key))]
    return FacetValues(search_state, buckets, len(matching) > MORE_VALUES)


def box_texts(name, value) -> tuple[str, str]:
    """What a facet's box looks in for one value of facet `name`: the value
    and its label (أخبار دولية for internationalNews), normalised."""
    return normalize(value), normalize(label(name, value) or "")


def _found(wanted, texts):
    return any(wanted in text for text in texts)


PROFILE_LATEST = 10  # articles an actor's page lists
PROFILE_SPELLINGS = 12  # the gazetteer's spellings it counts


@dataclass
class Profile:
    """An actor's page: its articles over time, its outlets, the actors named
    with it, its spellings. `search` and `result` are None for a name that
    is no actor of the index (`resolved.closest` are those it may mean)."""

    resolved: Resolved
    kind: str = ""
    english: tuple = ()
    search: SearchRequest | None = None
    result: SearchResult | None = None
    spellings: list = field(default_factory=list)  # (spelling, articles)
    # (spelling, articles, query): its articles that name it only by a
    # spelling the gazetteer holds for it where the article confirms it
    # (مرسي, no «محمد مرسي»): where a wrong tag would be, to be checked.
    alone: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.resolved.name

    @property
    def co_actors(self):
        buckets = self.result.facets.get("actor", []) if self.result else []
        return [b for b in buckets if not b.selected]

    def to_json(self) -> dict:
        if self.result is None or self.search is None:
            return {}
        facets = self.result.facets
        return {
            "name": self.name,
            "kind": self.kind or None,
            "english": list(self.english),
            "articles": self.result.total,
            "spellings": [{"spelling": s, "articles": n} for s, n in self.spellings],
            "named_only_by": [{"spelling": s, "articles": n, "q": q} for s, n, q in self.alone],
            "timeline": [b.to_json("date") for b in facets.get("date", [])],
            "interval": self.result.date_interval,
            "sources": [b.to_json("source") for b in facets.get("source", [])],
            "co_actors": [b.to_json("actor") for b in self.co_actors],
            "latest": [
                {"id": h.id, "title": h.title, "date": h.date, "source": h.source}
                for h in self.result.hits
            ],
        }


def actor_profile(name: str) -> Profile:
    """What the index holds about the actor `name` names (any spelling, an
    alias, an English name)."""
    directory = state().actors(current_app.logger)
    resolved = directory.resolve(name)
    if not resolved.spellings:
        return Profile(resolved)
    params = {
        "actor": [resolved.name],
        "sort": ["newest"],
        "size": [str(PROFILE_LATEST)],
        "facets": ["date,source,actor"],
    }
    search = SearchRequest.from_params(params, settings(), gazetteer(), actors=directory)
    result = backend().search(search)
    known = named(gazetteer(), resolved.name)
    # The spellings the recogniser stored it under, with their articles.
    spellings = {
        s: directory.articles(s) for s in resolved.spellings if s != getattr(known, "name", None)
    }

    def articles(q: str) -> int:
        counted = SearchRequest.from_params(
            {**params, "q": [q], "size": ["1"], "facets": ["none"]}, settings(), actors=directory
        )
        return backend().search(counted).total

    alone = []
    if known is not None:
        # Each spelling of the gazetteer, in the actor's own articles (a
        # phrase search, the spelling alone: no other spelling looked for).
        for alias in known.aliases[:PROFILE_SPELLINGS]:
            spellings[alias] = articles(f'"{alias}"')
        # Those that name it only by a spelling its context confirms.
        unambiguous = " ".join(f'-"{alias}"' for alias in known.aliases[:PROFILE_SPELLINGS])
        for spelling in known.ambiguous[:PROFILE_SPELLINGS]:
            q = f'"{spelling}" {unambiguous}'
            if found := articles(q):
                alone.append((spelling, found, q))
    return Profile(
        resolved,
        kind=known.type if known is not None else "",
        english=known.english if known is not None else (),
        search=search,
        result=result,
        spellings=sorted(((s, n) for s, n in spellings.items() if n), key=lambda r: -r[1]),
        alone=sorted(alone, key=lambda r: -r[1]),
    )
