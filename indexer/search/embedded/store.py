"""The embedded index on disk: building a new version and switching to it,
or changing the live one in place.

`EmbeddedStore(data_dir)` owns the folder's `index`, a symbolic link to the
live version (`index-<time>`, a tantivy index). A reindex writes a new
version beside it (`index-building-<pid>`) and, only when the load is
complete and checked, points the link at it with one atomic rename, then
deletes the old version. A search that opened the old version keeps reading
it: its files stay readable until it lets them go.

`bahth add` and `bahth remove` change the live version in place, in
batches, each one tantivy commit: searches see a batch whole or not at all,
and a process killed mid-batch leaves the index as the last commit left it.
One writer at a time: a reindex, add or remove holds `bahth.lock` in the
data folder (an flock, let go when its process ends however it ends), and
another one is refused while it does.
"""

import errno
import fcntl
import json
import logging
import os
import shutil
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import tantivy

from indexer.arabic.stem import SHIPPED_LEXICON

from ..dedup import SeenArticles
from ..errors import BackendUnavailable, BuildFailed, Busy, DiskFull
from ..facets import FACETS, Registry
from ..groups import Changes, InPlace, Member
from ..locks import process_running
from ..meta import IndexMeta
from . import schema, vectors

log = logging.getLogger(__name__)

LINK = "index"
META_FILE = "bahth.json"
FORMAT_VERSION = 5  # 1: one SQLite file, articles.sqlite; 2: no copies' records; 3: no addresses;
# 4: a copy's outlet and category not its group's (found by the original's alone)
LEGACY_FILE = "articles.sqlite"
WRITER_HEAP = 256_000_000  # bytes the writer fills before it writes a segment
LOCK_FILE = "bahth.lock"
LEXICON_FILE = "lexicon.tsv.gz"  # the stemming lexicon the index was built with
_HELD_HERE: set[str] = set()  # the writer locks this process holds
_HELD_HERE_LOCK = threading.Lock()


