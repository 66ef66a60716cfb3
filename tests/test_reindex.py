"""bahth reindex end to end on the embedded index, with hostile input."""

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest

from indexer import cli, reindex, runs
from indexer.readers import RawRecord, read_archive, read_pieces
from indexer.search.embedded import EmbeddedStore
from indexer.status import ExitStatus, Terminated

from .conftest import ROOT, article, by_id, indexed, processes_tagged, wait_until, write_jsonl


def run_cli(*args, data_dir, monkeypatch):
    monkeypatch.setenv("BAHTH_DATA_DIR", str(data_dir))
    return cli.main(["reindex", "--workers", "1", *map(str, args)])


def rejects_of(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def hostile(tmp_path):
    """An archive where every file but one carries a different fault."""
    folder = tmp_path / "archive"
    folder.mkdir()
    good = [article(n) for n in range(1, 6)]
    write_jsonl(folder / "good.jsonl", good)
    lines = [
        json.dumps(article(10), ensure_ascii=False),
        json.dumps(article(11), ensure_ascii=False)[:50],  # truncated line
        json.dumps(article(12, title="", body=""), ensure_ascii=False),  # empty fields
        json.dumps({"id": "a13"}),  # missing fields
        json.dumps(article(14, title="<b>عاجل</b><script>alert(1)</script> خبر")),
        json.dumps(article(15, date="0001-01-01")),
        json.dumps(article(16, date="2100-05-05T00:00:00Z")),
        json.dumps(article(17, tags="سياسة، اقتصاد | رياضة")),
        json.dumps(article(3, body="نص مختلف تماما " * 10)),  # ID reused
        json.dumps(article(18, title=["not", "text"])),
    ]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "utf16.jsonl").write_text(
        json.dumps(article(20), ensure_ascii=False) + "\n", encoding="utf-16"
    )
    (folder / "legacy.csv").write_bytes(
        (
            "id,title,body,date,source\n"
            "c1,وزارة الخارجية تعلن,نص الخبر عن وزارة الخارجية في العاصمة,28/06/2018,العربية\n"
        ).encode("cp1256")
    )
    (folder / "bom.jsonl").write_bytes(
        b"\xef\xbb\xbf" + json.dumps(article(21), ensure_ascii=False).encode("utf-8") + b"\n"
    )
    (folder / "nul.jsonl").write_bytes(
        json.dumps(article(22), ensure_ascii=False).encode("utf-8").replace(b"\xd8", b"\0\xd8", 3)
    )
    huge = article(23, body="كلمة " * 10_500_000)  # about 50 MB of UTF-8
    write_jsonl(folder / "huge.jsonl", [huge])
    return folder


def test_hostile_archive_indexes_the_rest_and_reports_each_fault(hostile, tmp_path, monkeypatch):
    data = tmp_path / "data"
    rejects_file = tmp_path / "rejects.jsonl"
    status = run_cli(hostile, "--rejects", rejects_file, data_dir=data, monkeypatch=monkeypatch)
    assert status == ExitStatus.REJECTS

    ids = set(by_id(data))
    expected = {
        "a1",
        "a2",
        "a3",
        "a4",
        "a5",
        "a10",
        "a14",
        "a15",
        "a16",
        "a17",
        "a20",
        "a21",
        "a22",
        "a23",
        "c1",
    }
    assert ids == expected

    rejects = rejects_of(rejects_file)
    rejected = {
        (r["file"].rsplit("/", 1)[-1], r["line"], r["field"], r["action"])
        for r in rejects
        if r["action"] == "rejected"
    }
    assert ("mixed.jsonl", 2, None, "rejected") in rejected  # truncated JSON
    assert ("mixed.jsonl", 3, "body", "rejected") in rejected  # empty title and body
    assert ("mixed.jsonl", 4, "body", "rejected") in rejected  # only an id
    assert ("mixed.jsonl", 10, "title", "rejected") in rejected  # title not text
    conflict = [r for r in rejects if r["field"] == "id"]
    assert len(conflict) == 1 and "good.jsonl:3" in conflict[0]["reason"]
    assert conflict[0]["file"].endswith("mixed.jsonl") and conflict[0]["line"] == 9
    notes = {
        (r["file"].rsplit("/", 1)[-1], r["field"], r["action"])
        for r in rejects
        if r["action"] != "rejected"
    }
    assert ("mixed.jsonl", "date", "no_date") in notes
    assert ("huge.jsonl", "body", "truncated") in notes

    records = by_id(data)
    assert records["a14"]["title"] == "عاجل خبر"
    assert records["a15"]["date"] is None and records["a16"]["date"] is None
    assert records["a17"]["tags"] == ["سياسة", "اقتصاد", "رياضة"]
    legacy = records["c1"]
    assert (legacy["title"], legacy["source"], legacy["date"]) == (
        "وزارة الخارجية تعلن",
        "العربية",
        "2018-06-28T00:00:00Z",
    )
    assert 999_990 <= len(records["a23"]["body"]) <= 1_000_000


