"""/metrics: what an operator watches, in Prometheus' text format (prometheus-client).

- `bahth_http_requests_total{route,method,status}` and
  `bahth_http_request_seconds{route}`: every request, by the view that
  answered it (its route, never its URL: one series per view);
- `bahth_shed_total`: requests answered 503 because the worker was full;
- `bahth_search_seconds{engine,kind}`: the engine's own time (a search, an
  export's first page, a facet's values);
- `bahth_index_articles`, `bahth_index_built_timestamp_seconds`,
  `bahth_index_changed_timestamp_seconds`: the live index, read at each scrape;
- `bahth_run_*{command}`: the last reindex and add (indexer/runs.py): state,
  its stage (the first pass over the input's abstracts and titles, then
  the records) and the share of the stage's input read, articles read and
  rejected, start, end, last update.

Under gunicorn the workers are processes: `bahth serve` gives them a folder
of their own (PROMETHEUS_MULTIPROC_DIR) before any of them starts, and a
scrape adds up every worker's counts. /metrics is behind the app's accounts,
or, with BAHTH_METRICS_ADDRESS, served on an address of its own instead.
"""

import logging
import os
import time

from flask import Blueprint, Response, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from indexer import runs
from indexer.search import SearchError

from .access import client_address

blueprint = Blueprint("metrics", __name__)
METHODS = ("GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PATCH")
ACCESS = logging.getLogger("bahth.access")
ACCESS.setLevel(logging.INFO)  # a request's line, whatever BAHTH_LOG_LEVEL says

REQUESTS = Counter(
    "bahth_http_requests",
    "Requests answered, by route, method and status",
    ["route", "method", "status"],
)
LATENCY = Histogram(
    "bahth_http_request_seconds",
    "Time to answer a request (an export: to its first row), by route",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
SHED = Counter("bahth_shed", "Requests answered 503 because the worker served its most already")
SEARCH = Histogram(
    "bahth_search_seconds",
    "The engine's time for a search, by engine and kind (search, export, values)",
    ["engine", "kind"],
    buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


class Timed:
    """A backend whose searches are timed into bahth_search_seconds."""

    def __init__(self, backend):
        self._backend = backend

    def search(self, request):
        with SEARCH.labels(self._backend.name, "search").time():
            return self._backend.search(request)

    def values(self, name):
        with SEARCH.labels(self._backend.name, "values").time():
            return self._backend.values(name)

    def export(self, request, fields):
        started = time.perf_counter()
        found = self._backend.export(request, fields)
        SEARCH.labels(self._backend.name, "export").observe(time.perf_counter() - started)
        return found

    def __getattr__(self, name):
        return getattr(self._backend, name)


class IndexAndRuns:
    """The live index and the last runs, read at each scrape."""

    def __init__(self, app):
        self.app = app

    def collect(self):
        state = self.app.extensions["bahth"]
        articles = GaugeMetricFamily("bahth_index_articles", "Articles in the live index")
        built = GaugeMetricFamily(
            "bahth_index_built_timestamp_seconds", "When the live index version was built"
        )
        changed = GaugeMetricFamily(
            "bahth_index_changed_timestamp_seconds",
            "When the live index last changed (an add or remove; not kept by Elasticsearch)",
        )
        up = GaugeMetricFamily("bahth_index_up", "1 when the engine answers, else 0")
        try:
            articles.add_metric([], state.backend.ping())
            made, last = state.backend.changed()
            built.add_metric([], made)
            if last is not None:
                changed.add_metric([], last)
            up.add_metric([], 1)
        except SearchError:
            up.add_metric([], 0)
        yield from (up, articles, built, changed)
        yield from _runs(state.settings.data_dir)


def _runs(data_dir):
    running = GaugeMetricFamily(
        "bahth_run_running", "1 while the last run of the command is under way", labels=["command"]
    )
    done = GaugeMetricFamily(
        "bahth_run_progress_ratio",
        "Share of its stage's input the run has read",
        labels=["command"],
    )
    stage = GaugeMetricFamily(
        "bahth_run_stage",
        "1 for the stage the last run of the command is in, or ended in "
        "(first pass: the input's abstracts and titles; records)",
        labels=["command", "stage"],
    )
    articles = GaugeMetricFamily(
        "bahth_run_articles", "Articles the run read or rejected", labels=["command", "kind"]
    )
    outcome = GaugeMetricFamily(
        "bahth_run_outcome",
        "1 for how the last run ended (succeeded, rejects, failed, interrupted, running)",
        labels=["command", "outcome"],
    )
    times = GaugeMetricFamily(
        "bahth_run_timestamp_seconds",
        "When the last run started, ended, and last wrote its progress",
        labels=["command", "event"],
    )
    for run in runs.runs(data_dir):
        command = run.get("command", "?")
        state = run.get("state", "running")
        running.add_metric([command], 1 if state == "running" else 0)
        done.add_metric([command], run.get("done", 0))
        for name in runs.STAGES:
            stage.add_metric([command, name], 1 if run.get("stage", runs.RECORDS) == name else 0)
        articles.add_metric([command, "read"], run.get("read", 0))
        articles.add_metric([command, "rejected"], run.get("rejected", 0))
        for name in (*runs.OUTCOMES, "running"):
            outcome.add_metric([command, name], 1 if state == name else 0)
        for event in ("started", "ended", "updated"):
            if event in run:
                times.add_metric([command, event], run[event])
    yield from (running, done, stage, articles, outcome, times)


def install(app, log_requests=False):
    """Count and time every request of `app`; /metrics on it. `log_requests`:
    a JSON log line for each request (BAHTH_LOG_FORMAT=json), its path
    without its query (a feed's token stays out of the log)."""

    @app.before_request
    def start_clock():
        request.environ["bahth.started"] = time.perf_counter()

    @app.after_request
    def count(response):
        route = request.url_rule.rule if request.url_rule else "(no route)"
        started = request.environ.get("bahth.started")
        seconds = time.perf_counter() - started if started is not None else 0.0
        LATENCY.labels(route).observe(seconds)
        method = request.method if request.method in METHODS else "OTHER"  # a bounded label
        REQUESTS.labels(route, method, str(response.status_code)).inc()
        if log_requests:
            ACCESS.info(
                "%s %s %d",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "route": route,
                    "status": response.status_code,
                    "seconds": round(seconds, 4),
                    "address": client_address(),
                    "account": g.get("account"),
                },
            )
        return response

    app.register_blueprint(blueprint)


def registry(app) -> CollectorRegistry:
    """Every worker's counts (multiprocess) or this process's, and the index's."""
    collected = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(collected)
    else:
        for metric in (REQUESTS, LATENCY, SHED, SEARCH):
            collected.register(metric)
    collected.register(IndexAndRuns(app))
    return collected


def serve_apart(app, address: str):
    """/metrics on `address` (host:port) of its own, from a thread of this
    process (gunicorn's master, whose workers write their counts to the
    multiprocess folder)."""
    from prometheus_client import start_http_server

    host, _, port = address.rpartition(":")
    start_http_server(int(port), host or "127.0.0.1", registry(app))


@blueprint.get("/metrics")
def metrics():
    if current_app.extensions["bahth"].settings.metrics_address:
        return Response("metrics are served on BAHTH_METRICS_ADDRESS\n", status=404)
    return Response(generate_latest(registry(current_app)), mimetype=CONTENT_TYPE_LATEST)
