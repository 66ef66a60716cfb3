"""Elasticsearch: the alias reindex, the analysis paths and faults, on real nodes.

The search behaviour itself is the contract suite's (test_search_contract),
which runs on Elasticsearch too. Here: what only this engine has.
"""

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from indexer import cli, reindex
from indexer.arabic import lexicon_digest
from indexer.arabic.export import fingerprint
from indexer.arabic.stem import SHIPPED_LEXICON
from indexer.search import BuildFailed, SearchRequest
from indexer.search.elastic import ElasticBackend, ElasticStore, dsl
from indexer.search.elastic.client import connect
from indexer.search.elastic.index import Analysis, version
from indexer.search.elastic.lease import lease_index
from indexer.search.elastic.store import node_has_plugin
from indexer.search.ranking import TIE_BREAKER, TITLE_BOOST
from indexer.settings import Settings, SettingsError
from indexer.status import ExitStatus

from .conftest import ROOT, app_for, article, delete_versions, es_node, wait_until, write_jsonl

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens there


def versions(client, alias):
    """{index name: docs} of the alias's versions, and which one it points to."""
    found = client.indices.get(index=f"{alias}-v*")
    live = [name for name, info in found.items() if alias in info["aliases"]]
    counts = {name: client.count(index=name)["count"] for name in found}
    return counts, live


def request(**params):
    return SearchRequest.from_params({k: [v] for k, v in params.items()})


# --- the alias reindex ---------------------------------------------------------


def test_the_tests_leave_no_index_of_an_alias_behind(tmp_path, elasticsearch):
    """The test node keeps its data between runs, and allows 1,000 shards:
    what each test leaves must be deleted, the writer lease with the versions."""
    alias = f"test-left-{uuid.uuid4().hex[:8]}"
    store = ElasticStore(elasticsearch.writer, alias, keep=1)
    reindex.run([write_jsonl(tmp_path / "one.jsonl", [article(1)])], store, workers=1)
    made = set(store.client.indices.get(index=f"{alias}*", expand_wildcards="all"))
    assert lease_index(alias) in made and any(name.startswith(f"{alias}-v") for name in made)
    delete_versions(store.client, alias)
    assert not store.client.indices.get(index=f"{alias}*", expand_wildcards="all")


def test_a_node_keeps_its_launchers_temporary_folders_in_its_own(elasticsearch):
    """Elasticsearch's launcher makes a folder in its java.io.tmpdir at each
    start (final-flags…) and never removes it: es-node gives it the node's
    tmp, which the next start empties, so that /tmp does not fill up."""
    port = os.environ.get("BAHTH_ES_PORT", "9250")
    home = Path(os.environ.get("BAHTH_ES_DIR", f"/tmp/bahth-es-{port}"))
    assert list(home.glob("tmp/final-flags*")), sorted(p.name for p in home.iterdir())


def test_reindex_moves_the_alias_and_keeps_old_versions(tmp_path, elasticsearch, es_alias):
    store = ElasticStore(elasticsearch.writer, es_alias, keep=1)
    first = write_jsonl(tmp_path / "one.jsonl", [article(n) for n in range(3)])
    second = write_jsonl(tmp_path / "two.jsonl", [article(n) for n in range(5)])
    reindex.run([first], store, workers=1)
    one = store.live
    reindex.run([second], store, workers=1)
    two = store.live
    counts, live = versions(store.client, es_alias)
    assert live == [two] and counts == {one: 3, two: 5}
    assert ElasticBackend(elasticsearch.reader, es_alias).ping() == 5
    reindex.run([first], store, workers=1)
    counts, live = versions(store.client, es_alias)
    assert live == [store.live] and set(counts) == {two, store.live}  # keep=1: `one` is gone
    settings = store.client.indices.get_settings(index=store.live)[store.live]["settings"]["index"]
    assert settings.get("refresh_interval") is None  # restored after the build
    assert settings["auto_expand_replicas"] == "0-1"


