"""Errors every backend and store raises, mapped to one JSON shape by the web
app and to one line and an exit status by the CLI."""


class SearchError(Exception):
    status = 500
    code = "error"

    @property
    def public(self) -> str:
        """What readers of the page and the API are told (the operator's log
        and command line get the whole message)."""
        return str(self)


class BackendUnavailable(SearchError):
    """The search engine cannot be reached or has no index."""

    status = 503
    code = "backend_unavailable"

    @property
    def public(self) -> str:
        # Its message names internal addresses and folders: not for readers.
        return "the search engine is not available right now; try again in a moment"


class SearchTooSlow(BackendUnavailable):
    """A search stopped at its time budget, so that it ties up no worker."""

    code = "too_slow"

    @property
    def public(self) -> str:
        return str(self)


class NotFound(SearchError):
    status = 404
    code = "not_found"


class BuildFailed(SearchError):
    """A new index version is not as it was loaded (the engine refused
    articles, or holds another count); it is deleted, never switched to."""


class DiskFull(BuildFailed):
    """The disk an index is written to filled up: nothing is switched, and
    what an add committed before stays."""


class Busy(SearchError):
    """Another reindex, add or remove is writing to the index: one writer at a time."""

    status = 503
    code = "busy"


class AnalysisChanged(SearchError):
    """The index was built by another analysis (lexicon, rules, stopwords)
    than this Bahth has: changing it in place would mix the two."""

    status = 409
    code = "analysis_changed"
