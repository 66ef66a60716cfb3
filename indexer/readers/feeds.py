"""News feeds and CMS exports: RSS (0.9x to 2.0, and 1.0's RDF), Atom, and
WordPress's export (WXR, RSS with its own fields), one record an <item> or
<entry>.

Feeds are XML, but archived ones are not always well-formed (a bare &, a
stray <, a file cut short, HTML pasted unescaped into a description), and
one fault must not cost the rest of the file. So, as for TREC (trec.py),
items and their fields are found with patterns, not an XML parser: CDATA
sections and comments are passed over whole wherever they are, each item's
fields are its child elements (namespace prefixes kept: content:encoded,
dc:creator, wp:status), and an item that is never closed is rejected by its
line. A WordPress export's attachments, menus and pages, and posts never
published (drafts, trash), are left out with a note, not rejected.
"""

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .trec import Record

# A CDATA section or a comment (passed over whole), or any element's opening
# or closing tag.
_TAGS = re.compile(
    r"<!\[CDATA\[(.*?)(?:\]\]>|\Z)|<!--.*?(?:-->|\Z)|<(/?)([A-Za-z_][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>",
    re.S,
)
_TITLE = re.compile(r"<title(?=[\s>])[^>]*>(.*?)</title>", re.I | re.S)
_FEED = re.compile(r"<(?:rss|feed|rdf:rdf)(?=[\s>])", re.I)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ZERO_DATE = re.compile(r"^0000-00-00")
_ADDRESS_AND_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")
# A WordPress item that is an article: a post, published.
_ARTICLE_TYPES = ("post", "")
_PUBLISHED = ("publish", "")


def opened_at(head: str) -> float:
    """Where a file's first characters open a feed (an <rss>, <feed> or
    <rdf:RDF> element; infinity: they do not)."""
    found = _FEED.search(head)
    return found.start() if found else float("inf")


@dataclass
class Skipped:
    """An item that is no article (a WordPress attachment, page or draft)."""

    line: int
    why: str


@dataclass
class Element:
    name: str  # lower case, with its prefix: content:encoded
    attributes: dict[str, str] = field(default_factory=dict)
    text: str = ""  # CDATA as it is, the rest entity-decoded; child elements' tags kept
    closed: bool = True
    raw: str = ""  # its content as written


def iter_records(text: str, first_line=1, title="") -> Iterator[Record | Skipped]:
    """Each item of a feed with its line, as fields of Bahth's (title, body,
    date, url, id, source, author, category, tags, and `abstract` where an
    item has both a summary and its content), or why it was not read.
    `text` may be a slice of a feed that begins at its line `first_line`,
    whose own `title` (the outlet of its items) is before it."""
    source = title or feed_title(text)
    for found in elements(text, _ITEM_NAMES, first_line):
        yield found if isinstance(found, Record) else _record(found[0], found[2], source)


_ITEM_NAMES = ("item", "entry")
_OPENINGS: dict[tuple[str, ...], re.Pattern] = {}


def _openings(names) -> re.Pattern:
    """CDATA sections and comments (passed over whole), and the opening and
    closing tags of elements `names` (any prefix, any case)."""
    if names not in _OPENINGS:
        _OPENINGS[names] = re.compile(
            r"<!\[CDATA\[.*?(?:\]\]>|\Z)|<!--.*?(?:-->|\Z)"
            rf"|<(/?)((?:[\w.-]+:)?(?:{'|'.join(names)}))(?=[\s/>])([^>]*)>",
            re.I | re.S,
        )
    return _OPENINGS[names]


def elements(text: str, names: tuple[str, ...], first_line=1):
    """Each element of `text` named one of `names` (not one inside another):
    (its line, its opening tag as an Element, its content as written); or a
    Record of what is wrong (one opened before the last was closed, a
    closing tag with none open, one never closed), by its line."""
    opened = None  # (line, Element, end of the opening tag)
    line, position = first_line, 0
    for tag in _openings(names).finditer(text):
        if tag.group(2) is None:  # CDATA or a comment
            continue
        line += text.count("\n", position, tag.start())
        position = tag.start()
        name = tag.group(2).lower()
        if tag.group(1) != "/":
            if opened:
                why = f"not closed before the {name} of line {line}"
                yield _unclosed(text, opened, why)
            opened = (line, Element(name, _attributes(tag.group(3))), tag.end())
        elif opened is None:
            yield Record(line, None, f"a {tag.group(0)} with no {name} before it", "")
        else:
            yield opened[0], opened[1], text[opened[2] : tag.start()]
            opened = None
    if opened:
        yield _unclosed(text, opened, "never closed (the file ends)")


def _unclosed(text, opened, why):
    line, element, start = opened
    return Record(line, None, f"{element.name} {why}: not read", text[start : start + 2000])


def feed_title(text):
    """The feed's own title (the first before its items), from the text
    before its first item: the outlet, for items that name none."""
    first = next(
        (tag.start() for tag in _openings(_ITEM_NAMES).finditer(text) if tag.group(2)), len(text)
    )
    found = _TITLE.search(text, 0, first)
    return plain(_text(found.group(1))) if found else ""