def test_an_index_recorded_with_the_first_names_of_the_paths_takes_an_add(
    tmp_path, elasticsearch, es_alias
):
    """Mappings version 1 named the node path `production`: such an index is
    read and added to as the node path (search/meta.py's one rule)."""
    store = ElasticStore(elasticsearch.writer, es_alias)
    reindex.run([ROOT / "sample"], store, workers=1)
    client = connect(elasticsearch.writer)
    made = client.indices.get_mapping(index=store.live)[store.live]["mappings"]["_meta"]
    client.indices.put_mapping(
        index=store.live, meta={"bahth": {**made["bahth"], "analysis": "production"}}
    )
    new = write_jsonl(tmp_path / "new.jsonl", [article(1)])
    summary = reindex.add([new], ElasticStore(elasticsearch.writer, es_alias), workers=1)
    assert summary.indexed == 1
    backend = ElasticBackend(elasticsearch.reader, es_alias)
    assert backend.analysis() == Analysis.NODE
    assert backend.search(request()).total == 32


def test_shards_and_replicas_come_from_the_settings(tmp_path, elasticsearch, es_alias):
    archive = [write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(20)])]
    store = ElasticStore(elasticsearch.writer, es_alias, shards=3, replicas="0")
    reindex.run(archive, store, workers=1)
    index = store.client.indices.get_settings(index=store.live)[store.live]["settings"]["index"]
    assert index["number_of_shards"] == "3" and index["number_of_replicas"] == "0"
    assert index.get("auto_expand_replicas") in (None, "false")
    assert store.client.count(index=es_alias)["count"] == 20
    with pytest.raises(SettingsError, match="BAHTH_ELASTICSEARCH_REPLICAS"):
        Settings(elasticsearch_replicas="two")
    with pytest.raises(SettingsError, match="BAHTH_ELASTICSEARCH_SHARDS"):
        Settings(elasticsearch_shards=0)


def test_an_article_the_node_refuses_is_a_reject_line_and_the_rest_is_indexed(
    tmp_path, elasticsearch, es_alias
):
    records = [article(n) for n in range(6)]
    records[2]["source"] = "وكالة " * 8_000  # a keyword over Lucene's 32,766 bytes
    records[4]["id"] = "\N{NEWSPAPER}" * 150  # 600 bytes: the node would refuse the whole request
    rejects_file = tmp_path / "rejects.jsonl"
    store = ElasticStore(elasticsearch.writer, es_alias)
    summary = reindex.run(
        [write_jsonl(tmp_path / "a.jsonl", records)], store, rejects_path=rejects_file, workers=1
    )
    rejects = [json.loads(line) for line in rejects_file.read_text(encoding="utf-8").splitlines()]
    where = {(Path(r["file"]).name, r["line"], r["field"]) for r in rejects}
    assert where == {("a.jsonl", 3, "source"), ("a.jsonl", 5, "id")}
    refused = next(r for r in rejects if r["field"] == "source")
    assert refused["reason"].startswith("refused by the index: ") and json.loads(
        refused["raw"]
    ) == {
        "id": "a2",
        "title": records[2]["title"],
    }
    assert summary.indexed == 4 and summary.rejected_total == 2
    assert sum(summary.sources.values()) == 4 and len(summary.sources) == 1
    assert store.client.count(index=es_alias)["count"] == 4  # and the alias moved to it


def test_a_failed_reindex_leaves_the_alias_and_no_new_index(tmp_path, elasticsearch, es_alias):
    store = ElasticStore(elasticsearch.writer, es_alias)
    reindex.run([write_jsonl(tmp_path / "good.jsonl", [article(1), article(2)])], store, workers=1)
    before = versions(store.client, es_alias)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "title": ""}\nnot json\n', encoding="utf-8")
    with pytest.raises(reindex.NothingIndexed):
        reindex.run([bad], store, workers=1)
    with pytest.raises(reindex.TooManyRejects):
        reindex.run([bad, tmp_path / "good.jsonl"], store, workers=1, max_rejects=0)
    assert versions(store.client, es_alias) == before


def test_the_node_path_runs_the_plugin_and_is_recorded(tmp_path, elasticsearch, es_alias):
    client = connect(elasticsearch.writer)
    store = ElasticStore(elasticsearch.writer, es_alias)
    reindex.run([write_jsonl(tmp_path / "a.jsonl", [article(1)])], store, workers=1)
    meta = client.indices.get_mapping(index=es_alias)[store.live]["mappings"]["_meta"]
    assert meta["bahth"] == {
        "analysis": "node",
        "version": version(Analysis.NODE),
        "fingerprint": fingerprint(),  # of the analysis' rules, and of its lexicon:
        "lexicon": lexicon_digest(SHIPPED_LEXICON.read_bytes()),  # an add checks both
    }
    assert store.describe().endswith("(analysis: node, by the node's analysis-bahth plugin)")
    assert ElasticBackend(elasticsearch.reader, es_alias).analysis() == Analysis.NODE
    stored = client.get(index=es_alias, id="a1")["_source"]
    assert "body_terms" not in stored  # the node analyses the text itself
    # Anyone querying the index directly gets Bahth's analysis: natural text, any spelling.
    found = client.search(index=es_alias, query={"match": {"body": "الإنتخابات بالمدينة"}})
    assert [hit["_id"] for hit in found["hits"]["hits"]] == ["a1"]


