"""The request side shared by the page and the API: parameters to SearchRequest."""

from flask import current_app, request

from indexer.search import SearchRequest


def backend():
    return current_app.config["BAHTH_BACKEND"]


def search_request(params=None):
    settings = current_app.config["BAHTH_SETTINGS"]
    params = params if params is not None else request.args.to_dict(flat=False)
    return SearchRequest.from_params(params, settings.page_size, settings.max_page_size)
