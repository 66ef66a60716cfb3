"""The operator's view: /metrics (Prometheus) and JSON log lines."""

import json
import logging
import os
import subprocess
import tempfile
import time
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

from indexer import cli, logs
from indexer.status import ExitStatus
from webui import accounts
from webui.accounts import Accounts
from webui.server import MAX_REQUESTS, MAX_REQUESTS_JITTER

from .conftest import ROOT, Server, app_for, free_port, get


def samples(text):
    """{(name, labels as a sorted tuple): value} of a scrape."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(found, name, **labels):
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_count_requests_searches_and_the_index(sample_index):
    client = app_for(sample_index).test_client()
    before = samples(client.get("/metrics").get_data(as_text=True))
    for _ in range(3):
        assert client.get("/api/search?q=زلزال").status_code == 200
    assert client.get("/api/search?q=x&page=0").status_code == 400
    after = samples(client.get("/metrics").get_data(as_text=True))
    ok = {"route": "/api/search", "method": "GET", "status": "200"}
    assert (
        value(after, "bahth_http_requests_total", **ok)
        - value(before, "bahth_http_requests_total", **ok)
        == 3
    )
    bad = {**ok, "status": "400"}
    assert (
        value(after, "bahth_http_requests_total", **bad)
        - value(before, "bahth_http_requests_total", **bad)
        == 1
    )
    searched = {"engine": "embedded", "kind": "search"}
    assert (
        value(after, "bahth_search_seconds_count", **searched)
        - value(before, "bahth_search_seconds_count", **searched)
        == 3
    )
    assert value(after, "bahth_http_request_seconds_count", route="/api/search") >= 4
    assert value(after, "bahth_index_articles") == 31
    assert value(after, "bahth_index_up") == 1
    built = value(after, "bahth_index_built_timestamp_seconds")
    assert time.time() - 86_400 < built <= time.time()


def test_runs_of_reindex_and_add_are_shown(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    monkeypatch.setenv("BAHTH_DATA_DIR", str(data))
    monkeypatch.setenv("BAHTH_EMBEDDINGS", "off")
    assert cli.main(["reindex", str(ROOT / "sample"), "--json"]) == ExitStatus.OK
    report = json.loads(capsys.readouterr().out)
    assert cli.main(["add", str(tmp_path / "missing.jsonl")]) != ExitStatus.OK
    capsys.readouterr()
    found = samples(app_for(data).test_client().get("/metrics").get_data(as_text=True))
    assert value(found, "bahth_run_outcome", command="reindex", outcome="succeeded") == 1
    assert value(found, "bahth_run_outcome", command="add", outcome="failed") == 1
    assert value(found, "bahth_run_progress_ratio", command="reindex") == 1
    assert value(found, "bahth_run_stage", command="reindex", stage="records") == 1
    assert value(found, "bahth_run_stage", command="reindex", stage="first pass") == 0
    assert value(found, "bahth_run_articles", command="reindex", kind="read") == report["read"]
    assert value(found, "bahth_run_running", command="reindex") == 0
    ended = value(found, "bahth_run_timestamp_seconds", command="reindex", event="ended")
    assert time.time() - 600 < ended <= time.time()


def test_metrics_are_behind_the_accounts(sample_index, tmp_path):
    users = tmp_path / "users"
    accounts.add(users, "ops", "a-long-password")
    client = app_for(sample_index, users=str(users)).test_client()
    assert client.get("https://localhost/metrics").status_code == 401
    known = Accounts(users)
    token = known.token(known.get("ops"))
    scrape = client.get("https://localhost/metrics", headers={"Authorization": f"Bearer {token}"})
    assert scrape.status_code == 200 and "bahth_index_articles 31.0" in scrape.get_data(
        as_text=True
    )


def test_json_log_lines():
    record = logging.makeLogRecord(
        {"name": "bahth.access", "levelno": 20, "levelname": "INFO", "msg": "GET %s 200"}
    )
    record.args = ("/api/search",)
    record.route, record.status = "/api/search", 200
    line = json.loads(logs.JsonFormatter("serve").format(record))
    assert line["message"] == "GET /api/search 200" and line["level"] == "info"
    assert line["route"] == "/api/search" and line["status"] == 200
    assert line["command"] == "serve" and line["time"].endswith("+00:00")


def test_serve_adds_up_its_workers_metrics_on_an_address_of_its_own(sample_index):
    """Two gunicorn workers, /metrics on BAHTH_METRICS_ADDRESS: a scrape counts
    every request whichever worker answered it; log lines are JSON."""
    metrics_port = free_port()
    server = Server(
        sample_index,
        workers=2,
        BAHTH_METRICS_ADDRESS=f"127.0.0.1:{metrics_port}",
        BAHTH_LOG_FORMAT="json",
    )
    try:
        for _ in range(20):
            assert get(server.port, "/api/search?q=%D8%B2%D9%84%D8%B2%D8%A7%D9%84")[0] == 200
        with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics") as answer:
            found = samples(answer.read().decode())
        ok = {"route": "/api/search", "method": "GET", "status": "200"}
        assert value(found, "bahth_http_requests_total", **ok) == 20
        assert value(found, "bahth_index_articles") == 31
        assert get(server.port, "/metrics")[0] == 404  # not on the app's address
    finally:
        output = server.stop()
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    searches = [line for line in lines if line.get("route") == "/api/search"]
    assert len(searches) == 20 and all(line["status"] == 200 for line in searches)
    assert all("q=" not in line["path"] for line in searches)


def test_metrics_survive_a_worker_replaced_after_its_requests(sample_index):
    """gunicorn replaces a worker after MAX_REQUESTS (+ jitter) requests: the
    server's metrics folder outlives it, and a scrape still adds up."""
    server = Server(sample_index)
    try:
        first = server.pids()
        asked = 0
        while server.pids() == first or not server.pids():
            assert get(server.port, "/api/health")[0] == 200
            asked += 1
            assert asked <= MAX_REQUESTS + MAX_REQUESTS_JITTER + 10, "the worker was not replaced"
        status, _, body = get(server.port, "/metrics")
        assert status == 200
        found = samples(body.decode())
        health = {"route": "/api/health", "method": "GET", "status": "200"}
        assert value(found, "bahth_http_requests_total", **health) >= asked - 1
    finally:
        server.stop()


