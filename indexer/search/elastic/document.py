"""What one Elasticsearch document holds: the twin of embedded/schema.py.

A document is a group of exact copies (groups.py): its original's article,
shown and searched; its copies' outlets and headlines ("also published by",
searchable); and what `bahth add` and `bahth remove` need to change the
group later, which is never shown (PRIVATE). On the python analysis path
the document also carries the terms Bahth's analysis made.
"""

from indexer.arabic import normalize

from ..address import address_key
from ..facets import FACETS
from ..groups import Group
from .index import Analysis

# The article fields a document shows (the article page's JSON).
SHOWN = (
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
PRIVATE = (
    "sequence",
    "member",
    "member_source",
    "member_category",
    "address",
    "dedup",
    "latest",
    "size",
    "group",
)


def document(group: Group, analysis) -> dict:
    """The Elasticsearch document of a group: its original's article, its
    copies' outlets and headlines, and what changing it later needs."""
    record = group.record()
    doc = {name: record[name] for name in SHOWN}
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
        # Every member's outlet and category, as the facets count and filter
        # them (FACETS: every_member), and `bahth remove --source` finds them.
        **{facet.field: facet.group_values(group) for facet in FACETS.values if facet.every_member},
        # Every member's web address, as a pasted link is looked up (address.py).
        "address": [k for m in group.members if (k := address_key(m.record["url"] or ""))],
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
    record = {name: source.get(name) for name in SHOWN}
    record["also"] = source.get("also", [])
    return Group.stored(
        record,
        source.get("title_terms", ""),
        source.get("body_terms", ""),
        source["sequence"],
        source["group"],
    )
