"""Search by meaning: the embedding stage, its vectors, the fused ranking, on
every surface. The real model (indexer/embeddings.py) embeds the sample."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid

import numpy as np
import pytest

from indexer import embed, embeddings, reindex, remove
from indexer.search import SearchRequest
from indexer.search.elastic import ElasticBackend, ElasticStore
from indexer.search.embedded import EmbeddedBackend, EmbeddedStore
from indexer.search.embedded.vectors import Vectors
from indexer.status import Terminated

from .conftest import ROOT, app_for, article, delete_versions, write_jsonl


def ids(result):
    return [hit.id for hit in result.hits]


def search(backend, **params):
    listed = {k: [str(v)] for k, v in params.items()}
    return backend.search(SearchRequest.from_params(listed))


@pytest.fixture(scope="module")
def embedded(embedded_sample):
    return embedded_sample


@pytest.fixture(scope="module")
def on_elasticsearch(elasticsearch):
    """(store, backend) of the sample on the real test node, embedded."""
    alias = f"test-meaning-{uuid.uuid4().hex[:8]}"
    store = ElasticStore(elasticsearch.writer, alias)
    reindex.run([ROOT / "sample"], store, workers=1)
    embed.run(store)
    yield store, ElasticBackend(elasticsearch.reader, alias)
    delete_versions(store.client, alias)


@pytest.fixture(scope="module")
def on_embedded(embedded):
    return EmbeddedStore(embedded), EmbeddedBackend(embedded)


@pytest.fixture(
    scope="module",
    params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)],
)
def engine(request):
    """(store, backend) of the sample, embedded, on each engine."""
    return request.getfixturevalue(f"on_{request.param}")


@pytest.fixture(scope="module")
def backend(engine):
    return engine[1]


def test_every_article_is_embedded_once(engine):
    store, backend = engine
    result = search(backend, q="earthquake")
    assert result.meaning["embedded"] == result.meaning["articles"] == backend.ping() == 31
    again = embed.run(store)
    assert again.embedded == 0 and again.pruned == 0  # nothing to do a second time


def test_the_vectors_are_the_models(embedded):
    vectors = Vectors(EmbeddedStore(embedded).live())
    assert len(vectors) == 31 and vectors.model == embeddings.model().name


@pytest.mark.elasticsearch
@pytest.mark.parametrize(
    "query",
    [
        "earthquake in Morocco",
        "North Korea missile test",
        "Darfur and Khartoum aid corridors",  # names met in Arabic (transliteration.py)
        "زلزال المغرب",
        "هزة أرضية عنيفة",
    ],
)
def test_both_engines_rank_alike(on_embedded, on_elasticsearch, query):
    embedded, elastic = (search(b, q=query) for _, b in (on_embedded, on_elasticsearch))
    assert [(h.id, h.matched_by) for h in elastic.hits][:5] == [
        (h.id, h.matched_by) for h in embedded.hits
    ][:5]
    assert elastic.total == embedded.total and elastic.meaning == embedded.meaning


def test_an_english_query_finds_the_arabic_article_by_meaning(backend):
    result = search(backend, q="earthquake in Morocco")
    assert ids(result)[0] == "bw-010"
    assert result.hits[0].matched_by == "meaning"
    assert result.meaning == {"added": result.total, "embedded": 31, "articles": 31}
    assert search(backend, q="earthquake in Morocco", mode="words").total == 0
    kim = search(backend, q="North Korea missile test")
    assert ids(kim)[0] == "bw-011"


def test_the_names_of_an_english_query_lift_the_article_that_writes_them(backend):
    # By meaning alone, the earthquake's aid comes first; the truce story
    # writes الخرطوم ودارفور (transliteration.py).
    result = search(backend, q="Darfur and Khartoum aid corridors")
    assert ids(result)[0] == "h-e6a5233f3adf32e9ff89"
    assert result.hits[0].matched_by == "meaning"


def test_words_that_match_keep_their_articles_first(backend):
    words = search(backend, q="زلزال المغرب", mode="words")
    fused = search(backend, q="زلزال المغرب")
    assert ids(words) == ["bw-010"]
    assert ids(fused)[0] == "bw-010" and fused.hits[0].matched_by == "both"
    # What meaning adds comes after, marked, and counted apart.
    added = [hit for hit in fused.hits if hit.matched_by == "meaning"]
    assert fused.total == words.total + fused.meaning["added"] == len(fused.hits)
    assert len(added) == fused.meaning["added"]


def test_filters_and_exclusions_hold_for_what_meaning_finds(backend):
    everywhere = search(backend, q="earthquake")
    assert {"bw-010", "AG-20230206-01"} <= set(ids(everywhere))
    hespress = search(backend, q="earthquake", source="هسبريس")
    assert ids(hespress) == ["bw-010"]
    without = search(backend, q="earthquake -المغرب", mode="meaning")
    assert "bw-010" not in ids(without) and "AG-20230206-01" in ids(without)
    dated = search(backend, q="earthquake", date_from="2023-02-01", date_to="2023-02-28")
    assert ids(dated) == ["AG-20230206-01"]


def test_a_narrow_filter_still_gets_the_nearest_it_leaves_in(backend, monkeypatch):
    # Three nearest by meaning, none of them from this outlet: its own nearest
    # are looked for further (Elasticsearch's kNN filters as it searches).
    monkeypatch.setattr("indexer.search.fusion.NEAREST", 3)
    nearest = search(backend, q="earthquake in Morocco")
    assert "AG-20240305-04" not in ids(nearest)
    narrowed = search(backend, q="earthquake in Morocco", source="سكاي نيوز عربية")
    assert ids(narrowed) == ["AG-20240305-04"]
    assert narrowed.hits[0].matched_by == "meaning"


def test_the_facets_count_what_meaning_found_as_the_total_does(backend):
    result = search(backend, q="earthquake in Morocco")
    assert not result.relaxed  # no hit came by some of the words
    outlets = {bucket.key: bucket.count for bucket in result.facets["source"]}
    assert sum(outlets.values()) == result.total > 0
    assert outlets["هسبريس"] >= 1  # bw-010's outlet


def test_a_date_sort_and_the_words_mode_leave_meaning_out(backend):
    assert search(backend, q="earthquake", sort="newest").total == 0
    assert search(backend, q="زلزال", mode="words").meaning is None


def test_similar_articles_by_meaning(backend):
    similar = backend.more_like_this(backend.article("bw-010"))
    assert similar[0].id == "AG-20230206-01"  # the other earthquake, another outlet
    assert "bw-010" not in [hit.id for hit in similar]


def test_a_stopped_stage_keeps_what_it_committed_and_the_next_goes_on(tmp_path, monkeypatch):
    store = EmbeddedStore(tmp_path / "data")
    reindex.run([ROOT / "sample"], store, workers=1)
    monkeypatch.setattr(embed, "COMMIT_EVERY", 8)
    stop = threading.Event()
    seen = []

    def progress(done, total, seconds):
        seen.append((done, total))
        if done >= 16:
            stop.set()  # as SIGTERM or Ctrl-C do

    with pytest.raises(Terminated):
        embed.run(store, progress=progress, stop=stop)
    assert len(Vectors(store.live())) == 16
    backend = EmbeddedBackend(tmp_path / "data")
    partial = search(backend, q="earthquake")
    assert partial.meaning["embedded"] == 16 and partial.meaning["articles"] == 31
    rest = embed.run(store)
    assert rest.embedded == 31 - 16
    assert len(Vectors(store.live())) == 31


# `bahth` with Ctrl-C as a terminal leaves it (a shell's background job, the
# suite's perhaps, inherits it ignored, and Python then leaves it so).
_BAHTH_WITH_CTRL_C = (
    sys.executable,
    "-c",
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from indexer.cli import main; sys.exit(main())",
)


def test_ctrl_c_while_a_reindex_embeds_says_the_new_index_is_live_and_what_it_did(tmp_path):
    # The words stage switched the new index in; the embedding after it is
    # stopped: the run says so, its summary kept (--json), the index live.
    archive = write_jsonl(
        tmp_path / "many.jsonl",
        [
            article(n, body=f"خبر رقم {n} عن موضوع مختلف في كل مرة {n * 7}. " * 3)
            for n in range(600)
        ],
    )
    data = tmp_path / "data"
    env = {**os.environ, "BAHTH_DATA_DIR": str(data), "BAHTH_EMBEDDINGS": "on"}
    process = subprocess.Popen(
        [*_BAHTH_WITH_CTRL_C, "reindex", str(archive), "--json", "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    store = EmbeddedStore(data)
    deadline = time.monotonic() + 300
    while not (store.live() and store.live().exists()):
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 130, err
    report = json.loads(out)
    assert report["status"] == 130 and report["indexed"] == 600
    assert "the new index is live" in report["error"]
    assert report["error"].count("bahth embed") == 1
    run = json.loads((data / "runs" / "reindex.json").read_text(encoding="utf-8"))
    assert run["state"] == "interrupted" and run["indexed"] == 600
    assert EmbeddedBackend(data).search(SearchRequest.from_params({})).total == 600


def test_an_add_embeds_what_changed_and_a_remove_drops_it(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "BAHTH_DATA_DIR": str(data), "BAHTH_EMBEDDINGS": "on"}

    def bahth(*args):
        done = subprocess.run(
            [sys.executable, "-m", "indexer.cli", *args, "--json"],
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode in (0, 3), done.stderr
        return json.loads(done.stdout)

    built = bahth("reindex", str(ROOT / "sample"))
    assert built["embeddings"]["embedded"] == 31
    new = write_jsonl(
        tmp_path / "new.jsonl",
        [
            article(1, title="فيضانات تجتاح مدنا ساحلية", body="غمرت مياه الأمطار الشوارع. " * 8),
            {
                "id": "bw-010",
                "title": "إطلاق صاروخ نحو القمر",
                "body": "أطلقت وكالة الفضاء صاروخا يحمل مركبة إلى القمر. " * 4,
                "source": "هسبريس",
            },
        ],
    )
    added = bahth("add", str(new))
    assert added["indexed"] == 1 and added["replaced"] == 1
    assert added["embeddings"]["embedded"] == 2  # the new one, and the one whose text changed
    live = EmbeddedStore(data).live()
    backend = EmbeddedBackend(data)
    assert ids(search(backend, q="rocket launched to the Moon"))[0] == "bw-010"
    removed = bahth("remove", "a1")
    assert [r["id"] for r in removed["removed"]] == ["a1"]
    assert "a1" not in Vectors(live).keys() and len(Vectors(live)) == 31
    # A reindex takes the vectors of the articles it did not change from
    # the version it replaces: here all but bw-010, back to its own text.
    again = bahth("reindex", str(ROOT / "sample"))
    assert again["embeddings"]["carried"] == 30 and again["embeddings"]["embedded"] == 1
    assert not (data / "vectors-replaced").exists()
    assert ids(search(EmbeddedBackend(data), q="earthquake in Morocco"))[0] == "bw-010"


def test_the_vectors_of_a_later_segment_replace_and_remove_earlier_ones(tmp_path):
    vectors = Vectors(tmp_path)
    rows = np.eye(4, dtype=np.float32)
    vectors.write("m", [("a", "1"), ("b", "1")], rows[:2])
    vectors.write("m", [("a", "2")], rows[2:3])  # a's text changed
    vectors.write("m", [("b", "")])  # b removed
    assert vectors.keys() == {"a": "2"}
    assert vectors.nearest(rows[0], 5) == [("a", 0.0)]  # a's old vector is gone, b's too
    assert vectors.nearest(rows[2], 5) == [("a", 1.0)]
    for _ in range(40):
        vectors.write("m", [("c", "1")], rows[3:4])
    vectors.merge("m")
    assert len(list((tmp_path / "vectors").glob("*.json"))) == 1
    assert Vectors(tmp_path).keys() == {"a": "2", "c": "1"}
    # A damaged segment (its data file cut short) is left out, not a failure:
    # its articles count as not embedded, and the next embedding fills them in.
    (data,) = (tmp_path / "vectors").glob("*.f32")
    data.write_bytes(data.read_bytes()[:-4])
    assert Vectors(tmp_path).keys() == {} and Vectors(tmp_path).nearest(rows[0], 5) == []


def test_every_surface_marks_what_meaning_found(embedded):
    client = app_for(embedded).test_client()
    body = client.get("/api/search?q=earthquake in Morocco").get_json()
    assert body["hits"][0]["id"] == "bw-010" and body["hits"][0]["matched_by"] == "meaning"
    assert body["meaning"]["added"] == body["total"]
    words = client.get("/api/search?q=earthquake in Morocco&mode=words").get_json()
    assert words["total"] == 0 and words["meaning"] is None
    refused = client.get("/api/search?q=x&mode=vectors")
    assert refused.status_code == 400 and refused.get_json()["error"]["parameter"] == "mode"
    page = client.get("/?q=earthquake in Morocco").get_data(as_text=True)
    assert '<span class="by-meaning"' in page
    assert 'id="meaning">وجد البحث بالمعنى' in page and 'id="words-only"' in page
    shown = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "search", "earthquake in Morocco"],
        env={**os.environ, "BAHTH_DATA_DIR": str(embedded)},
        capture_output=True,
        text=True,
    )
    assert "[by meaning]" in shown.stdout and "by meaning alone" in shown.stdout


def test_on_elasticsearch_a_stage_goes_on_a_reindex_carries_and_a_change_embeds_again(
    elasticsearch, es_alias, tmp_path, monkeypatch
):
    store = ElasticStore(elasticsearch.writer, es_alias)
    reindex.run([ROOT / "sample"], store, workers=1)
    backend = ElasticBackend(elasticsearch.reader, es_alias)
    monkeypatch.setattr(embed, "COMMIT_EVERY", 8)
    stop = threading.Event()

    def progress(done, total, seconds):
        if done >= 16:
            stop.set()

    with pytest.raises(Terminated):
        embed.run(store, progress=progress, stop=stop)
    store.client.indices.refresh(index=es_alias)
    backend = ElasticBackend(elasticsearch.reader, es_alias)  # counts the vectors anew
    assert search(backend, q="earthquake").meaning["embedded"] == 16
    assert embed.run(store).embedded == 31 - 16
    # A reindex of the same archive takes the vectors over from the version
    # before; an add embeds what changed, and a removed article's vector goes.
    reindex.run([ROOT / "sample"], store, workers=1)
    carried = embed.run(store)
    assert carried.embedded == 0 and carried.carried == 31
    changed = write_jsonl(
        tmp_path / "changed.jsonl",
        [
            {
                "id": "bw-010",
                "title": "إطلاق صاروخ نحو القمر",
                "body": "أطلقت وكالة الفضاء صاروخا يحمل مركبة إلى القمر. " * 4,
                "source": "هسبريس",
            }
        ],
    )
    reindex.add([changed], store, workers=1)
    assert embed.run(store).embedded == 1
    backend = ElasticBackend(elasticsearch.reader, es_alias)
    assert ids(search(backend, q="rocket launched to the Moon"))[0] == "bw-010"
    remove.remove(store, ids=["bw-010"])
    store.client.indices.refresh(index=es_alias)
    backend = ElasticBackend(elasticsearch.reader, es_alias)
    result = search(backend, q="rocket launched to the Moon")
    assert "bw-010" not in ids(result) and result.meaning["embedded"] == 30


def test_pages_of_a_fused_search_and_its_export_hold_each_article_once(engine, monkeypatch):
    # Few words' articles fused: the nearest by meaning include some that the
    # words find further down; they are matched by both, counted once, and
    # the pages past the fused ones leave them out.
    monkeypatch.setattr("indexer.search.fusion.FUSED", 2)
    monkeypatch.setattr("indexer.search.embedded.backend.EXPORT_CHUNK", 3)
    monkeypatch.setattr("indexer.search.elastic.backend.EXPORT_PAGE", 3)
    _, backend = engine
    query = "الرئيس"
    words = set(ids(search(backend, q=query, mode="words", size=100)))
    walked, hows, cursor = [], {}, None
    while True:
        result = search(backend, q=query, size=3, **({"cursor": cursor} if cursor else {}))
        walked += ids(result)
        hows.update((hit.id, hit.matched_by) for hit in result.hits)
        cursor = result.next_cursor
        if not cursor:
            break
    assert len(walked) == len(set(walked)) == result.total > len(words) > 2
    assert {i for i, how in hows.items() if how == "meaning"} == set(walked) - words
    assert any(how == "both" for i, how in hows.items() if walked.index(i) >= 2)
    exported = list(backend.export(SearchRequest.from_params({"q": [query]})))
    assert [(record["id"], how) for record, how in exported] == [(i, hows[i]) for i in walked]


def test_a_spelling_suggestion_is_weighed_by_the_words_alone(embedded, monkeypatch):
    from indexer.search import fusion

    asked = []
    real = fusion._query_vector.__wrapped__
    monkeypatch.setattr(
        fusion, "_query_vector", lambda model, text: asked.append(text) or real(model, text)
    )
    client = app_for(embedded).test_client()
    typo = client.get("/api/search?q=ترانب ماكرون").get_json()
    right = client.get("/api/search?q=ترامب ماكرون&mode=words").get_json()
    assert typo["did_you_mean"] == {"q": "ترامب ماكرون", "total": right["total"]}
    # Each spelling tried is counted by its words: only the query was embedded.
    assert asked == ["ترانب ماكرون"]