def test_exact_duplicates_become_one_article_that_names_the_others(tmp_path, monkeypatch):
    body = "خبر واحد نشرته عدة مواقع عن القمة العربية في بيروت اليوم. " * 3
    write_jsonl(
        tmp_path / "in.jsonl",
        [
            article(1, body=body, url="https://a.example/1", source="skynews"),
            article(
                2, body=body.replace("القمة", "القمّة"), url="https://b.example/2", source="BBC"
            ),
            article(1, body=body, url="https://a.example/1", source="skynews"),  # same record again
        ],
    )
    data = tmp_path / "data"
    assert run_cli(tmp_path / "in.jsonl", data_dir=data, monkeypatch=monkeypatch) == ExitStatus.OK
    (only,) = indexed(data)
    assert only["id"] == "a1"
    assert only["also"] == [
        {
            "id": "a2",
            "url": "https://b.example/2",
            "source": "بي بي سي عربي",
            "title": "عنوان الخبر رقم 2",
        }
    ]


def test_stable_ids_same_index_twice(tmp_path, monkeypatch):
    write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"title": "بلا معرف", "body": "نص", "url": "https://x.example/a"},
            {"title": "بلا معرف ولا رابط", "body": "نص آخر"},
        ],
    )
    data = tmp_path / "data"
    run_cli(tmp_path / "in.jsonl", data_dir=data, monkeypatch=monkeypatch)
    first = sorted(by_id(data))
    run_cli(tmp_path / "in.jsonl", data_dir=data, monkeypatch=monkeypatch)
    assert sorted(by_id(data)) == first
    assert [i[:2] for i in first] == ["h-", "u-"]


@pytest.fixture
def live(tmp_path, monkeypatch):
    """A live index holding a1, and a second archive (a2..a49) to reindex over it."""
    data = tmp_path / "data"
    write_jsonl(tmp_path / "v1.jsonl", [article(1)])
    assert run_cli(tmp_path / "v1.jsonl", data_dir=data, monkeypatch=monkeypatch) == 0
    write_jsonl(tmp_path / "v2.jsonl", [article(n) for n in range(2, 50)])
    return data


def assert_untouched(data):
    assert list(by_id(data)) == ["a1"]
    assert not list(data.glob("*-building-*"))


def test_too_many_rejects_leaves_the_live_index(live, tmp_path, monkeypatch):
    (tmp_path / "v2.jsonl").write_text('{"broken\n{"also broken\n', encoding="utf-8")
    status = run_cli(
        tmp_path / "v2.jsonl", "--max-rejects", "1", data_dir=live, monkeypatch=monkeypatch
    )
    assert status == ExitStatus.FAILURE
    assert_untouched(live)


def test_a_failure_mid_load_leaves_the_live_index(live, tmp_path, monkeypatch):
    """A fault we cannot cause from outside (the disk failing mid-load) is simulated."""
    calls = {"n": 0}
    original = reindex._take

    def failing_load(*args):
        calls["n"] += 1
        if calls["n"] == 20:
            raise OSError(5, "Input/output error")
        return original(*args)

    monkeypatch.setattr(reindex, "_take", failing_load)
    with pytest.raises(OSError, match="Input/output error"):
        reindex.run([tmp_path / "v2.jsonl"], EmbeddedStore(live), workers=1)
    assert_untouched(live)
    calls["n"] = 0
    assert (
        run_cli(tmp_path / "v2.jsonl", data_dir=live, monkeypatch=monkeypatch) == ExitStatus.FAILURE
    )
    assert_untouched(live)


def test_interrupt_leaves_the_live_index(live, tmp_path, monkeypatch):
    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(reindex, "_take", interrupted)
    status = run_cli(tmp_path / "v2.jsonl", data_dir=live, monkeypatch=monkeypatch)
    assert status == ExitStatus.INTERRUPTED
    assert_untouched(live)


def test_a_ctrl_c_mid_load_ends_the_run_at_the_next_record(live, tmp_path, monkeypatch):
    taken = {"n": 0}
    original = reindex._take

    def interrupted_once(*args):
        if taken["n"] == 4:
            # A Ctrl-C: the handler sets the run's stop, the record is taken.
            assert signal.getsignal(signal.SIGINT) is not signal.default_int_handler
            os.kill(os.getpid(), signal.SIGINT)
        original(*args)
        taken["n"] += 1

    monkeypatch.setattr(reindex, "_take", interrupted_once)
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    status = run_cli(tmp_path / "v2.jsonl", data_dir=live, monkeypatch=monkeypatch)
    assert (status, taken["n"]) == (ExitStatus.INTERRUPTED, 5)  # not 143, SIGTERM's
    assert_untouched(live)
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


def test_a_ctrl_c_in_the_first_pass_or_after_the_last_record_switches_nothing(
    live, tmp_path, monkeypatch
):
    for stage, shown in (("_leads_of", "first pass"), ("_refused", "records")):
        original = getattr(reindex, stage)

        def interrupted(*args, original=original, **kwargs):
            os.kill(os.getpid(), signal.SIGINT)
            return original(*args, **kwargs)

        with monkeypatch.context() as patched:
            patched.setattr(reindex, stage, interrupted)
            status = run_cli(tmp_path / "v2.jsonl", data_dir=live, monkeypatch=monkeypatch)
        assert status == ExitStatus.INTERRUPTED, stage
        assert_untouched(live)
        # What /metrics shows: the run was stopped, and in which stage.
        (run,) = runs.runs(live)
        assert (run["state"], run["stage"]) == ("interrupted", shown)


