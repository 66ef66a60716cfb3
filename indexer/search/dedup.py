"""What a load has seen: exact duplicates and IDs reused for other content.

Every store's loader asks `SeenArticles.admit(article, dedup)` before
indexing an article. The bookkeeping lives in temporary SQLite tables (on
disk, not in memory), so a reindex of millions of articles stays small.
"""

import hashlib
import json
from itertools import groupby

from .groups import Group, Member, article_record, content_key


class IdConflict(Exception):
    """An ID already indexed with different content."""

    def __init__(self, article_id, first_origin):
        super().__init__(f"ID {article_id!r} already used by {first_origin} with different content")
        self.first_origin = first_origin


class SeenArticles:
    def __init__(self, db):
        """`db`: an sqlite3 connection; the tables are TEMP, gone when it closes."""
        self.db = db
        self.arrivals = 0  # articles offered so far: each one's sequence number
        db.execute(
            "CREATE TEMP TABLE seen (id TEXT PRIMARY KEY, content BLOB NOT NULL, "
            "origin TEXT NOT NULL, dedup BLOB UNIQUE, source TEXT, url TEXT, sequence INTEGER, "
            "category TEXT)"
        )
        db.execute(
            "CREATE TEMP TABLE copies (original TEXT NOT NULL, id TEXT NOT NULL, "
            "url TEXT NOT NULL, source TEXT NOT NULL, title TEXT NOT NULL, terms TEXT NOT NULL, "
            "member TEXT)"
        )

    def group(self, article, analyzed) -> Group | None:
        """The group a reindex starts with the next article to arrive, with
        its Analyzed terms and dedup key; None for an exact copy (recorded on
        its original as published also by); IdConflict for a known ID with
        other content. What every engine's reindex Loader does first."""
        self.arrivals += 1
        record = article_record(article)
        member = Member(record, analyzed.title_terms, content_key(record), self.arrivals)
        if not self.admit(article, analyzed.dedup, analyzed.title_terms, member.to_json()):
            return None
        dedup = analyzed.dedup.hex() if analyzed.dedup is not None else None
        return Group([member], analyzed.body_terms, dedup)

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
                    "INSERT INTO seen VALUES (?, ?, ?, NULL, NULL, NULL, NULL, NULL)",
                    (article.id, content, article.where),
                )
                return False
        sequence = member["sequence"] if member else None
        self.db.execute(
            "INSERT INTO seen VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                content,
                article.where,
                dedup,
                article.source,
                article.url,
                sequence,
                article.category,
            ),
        )
        return True

    def original(self, article_id):
        """(source, url, sequence, category) of an article admitted as an original."""
        return self.db.execute(
            "SELECT source, url, sequence, category FROM seen WHERE id = ?", (article_id,)
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
