"""Elasticsearch as a cluster: three real nodes on 127.0.0.1, one of them
killed with SIGKILL while Bahth searches and while it reindexes.

What this holds:
- a reindex with three shards and one replica spreads them over the nodes;
- while a node dies, every search answers (no 5xx), and once the cluster is
  yellow every total is what it was;
- a node killed in the middle of a reindex loses nothing: the replicas,
  there from the start of the build, take over, the bulk requests go on to
  the nodes left, and the reindex completes with every article;
- the node started again: the cluster is green, and the same app answers
  without a restart.
"""

import threading
import time

import pytest

from indexer import reindex
from indexer.search.elastic import ElasticStore
from indexer.search.elastic.client import connect

from .conftest import app_for, article, delete_versions, write_jsonl

SOURCES = ("سكاي نيوز عربية", "بي بي سي عربي", "فرانس 24")
# Searches of the API, and their totals in the archive `records` writes.
QUERIES = {
    "q=الانتخابات": 3_000,
    "q=الزلزال": 1_000,
    "q=الانتخابات&source=بي بي سي عربي": 999,
    "q=الزلزال المدينة&source=فرانس 24": 333,
}


def records(count=3_000):
    """Articles from three outlets in turn; one in three is about an earthquake."""
    for n in range(count):
        topic = "الزلزال" if n % 3 == 0 else "الاقتصاد"
        yield article(
            n,
            source=SOURCES[(n // 3) % 3],
            body=f"نص الخبر رقم {n} عن الانتخابات و{topic} في المدينة. " * 6,
        )


def shards_by_node(client, index):
    """{node name: [shard copies]} of an index, started copies only."""
    found = {}
    for row in client.cat.shards(index=index, format="json"):
        if row["state"] == "STARTED":
            found.setdefault(row["node"], []).append((row["shard"], row["prirep"]))
    return found


def wait_for(client, status, nodes, index, seconds=120):
    """Wait until `index` (the test's, whatever else the cluster holds) has
    `status` with `nodes` nodes in the cluster."""
    health = client.options(request_timeout=seconds + 10).cluster.health(
        index=index, wait_for_status=status, wait_for_nodes=str(nodes), timeout=f"{seconds}s"
    )
    assert not health["timed_out"], health


@pytest.fixture(scope="module")
def indexed(elasticsearch_cluster, tmp_path_factory):
    """The archive of `records` indexed with three shards and one replica."""
    folder = tmp_path_factory.mktemp("cluster")
    archive = write_jsonl(folder / "news.jsonl", list(records()))
    alias = "test-cluster"
    delete_versions(connect(elasticsearch_cluster.writer), alias)
    store = ElasticStore(elasticsearch_cluster.writer, alias, shards=3, replicas="1")
    summary = reindex.run([archive], store, workers=1)
    assert summary.indexed == 3_000
    yield store, archive
    delete_versions(store.client, alias)


def client_of(cluster, alias):
    return app_for(**cluster.settings, elasticsearch_index=alias).test_client()


def search(client, query):
    return client.get("/api/search", query_string=dict(p.split("=") for p in query.split("&")))


def totals(client):
    found = {}
    for query in QUERIES:
        response = search(client, query)
        assert response.status_code == 200, (query, response.get_json())
        found[query] = response.get_json()["total"]
    return found


def test_three_shards_and_a_replica_spread_over_the_three_nodes(elasticsearch_cluster, indexed):
    store, _ = indexed
    wait_for(store.client, "green", 3, store.alias)
    spread = shards_by_node(store.client, store.live)
    assert len(spread) == 3  # every node holds a copy of something
    copies = [copy for held in spread.values() for copy in held]
    assert sorted(copies) == sorted((str(s), kind) for s in range(3) for kind in "pr")
    for held in spread.values():  # no node holds both copies of one shard
        assert len({shard for shard, _ in held}) == len(held)
    assert totals(client_of(elasticsearch_cluster, store.alias)) == QUERIES


def test_searches_answer_while_a_node_dies_and_the_node_comes_back(elasticsearch_cluster, indexed):
    store, _ = indexed
    cluster = elasticsearch_cluster
    wait_for(store.client, "green", 3, store.alias)
    client = client_of(cluster, store.alias)
    assert totals(client) == QUERIES
    survivor = connect(cluster.endpoint(node=1))

    outcomes = []  # (query, status, total) of every search of the loop
    stop = threading.Event()

    def search_loop():
        while not stop.is_set():
            for query in QUERIES:
                response = search(client, query)
                body = response.get_json()
                outcomes.append((query, response.status_code, body.get("total")))

    loop = threading.Thread(target=search_loop)
    loop.start()
    try:
        time.sleep(1)
        cluster.kill(0)  # the first node of BAHTH_ELASTICSEARCH_URL, and maybe the master
        killed_at = len(outcomes)
        wait_for(survivor, "yellow", 2, store.alias)
        yellow_at = len(outcomes)
        # Every query twice more on the two nodes left (the search that was
        # under way on the node killed may have answered only now).
        deadline = time.monotonic() + 300  # a generous cap: outcomes are what is waited for
        while len(outcomes) < yellow_at + 2 * len(QUERIES) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        loop.join()
        cluster.start(0)
    failed = [o for o in outcomes if o[1] != 200]
    assert failed == [], failed[:5]
    assert len(outcomes) >= yellow_at + 2 * len(QUERIES)  # searches ran after the loss
    assert yellow_at >= killed_at
    wrong = [o for o in outcomes[yellow_at:] if o[2] != QUERIES[o[0]]]
    assert wrong == [], wrong[:5]
    print(f"{len(outcomes)} searches while node 0 died, none failed; {killed_at} before the kill")

    wait_for(survivor, "green", 3, store.alias)
    assert totals(client) == QUERIES  # the same app, not restarted
    try:
        cluster.kill(1)  # the app now needs node 0 back, or the others
        wait_for(connect(cluster.endpoint(node=2)), "yellow", 2, store.alias)
        assert totals(client) == QUERIES
    finally:
        cluster.start(1)
    wait_for(survivor, "green", 3, store.alias)


def test_a_node_killed_during_a_reindex_loses_no_article(elasticsearch_cluster, indexed, tmp_path):
    store, _ = indexed
    cluster = elasticsearch_cluster
    wait_for(store.client, "green", 3, store.alias)
    before = store.live
    archive = write_jsonl(tmp_path / "more.jsonl", list(records(30_000)))
    new = ElasticStore(cluster.writer, store.alias, shards=3, replicas="1")
    result = {}

    def run():
        try:
            result["summary"] = reindex.run([archive], new, workers=1)
        except Exception as error:  # the test asserts there was none
            result["error"] = error

    reindexing = threading.Thread(target=run)
    reindexing.start()
    try:
        deadline = time.monotonic() + 600
        while _loaded(store.client, store.alias, before) < 3_000:
            assert reindexing.is_alive() and time.monotonic() < deadline, result
            time.sleep(0.2)
        cluster.kill(2)
        reindexing.join(timeout=600)
        assert not reindexing.is_alive()
    finally:
        cluster.start(2)
    assert "error" not in result, result["error"]
    assert result["summary"].indexed == 30_000
    wait_for(store.client, "green", 3, store.alias)
    assert new.live != before
    assert store.client.count(index=store.alias)["count"] == 30_000
    assert store.client.indices.get_alias(name=store.alias) == {
        new.live: {"aliases": {store.alias: {}}}
    }


def _loaded(client, alias, live):
    """Articles indexed so far into the version being built (not `live`)."""
    stats = client.indices.stats(index=f"{alias}-v*", metric="indexing")["indices"]
    return sum(
        s["primaries"]["indexing"]["index_total"] for name, s in stats.items() if name != live
    )
