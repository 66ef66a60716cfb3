"""One writer at a time on an Elasticsearch alias: a lease document beside it."""

import logging
import os
import socket
import threading
import time

from elasticsearch import ApiError, TransportError

from ..errors import Busy
from ..locks import process_running
from .client import RETRY_STATUSES

log = logging.getLogger(__name__)


def lease_index(alias: str) -> str:
    """The index that holds the writer lease of `alias`."""
    return f"{alias}-writer"


class Lease:
    """One writer at a time on an alias, across machines: a lease document
    in `<alias>-writer`, created only if absent and renewed while its holder
    runs. A holder killed outright (kill -9, a machine lost) leaves a lease
    that lapses after `seconds`; the next writer then takes it over, at once
    when the holder was a process of this machine that is gone."""

    def __init__(self, client, alias, seconds=180):
        self.seconds = seconds
        self.client = client.options(retry_on_status=RETRY_STATUSES)
        self.index = lease_index(alias)
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
            log.warning(
                "pid %s on %s held the writer lease of %r and ended without giving it back "
                "(killed?); taken over",
                lease["pid"],
                lease["host"],
                self.index.removesuffix("-writer"),
            )
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
