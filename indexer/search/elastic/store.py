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
import os
import queue
import re
import socket
import sqlite3
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime

from elasticsearch import ApiError, NotFoundError, TransportError, helpers
from elasticsearch import ConnectionError as EsConnectionError

from indexer.arabic import lexicon_digest, normalize
from indexer.arabic.export import fingerprint
from indexer.arabic.stem import SHIPPED_LEXICON

from ..contract import Refusal
from ..dedup import SeenArticles
from ..errors import AnalysisChanged, BackendUnavailable, BuildFailed, Busy, SearchError
from ..groups import Changes, Group, InPlace, Member, article_record, content_key
from ..locks import process_running
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
        lease=180,
    ):
        """`analysis`: auto (the node path where the plugin is), node or python;
        `shards` of each new version; `replicas` once built: a number, or a
        range for auto_expand_replicas ("0-1"), from the start of the build (a
        node lost mid-build then loses nothing); `wait`: seconds a build waits
        for a cluster that stopped answering; `lease`: seconds the writer lease
        lasts unrenewed."""
        self.url, self.alias, self.keep, self.wait = url, alias, keep, wait
        self.lease = lease
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
    def writing(self):
        """Hold the alias's writer lease; Busy when another writer does."""
        lease = Lease(self.client, self.alias, self.lease)
        try:
            lease.take()
        except (TransportError, ApiError) as error:
            raise unavailable(self.url, error) from error
        try:
            yield
        finally:
            lease.give_back()

    @contextmanager
    def new_version(self):
        with self.writing():
            yield from self._build()

    def _build(self):
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

    @contextmanager
    def changing(self):
        """Yield an Updater changing the index behind the alias in place
        (`bahth add`, `bahth remove`); the alias does not move."""
        with self.writing():
            try:
                live = next(iter(self.client.indices.get_alias(name=self.alias)), None)
                meta = self.client.indices.get_mapping(index=live)[live]["mappings"]["_meta"]
            except NotFoundError:
                raise BackendUnavailable(
                    f"no index behind the alias {self.alias!r} on {self.url} to change: "
                    "run `bahth reindex PATH` first"
                ) from None
            except (TransportError, ApiError) as error:
                raise unavailable(self.url, error) from error
            made = meta.get("bahth", {})
            analysis = Analysis(made.get("analysis", Analysis.NODE))
            if made.get("version") != version(analysis):
                raise BackendUnavailable(
                    f"{live} has mapping version {made.get('version')}, this Bahth writes "
                    f"{version(analysis)}: run `bahth reindex PATH` again"
                )
            # The node's plugin (or, on the python path, this Bahth) analyses
            # what is added: it must be the analysis the index was built with.
            same = (made.get("fingerprint"), made.get("lexicon")) == (
                fingerprint(),
                lexicon_digest(SHIPPED_LEXICON.read_bytes()),
            )
            if not same:
                raise AnalysisChanged(
                    f"{live} was built with another analysis (stemming lexicon, rules or "
                    "stopwords) than this Bahth's; adding to it would mix the two. "
                    "Run `bahth reindex PATH` to adopt this one"
                )
            self.live, self.analysis = live, analysis
            self.why = "as the live index was built"
            updater = Updater(self.client, self.url, live, analysis)
            yield updater
            updater.finish()

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
            "bahth": {
                "analysis": str(analysis),
                "version": version(analysis),
                "fingerprint": fingerprint(),
                "lexicon": lexicon_digest(SHIPPED_LEXICON.read_bytes()),
            }
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


_SHOWN = (
    "id",
    "title",
    "body",
    "date",
    "source",
    "category",
    "actors",
    "tags",
    "url",
    "author",
    "origin",
    "extra",
)
# What a document holds for `bahth add` and `bahth remove` alone (groups.py):
# never shown, never searched for its words.
PRIVATE = ("sequence", "member", "member_source", "dedup", "latest", "size", "group")


def document(group: Group, analysis) -> dict:
    """The Elasticsearch document of a group: its original's article, its
    copies' outlets and headlines, and what changing it later needs."""
    record = group.record()
    doc = {name: record[name] for name in _SHOWN}
    if analysis == Analysis.PYTHON:
        doc.update(
            title_terms=group.original.title_terms,
            body_terms=group.body_terms,
            title_exact=normalize(record["title"]),
            body_exact=normalize(record["body"]),
        )
    doc.update(grouping(group, analysis))
    doc["sequence"] = group.original.sequence
    doc["dedup"] = group.dedup
    doc["group"] = group.private()
    return doc


def grouping(group: Group, analysis) -> dict:
    """The fields that change when a copy joins or leaves the group."""
    copies = group.copies
    fields: dict[str, object] = {
        "also": group.record()["also"],
        "member": [m.id for m in group.members],
        "member_source": [m.record["source"] for m in group.members],
        "latest": group.latest,
        "size": len(group.members),
    }
    if analysis == Analysis.PYTHON:
        fields["also_title_terms"] = [m.title_terms for m in copies]
    else:
        fields["also_title"] = [m.record["title"] for m in copies]
    return fields


