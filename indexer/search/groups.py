"""The archive as an index holds it: groups of exact duplicates, changed in place.

One document of the index is a *group*: the first article loaded with a
given normalised body (its original, which the document shows and scores)
and the later articles with the same body (its copies: "also published
by", their headlines searchable on it). Every article is a `Member` with a
load sequence number; a group's members are in that order.

A reindex builds the groups in load order. `bahth add` and `bahth remove`
change them so that the index is always what a reindex of the surviving
records, in the order they arrived, would build:

- a new ID joins the group of its body (a copy), or starts one;
- an ID already there with other content leaves its group and comes back
  as a new arrival; with the same content, nothing happens;
- removing an original promotes its first copy, which carries the others.

`Changes` applies one batch of such changes to the groups it reads through
a `Groups` lookup (the engine's committed index) and says which documents
to delete and which to write; the engine writes them atomically.
"""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Protocol


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
        "extra": article.extra,
        "origin": article.where,
    }


def content_key(record: dict) -> str:
    """What makes two versions of an article the same: every field of its
    record but where it was read from and its copies."""
    kept = {k: v for k, v in record.items() if k not in ("origin", "also")}
    text = json.dumps(kept, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class Member:
    record: dict  # article_record(article)
    title_terms: str
    content: str  # content_key(record)
    sequence: int

    @property
    def id(self) -> str:
        return self.record["id"]

    def to_json(self) -> dict:
        return {
            "record": self.record,
            "title_terms": self.title_terms,
            "content": self.content,
            "sequence": self.sequence,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Member":
        return cls(data["record"], data["title_terms"], data["content"], data["sequence"])


@dataclass(eq=False)
class Group:
    members: list[Member]
    body_terms: str  # the same for every member: the body is the same once normalised
    dedup: str | None  # hex of the body's key; None for a body too short to tell
    stored_as: str | None = None  # the ID of its document in the index; None when new

    @property
    def original(self) -> Member:
        return self.members[0]

    @property
    def copies(self) -> list[Member]:
        return self.members[1:]

    def record(self, article_id: str | None = None) -> dict:
        """The article of member `article_id` (by default the original, the
        one the document shows), with the group's other members as "also":
        a copy's ID in a hit's "also" opens the copy itself."""
        shown = next((m for m in self.members if m.id == article_id), self.original)
        also = [
            {k: m.record[k] for k in ("id", "url", "source", "title")}
            for m in self.members
            if m is not shown
        ]
        return {**shown.record, "also": also}

    def private(self) -> dict:
        """What the index keeps to change the group later (not shown to anyone)."""
        return {
            "dedup": self.dedup,
            "content": self.original.content,
            "copies": [m.to_json() for m in self.copies],
        }

    @classmethod
    def stored(cls, record, title_terms, body_terms, sequence, private) -> "Group":
        """A group as a document holds it: its shown record and its private part."""
        original = {k: v for k, v in record.items() if k != "also"}
        members = [Member(original, title_terms, private["content"], sequence)]
        members += [Member.from_json(m) for m in private["copies"]]
        return cls(members, body_terms, private["dedup"], stored_as=record["id"])

    @property
    def latest(self) -> int:
        return max(m.sequence for m in self.members)


class Groups(Protocol):
    """The committed index, read by member ID and by body."""

    def with_member(self, article_id: str) -> Group | None: ...

    def with_body(self, dedup: str) -> Group | None: ...


@dataclass
class Changes:
    """One batch of adds and removes over `groups`, new members numbered from `sequence`."""

    groups: Groups
    sequence: int
    _by_id: dict[str, Group | None] = field(default_factory=dict)
    _by_body: dict[str, Group | None] = field(default_factory=dict)
    _touched: dict[int, Group] = field(default_factory=dict)

    def _known(self, group: Group | None) -> Group | None:
        if group is not None:
            for member in group.members:
                self._by_id.setdefault(member.id, group)
            if group.dedup:
                self._by_body.setdefault(group.dedup, group)
        return group

    def group_of(self, article_id: str) -> Group | None:
        if article_id not in self._by_id:
            self._by_id[article_id] = self._known(self.groups.with_member(article_id))
        return self._by_id[article_id]

    def _group_with_body(self, dedup: str) -> Group | None:
        if dedup not in self._by_body:
            self._by_body[dedup] = self._known(self.groups.with_body(dedup))
        return self._by_body[dedup]

    def add(self, record: dict, title_terms: str, body_terms: str, dedup: bytes | None) -> str:
        """Apply one arriving article: "indexed" (a new group), "duplicate" (a
        copy of one), "replaced" (its ID had other content) or "unchanged"."""
        content = content_key(record)
        outcome = "indexed"
        group = self.group_of(record["id"])
        if group is not None:
            if next(m for m in group.members if m.id == record["id"]).content == content:
                return "unchanged"
            self._drop(group, record["id"])
            outcome = "replaced"
        member = Member({k: v for k, v in record.items() if k != "also"}, title_terms, content, 0)
        member.sequence, self.sequence = self.sequence, self.sequence + 1
        key = dedup.hex() if dedup is not None else None
        target = self._group_with_body(key) if key else None
        if target is not None:
            target.members.append(member)
            outcome = "duplicate" if outcome == "indexed" else outcome
        else:
            target = Group([member], body_terms, key)
            if key:
                self._by_body[key] = target
        self._by_id[member.id] = target
        self._touched[id(target)] = target
        return outcome

    def remove(self, article_id: str) -> Member | None:
        """Take an article out; its removed Member, or None when there is none."""
        group = self.group_of(article_id)
        if group is None:
            return None
        return self._drop(group, article_id)

    def _drop(self, group: Group, article_id: str) -> Member:
        member = next(m for m in group.members if m.id == article_id)
        group.members.remove(member)
        self._by_id[article_id] = None
        if not group.members and group.dedup:
            self._by_body[group.dedup] = None
        self._touched[id(group)] = group
        return member

    def writes(self) -> tuple[list[str], list[Group]]:
        """(IDs of the documents to delete, groups to write): deletes first."""
        touched = list(self._touched.values())
        deleted = [g.stored_as for g in touched if g.stored_as is not None]
        return deleted, [g for g in touched if g.members]

    @property
    def pending(self) -> int:
        return len(self._touched)


BATCH = 2_000  # articles an add or remove commits at once, on either engine


class InPlace:
    """What both engines' Updaters share: each add or remove goes into the
    batch's Changes, and every BATCH articles the engine commits them
    (`commit`, which starts the next batch's Changes)."""

    changes: Changes
    done = 0  # articles added or removed in this batch

    def add(self, article, analyzed) -> str:
        """ "indexed", "duplicate" (joins the group of its body), "replaced"
        (its ID had other content) or "unchanged"."""
        outcome = self.changes.add(
            article_record(article), analyzed.title_terms, analyzed.body_terms, analyzed.dedup
        )
        self.taken(article)
        self._step()
        return outcome

    def taken(self, article) -> None:
        """An article this batch took (for an engine that reports refusals)."""

    def remove(self, article_id) -> dict | None:
        """Take out one article (an original's first copy takes its place);
        its record, or None when the index has no such ID."""
        removed = self.changes.remove(article_id)
        self._step()
        return removed.record if removed is not None else None

    def _step(self):
        self.done += 1
        if self.done >= BATCH:
            self.commit()

    def commit(self) -> None:
        raise NotImplementedError

    def finish(self):
        self.commit()
