"""One error shape for every failure of the JSON API, and a polite page for people.

{"error": {"status": 400, "code": "bad_request", "parameter": "size",
           "message": "must be between 1 and 100"}}
"""

from flask import jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException, RequestURITooLarge

from indexer.search import BadRequest, SearchError

# Longer addresses are refused with 414 in the usual shape (gunicorn's own
# limit on the request line, 8,190 bytes, answers before the app can).
MAX_URL_CHARS = 8_000


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
        response = make_response(error_response(error.code, code, error.description))
        # What the error itself says in headers (Allow of a 405, Retry-After of a 503).
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @app.before_request
    def refuse_long_urls():
        if len(request.full_path) > MAX_URL_CHARS:
            raise RequestURITooLarge(f"the address is longer than {MAX_URL_CHARS:,} characters")
