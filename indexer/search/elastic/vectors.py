"""Search by meaning on Elasticsearch: each article's vector in its own document.

An index version's documents may hold `embedding` (the model's unit vector
of the article's passage, a `dense_vector` searched by kNN; left out of
`_source`, read from the index with `held`), with `embedding_model` (the
model that made it: vectors of another model are not compared) and
`embedding_key` (the digest of the passage it was made from).

A reindex or an add writes documents without vectors (an add replaces a
document whole, vector and all); the embedding stage (`bahth embed`,
indexer/embed.py) then fills them in with partial updates, a bulk request a
batch, each acknowledged by the cluster before the next: a stage that is
stopped keeps what it wrote. An article whose passage has not changed since
the previous version of the alias (a reindex of the same archive, mostly)
takes its vector from there instead of being embedded again. A removed
article's vector goes with its document.
"""

import numpy as np
from elasticsearch import ApiError, TransportError

from indexer.embeddings import passage, passage_key

from ..contract import Survey
from .client import unavailable

# Candidates each shard's HNSW graph visits for the nearest articles, and how
# many times k of them the float vectors score again (scripts/bench-embeddings
# --knn: recall of the exact nearest).
NUM_CANDIDATES = 200
OVERSAMPLE = 2.0
SCAN_PAGE = 500  # documents a page of the survey reads
POINT_IN_TIME = "10m"
FIELDS = ("embedding", "embedding_model", "embedding_key")  # never shown with an article
_DECIMALS = 7  # of a vector's components as sent: float32's precision, a shorter request


def knn(vector, model: str, k: int, kept=()):
    """A kNN search's clause: the `k` articles with a vector of `model`
    nearest to `vector` among those the filters `kept` leave in."""
    return {
        "field": "embedding",
        "query_vector": [float(x) for x in vector],
        "k": k,
        "num_candidates": max(NUM_CANDIDATES, k),
        # The graph is searched by the int8 vectors, whose cosines are off by
        # about 0.01; the float vectors score the nearest again, so that both
        # engines rank alike (exact to 1e-7).
        "rescore_vector": {"oversample": OVERSAMPLE},
        "filter": [of_model(model), *kept],
    }


def held(article_ids):
    """The body of a search of these articles' vectors, with their model and
    key. The vectors are left out of the documents' `_source` (they would
    take more room there than anything else): they are read from the index."""
    return {
        "query": {"ids": {"values": list(article_ids)}},
        "size": len(article_ids),
        "_source": ["embedding_model", "embedding_key"],
        "docvalue_fields": ["embedding"],
    }


def lacking(model: str):
    """The query for the documents without a vector of `model`."""
    return {"bool": {"must_not": [{"term": {"embedding_model": model}}]}}


def of_model(model: str):
    """The filter of the documents with a vector of `model`."""
    return {"term": {"embedding_model": model}}


def cosine(score: float) -> float:
    """The cosine of a kNN hit's score: dot_product scores (1 + cosine) / 2."""
    return 2 * score - 1


class Filling:
    """The documents of the live index version that need a vector, and the
    partial updates that give them one (store.ElasticStore.embedding)."""

    def __init__(self, client, endpoint, live, earlier=None):
        self.client, self.endpoint, self.live, self.earlier = client, endpoint, live, earlier

    def survey(self, model: str, batch: int) -> Survey:
        """One reading of the documents without a vector of `model`: those
        whose passage the previous version embedded take its vector; the
        rest are to embed (a removed article's vector went with it)."""
        wanted, carried = [], 0
        try:
            for page in self._pages(lacking(model), ["title", "body"]):
                keyed = {hit["_id"]: _keyed(hit["_source"]) for hit in page}
                taken = self._carried(model, keyed)
                if taken:
                    self._update(model, taken)
                carried += len(taken)
                wanted += [i for i in keyed if i not in taken]
        except (TransportError, ApiError) as error:
            raise unavailable(self.endpoint, error) from error

        def batches():
            # Read again batch by batch: the passages of a whole archive are
            # not held in memory at once.
            for start in range(0, len(wanted), batch):
                chosen = wanted[start : start + batch]
                found = self._call(
                    self.client.mget, index=self.live, ids=chosen, source=["title", "body"]
                )
                yield [(d["_id"], *_keyed(d["_source"])) for d in found["docs"] if d.get("found")]

        return Survey(0, carried, len(wanted), batches())

    def put(self, model: str, entries, vectors) -> None:
        """Give the articles of `entries` [(ID, key)] their `vectors`, in order."""
        rows = np.round(np.asarray(vectors, dtype=np.float32), _DECIMALS).tolist()
        given = {i: (key, row) for (i, key), row in zip(entries, rows, strict=True)}
        self._call(self._update, model, given)

    def finish(self, model: str) -> None:
        self._call(self.client.indices.refresh, index=self.live)

    # --- the requests -----------------------------------------------------

    def _call(self, method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except (TransportError, ApiError) as error:
            raise unavailable(self.endpoint, error) from error

    def _pages(self, query, source):
        """Pages of the live version's documents matching `query`, in index
        order, on a point in time (the updates made meanwhile unseen)."""
        pit = self.client.open_point_in_time(index=self.live, keep_alive=POINT_IN_TIME)["id"]
        after = None
        try:
            while True:
                body = {
                    "query": query,
                    "size": SCAN_PAGE,
                    "sort": [{"_shard_doc": "asc"}],
                    "_source": source,
                    "track_total_hits": False,
                    "pit": {"id": pit, "keep_alive": POINT_IN_TIME},
                }
                if after is not None:
                    body["search_after"] = after
                found = self.client.search(body=body)
                pit = found.get("pit_id", pit)
                hits = found["hits"]["hits"]
                if not hits:
                    return
                yield hits
                after = hits[-1]["sort"]
        finally:
            self.client.close_point_in_time(id=pit)

    def _carried(self, model, keyed) -> dict:
        """{ID: (key, vector)} of the articles of `keyed` {ID: (key, passage)}
        whose vector the previous version holds for the same passage."""
        if self.earlier is None or not keyed:
            return {}
        found = self.client.search(index=self.earlier, body=held(list(keyed)))
        carried = {}
        for hit in found["hits"]["hits"]:
            made = hit["_source"]
            key = keyed[hit["_id"]][0]
            if made.get("embedding_model") == model and made.get("embedding_key") == key:
                carried[hit["_id"]] = (key, hit["fields"]["embedding"][0])
        return carried

    def _update(self, model, vectors):
        """Write {ID: (key, vector)} as partial updates; an article removed
        meanwhile is passed over."""
        operations = []
        for article_id, (key, vector) in vectors.items():
            operations.append({"update": {"_index": self.live, "_id": article_id}})
            operations.append(
                {"doc": {"embedding": vector, "embedding_model": model, "embedding_key": key}}
            )
        response = self.client.bulk(operations=operations)
        if not response["errors"]:
            return
        for item in response["items"]:
            result = item["update"]
            if result.get("error") and result["status"] != 404:  # 404: removed since
                raise ApiError(
                    message=str(result["error"]), meta=response.meta, body=result["error"]
                )


def _keyed(source) -> tuple[str, str]:
    """(key, passage) of a document's source."""
    text = passage(source.get("title", ""), source.get("body", ""))
    return passage_key(text), text