def test_a_ctrl_c_as_the_new_index_is_switched_in_never_says_it_was_not(
    live, tmp_path, monkeypatch, capsys
):
    # Once switched, the run is done: it reports what it did, not "not changed".
    switch = EmbeddedStore._switch

    def switched_then_interrupted(self, version):
        switch(self, version)
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(EmbeddedStore, "_switch", switched_then_interrupted)
    status = run_cli(tmp_path / "v2.jsonl", data_dir=live, monkeypatch=monkeypatch)
    out, err = capsys.readouterr()
    assert status == ExitStatus.OK and "not changed" not in err
    assert "48 indexed" in out and len(by_id(live)) == 48


def test_missing_path_fails_before_building(tmp_path, monkeypatch, capsys):
    status = run_cli(tmp_path / "nowhere", data_dir=tmp_path / "data", monkeypatch=monkeypatch)
    assert status == ExitStatus.FAILURE
    assert "nowhere: no such file or folder" in capsys.readouterr().err


def test_a_reindex_in_one_process_keeps_the_callers_signal_handlers(tmp_path):
    # Only worker processes ignore Ctrl-C; a caller (and what it starts later) must not.
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    reindex.run(
        [write_jsonl(tmp_path / "a.jsonl", [article(1)])], EmbeddedStore(tmp_path / "d"), workers=1
    )
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


def test_an_id_over_512_bytes_is_rejected_as_elasticsearch_would(tmp_path):
    rejects = tmp_path / "rejects.jsonl"
    records = [
        article(1),
        article(2, id="\N{NEWSPAPER}" * 128),
        article(3, id="\N{NEWSPAPER}" * 129),
    ]
    summary = reindex.run(
        [write_jsonl(tmp_path / "a.jsonl", records)],
        EmbeddedStore(tmp_path / "d"),
        rejects_path=rejects,
        workers=1,
    )
    assert summary.indexed == 2  # 128 four-byte characters: 512 bytes, the most allowed
    (rejected,) = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert (rejected["line"], rejected["field"]) == (3, "id")
    assert "512 bytes" in rejected["reason"]


def test_worker_processes_give_the_same_index(tmp_path, monkeypatch):
    for n in range(12):
        write_jsonl(tmp_path / f"part{n:02}.jsonl", [article(n * 10 + k) for k in range(5)])
    one, two = tmp_path / "one", tmp_path / "two"
    reindex.run([tmp_path / "part*.jsonl"], EmbeddedStore(one), workers=1)
    monkeypatch.setattr(reindex, "SHARE_FILES", 2)
    reindex.run([tmp_path / "part*.jsonl"], EmbeddedStore(two), workers=2)
    assert indexed(one) == indexed(two)
    assert len(indexed(one)) == 60


