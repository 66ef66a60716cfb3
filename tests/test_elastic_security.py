"""Bahth on a secured Elasticsearch (TLS, credentials, least privilege), on a
real node started by `scripts/es-node start --secure`.

Each failure of trust or of credentials is one line naming the setting that
fixes it, exit 1, and nothing changed; no password is ever printed.
"""

import http.server
import json
import os
import subprocess
import sys
import threading

import pytest

from indexer import cli
from indexer.search.elastic.client import connect
from indexer.status import ExitStatus

from .conftest import ROOT, app_for, article, write_jsonl

SYSTEM_CAS = "/etc/ssl/certs/ca-certificates.crt"  # a real CA bundle, not the node's CA


@pytest.fixture
def secured(elasticsearch, es_alias, monkeypatch):
    """The CLI's environment: the secured node's settings (the writer's and
    the reader's credentials) and a fresh alias."""
    for variable, value in elasticsearch.env.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setenv("BAHTH_ELASTICSEARCH_INDEX", es_alias)
    monkeypatch.setenv("BAHTH_EMBEDDINGS", "off")
    return elasticsearch


@pytest.fixture
def indexed(secured, capsys, tmp_path):
    """The sample indexed on the secured node by the writer."""
    assert bahth(capsys, "reindex", str(ROOT / "sample"), "--rejects", str(tmp_path / "r"))[0] == 0
    return secured


def bahth(capsys, *arguments):
    """`bahth ARGUMENTS`: (exit status, standard output, standard error)."""
    status = cli.main(list(arguments))
    out, err = capsys.readouterr()
    return status, out, err


def failure(capsys, *arguments) -> str:
    """The one line of a `bahth ARGUMENTS` that fails with exit 1."""
    status, out, err = bahth(capsys, *arguments)
    assert status == ExitStatus.FAILURE, (out, err)
    lines = [line for line in err.splitlines() if ": failed" in line or "error" in line]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def secrets(node):
    return [node.env["BAHTH_ELASTICSEARCH_API_KEY"], node.env["BAHTH_SEARCH_API_KEY"]]


def live_version(node, alias):
    return list(connect(node.writer).indices.get_alias(name=alias))


def test_the_writer_indexes_adds_and_removes_and_the_reader_searches(
    indexed, es_alias, tmp_path, capsys
):
    added = write_jsonl(tmp_path / "new.jsonl", [article(1, id="secured-1")])
    status, _, err = bahth(capsys, "add", str(added), "--rejects", str(tmp_path / "r"))
    assert status == ExitStatus.OK, err
    status, out, err = bahth(capsys, "search", "زلزال", "--json")
    assert status == ExitStatus.OK, err
    assert json.loads(out)["total"] == 2
    status, _, err = bahth(capsys, "remove", "secured-1")
    assert status == ExitStatus.OK, err

    # The web app reads with the reader's credentials, which read the alias only.
    client = app_for(**indexed.settings, elasticsearch_index=es_alias).test_client()
    assert client.get("/api/search?q=زلزال").get_json()["total"] == 2
    assert client.get("/api/export?q=زلزال&format=jsonl").status_code == 200


def test_a_readers_credentials_cannot_reindex_and_change_nothing(
    indexed, es_alias, monkeypatch, tmp_path, capsys
):
    before = live_version(indexed, es_alias)
    monkeypatch.setenv("BAHTH_ELASTICSEARCH_API_KEY", indexed.env["BAHTH_SEARCH_API_KEY"])
    line = failure(capsys, "reindex", str(ROOT / "sample"), "--rejects", str(tmp_path / "r"))
    assert "refused a request to the API key of BAHTH_ELASTICSEARCH_API_KEY" in line
    assert "is unauthorized for API key" in line  # the node's reason: the action, the privilege
    line = failure(capsys, "remove", "a1")
    assert "refused a request to the API key of BAHTH_ELASTICSEARCH_API_KEY" in line
    assert live_version(indexed, es_alias) == before
    assert connect(indexed.writer).count(index=es_alias)["count"] > 0


@pytest.mark.parametrize(
    "settings, says",
    [
        ({"BAHTH_ELASTICSEARCH_CA": ""}, "set BAHTH_ELASTICSEARCH_CA to the cluster's CA"),
        ({"BAHTH_ELASTICSEARCH_CA": SYSTEM_CAS}, "that BAHTH_ELASTICSEARCH_CA"),
        ({"BAHTH_ELASTICSEARCH_CA": "AB" * 32}, "not the one BAHTH_ELASTICSEARCH_CA gives"),
        (
            {"BAHTH_ELASTICSEARCH_API_KEY": "YWJjOmRlZg=="},
            "does not accept the API key of BAHTH_ELASTICSEARCH_API_KEY",
        ),
        (
            {
                "BAHTH_ELASTICSEARCH_API_KEY": "",
                "BAHTH_ELASTICSEARCH_USER": "elastic",
                "BAHTH_ELASTICSEARCH_PASSWORD": "wrong",
            },
            "does not accept the user 'elastic' and its password (BAHTH_ELASTICSEARCH_USER "
            "and BAHTH_ELASTICSEARCH_PASSWORD)",
        ),
        ({"BAHTH_ELASTICSEARCH_API_KEY": ""}, "asks who Bahth is: set BAHTH_ELASTICSEARCH_API_KEY"),
    ],
)
def test_each_failure_of_trust_or_credentials_is_one_line_naming_its_setting(
    indexed, es_alias, monkeypatch, tmp_path, capsys, settings, says
):
    before = live_version(indexed, es_alias)
    for variable, value in settings.items():
        monkeypatch.setenv(variable, value)
    line = failure(capsys, "reindex", str(ROOT / "sample"), "--rejects", str(tmp_path / "r"))
    assert says in line and "live index was not changed" in line
    assert live_version(indexed, es_alias) == before
    assert not any(secret in line for secret in secrets(indexed))


