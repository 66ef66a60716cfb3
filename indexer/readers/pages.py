"""Scraped article pages, as plain text or HTML.

A scraped page holds the article, then the site's trailing blocks: the
source («المصدر: ...»), keyword tags («كلمات دلالية: ...»), and lists of
related headlines («إقرأ أيضاً», «مقالات مشابهة») that are not the article.
The body stops at the first of these markers.
"""

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
    """Visible text of an HTML page, one block a line; title and h1 kept apart."""

    _BLOCKS = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article"}
    )
    _HIDDEN = frozenset({"script", "style", "noscript", "template", "nav", "footer", "header"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.title, self.heading = [], "", ""
        self._hidden = 0
        self._stack = []

    def handle_starttag(self, tag, attrs):
        if tag in self._HIDDEN:
            self._hidden += 1
        if tag in self._BLOCKS:
            self.parts.append("\n")
        self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self._HIDDEN and self._hidden:
            self._hidden -= 1
        if tag in self._BLOCKS:
            self.parts.append("\n")
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        current = self._stack[-1] if self._stack else ""
        if current == "title":
            self.title += data
        elif self._hidden == 0:
            if current == "h1" and not self.heading:
                self.heading = data.strip()
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str]:
    """(visible text, title) of an HTML document."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(extractor.parts))
    text = re.sub(r"\n\s*\n+", "\n\n", text).strip()
    return text, (extractor.heading or extractor.title).strip()


_HTML = re.compile(r"<html|<!doctype html|<body", re.I)


def looks_like_html(text: str) -> bool:
    return _HTML.search(text, 0, 2048) is not None


def parse_page(text: str, name: str) -> dict:
    """The fields of one scraped page."""
    title = ""
    if looks_like_html(text):
        text, title = html_to_text(text)
    fields: dict[str, str | list[str]] = {"page": name}
    if match := _SOURCE.search(text):
        fields["source"] = match.group(1)
    if match := _TAGS.search(text):
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


def _title_from_body(body):
    """A page saved as text has no headline: use its first line, shortened."""
    first_line = body.split("\n", 1)[0].strip()
    words = first_line.split()
    if len(words) <= _TITLE_WORDS:
        return first_line
    return " ".join(words[:_TITLE_WORDS]) + "…"
