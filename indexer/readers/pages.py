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
body where the page has no articleBody (its longest <article> element, else
the whole page without its menus, headers, footers and asides).
"""

import json
import re
from html.parser import HTMLParser

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
    _HIDDEN = frozenset(
        {"script", "style", "noscript", "template", "nav", "footer", "header", "aside", "svg"}
    )

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.title, self.heading = [], "", ""
        self.articles: list[list[str]] = []
        self.meta: dict[str, list[str]] = {}  # name, property or itemprop -> contents
        self.canonical, self.time = "", ""
        self.linked_data: list[str] = []
        self._linked = False  # inside a JSON-LD script
        self._hidden = 0
        self._article = 0  # depth of <article> elements
        self._stack = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self._meta(attributes)
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href", "").strip()
        elif tag == "time" and not self.time:
            self.time = attributes.get("datetime", "").strip()
        elif tag == "script" and attributes.get("type", "").lower() == "application/ld+json":
            self.linked_data.append("")
            self._linked = True
        if itemprop := attributes.get("itemprop"):
            if value := attributes.get("content") or attributes.get("datetime"):
                self.meta.setdefault(itemprop.lower(), []).append(value.strip())
        if tag in self._HIDDEN:
            self._hidden += 1
        if tag == "article":
            if not self._article:
                self.articles.append([])
            self._article += 1
        if tag in self._BLOCKS:
            self._text("\n")
        if tag not in ("meta", "link", "br", "img", "input", "hr"):  # elements with no end
            self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "script":
            self._linked = False
        if tag in self._HIDDEN and self._hidden:
            self._hidden -= 1
        if tag in self._BLOCKS:
            self._text("\n")
        if tag == "article" and self._article:
            self._article -= 1
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        current = self._stack[-1] if self._stack else ""
        if current == "title" and "svg" not in self._stack:  # an icon's title is none
            self.title += data
        elif self._linked:
            self.linked_data[-1] += data
        elif self._hidden == 0:
            if current == "h1" and not self.heading:
                self.heading = data.strip()
            self._text(data)

    def _text(self, data):
        self.parts.append(data)
        if self._article and not self._hidden:
            self.articles[-1].append(data)

    def _meta(self, attributes):
        name = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        content = attributes.get("content", "").strip()
        if name and content:
            self.meta.setdefault(name.lower(), []).append(content)


def _joined(parts):
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(parts))
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def html_to_text(html: str) -> tuple[str, str]:
    """(visible text, title) of an HTML document."""
    extractor = _extracted(html)
    return _joined(extractor.parts), (extractor.heading or extractor.title).strip()


def _extracted(html):
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return extractor


_HTML = re.compile(r"<html|<!doctype html|<body", re.I)


def looks_like_html(text: str) -> bool:
    return _HTML.search(text, 0, 2048) is not None


def parse_page(text: str, name: str) -> dict:
    """The fields of one scraped page."""
    fields: dict[str, str | list[str]] = {"page": name}
    title = ""
    if looks_like_html(text):
        extractor = _extracted(text)
        described = _described(extractor)
        title = described.pop("title", "") or extractor.heading or extractor.title.strip()
        text = described.pop("body", "") or _article_text(extractor) or _joined(extractor.parts)
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
    """The text of the page's longest <article> element, if it is a story's."""
    texts = [_joined(parts) for parts in extractor.articles]
    longest = max(texts, key=len, default="")
    return longest if len(longest) >= _SHORTEST_BODY else ""


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
    described: dict[str, str | list[str]] = {
        "title": _text_of(found.get("headline")) or meta.get("og:title", ""),
        "date": _text_of(found.get("datePublished"))
        or _first(meta, "article:published_time", "datepublished", "pubdate", "publishdate")
        or _first(meta, "date", "dc.date.issued", "dc.date", "parsely-pub-date")
        or extractor.time,
        "url": extractor.canonical or meta.get("og:url", "") or _text_of(found.get("url")),
        "source": _name(found.get("publisher")) or meta.get("og:site_name", ""),
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
        except ValueError:
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
    return value.strip() if isinstance(value, str) else ""


def _name(value) -> str:
    """The name(s) of JSON-LD people or organisations, joined by «، »."""
    items = value if isinstance(value, list) else [value]
    names = [
        item.get("name") if isinstance(item, dict) else item
        for item in items
        if isinstance(item, dict | str)
    ]
    return "، ".join(n.strip() for n in names if isinstance(n, str) and n.strip())


def _keywords(value) -> list[str]:
    if isinstance(value, list):
        return [k.strip() for k in value if isinstance(k, str) and k.strip()]
    if isinstance(value, str):
        return [k for k in _TAG_SEPARATORS.split(value.strip()) if k]
    return []


def _first(meta, *names) -> str:
    return next((meta[name] for name in names if meta.get(name)), "")


def _title_from_body(body):
    """A page saved as text has no headline: use its first line, shortened."""
    first_line = body.split("\n", 1)[0].strip()
    words = first_line.split()
    if len(words) <= _TITLE_WORDS:
        return first_line
    return " ".join(words[:_TITLE_WORDS]) + "…"
