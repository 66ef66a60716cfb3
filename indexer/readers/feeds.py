"""News feeds and CMS exports: RSS (0.9x to 2.0, and 1.0's RDF), Atom, and
WordPress's export (WXR, RSS with its own fields), one record an <item> or
<entry>.

Feeds are XML, but archived ones are not always well-formed (a bare &, a
stray <, a file cut short, HTML pasted unescaped into a description), and
one fault must not cost the rest of the file. So, as for TREC (trec.py),
items and their fields are found with patterns, not an XML parser: CDATA
sections and comments are passed over whole wherever they are, each item's
fields are its child elements (namespace prefixes kept: content:encoded,
dc:creator, wp:status; but the one a feed gives Atom's or RSS's own
elements, <a:entry>, which are read by their bare names), and an item that
is never closed is rejected by its line. A WordPress export's attachments,
menus and pages, and posts never published (drafts, trash), are left out
with a note, not rejected.
"""

import bisect
import html
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .trec import Record

# A CDATA section or a comment (passed over whole), or any element's opening
# or closing tag. A tag holds no < (XML allows none in its attributes) and is
# at most _LONGEST_TAG long, so that a stray < or quote costs a short look
# ahead, not one to the end of the file for each.
_LONGEST_TAG = 4096
_TAGS = re.compile(
    r"<!\[CDATA\[(.*?)(?:\]\]>|\Z)|<!--.*?(?:-->|\Z)"
    rf"|<(/?)([A-Za-z_][\w:.-]*)([^<>]{{0,{_LONGEST_TAG}}}?)(/?)>",
    re.S,
)
# An attribute: a whole name (possessive: a long word with no = is passed
# over once, not tried again from each of its letters) and its quoted value.
_ATTRIBUTE = re.compile(r"""(?<![\w:.-])([\w:.-]++)\s*+=\s*+(?:"([^"]*)"|'([^']*)')""")
_NO_DATE = re.compile(r"^0000-00-00| -0001 ")
_ADDRESS_AND_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")
_ADDRESS = re.compile(r"\S+@\S+\.\w+")
# What a WordPress export holds beside its articles (posts, and a news
# site's own types: news, opinion…), and an article's one status published.
_NOT_ARTICLES = frozenset(
    (
        "attachment",
        "page",
        "nav_menu_item",
        "revision",
        "custom_css",
        "customize_changeset",
        "oembed_cache",
        "user_request",
        "wp_block",
        "wp_template",
        "wp_template_part",
        "wp_global_styles",
        "wp_navigation",
        "wp_font_family",
        "wp_font_face",
    )
)
_PUBLISHED = ("publish", "")


ROOTS = ("rss", "feed", "rdf")  # a feed's root element (RSS 1.0's is rdf:RDF)


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
    at: int = 0  # where its opening tag is


@dataclass
class Channel:
    """What a feed says of all its items: its own title (their outlet), and
    a WordPress export's authors (login -> the name shown)."""

    title: str = ""
    authors: dict[str, str] = field(default_factory=dict)
    # The prefixes its feed gives the elements of Atom or RSS itself
    # (<a:entry> under xmlns:a="http://www.w3.org/2005/Atom"): read as bare names.
    own_prefixes: frozenset[str] = frozenset()

    @classmethod
    def of(cls, head: str, own_prefixes: frozenset[str] = frozenset()) -> "Channel":
        """The channel whose elements before its first item are `head`."""
        found = cls(own_prefixes=own_prefixes)
        for element in found.unprefixed(children(head)):
            if element.name == "title" and not found.title:
                found.title = plain(element.text)
            elif element.name == "wp:author":
                names = {child.name: plain(child.text) for child in children(element.raw)}
                if login := names.get("wp:author_login"):
                    found.authors[login] = names.get("wp:author_display_name") or login
        return found

    def unprefixed(self, elements: list[Element]) -> list[Element]:
        """`elements` with the feed's own prefix taken off their names."""
        for element in elements:
            prefix, colon, name = element.name.partition(":")
            if colon and prefix in self.own_prefixes:
                element.name = name
        return elements


def iter_records(text: str, first_line=1, channel=None) -> Iterator[Record | Skipped]:
    """Each item of a feed with its line, as fields of Bahth's (title, body,
    date, url, id, source, author, category, tags, and `abstract` where an
    item has both a summary and its content), or why it was not read.
    `text` may be a slice of a feed that begins at its line `first_line`,
    after its `channel`; feeds joined into one file each keep their own."""
    known = channels(text)
    for found in elements(text, _ITEM_NAMES, first_line):
        if isinstance(found, Record):
            yield found
            continue
        line, item, content = found
        before = bisect.bisect_right(known, item.at, key=lambda c: c[0])
        own = known[before - 1][1] if before else channel or Channel()
        yield _record(line, content, own)


