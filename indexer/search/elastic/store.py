"""Reindexing into Elasticsearch: a new index version behind the alias.

`ElasticStore.new_version()` creates `articles-v{N}-{timestamp}` (N: the
mapping's version) with no replica and no refresh, yields a Loader that
bulk-loads it from a background thread, and when the block ends normally:
restores replicas and refresh, refreshes, checks the count, moves the alias
to it in one `update_aliases` call, and deletes versions beyond the newest
`keep` old ones. When the block raises, the new index is deleted and the
alias stays where it was; a build left by a node that died is deleted by
the next reindex.
"""

import logging
import queue
import sqlite3
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime

from elasticsearch import ApiError, TransportError, helpers

from indexer.arabic import normalize

from ..dedup import SeenArticles
from ..errors import BuildFailed, SearchError
from .client import BACKOFF_SECONDS, connect, is_retryable, unavailable
from .index import PLUGIN, Analysis, index_body, version

log = logging.getLogger(__name__)

CHUNK_BYTES = 8_000_000  # a bulk request's size, roughly
CHUNK_DOCS = 2_000
BUILDING = {"number_of_replicas": 0, "auto_expand_replicas": False, "refresh_interval": "-1"}


def node_has_plugin(client) -> bool:
    """Whether the node has Bahth's analysis plugin (its analyzer bahth_arabic)."""
    try:
        client.indices.analyze(analyzer="bahth_arabic", text="بحث")
    except ApiError as error:
        if error.status_code == 400:
            return False
        raise
    return True


