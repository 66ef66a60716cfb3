"""Nothing lost, nothing let in: a reindex of the hostile archive
(tests/hostile_archive.py) reports exactly what it must, by file, line and
action, and every good record of every file is indexed and found."""

import json
import re
from collections import defaultdict

from indexer import reindex
from indexer.search import SearchRequest
from indexer.search.embedded import EmbeddedBackend, EmbeddedStore

from . import hostile_archive
from .conftest import article, write_jsonl


def test_a_hostile_archive_loses_nothing_and_lets_nothing_in(tmp_path):
    folder = tmp_path / "archive"
    made = hostile_archive.write(folder)
    assert len(made) >= 40 and len({h.kind for h in made}) >= 15
    write_jsonl(folder / "good.jsonl", [article(n, id=f"good-{n}") for n in range(50)])
    rejects, data = tmp_path / "rejects.jsonl", tmp_path / "data"
    options = reindex.Options(max_expanded_bytes=hostile_archive.EXPANDED_LIMIT)
    summary = reindex.run(
        [folder], EmbeddedStore(data), options=options, rejects_path=rejects, workers=2
    )
    lines = [json.loads(line) for line in rejects.read_text(encoding="utf-8").split("\n") if line]

    by_file = defaultdict(list)
    for entry in lines:
        path = entry["file"].split("!", 1)[0]
        name = path[len(str(folder)) + 1 :] if path.startswith(str(folder)) else path
        by_file[name].append(entry)
    backend = EmbeddedBackend(data)
    table = []
    for hostile in made:
        printable = hostile.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        found = sorted(by_file.pop(printable, []), key=lambda e: (e["line"] or 0, e["reason"]))
        expected = sorted(hostile.expected, key=lambda e: (e[0] or 0, str(e[2])))
        assert [(e["line"], e["action"]) for e in found] == [
            (line, a) for line, a, _ in expected
        ], (hostile.name, found)
        for entry, (_, _, reason) in zip(found, expected, strict=True):
            assert entry["reason"].startswith(reason), (hostile.name, entry["reason"])
        for article_id in hostile.good:
            assert backend.article(article_id)["id"] == article_id, (hostile.name, article_id)
        table.append((hostile.kind, len(expected), len(hostile.good)))
    assert dict(by_file) == {}  # nothing reported that was not expected
    for n in range(50):
        assert backend.article(f"good-{n}")
    # Nothing from outside the archive got in (the link to a password file).
    assert backend.search(SearchRequest.from_params({"q": ["root"]})).total == 0
    # Text of legacy code pages reads as Arabic, not mojibake, whole files and lines alike.
    legacy = backend.article("cp1256-0-0")
    assert legacy["title"].startswith("عنوان الخبر")
    for n in range(6):
        mixed = backend.article(f"mixed-{n}")
        assert mixed["title"].startswith("عنوان الخبر") and "ط" not in mixed["title"]
    # No control or bidi-override character is kept; the words around them are.
    for n in range(1, 4):
        title = backend.article(f"controls-{n}")["title"]
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", title)
        assert "عنوان الخبر" in title
    assert backend.article("controls-1")["title"].endswith(" بعد الصفر")
    assert summary.indexed == sum(len(h.good) for h in made) + 50
    print_table(made, table)


def print_table(made, table):
    rows = defaultdict(lambda: [0, 0, 0])
    for kind, problems, good in table:
        rows[kind][0] += 1
        rows[kind][1] += problems
        rows[kind][2] += good
    print("\nclass | files | rejects and notes | good records found")
    for kind, (files, problems, good) in rows.items():
        print(f"{kind} | {files} | {problems} | {good}/{good}")


def test_the_summary_says_which_encodings_were_chosen(tmp_path):
    records = [article(n) for n in range(3)]
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (tmp_path / "old.jsonl").write_bytes(text.encode("cp1256"))
    summary = reindex.run([tmp_path / "old.jsonl"], EmbeddedStore(tmp_path / "data"), workers=1)
    lines = list(summary.lines())
    assert any(
        line.startswith("  not UTF-8: read as cp1256 (confidence ") and line.endswith("): 1 file")
        for line in lines
    )
    assert list(summary.to_json()["encodings"].values()) == [1]
    # Lines of one file in a code page, among UTF-8 ones: the file is counted once.
    mixed = [json.dumps(r, ensure_ascii=False).encode("cp1256") for r in records]
    mixed.insert(1, json.dumps(article(9, title="plain"), ensure_ascii=False).encode("utf-8"))
    (tmp_path / "old.jsonl").write_bytes(b"\n".join(mixed) + b"\n")
    summary = reindex.run([tmp_path / "old.jsonl"], EmbeddedStore(tmp_path / "data"), workers=1)
    assert summary.notes["decoded"] == 3
    assert "  a line not in UTF-8, among UTF-8 lines: read as cp1256: 1 file" in summary.lines()
