"""Errors every backend and store raises, mapped to one JSON shape by the web
app and to one line and an exit status by the CLI."""


class SearchError(Exception):
    status = 500
    code = "error"


class BackendUnavailable(SearchError):
    """The search engine cannot be reached or has no index."""

    status = 503
    code = "backend_unavailable"


class SearchTooSlow(BackendUnavailable):
    """A search stopped at its time budget, so that it ties up no worker."""

    code = "too_slow"


class NotFound(SearchError):
    status = 404
    code = "not_found"


class BuildFailed(SearchError):
    """A new index version is not as it was loaded (the engine refused
    articles, or holds another count); it is deleted, never switched to."""