class ElasticStore:
    name = "elasticsearch"

    def __init__(
        self,
        url,
        alias="articles",
        keep=2,
        backoff=BACKOFF_SECONDS,
        analysis="auto",
        shards=1,
        replicas="0-1",
    ):
        """`analysis`: auto (the node path where the plugin is), node or python;
        `shards` of each new version; `replicas` once built: a number, or a
        range for auto_expand_replicas ("0-1")."""
        self.url, self.alias, self.keep, self.backoff = url, alias, keep, backoff
        self.shards, self.replicas = shards, replicas
        self.wanted = analysis
        self.client = connect(url, timeout=120)
        self.live = None  # the index behind the alias after a switch
        self.analysis: Analysis | None = None  # the path of the last build, and why
        self.why = ""

    def describe(self):
        built = f" (analysis: {self.analysis}, {self.why})" if self.analysis else ""
        return f"{self.url} alias {self.alias!r} -> {self.live}{built}"

    def _versions(self):
        """{index name: (creation time, has the alias)} of this alias's versions."""
        found = self.client.indices.get(index=f"{self.alias}-v*", expand_wildcards="all")
        return {
            name: (
                int(info["settings"]["index"]["creation_date"]),
                self.alias in info.get("aliases", {}),
            )
            for name, info in found.items()
        }

    @contextmanager
    def new_version(self):
        try:
            analysis = self._analysis()
            self._check_alias_is_free()
            self._remove_failed_builds()
            name, restore = self._create(analysis)
        except (TransportError, ApiError) as error:
            raise unavailable(self.url, error) from error
        loader = Loader(self.client, self.url, name, analysis, self.backoff)
        try:
            yield loader
            loader.finish()
            self._switch(name, restore, loader.count)
        except BaseException:
            loader.abandon()
            self._delete_quietly(name)
            raise
        try:
            self._prune()
        except (TransportError, ApiError) as error:
            log.warning("old index versions not deleted: %s", error)

    def _analysis(self) -> Analysis:
        if self.wanted == Analysis.PYTHON:
            self.analysis, self.why = (
                Analysis.PYTHON,
                "in Python, as BAHTH_ELASTICSEARCH_ANALYSIS says",
            )
            return self.analysis
        if node_has_plugin(self.client):
            self.analysis, self.why = Analysis.NODE, f"by the node's {PLUGIN} plugin"
            return self.analysis
        if self.wanted == Analysis.NODE:
            raise BuildFailed(
                f"Elasticsearch at {self.url} has no {PLUGIN} plugin, and "
                "BAHTH_ELASTICSEARCH_ANALYSIS=node asks for it: install it on every node "
                "(scripts/build-plugin builds it), or set BAHTH_ELASTICSEARCH_ANALYSIS=auto"
            )
        self.analysis = Analysis.PYTHON
        self.why = f"in Python: the node has no {PLUGIN} plugin"
        log.warning(
            "Elasticsearch at %s has no %s plugin (scripts/build-plugin builds it; "
            "bin/elasticsearch-plugin install file://…/elasticsearch-analysis-bahth-*.zip): "
            "the index holds the terms of Bahth's Python analysis (the python path), which "
            "only Bahth can query.",
            self.url,
            PLUGIN,
        )
        return self.analysis

    def _check_alias_is_free(self):
        if self.client.indices.exists(index=self.alias) and not self.client.indices.exists_alias(
            name=self.alias
        ):
            raise BuildFailed(
                f"{self.alias!r} on {self.url} is an index, not an alias: "
                "rename or delete it, or set BAHTH_ELASTICSEARCH_INDEX"
            )

    def _remove_failed_builds(self):
        """Delete versions newer than the live one that never got the alias:
        builds a dead node or a killed reindex left behind."""
        versions = self._versions()
        live = max((created for created, aliased in versions.values() if aliased), default=0)
        for name, (created, aliased) in versions.items():
            if not aliased and created > live:
                log.warning("deleting %s, left by a reindex that did not finish", name)
                self.client.indices.delete(index=name)

    def _create(self, analysis: Analysis):
        body = index_body(analysis)
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        name = f"{self.alias}-v{version(analysis)}-{stamp}"
        settings = body["settings"]["index"]
        settings["number_of_shards"] = self.shards
        settings.update(BUILDING)
        if "-" in self.replicas:
            restore = {"auto_expand_replicas": self.replicas, "refresh_interval": None}
        else:
            restore = {"number_of_replicas": int(self.replicas), "refresh_interval": None}
        body["mappings"]["_meta"] = {
            "bahth": {"analysis": str(analysis), "version": version(analysis)}
        }
        self.client.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])
        return name, restore

    def _switch(self, name, restore, loaded):
        try:
            self.client.indices.put_settings(index=name, settings={"index": restore})
            self.client.indices.refresh(index=name)
            self.client.cluster.health(index=name, wait_for_status="yellow", timeout="60s")
            count = self.client.count(index=name)["count"]
            if count != loaded:
                raise BuildFailed(f"{name} holds {count:,} articles; {loaded:,} were loaded")
            self.client.indices.update_aliases(
                actions=[
                    {
                        "remove": {
                            "index": f"{self.alias}-v*",
                            "alias": self.alias,
                            "must_exist": False,
                        }
                    },
                    {"add": {"index": name, "alias": self.alias}},
                ]
            )
        except (TransportError, ApiError) as error:
            raise unavailable(self.url, error) from error
        self.live = name

    def _prune(self):
        old = sorted(
            (
                (created, name)
                for name, (created, aliased) in self._versions().items()
                if not aliased
            ),
            reverse=True,
        )
        for _, name in old[self.keep :]:
            self.client.indices.delete(index=name)

    def _delete_quietly(self, name):
        try:
            self.client.options(max_retries=0, request_timeout=10).indices.delete(
                index=name, ignore_unavailable=True
            )
        except (TransportError, ApiError) as error:
            log.warning(
                "could not delete the unfinished index %s (%s); the next reindex will", name, error
            )


def document(article, analyzed, analysis):
    """The Elasticsearch document of an article on the given analysis path."""
    doc = {
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "date": article.date,
        "source": article.source,
        "category": article.category,
        "actors": article.actors,
        "tags": article.tags,
        "url": article.url,
        "author": article.author,
        "origin": article.origin,
        "also": [],
        "extra": article.extra,
    }
    if analysis == Analysis.PYTHON:
        doc.update(
            title_terms=analyzed.title_terms,
            body_terms=analyzed.body_terms,
            title_exact=normalize(article.title),
            body_exact=normalize(article.body),
        )
    return doc


