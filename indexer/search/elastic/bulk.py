"""Bulk loading into Elasticsearch: the one retry policy, and a reindex's
Loader, whose thread sends while the workers read on."""

import logging
import queue
import re
import sqlite3
import threading
import time

from elasticsearch import ConnectionError as EsConnectionError
from elasticsearch import helpers

from ..contract import Refusal
from ..dedup import SeenArticles
from ..errors import BuildFailed, SearchError
from ..groups import Group, Member
from .client import RETRY_STATUSES, unavailable
from .document import document, grouping
from .index import Analysis

log = logging.getLogger(__name__)

CHUNK_DOCS = 1_000  # a bulk request's articles, at most (streaming_bulk's chunk_size)
CHUNK_BYTES = 10_000_000  # and its size


def send(client, actions, retries=6, max_backoff=30):
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


def refusal_reason(detail) -> str:
    """What the node says of an action it refused."""
    error = detail.get("error", {})
    return error.get("reason", str(error)) if isinstance(error, dict) else str(error)


def field_named(reason: str) -> str | None:
    """The article field an Elasticsearch refusal names: "failed to parse
    field [date]", "immense term in field=\"source\"", "id [...] is too long"."""
    found = re.search(r"field \[([^\].]+)|field=\"([^\".]+)", reason)
    if found:
        return found.group(1) or found.group(2)
    return "id" if reason.startswith("id [") else None


_FLUSH = object()  # queue item: send what is held, and say when it is answered
_END = object()  # queue item: no more actions


def _key(action):
    return action.get("_op_type", "index"), action["_id"]


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

    def __init__(self, client, endpoint, index, analysis, *, retries=6, max_backoff=30, budget=120):
        self.client, self.endpoint, self.index, self.analysis = client, endpoint, index, analysis
        self.retries, self.max_backoff, self.budget = retries, max_backoff, budget
        # On the node path the node analyses the text: the Python terms go unused.
        self.wants_terms = analysis == Analysis.PYTHON
        self.lexicon = None  # a new index is built with the shipped lexicon
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
        group = self.seen.group(article, analyzed)
        if group is None:
            return "duplicate"
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
            source, url, sequence, category = self.seen.original(original)
            known = {"id": original, "source": source, "url": url, "category": category}
            stand_in = Member(known, "", "", sequence)
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
                error if isinstance(error, SearchError) else unavailable(self.endpoint, error)
            )
            self._answered.set()

    def _stream(self):
        deadline, wait = None, 1
        while True:
            try:
                for ok, result in send(
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
                    self.endpoint,
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
        reason = refusal_reason(detail)
        if article is None:  # an "also published by" update
            log.warning("%s of %s refused: %s", op, detail.get("_id"), reason)
            return
        self._refused_count += 1
        self._refusals.put(Refusal(article, field_named(reason), reason))