def stored_group(source: dict) -> Group:
    """The group an Elasticsearch document's _source holds."""
    record = {name: source.get(name) for name in _SHOWN}
    record["also"] = source.get("also", [])
    return Group.stored(
        record,
        source.get("title_terms", ""),
        source.get("body_terms", ""),
        source["sequence"],
        source["group"],
    )


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
        self.lexicon = None  # a new index is built with the shipped lexicon
        self.added = 0
        self.sequence = 0
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
        record = article_record(article)
        self.sequence += 1
        member = Member(record, analyzed.title_terms, content_key(record), self.sequence)
        if not self.seen.admit(article, analyzed.dedup, analyzed.title_terms, member.to_json()):
            return "duplicate"
        dedup = analyzed.dedup.hex() if analyzed.dedup is not None else None
        group = Group([member], analyzed.body_terms, dedup)
        action = {
            "_index": self.index,
            "_id": article.id,
            "_source": document(group, self.analysis),
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
            # The original as far as its group's fields need it, and its copies.
            source, sequence = self.seen.original(original)
            stand_in = Member({"id": original, "source": source}, "", "", sequence)
            members = [Member.from_json(copy["member"]) for copy in copies]
            fields = grouping(Group([stand_in, *members], "", None), self.analysis)
            fields["group"] = {"copies": [m.to_json() for m in members]}  # merged into it
            update = {"_op_type": "update", "_index": self.index, "_id": original}
            self._put(({**update, "doc": fields}, None))
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
        while True:
            try:
                for ok, result in _bulk(
                    self.client, self._actions(), self.retries, self.max_backoff
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


def _bulk(client, actions, retries=6, max_backoff=30):
    """(ok, result) of each action, sent in chunks; the one retry layer:
    streaming_bulk sends again what a busy or recovering cluster answers
    with a RETRY_STATUSES status, waiting 1, 2, 4 … up to `max_backoff` s
    (the transport itself retries no status)."""
    return helpers.streaming_bulk(
        client.options(retry_on_status=()),
        actions,
        chunk_size=CHUNK_DOCS,
        max_chunk_bytes=CHUNK_BYTES,
        raise_on_error=False,
        max_retries=retries,
        initial_backoff=1,
        max_backoff=max_backoff,
        retry_on_status=RETRY_STATUSES,
    )


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


class Lease:
    """One writer at a time on an alias, across machines: a lease document
    in `<alias>-writer`, created only if absent and renewed while its holder
    runs. A holder killed outright (kill -9, a machine lost) leaves a lease
    that lapses after `seconds`; the next writer then takes it over, at once
    when the holder was a process of this machine that is gone."""

    def __init__(self, client, alias, seconds=180):
        self.seconds = seconds
        self.client = client.options(retry_on_status=RETRY_STATUSES)
        self.index = f"{alias}-writer"
        self.host, self.pid = socket.gethostname(), os.getpid()
        self._stop = threading.Event()
        self._thread = None

    def _document(self):
        return {"host": self.host, "pid": self.pid, "until": time.time() + self.seconds}

    def _held(self, lease) -> bool:
        """Whether a lease found in the index still keeps others out."""
        if lease["until"] <= time.time():
            return False
        return lease["host"] != self.host or process_running(lease["pid"])

    def take(self):
        try:
            self.client.create(index=self.index, id="lease", document=self._document())
        except ApiError as error:
            if error.status_code != 409:
                raise
            found = self.client.get(index=self.index, id="lease")
            lease = found["_source"]
            if self._held(lease):
                raise Busy(
                    f"pid {lease['pid']} on {lease['host']} is writing to the alias "
                    f"{self.index.removesuffix('-writer')!r}; one reindex, add or remove at a "
                    "time: try again when it ends"
                ) from None
            # A lapsed lease, or its holder is gone: take it over, unless
            # another writer just did (then this fails with a conflict).
            self.client.index(
                index=self.index,
                id="lease",
                document=self._document(),
                if_seq_no=found["_seq_no"],
                if_primary_term=found["_primary_term"],
            )
        self._thread = threading.Thread(target=self._renew, name="bahth-lease", daemon=True)
        self._thread.start()

    def _renew(self):
        while not self._stop.wait(self.seconds / 3):
            try:
                self.client.index(index=self.index, id="lease", document=self._document())
            except (TransportError, ApiError) as error:
                log.warning("could not renew the writer lease (%s)", error)

    def give_back(self):
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        try:
            self.client.delete(index=self.index, id="lease", refresh=True)
        except (TransportError, ApiError) as error:
            log.warning("the writer lease was not given back (%s); it lapses by itself", error)


class Updater(InPlace):
    """Changes the live index behind the alias in place, as the embedded
    Updater does. Every BATCH articles, one bulk request of whole documents
    with explicit IDs: each group's new document indexed (overwriting), then
    the documents of groups whose original changed deleted. Sending a batch
    again gives the same index, so a batch cut short is completed by running
    the same add again. The batch is refreshed before the next one reads."""

    def __init__(self, client, url, index, analysis):
        self.client, self.url, self.index, self.analysis = client, url, index, analysis
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
            for ok, result in _bulk(self.client, actions):
                if not ok:
                    self._refused(result)
            self.client.indices.refresh(index=self.index)
        except (TransportError, ApiError) as error:
            raise unavailable(self.url, error) from error
        self.changes = Changes(self, self.changes.sequence)
        self.articles_of_batch = {}
        self.done = 0

    def _refused(self, result):
        ((op, detail),) = result.items()
        if op == "delete" and detail.get("status") == 404:
            return  # already gone: a batch sent again
        error = detail.get("error", {})
        reason = error.get("reason", str(error)) if isinstance(error, dict) else str(error)
        article = self.articles_of_batch.get(detail.get("_id"))
        if article is None:
            raise BuildFailed(f"{op} of {detail.get('_id')} refused by {self.index}: {reason}")
        self._refusals.append(Refusal(article, _field_named(reason), reason))

    def abandon(self):
        pass