def test_large_jsonl_files_are_read_in_slices_with_their_line_numbers(tmp_path, monkeypatch):
    lines = [json.dumps(article(n), ensure_ascii=False) for n in range(1, 301)]
    lines[150] = lines[150][:30]  # a broken line in the middle
    (tmp_path / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(reindex, "SHARE_BYTES", 4096)
    assert len(list(reindex.Plan([tmp_path / "big.jsonl"], 4096, 200))) > 10
    rejects = tmp_path / "rejects.jsonl"
    summary = reindex.run(
        [tmp_path / "big.jsonl"], EmbeddedStore(tmp_path / "data"), rejects_path=rejects, workers=2
    )
    assert summary.indexed == 299
    assert [(r["line"], r["action"]) for r in rejects_of(rejects)] == [(151, "rejected")]
    assert [r["id"] for r in indexed(tmp_path / "data")[:3]] == ["a1", "a2", "a3"]


def _tagged_archive(kind):
    """A TREC file or an RSS feed of 300 articles, one of them never closed,
    one whose CDATA holds a line "<item>" (no record starts there)."""
    bodies = [f"نص الخبر رقم {n} عن الانتخابات في المدينة. " * 4 for n in range(1, 301)]
    bodies[99] = "<p>مثال:</p>\n<item>\n" + bodies[99]
    if kind == "trec":
        records = [
            f"<DOC>\n<DOCNO>d{n}</DOCNO>\n<TITLE>عنوان {n}</TITLE>\n<TEXT>\n{body}\n</TEXT>\n</DOC>"
            for n, body in enumerate(bodies, 1)
        ]
        records[150] = records[150].replace("</DOC>", "")
        return "\n".join(records) + "\n"
    records = [
        f"<item>\n<guid>d{n}</guid>\n<title>عنوان {n}</title>\n"
        f"<description><![CDATA[{body}]]></description>\n</item>"
        for n, body in enumerate(bodies, 1)
    ]
    records[150] = records[150].replace("</item>", "")
    return (
        "<rss><channel><title>وكالة المثال</title>\n" + "\n".join(records) + "\n</channel></rss>\n"
    )


@pytest.mark.parametrize("kind", ["trec", "feed"])
def test_large_trec_and_feed_files_are_read_in_slices_as_they_are_read_whole(
    kind, tmp_path, monkeypatch
):
    path = tmp_path / f"big.{'sgml' if kind == 'trec' else 'xml'}"
    path.write_text(_tagged_archive(kind), encoding="utf-8")
    plan = list(reindex.Plan([path], 4096, 200))
    assert len(plan) > 10 and {p.kind for share in plan for p in share.pieces} == {kind}
    found = {}
    for share_bytes in (4096, 2**30):
        monkeypatch.setattr(reindex, "SHARE_BYTES", share_bytes)
        rejects = tmp_path / f"rejects-{share_bytes}.jsonl"
        data = tmp_path / f"data-{share_bytes}"
        summary = reindex.run([path], EmbeddedStore(data), rejects_path=rejects, workers=2)
        articles = indexed(data)
        found[share_bytes] = (
            summary.indexed,
            sorted((a["id"], a["source"], a["title"]) for a in articles),
            [(r["line"], r["action"]) for r in rejects_of(rejects)],
        )
    assert found[4096] == found[2**30]
    count, articles, notes = found[4096]
    # The record never closed, by its line (7 lines a <DOC>, 5 an item, and
    # the two of the CDATA before it).
    opened = 1 + 150 * 7 + 2 if kind == "trec" else 2 + 150 * 5 + 2
    assert count == 299
    assert [line for line, action in notes if action == "rejected"] == [opened]
    if kind == "feed":
        assert {source for _, source, _ in articles} == {"وكالة المثال"}


def test_a_forced_format_decides_how_a_large_file_is_cut(tmp_path):
    rows = ["id,title,body", "c0,عن الصيغ,يبدأ كل سجل بالوسم <DOC> وينتهي بالوسم </DOC>"]
    rows += [f"c{n},عنوان {n},نص {n}" for n in range(1, 400)]
    path = tmp_path / "table.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    plan = list(reindex.Plan([path], 2048, 200, forced_format="csv"))
    pieces = [piece for share in plan for piece in share.pieces]
    assert [piece.end for piece in pieces] == [None]  # CSV is read whole, not cut as TREC
    found = [i for i in read_pieces(pieces, forced_format="csv") if isinstance(i, RawRecord)]
    assert len(found) == 400


def test_a_writer_refused_as_another_writes_touches_neither_its_rejects_nor_its_state(
    live, tmp_path, monkeypatch, capsys
):
    # The busy writer's rejects file and run state, as it has them mid-run.
    theirs = tmp_path / "rejects.jsonl"
    theirs.write_text('{"line": 7}\n', encoding="utf-8")
    (tmp_path / "arch" / "folder").mkdir(parents=True)
    (tmp_path / "arch" / "news.jsonl").write_text(json.dumps(article(60)) + "\n")
    (tmp_path / "arch" / "link").symlink_to(tmp_path / "arch" / "folder")  # a skipped line
    state = live / "runs" / "reindex.json"
    state.write_text('{"state": "running", "pid": 1}', encoding="utf-8")
    with EmbeddedStore(live).writing():
        status = run_cli(
            tmp_path / "v2.jsonl",
            tmp_path / "arch",
            "--rejects",
            theirs,
            data_dir=live,
            monkeypatch=monkeypatch,
        )
    assert status == ExitStatus.BUSY and "nothing was done" in capsys.readouterr().err
    assert theirs.read_text(encoding="utf-8") == '{"line": 7}\n'
    assert state.read_text(encoding="utf-8") == '{"state": "running", "pid": 1}'
    # A rejects file among the files to read is refused before anything is read.
    archive = tmp_path / "v2.jsonl"
    before = archive.read_bytes()
    for given, rejects in (
        (tmp_path, archive),
        (tmp_path, tmp_path / "rejects-here.jsonl"),
        (f"{tmp_path}/*.jsonl", tmp_path / "rejects-here.jsonl"),  # a glob Bahth expands
    ):
        status = run_cli(given, "--rejects", rejects, data_dir=live, monkeypatch=monkeypatch)
        assert status == ExitStatus.USAGE and "among the files to read" in capsys.readouterr().err
    assert archive.read_bytes() == before and not (tmp_path / "rejects-here.jsonl").exists()
    assert_untouched(live)


def test_a_field_nested_hundreds_deep_costs_its_record_not_the_run(tmp_path):
    # Read by json, it could not be sent from a worker to the main process.
    deep = article(2)
    deep["meta"] = json.loads("[" * 500 + "]" * 500)
    archive = write_jsonl(tmp_path / "a.jsonl", [article(1), deep, article(3)])
    rejects = tmp_path / "rejects.jsonl"
    summary = reindex.run(
        [archive], EmbeddedStore(tmp_path / "data"), rejects_path=rejects, workers=2
    )
    assert (summary.indexed, summary.rejected_total) == (2, 1)
    ((line, field, reason),) = [(r["line"], r["field"], r["reason"]) for r in rejects_of(rejects)]
    assert (line, field) == (2, "meta") and "nested more than 32 levels deep" in reason


def test_a_clean_run_removes_an_earlier_runs_rejects_under_its_name(tmp_path, monkeypatch):
    rejects = tmp_path / "rejects.jsonl"
    rejects.write_text('{"line": 2, "reason": "an earlier run\'s"}\n', encoding="utf-8")
    good = write_jsonl(tmp_path / "good.jsonl", [article(1)])
    status = run_cli(
        good, "--rejects", rejects, data_dir=tmp_path / "data", monkeypatch=monkeypatch
    )
    assert status == ExitStatus.OK and not rejects.exists()


def test_a_clean_run_leaves_no_rejects_file(tmp_path, monkeypatch):
    write_jsonl(tmp_path / "in.jsonl", [article(1)])
    rejects = tmp_path / "rejects.jsonl"
    assert (
        run_cli(
            tmp_path / "in.jsonl",
            "--rejects",
            rejects,
            data_dir=tmp_path / "data",
            monkeypatch=monkeypatch,
        )
        == ExitStatus.OK
    )
    assert not rejects.exists()
    # Nor names one: the summary's rejects_file is null.
    done = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "add", str(tmp_path / "in.jsonl"), "--json"],
        env={**os.environ, "BAHTH_DATA_DIR": str(tmp_path / "data"), "BAHTH_ELASTICSEARCH_URL": ""},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    summary = json.loads(done.stdout)
    assert summary["rejects_file"] is None and summary["unchanged"] == 1