def test_serve_removes_the_metrics_folders_of_killed_servers(sample_index, tmp_path):
    """A server killed outright leaves its folder of mapped files; the next
    start removes those whose server is gone, and no other."""
    gone = subprocess.Popen(["true"])
    gone.wait()
    orphan = tmp_path / f"{cli.METRICS_PREFIX}{gone.pid}-a1b2"
    living = tmp_path / f"{cli.METRICS_PREFIX}{os.getpid()}-c3d4"
    for folder in (orphan, living):
        folder.mkdir()
        (folder / "counter_1.db").write_bytes(b"\0" * 1024)
    server = Server(sample_index, TMPDIR=str(tmp_path))
    try:
        own = list(tmp_path.glob(f"{cli.METRICS_PREFIX}{server.process.pid}-*"))
        assert not orphan.exists() and living.exists() and len(own) == 1
    finally:
        server.stop()
    assert not own[0].exists()


def test_a_metrics_folder_named_by_this_process_is_stale_and_odd_names_are_left(
    tmp_path, monkeypatch
):
    """Before the server makes its own folder, one under its own process ID
    is a killed predecessor's (a restarted container's process 1); names
    that are no process ID are not touched, and stop nothing."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    own = tmp_path / f"{cli.METRICS_PREFIX}{os.getpid()}-e5f6"
    odd = [tmp_path / f"{cli.METRICS_PREFIX}{name}-x" for name in ("²", "9" * 30, "")]
    for folder in (own, *odd):
        folder.mkdir()
    cli._remove_orphaned_metrics()
    assert not own.exists() and all(folder.exists() for folder in odd)
