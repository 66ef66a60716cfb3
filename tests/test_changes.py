"""`bahth add` and `bahth remove`: the live index changed in place.

The property: after any sequence of adds and removes, every search gives
what a fresh reindex of the surviving records, in the order they arrived,
gives: the same hits in the same order for date sorts, the same sets for
relevance (BM25 counts deleted documents until segments merge, so scores,
not which articles match, may differ), the same totals, facets and "also
published by".
"""

import gzip
import itertools
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer import reindex
from indexer.arabic import analyze, use_lexicon
from indexer.remove import WouldEmpty, remove
from indexer.search import AnalysisChanged, Busy, SearchRequest
from indexer.search.elastic import ElasticBackend, ElasticStore
from indexer.search.elastic.client import connect
from indexer.search.embedded import EmbeddedBackend, EmbeddedStore
from indexer.search.embedded.store import FORMAT_VERSION

from .conftest import ROOT, delete_versions, write_jsonl


class Embedded:
    """Indexes by name in a folder."""

    name = "embedded"

    def __init__(self, folder):
        self.folder = folder

    def store(self, name):
        return EmbeddedStore(self.folder / name)

    def backend(self, name):
        return EmbeddedBackend(self.folder / name)

    def env(self, name):
        return {"BAHTH_DATA_DIR": str(self.folder / name)}


class Elastic:
    """Indexes by name as aliases on the test node, deleted at the end."""

    name = "elasticsearch"

    def __init__(self, node):
        self.node, self.prefix, self.made = node, f"test-changes-{uuid.uuid4().hex[:8]}", []

    def alias(self, name):
        alias = f"{self.prefix}-{name}"
        if alias not in self.made:
            self.made.append(alias)
        return alias

    def store(self, name):
        return ElasticStore(self.node.writer, self.alias(name), lease=LEASE)

    def backend(self, name):
        return ElasticBackend(self.node.reader, self.alias(name))

    def env(self, name):
        return {
            **self.node.env,
            "BAHTH_ELASTICSEARCH_INDEX": self.alias(name),
            "BAHTH_ELASTICSEARCH_LEASE": str(LEASE),
        }

    def clean(self):
        client = connect(self.node.writer)
        for alias in self.made:
            delete_versions(client, alias)
            client.indices.delete(index=f"{alias}-writer", ignore_unavailable=True)
        self.made = []


LEASE = 6  # seconds: a lease a test leaves behind lapses soon

