"""The embedded index on disk: building a new version and switching to it.

`EmbeddedStore(data_dir)` owns the folder's `index`, a symbolic link to the
live version (`index-<time>`, a tantivy index). A reindex writes a new
version beside it (`index-building-<pid>`) and, only when the load is
complete and checked, points the link at it with one atomic rename, then
deletes the old version. A search that opened the old version keeps reading
it: its files stay readable until it lets them go.
"""

import json
import logging
import os
import shutil
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

import tantivy

from ..dedup import SeenArticles
from ..errors import BuildFailed
from ..facets import FACETS, Registry
from . import schema

log = logging.getLogger(__name__)

LINK = "index"
META_FILE = "bahth.json"
FORMAT_VERSION = 2  # 1 was one SQLite file, articles.sqlite
LEGACY_FILE = "articles.sqlite"
WRITER_HEAP = 256_000_000  # bytes the writer fills before it writes a segment


class EmbeddedStore:
    name = "embedded"
    spare_cores = 0  # tantivy's writer thread needs little: two workers on two cores are fastest

    def __init__(self, data_dir, registry: Registry = FACETS):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / LINK
        self.registry = registry

    def describe(self):
        return str(self.path)

    def exists(self):
        return self.path.exists()

    def live(self) -> Path | None:
        """The live version's folder, None when there is none."""
        try:
            return self.data_dir / os.readlink(self.path)
        except FileNotFoundError:
            return None

    @contextmanager
    def new_version(self):
        """Yield a Loader writing a new index; switch to it if the block ends
        normally, delete it if it raises (the live index is never touched)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._remove_abandoned_builds()
        building = self.data_dir / f"{LINK}-building-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir()
        loader = Loader(building, self.registry)
        try:
            yield loader
            loader.finish()
        except BaseException:
            loader.abandon()
            shutil.rmtree(building, ignore_errors=True)
            raise
        version = self.data_dir / f"{LINK}-{time.time_ns()}"
        os.rename(building, version)
        self._switch(version)

    def _switch(self, version: Path):
        old = self.live()
        link = self.data_dir / f"{LINK}-link-{os.getpid()}"
        link.unlink(missing_ok=True)
        os.symlink(version.name, link)
        os.replace(link, self.path)
        if old is not None and old != version:
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
            if pid.isdigit() and int(pid) != os.getpid() and _running(int(pid)):
                continue
            size = sum(f.stat().st_size for f in left.rglob("*") if f.is_file())
            shutil.rmtree(left, ignore_errors=True)
            log.warning(
                "removed %s (%.1f MB), left by a reindex that did not finish", left, size / 1e6
            )


def _running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def article_record(article) -> dict:
    """What the index keeps of an article: the article page's JSON."""
    return {
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "category": article.category,
        "tags": article.tags,
        "actors": article.actors,
        "also": [],
        "extra": article.extra,
        "origin": article.where,
    }


class Loader:
    """Bulk-loads articles into a new index folder."""

    wants_terms = True  # the index holds the Python analysis' terms

    def __init__(self, path: Path, registry: Registry = FACETS):
        self.path = path
        self.registry = registry
        self.schema = schema.schema(registry)
        self.index = tantivy.Index(self.schema, str(path), reuse=False)
        schema.register_tokenizer(self.index)
        self._writer: tantivy.IndexWriter | None = None
        # The bookkeeping of duplicates: temporary tables of a private SQLite
        # database, on disk, gone when it closes.
        self.seen = SeenArticles(sqlite3.connect(""))
        self.count = 0

    @property
    def writer(self) -> tantivy.IndexWriter:
        """The index writer, started on first use: its threads must not
        exist when a reindex forks its workers (a child forked while a
        thread holds a lock of the allocator can hang)."""
        if self._writer is None:
            self._writer = self.index.writer(WRITER_HEAP, 1)
        return self._writer

    def add(self, article, analyzed):
        """Index one article with its Analyzed terms and dedup key. Returns
        "indexed", or "duplicate" for an exact copy of an indexed article
        (recorded on it as "also published by" when the load finishes);
        raises IdConflict for a known ID with different content."""
        if not self.seen.admit(article, analyzed.dedup, analyzed.title_terms):
            return "duplicate"
        terms = {"title": analyzed.title_terms, "body": analyzed.body_terms}
        self.count += 1
        self.writer.add_document(
            schema.document(article_record(article), terms, self.count, self.registry)
        )
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
        meta = {"format": FORMAT_VERSION, "articles": self.count}
        (self.path / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
        self.seen.db.close()
        if count != self.count:
            raise BuildFailed(f"{self.path} holds {count:,} articles; {self.count:,} were loaded")

    def _record_copies(self):
        """Write again each article that has exact duplicates, with their
        outlets and headlines ("also published by")."""
        self.index.reload()
        searcher = self.index.searcher()
        rewritten = 0
        for original, copies in self.seen.copies():
            stored = schema.find(searcher, self.schema, original)
            record = schema.record_of(stored)
            record["also"] = copies
            terms = {name: " ".join(stored[name]) for name in schema.TEXT_FIELDS if stored[name]}
            terms["also_title"] = " ".join(copy.pop("title_terms") for copy in copies)
            sequence = stored["sequence"][0]
            self.writer.delete_documents_by_term("id", original)
            self.writer.add_document(schema.document(record, terms, sequence, self.registry))
            rewritten += 1
        if rewritten:
            self.writer.commit()

    def abandon(self):
        if self._writer is not None:
            try:
                self._writer.rollback()
            except (ValueError, RuntimeError):
                pass
        self.seen.db.close()
