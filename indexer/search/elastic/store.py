"""Reindexing into Elasticsearch: a new index version behind the alias.

`ElasticStore.new_version()` creates `articles-v{N}-{timestamp}` (N: the
mapping's version) with its shards and replicas and no refresh, yields a
Loader that bulk-loads it from a background thread, and when the block ends
normally: restores refresh, refreshes, checks the count, moves the alias
to it in one `update_aliases` call, and deletes versions beyond the newest
`keep` old ones. When the block raises, the new index is deleted and the
alias stays where it was; a build left by a node that died is deleted by
the next reindex.
"""

import logging
import queue
import re
import sqlite3
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime

from elasticsearch import ApiError, TransportError, helpers
from elasticsearch import ConnectionError as EsConnectionError

from indexer.arabic import normalize

from ..contract import Refusal
from ..dedup import SeenArticles
from ..errors import BuildFailed, SearchError
from .client import RETRY_STATUSES, connect, unavailable
from .index import PLUGIN, Analysis, index_body, version

log = logging.getLogger(__name__)

CHUNK_DOCS = 1_000  # a bulk request's articles, at most (streaming_bulk's chunk_size)
CHUNK_BYTES = 10_000_000  # and its size


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
    # The node indexes (and the bulk thread sends) while the workers read: on
    # 2 cores with the node beside it, 1 worker loads the corpus in 24-26 s, 2 in 29 s.
    spare_cores = 1

    def __init__(
        self,
        url,
        alias="articles",
        keep=2,
        wait=120,
        analysis="auto",
        shards=1,
        replicas="0-1",
    ):
        """`analysis`: auto (the node path where the plugin is), node or python;
        `shards` of each new version; `replicas` once built: a number, or a
        range for auto_expand_replicas ("0-1"), from the start of the build (a
        node lost mid-build then loses nothing); `wait`: seconds a build waits
        for a cluster that stopped answering."""
        self.url, self.alias, self.keep, self.wait = url, alias, keep, wait
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
            name = self._create(analysis)
        except (TransportError, ApiError) as error:
            raise unavailable(self.url, error) from error
        loader = Loader(self.client, self.url, name, analysis, budget=self.wait)
        try:
            yield loader
            loader.finish()
            self._switch(name, loader.count)
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
        settings["refresh_interval"] = "-1"  # until built
        if "-" in self.replicas:
            settings["auto_expand_replicas"] = self.replicas
        else:
            settings["number_of_replicas"] = int(self.replicas)
        body["mappings"]["_meta"] = {
            "bahth": {"analysis": str(analysis), "version": version(analysis)}
        }
        self.client.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])
        return name

    def _switch(self, name, loaded):
        try:
            self.client.indices.put_settings(
                index=name, settings={"index": {"refresh_interval": None}}
            )
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
        "origin": article.where,
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


def also(copies, analysis):
    """The fields of an article that has exact duplicates: their outlets and
    headlines, and those headlines searchable."""
    fields: dict[str, object] = {
        "also": [{k: copy[k] for k in ("id", "url", "source", "title")} for copy in copies]
    }
    if analysis == Analysis.PYTHON:
        fields["also_title_terms"] = [copy["title_terms"] for copy in copies]
    else:
        fields["also_title"] = [copy["title"] for copy in copies]
    return fields