def test_http_to_an_https_node_and_https_to_an_http_one(secured, monkeypatch, capsys):
    url = secured.url.replace("https://", "http://")
    monkeypatch.setenv("BAHTH_ELASTICSEARCH_URL", url)
    line = failure(capsys, "search", "زلزال")
    assert "write https:// in BAHTH_ELASTICSEARCH_URL" in line

    # A server that speaks plain HTTP, asked over TLS.
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("BAHTH_ELASTICSEARCH_URL", f"https://127.0.0.1:{server.server_port}")
        line = failure(capsys, "search", "زلزال")
        assert "does not speak TLS: write http:// in BAHTH_ELASTICSEARCH_URL" in line
    finally:
        server.shutdown()


def test_no_password_is_ever_shown(indexed, monkeypatch, tmp_path, capsys):
    """Not in a failure, not in `bahth --help`, not with the password in the URL."""
    writer = indexed.superuser_password
    monkeypatch.setenv("BAHTH_ELASTICSEARCH_API_KEY", "")
    monkeypatch.setenv("BAHTH_SEARCH_API_KEY", "")
    with_user = indexed.url.replace("https://", f"https://elastic:{writer}@")
    monkeypatch.setenv("BAHTH_ELASTICSEARCH_URL", with_user)
    status, _, err = bahth(capsys, "search", "زلزال", "--json")
    assert status == ExitStatus.OK, err  # the URL's user and password work
    monkeypatch.setenv("BAHTH_ELASTICSEARCH_URL", with_user.replace(writer, writer + "x"))
    line = failure(capsys, "reindex", str(ROOT / "sample"), "--rejects", str(tmp_path / "r"))
    assert "BAHTH_ELASTICSEARCH_URL's user:password@" in line
    assert writer not in line and indexed.url in line
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    shown = capsys.readouterr()
    assert "BAHTH_ELASTICSEARCH_API_KEY" in shown.out
    assert not any(secret in shown.out + shown.err for secret in [writer, *secrets(indexed)])


def test_the_keys_service_makes_keys_once_and_the_file_settings_read_them(
    secured, es_alias, monkeypatch, tmp_path, capsys
):
    """What compose.yaml's `keys` service runs: the roles and a key of each in
    a file of its own, given to the app as *_FILE settings; run again, it
    keeps them."""
    writer_key, reader_key = tmp_path / "writer" / "key", tmp_path / "reader" / "key"

    def make_keys():
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "indexer.search.elastic.security",
                "--url",
                secured.url,
                "--ca",
                secured.env["BAHTH_ELASTICSEARCH_CA"],
                "--alias",
                "test-*",
                "--writer-key",
                str(writer_key),
                "--reader-key",
                str(reader_key),
            ],
            env={**os.environ, "ELASTIC_PASSWORD": secured.superuser_password},
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=300,
        )

    made = make_keys()
    assert made.returncode == 0, made.stderr
    writer = writer_key.read_text()
    assert oct(writer_key.stat().st_mode & 0o777) == oct(reader_key.stat().st_mode & 0o777)
    assert oct(writer_key.stat().st_mode & 0o777) == "0o600"
    again = make_keys()
    assert again.returncode == 0 and "kept" in again.stderr
    assert writer_key.read_text() == writer
    for variable in ("BAHTH_ELASTICSEARCH_API_KEY", "BAHTH_SEARCH_API_KEY"):
        monkeypatch.delenv(variable)
    monkeypatch.setenv("BAHTH_ELASTICSEARCH_API_KEY_FILE", str(writer_key))
    monkeypatch.setenv("BAHTH_SEARCH_API_KEY_FILE", str(reader_key))
    status, _, err = bahth(
        capsys, "reindex", str(ROOT / "sample"), "--rejects", str(tmp_path / "r")
    )
    assert status == ExitStatus.OK, err
    status, out_text, err = bahth(capsys, "search", "زلزال", "--json")
    assert status == ExitStatus.OK and json.loads(out_text)["total"] == 2, err
    monkeypatch.setenv("BAHTH_ELASTICSEARCH_API_KEY_FILE", str(reader_key))
    line = failure(capsys, "reindex", str(ROOT / "sample"), "--rejects", str(tmp_path / "r"))
    assert "refused a request to the API key of BAHTH_ELASTICSEARCH_API_KEY" in line
