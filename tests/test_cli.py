"""bahth search and bahth serve, as a terminal user and an operator run them."""

import argparse
import json
import logging
import os
import subprocess
import sys

import pytest

from indexer import __version__, cli, logs
from indexer.settings import SETTINGS, Settings
from indexer.status import ExitStatus

from .conftest import ROOT, Server, get


def search(capsys, monkeypatch, data_dir, *args):
    monkeypatch.setenv("BAHTH_DATA_DIR", str(data_dir))
    status = cli.main(["search", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_search_prints_hits_with_markers_and_facets(capsys, monkeypatch, data_dir):
    status, out, _ = search(capsys, monkeypatch, data_dir, "بوتين")
    assert status == 0
    assert out.startswith("1-3 of 3 articles\nalso searched: بوتن\n")  # bw-009 writes بوتن
    assert "[بوتين]" in out and "bw-001" in out
    assert "source: " in out


def test_search_says_when_no_article_has_every_word_and_pages_by_cursor(
    capsys, monkeypatch, data_dir
):
    status, out, _ = search(capsys, monkeypatch, data_dir, "بوتين", "xyzzyq")
    assert status == 0 and "no article has every word" in out.splitlines()[1]
    status, out, _ = search(capsys, monkeypatch, data_dir, "بوتين")
    assert "no article has every word" not in out
    # The cursor the first page prints gives the hits after it.
    _, first, _ = search(capsys, monkeypatch, data_dir, "بوتين", "--size", "2", "--json")
    first = json.loads(first)
    _, out, _ = search(capsys, monkeypatch, data_dir, "بوتين", "--size", "2")
    assert out.rstrip().endswith(f"next page: --cursor {first['next_cursor']}")
    _, after, _ = search(
        capsys, monkeypatch, data_dir, "بوتين", "--cursor", first["next_cursor"], "--json"
    )
    _, every, _ = search(capsys, monkeypatch, data_dir, "بوتين", "--json")
    every_id = [h["id"] for h in json.loads(every)["hits"]]
    assert [h["id"] for h in json.loads(after)["hits"]] == every_id[2:]
    _, out, _ = search(capsys, monkeypatch, data_dir, "بوتين", "--cursor", first["next_cursor"])
    assert out.startswith("1 after the cursor, of 3 articles")
    _, out, _ = search(capsys, monkeypatch, data_dir, "بوتين", "--size", "1", "--sort", "oldest")
    hint = out.rstrip().splitlines()[-1].split()
    assert hint[-2:] == ["--sort", "oldest"]
    _, out, _ = search(capsys, monkeypatch, data_dir, "بوتين", "--size", "1", *hint[2:])
    assert out.startswith("1 after the cursor, of 3 articles")
    status, _, err = search(capsys, monkeypatch, data_dir, "بوتين", "--cursor", "zz")
    assert status == ExitStatus.USAGE and "--cursor: " in err


def test_search_reads_a_source_typed_otherwise_and_names_one_it_does_not_know(
    capsys, monkeypatch, data_dir
):
    status, out, _ = search(capsys, monkeypatch, data_dir, "--source", "الجزيره", "--size", "0")
    assert status == 0 and "source الجزيره: الجزيرة" in out
    assert not out.startswith("0 articles")
    status, out, _ = search(capsys, monkeypatch, data_dir, "--source", "لا مصدر", "--size", "0")
    assert out.startswith("0 articles") and "no source لا مصدر" in out


def test_search_shows_a_codes_label_as_the_page_does(capsys, monkeypatch, tmp_path):
    from indexer import reindex
    from indexer.search.embedded import EmbeddedStore

    from .conftest import article, write_jsonl

    records = [article(1, category="internationalNews")]
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], EmbeddedStore(tmp_path / "data"))
    _, out, _ = search(capsys, monkeypatch, tmp_path / "data", "--size", "0")
    assert "category: أخبار دولية (1)" in out and "internationalNews" not in out


def test_search_filters_and_json(capsys, monkeypatch, data_dir):
    status, out, _ = search(
        capsys,
        monkeypatch,
        data_dir,
        "الأمم",
        "المتحدة",
        "--source",
        "الجزيرة",
        "--from",
        "2024-01-01",
        "--json",
    )
    body = json.loads(out)
    assert status == 0
    assert [h["id"] for h in body["hits"]] == ["csv-04"]


