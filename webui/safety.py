"""What the web app does so that archive content and requests cannot harm a reader.

- Only http(s) addresses become links (`web_link`): an article's `url` comes
  from the archive, and `javascript:` or `data:` there would run in the page.
- Every response carries security headers: a strict Content-Security-Policy
  (the page loads nothing but its stylesheet and runs no script), no MIME
  sniffing, no framing, no referrer sent to the outlets linked.
- CSV cells that a spreadsheet would read as a formula are neutralised.
- No control or bidi-override character reaches a page or a feed (`shown`,
  every template's finalize): an Atom feed holding one is not XML.
- What the API shows of an article leaves out where it was read on the server.
"""

from urllib.parse import urlsplit

from markupsafe import Markup

from indexer.articles import without_controls

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; style-src-attr 'unsafe-inline'; "
        "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
PRIVATE_FIELDS = ("origin",)  # the file on the server an article was read from
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def web_link(url) -> bool:
    """Whether `url` may be the target of a link: http or https, with a host."""
    if not isinstance(url, str):
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def shown(value):
    """A template's value without control characters, HTML kept as HTML."""
    if isinstance(value, Markup):
        return Markup(without_controls(value))
    if isinstance(value, str):
        return without_controls(value)
    return value


def add_security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def spreadsheet_safe(value):
    """A CSV cell that no spreadsheet evaluates: text starting like a formula gets a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def public_article(article: dict) -> dict:
    return {key: value for key, value in article.items() if key not in PRIVATE_FIELDS}