def test_an_archive_with_nothing_indexable_never_replaces_the_live_index(
    live, tmp_path, monkeypatch, capsys
):
    (tmp_path / "junk.jsonl").write_text('{"broken\n', encoding="utf-8")
    assert (
        run_cli(tmp_path / "junk.jsonl", data_dir=live, monkeypatch=monkeypatch)
        == ExitStatus.FAILURE
    )
    assert "no article could be indexed" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert run_cli(tmp_path / "empty", data_dir=live, monkeypatch=monkeypatch) == ExitStatus.FAILURE
    assert "holds no file" in capsys.readouterr().err
    assert_untouched(live)


def test_records_under_other_field_names_say_which_and_how_to_read_them(
    live, tmp_path, monkeypatch, capsys
):
    """A JSON export that names its fields its own way (hed, copy) fails
    with the reason and the fields in its one line, as in the rejects file,
    and --map reads it."""
    export = write_jsonl(
        tmp_path / "export.jsonl",
        [{"hed": f"عنوان {n}", "copy": f"نص الخبر رقم {n} " * 9} for n in range(3)],
    )
    assert run_cli(export, data_dir=live, monkeypatch=monkeypatch) == ExitStatus.FAILURE
    line = capsys.readouterr().err.strip().splitlines()[-1]  # after the progress lines
    assert line.startswith("bahth reindex: failed: no article could be indexed")
    assert "3 rejected for no title and no body (its other fields: hed, copy;" in line
    assert "--map NAME=title" in line and "not changed;" in line
    rejects = sorted(live.glob("rejects-*.jsonl"))[-1]
    assert "its other fields: hed, copy" in rejects.read_text(encoding="utf-8")
    assert_untouched(live)
    limited = ["--max-rejects", "1"]
    assert run_cli(export, *limited, data_dir=live, monkeypatch=monkeypatch) == ExitStatus.FAILURE
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert "more than 1 records rejected (3 rejected for no title and no body (its" in line
    mapped = ["--map", "hed=title", "--map", "copy=body"]
    assert run_cli(export, *mapped, data_dir=live, monkeypatch=monkeypatch) == ExitStatus.OK


def test_the_usual_names_of_other_systems_are_read_as_bahths_fields(tmp_path):
    """A news API's JSON (headline, content, publishedAt, link) and an Arabic
    newsroom's CSV (العنوان, النص, التاريخ, المصدر) are read without --map;
    a record that has Bahth's own field keeps it, and --map wins."""
    folder = tmp_path / "exports"
    folder.mkdir()
    write_jsonl(
        folder / "api.jsonl",
        [
            {
                "headline": "عنوان الخبر",
                "content": "نص الخبر عن الانتخابات " * 5,
                "publishedAt": "2018-06-28T10:00:00Z",
                "link": "https://example.com/a",
                "id": "api-1",
            },
            {"title": "العنوان نفسه", "headline": "عنوان آخر", "body": "نص", "id": "api-2"},
        ],
    )
    (folder / "newsroom.csv").write_text(
        "المعرف;العنوان;النص;التاريخ;المصدر\n"
        "nr-1;عنوان عربي;نص الخبر عن بوتين في موسكو;2018-03-02;سكاي نيوز\n",
        encoding="utf-8",
    )
    records = {r.fields["id"]: r.fields for r in _raw(folder)}
    api = records["api-1"]
    assert (api["title"], api["date"], api["url"]) == (
        "عنوان الخبر",
        "2018-06-28T10:00:00Z",
        "https://example.com/a",
    )
    assert api["body"].startswith("نص الخبر") and "headline" not in api
    assert records["api-2"]["title"] == "العنوان نفسه" and records["api-2"]["headline"]
    newsroom = records["nr-1"]
    assert (newsroom["title"], newsroom["date"], newsroom["source"]) == (
        "عنوان عربي",
        "2018-03-02",
        "سكاي نيوز",
    )
    mapped = list(read_archive([folder / "api.jsonl"], column_map={"headline": "subtitle"}))
    assert mapped[0].fields["subtitle"] == "عنوان الخبر" and "title" not in mapped[0].fields


def test_an_author_that_is_no_ones_name_is_kept_as_an_id_not_shown():
    # Al Arabiya's export gives 458 articles of ../shared/corpus a UUID for author.
    from indexer.articles import ArticleBuilder

    def built(author):
        fields = {"title": "خبر", "body": "نص الخبر", "author": author}
        return ArticleBuilder().build(RawRecord("a.jsonl", 1, fields)).article

    uuid = built("d5a517f0-0be3-4e0d-9706-6c02e2d97ed5")
    assert (
        uuid.author == ""
        and uuid.extra["author_as_given"] == "d5a517f0-0be3-4e0d-9706-6c02e2d97ed5"
    )
    assert built("40213").author == "" and built("40213").extra["author_as_given"] == "40213"
    for name in ("القاهرة - أحمد الريدي", "Reuters", "Ada 2"):
        assert built(name).author == name and "author_as_given" not in built(name).extra