def test_search_bad_option_and_missing_index(capsys, monkeypatch, data_dir, tmp_path):
    status, _, err = search(capsys, monkeypatch, data_dir, "x", "--to", "2024-02-30")
    assert status == ExitStatus.USAGE and "--to: " in err and "--date-to" not in err
    status, _, err = search(capsys, monkeypatch, data_dir, "x", "--from", "2018-13")
    assert status == ExitStatus.USAGE and err.startswith("bahth search: --from: '2018-13'")
    # A page past the last one says where the last one is, not "N articles" and nothing.
    status, out, _ = search(capsys, monkeypatch, data_dir, "زلزال")
    total = int(out.split(" of ")[1].split(" articles")[0].replace(",", ""))
    status, out, err = search(capsys, monkeypatch, data_dir, "زلزال", "--page", "600")
    assert status == ExitStatus.USAGE and out == ""
    last = -(-total // 10)
    assert f"--page: is past the last page: {total:,} results make {last:,} page" in err
    status, _, err = search(capsys, monkeypatch, tmp_path / "none", "x")
    assert status == ExitStatus.FAILURE and "run `bahth reindex PATH` first" in err


def test_serve_runs_gunicorn_on_loopback(data_dir):
    server = Server(data_dir)
    try:
        status, _, body = get(server.port, "/api/health")
        assert status == 200
        assert json.loads(body) == {"status": "ok", "backend": "embedded", "articles": 31}
        _, _, page = get(server.port, "/?q=%D8%B2%D9%84%D8%B2%D8%A7%D9%84")
        assert "<mark>" in page.decode("utf-8")
    finally:
        output = server.stop()
    assert f"http://127.0.0.1:{server.port}/" in output


def test_version_and_help_list_every_setting_and_explain_every_option(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == f"bahth {__version__}"
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    top = capsys.readouterr().out
    assert [s.variable for s in SETTINGS if s.variable not in top] == []
    parsers = [cli.build_parser()]
    unexplained = []
    while parsers:
        parser = parsers.pop()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
            elif not action.help:
                unexplained.append(f"{parser.prog} {action.dest}")
    assert unexplained == []


def test_log_lines_carry_their_level_and_follow_bahth_log_level(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("BAHTH_DATA_DIR", str(tmp_path))
    logs.configure("reindex", Settings.from_env({"BAHTH_LOG_LEVEL": "info"}).logging_level)
    logging.getLogger("indexer.test").info("loading")
    logging.getLogger("indexer.test").error("broken")
    assert capsys.readouterr().err == "bahth reindex: info: loading\nbahth reindex: error: broken\n"
    logs.configure("reindex", Settings.from_env({"BAHTH_LOG_LEVEL": "error"}).logging_level)
    logging.getLogger("indexer.test").warning("quiet")
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("BAHTH_LOG_LEVEL", "loud")
    assert cli.main(["search", "x"]) == ExitStatus.USAGE
    assert "BAHTH_LOG_LEVEL must be one of debug, info, warning, error" in capsys.readouterr().err


@pytest.mark.parametrize(
    "setting, value, said",
    [
        ("BAHTH_PAGE_SIZE", "500", "BAHTH_PAGE_SIZE must be from 1 to BAHTH_MAX_PAGE_SIZE (100)"),
        ("BAHTH_PAGE_SIZE", "0", "BAHTH_PAGE_SIZE must be from 1"),
        ("BAHTH_MAX_QUERY_CHARS", "0", "BAHTH_MAX_QUERY_CHARS must be 1 or more"),
        ("BAHTH_SEARCH_TIMEOUT", "-1", "BAHTH_SEARCH_TIMEOUT must be 1 or more"),
        ("BAHTH_MAX_IN_FLIGHT", "0", "BAHTH_MAX_IN_FLIGHT must be 1 or more"),
        ("BAHTH_MAX_BODY_CHARS", "0", "BAHTH_MAX_BODY_CHARS must be 1 or more"),
        ("BAHTH_ELASTICSEARCH_KEEP", "-1", "BAHTH_ELASTICSEARCH_KEEP must be 0 or more"),
    ],
)
def test_a_limit_out_of_its_range_is_refused_naming_the_setting(
    setting, value, said, capsys, monkeypatch, tmp_path
):
    # Not a server that starts and then refuses every search, blaming `size`.
    monkeypatch.setenv("BAHTH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv(setting, value)
    assert cli.main(["search", "x"]) == ExitStatus.USAGE
    assert said in capsys.readouterr().err


def test_workers_and_rejects_are_counted_in_their_range(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("BAHTH_DATA_DIR", str(tmp_path))
    for option, value, said in (
        ("--workers", "0", "must be 1 or more"),
        ("--workers", str(4 * (os.cpu_count() or 1) + 1), "more than 4 a core"),
        ("--max-rejects", "-1", "must be 0 or more"),
    ):
        with pytest.raises(SystemExit) as exit_:
            cli.main(["reindex", str(ROOT / "sample"), option, value])
        assert exit_.value.code == ExitStatus.USAGE and said in capsys.readouterr().err
    assert not (tmp_path / "index").exists()


def test_an_actor_edits_file_named_but_missing_is_an_error_not_no_edits(
    capsys, monkeypatch, tmp_path
):
    monkeypatch.setenv("BAHTH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("BAHTH_ACTOR_EDITS", str(tmp_path / "typo.tsv"))
    assert cli.main(["reindex", str(ROOT / "sample")]) == ExitStatus.USAGE
    assert "(BAHTH_ACTOR_EDITS)" in capsys.readouterr().err
    assert cli.main(["actors", "check"]) == ExitStatus.USAGE
    assert "typo.tsv: no such file" in capsys.readouterr().err
    monkeypatch.delenv("BAHTH_ACTOR_EDITS")  # the default file may not exist yet
    assert cli.main(["reindex", str(ROOT / "sample"), "--workers", "1"]) == ExitStatus.OK


def test_reindex_json_summary(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("BAHTH_DATA_DIR", str(tmp_path / "data"))
    status = cli.main(["reindex", str(ROOT / "sample"), "--json", "--workers", "1"])
    report = json.loads(capsys.readouterr().out)
    assert status == report["status"] == ExitStatus.OK
    assert report["indexed"] == 31 and report["rejected"] == 0
    assert report["read"] == report["indexed"] + report["duplicates"]
    assert report["index"] == str(tmp_path / "data" / "index")
    status = cli.main(["reindex", str(tmp_path / "missing"), "--json"])
    failure = json.loads(capsys.readouterr().out)
    assert status == failure["status"] == ExitStatus.FAILURE and "missing" in failure["error"]


def test_any_failure_ends_a_command_with_one_line_one_object_and_its_status(
    capsys, monkeypatch, tmp_path
):
    """What a command raises is reported in one place (status.failure): no
    traceback, one line saying what it means for the index, and under --json
    one {"status", "error"} object."""
    from indexer import reindex

    def broken(*args, **kwargs):
        raise RuntimeError("a fault of Bahth's own")

    monkeypatch.setenv("BAHTH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(reindex, "run", broken)
    status = cli.main(["reindex", str(ROOT / "sample"), "--json"])
    out, err = capsys.readouterr()
    assert status == ExitStatus.FAILURE
    assert err == (
        "bahth reindex: failed: RuntimeError: a fault of Bahth's own; "
        "the live index was not changed.\n"
    )
    assert json.loads(out) == {"status": 1, "error": err.removeprefix("bahth reindex: ").strip()}

    monkeypatch.setenv("BAHTH_ACTORS", str(tmp_path / "nowhere.tsv"))
    assert cli.main(["search", "x", "--json"]) == ExitStatus.USAGE
    out, err = capsys.readouterr()
    assert err.startswith("bahth search: actor gazetteer (BAHTH_ACTORS): ")
    assert json.loads(out)["status"] == ExitStatus.USAGE


@pytest.mark.parametrize("command", ["search", "add", "remove"])
def test_output_to_a_reader_that_is_gone_ends_quietly(tmp_path, command):
    """`bahth COMMAND ... | true`: no traceback when the reader has gone."""
    data = tmp_path / "data"
    env = {**os.environ, "BAHTH_DATA_DIR": str(data)}
    subprocess.run(
        [sys.executable, "-m", "indexer.cli", "reindex", str(ROOT / "sample")],
        env=env,
        capture_output=True,
        check=True,
    )
    arguments = {
        "search": ["search", "ترامب"],
        "add": ["add", str(ROOT / "sample")],
        "remove": ["remove", "bw-001"],
    }[command]
    bahth = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", *arguments],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    bahth.stdout.close()  # the reader is gone before anything is printed
    assert b"Traceback" not in bahth.stderr.read()
    bahth.wait()


def test_search_prints_no_control_character_an_index_holds(capsys, monkeypatch, tmp_path):
    """An index an older Bahth built may hold ESC or RLO in its text: a
    terminal must not obey them."""
    from indexer.articles import Article, analyze_article
    from indexer.search.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "data")
    article = Article(
        id="old-1",
        title="\x1b[2J\x1b[31mزلزال \u202egpj.exe",
        body="ضرب زلزال المدينة \x07 صباح اليوم " * 5,
        source="قديم\x1b]0;title\x07",
    )
    with store.new_version() as loader:
        loader.add(article, analyze_article(article))
    monkeypatch.setenv("BAHTH_DATA_DIR", str(tmp_path / "data"))
    assert cli.main(["search", "زلزال"]) == ExitStatus.OK
    out = capsys.readouterr().out
    assert "زلزال" in out and "old-1" in out
    assert not any(c in out for c in "\x1b\x07\u202e")


def test_search_batch_prints_a_table_and_names_a_bad_file(capsys, monkeypatch, data_dir, tmp_path):
    listed = tmp_path / "names.txt"
    listed.write_text("\ufeffبوتين\n\nترامب\n", encoding="utf-8")
    status, out, _ = search(capsys, monkeypatch, data_dir, "--batch", str(listed))
    lines = out.splitlines()
    assert status == ExitStatus.OK and lines[0].startswith("query\ttotal\tyears\tsources")
    _, alone, _ = search(capsys, monkeypatch, data_dir, "بوتين", "--json")
    assert lines[1].split("\t")[:2] == ["بوتين", str(json.loads(alone)["total"])]
    assert [line.split("\t")[0] for line in lines[1:]] == ["بوتين", "ترامب"]
    status, out, _ = search(capsys, monkeypatch, data_dir, "--batch", str(listed), "--json")
    assert [row["query"] for row in json.loads(out)["results"]] == ["بوتين", "ترامب"]
    status, _, err = search(capsys, monkeypatch, data_dir, "--batch", str(tmp_path / "none"))
    assert status == ExitStatus.USAGE and "none: No such file" in err
    status, _, err = search(capsys, monkeypatch, data_dir, "--batch", str(listed), "--from", "x")
    assert status == ExitStatus.USAGE and "--from:" in err