def test_an_index_of_other_mappings_asks_for_a_reindex(tmp_path, elasticsearch, es_alias):
    # A version 6 index lacks member_category, which this Bahth's category
    # filter reads: it says so instead of finding nothing.
    from indexer.search import BackendUnavailable

    store = ElasticStore(elasticsearch.writer, es_alias)
    reindex.run([write_jsonl(tmp_path / "a.jsonl", [article(1)])], store, workers=1)
    client = connect(elasticsearch.writer)
    meta = client.indices.get_mapping(index=es_alias)[store.live]["mappings"]["_meta"]
    older = {**meta, "bahth": {**meta["bahth"], "version": version(Analysis.NODE) - 1}}
    client.indices.put_mapping(index=store.live, meta=older)
    with pytest.raises(BackendUnavailable, match="run `bahth reindex PATH` again"):
        ElasticBackend(elasticsearch.reader, es_alias).search(SearchRequest())


def test_forged_cursors_and_the_window_edge_are_not_server_errors(
    tmp_path, elasticsearch, es_alias
):
    records = [article(n) for n in range(1, 31)]
    reindex.run(
        [write_jsonl(tmp_path / "a.jsonl", records)],
        ElasticStore(elasticsearch.writer, es_alias),
        workers=1,
    )
    client = app_for(**elasticsearch.settings, elasticsearch_index=es_alias).test_client()
    for forged in (
        "WzFd",
        "W1sxXSxudWxsXQ",
        "W1t7ImEiOjF9LCJ4Il0sbnVsbF0",
        "W1sieCIsIngiXSxudWxsXQ",
    ):
        response = client.get(f"/api/search?q=الخبر&cursor={forged}")
        assert response.status_code == 400, forged
        assert response.get_json()["error"]["parameter"] == "cursor"
    # The last page a page number reaches (10,000 hits): the node answers it
    # (past these 30 results, an empty page); the API says where they end.
    backend = client.application.extensions["bahth"].backend
    assert backend.search(request(q="الخبر", page="100", size="100")).hits == []
    last = client.get("/api/search?q=الخبر&page=100&size=100")
    assert last.status_code == 400 and last.get_json()["error"]["last_page"] == 1
    edge = client.get("/api/search?q=الخبر&page=3&size=10&sort=oldest").get_json()
    assert len(edge["hits"]) == 10 and edge["next_cursor"] is None  # 30 hits: none after


def test_highlighting_on_the_node_marks_the_original_words_escaped(
    tmp_path, elasticsearch, es_alias
):
    """Elasticsearch highlights with the plugin's offsets: the original
    spelling (diacritics, tatweel, hamza seats) is marked, the rest escaped."""
    body = "قال المسؤول إن الزِّلْزَالَ & الـهـزات شيء مخيف " * 3
    record = article(1, title="زلزال <قوي> في المغرب", body=body)
    reindex.run(
        [write_jsonl(tmp_path / "a.jsonl", [record])],
        ElasticStore(elasticsearch.writer, es_alias),
        workers=1,
    )
    backend = ElasticBackend(elasticsearch.reader, es_alias)
    (hit,) = backend.search(request(q="زلزال المسئول")).hits
    assert hit.title_html.startswith("<mark>زلزال</mark> &lt;قوي&gt;")
    assert "قال <mark>المسؤول</mark> إن <mark>الزِّلْزَالَ</mark> &amp; الـهـزات" in hit.snippet
    assert "<قوي>" not in hit.title_html


