"""Changing the live Elasticsearch index in place: `bahth add` and `bahth remove`."""

from elasticsearch import ApiError, TransportError, helpers

from ..contract import Refusal
from ..errors import BuildFailed
from ..groups import Changes, InPlace
from .bulk import field_named, refusal_reason, send
from .client import unavailable
from .document import document, stored_group
from .index import Analysis


class Updater(InPlace):
    """Changes the live index behind the alias in place, as the embedded
    Updater does. Every BATCH articles, one bulk request of whole documents
    with explicit IDs: each group's new document indexed (overwriting), then
    the documents of groups whose original changed deleted. Sending a batch
    again gives the same index, so a batch cut short is completed by running
    the same add again. The batch is refreshed before the next one reads."""

    def __init__(self, client, endpoint, index, analysis):
        self.client, self.endpoint, self.index, self.analysis = client, endpoint, index, analysis
        self.wants_terms = analysis == Analysis.PYTHON
        self.lexicon = None  # the shipped one: changing() refuses an index built with another
        latest = self.client.search(
            index=index, size=0, aggs={"latest": {"max": {"field": "latest"}}}
        )["aggregations"]["latest"]["value"]
        self.changes = Changes(self, int(latest or 0) + 1)
        self.articles_of_batch: dict[str, object] = {}  # ID -> Article added in this batch
        self._refusals: list[Refusal] = []

    def _one(self, field, value):
        found = self.client.search(
            index=self.index, size=1, query={"term": {field: value}}, source_excludes=["*_exact"]
        )["hits"]["hits"]
        return stored_group(found[0]["_source"]) if found else None

    def with_member(self, article_id):
        return self._one("member", article_id)

    def with_body(self, dedup):
        return self._one("dedup", dedup)

    def taken(self, article):
        self.articles_of_batch[article.id] = article  # a refusal names its record

    def published_by(self, source):
        articles = []
        for hit in helpers.scan(
            self.client,
            index=self.index,
            query={
                "query": {"term": {"member_source": source}},
                "_source": ["group", "id", "source", "date"],
            },
        ):
            found = hit["_source"]
            if found["source"] == source:
                articles.append((found["id"], found["date"]))
            articles += [
                (m["record"]["id"], m["record"]["date"])
                for m in found["group"]["copies"]
                if m["record"]["source"] == source
            ]
        return articles

    def holds(self, article_id):
        return (
            self.client.count(index=self.index, query={"term": {"member": article_id}})["count"] > 0
        )

    def articles(self):
        total = self.client.search(
            index=self.index, size=0, aggs={"size": {"sum": {"field": "size"}}}
        )
        return int(total["aggregations"]["size"]["value"] or 0)

    def refused(self, wait=False):
        found, self._refusals = self._refusals, []
        return found

    def commit(self):
        deleted, written = self.changes.writes()
        rewritten = {group.original.id for group in written}
        actions = [
            {"_index": self.index, "_id": g.original.id, "_source": document(g, self.analysis)}
            for g in written
        ]
        actions += [
            {"_op_type": "delete", "_index": self.index, "_id": article_id}
            for article_id in deleted
            if article_id not in rewritten
        ]
        try:
            for ok, result in send(self.client, actions):
                if not ok:
                    self._refused(result)
            self.client.indices.refresh(index=self.index)
        except (TransportError, ApiError) as error:
            raise unavailable(self.endpoint, error) from error
        self.changes = Changes(self, self.changes.sequence)
        self.articles_of_batch = {}
        self.done = 0

    def _refused(self, result):
        ((op, detail),) = result.items()
        if op == "delete" and detail.get("status") == 404:
            return  # already gone: a batch sent again
        reason = refusal_reason(detail)
        article = self.articles_of_batch.get(detail.get("_id"))
        if article is None:
            raise BuildFailed(f"{op} of {detail.get('_id')} refused by {self.index}: {reason}")
        self._refusals.append(Refusal(article, field_named(reason), reason))

    def abandon(self):
        pass