class Loader:
    """Bulk-loads articles into one index; a thread sends while the caller reads on.

    One retry layer: `helpers.streaming_bulk`, which chunks the stream and
    sends again, with a doubling wait up to `max_backoff`, what a busy or
    recovering cluster answers with a RETRY_STATUSES status. The transport
    does not retry statuses; it only moves on to another node of
    BAHTH_ELASTICSEARCH_URL when one does not answer. When none answers, the
    thread waits for the cluster, up to `budget` seconds, and sends again the
    articles that were not answered (by ID: sending one twice is harmless).
    An article refused for itself (a mapping error, an ID too long) is a
    Refusal for the rejects file, not a failure of the run.
    """

    def __init__(self, client, url, index, analysis, *, retries=6, max_backoff=30, budget=120):
        self.client, self.url, self.index, self.analysis = client, url, index, analysis
        self.retries, self.max_backoff, self.budget = retries, max_backoff, budget
        # On the node path the node analyses the text: the Python terms go unused.
        self.wants_terms = analysis == Analysis.PYTHON
        self.added = 0
        self.seen = SeenArticles(sqlite3.connect("", isolation_level=None))
        self._queue = queue.Queue(maxsize=2 * CHUNK_DOCS)
        self._in_flight = {}  # (op, id) -> (action, article): sent, not yet answered
        self._refusals = queue.SimpleQueue()  # Refusal, from the thread to the caller
        self._refused_count = 0
        self._answered = threading.Event()
        self._flush_pending = False
        self._ended = False
        self._failure = None
        self._thread = threading.Thread(target=self._send_all, name="bahth-bulk", daemon=True)
        self._thread.start()

    @property
    def count(self):
        """Articles indexed: taken by `add` and not refused."""
        return self.added - self._refused_count

    def add(self, article, analyzed):
        """As the embedded Loader: "indexed", "duplicate", or IdConflict."""
        if not self.seen.admit(article, analyzed.dedup, analyzed.title_terms):
            return "duplicate"
        action = {
            "_index": self.index,
            "_id": article.id,
            "_source": document(article, analyzed, self.analysis),
        }
        self._put((action, article))
        self.added += 1
        return "indexed"

    def refused(self, wait=False):
        if wait:
            self._answered.clear()
            self._put(_FLUSH)
            while not self._answered.wait(timeout=1):
                self._check()
        found = []
        while True:
            try:
                found.append(self._refusals.get_nowait())
            except queue.Empty:
                return found

    def finish(self):
        for original, copies in self.seen.copies():
            update = {"_op_type": "update", "_index": self.index, "_id": original}
            self._put(({**update, "doc": also(copies, self.analysis)}, None))
        self._put(_END)
        while self._thread.is_alive():
            self._thread.join(timeout=1)
            self._check()
        self.seen.db.close()
        self._check()

    def abandon(self):
        self._failure = self._failure or BuildFailed("abandoned")
        while self._thread.is_alive():
            try:
                self._queue.put(_END, timeout=1)
            except queue.Full:
                continue
            break
        self._thread.join(timeout=5)
        try:
            self.seen.db.close()
        except sqlite3.Error:
            pass

    def _put(self, item):
        """Queue an item for the thread, unless the thread has failed."""
        while True:
            self._check()
            try:
                self._queue.put(item, timeout=1)
                return
            except queue.Full:
                continue

    def _check(self):
        if self._failure:
            raise self._failure

    # --- the sending thread ---------------------------------------------------

    def _send_all(self):
        try:
            self._stream()
        except Exception as error:  # handed to the loading thread
            self._failure = (
                error if isinstance(error, SearchError) else unavailable(self.url, error)
            )
            self._answered.set()

    def _stream(self):
        deadline, wait = None, 1
        bulk_client = self.client.options(retry_on_status=())
        while True:
            try:
                for ok, result in helpers.streaming_bulk(
                    bulk_client,
                    self._actions(),
                    chunk_size=CHUNK_DOCS,
                    max_chunk_bytes=CHUNK_BYTES,
                    raise_on_error=False,
                    max_retries=self.retries,
                    initial_backoff=1,
                    max_backoff=self.max_backoff,
                    retry_on_status=RETRY_STATUSES,
                ):
                    deadline, wait = None, 1
                    self._answer(ok, result)
                return
            except EsConnectionError as error:
                now = time.monotonic()
                deadline = deadline or now + self.budget
                if now >= deadline:
                    raise
                log.warning(
                    "Elasticsearch at %s does not answer (%s); %d articles sent again "
                    "once it does (waiting up to %d s more)",
                    self.url,
                    error.message,
                    len(self._in_flight),
                    deadline - now,
                )
                time.sleep(min(wait, deadline - now))
                wait = min(2 * wait, 16)

    def _actions(self):
        """The actions for streaming_bulk: first those sent and not answered
        (after a lost connection), then the queue's."""
        for action, _ in list(self._in_flight.values()):
            yield action
        if self._flush_pending:
            yield from self._flush()
        while not self._ended:
            item = self._queue.get()
            if item is _END:
                self._ended = True
            elif item is _FLUSH:
                self._flush_pending = True
                yield from self._flush()
            else:
                action, article = item
                self._in_flight[_key(action)] = (action, article)
                yield action

    def _flush(self):
        yield helpers.BULK_FLUSH
        # streaming_bulk asks for the next action only once the chunk is answered.
        self._flush_pending = False
        self._answered.set()

    def _answer(self, ok, result):
        ((op, detail),) = result.items()
        _, article = self._in_flight.pop((op, detail.get("_id")), (None, None))
        if ok:
            return
        error = detail.get("error", {})
        reason = error.get("reason", str(error)) if isinstance(error, dict) else str(error)
        if article is None:  # an "also published by" update
            log.warning("%s of %s refused: %s", op, detail.get("_id"), reason)
            return
        self._refused_count += 1
        self._refusals.put(Refusal(article, _field_named(reason), reason))


_FLUSH = object()  # queue item: send what is held, and say when it is answered
_END = object()  # queue item: no more actions


def _key(action):
    return action.get("_op_type", "index"), action["_id"]


def _field_named(reason: str) -> str | None:
    """The article field an Elasticsearch refusal names: "failed to parse
    field [date]", "immense term in field=\"source\"", "id [...] is too long"."""
    found = re.search(r"field \[([^\].]+)|field=\"([^\".]+)", reason)
    if found:
        return found.group(1) or found.group(2)
    return "id" if reason.startswith("id [") else None