def test_the_python_path_when_asked_for(tmp_path, elasticsearch, es_alias):
    client = connect(elasticsearch.writer)
    store = ElasticStore(elasticsearch.writer, es_alias, analysis="python")
    reindex.run([write_jsonl(tmp_path / "a.jsonl", [article(1), article(2)])], store, workers=1)
    meta = client.indices.get_mapping(index=es_alias)[store.live]["mappings"]["_meta"]
    assert meta["bahth"]["analysis"] == "python"
    assert "BAHTH_ELASTICSEARCH_ANALYSIS" in store.describe()
    backend = ElasticBackend(elasticsearch.reader, es_alias)
    assert backend.analysis() == Analysis.PYTHON
    stored = client.get(index=es_alias, id="a1")["_source"]
    assert stored["body_terms"].split()[:3] == ["نص", "خبر", "رقم"]  # the Python terms
    result = backend.search(request(q="الانتخابات رقم 2"))
    assert [hit.id for hit in result.hits] == ["a2"] and "<mark>" in result.hits[0].snippet


def test_a_build_left_by_a_dead_run_is_removed_by_the_next(tmp_path, elasticsearch, es_alias):
    store = ElasticStore(elasticsearch.writer, es_alias)
    archive = write_jsonl(tmp_path / "a.jsonl", [article(1)])
    reindex.run([archive], store, workers=1)
    left = f"{es_alias}-v1-29990101000000000000"
    store.client.indices.create(index=left)
    reindex.run([archive], store, workers=1)
    counts, live = versions(store.client, es_alias)
    assert left not in counts and live == [store.live]


def test_an_index_in_the_way_of_the_alias_is_named(tmp_path, elasticsearch, es_alias):
    client = connect(elasticsearch.writer)
    client.indices.create(index=es_alias)
    try:
        with pytest.raises(BuildFailed, match="is an index, not an alias"):
            reindex.run(
                [write_jsonl(tmp_path / "a.jsonl", [article(1)])],
                ElasticStore(elasticsearch.writer, es_alias),
                workers=1,
            )
    finally:
        client.indices.delete(index=es_alias)


def test_api_and_article_page_on_elasticsearch(elasticsearch, es_alias, data_dir):
    reindex.run([ROOT / "sample"], ElasticStore(elasticsearch.writer, es_alias), workers=1)
    client = app_for(**elasticsearch.settings, elasticsearch_index=es_alias).test_client()
    health = client.get("/api/health").get_json()
    assert health["backend"] == "elasticsearch" and health["articles"] == 31
    found = client.get("/api/articles/bw-004").get_json()
    assert found["id"] == "bw-004" and "body_terms" not in found
    assert found["more_like_this"]
    assert client.get("/api/articles/nope").status_code == 404
    exported = client.get("/api/export?format=jsonl&q=الأمم").get_data(as_text=True)
    *lines, end = [json.loads(line) for line in exported.splitlines()]
    total = client.get("/api/search?q=الأمم").get_json()["total"]
    assert len(lines) == total == len({line["id"] for line in lines})
    assert end == {"export": {"complete": True, "rows": total}}
    page = client.get("/?q=الأمم+المتحدة")
    assert page.status_code == 200 and "<mark>" in page.get_data(as_text=True)
    # An actor's articles that name it only by a spelling another may have,
    # as the embedded engine finds them.
    party = "/api/actors/الحزب الديمقراطي الأمريكي"
    alone = client.get(party).get_json()["named_only_by"]
    assert alone and alone == app_for(data_dir).test_client().get(party).get_json()["named_only_by"]


# --- faults ---------------------------------------------------------------------


