"""Search by meaning: the embedding stage, its vectors, the fused ranking, on
every surface. The real model (indexer/embeddings.py) embeds the sample."""

import json
import os
import subprocess
import sys
import threading

import numpy as np
import pytest

from indexer import embed, embeddings, reindex
from indexer.search import SearchRequest
from indexer.search.embedded import EmbeddedBackend, EmbeddedStore
from indexer.search.embedded.vectors import Vectors
from indexer.status import Terminated

from .conftest import ROOT, app_for, article, write_jsonl


def ids(result):
    return [hit.id for hit in result.hits]


def search(backend, **params):
    listed = {k: [str(v)] for k, v in params.items()}
    return backend.search(SearchRequest.from_params(listed))


@pytest.fixture(scope="module")
def embedded(embedded_sample):
    return embedded_sample


@pytest.fixture(scope="module")
def backend(embedded):
    return EmbeddedBackend(embedded)


def test_every_article_is_embedded_once(embedded, backend):
    vectors = Vectors(EmbeddedStore(embedded).live())
    assert len(vectors) == backend.ping() == 31
    assert vectors.model == embeddings.model().name
    again = embed.run(EmbeddedStore(embedded))
    assert again.embedded == 0 and again.pruned == 0  # nothing to do a second time


def test_an_english_query_finds_the_arabic_article_by_meaning(backend):
    result = search(backend, q="earthquake in Morocco")
    assert ids(result)[0] == "bw-010"
    assert result.hits[0].matched_by == "meaning"
    assert result.meaning == {"added": result.total, "embedded": 31, "articles": 31}
    assert search(backend, q="earthquake in Morocco", mode="words").total == 0
    kim = search(backend, q="North Korea missile test")
    assert ids(kim)[0] == "bw-011"


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


def test_on_elasticsearch_the_words_are_indexed_and_the_missing_vectors_said(
    elasticsearch_url, es_alias, tmp_path
):
    env = {
        **os.environ,
        "BAHTH_DATA_DIR": str(tmp_path),
        "BAHTH_ELASTICSEARCH_URL": elasticsearch_url,
        "BAHTH_ELASTICSEARCH_INDEX": es_alias,
        "BAHTH_EMBEDDINGS": "on",
    }

    def bahth(*args):
        return subprocess.run(
            [sys.executable, "-m", "indexer.cli", *args], env=env, capture_output=True, text=True
        )

    built = bahth("reindex", str(ROOT / "sample"))
    assert built.returncode == 0, built.stderr
    assert "keeps no vectors yet: searched by words only" in built.stderr
    refused = bahth("embed")
    assert refused.returncode == 2
    assert "search by meaning runs on the embedded engine" in refused.stderr