def children(content: str) -> list[Element]:
    """The elements of `content` at its top level, in order. An element whose
    closing tag is missing is read to the end of `content` (`closed` false);
    text between elements is left out."""
    found: list[Element] = []
    at = 0
    while tag := _TAGS.search(content, at):
        at = tag.end()
        if tag.group(3) is None or tag.group(2) == "/":  # CDATA, a comment, a stray closing tag
            continue
        name = tag.group(3).lower()
        element = Element(name, _attributes(tag.group(4)))
        found.append(element)
        if tag.group(5) == "/":
            continue
        end, inner_end = _closing(content, name, at)
        element.raw = content[at:inner_end]
        element.text = _text(element.raw)
        element.closed = end is not None
        at = end if end is not None else len(content)
    return found


def _closing(content, name, start):
    """(end of the closing tag, start of it) of element `name` from `start`,
    nested elements of the same name counted, CDATA passed over; (None,
    len(content)) when it is never closed."""
    depth = 1
    for tag in _TAGS.finditer(content, start):
        if tag.group(3) is None or tag.group(3).lower() != name or tag.group(5) == "/":
            continue
        depth += -1 if tag.group(2) == "/" else 1
        if depth == 0:
            return tag.end(), tag.start()
    return None, len(content)


def _text(inner):
    """An element's content: CDATA as it is, the rest entity-decoded."""
    if "<![CDATA[" not in inner:
        return html.unescape(inner)
    parts, at = [], 0
    for section in re.finditer(r"<!\[CDATA\[(.*?)(?:\]\]>|\Z)", inner, re.S):
        parts.append(html.unescape(inner[at : section.start()]))
        parts.append(section.group(1))
        at = section.end()
    parts.append(html.unescape(inner[at:]))
    return "".join(parts)


def _attributes(written):
    return {
        name.lower(): html.unescape(double if double is not None else single)
        for name, double, single in _ATTRIBUTE.findall(written or "")
    }


def plain(text):
    return " ".join(re.sub(r"<[^>]*>", " ", text).split())


def _record(line, content, source):
    elements = children(content)
    first: dict[str, Element] = {}
    for element in elements:
        first.setdefault(element.name, element)

    def value(*names):
        for name in names:
            element = first.get(name)
            if element is not None and element.text.strip():
                return element.text.strip()
        return ""

    kind, status = value("wp:post_type"), value("wp:status")
    if kind not in _ARTICLE_TYPES:
        return Skipped(line, f"a WordPress {kind} (wp:post_type), not an article: left out")
    if status not in _PUBLISHED:
        return Skipped(line, f"a post not published (wp:status {status}): left out")

    fields = {
        "id": value("guid", "id", "wp:post_id"),
        "title": value("title"),
        "url": value("link") or _link(elements),
        "date": _date(first),
        "author": _named(first, "dc:creator", "author"),
        "source": _named(first, "source", "dc:publisher") or source,
    }
    content_text = value("content:encoded", "content")
    summary = value("description", "summary", "excerpt:encoded")
    fields["body"] = content_text or summary
    if content_text and summary:
        fields["abstract"] = summary
    categories, tags = [], []
    for element in elements:
        if element.name in ("category", "dc:subject"):
            label = element.attributes.get("label") or element.attributes.get("term")
            name = plain(element.text) or (label or "").strip()
            if name:
                tagged = element.attributes.get("domain") == "post_tag"
                (tags if tagged else categories).append(name)
    if categories:
        fields["category"] = categories[0]
    if tags or categories[1:]:
        fields["tags"] = list(dict.fromkeys(tags + categories[1:]))
    fields = {name: found for name, found in fields.items() if found}
    unclosed = sorted({e.name for e in elements if not e.closed})
    problem = "; ".join(f"<{name}> not closed: read to the end of the item" for name in unclosed)
    return Record(line, fields, problem or None)


def _link(elements):
    """An Atom entry's address: the href of its link to itself as a page."""
    for element in elements:
        if element.name == "link" and element.attributes.get("rel", "alternate") == "alternate":
            if href := element.attributes.get("href", "").strip():
                return href
    return ""


def _date(first):
    for name in ("published", "pubdate", "dc:date", "wp:post_date_gmt", "wp:post_date", "updated"):
        element = first.get(name)
        if element is not None and (written := element.text.strip()):
            if not _ZERO_DATE.match(written):
                return written
    return ""


def _named(first, *names):
    """The name the first of elements `names` that gives one gives (`named_text`)."""
    for name in names:
        element = first.get(name)
        if element is not None and (written := named_text(element)):
            return written
    return ""


def named_text(element: Element) -> str:
    """The name an element gives: its <name> or <title> (Atom's author and
    source, NewsML's creator and subject), else its text; the name an RSS
    author's address gives in brackets (desk@example.org (Name))."""
    inner = {child.name.rpartition(":")[2]: child.text for child in children(element.raw)}
    written = plain(inner.get("name") or inner.get("title") or element.text)
    if bracketed := _ADDRESS_AND_NAME.match(written):
        written = bracketed.group(1).strip()
    return written
