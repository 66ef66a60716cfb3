"""An article's address: a journalist pastes the link of a story to find it.

A query that is one web address (https://…, http://…, www.…) looks up the
articles published there, the originals and the copies folded into them,
rather than the address's words (which are mostly its site's name). Both
the index and the query keep an address as one key, so that the forms a
link takes in a browser, an email or a spreadsheet find each other:

    https://www.France24.com/ar/20180628-%D8%A8%D9%88%D8%AA%D9%8A%D9%86/#top
    http://france24.com/ar/20180628-بوتين?utm_source=twitter
        -> france24.com/ar/20180628-بوتين

(scheme, "www.", the fragment, a final slash and tracking parameters left
out; the host in lower case; the path percent-decoded). An address the
archive does not hold is searched as words after all, and the answer says
so (`SearchRequest.address_missing`).
"""

import re
import unicodedata
from urllib.parse import unquote, urlsplit

_ADDRESS = re.compile(r"(?i)(?:https?://|www\.)[^\s/]+\.[^\s/]+(?:/\S*)?")
_TRACKING = re.compile(
    r"(?i)^(?:utm_\w*|fbclid|gclid|msclkid|igshid|igsh|mibextid|mc_cid|mc_eid|ocid|at_\w+)(?:=|$)"
)


def is_tracking(parameter: str) -> bool:
    """Whether a query-string parameter is one a platform adds to a shared
    link to track it (utm_source, fbclid): no part of what the link asks."""
    return _TRACKING.match(parameter) is not None


def is_address(text: str) -> bool:
    """Whether `text` is one web address and nothing else."""
    return _ADDRESS.fullmatch(text.strip()) is not None


def address_key(url: str) -> str:
    """The key an address is indexed and looked up by ("" for no address)."""
    url = url.strip()
    if not url:
        return ""
    if "://" not in url:
        url = "http://" + url
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:  # a malformed host ([ without ]) is kept whole
        return unicodedata.normalize("NFC", unquote(url.split("://", 1)[1]))
    path = unquote(parts.path).rstrip("/")
    kept = [p for p in parts.query.split("&") if p and not is_tracking(p)]
    query = "?" + unquote("&".join(kept)) if kept else ""
    return unicodedata.normalize("NFC", host + path + query)


def search(backend, request):
    """The result of `request`; a pasted address the archive does not hold
    is searched as its words instead, the request saying so. Returns
    (request, result): the request that was answered."""
    result = backend.search(request)
    if request.address and result.total == 0:
        request = request.as_words()
        result = backend.search(request)
    return request, result
