"""`bahth add` and `bahth remove`: the live index changed in place.

The property: after any sequence of adds and removes, every search gives
what a fresh reindex of the surviving records, in the order they arrived,
gives: the same hits in the same order for date sorts, the same sets for
relevance (BM25 counts deleted documents until segments merge, so scores,
not which articles match, may differ), the same totals, facets and "also
published by".
"""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer import reindex
from indexer.remove import WouldEmpty, remove
from indexer.search import Busy, SearchRequest
from indexer.search.embedded import EmbeddedBackend, EmbeddedStore

from .conftest import ROOT, write_jsonl

BODIES = [
    "أعلنت وزارة الصحة في بغداد افتتاح مستشفى جديد للأطفال في حي الكرادة بسعة مئتي سرير.",
    "قال رئيس الوزراء إن الحكومة ستطرح موازنة العام المقبل على البرلمان الأسبوع القادم.",
    "فاز المنتخب الوطني على ضيفه بثلاثة أهداف مقابل هدف في مباراة ودية أقيمت مساء أمس.",
    "أمطار غزيرة",  # too short to be told a duplicate of anything
]
TITLES = ["افتتاح مستشفى للأطفال", "الموازنة إلى البرلمان", "فوز المنتخب", "طقس"]
SOURCES = ["الجزيرة", "العربية", "فرانس 24"]
DATES = ["2021-03-01", "2021-03-02", None]

records = st.builds(
    lambda n, body, title, date, source: {
        "id": f"r{n}",
        "title": TITLES[title],
        "body": BODIES[body],
        "source": SOURCES[source],
        **({"date": DATES[date]} if DATES[date] else {}),
    },
    st.integers(0, 5),
    st.integers(0, len(BODIES) - 1),
    st.integers(0, len(TITLES) - 1),
    st.integers(0, len(DATES) - 1),
    st.integers(0, len(SOURCES) - 1),
)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.lists(records, min_size=1, max_size=4)),
        st.tuples(st.just("remove"), st.integers(0, 5).map(lambda n: f"r{n}")),
        st.tuples(st.just("remove_source"), st.sampled_from(SOURCES)),
    ),
    min_size=1,
    max_size=6,
)


class Arrivals:
    """What the index should hold: the surviving records in arrival order."""

    def __init__(self):
        self.records = {}  # id -> record; a dict keeps insertion (arrival) order

    def load(self, record):
        """A reindex: the first record of an ID stands (a later one with
        other content is rejected as a conflict)."""
        self.records.setdefault(record["id"], record)

    def add(self, record):
        """An add: a record with an ID already there and other content replaces it."""
        if self.records.get(record["id"]) != record:
            self.records.pop(record["id"], None)
            self.records[record["id"]] = record

    def remove(self, article_id):
        self.records.pop(article_id, None)

    def remove_source(self, source):
        for article_id in [i for i, r in self.records.items() if r["source"] == source]:
            del self.records[article_id]


def views(backend):
    """What every surface shows of the index, origin (file and line) aside."""
    seen = {}
    for params in (
        {"sort": ["oldest"]},
        {"sort": ["newest"], "source": ["العربية"]},
        {"q": ["المستشفى"], "sort": ["oldest"]},
        {"q": ["الموازنة OR المنتخب"]},
        {"date_from": ["2021-03-02"], "sort": ["newest"]},
    ):
        result = backend.search(SearchRequest.from_params({**params, "size": ["50"]}))
        hits = [(h.id, h.source, h.date, h.title, [c["id"] for c in h.also]) for h in result.hits]
        key = json.dumps(params, ensure_ascii=False)
        seen[key] = {
            "total": result.total,
            "hits": hits if params.get("sort") else sorted(hits, key=repr),
            "facets": {
                name: [(b.key, b.count) for b in buckets] for name, buckets in result.facets.items()
            },
        }
    return seen


def reindexed(survivors, folder):
    """The views of a fresh reindex of `survivors`, or None for no survivor."""
    if not survivors:
        return None
    data = folder / "fresh"
    archive = write_jsonl(folder / "fresh.jsonl", survivors)
    reindex.run([archive], EmbeddedStore(data), workers=1)
    return views(EmbeddedBackend(data))