ENGINES = ["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(params=ENGINES)
def engine(request, tmp_path):
    if request.param == "embedded":
        yield Embedded(tmp_path)
        return
    elastic = Elastic(request.getfixturevalue("elasticsearch"))
    yield elastic
    elastic.clean()


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


def reindexed(engine, survivors, folder, number):
    """The views of a fresh reindex of `survivors`."""
    archive = write_jsonl(folder / "fresh.jsonl", survivors)
    reindex.run([archive], engine.store(f"fresh{number}"), workers=1)
    return views(engine.backend(f"fresh{number}"))


def _same_as_a_fresh_reindex(engine, tmp_path, first, steps):
    number = next(EXAMPLES)
    folder = tmp_path / f"example{number}"
    folder.mkdir()
    store = engine.store(f"live{number}")
    model = Arrivals()
    for record in first:
        model.load(record)
    reindex.run([write_jsonl(folder / "first.jsonl", first)], store, workers=1)
    for step, (kind, what) in enumerate(steps):
        if kind == "add":
            for record in what:
                model.add(record)
            reindex.add([write_jsonl(folder / f"add-{step}.jsonl", what)], store, workers=1)
            continue
        ids = [what] if kind == "remove" else []
        source = what if kind == "remove_source" else None
        try:
            remove(store, ids, source)
        except WouldEmpty:
            continue  # refused, nothing removed: the model stays as it is
        getattr(model, kind)(what)
    assert model.records  # a removal that would empty the index is refused
    expected = reindexed(engine, list(model.records.values()), folder, number)
    assert views(engine.backend(f"live{number}")) == expected


# Sequences tried per run (BAHTH_CHANGES_EXAMPLES sets both): an index and
# its fresh twin cost milliseconds embedded, about a second on Elasticsearch.
def _examples(default):
    return int(os.environ.get("BAHTH_CHANGES_EXAMPLES", default))


LIKE_A_REINDEX = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


@settings(max_examples=_examples(100), **LIKE_A_REINDEX)
@given(first=st.lists(records, min_size=1, max_size=4), steps=operations)
def test_any_adds_and_removes_give_what_a_fresh_reindex_gives(tmp_path, first, steps):
    _same_as_a_fresh_reindex(Embedded(tmp_path), tmp_path, first, steps)


@pytest.mark.elasticsearch
@settings(max_examples=_examples(40), **LIKE_A_REINDEX)
@given(first=st.lists(records, min_size=1, max_size=4), steps=operations)
def test_any_adds_and_removes_give_what_a_fresh_reindex_gives_on_elasticsearch(
    elasticsearch, tmp_path, first, steps
):
    engine = Elastic(elasticsearch)
    try:
        _same_as_a_fresh_reindex(engine, tmp_path, first, steps)
    finally:
        engine.clean()


EXAMPLES = itertools.count()


# --- the behaviours, one by one ----------------------------------------------


def article(n, **fields):
    record = {"id": f"a{n}", "title": f"عنوان {n}", "body": BODIES[n % 3], "source": "الجزيرة"}
    record["date"] = f"2021-04-{n + 1:02}"
    record.update(fields)
    return record


@pytest.fixture
def live(engine):
    """The sample archive, reindexed on the engine: (store, backend)."""
    store = engine.store("data")
    reindex.run([ROOT / "sample"], store, workers=1)
    return store, engine.backend("data")


def test_adding_the_same_files_twice_changes_nothing(live, tmp_path):
    store, backend = live
    before = views(backend)
    new = write_jsonl(tmp_path / "new.jsonl", [article(1), article(2)])
    first = reindex.add([new], store, workers=1)
    assert (first.indexed, first.unchanged) == (2, 0)
    after_first = views(backend)
    second = reindex.add([new, ROOT / "sample"], store, workers=1)
    assert (second.indexed, second.replaced, second.duplicates) == (0, 0, 0)
    assert second.unchanged == 2 + 32  # the sample's 31 articles and its one exact copy
    assert views(backend) == after_first != before


def test_a_corrected_story_replaces_the_old_one_and_says_so(live, tmp_path):
    store, backend = live
    reindex.add([write_jsonl(tmp_path / "a.jsonl", [article(7)])], store, workers=1)
    corrected = article(7, title="عنوان مصحح", date="2021-05-01")
    summary = reindex.add([write_jsonl(tmp_path / "b.jsonl", [corrected])], store, workers=1)
    assert (summary.replaced, summary.indexed) == (1, 0)
    assert backend.article("a7")["title"] == "عنوان مصحح"
    hits = backend.search(SearchRequest.from_params({"q": ["مصحح"]})).hits
    assert [h.id for h in hits] == ["a7"]
    assert backend.search(SearchRequest()).total == 32  # the sample's 31, and a7 once
    assert backend.search(SearchRequest.from_params({"q": ["عنوان 7"]})).relaxed  # gone


def test_a_copy_joins_its_original_and_takes_its_place_when_it_goes(live, tmp_path):
    store, backend = live
    original, copy = article(3), article(6, source="العربية", title="عنوان آخر")
    assert original["body"] == copy["body"]
    reindex.add([write_jsonl(tmp_path / "a.jsonl", [original])], store, workers=1)
    summary = reindex.add([write_jsonl(tmp_path / "b.jsonl", [copy])], store, workers=1)
    assert summary.duplicates == 1
    assert [c["id"] for c in backend.article("a3")["also"]] == ["a6"]
    found = backend.search(SearchRequest.from_params({"q": ["عنوان آخر"]}))
    assert [h.id for h in found.hits] == ["a3"]  # the copy's headline finds the original
    removal = remove(store, ["a3"])
    assert [r["id"] for r in removal.removed] == ["a3"]
    promoted = backend.article("a6")
    assert promoted["source"] == "العربية" and promoted["also"] == []
    assert backend.search(SearchRequest.from_params({"q": ["عنوان آخر"]})).hits[0].id == "a6"


def test_removing_by_outlet_and_date_reports_what_went(live):
    store, backend = live
    total = backend.search(SearchRequest()).total
    dated = SearchRequest.from_params({"source": ["فرانس 24"], "date_to": ["2024-05-31"]})
    expected = {h.id for h in backend.search(dated).hits}
    removal = remove(store, source="فرانس 24", before=date(2024, 6, 1))
    assert {r["id"] for r in removal.removed} == expected and expected
    assert backend.search(SearchRequest()).total == total - len(expected)
    assert backend.search(dated).total == 0


def test_a_removal_that_would_empty_the_index_is_refused(live):
    store, backend = live
    everything = [h.id for h in backend.search(SearchRequest.from_params({"size": ["50"]})).hits]
    everything += [c["id"] for i in everything for c in backend.article(i)["also"]]
    with pytest.raises(WouldEmpty, match="give --all"):
        remove(store, everything)
    assert backend.search(SearchRequest()).total == 31
    removal = remove(store, everything, everything=True)
    assert len(removal.removed) == 32 and backend.search(SearchRequest()).total == 0


def test_one_writer_at_a_time(live, tmp_path):
    store, _ = live
    new = write_jsonl(tmp_path / "new.jsonl", [article(1)])
    with store.writing():
        with pytest.raises(Busy, match="is writing to"):
            reindex.add([new], store, workers=1)
        with pytest.raises(Busy):
            remove(store, ["bw-001"])
        with pytest.raises(Busy):
            reindex.run([new], store, workers=1)
    assert reindex.add([new], store, workers=1).indexed == 1


def _bahth(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "indexer.cli", *args],
        env={**os.environ, **env},
        text=True,
        capture_output=True,
    )


