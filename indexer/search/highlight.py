"""Snippets and highlighting: whole words marked, text escaped.

A word of the original text is marked when its analysis shares a term with
the query, so وبموسكو is marked for a search of موسكو. Marks wrap whole
words, so no Arabic letter loses its joining to a tag in mid-word.
"""

import re
from functools import lru_cache

from markupsafe import Markup, escape

from indexer.arabic import analyze
from indexer.arabic.native import MARKS

# A word: letters and digits, with the marks written inside it (the shadda
# of نوّه, tashkeel, tatweel), which analysis deletes: never a word's end.
_MARK = "".join(f"{chr(first)}-{chr(last)}" for first, last in MARKS)
_WORD = re.compile(rf"[^\W_](?:[^\W_]|[{_MARK}])*", re.U)  # a mark alone is none
SNIPPET_WORDS = 36
MAX_SCAN_CHARS = 50_000


@lru_cache(maxsize=200_000)
def _word_terms(word):
    return analyze(word)


def _matches(text, terms):
    """(start, end, term) of the words of `text` whose analysis meets `terms`
    (a term ending in * is the start of the terms it meets)."""
    starts = tuple(t[:-1] for t in terms if t.endswith("*"))
    spans = []
    for match in _WORD.finditer(text):
        for term in _word_terms(match.group()):
            if term in terms or (starts and term.startswith(starts)):
                spans.append((*match.span(), term))
                break
    return spans


def _marked(text, spans):
    out, position = [], 0
    for start, end, _ in spans:
        out.append(escape(text[position:start]))
        out.append(Markup("<mark>%s</mark>") % text[start:end])
        position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)


def highlight(text: str, terms) -> str:
    """All of `text`, escaped, with the matched words marked."""
    return str(_marked(text, _matches(text, terms) if terms else []))


def snippet(body: str, terms, words=SNIPPET_WORDS) -> str:
    """The passage of about `words` words with the most distinct matched
    terms (the opening when nothing matches), escaped and marked."""
    text = body[:MAX_SCAN_CHARS]
    positions = [m.span() for m in _WORD.finditer(text)]
    if not positions:
        return ""
    spans = _matches(text, terms) if terms else []
    start_word = 0
    if spans:
        word_at = {start: index for index, (start, _) in enumerate(positions)}
        hits = [(word_at[start], term) for start, _, term in spans[:500]]
        best = 0
        for first, _ in hits:
            covered = {term for index, term in hits if first <= index < first + words}
            if len(covered) > best:
                best, start_word = len(covered), max(0, first - 4)
    end_word = min(len(positions), start_word + words)
    start = positions[start_word][0] if start_word else 0
    end = positions[end_word - 1][1]
    shifted = [(s - start, e - start, t) for s, e, t in spans if start <= s and e <= end]
    passage = str(_marked(text[start:end], shifted))
    return ("… " if start else "") + passage + (" …" if end < len(body.rstrip()) else "")


def plain_with_markers(html_text: str) -> str:
    """A highlighted HTML fragment as terminal text: matches in [brackets]."""
    text = html_text.replace("<mark>", "[").replace("</mark>", "]")
    return str(Markup(text).unescape())


def plain(html_text: str) -> str:
    """A highlighted HTML fragment as plain text (an export's snippet)."""
    return str(Markup(html_text.replace("<mark>", "").replace("</mark>", "")).unescape())
