"""The JSON API: /api/search, /api/articles/<id>, /api/export, /api/openapi.json."""

import csv
import io
import json
from dataclasses import replace

from flask import Blueprint, Response, current_app, jsonify, request, stream_with_context

from indexer.search import BadRequest, SearchError
from indexer.search.request import decode_cursor

from .openapi import openapi_document
from .safety import public_article, spreadsheet_safe
from .search import backend, search_request, searched

blueprint = Blueprint("api", __name__)
EXPORT_FORMATS = ("csv", "jsonl")
EXPORT_CHUNK = 500
EXPORT_COLUMNS = ("id", "date", "source", "title", "actors", "url")


@blueprint.get("/search")
def search():
    search_state = search_request()
    return jsonify(searched(search_state).to_json(search_state))


@blueprint.get("/articles/<path:article_id>")
def article(article_id):
    found = public_article(backend().article(article_id))
    found["more_like_this"] = [
        {"id": h.id, "title": h.title, "date": h.date, "source": h.source}
        for h in backend().more_like_this(found)
    ]
    return jsonify(found)


@blueprint.get("/export")
def export():
    params = request.args.to_dict(flat=False)
    kind = (params.pop("format", ["jsonl"])[-1] or "jsonl").lower()
    if kind not in EXPORT_FORMATS:
        raise BadRequest("format", f"must be one of {', '.join(EXPORT_FORMATS)}")
    params.pop("page", None)
    params["size"] = [str(min(EXPORT_CHUNK, current_app.config["BAHTH_SETTINGS"].max_page_size))]
    first = replace(search_request(params), facets=())
    # The first page before the first byte: a backend that is down is a 503
    # in the error shape, not a 200 cut off.
    result = backend().search(first)
    mimetype = "text/csv" if kind == "csv" else "application/x-ndjson"
    headers = {"Content-Disposition": f"attachment; filename=bahth-export.{kind}"}
    return Response(
        stream_with_context(_export_lines(first, result, kind)), mimetype=mimetype, headers=headers
    )


def _export_lines(current, result, kind):
    """Every hit of the request, page after page through the cursor. A failure
    after the first page ends the file with a line that says so, so that a
    file cut short is never taken for a whole one."""
    if kind == "csv":
        yield "\ufeff" + _csv_row(EXPORT_COLUMNS)  # BOM: spreadsheets then read UTF-8 Arabic
    while True:
        for hit in result.hits:
            row = {
                "id": hit.id,
                "date": hit.date,
                "source": hit.source,
                "title": hit.title,
                "actors": hit.actors,
                "url": hit.url,
            }
            if kind == "csv":
                row["actors"] = " | ".join(hit.actors)
                yield _csv_row([row[c] or "" for c in EXPORT_COLUMNS])
            else:
                yield json.dumps(row, ensure_ascii=False) + "\n"
        if not result.next_cursor:
            return
        current = replace(current, cursor=decode_cursor(result.next_cursor), page=1)
        try:
            result = backend().search(current)
        except SearchError as error:
            message = f"export cut short: {error}"
            current_app.logger.error(message)
            if kind == "csv":
                yield _csv_row(["ERROR", "", "", message, "", ""])
            else:
                yield json.dumps({"error": {"status": error.status, "message": message}}) + "\n"
            return


def _csv_row(values):
    out = io.StringIO()
    csv.writer(out).writerow([spreadsheet_safe(v) for v in values])
    return out.getvalue()


@blueprint.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(current_app.config["BAHTH_SETTINGS"]))


@blueprint.get("/health")
def health():
    return jsonify({"status": "ok", "backend": backend().name, "articles": int(backend().ping())})