class Loader:
    """Bulk-loads articles into one index; a thread sends while the caller reads on."""

    def __init__(self, client, url, index, analysis, backoff):
        self.client, self.url, self.index = client, url, index
        self.analysis, self.backoff = analysis, backoff
        # On the node path the node analyses the text: the Python terms go unused.
        self.wants_terms = analysis == Analysis.PYTHON
        self.count = 0
        self.seen = SeenArticles(sqlite3.connect("", isolation_level=None))
        self._chunk, self._chunk_bytes = [], 0
        self._queue = queue.Queue(maxsize=2)
        self._failure = None
        self._refused = []  # (id, reason) of articles Elasticsearch refused
        self._thread = threading.Thread(target=self._send_chunks, name="bahth-bulk", daemon=True)
        self._thread.start()

    def add(self, article, analyzed):
        """As the embedded Loader: "indexed", "duplicate", or IdConflict."""
        if not self.seen.admit(article, analyzed.dedup):
            return "duplicate"
        self._chunk.append(
            {
                "_index": self.index,
                "_id": article.id,
                "_source": document(article, analyzed, self.analysis),
            }
        )
        self._chunk_bytes += (len(article.body) + len(article.title)) * (
            2 if self.analysis == Analysis.NODE else 5
        )
        if self._chunk_bytes >= CHUNK_BYTES or len(self._chunk) >= CHUNK_DOCS:
            self._flush()
        self.count += 1
        return "indexed"

    def _flush(self):
        if self._failure:
            raise self._failure
        if self._chunk:
            self._queue.put(self._chunk)
            self._chunk, self._chunk_bytes = [], 0

    def finish(self):
        for original, copies in self.seen.copies():
            self._chunk.append(
                {
                    "_op_type": "update",
                    "_index": self.index,
                    "_id": original,
                    "doc": {"also": copies},
                }
            )
        self._flush()
        self._queue.put(None)
        self._thread.join()
        self.seen.db.close()
        if self._failure:
            raise self._failure
        if self._refused:
            shown = "; ".join(f"ID {i!r}: {reason}" for i, reason in self._refused[:5])
            raise BuildFailed(f"Elasticsearch refused {len(self._refused):,} articles: {shown}")

    def abandon(self):
        self._failure = self._failure or BuildFailed("abandoned")
        while self._thread.is_alive():
            try:
                self._queue.put(None, timeout=1)
            except queue.Full:
                continue
            break
        self._thread.join(timeout=5)
        try:
            self.seen.db.close()
        except sqlite3.Error:
            pass

    def _send_chunks(self):
        while (chunk := self._queue.get()) is not None:
            if self._failure is None:
                try:
                    self._send(chunk)
                except Exception as error:  # handed to the loading thread
                    self._failure = (
                        error if isinstance(error, SearchError) else unavailable(self.url, error)
                    )

    def _send(self, chunk):
        """One bulk request, again after a wait while the node is unreachable or busy."""
        for wait in (*self.backoff, None):
            try:
                _, errors = helpers.bulk(
                    self.client,
                    chunk,
                    chunk_size=len(chunk),
                    max_chunk_bytes=100_000_000,
                    raise_on_error=False,
                    max_retries=len(self.backoff),
                    initial_backoff=1,
                    max_backoff=30,
                )
            except (TransportError, ApiError) as error:
                if wait is None or not is_retryable(error):
                    raise
                log.warning("bulk request failed (%s); again in %s s", error, wait)
                time.sleep(wait)
                continue
            for item in errors:
                (detail,) = item.values()
                reason = detail.get("error", {})
                reason = reason.get("reason", reason) if isinstance(reason, dict) else reason
                self._refused.append((detail.get("_id"), reason))
            return