def test_unreachable_elasticsearch_cli_exit_1(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BAHTH_ELASTICSEARCH_URL", UNREACHABLE)
    assert cli.main(["search", "بوتين"]) == ExitStatus.FAILURE
    assert "cannot be reached" in capsys.readouterr().err
    archive = write_jsonl(tmp_path / "a.jsonl", [article(1)])
    assert (
        cli.main(["reindex", str(archive), "--rejects", str(tmp_path / "r.jsonl")])
        == ExitStatus.FAILURE
    )
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "live index was not changed" in err


def test_unreachable_elasticsearch_api_503_and_polite_page():
    app = app_for(elasticsearch_url=UNREACHABLE)
    response = app.test_client().get("/api/search?q=x")
    assert response.status_code == 503
    error = response.get_json()["error"]
    assert error["code"] == "backend_unavailable" and UNREACHABLE not in error["message"]
    page = app.test_client().get("/?q=x")
    assert page.status_code == 503 and "غير متاح" in page.get_data(as_text=True)
    export = app.test_client().get("/api/export?q=x&format=csv")
    assert export.status_code == 503 and export.get_json()["error"]["code"] == "backend_unavailable"


@pytest.mark.elasticsearch  # a node of its own, not the session's
def test_a_node_without_the_plugin_gets_the_python_path(tmp_path, capsys, monkeypatch):
    """A bare node (no analysis-bahth): a reindex says it uses the python path
    and why, search works; asked for the node path, it refuses, naming the plugin."""
    port = 9280
    started = es_node("start", port, BAHTH_ES_PLUGIN="none")
    assert started.returncode == 0, started.stderr[-2000:]
    url = f"http://127.0.0.1:{port}"
    try:
        assert not node_has_plugin(connect(url))
        monkeypatch.setenv("BAHTH_ELASTICSEARCH_URL", url)
        monkeypatch.setenv("BAHTH_ELASTICSEARCH_INDEX", "bare")
        rejects = str(tmp_path / "r.jsonl")
        assert cli.main(["reindex", str(ROOT / "sample"), "--rejects", rejects]) == ExitStatus.OK
        out, err = capsys.readouterr()
        assert "has no analysis-bahth plugin" in err and "bahth reindex: warning:" in err
        assert "(analysis: python, in Python: the node has no analysis-bahth plugin)" in out
        assert cli.main(["search", "زلزال", "--json"]) == ExitStatus.OK
        assert json.loads(capsys.readouterr().out)["total"] == 2
        monkeypatch.setenv("BAHTH_ELASTICSEARCH_ANALYSIS", "node")
        assert (
            cli.main(["reindex", str(ROOT / "sample"), "--rejects", rejects]) == ExitStatus.FAILURE
        )
        assert "has no analysis-bahth plugin, and BAHTH_ELASTICSEARCH_ANALYSIS=node" in (
            capsys.readouterr().err
        )
    finally:
        es_node("stop", port)


def test_node_killed_during_bulk_reindex(tmp_path, elasticsearch, shared_corpus):
    """A second real node, killed with SIGKILL while a reindex is loading it:
    the reindex waits BAHTH_ELASTICSEARCH_WAIT seconds for it, then gives up
    with the alias unchanged; when the node is back in time, it goes on."""
    port = 9270
    assert es_node("start", port).returncode == 0, "second test node did not start"
    url = f"http://127.0.0.1:{port}"
    alias = "killed"
    try:
        client = connect(url)
        delete_versions(client, alias)
        old = ElasticStore(url, alias)
        reindex.run(
            [write_jsonl(tmp_path / "old.jsonl", [article(n) for n in range(7)])], old, workers=1
        )
        corpus = shared_corpus / "ant-jawharafm"

        run = _reindex_killing_the_node(url, alias, corpus, port, wait=5)
        killed = time.monotonic()
        _, err = run.communicate(timeout=300)
        assert run.returncode == ExitStatus.FAILURE, err
        assert time.monotonic() - killed < 60  # it waited BAHTH_ELASTICSEARCH_WAIT, not longer
        assert "live index was not changed" in err and "cannot be reached" in err
        assert es_node("start", port).returncode == 0, "the node did not come back"
        counts, live = versions(client, alias)
        assert live == [old.live] and counts[old.live] == 7
        assert ElasticBackend(url, alias).search(request()).total == 7

        run = _reindex_killing_the_node(url, alias, corpus, port, wait=300)
        assert es_node("start", port).returncode == 0, "the node did not come back"
        out, err = run.communicate(timeout=600)
        assert run.returncode == ExitStatus.OK, err
        assert "does not answer" in err  # it waited, and sent again what was unanswered
        indexed = json.loads(out)["indexed"]
        counts, live = versions(client, alias)
        assert live != [old.live] and counts[live[0]] == indexed > 1_000

        # An add that loses the node: one line and one JSON object, no traceback.
        before = client.count(index=alias)["count"]
        env = {**os.environ, "BAHTH_ELASTICSEARCH_URL": url, "BAHTH_ELASTICSEARCH_INDEX": alias}
        many = [article(n, id=f"lost-{n}") for n in range(20_000)]
        adding = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "indexer.cli",
                "add",
                "--json",
                "--workers",
                "1",
                str(write_jsonl(tmp_path / "many.jsonl", many)),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert wait_until(lambda: client.count(index=alias)["count"] > before, cap=300)
        assert es_node("kill", port, "0").returncode == 0
        out, err = adding.communicate(timeout=600)
        assert adding.returncode == ExitStatus.FAILURE, err
        assert "Traceback" not in err and "cannot be reached" in err, err
        failure = [line for line in err.splitlines() if line.startswith("bahth add: failed")]
        assert len(failure) == 1, err
        assert json.loads(out) == {"status": 1, "error": failure[0].removeprefix("bahth add: ")}
    finally:
        es_node("stop", port)


def _reindex_killing_the_node(url, alias, corpus, port, wait):
    """A `bahth reindex --json` subprocess, once the node it loads has been
    SIGKILLed in the middle of the bulk load."""
    client = connect(url)
    env = {
        **os.environ,
        "BAHTH_ELASTICSEARCH_URL": url,
        "BAHTH_ELASTICSEARCH_INDEX": alias,
        "BAHTH_ELASTICSEARCH_WAIT": str(wait),
    }
    run = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "reindex", "--json", str(corpus)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and _indexed_into_new_version(client, alias) == 0:
        assert run.poll() is None, run.communicate()
        time.sleep(0.2)
    assert _indexed_into_new_version(client, alias) > 0, "the bulk load never started"
    assert es_node("kill", port, "0").returncode == 0
    return run


def _indexed_into_new_version(client, alias):
    try:
        stats = client.indices.stats(index=f"{alias}-v*", metric="indexing")["indices"]
        aliased = client.indices.get_alias(name=alias)
    except Exception:
        return 0
    return sum(
        s["primaries"]["indexing"]["index_total"]
        for name, s in stats.items()
        if name not in aliased
    )


# --- the production path, compiled without a server ------------------------------


def test_production_query_compiles_to_the_documented_dsl():
    search = request(
        q='قمة "كيم جونغ" -روسيا',
        source="skynews",
        actor="فلاديمير بوتين",
        date_from="2018-06",
        date_to="2018",
    )
    body = dsl.search_body(search, Analysis.NODE)
    selected = body["query"]["bool"]["filter"][0]["bool"]
    word, phrase = (group["bool"]["should"][0]["multi_match"] for group in selected["filter"])
    assert word == {
        "query": "قمة",
        "type": "phrase",
        "zero_terms_query": "all",
        "fields": ["title", "also_title", "body"],
    }
    assert phrase["query"] == "كيم جونغ"
    assert selected["must_not"][0]["multi_match"]["query"] == "روسيا"
    scored = body["query"]["bool"]["must"][0]["dis_max"]
    assert scored["tie_breaker"] == TIE_BREAKER
    assert [
        (q["bool"]["boost"], list(q["bool"]["should"][0]["match_phrase"]))
        for q in scored["queries"]
    ] == [
        (TITLE_BOOST, ["title"]),
        (TITLE_BOOST, ["also_title"]),
        (1.0, ["body"]),
    ]
    post = body["post_filter"]["bool"]["filter"]
    assert {"terms": {"member_source": ["skynews"]}} in post
    assert {
        "range": {"date": {"format": "strict_date", "gte": "2018-06-01", "lt": "2019-01-01"}}
    } in post
    source_counts = body["aggs"]["source"]["filter"]["bool"]["filter"]
    assert {"terms": {"member_source": ["skynews"]}} not in source_counts  # not its own filter
    actor = {"bool": {"filter": [{"terms": {"actors": ["فلاديمير بوتين"]}}]}}  # all actors chosen
    assert actor in source_counts and actor in post
    assert body["aggs"]["date"]["aggs"]["year"]["date_histogram"]["calendar_interval"] == "year"
    assert body["highlight"]["encoder"] == "html"
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    python = dsl.search_body(search, Analysis.PYTHON)
    python_selected = python["query"]["bool"]["filter"][0]["bool"]["filter"][0]
    assert python_selected["bool"]["should"][0]["multi_match"]["fields"] == [
        "title_terms",
        "also_title_terms",
        "body_terms",
    ]
    assert "highlight" not in python  # the Python highlighter marks those hits


def test_relaxed_query_wants_any_group():
    search = request(q="زلزال كوكب")
    strict = dsl.selection(search.query, Analysis.NODE)
    relaxed = dsl.selection(search.query, Analysis.NODE, relaxed=True)
    assert len(strict["bool"]["filter"]) == 2
    assert relaxed["bool"]["minimum_should_match"] == 1 and len(relaxed["bool"]["should"]) == 2
