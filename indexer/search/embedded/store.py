"""The embedded index on disk: building a new version and switching to it.

`EmbeddedStore(data_dir)` owns `articles.sqlite` under the data folder. A
reindex writes a new file beside it (`articles.sqlite.building-<pid>`) and,
only when the load is complete and checked, moves it over the live file with
one atomic rename. Readers that have the old file open keep reading it.
"""

import json
import logging
import os
import sqlite3
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from ..dedup import SeenArticles
from ..errors import BuildFailed
from ..facets import FACETS, Registry

log = logging.getLogger(__name__)

INDEX_FILE = "articles.sqlite"
FORMAT_VERSION = "1"
_SCHEMA = resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")
_INDEXES = resources.files(__package__).joinpath("indexes.sql").read_text(encoding="utf-8")


class EmbeddedStore:
    name = "embedded"
    spare_cores = 0  # SQLite writes in the reindex's own main process

    def __init__(self, data_dir, registry: Registry = FACETS):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / INDEX_FILE
        self.registry = registry

    def describe(self):
        return str(self.path)

    def exists(self):
        return self.path.exists()

    @contextmanager
    def new_version(self):
        """Yield a Loader writing a new index; switch to it if the block ends
        normally, delete it if it raises (the live index is never touched)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._remove_abandoned_builds()
        building = self.path.with_name(f"{INDEX_FILE}.building-{os.getpid()}")
        building.unlink(missing_ok=True)
        loader = Loader(building, self.registry)
        try:
            yield loader
            loader.finish()
        except BaseException:
            loader.abandon()
            building.unlink(missing_ok=True)
            raise
        os.replace(building, self.path)

    def _remove_abandoned_builds(self):
        """Delete the files of builds whose process is gone (killed, or the
        machine stopped): a build of a reindex still running is left alone."""
        for left in self.data_dir.glob(f"{INDEX_FILE}.building-*"):
            pid = left.name.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and _running(int(pid)):
                continue
            size = left.stat().st_size
            left.unlink(missing_ok=True)
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


class Loader:
    """Bulk-loads articles into a new index file."""

    wants_terms = True  # the FTS index holds the Python analysis' terms

    def __init__(self, path, registry: Registry = FACETS):
        self.path = path
        self.registry = registry
        columns = [f.column for f in registry.columns]
        self._facts = (
            f"INSERT INTO facts (rowid, {', '.join(columns)}) VALUES (?{', ?' * len(columns)})",
            [f.attribute for f in registry.columns],
        )
        self._tables = [
            (f"INSERT INTO {f.table} (rowid, {f.column}) VALUES (?, ?)", f) for f in registry.tables
        ]
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
        )
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")
        self.seen = SeenArticles(self.db)
        self.count = 0

    def add(self, article, analyzed):
        """Index one article with its Analyzed terms and dedup key. Returns
        "indexed", or "duplicate" for an exact copy of an indexed article
        (recorded on it as "also published by" when the load finishes);
        raises IdConflict for a known ID with different content."""
        if not self.seen.admit(article, analyzed.dedup):
            return "duplicate"
        cursor = self.db.execute(
            "INSERT INTO articles (id, title, body, date, source, url, author, category, tags,"
            " actors, also, extra, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id,
                article.title,
                article.body,
                article.date,
                article.source,
                article.url,
                article.author,
                article.category,
                _json(article.tags),
                _json(article.actors),
                "[]",
                _json(article.extra),
                article.where,
            ),
        )
        rowid = cursor.lastrowid
        insert, attributes = self._facts
        self.db.execute(insert, [rowid, *(getattr(article, a) for a in attributes)])
        self.db.execute(
            "INSERT INTO terms (rowid, title, body) VALUES (?, ?, ?)",
            (rowid, analyzed.title_terms, analyzed.body_terms),
        )
        for insert, facet in self._tables:
            self.db.executemany(insert, [(rowid, *row) for row in facet.rows_of(article)])
        self.count += 1
        return "indexed"

    def refused(self, wait=False):
        """None: SQLite takes every article `add` takes."""
        return []

    def finish(self):
        self.db.executemany(
            "UPDATE articles SET also = ? WHERE id = ?",
            [(_json(copies), original) for original, copies in self.seen.copies()],
        )
        self.db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("format", FORMAT_VERSION), ("articles", str(self.count))],
        )
        for facet in self.registry:
            self.db.execute(f"INSERT INTO facet_counts {facet.sql_all_counts()}")
        self.db.execute("INSERT INTO terms (terms) VALUES ('optimize')")
        self.db.execute("COMMIT")
        self.db.executescript(_INDEXES)
        self.db.execute("ANALYZE")
        count = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        self.db.close()
        if count != self.count:
            raise BuildFailed(f"{self.path} holds {count:,} articles; {self.count:,} were loaded")

    def abandon(self):
        try:
            self.db.close()
        except sqlite3.Error:
            pass


def _json(value):
    return json.dumps(value, ensure_ascii=False)
