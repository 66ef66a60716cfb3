"""One error shape for every failure of the JSON API, and a polite page for people.

{"error": {"status": 400, "code": "bad_request", "parameter": "size",
           "message": "must be between 1 and 100"}}
"""

from flask import jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from indexer.search import BadRequest, SearchError


def _wants_json():
    return request.path.startswith("/api/")


def error_response(status, code, message, parameter=None):
    body = {"status": status, "code": code, "message": message}
    if parameter:
        body["parameter"] = parameter
    if _wants_json():
        return jsonify({"error": body}), status
    return render_template("error.html", error=body), status


def register(app):
    @app.errorhandler(BadRequest)
    def bad_request(error):
        return error_response(400, "bad_request", error.message, error.parameter)

    @app.errorhandler(SearchError)
    def search_error(error):
        return error_response(error.status, error.code, str(error))

    @app.errorhandler(HTTPException)
    def http_error(error):
        code = (error.name or "error").lower().replace(" ", "_")
        return error_response(error.code, code, error.description)