def _raw(folder):
    return [r for r in read_archive([folder]) if isinstance(r, RawRecord)]


def test_reindex_tags_with_the_gazetteer_it_is_given_and_picks_up_edits(tmp_path, monkeypatch):
    gazetteer = tmp_path / "actors.tsv"
    header = "name\ttype\taliases\tambiguous\tcontext\n"
    gazetteer.write_text(header + "دونالد ترامب\tperson\tترمب\n", encoding="utf-8")
    monkeypatch.setenv("BAHTH_ACTORS", str(gazetteer))
    archive = write_jsonl(
        tmp_path / "in.jsonl",
        [
            article(1, body="قال ترمب إن المحادثات مع بوتن كانت جيدة. " * 3),
            article(2, body="أعلن فلاديمير بوتين فوزه. " * 5, actors=["فلان الفلاني"]),
        ],
    )
    data = tmp_path / "data"

    def actors():
        return sorted((r["id"], actor) for r in indexed(data) for actor in r["actors"])

    assert run_cli(archive, data_dir=data, monkeypatch=monkeypatch) == ExitStatus.OK
    # بوتن alone is no one's name yet; فلاديمير بوتين is a name by its shape.
    assert actors() == [("a1", "دونالد ترامب"), ("a2", "فلاديمير بوتين"), ("a2", "فلان الفلاني")]
    gazetteer.write_text(
        header + "دونالد ترامب\tperson\tترمب\nفلاديمير بوتين\tperson\tبوتن\n", encoding="utf-8"
    )
    assert run_cli(archive, data_dir=data, monkeypatch=monkeypatch) == ExitStatus.OK
    assert actors() == sorted(
        [
            ("a1", "دونالد ترامب"),
            ("a1", "فلاديمير بوتين"),
            ("a2", "فلان الفلاني"),
            ("a2", "فلاديمير بوتين"),
        ]
    )


def test_a_broken_gazetteer_stops_reindex_before_anything_is_built(
    live, tmp_path, monkeypatch, capsys
):
    broken = tmp_path / "actors.tsv"
    broken.write_text(
        "name\ttype\taliases\tambiguous\tcontext\nبوتين\tpresident\n", encoding="utf-8"
    )
    monkeypatch.setenv("BAHTH_ACTORS", str(broken))
    write_jsonl(tmp_path / "v2.jsonl", [article(2)])
    status = run_cli(tmp_path / "v2.jsonl", data_dir=live, monkeypatch=monkeypatch)
    assert status == ExitStatus.USAGE
    assert f"{broken}:2: type: 'president' is not one of" in capsys.readouterr().err
    assert_untouched(live)


def _reindex_process(paths, data_dir, **how):
    env = {**os.environ, "BAHTH_DATA_DIR": str(data_dir), "BAHTH_ELASTICSEARCH_URL": ""}
    return subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "reindex", *map(str, paths), "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **how,
    )


def _wait_for_build(data_dir, process, seconds=600):
    deadline = time.monotonic() + seconds
    # A build under way: its folder exists and holds the new index.
    while not [b for b in data_dir.glob("index-building-*") if (b / "meta.json").exists()]:
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.05)


@pytest.fixture
def big_archive(tmp_path):
    """About 40,000 small articles: a reindex long enough to stop in the middle."""
    folder = tmp_path / "big"
    folder.mkdir()
    for part in range(8):
        write_jsonl(folder / f"part{part}.jsonl", [article(part * 5_000 + n) for n in range(5_000)])
    return folder


def test_sigterm_stops_a_reindex_as_ctrl_c_does(live, big_archive):
    before = sorted(live.iterdir())
    process = _reindex_process([big_archive], live)
    _wait_for_build(live, process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=600)
    assert process.returncode == ExitStatus.TERMINATED, err
    assert "terminated (SIGTERM); the live index was not changed" in err
    assert "Traceback" not in err  # neither the main process nor its workers
    assert sorted(live.iterdir()) == before  # no build left behind
    assert_untouched(live)