# A <channel> or an Atom <feed>, not one quoted in a CDATA section or a comment.
_CHANNEL = re.compile(
    r"<!\[CDATA\[.*?(?:\]\]>|\Z)|<!--.*?(?:-->|\Z)"
    r"|(<(?:[\w.-]+:)?(?:channel|feed)(?=[\s>])[^<>]{0,4096}>)",
    re.I | re.S,
)
_MOST_CHANNELS = 100  # read in one file (feeds joined by cat); the rest keep the last
# A prefix bound to Atom's or RSS's own namespace, in an opening tag.
_OWN_NAMESPACE = re.compile(
    r"""xmlns:([\w.-]+)\s*=\s*["'](?:http://www\.w3\.org/2005/Atom|http://purl\.org/rss/1\.0/"""
    r"""|http://backend\.userland\.com/rss2|http://purl\.org/net/rss1\.1#)/?["']""",
    re.I,
)
_LONGEST_HEAD = 2**20  # of a channel's elements before its first item


def channels(text: str) -> list[tuple[int, Channel]]:
    """(where it opens, Channel) of each <channel> or Atom <feed> of `text`."""
    found = []
    openings = (match for match in _CHANNEL.finditer(text) if match.group(1))
    for opening in itertools.islice(openings, _MOST_CHANNELS):
        end = min(opening.end() + _LONGEST_HEAD, len(text))
        first_item = next(
            (
                t.start()
                for t in _openings(_ITEM_NAMES).finditer(text, opening.end(), end)
                if t.group(2)
            ),
            end,
        )
        # The prefix the feed gives its own elements, where its channel
        # (or Atom feed) wears one bound to Atom's or RSS's namespace: an
        # RSS 2.0 feed's atom:link beside its items' own <link> stays apart.
        declared = text[max(0, opening.start() - _LONGEST_ROOT) : opening.end()]
        worn = re.match(r"<([\w.-]+):", opening.group(1))
        bound = {m.group(1).lower() for m in _OWN_NAMESPACE.finditer(declared)}
        prefixes = frozenset({worn.group(1).lower()} & bound if worn else ())
        found.append((opening.start(), Channel.of(text[opening.end() : first_item], prefixes)))
    return found


_LONGEST_ROOT = 4096  # an RSS root (<rss …>, <rdf:RDF …>) declares its prefixes before <channel>


def channel_before_items(text: str) -> Channel:
    """The channel of a feed whose first characters are `text` (those up to
    its first item at least): the context of a slice of it."""
    known = channels(text)
    return known[0][1] if known else Channel()


_ITEM_NAMES = ("item", "entry")
_OPENINGS: dict[tuple, re.Pattern] = {}


def _openings(names, cdata_closes=True, comment_closes=True) -> re.Pattern:
    """CDATA sections and comments (passed over whole), and the opening and
    closing tags of elements `names` (any prefix, any case). Once a CDATA
    section (or a comment) is known to close nowhere after a point, the
    ones after it are matched by their opening alone (`cdata_closes`,
    `comment_closes` false): each would otherwise be looked at to the end
    of the text again, a time that grows as the square of the file's."""
    key = (names, cdata_closes, comment_closes)
    if key not in _OPENINGS:
        cdata = r"<!\[CDATA\[.*?(?:\]\]>|\Z)" if cdata_closes else r"<!\[CDATA\["
        comment = r"<!--.*?(?:-->|\Z)" if comment_closes else r"<!--"
        _OPENINGS[key] = re.compile(
            rf"{cdata}|{comment}"
            rf"|<(/?)((?:[\w.-]+:)?(?:{'|'.join(names)}))(?=[\s/>])([^<>]{{0,{_LONGEST_TAG}}})>",
            re.I | re.S,
        )
    return _OPENINGS[key]


def elements(text: str, names: tuple[str, ...], first_line=1):
    """Each element of `text` named one of `names` (not one inside another):
    (its line, its opening tag as an Element, its content as written); or a
    Record of what is wrong (one opened before the last was closed, a
    closing tag with none open, one never closed), by its line."""
    opened = None  # (line, Element, end of the opening tag)
    line, position, at = first_line, 0, 0
    closes = {"<![CDATA[": True, "<!--": True}  # whether one may close after here
    pattern = _openings(names)
    while tag := pattern.search(text, at):
        at = tag.end()
        if tag.group(2) is None:  # CDATA or a comment
            if not tag.group(0).endswith(("]]>", "-->")):
                # Never closed: it ends where the element it is in ends (or
                # is no CDATA), not with the file and every item after it.
                at = _closing_tag(text, opened[1].name, tag.start()) if opened else tag.start() + 2
                opener = "<![CDATA[" if tag.group(0).startswith("<![CDATA[") else "<!--"
                if closes[opener]:  # none of its kind closes after it: not looked for again
                    closes[opener] = False
                    pattern = _openings(names, closes["<![CDATA["], closes["<!--"])
            elif opened and (boundary := _boundary(opened[1].name, tag)) is not None:
                at = boundary  # closed by the next item's CDATA: it ended with its own item
            continue
        line += text.count("\n", position, tag.start())
        position = tag.start()
        name = tag.group(2).lower()
        if tag.group(1) != "/":
            if opened:
                why = f"not closed before the {name} of line {line}"
                yield _unclosed(text, opened, why)
            opened = (line, Element(name, _attributes(tag.group(3)), at=tag.start()), tag.end())
        elif opened is None:
            yield Record(line, None, f"a {tag.group(0)} with no {name} before it", "")
        else:
            yield opened[0], opened[1], text[opened[2] : tag.start()]
            opened = None
    if opened:
        yield _unclosed(text, opened, "never closed (the file ends)")


