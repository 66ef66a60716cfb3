"""Errors every backend raises, mapped to one JSON shape by the web app."""


class SearchError(Exception):
    status = 500
    code = "error"


class BackendUnavailable(SearchError):
    """The search engine cannot be reached or has no index."""

    status = 503
    code = "backend_unavailable"


class NotFound(SearchError):
    status = 404
    code = "not_found"