def test_sigterm_to_the_whole_process_group_ends_the_run_too(live, big_archive):
    # timeout(1), systemd and kill -- -PGID signal the workers as well: they
    # die mid-share, and the run must end (143), not wait for them forever.
    before = sorted(live.iterdir())
    process = _reindex_process([big_archive], live, start_new_session=True)
    _wait_for_build(live, process)
    os.killpg(process.pid, signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == ExitStatus.TERMINATED, err
    assert sorted(live.iterdir()) == before  # no build left behind, the lock free
    assert_untouched(live)


def test_a_worker_that_dies_mid_share_fails_the_run_instead_of_hanging_it():
    # As the kernel's out-of-memory killer would: the pool alone waits forever.
    pool = reindex._pool_context().Pool(2)
    try:
        started = list(pool._pool)
        wait_until(lambda: all(p.pid for p in started))
        busy = pool.apply_async(time.sleep, (60,))
        time.sleep(0.5)  # taken by a worker
        for worker in started:
            worker.kill()
        with pytest.raises(reindex.WorkerLost, match="ended by signal 9"):
            reindex._taken(busy, started, None)
    finally:
        reindex._abandon(pool)
    stop = threading.Event()
    stop.set()
    pool = reindex._pool_context().Pool(1)
    try:
        with pytest.raises(Terminated):
            reindex._taken(pool.apply_async(time.sleep, (60,)), list(pool._pool), stop)
    finally:
        reindex._abandon(pool)


def test_a_build_left_by_a_killed_reindex_is_removed_by_the_next(
    live, big_archive, tmp_path, capsys
):
    process = _reindex_process([big_archive], live)
    _wait_for_build(live, process)
    process.kill()
    process.communicate(timeout=600)  # its workers died with it: nothing holds its pipes
    (left,) = live.glob("index-building-*")
    assert (left / "meta.json").exists()
    reindex.run([write_jsonl(tmp_path / "new.jsonl", [article(1)])], EmbeddedStore(live), workers=1)
    assert not left.exists()
    assert list(live.glob("index-building-*")) == []


def test_an_id_taken_by_an_exact_copy_is_not_given_to_another_article(tmp_path):
    first, copy = article(1), article(2)
    copy["body"] = first["body"]  # a2 is an exact copy of a1
    other = article(3, id="a2")  # another article under the copy's ID
    archive = write_jsonl(tmp_path / "a.jsonl", [first, copy, other])
    rejects = tmp_path / "rejects.jsonl"
    summary = reindex.run([archive], EmbeddedStore(tmp_path / "data"), rejects_path=rejects)
    assert (summary.indexed, summary.duplicates) == (1, 1)
    assert [r["line"] for r in rejects_of(rejects) if r["field"] == "id"] == [3]
    assert list(by_id(tmp_path / "data")) == ["a1"]


def test_a_wordpress_exports_items_that_are_no_articles_are_left_out_not_rejected(tmp_path):
    from .test_readers import WXR

    (tmp_path / "export.xml").write_text(WXR, encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"
    summary = reindex.run(
        [tmp_path / "export.xml"], EmbeddedStore(tmp_path / "data"), rejects_path=rejects
    )
    assert (summary.indexed, summary.rejected_total) == (2, 0)
    left_out = "  left out 2: not read, or no article (each named, and why, in the rejects file)"
    assert left_out in list(summary.lines())
    assert [(r["line"], r["action"]) for r in rejects_of(rejects)] == [
        (23, "skipped"),
        (27, "skipped"),
    ]
    assert "11" in by_id(tmp_path / "data")  # its wp:post_id (the export has no guid)


KILL_ROUNDS = int(os.environ.get("BAHTH_KILL_ROUNDS", "2"))


@pytest.mark.parametrize("command", ["reindex", "add", "remove"])
def test_kill_9_of_a_writer_at_any_moment_leaves_no_process_and_the_next_writer_runs(
    command, live, big_archive, tmp_path
):
    """A writer killed outright (its workers too: they die with it) leaves no
    process behind, and the writer lock it held goes with it: the next one
    runs at once, and says whose lock it took over."""
    env = {**os.environ, "BAHTH_DATA_DIR": str(live), "BAHTH_ELASTICSEARCH_URL": ""}
    small = write_jsonl(tmp_path / "small.jsonl", [article(90_001)])
    if command == "remove":  # something to remove, by outlet
        reindex.run([big_archive], EmbeddedStore(live))
    arguments = {
        "reindex": ["reindex", str(big_archive), "--workers", "2"],
        "add": ["add", str(big_archive), "--workers", "2"],
        "remove": ["remove", "--source", "skynews", "--all"],
    }[command]
    chance = random.Random(f"{command}-{KILL_ROUNDS}")
    for round_ in range(KILL_ROUNDS):
        tag = f"{command}-{round_}-{os.getpid()}-{time.monotonic_ns()}"
        process = subprocess.Popen(
            [sys.executable, "-m", "indexer.cli", *arguments],
            cwd=ROOT,
            env={**env, "BAHTH_TEST_TAG": tag},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        moment = chance.uniform(0.5, 4.0)
        time.sleep(moment)
        process.kill()
        process.wait()
        assert wait_until(lambda tag=tag: not processes_tagged(tag), cap=60), (
            f"round {round_}, killed after {moment:.1f} s: left {processes_tagged(tag)}"
        )
        after = subprocess.run(
            [sys.executable, "-m", "indexer.cli", "add", str(small)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert after.returncode == ExitStatus.OK, (moment, after.stderr)
    assert list(live.glob("index-building-*")) == [] or command == "reindex"


_FULL_DISK = """
set -e
if grep -q shared: /proc/self/mountinfo && [ "$PROPAGATION" = unchanged ]; then
    echo "a mount here would reach the machine's own (shared propagation in a chroot)" >&2
    exit 3
fi
mount -t tmpfs -o size=4m tmpfs "$BAHTH_DATA_DIR"
"$PYTHON" -m indexer.cli reindex "$SMALL" > /dev/null
set +e
"$PYTHON" -m indexer.cli $COMMAND "$BIG" --json > "$OUT/stdout" 2> "$OUT/stderr"
echo $? > "$OUT/status"
"$PYTHON" -m indexer.cli search --json > "$OUT/after"
"""


def _root_is_a_mount():
    """Whether / is a mount point of this process' view (not in a chroot)."""
    with open("/proc/self/mountinfo", encoding="utf-8") as mounts:
        return any(line.split()[4] == "/" for line in mounts)


def test_a_second_ctrl_c_while_a_pool_is_abandoned_leaves_no_worker_alive(monkeypatch):
    # The first Ctrl-C stops the run, which abandons its pool; a second one
    # pressed meanwhile must not cut that short, the workers left running.
    import multiprocessing

    pool = reindex._pool_context().Pool(2)
    pending = [pool.apply_async(time.sleep, (30,)) for _ in range(2)]
    wait_until(lambda: len(pool._pool) == 2 and all(p.pid for p in pool._pool))
    workers = list(pool._pool)
    children = multiprocessing.active_children

    def pressed_again():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.1)  # the handler runs here, if it is to run
        return children()

    monkeypatch.setattr(multiprocessing, "active_children", pressed_again)
    interrupted = False
    try:
        reindex._abandon(pool)
    except KeyboardInterrupt:
        interrupted = True
    assert not interrupted
    assert wait_until(lambda: all(w.exitcode is not None for w in workers), cap=10)
    assert not any(result.ready() for result in pending)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_abandoned_pool_starts_no_worker_in_place_of_those_it_killed():
    """A failed run abandons its pool: its workers are killed, and none may
    start in their place (one started so fails once the run has exited, a
    traceback on the run's stderr, and can end the run by SIGPIPE). A busy
    machine runs the pool's worker handler before terminate's thread: that
    delay is made here by holding terminate back."""
    import multiprocessing

    pool = reindex._pool_context().Pool(2)
    try:
        pending = [pool.apply_async(time.sleep, (5,)) for _ in range(4)]
        wait_until(lambda: len(pool._pool) == 2 and all(p.pid for p in pool._pool))
        first = {process.pid for process in pool._pool}
        terminate = pool.terminate
        pool.terminate = lambda: (time.sleep(0.5), terminate())
        reindex._abandon(pool)
        started = set()
        until = time.monotonic() + 1.5
        while time.monotonic() < until:
            started |= {p.pid for p in multiprocessing.active_children()} - first
            time.sleep(0.01)
        assert not started, f"workers started after the pool was abandoned: {started}"
        assert not any(result.ready() for result in pending)  # none came back
    finally:
        terminate()


@pytest.mark.parametrize("command", ["reindex", "add"])
def test_a_full_disk_ends_the_run_with_one_line_and_keeps_the_live_index(
    command, tmp_path, big_archive
):
    """A real full disk (a 4 MiB tmpfs, in a mount namespace of the test's
    own, so the machine's mounts are untouched): the run fails with one line
    and one JSON object, no traceback, and the live index is the one before
    (add: what it committed)."""
    data, out = tmp_path / "data", tmp_path / "out"
    data.mkdir()
    out.mkdir()
    small = write_jsonl(tmp_path / "small.jsonl", [article(n) for n in range(3)])
    env = {
        **os.environ,
        "BAHTH_DATA_DIR": str(data),
        "BAHTH_ELASTICSEARCH_URL": "",
        "PYTHON": sys.executable,
        "SMALL": str(small),
        "BIG": str(big_archive),
        "COMMAND": command,
        "OUT": str(out),
    }
    # A mount namespace of its own: root makes one as it is; another user
    # maps itself to root in a user namespace first. In a chroot, whose root
    # is no mount, unshare cannot make the mounts private: they are left as
    # they are where none is shared (the script checks).
    namespace = ["--mount"] if os.getuid() == 0 else ["--mount", "--map-root-user"]
    if not _root_is_a_mount():
        namespace.append("--propagation=unchanged")
        env["PROPAGATION"] = "unchanged"
    done = subprocess.run(
        ["unshare", *namespace, "sh", "-c", _FULL_DISK],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    status = int((out / "status").read_text())
    err = (out / "stderr").read_text(encoding="utf-8")
    assert status == ExitStatus.FAILURE, err
    assert "Traceback" not in err
    failure_lines = [line for line in err.splitlines() if "full" in line or "No space" in line]
    assert len(failure_lines) == 1, err
    report = json.loads((out / "stdout").read_text(encoding="utf-8"))
    assert report == {"status": 1, "error": failure_lines[0].split(": ", 1)[1]}
    assert f"the disk holding {data} is full" in report["error"]
    total = json.loads((out / "after").read_text(encoding="utf-8"))["total"]
    if command == "reindex":
        assert total == 3
    else:
        assert 3 <= total < 40_000  # what it committed before the disk filled


def test_an_add_that_only_replaces_counts_what_it_wrote(tmp_path, monkeypatch, capsys):
    first = write_jsonl(tmp_path / "a.jsonl", [article(1)])
    corrected = write_jsonl(tmp_path / "b.jsonl", [article(1, title="عنوان مصحح")])
    data = tmp_path / "data"
    assert run_cli(first, data_dir=data, monkeypatch=monkeypatch) == ExitStatus.OK
    capsys.readouterr()
    monkeypatch.setenv("BAHTH_DATA_DIR", str(data))
    assert cli.main(["add", str(corrected)]) == ExitStatus.OK
    out = capsys.readouterr().out
    assert "0 indexed" in out and "1 replaced" in out
    assert "1 sources; 1 of 1 articles dated" in out and "0 of 0" not in out
    assert cli.main(["add", str(corrected)]) == ExitStatus.OK
    assert "nothing to write: every article read is in the index as it is" in (
        capsys.readouterr().out
    )
