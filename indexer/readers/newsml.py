"""News agencies' wires: IPTC's NewsML-G2 (<newsItem>, alone or in a
<newsMessage>) and NITF (<nitf>, alone or inside a newsItem), the formats
AFP, Reuters, AP and the Arab agencies deliver and archive their stories in.

Read as feeds are (feeds.py), with patterns and not an XML parser: a broken
item costs itself, by its line. A newsItem that is no text (a picture, a
video, a graphic: its itemClass) or that the agency withdrew (pubStatus
canceled) is left out with a note. The people and organisations an item
says it names (NewsML's subjects of those types, NITF's identified-content)
are its actors; its other subjects and keywords its tags.
"""

import re
from collections.abc import Iterator

from .feeds import Element, Skipped, arabic_first, children, elements, named_text, plain
from .trec import Record

_PEOPLE = ("cpnat:person", "person")
_BODIES = ("cpnat:organisation", "cpnat:organization", "organisation", "organization")


ROOTS = ("newsitem", "newsmessage", "nitf")  # a wire's root element


def iter_records(text: str, first_line=1) -> Iterator[Record | Skipped]:
    """Each story of a NewsML-G2 or NITF file with its line, as Bahth's
    fields, or why it was not read."""
    name = "newsItem" if re.search(r"<(?:\w+:)?newsItem(?=[\s>])", text) else "nitf"
    for found in elements(text, (name,), first_line):
        if isinstance(found, Record):
            yield found
        else:
            line, opening, content = found
            yield (_news_item if name == "newsItem" else _nitf)(line, opening, content)


def _news_item(line, opening: Element, content: str) -> Record | Skipped:
    tree = _Tree(content)
    kind = tree.attribute("itemClass", "qcode") or tree.attribute("itemClass", "uri")
    nature = re.split(r"[:/]", kind)[-1]  # ninat:picture, or …/ninature/picture
    if kind and nature not in ("text", "composite"):
        return Skipped(line, f"a NewsML {nature} item (itemClass {kind}), not text: left out")
    status = tree.attribute("pubStatus", "qcode")
    if status.split(":")[-1] == "canceled":
        return Skipped(
            line, f"a NewsML item withdrawn by its agency (pubStatus {status}): left out"
        )
    # A story's later versions (a flash, then the full story) under the same
    # guid: each is kept, under its version, for an ID seen again with other
    # content would be rejected (near-copies fold together in results).
    guid, version = opening.attributes.get("guid", ""), opening.attributes.get("version", "")
    fields: dict = {
        "id": guid if version in ("", "1") or not guid else f"{guid}#v{version}",
        "title": tree.text("headline"),
        "date": tree.text("contentCreated")
        or tree.text("firstCreated")
        or tree.text("versionCreated"),
        "author": tree.name("creator") or tree.name("contributor"),
        "source": tree.name("provider") or tree.name("copyrightHolder"),
        "abstract": tree.text("description"),
        "category": tree.text("genre") or tree.name("genre"),
    }
    inline = tree.element("inlineXML")
    if inline is not None:
        inside = _Tree(inline.raw)
        fields["body"] = inside.raw("body.content") or inside.raw("body") or inline.text
    elif (data := tree.element("inlineData")) is not None:  # text as it is (text/plain)
        fields["body"] = data.text.strip()
    actors: list[str] = []
    tags: list[str] = []
    for subject in tree.all("subject"):
        name = named_text(subject) or subject.attributes.get("literal", "")
        kind = subject.attributes.get("type", "").lower()
        if name:
            (actors if kind in _PEOPLE + _BODIES else tags).append(name)
    tags += [plain(k.text) for k in tree.all("keyword") if plain(k.text)]
    fields["actors"] = list(dict.fromkeys(actors))
    fields["tags"] = list(dict.fromkeys(tags))
    return Record(line, {k: v for k, v in fields.items() if v})


def _nitf(line, opening: Element, content: str) -> Record:
    tree = _Tree(content)
    fields: dict = {
        "id": tree.attribute("doc-id", "id-string"),
        "title": tree.text("hl1") or tree.text("title"),
        "date": tree.attribute("date.issue", "norm")  # ISO 8601's basic form: dates.py reads it
        or tree.attribute("date.release", "norm")
        or tree.attribute("story.date", "norm"),
        "author": tree.text("byline"),
        "source": tree.attribute("pubdata", "name")
        or tree.text("distributor")
        or tree.attribute("doc.copyright", "holder"),
        "category": tree.attribute("pubdata", "position.section"),
        "abstract": tree.text("abstract"),
        "body": tree.raw("body.content"),
    }
    # The people and bodies the story names (not its byline's journalist).
    named = _Tree(tree.raw("identified-content"))
    actors = [plain(e.text) for e in named.all("person") + named.all("org") if plain(e.text)]
    tags = [k.attributes.get("key", "") for k in tree.all("keyword") if k.attributes.get("key")]
    fields["actors"] = list(dict.fromkeys(actors))
    fields["tags"] = list(dict.fromkeys(tags))
    return Record(line, {k: v for k, v in fields.items() if v})


class _Tree:
    """The elements of an item down to _DEEPEST levels (a story's are a few;
    each level is read again inside the one above), by their name without a
    prefix, in document order."""

    _DEEPEST = 12

    def __init__(self, content: str):
        self._by_name: dict[str, list[Element]] = {}
        level = [content]
        for _ in range(self._DEEPEST):
            inside = []
            for text in level:
                for element in children(text):
                    self._by_name.setdefault(element.name.rpartition(":")[2], []).append(element)
                    if "<" in element.raw:
                        inside.append(element.raw)
            level = inside

    def all(self, name) -> list[Element]:
        return self._by_name.get(name.lower(), [])

    def element(self, name) -> Element | None:
        """The first element `name`, or the Arabic one of several languages."""
        found = self.all(name)
        return arabic_first(found) if found else None

    def raw(self, name) -> str:
        """The text of element `name`, its child elements' tags kept (a body's <p>s)."""
        element = self.element(name)
        return element.text.strip() if element is not None else ""

    def text(self, name) -> str:
        return plain(self.raw(name))

    def attribute(self, name, attribute) -> str:
        element = self.element(name)
        return element.attributes.get(attribute, "").strip() if element is not None else ""

    def name(self, name) -> str:
        element = self.element(name)
        if element is None:
            return ""
        return named_text(element) or element.attributes.get("literal", "").strip()
