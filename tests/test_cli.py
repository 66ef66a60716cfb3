"""bahth search and bahth serve, as a terminal user and an operator run them."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from indexer import cli, reindex
from indexer.search.embedded_store import EmbeddedStore

from .conftest import ROOT


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("cli") / "data"
    reindex.run([ROOT / "sample"], EmbeddedStore(data), workers=1)
    return data


def search(capsys, monkeypatch, data_dir, *args):
    monkeypatch.setenv("BAHTH_DATA_DIR", str(data_dir))
    status = cli.main(["search", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_search_prints_hits_with_markers_and_facets(capsys, monkeypatch, data_dir):
    status, out, _ = search(capsys, monkeypatch, data_dir, "بوتين")
    assert status == 0
    assert out.startswith("1-3 of 3 articles\nalso searched: بوتن\n")   # bw-009 writes بوتن
    assert "[بوتين]" in out and "bw-001" in out
    assert "source: " in out


def test_search_filters_and_json(capsys, monkeypatch, data_dir):
    status, out, _ = search(capsys, monkeypatch, data_dir, "الأمم", "المتحدة", "--source",
                            "الجزيرة", "--from", "2024-01-01", "--json")
    body = json.loads(out)
    assert status == 0
    assert [h["id"] for h in body["hits"]] == ["csv-04"]


def test_search_bad_option_and_missing_index(capsys, monkeypatch, data_dir, tmp_path):
    status, _, err = search(capsys, monkeypatch, data_dir, "x", "--to", "2024-02-30")
    assert status == cli.EXIT_USAGE and "--date-to" in err
    status, _, err = search(capsys, monkeypatch, tmp_path / "none", "x")
    assert status == cli.EXIT_FAILURE and "run `bahth reindex PATH` first" in err


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_runs_gunicorn_on_loopback(data_dir):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "serve", "--port", str(port), "--workers", "1"],
        cwd=ROOT, env={**os.environ, "BAHTH_DATA_DIR": str(data_dir)},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as r:
                    health = json.load(r)
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "server did not start"
                time.sleep(0.2)
        assert health == {"status": "ok", "backend": "embedded", "articles": 31}
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/?q=%D8%B2%D9%84%D8%B2%D8%A7%D9%84") as r:
            assert "<mark>" in r.read().decode("utf-8")
    finally:
        server.terminate()
        output = server.communicate(timeout=15)[0]
    assert f"http://127.0.0.1:{port}/" in output
