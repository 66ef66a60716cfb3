"""The JSON API: /api/search, /api/articles/<id>, /api/export, /api/openapi.json."""

import csv
import io
import itertools
import json
import re
import time
from dataclasses import replace
from datetime import date
from urllib.parse import quote

from flask import (
    Blueprint,
    Response,
    current_app,
    jsonify,
    request,
    stream_with_context,
    url_for,
)

from indexer.search import BadRequest, SearchError, batch
from indexer.search.highlight import plain, snippet
from indexer.search.request import known_only, parameters

from .access import access, exports_recorder
from .openapi import openapi_document
from .safety import public_article, spreadsheet_safe
from .search import (
    actor_profile,
    backend,
    batch_counts,
    facet_values,
    search_request,
    searched,
    settings,
)

blueprint = Blueprint("api", __name__)
EXPORT_FORMATS = ("csv", "jsonl")
EXPORT_COLUMNS = ("id", "date", "source", "title", "actors", "url")  # by default
# Every column an export may have: a hit's own fields, and fields of the
# whole article (read for each hit, so asked for only when wanted).
HIT_COLUMNS = (*EXPORT_COLUMNS, "snippet", "also", "matched_by")
ARTICLE_COLUMNS = ("body", "category", "tags", "author")
COLUMNS = (*HIT_COLUMNS, *ARTICLE_COLUMNS)


@blueprint.get("/search")
def search():
    started = time.perf_counter()
    search_state, result = searched(search_request())
    body = result.to_json(search_state)
    body["next_url"] = None
    if result.next_cursor:  # the same search, the next page (facets as asked)
        params = search_state.to_params(cursor=result.next_cursor, page="")
        if search_state.facets != search_state.registry.names:
            params["facets"] = ",".join(search_state.facets) or "none"
        body["next_url"] = url_for("api.search", **params)
    body["took"] = round(1000 * (time.perf_counter() - started))
    return jsonify(body)


@blueprint.get("/facets/<name>")
def facet(name):
    """A facet's values beyond the first 30, optionally those holding a text."""
    found = facet_values(name, request.args.get("contains", ""))
    values = [b.to_json(name) for b in found.buckets]
    return jsonify({"facet": name, "values": values, "more": found.more})


@blueprint.get("/articles/<path:article_id>")
def article(article_id):
    known_only(request.args, ())
    found = public_article(backend().article(article_id))
    found["more_like_this"] = [
        {"id": h.id, "title": h.title, "date": h.date, "source": h.source}
        for h in backend().more_like_this(found)
    ]
    return jsonify(found)


@blueprint.get("/actors/<path:name>")
def actor(name):
    """What the archive holds about an actor: articles over time, outlets,
    the actors named with it, its spellings; 404 with the closest actors."""
    known_only(request.args, ())
    profile = actor_profile(name)
    if profile.result is None:
        closest = [{"name": n, "articles": c} for n, c in profile.resolved.closest]
        message = f"no actor {name!r} in the archive"
        body = {"status": 404, "code": "not_found", "message": message}
        return jsonify({"error": body, "closest": closest}), 404
    found = profile.to_json()
    found["search"] = url_for("pages.search", actor=profile.name)
    return jsonify(found)


@blueprint.post("/batch")
def batch_search():
    """Many queries under the same filters: for each, its total, its articles
    per year and per outlet. JSON {"queries": [...], <filters>}; format=csv
    (in the body or the query string) for a table."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadRequest("queries", 'send JSON: {"queries": ["…", …], and any filters}')
    fields = dict(body)
    filters = [p for p in parameters() if p not in batch.NOT_FILTERS]
    known_only(fields, ("queries", "format", *filters))
    kind = str(fields.pop("format", None) or request.args.get("format") or "json").lower()
    queries = batch.checked(_listed(fields.pop("queries", None), "queries"), blanks=True)
    filters = {name: _listed(value, name) for name, value in fields.items()}
    return batch_response(queries, filters, kind)


def _listed(value, name) -> list:
    """A JSON field as the list of values a query string would give."""
    values = value if isinstance(value, list) else [] if value is None else [value]
    if not all(isinstance(v, str) for v in values):
        raise BadRequest(name, "must be text or a list of texts")
    return values


BATCH_FORMATS = ("json", "csv")


def batch_response(queries, filters, kind):
    """The answer to a batch (the API's and the page's download): JSON, or
    a CSV table spreadsheets read."""
    if kind not in BATCH_FORMATS:
        raise BadRequest("format", f"must be one of {', '.join(BATCH_FORMATS)}")
    for name in filters:
        if name in batch.NOT_FILTERS:
            raise BadRequest(name, "a batch takes filters only (each query is its own q)")
    started = time.perf_counter()
    rows = batch_counts(queries, filters)
    if kind == "json":
        took = round(1000 * (time.perf_counter() - started))
        return jsonify({"results": [r.to_json() for r in rows], "took": took})
    lines = ["\ufeff" + _csv_row(batch.COLUMNS)]
    lines += [_csv_row([_cell(cell) for cell in batch.row(r)]) for r in rows]
    name = f"bahth-batch-{date.today().isoformat()}.csv"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response("".join(lines), mimetype="text/csv", headers=headers)


@blueprint.get("/export")
def export():
    params = request.args.to_dict(flat=False)
    known_only(params, ("format", "columns", "column", *parameters()))
    kind = (params.pop("format", ["jsonl"])[-1] or "jsonl").lower()
    if kind not in EXPORT_FORMATS:
        raise BadRequest("format", f"must be one of {', '.join(EXPORT_FORMATS)}")
    # `columns=a,b` (a link), or one `column` per ticked box (the page's form).
    columns = _columns(",".join([params.pop("columns", [""])[-1], *params.pop("column", [])]))
    for name in ("page", "size", "cursor"):  # an export has every article
        params.pop(name, None)
    asked = replace(search_request(params), facets=())
    # The first article before the first byte: a backend that is down is a
    # 503 in the error shape, not a 200 cut off.
    found = backend().export(asked, _record_fields(columns))
    first = next(found, None)
    mimetype = "text/csv" if kind == "csv" else "application/x-ndjson"
    name = export_filename(asked.text, kind)
    headers = {
        "Content-Disposition": f'attachment; filename="{_ascii(name)}"; '
        f"filename*=UTF-8''{quote(name)}"
    }
    ended = exports_recorder(kind)
    lines = _export_lines(asked, first, found, kind, columns, ended)
    return Response(stream_with_context(lines), mimetype=mimetype, headers=headers)


def _record_fields(columns):
    """The fields of an article's record that these columns show."""
    shown = ("body" if c == "snippet" else c for c in columns if c != "matched_by")
    return tuple(dict.fromkeys(shown))