def test_the_cli_adds_removes_and_refuses_while_another_writes(engine, live, tmp_path):
    store, _ = live
    env = engine.env("data")
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
    # A misspelt outlet removes nothing and says which outlets are close.
    before = views(live[1])
    misspelt = _bahth("remove", "--source", "فرانس24", env=env)
    assert misspelt.returncode == 2 and "no outlet of that name" in misspelt.stderr
    assert "closest: فرانس 24" in misspelt.stderr and views(live[1]) == before
    # --before takes a date as the search does (a month: before its first day).
    dated = _bahth("remove", "--source", "فرانس 24", "--before", "2000-01", env=env)
    assert dated.returncode == 0 and "0 removed" in dated.stdout and views(live[1]) == before
    bad = _bahth("remove", "--source", "فرانس 24", "--before", "2019-13", env=env)
    assert bad.returncode == 2 and "--before '2019-13' is not a date" in bad.stderr
    with store.writing():
        busy = _bahth("add", str(new), env=env)
    assert busy.returncode == 75 and "one reindex, add or remove at a time" in busy.stderr


def test_an_add_killed_midway_keeps_what_it_committed_and_is_completed_by_running_again(
    engine, live, tmp_path
):
    """kill -9 during an add. Embedded: the committed batches stay, the one
    under way leaves no trace. Elasticsearch: what reached the node stays
    (whole documents: no group is half-written). Either way the same add run
    again completes it, and nothing is there twice."""
    store, backend = live
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
        for n in range(12_000)
    ]
    archive = write_jsonl(tmp_path / "many.jsonl", many)
    process = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "add", "--workers", "1", str(archive)],
        env={**os.environ, **engine.env("data")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:  # kill it once some of it is in
        if backend.search(SearchRequest()).total > before:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    if engine.name == "elasticsearch":
        # A bulk request the killed process sent goes on in the node: what
        # reached it, once the node writes nothing more, searchable now.
        writer = connect(engine.node.writer)  # the reader may do neither
        deadline = time.monotonic() + 60
        while (
            time.monotonic() < deadline
            and writer.tasks.list(actions="indices:data/write/bulk*")["nodes"]
        ):
            time.sleep(0.05)
        writer.indices.refresh(index=backend.alias)
    after = backend.search(SearchRequest()).total
    assert before < after < before + len(many)
    if engine.name == "embedded":
        assert (after - before) % 2_000 == 0  # whole batches, nothing of the unfinished one
    assert backend.search(urgent).total - urgent_before == after - before
    # The killed add held the writer lock (Elasticsearch: a lease that has not
    # lapsed yet); its process being gone, the next add takes it over at once.
    summary = reindex.add([archive], store, workers=1)
    assert summary.unchanged == after - before and summary.indexed == len(many) - summary.unchanged
    assert backend.search(SearchRequest()).total == before + len(many)


@pytest.fixture
def shipped_lexicon_after():
    yield
    use_lexicon(None)  # the tests after this one analyse as Bahth ships


def test_an_index_keeps_its_own_lexicon_for_what_is_added_and_searched(
    tmp_path, shipped_lexicon_after
):
    """An index built by a Bahth whose lexicon lacked موسكو: بموسكو stayed
    whole there. Added articles and queries are stemmed as it was built."""
    store = EmbeddedStore(tmp_path / "data")
    reindex.run([ROOT / "sample"], store, workers=1)
    version = store.live()
    with gzip.open(version / "lexicon.tsv.gz", "rt", encoding="utf-8") as lines:
        kept = [line for line in lines if not line.startswith("موسكو\t")]
    with gzip.open(version / "lexicon.tsv.gz", "wt", encoding="utf-8") as lexicon:
        lexicon.writelines(kept)
    visit = article(
        9, title="زيارة", body="وصل الوفد بموسكو صباح اليوم في زيارة رسمية لثلاثة أيام."
    )
    reindex.add([write_jsonl(tmp_path / "a.jsonl", [visit])], store, workers=1)
    backend = EmbeddedBackend(tmp_path / "data")

    def found(query):
        return "a9" in {
            h.id for h in backend.search(SearchRequest.from_params({"q": [query]})).hits
        }

    assert found("بموسكو") and not found("موسكو")
    assert analyze("بموسكو") == ["بموسكو"]  # the process now stems as the index was built


def test_an_add_refuses_an_index_built_by_other_analysis_rules(tmp_path):
    store = EmbeddedStore(tmp_path / "data")
    reindex.run([ROOT / "sample"], store, workers=1)
    meta = store.live() / "bahth.json"
    recorded = {"format": FORMAT_VERSION, "analysis": "another"}
    meta.write_text(json.dumps(recorded), encoding="utf-8")
    new = write_jsonl(tmp_path / "a.jsonl", [article(1)])
    with pytest.raises(AnalysisChanged, match="Run `bahth reindex PATH` to adopt these"):
        reindex.add([new], store, workers=1)
    assert EmbeddedBackend(tmp_path / "data").search(SearchRequest()).total == 31
