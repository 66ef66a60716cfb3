"""Scraped article pages, as plain text or HTML.

A scraped page holds the article, then the site's trailing blocks: the
source («المصدر: ...»), keyword tags («كلمات دلالية: ...»), and lists of
related headlines («إقرأ أيضاً», «مقالات مشابهة») that are not the article.
The body stops at the first of these markers.

An HTML page also says what it is in its head, for search engines and
social networks: schema.org's JSON-LD (a NewsArticle's headline,
datePublished, author, publisher, articleBody, keywords), Open Graph and
article: meta tags (og:title, og:site_name, article:published_time,
article:tag), the usual <meta name> ones (author, keywords, description)
and its canonical link. Those are read first; the visible text is the
body where the page has no articleBody (its <article> element holding the
headline, else the whole page), without its menus, headers, footers and
asides, and without its runs of blocks made mostly of links (`_unlinked`).
"""

import html
import itertools
import json
import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlsplit

_SOURCE = re.compile(r"^\s*المصدر\s*[:：]\s*(.+?)\s*$", re.M)
_TAGS = re.compile(r"^\s*كلمات\s+دلالية\s*[:：]\s*(.+?)\s*$", re.M)
_TRAILING_BLOCK = re.compile(
    r"^\s*(?:المصدر\s*[:：]|كلمات\s+دلالية\s*[:：]|[إا]قر[أا]\s+[أا]يض[اً]+\s*[:：]?|"
    r"مقالات\s+مشابهة|[أا]خبار\s+ذات\s+صلة|اقر[أا]\s+المزيد)",
    re.M,
)
_TAG_SEPARATORS = re.compile(r"\s*[،,;؛|]\s*")
_TITLE_WORDS = 14


class KeywordLine(str):
    """Keyword tags as a page shows them when its links are flattened to
    text: one line, the tags separated by nothing but spaces. The article
    builder splits it where it knows names."""


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, one block a line; title and h1 kept
    apart; the text of each <article> element (the outermost ones), the
    page's meta tags, canonical link, first <time datetime> and JSON-LD."""

    _BLOCKS = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article"}
    )
    HIDDEN = frozenset({"script", "style", "noscript", "template", "nav", "footer", "header"})

    def __init__(self, hidden=HIDDEN):
        super().__init__(convert_charrefs=True)
        self._HIDDEN = hidden
        self.parts, self.title, self.heading = [], "", ""
        self.articles: list[list[str]] = []
        self.headed: int | None = None  # the <article> its <h1> is in
        self.meta: dict[str, list[str]] = {}  # name, property or itemprop -> contents
        self.canonical, self.time = "", ""
        self.linked_data: list[str] = []
        self._linked = False  # inside a JSON-LD script
        self._hiding: list[str] = []  # the hidden elements open, outermost first
        self._article = 0  # depth of <article> elements
        self._links = 0  # depth of <a> elements
        self._home = 0  # depth of <a> elements to the site's home page
        self._headline = 0  # depth of <h1> elements
        self._stack = []
        self._open: Counter = Counter()  # the elements open on the stack, by name

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self._meta(attributes)
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href", "").strip()
        elif tag == "time" and not self.time and self._article and not self._hiding:
            self.time = attributes.get("datetime", "").strip()  # a story's, not a ticker's
        elif tag == "script" and attributes.get("type", "").lower() == "application/ld+json":
            self.linked_data.append("")
            self._linked = True
        if itemprop := attributes.get("itemprop"):
            if value := attributes.get("content") or attributes.get("datetime"):
                self.meta.setdefault(itemprop.lower(), []).append(value.strip())
        # A story's own <header> (its headline, its byline) is no site's.
        if tag in self._HIDDEN and not (self._article and tag in ("header", "footer")):
            self._hiding.append(tag)
        if tag == "article":
            if not self._article:
                self.articles.append([])
            self._article += 1
        if tag == "h1":
            self._headline += 1
        if tag == "a":
            self._links += 1
            self._home += _to_home(attributes.get("href", ""))
        elif tag in self._BLOCKS and tag != "br":
            self._links = 0  # the links open around a block wrap it: they are no links
        if tag in self._BLOCKS:
            self._text("\n")
        if tag not in ("meta", "link", "br", "img", "input", "hr"):  # elements with no end
            self._stack.append(tag)
            self._open[tag] += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self._linked = False
        if tag in self._hiding:  # it closes, and whatever was left open inside it
            del self._hiding[len(self._hiding) - 1 - self._hiding[::-1].index(tag) :]
        if tag in self._BLOCKS:
            self._text("\n")
        if tag == "article" and self._article:
            self._article -= 1
        if self._open[tag]:  # it closes, and whatever was left open inside it
            while self._stack:
                closed = self._stack.pop()
                self._open[closed] -= 1
                if closed == "a":
                    self._links = max(0, self._links - 1)
                    self._home = min(self._home, self._links)
                elif closed == "h1":
                    self._headline -= 1
                if closed == tag:
                    break

    def handle_data(self, data):
        current = self._stack[-1] if self._stack else ""
        if current == "title" and not self._open["svg"]:  # an icon's title is none
            self.title += data
        elif self._linked:
            self.linked_data[-1] += data
        elif not self._hiding:
            # A site's name in an <h1> that links home is its logo, no headline.
            if self._headline and not self._home and not self.heading and data.strip():
                self.heading = data.strip()
                if self._article:
                    self.headed = len(self.articles) - 1
            self._text(data)

    def _text(self, data):
        part = (data, self._links > 0 and data != "\n")
        self.parts.append(part)
        if self._article and not self._hiding:
            self.articles[-1].append(part)

    def _meta(self, attributes):
        name = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        content = attributes.get("content", "").strip()
        if name and content:
            self.meta.setdefault(name.lower(), []).append(content)


