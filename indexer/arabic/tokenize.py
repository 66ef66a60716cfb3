"""Split normalised text into words, numbers, hosts and e-mail addresses.

Words are runs of letters and numbers runs of digits (with a decimal point
or thousands separators), so a letter glued to a number (و3, 5ملايين, mp3)
gives two tokens, in documents and queries alike. A URL or a bare host name
(alarabiya.net/ar/...) becomes its host name, www. dropped, and an e-mail
address stays one token, instead of the dozen fragments a plain word
splitter makes of them.
"""

import re

WORD = r"[^\W\d_]+"  # a run of letters (transliteration.py reads names by it too)
NUMBER = r"\d+(?:[.,]\d+)*"
_URL = r"(?:https?://|www\.)[^\s<>\"'()\[\]{}،؛]+"
_HOST = r"(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,24}\b(?:/[^\s<>\"'()\[\]{}،؛]*)?"
_EMAIL = r"[\w.+-]{1,64}@[^\W_](?:[\w-]{0,62}\.)+[^\W\d_]{2,24}"

# Most text has no link: a pattern without those alternatives scans it
# faster, and the test for links looks for literals first.
_PLAIN = re.compile(f"{WORD}|{NUMBER}")
_WITH_LINKS = re.compile(f"{_URL}|{_EMAIL}|{_HOST}|{WORD}|{NUMBER}")
_DOTTED_LATIN = re.compile(r"\.[a-z]")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _has_links(text):
    return "@" in text or "://" in text or _DOTTED_LATIN.search(text) is not None


def _host(url):
    host = url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    return host[4:] if host.startswith("www.") else host


def _clean(token):
    if "://" in token or "/" in token or token.startswith("www."):
        return _host(token)
    if "@" in token:
        return token
    if "," in token:
        if _THOUSANDS.fullmatch(token):
            return token.replace(",", "")
        return token.replace(",", ".")
    return token


def tokenize(normalized_text: str) -> list[str]:
    """The tokens of text already passed through `normalize`."""
    if not _has_links(normalized_text):
        return [_clean(t) if "," in t else t for t in _PLAIN.findall(normalized_text)]
    return [t for t in map(_clean, _WITH_LINKS.findall(normalized_text)) if t]