class EmbeddedStore:
    name = "embedded"
    spare_cores = 0  # tantivy's writer thread needs little: two workers on two cores are fastest

    def __init__(self, data_dir, registry: Registry = FACETS):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / LINK
        self.registry = registry

    def describe(self):
        return str(self.path)

    def live(self) -> Path | None:
        """The live version's folder, None when there is none."""
        try:
            return self.data_dir / os.readlink(self.path)
        except FileNotFoundError:
            return None

    @contextmanager
    def writing(self):
        """Hold the data folder's writer lock; Busy when another process does.

        A POSIX record lock (lockf): it belongs to this process alone, so the
        kernel lets it go when the process ends, however it ends, even while
        a child it forked lives on. The file names its holder, and a holder
        that is gone without letting the lock go (kill -9) is named in a
        line when the next writer takes over."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        path = os.path.realpath(self.data_dir / LOCK_FILE)
        # A POSIX lock is this process's whatever file it opens, and closing
        # any of them lets it go: a second writer of this same process is
        # refused before it opens the file.
        with _HELD_HERE_LOCK:
            if path in _HELD_HERE:
                raise Busy(
                    f"this process is writing to {self.data_dir} already; one reindex, "
                    "add or remove at a time"
                )
            _HELD_HERE.add(path)
        try:
            yield from self._locked(path)
        finally:
            with _HELD_HERE_LOCK:
                _HELD_HERE.discard(path)

    def _locked(self, path):
        with open(path, "a+", encoding="utf-8") as lock:
            lock.seek(0)
            holder = lock.read().strip()
            try:
                fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                if error.errno not in (errno.EACCES, errno.EAGAIN):
                    raise
                raise Busy(
                    f"{holder or 'another process'} is writing to {self.data_dir}; one "
                    "reindex, add or remove at a time: try again when it ends"
                ) from None
            if holder:
                log.warning(
                    "%s held the writer lock of %s and ended without letting it go "
                    "(killed?); taken over",
                    holder,
                    self.data_dir,
                )
            lock.truncate(0)
            lock.write(f"pid {os.getpid()}")
            lock.flush()
            try:
                yield
            finally:
                lock.truncate(0)
                lock.flush()

    @contextmanager
    def new_version(self):
        """Yield a Loader writing a new index; switch to it if the block ends
        normally, delete it if it raises (the live index is never touched)."""
        with self.writing():
            yield from self._build()

    def _build(self):
        self._remove_abandoned_builds()
        building = self.data_dir / f"{LINK}-building-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir()
        loader = Loader(building, self.registry)
        try:
            yield loader
            loader.finish()
        except BaseException as error:
            loader.abandon()
            shutil.rmtree(building, ignore_errors=True)
            if (full := _disk_full(error, self.data_dir)) is None:
                raise
            raise full from error
        version = self.data_dir / f"{LINK}-{time.time_ns()}"
        os.rename(building, version)
        self._switch(version)

    @contextmanager
    def changing(self):
        """Yield an Updater changing the live index in place (`bahth add`,
        `bahth remove`); what it committed stays if the block raises."""
        with self.writing():
            live = self.live()
            if live is None or not self.path.exists():
                raise BackendUnavailable(
                    f"no index at {self.path} to change: run `bahth reindex PATH` first"
                )
            updater = Updater(live, self.registry)
            try:
                yield updater
                updater.finish()
            except BaseException as error:
                updater.abandon()
                if (full := _disk_full(error, self.data_dir)) is None:
                    raise
                raise full from error

    @contextmanager
    def embedding(self):
        """Yield the live version's vectors.Filling (`bahth embed`); each batch
        it puts is committed as it goes."""
        with self.writing():
            live = self.live()
            if live is None or not self.path.exists():
                raise BackendUnavailable(
                    f"no index at {self.path} to embed: run `bahth reindex PATH` first"
                )
            read_meta(live).check_readable(FORMAT_VERSION, str(live))
            index = tantivy.Index.open(os.fspath(live))
            schema.register_tokenizer(index)
            yield vectors.Filling(live, index)

    def _switch(self, version: Path):
        old = self.live()
        link = self.data_dir / f"{LINK}-link-{os.getpid()}"
        link.unlink(missing_ok=True)
        os.symlink(version.name, link)
        os.replace(link, self.path)
        if old is not None and old != version:
            vectors.set_aside(old, self.data_dir)  # the next embedding takes what is unchanged
            shutil.rmtree(old, ignore_errors=True)
        legacy = self.data_dir / LEGACY_FILE
        if legacy.exists():
            legacy.unlink()
            log.warning("removed %s, the index of an earlier Bahth (now %s)", legacy, self.path)

    def _remove_abandoned_builds(self):
        """Delete the versions of builds whose process is gone (killed, or the
        machine stopped): a build of a reindex still running is left alone."""
        for left in self.data_dir.glob(f"{LINK}-building-*"):
            pid = left.name.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and process_running(int(pid)):
                continue
            size = sum(f.stat().st_size for f in left.rglob("*") if f.is_file())
            shutil.rmtree(left, ignore_errors=True)
            log.warning(
                "removed %s (%.1f MB), left by a reindex that did not finish", left, size / 1e6
            )


_NEARLY_FULL = 16 * 2**20  # bytes left on a disk that a failed write is blamed on


def _disk_full(error: BaseException, folder: Path) -> DiskFull | None:
    """DiskFull for a write that failed because the disk holding `folder`
    filled up (tantivy only says that a thread of its writer died); None for
    any other failure."""
    if not isinstance(error, OSError | ValueError | RuntimeError):
        return None
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return None
    if getattr(error, "errno", None) != errno.ENOSPC and free >= _NEARLY_FULL:
        return None
    return DiskFull(
        f"the disk holding {folder} is full ({free / 2**20:,.1f} MiB left; {error}): make "
        "room and run it again"
    )


class _Writing:
    """A tantivy index written to: `index`, and its writer started on first use."""

    index: tantivy.Index
    _writer: tantivy.IndexWriter | None = None

    @property
    def writer(self) -> tantivy.IndexWriter:
        """The index writer, started on first use: its threads must not
        exist when a reindex or add forks its workers (a child forked while
        a thread holds a lock of the allocator can hang)."""
        if self._writer is None:
            self._writer = self.index.writer(WRITER_HEAP, 1)
        return self._writer

    def _roll_back(self):
        """Drop what was written since the last commit."""
        if self._writer is not None:
            try:
                self._writer.rollback()
            except (ValueError, RuntimeError):
                pass


class Loader(_Writing):
    """Bulk-loads articles into a new index folder."""

    wants_terms = True  # the index holds the Python analysis' terms
    lexicon = None  # a new index is built with the shipped lexicon

    def __init__(self, path: Path, registry: Registry = FACETS):
        self.path = path
        self.registry = registry
        self.schema = schema.schema(registry)
        self.index = tantivy.Index(self.schema, str(path), reuse=False)
        schema.register_tokenizer(self.index)
        # The bookkeeping of duplicates: temporary tables of a private SQLite
        # database, on disk, gone when it closes.
        self.seen = SeenArticles(sqlite3.connect(""))
        self.count = 0

    def add(self, article, analyzed):
        """Index one article with its Analyzed terms and dedup key. Returns
        "indexed", or "duplicate" for an exact copy of an indexed article
        (recorded on it as "also published by" when the load finishes);
        raises IdConflict for a known ID with different content."""
        group = self.seen.group(article, analyzed)
        if group is None:
            return "duplicate"
        self.count += 1
        self.writer.add_document(schema.document(group, self.registry))
        return "indexed"

    def refused(self, wait=False):
        """None: the index takes every article `add` takes."""
        return []

    def finish(self):
        self.writer.commit()
        self._record_copies()
        self.writer.wait_merging_threads()
        self.index.reload()
        count = self.index.searcher().num_docs
        _write_meta(self.path)
        self.seen.db.close()
        if count != self.count:
            raise BuildFailed(f"{self.path} holds {count:,} articles; {self.count:,} were loaded")

    def _record_copies(self):
        """Write again each article that has exact duplicates, with their
        records ("also published by", their headlines searchable)."""
        self.index.reload()
        searcher = self.index.searcher()
        rewritten = 0
        for original, copies in self.seen.copies():
            group = schema.group_of(schema.find(searcher, self.schema, original))
            group.members += [Member.from_json(copy["member"]) for copy in copies]
            self.writer.delete_documents_by_term("id", original)
            self.writer.add_document(schema.document(group, self.registry))
            rewritten += 1
        if rewritten:
            self.writer.commit()

    def abandon(self):
        self._roll_back()
        self.seen.db.close()


def _write_meta(version: Path):
    """The version's meta file (meta.IndexMeta) and its copy of the lexicon
    its terms were stemmed with."""
    (version / LEXICON_FILE).write_bytes(SHIPPED_LEXICON.read_bytes())
    meta = IndexMeta.of_this_bahth(FORMAT_VERSION).to_json()
    (version / META_FILE).write_text(json.dumps(meta), encoding="utf-8")


def read_meta(version: Path) -> IndexMeta:
    """What the version's meta file records."""
    return IndexMeta.recorded(json.loads((version / META_FILE).read_text(encoding="utf-8")))


