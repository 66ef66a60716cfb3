"""The request side shared by the page and the API: parameters to SearchRequest."""

from flask import current_app, request

from indexer.actors import GazetteerError, current
from indexer.search import SearchRequest
from indexer.search.suggest import did_you_mean


def backend():
    return current_app.config["BAHTH_BACKEND"]


def search_request(params=None):
    settings = current_app.config["BAHTH_SETTINGS"]
    params = params if params is not None else request.args.to_dict(flat=False)
    return SearchRequest.from_params(params, settings, gazetteer(settings))


def searched(search_state):
    """The result of a search, with a "did you mean" when it finds little."""
    result = backend().search(search_state)
    result.suggestion = did_you_mean(search_state, result.total, backend(), search_request)
    return result


def gazetteer(settings):
    """The actor gazetteer, read again when its file changes; a file broken
    by an edit leaves the last good one in use (the error is logged)."""
    try:
        found = current(settings.actors_file)
    except GazetteerError as error:
        current_app.logger.error("actor gazetteer: %s; still using the previous one", error)
        return current_app.config["BAHTH_GAZETTEER"]
    current_app.config["BAHTH_GAZETTEER"] = found
    return found
