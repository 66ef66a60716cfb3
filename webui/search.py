"""The request side shared by the page and the API: the app's own state, and
parameters to SearchRequest."""

import threading
from dataclasses import dataclass, field, replace

from flask import current_app, request

from indexer.actors import Gazetteer, GazetteerError, configured
from indexer.arabic import normalize
from indexer.search import Backend, BadRequest, SearchRequest
from indexer.search.suggest import did_you_mean
from indexer.settings import Settings


@dataclass
class AppState:
    """What one app serves with (create_app makes it): its settings, its
    backend, and the last good actor gazetteer."""

    settings: Settings
    backend: Backend
    last_gazetteer: Gazetteer
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
    return SearchRequest.from_params(params, settings(), gazetteer())


def searched(search_state):
    """The result of a search, with a "did you mean" when it finds little."""
    result = backend().search(search_state)
    result.suggestion = did_you_mean(search_state, result.total, backend(), search_request)
    return result


MORE_VALUES = 1_000  # values a facet's "more" view counts, before its text filter


def facet_values(name, contains=""):
    """(request, buckets) of facet `name` under the search of the query string:
    its first MORE_VALUES values by count, chosen ones first, those whose name
    holds `contains` (compared as normalised Arabic, so that spelling variants
    find each other)."""
    params = request.args.to_dict(flat=False)
    for extra in ("contains", "page", "cursor", "facets"):
        params.pop(extra, None)
    search_state = search_request(params)
    if name not in {f.name for f in search_state.registry.values}:
        known = ", ".join(f.name for f in search_state.registry.values)
        raise BadRequest("facet", f"unknown facet {name!r}; known: {known}")
    counted = replace(search_state, facets=(name,), facet_size=MORE_VALUES, size=1)
    buckets = backend().search(counted).facets[name]
    wanted = normalize(contains.strip())
    if wanted:
        buckets = [
            b
            for b in buckets
            if wanted in normalize(b.key) or (b.label and wanted in normalize(b.label))
        ]
    return search_state, buckets