class Updater(_Writing, InPlace):
    """Changes the live index in place: `add` as a reindex's Loader does,
    and `remove`; every BATCH articles, one tantivy commit."""

    wants_terms = True

    def __init__(self, path: Path, registry: Registry = FACETS):
        self.path = path
        self.registry = registry
        read_meta(path).check_writable(FORMAT_VERSION, str(path), own_lexicon=True)
        self.lexicon = path / LEXICON_FILE  # what it was built with, whatever Bahth ships
        self.index = tantivy.Index.open(os.fspath(path))
        schema.register_tokenizer(self.index)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()
        latest = self.searcher.aggregate(
            tantivy.Query.all_query(), {"latest": {"max": {"field": "latest"}}}
        )["latest"]["value"]
        self.changes = Changes(self, int(latest or 0) + 1)
        self.removed: list[str] = []  # their vectors go with them at the end

    # Groups, for Changes: the committed index.
    def with_member(self, article_id):
        found = schema.find(self.searcher, self.schema, article_id, "member")
        return schema.group_of(found) if found is not None else None

    def with_body(self, dedup):
        found = schema.find(self.searcher, self.schema, dedup, "dedup")
        return schema.group_of(found) if found is not None else None

    def published_by(self, source: str) -> list[tuple[str, str | None]]:
        """(ID, date) of every article, copies too, published by `source`."""
        query = tantivy.Query.term_query(self.schema, "member_source", source)
        found = self.searcher.search(query, max(self.searcher.num_docs, 1))
        articles = []
        for _, address in found.hits:
            group = schema.group_of(self.searcher.doc(address))
            articles += [
                (m.id, m.record["date"]) for m in group.members if m.record["source"] == source
            ]
        return articles

    def holds(self, article_id: str) -> bool:
        query = tantivy.Query.term_query(self.schema, "member", article_id)
        return bool(self.searcher.search(query, 1).hits)

    def articles(self) -> int:
        """How many articles the committed index holds, copies included."""
        total = self.searcher.aggregate(
            tantivy.Query.all_query(), {"size": {"sum": {"field": "size"}}}
        )["size"]["value"]
        return int(total or 0)

    def refused(self, wait=False):
        return []

    def remove(self, article_id) -> dict | None:
        record = super().remove(article_id)
        if record is not None:
            self.removed.append(article_id)
        return record

    def commit(self):
        """Write the batch's changed groups and make them live, at once."""
        deleted, written = self.changes.writes()
        for article_id in deleted:
            self.writer.delete_documents_by_term("id", article_id)
        for group in written:
            self.writer.add_document(schema.document(group, self.registry))
        self.writer.commit()
        self.index.reload()
        self.searcher = self.index.searcher()
        self.changes = Changes(self, self.changes.sequence)
        self.done = 0

    def finish(self):
        self.commit()
        self.writer.wait_merging_threads()
        vectors.Vectors(self.path).remove(self.removed)

    def abandon(self):
        self._roll_back()
