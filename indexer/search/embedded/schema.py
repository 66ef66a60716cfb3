"""The embedded index's fields: one tantivy document per article.

- `id`: the article's ID, one raw term (finds, replaces and deletes it).
- `title`, `body`: the terms of the Python analysis (indexer.arabic.analyze),
  joined by spaces and split on spaces again here. Each field keeps its own
  length, so BM25 scores a headline against headlines and a body against
  bodies. They are stored, so that a document can be written again (its
  duplicates' list grows) without analysing the article again.
- `also_title`: the terms of the headlines its exact duplicates were
  published under, so that any outlet's headline finds the article.
- one raw, fast field per value facet (source, category, actor), and `date`,
  the day as a number (20180628): filters and counts read them. The source
  and category hold every member's (a copy is found by its own outlet and
  the category it was filed under); the actors and the date, the original's.
- `newest`, `oldest`: the sort keys of the date sorts. A dated article's key
  is its time in seconds followed by its load sequence number, so that keys
  are unique (a cursor is the last key seen); undated articles sort last in
  both orders.
- `sequence`: the load sequence number, kept when a document is written again.
- `article`: the whole article as JSON, what a hit and the article page show.

A document is a group of exact duplicates (groups.py): its original, shown
and scored, and its copies. What `bahth add` and `bahth remove` need to
change it later:
- `member`: every member's ID, one raw term each (finds a copy's group);
- `dedup`: the key of the body, raw (finds the group an arriving copy joins);
- `member_source`: every member's outlet (`bahth remove --source`);
- `address`: every member's web address as one key (address.py): a pasted
  link finds the article published there;
- `latest`: the highest sequence number of its members (the next one's start);
- `size`: how many articles it stands for (its original and copies);
- `group`: the copies' records and terms and the original's content key, as JSON.
"""

import json
from datetime import datetime
from types import SimpleNamespace

import tantivy

from ..address import address_key
from ..facets import FACETS, Registry
from ..groups import Group

TOKENIZER = "terms"
TEXT_FIELDS = ("title", "also_title", "body")
SEQUENCE = 1 << 24  # load sequence numbers in one second of sort key: 16.7 million articles
UNDATED = 1 << 62  # beyond the key of any date of years 1 to 9998


def schema(registry: Registry = FACETS) -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", tokenizer_name="raw")
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=True, tokenizer_name=TOKENIZER)
    for facet in registry.values:
        builder.add_text_field(facet.column, fast=True, tokenizer_name="raw")
    builder.add_integer_field(registry.date.column, indexed=True, fast=True)
    builder.add_integer_field("newest", indexed=True, fast=True)
    builder.add_integer_field("oldest", indexed=True, fast=True)
    builder.add_integer_field("sequence", stored=True)
    builder.add_bytes_field("article", stored=True)
    builder.add_text_field("member", tokenizer_name="raw")
    builder.add_text_field("dedup", tokenizer_name="raw")
    builder.add_text_field("member_source", tokenizer_name="raw")
    builder.add_text_field("address", tokenizer_name="raw")
    builder.add_integer_field("latest", fast=True)
    builder.add_integer_field("size", fast=True)
    builder.add_bytes_field("group", stored=True)
    return builder.build()


def register_tokenizer(index: tantivy.Index) -> None:
    """The analysed terms are separated by spaces; each is one token, as is."""
    index.register_tokenizer(
        TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
    )


def sort_keys(iso_date: str | None, sequence: int) -> tuple[int, int]:
    """(newest, oldest) keys of an article."""
    if not iso_date:
        return -UNDATED + sequence, UNDATED + sequence
    moment = datetime.fromisoformat(iso_date.replace("Z", "+00:00"))
    key = int(moment.timestamp()) * SEQUENCE + sequence
    return key, key


def document(group: Group, registry: Registry = FACETS):
    """The tantivy document of a group: its original's record and terms, with
    its copies' outlets and headlines."""
    record = group.record()
    original = group.original
    terms = {
        "title": original.title_terms,
        "also_title": " ".join(m.title_terms for m in group.copies),
        "body": group.body_terms,
    }
    doc = tantivy.Document()
    doc.add_text("id", record["id"])
    for name in TEXT_FIELDS:
        if terms[name]:
            doc.add_text(name, terms[name])
    for facet in registry.values:
        for value in facet.group_values(group):
            doc.add_text(facet.column, value)
    day = registry.date.day_of(SimpleNamespace(**record))
    if day is not None:
        doc.add_integer(registry.date.column, day)
    newest, oldest = sort_keys(record["date"], original.sequence)
    doc.add_integer("newest", newest)
    doc.add_integer("oldest", oldest)
    doc.add_integer("sequence", original.sequence)
    doc.add_bytes("article", json.dumps(record, ensure_ascii=False).encode("utf-8"))
    for member in group.members:
        doc.add_text("member", member.id)
        doc.add_text("member_source", member.record["source"])
        if key := address_key(member.record["url"] or ""):
            doc.add_text("address", key)
    if group.dedup:
        doc.add_text("dedup", group.dedup)
    doc.add_integer("latest", group.latest)
    doc.add_integer("size", len(group.members))
    doc.add_bytes("group", json.dumps(group.private(), ensure_ascii=False).encode("utf-8"))
    return doc


def group_of(document) -> Group:
    """The group a stored document holds."""
    private = json.loads(bytes(document["group"][0]))
    return Group.stored(
        record_of(document),
        " ".join(document["title"]),
        " ".join(document["body"]),
        document["sequence"][0],
        private,
    )


def find(searcher: tantivy.Searcher, fields: tantivy.Schema, article_id: str, field="id"):
    """The stored document whose `field` holds `article_id` (by default the
    article shown under that ID), or None."""
    found = searcher.search(tantivy.Query.term_query(fields, field, article_id), 1)
    return searcher.doc(found.hits[0][1]) if found.hits else None


def record_of(document) -> dict:
    """The article a stored document holds, as `document` was given it."""
    return json.loads(bytes(document["article"][0]))