@settings(
    max_examples=int(os.environ.get("BAHTH_CHANGES_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(first=st.lists(records, min_size=1, max_size=4), steps=operations)
def test_any_adds_and_removes_give_what_a_fresh_reindex_gives(tmp_path_factory, first, steps):
    folder = tmp_path_factory.mktemp("changes")
    store = EmbeddedStore(folder / "data")
    model = Arrivals()
    for record in first:
        model.load(record)
    reindex.run([write_jsonl(folder / "first.jsonl", first)], store, workers=1)
    for number, (kind, what) in enumerate(steps):
        if kind == "add":
            for record in what:
                model.add(record)
            reindex.add([write_jsonl(folder / f"add-{number}.jsonl", what)], store, workers=1)
            continue
        ids = [what] if kind == "remove" else []
        source = what if kind == "remove_source" else None
        try:
            remove(store, ids, source)
        except WouldEmpty:
            continue  # refused, nothing removed: the model stays as it is
        getattr(model, kind)(what)
    expected = reindexed(list(model.records.values()), folder)
    assert expected is not None  # a removal that would empty the index is refused
    assert views(EmbeddedBackend(folder / "data")) == expected


# --- the behaviours, one by one ----------------------------------------------


def article(n, **fields):
    record = {"id": f"a{n}", "title": f"عنوان {n}", "body": BODIES[n % 3], "source": "الجزيرة"}
    record["date"] = f"2021-04-{n + 1:02}"
    record.update(fields)
    return record


@pytest.fixture
def live(tmp_path):
    store = EmbeddedStore(tmp_path / "data")
    reindex.run([ROOT / "sample"], store, workers=1)
    return store


def test_adding_the_same_files_twice_changes_nothing(live, tmp_path):
    backend = EmbeddedBackend(live.data_dir)
    before = views(backend)
    new = write_jsonl(tmp_path / "new.jsonl", [article(1), article(2)])
    first = reindex.add([new], live, workers=1)
    assert (first.indexed, first.unchanged) == (2, 0)
    after_first = views(backend)
    second = reindex.add([new, ROOT / "sample"], live, workers=1)
    assert (second.indexed, second.replaced, second.duplicates) == (0, 0, 0)
    assert second.unchanged == 2 + 32  # the sample's 31 articles and its one exact copy
    assert views(backend) == after_first != before


def test_a_corrected_story_replaces_the_old_one_and_says_so(live, tmp_path):
    backend = EmbeddedBackend(live.data_dir)
    reindex.add([write_jsonl(tmp_path / "a.jsonl", [article(7)])], live, workers=1)
    corrected = article(7, title="عنوان مصحح", date="2021-05-01")
    summary = reindex.add([write_jsonl(tmp_path / "b.jsonl", [corrected])], live, workers=1)
    assert (summary.replaced, summary.indexed) == (1, 0)
    assert backend.article("a7")["title"] == "عنوان مصحح"
    hits = backend.search(SearchRequest.from_params({"q": ["مصحح"]})).hits
    assert [h.id for h in hits] == ["a7"]
    assert backend.search(SearchRequest()).total == 32  # the sample's 31, and a7 once
    assert backend.search(SearchRequest.from_params({"q": ["عنوان 7"]})).relaxed  # gone


def test_a_copy_joins_its_original_and_takes_its_place_when_it_goes(live, tmp_path):
    backend = EmbeddedBackend(live.data_dir)
    original, copy = article(3), article(6, source="العربية", title="عنوان آخر")
    assert original["body"] == copy["body"]
    reindex.add([write_jsonl(tmp_path / "a.jsonl", [original])], live, workers=1)
    summary = reindex.add([write_jsonl(tmp_path / "b.jsonl", [copy])], live, workers=1)
    assert summary.duplicates == 1
    assert [c["id"] for c in backend.article("a3")["also"]] == ["a6"]
    found = backend.search(SearchRequest.from_params({"q": ["عنوان آخر"]}))
    assert [h.id for h in found.hits] == ["a3"]  # the copy's headline finds the original
    removal = remove(live, ["a3"])
    assert [r["id"] for r in removal.removed] == ["a3"]
    promoted = backend.article("a6")
    assert promoted["source"] == "العربية" and promoted["also"] == []
    assert backend.search(SearchRequest.from_params({"q": ["عنوان آخر"]})).hits[0].id == "a6"


def test_removing_by_outlet_and_date_reports_what_went(live):
    backend = EmbeddedBackend(live.data_dir)
    total = backend.search(SearchRequest()).total
    dated = SearchRequest.from_params({"source": ["فرانس 24"], "date_to": ["2024-05-31"]})
    expected = {h.id for h in backend.search(dated).hits}
    removal = remove(live, source="فرانس 24", before=__import__("datetime").date(2024, 6, 1))
    assert {r["id"] for r in removal.removed} == expected and expected
    assert backend.search(SearchRequest()).total == total - len(expected)
    assert backend.search(dated).total == 0


def test_a_removal_that_would_empty_the_index_is_refused(live):
    backend = EmbeddedBackend(live.data_dir)
    everything = [h.id for h in backend.search(SearchRequest.from_params({"size": ["50"]})).hits]
    everything += [c["id"] for i in everything for c in backend.article(i)["also"]]
    with pytest.raises(WouldEmpty, match="give --all"):
        remove(live, everything)
    assert backend.search(SearchRequest()).total == 31
    removal = remove(live, everything, everything=True)
    assert len(removal.removed) == 32 and backend.search(SearchRequest()).total == 0


def test_one_writer_at_a_time(live, tmp_path):
    new = write_jsonl(tmp_path / "new.jsonl", [article(1)])
    with live.new_version():
        with pytest.raises(Busy, match="is writing to"):
            reindex.add([new], live, workers=1)
        with pytest.raises(Busy):
            remove(live, ["bw-001"])
    assert reindex.add([new], live, workers=1).indexed == 1


def _bahth(*args, env, **options):
    return subprocess.run(
        [sys.executable, "-m", "indexer.cli", *args],
        env=env,
        text=True,
        capture_output=True,
        **options,
    )


def test_the_cli_adds_removes_and_refuses_while_another_writes(live, tmp_path):
    env = {**os.environ, "BAHTH_DATA_DIR": str(live.data_dir)}
    new = write_jsonl(tmp_path / "new.jsonl", [article(1), {"id": "bad", "title": ""}])
    added = _bahth("add", str(new), "--json", "--rejects", str(tmp_path / "r.jsonl"), env=env)
    assert added.returncode == 3, added.stderr
    report = json.loads(added.stdout)
    assert (report["indexed"], report["rejected"]) == (1, 1)
    rejected = json.loads((tmp_path / "r.jsonl").read_text(encoding="utf-8"))
    assert (rejected["file"], rejected["line"], rejected["field"]) == (str(new), 2, "body")
    gone = _bahth("remove", "a1", "missing-id", env=env)
    assert gone.returncode == 3 and "removed a1" in gone.stdout
    assert "not in the index: missing-id" in gone.stderr
    with live.new_version():
        busy = _bahth("add", str(new), env=env)
    assert busy.returncode == 75 and "one reindex, add or remove at a time" in busy.stderr


def test_an_add_killed_mid_batch_leaves_the_index_as_its_last_commit(live, tmp_path):
    """kill -9 during an add: the committed batches stay, the one under way
    leaves no trace; the same add run again completes it."""
    backend = EmbeddedBackend(live.data_dir)
    before = backend.search(SearchRequest()).total
    urgent = SearchRequest.from_params({"q": ["عاجل"]})
    urgent_before = backend.search(urgent).total
    many = [
        {
            "id": f"k{n}",
            "title": f"خبر عاجل رقم {n}",
            "body": f"نص الخبر العاجل رقم {n} عن الانتخابات البلدية في المدينة. " * 3,
            "date": "2022-01-01",
            "source": "الجزيرة",
        }
        for n in range(30_000)
    ]
    archive = write_jsonl(tmp_path / "many.jsonl", many)
    env = {**os.environ, "BAHTH_DATA_DIR": str(live.data_dir)}
    process = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "add", "--workers", "1", str(archive)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill it once a batch or more is committed
        count = backend.search(SearchRequest()).total
        if count > before:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    after = backend.search(SearchRequest()).total
    assert before < after < before + len(many)
    assert (after - before) % 2_000 == 0  # whole batches, nothing of the unfinished one
    assert backend.search(urgent).total - urgent_before == after - before
    summary = reindex.add([archive], live, workers=1)
    assert summary.unchanged == after - before and summary.indexed == len(many) - summary.unchanged
    assert backend.search(SearchRequest()).total == before + len(many)