def _columns(raw):
    if not raw.strip():
        return EXPORT_COLUMNS
    chosen = tuple(dict.fromkeys(c.strip() for c in raw.split(",") if c.strip()))
    known = ", ".join(COLUMNS)
    if not chosen:
        raise BadRequest("columns", f"names no column; known: {known}")
    unknown = [c for c in chosen if c not in COLUMNS]
    if unknown:
        raise BadRequest("columns", f"unknown column {unknown[0]!r}; known: {known}")
    return chosen


def export_filename(text, kind, today=None):
    """bahth-<the query's words>-<today>.csv: a name that says what it holds."""
    words = re.findall(r"\w+", text)[:6]
    stem = "-".join(["bahth", *words, (today or date.today()).isoformat()])
    return f"{stem[:120]}.{kind}"


def _ascii(name):
    return name.encode("ascii", "replace").decode().replace("?", "_")


def _export_lines(asked, first, found, kind, columns=EXPORT_COLUMNS, ended=None):
    """The lines of an export of every article `asked` finds, as they are
    read. The last line says how it ended: every article written
    (`{"export": {"complete": true, "rows": N}}`, or a CSV row `END`), or a
    failure (`{"error": …}`, a row `ERROR`), so that a file cut short, by
    the engine or by the network, is never taken for a whole one.
    `ended(rows, complete)` is told how it ended, however it did."""
    if kind == "csv":
        yield "\ufeff" + _csv_row(columns)  # BOM: spreadsheets then read UTF-8 Arabic
    terms = asked.query.terms
    rows, complete = 0, False
    articles = itertools.chain([first] if first is not None else [], found)
    try:
        for record, how in articles:
            row = _row(record, how, terms, columns)
            if kind == "csv":
                yield _csv_row([_cell(row[c]) for c in columns])
            else:
                yield json.dumps(row, ensure_ascii=False) + "\n"
            rows += 1
    except SearchError as error:
        current_app.logger.error("export cut short after %d rows: %s", rows, error)
        message = f"export cut short after {rows:,} rows: {error.public}"
        if kind == "csv":
            yield _csv_row(_last_row("ERROR", message, columns))
        else:
            yield json.dumps({"error": {"status": error.status, "message": message}}) + "\n"
        return
    else:
        complete = True
    finally:
        found.close()  # a client gone: the engine's reading (a point in time) ends now
        if ended is not None:
            ended(rows, complete)
    if kind == "csv":
        yield _csv_row(_last_row("END", f"{rows:,} rows, complete", columns))
    else:
        yield json.dumps({"export": {"complete": True, "rows": rows}}) + "\n"


def _last_row(word, message, columns):
    """A CSV file's last row, as wide as its header: the word and the message
    (one cell "WORD: message" under a single column)."""
    if len(columns) == 1:
        return [f"{word}: {message}"]
    return [word, message, *[""] * (len(columns) - 2)]


def _row(record, how, terms, columns):
    values = {
        "id": record["id"],
        "date": record.get("date"),
        "source": record.get("source", ""),
        "title": record.get("title", ""),
        "actors": record.get("actors", []),
        "url": record.get("url", ""),
        "also": [copy["source"] for copy in record.get("also", [])],
        "matched_by": how,
    }
    if "snippet" in columns:
        values["snippet"] = plain(snippet(record.get("body", ""), terms))
    values.update({name: record.get(name) for name in ARTICLE_COLUMNS if name in columns})
    return {name: values[name] for name in columns}


def _cell(value):
    if isinstance(value, list):
        return " | ".join(map(str, value))
    return value or ""


def _csv_row(values):
    out = io.StringIO()
    csv.writer(out).writerow([spreadsheet_safe(v) for v in values])
    return out.getvalue()


@blueprint.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(settings()))


@blueprint.get("/health")
def health():
    """Whether the engine answers. Open to all; with accounts on, it says
    nothing of the archive (how many articles: an account's /metrics says)."""
    articles = int(backend().ping())
    if access().on:
        return jsonify({"status": "ok"})
    return jsonify({"status": "ok", "backend": backend().name, "articles": articles})