def _boundary(name, section) -> int | None:
    """Where, inside a CDATA section or a comment, an element `name` closes
    and the next opens: where a section left open took in the next record
    (one closed by the next record's own CDATA); None for none."""
    found = re.compile(rf"</{re.escape(name)}\s*>\s*<{re.escape(name)}[\s>]", re.I).search(
        section.group(0)
    )
    return section.start() + found.start() if found else None


def _closing_tag(text, name, start) -> int:
    """Where the first closing tag of element `name` after `start` begins (the
    end of `text`: none)."""
    found = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(text, start)
    return found.start() if found else len(text)


def _unclosed(text, opened, why):
    line, element, start = opened
    return Record(line, None, f"{element.name} {why}: not read", text[start : start + 2000])


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
        name.lower(): html.unescape(double or single)  # findall gives "" for the other
        for name, double, single in _ATTRIBUTE.findall(written or "")
    }


def plain(text):
    return " ".join(re.sub(r"<[^>]*>", " ", text).split())


def _record(line, content, channel: Channel):
    elements = channel.unprefixed(children(content))
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
    if kind in _NOT_ARTICLES:
        return Skipped(line, f"a WordPress {kind} (wp:post_type), not an article: left out")
    if status not in _PUBLISHED:
        return Skipped(line, f"a post not published (wp:status {status}): left out")

    fields = {
        "id": value("guid", "id", "wp:post_id"),
        "title": value("title"),
        "url": value("link") or _link(elements),
        "date": _date(first),
        "author": _author(first, channel),
        "source": _named(first, "source", "dc:publisher") or channel.title,
    }
    content_text = value("content:encoded", "content")
    summary = value("description", "summary", "excerpt:encoded")
    fields["body"] = content_text or summary
    if content_text and summary:
        fields["abstract"] = summary
    categories: list[str] = []
    tags: list[str] = []
    for element in elements:
        if element.name in ("category", "dc:subject"):
            label = element.attributes.get("label") or element.attributes.get("term")
            name = plain(element.text) or (label or "").strip()
            # A WordPress export's terms of every taxonomy: its categories
            # and its tags, not post formats (Video) or co-authors.
            domain = element.attributes.get("domain", "category")
            if name and domain in ("category", "post_tag"):
                (tags if domain == "post_tag" else categories).append(name)
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
    """When the item was published (WordPress's own dates before the pubDate
    it derives, which is "-0001" for a post never dated)."""
    names = ("published", "wp:post_date_gmt", "wp:post_date", "pubdate", "dc:date", "updated")
    for name in names:
        element = first.get(name)
        if element is not None and (written := element.text.strip()):
            if not _NO_DATE.search(written):
                return written
    return ""


def _author(first, channel: Channel) -> str:
    """The item's author: a WordPress login as the name its export shows; no
    address alone."""
    written = _named(first, "dc:creator", "author")
    written = channel.authors.get(written, written)
    return "" if _ADDRESS.fullmatch(written) else written


def _named(first, *names):
    """The name the first of elements `names` that gives one gives (`named_text`)."""
    for name in names:
        element = first.get(name)
        if element is not None and (written := named_text(element)):
            return written
    return ""


def arabic_first(found: list[Element]) -> Element:
    """Of elements written in several languages (xml:lang), the Arabic one,
    else the first."""
    return next((e for e in found if e.attributes.get("xml:lang", "").startswith("ar")), found[0])


def named_text(element: Element) -> str:
    """The name an element gives: its <name> or <title> (Atom's author and
    source, NewsML's creator and subject), else its text; the name an RSS
    author's address gives in brackets (desk@example.org (Name))."""
    named = [c for c in children(element.raw) if c.name.rpartition(":")[2] in ("name", "title")]
    written = plain(arabic_first(named).text if named else element.text)
    if bracketed := _ADDRESS_AND_NAME.match(written):
        written = bracketed.group(1).strip()
    return written