def _to_home(address: str) -> bool:
    """Whether a link goes to a site's home page (/, https://site.example/)."""
    address = address.strip()
    parts = urlsplit(address)
    return bool(address) and parts.path in ("", "/") and not parts.query and not parts.fragment


def _joined(parts, links=False, heading=""):
    """The text of (text, in a link) parts; with `links` false, without the
    runs of blocks made mostly of links (`_unlinked`), but the one holding
    the page's `heading`."""
    if not links:
        parts = _unlinked(parts, heading)
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(text for text, _ in parts))
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


# A block with more than this share of its letters in links is a menu's, a
# list's of related stories or tags, where RUN or more stand together.
LINKED = 0.8
RUN = 3
HEADING = 40  # letters of a line that heads such a run


def _unlinked(parts, heading=""):
    """The parts without the runs of blocks made mostly of links, and the
    short line heading such a run (اقرأ أيضا, Related); fewer blocks of links
    among the story's paragraphs are the story's (a linked subheading, a
    linked name), and so is the block of its headline."""
    blocks, block = [], []
    for part in [*parts, ("\n", False)]:
        block.append(part)
        if part[0] == "\n":
            blocks.append(block)
            block = []
    texts = ["".join(text for text, _ in b) for b in blocks]
    letters = [sum(len(text.strip()) for text, _ in b) for b in blocks]
    # The headline's block: the one holding it whole (a headline of a few
    # letters, أخبار, is any menu's word too).
    headline = [
        text.strip() == heading or (len(heading) >= HEADING // 2 and heading in text)
        for text in texts
    ]
    dense = [
        sum(len(text.strip()) for text, linked in b if linked) > LINKED * n and not headed
        for b, n, headed in zip(blocks, letters, headline, strict=True)
    ]
    # The blocks from a trailing block's marker on are what the page says of
    # the story (its source, its tags: parse_page), not the story: kept.
    end = next((i for i, text in enumerate(texts) if _TRAILING_BLOCK.match(text)), len(blocks))
    shown = [i for i, n in enumerate(letters[:end]) if n]  # blocks of no letters aside
    run: set[int] = set()
    start = 0
    for at in range(len(shown) + 1):
        if at < len(shown) and dense[shown[at]]:
            continue
        if at - start >= RUN:
            run.update(shown[start:at])
            heads = shown[start - 1] if start else None
            if heads is not None and letters[heads] < HEADING and not headline[heads]:
                run.add(heads)
        start = at + 1
    return [part for i, b in enumerate(blocks) if i not in run for part in b]


def html_to_text(html: str) -> tuple[str, str]:
    """(visible text, title) of an HTML document."""
    extractor = _extracted(html)
    return _joined(extractor.parts, links=True), (extractor.heading or extractor.title).strip()


def _extracted(html, hidden=_TextExtractor.HIDDEN):
    extractor = _TextExtractor(hidden)
    extractor.feed(_without_stray_lt(html))
    extractor.close()
    return extractor


# A < that opens no tag: another < or the end comes before any >. The parser
# looks for the tag's end from each one to the end of the page (CPython
# before 3.11.13 and 3.12.11: a page ending in 150,000 of them took 73 s);
# a page with more than STRAY_LT of them has them written as text. (Fewer
# cost little, and are left: a < inside an attribute's value, as a popover's
# HTML is written, looks the same.)
_STRAY_LT = re.compile(r"<(?!!--)(?=[^<>]*(?:<|\Z))")
STRAY_LT = 1_000


def _without_stray_lt(html: str) -> str:
    strays = _STRAY_LT.finditer(html)
    if next(itertools.islice(strays, STRAY_LT, None), None) is None:
        return html
    return _STRAY_LT.sub("&lt;", html)


_HTML = re.compile(r"<html|<!doctype html|<body", re.I)


def _file_name(origin: str) -> str:
    """The file name of an origin: of a path, or of an archive's member
    (archive!folder/member; a ! in a file's own name is its name's)."""
    member = _MEMBER.split(origin, maxsplit=1)[-1]
    return re.split(r"[/\\]", member)[-1] or member


# An archive's path and the ! before the member of it an origin names.
_MEMBER = re.compile(r"(?<=\.zip|\.tar|\.tgz)!|(?<=\.tar\.gz|\.tar\.xz)!|(?<=\.tar\.bz2)!", re.I)


def looks_like_html(text: str) -> bool:
    return _HTML.search(text, 0, 2048) is not None


def parse_page(text: str, name: str) -> dict:
    """The fields of one scraped page, `name` its origin: `page` is the
    file's own name, not where on the server it was (an archive's member:
    its name in the archive, without its folders)."""
    fields: dict[str, str | list[str]] = {"page": _file_name(name)}
    title = ""
    if looks_like_html(text):
        page, extractor = text, _extracted(text, _PAGE_HIDDEN)
        described = _described(extractor)
        title = described.pop("title", "") or extractor.heading or extractor.title.strip()
        text = (
            described.pop("body", "")
            or _article_text(extractor)
            or _joined(extractor.parts, heading=extractor.heading)
        )
        if len(text) < _SHORTEST_BODY:  # an aside or an icon left open hid the rest
            text = max(text, html_to_text(page)[0], key=len)
        fields.update(described)
    if "source" not in fields and (match := _SOURCE.search(text)):
        fields["source"] = match.group(1)
    if "tags" not in fields and (match := _TAGS.search(text)):
        line = match.group(1)
        if _TAG_SEPARATORS.search(line):
            fields["tags"] = [t for t in _TAG_SEPARATORS.split(line) if t]
        else:
            fields["tags"] = KeywordLine(line)
    cut = _TRAILING_BLOCK.search(text)
    body = (text[: cut.start()] if cut else text).strip()

    fields["body"] = body
    fields["title"] = title or _title_from_body(body)
    return fields


# What a page shows beside its story: its menus, headers and footers, asides
# (related stories, most read) and icons.
_PAGE_HIDDEN = _TextExtractor.HIDDEN | {"aside", "svg"}
# An <article> or an articleBody shorter than this is a teaser, not the story.
_SHORTEST_BODY = 200
_ARTICLE_TYPES = frozenset(
    (
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "report",
    )
)


def _article_text(extractor) -> str:
    """The text of the page's <article> element that holds its headline (its
    <h1>), else of its one <article> long enough to be a story (not one of
    a listing's teasers, or of a story's comments)."""
    texts = [_joined(parts, heading=extractor.heading) for parts in extractor.articles]
    if extractor.headed is not None:
        chosen = [texts[extractor.headed]]
    else:
        chosen = [text for text in texts if len(text) >= _SHORTEST_BODY]
    return chosen[0] if len(chosen) == 1 and len(chosen[0]) >= _SHORTEST_BODY else ""


def _described(extractor) -> dict:
    """What the page's head says of the article: JSON-LD first, then meta
    tags, then the canonical link and the first <time>."""
    meta = {name: values[0] for name, values in extractor.meta.items()}
    found = _linked_article(extractor.linked_data)
    tags = _keywords(found.get("keywords")) or [
        tag
        for name in ("news_keywords", "keywords", "article:tag")
        for value in extractor.meta.get(name, ())
        for tag in _keywords(value)
    ]
    author = _name(found.get("author")) or _first(meta, "author", "article:author", "dc.creator")
    site = _name(found.get("publisher")) or meta.get("og:site_name", "")
    social_title = meta.get("og:title", "")
    described: dict[str, str | list[str]] = {
        "title": _text_of(found.get("headline"))
        or ("" if social_title == site else social_title)  # a site's name is no headline
        or extractor.heading,
        "date": _text_of(found.get("datePublished"))
        or _first(meta, "article:published_time", "datepublished", "pubdate", "publishdate")
        or _first(meta, "date", "dc.date.issued", "dc.date", "parsely-pub-date")
        or extractor.time,
        "url": _a_story(extractor.canonical)
        or _a_story(meta.get("og:url", ""))
        or _a_story(_text_of(found.get("url"))),
        "source": site,
        "author": ""
        if author.startswith(("http://", "https://"))
        else author,  # a profile's address
        "category": _text_of(found.get("articleSection")) or meta.get("article:section", ""),
        "abstract": _text_of(found.get("description"))
        or _first(meta, "description", "og:description"),
        "tags": list(dict.fromkeys(tags)),
    }
    body = _text_of(found.get("articleBody"))
    if len(body) >= _SHORTEST_BODY:
        described["body"] = body
    return {name: value for name, value in described.items() if value}


def _linked_article(scripts) -> dict:
    """The first article the page's JSON-LD describes (a script may hold one
    object, a list, or a @graph); {} for none, or for JSON that is none."""
    for script in scripts:
        try:
            data = json.loads(script, strict=False)
        except (ValueError, RecursionError):  # not JSON, or nested past Python's stack
            continue
        pending = [data]
        while pending:
            item = pending.pop(0)
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                kinds = item.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                    return item
                pending.extend(v for k, v in item.items() if k in ("@graph", "mainEntity"))
    return {}


def _text_of(value) -> str:
    """A JSON-LD value as text: a string, the first of a list, an object's @id or url."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("@value") or ""
    return html.unescape(value).strip() if isinstance(value, str) else ""


def _name(value) -> str:
    """The name(s) of JSON-LD people or organisations, joined by «، »."""
    items = value if isinstance(value, list) else [value]
    names = [
        item.get("name") if isinstance(item, dict) else item
        for item in items
        if isinstance(item, dict | str)
    ]
    return "، ".join(html.unescape(n).strip() for n in names if isinstance(n, str) and n.strip())


def _keywords(value) -> list[str]:
    if isinstance(value, list):
        return [html.unescape(k).strip() for k in value if isinstance(k, str) and k.strip()]
    if isinstance(value, str):
        return [k for k in _TAG_SEPARATORS.split(html.unescape(value).strip()) if k]
    return []


def _a_story(address: str) -> str:
    """A page's address as its own, where it is one: not a site's home page,
    which a template may name as every page's canonical address (the pages
    would all share one ID)."""
    parts = urlsplit(address)
    return address if parts.path.strip("/") or parts.query else ""


def _first(meta, *names) -> str:
    return next((meta[name] for name in names if meta.get(name)), "")


def _title_from_body(body):
    """A page saved as text has no headline: use its first line, shortened."""
    first_line = body.split("\n", 1)[0].strip()
    words = first_line.split()
    if len(words) <= _TITLE_WORDS:
        return first_line
    return " ".join(words[:_TITLE_WORDS]) + "…"
