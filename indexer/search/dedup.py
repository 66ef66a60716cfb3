"""What a load has seen: exact duplicates and IDs reused for other content.

Every store's loader asks `SeenArticles.admit(article, dedup)` before
indexing an article. The bookkeeping lives in temporary SQLite tables (on
disk, not in memory), so a reindex of millions of articles stays small.
"""

import hashlib
import json
from itertools import groupby


class IdConflict(Exception):
    """An ID already indexed with different content."""

    def __init__(self, article_id, first_origin):
        super().__init__(f"ID {article_id!r} already used by {first_origin} with different content")
        self.first_origin = first_origin


class SeenArticles:
    def __init__(self, db):
        """`db`: an sqlite3 connection; the tables are TEMP, gone when it closes."""
        self.db = db
        db.execute(
            "CREATE TEMP TABLE seen (id TEXT PRIMARY KEY, content BLOB NOT NULL, "
            "origin TEXT NOT NULL, dedup BLOB UNIQUE, source TEXT, sequence INTEGER)"
        )
        db.execute(
            "CREATE TEMP TABLE copies (original TEXT NOT NULL, id TEXT NOT NULL, "
            "url TEXT NOT NULL, source TEXT NOT NULL, title TEXT NOT NULL, terms TEXT NOT NULL, "
            "member TEXT)"
        )

    def admit(self, article, dedup, title_terms="", member=None):
        """True for an article to index. False for an exact copy: the same ID
        with the same content, or another ID with the same normalised body
        (recorded as published also by, with its headline, the headline's
        `title_terms` and `member`, what the store keeps of a copy: a
        groups.Member's JSON). IdConflict for a known ID with different content."""
        content = hashlib.sha1(f"{article.title}\0{article.body}".encode()).digest()
        known = self.db.execute(
            "SELECT content, origin FROM seen WHERE id = ?", (article.id,)
        ).fetchone()
        if known:
            if known[0] == content:
                return False
            raise IdConflict(article.id, known[1])
        if dedup is not None:
            original = self.db.execute("SELECT id FROM seen WHERE dedup = ?", (dedup,)).fetchone()
            if original:
                self.db.execute(
                    "INSERT INTO copies VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        original[0],
                        article.id,
                        article.url,
                        article.source,
                        article.title,
                        title_terms,
                        json.dumps(member, ensure_ascii=False) if member else None,
                    ),
                )
                # The copy's ID is taken too: another article under it is a conflict.
                self.db.execute(
                    "INSERT INTO seen VALUES (?, ?, ?, NULL, NULL, NULL)",
                    (article.id, content, article.where),
                )
                return False
        sequence = member["sequence"] if member else None
        self.db.execute(
            "INSERT INTO seen VALUES (?, ?, ?, ?, ?, ?)",
            (article.id, content, article.where, dedup, article.source, sequence),
        )
        return True

    def original(self, article_id):
        """(source, sequence) of an article admitted as an original."""
        return self.db.execute(
            "SELECT source, sequence FROM seen WHERE id = ?", (article_id,)
        ).fetchone()

    def copies(self):
        """(original ID, [{"id", "url", "source", "title", "title_terms",
        "member"} of each copy]) in load order."""
        rows = self.db.execute(
            "SELECT original, id, url, source, title, terms, member FROM copies "
            "ORDER BY original, rowid"
        )
        for original, group in groupby(rows, key=lambda row: row[0]):
            yield (
                original,
                [
                    {
                        "id": i,
                        "url": u,
                        "source": s,
                        "title": t,
                        "title_terms": terms,
                        "member": json.loads(member) if member else None,
                    }
                    for _, i, u, s, t, terms, member in group
                ],
            )
