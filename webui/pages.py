"""The search page and the article page, for people (Arabic, right to left)."""

from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import quote, urlencode, urlsplit

from flask import Blueprint, Response, render_template, request, url_for

from indexer.search import batch, near
from indexer.search.facets import period
from indexer.search.highlight import highlight
from indexer.search.labels import label
from indexer.search.transliteration import in_latin

from .access import feed_token
from .api import COLUMNS, EXPORT_COLUMNS, batch_response
from .search import (
    actor_profile,
    backend,
    batch_counts,
    facet_values,
    search_request,
    searched,
    settings,
)

blueprint = Blueprint("pages", __name__)


@blueprint.app_template_filter("article_noun")
def article_noun(count: int) -> str:
    """مقالة after a number, as Arabic counts: 3 to 10 take the plural
    (8 مقالات, 103 مقالات), two the dual, the rest the singular (11 مقالة,
    100 مقالة)."""
    if count == 2:
        return "مقالتان"
    return "مقالات" if 3 <= count % 100 <= 10 else "مقالة"


@blueprint.app_template_filter("articles")
def articles(count: int) -> str:
    """A number of articles, written and counted: 8 مقالات, 1,204 مقالات."""
    return f"{count:,} {article_noun(count)}"


@blueprint.app_template_filter("shown_value")
def shown_value(value: str, facet: str) -> str:
    """A source's or category's value as the page shows it: its label, if a code."""
    return label(facet, value) or value


blueprint.add_app_template_filter(in_latin, "latin")


@blueprint.app_template_filter("host")
def host(url: str) -> str:
    """What a link shows of an address: its site (www. left out), not a line
    of percent-encoded path."""
    try:
        name = urlsplit(url).hostname or url
    except ValueError:
        return url
    return name[4:] if name.startswith("www.") else name


EXPORT_TITLES = {
    "id": "المعرّف",
    "date": "التاريخ",
    "source": "المصدر",
    "title": "العنوان",
    "actors": "الفاعلون",
    "url": "الرابط",
    "snippet": "المقتطف",
    "also": "نشره أيضًا",
    "matched_by": "بالكلمات أم بالمعنى",
    "body": "النص",
    "category": "القسم",
    "tags": "الوسوم",
    "author": "الكاتب",
}
SORT_TITLES = {"relevance": "الأكثر صلة", "newest": "الأحدث", "oldest": "الأقدم"}
INTERVAL_TITLES = {"year": "حسب السنة", "month": "حسب الشهر", "day": "حسب اليوم"}


class Links:
    """URLs of the page's state with one change: the URL holds the whole state."""

    def __init__(self, search):
        self.search = search

    def _url(self, endpoint="pages.search", **changes):
        return url_for(endpoint, **self.search.to_params(**changes))

    def fields(self, *leave_out):
        """(name, value) of each parameter of the state but `leave_out` and the
        page: the hidden fields that let a form keep every other choice."""
        return [
            (name, value)
            for name, values in self.search.to_params().items()
            if name not in leave_out and name != "page"
            for value in (values if isinstance(values, list) else [values])
        ]

    def toggle(self, facet, value):
        chosen = list(self.search.filters.get(facet, ()))
        chosen = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
        return self._url(**{facet: chosen, "page": ""})

    def narrow(self, facet, value):
        """The search with `value` chosen too (the same when it already is)."""
        chosen = list(self.search.filters.get(facet, ()))
        return self._url(**{facet: [*chosen, value] if value not in chosen else chosen, "page": ""})

    def instead(self, facet, value, other):
        """The search with `other` chosen in place of `value`."""
        chosen = [other if v == value else v for v in self.search.filters.get(facet, ())]
        return self._url(**{facet: list(dict.fromkeys(chosen)), "page": ""})

    def match(self, facet, match):
        return self._url(**{f"{facet}_match": match, "page": ""})

    def clear(self, facet):
        if facet == "date":
            return self._url(date_from="", date_to="", page="")
        return self._url(**{facet: [], "page": ""})

    def dates(self, date_from, date_to):
        return self._url(date_from=date_from, date_to=date_to, page="")

    def wider(self):
        """(label, period, URL) of the period around the chosen one (a day's
        month, a month's year), or None when the dates chosen are not one
        such period."""
        key = chosen_period(self.search.date_from, self.search.date_to)
        if key is None or len(key) == 4:
            return None
        parent = key[:7] if len(key) == 10 else key[:4]
        first, last = period(parent)
        label = "الشهر كله" if len(parent) == 7 else "السنة كلها"
        return label, parent, self.dates(first.isoformat(), last.isoformat())

    def active(self):
        """(label, value, URL without it) of every filter chosen: the chips.
        The dates' value is (first day, last day), None for an open end."""
        chips = []
        if self.search.date_from or self.search.date_to:
            first = self.search.date_from.isoformat() if self.search.date_from else None
            last = self.search.date_to.isoformat() if self.search.date_to else None
            chips.append((self.search.registry.date.label, (first, last), self.clear("date")))
        for facet in self.search.registry.values:
            for value in self.search.filters.get(facet.name, ()):
                shown = label(facet.name, value) or value
                chips.append((facet.one or facet.label, shown, self.toggle(facet.name, value)))
        return chips

    def clear_all(self):
        facets = {facet.name: [] for facet in self.search.registry.values}
        return self._url(date_from="", date_to="", page="", **facets)

    def query(self, text):
        return self._url(q=text, page="", cursor="")

    def sort(self, sort):
        return self._url(sort="" if sort == "relevance" else sort, page="")

    def mode(self, mode):
        """The search in another mode (fusion.MODES): words only, or both."""
        return self._url(mode="" if mode == "auto" else mode, page="", cursor="")

    def page(self, number):
        return self._url(page=str(number) if number > 1 else "")

    def cursor(self, cursor):
        return self._url(cursor=cursor, page="")

    def results(self):
        return self._url(page="")

    def article(self, article_id):
        """An article's page, holding the search that led to it: its words
        are marked, and its link back opens the same results (filters,
        sort, page)."""
        return self._url("pages.article", article_id=article_id)

    def more(self, facet):
        return self._url("pages.facet_more", name=facet, page="", cursor="")

    def feed(self):
        """The Atom feed of the search; with its token when accounts are on,
        so that a feed reader may open it (that feed, nothing else)."""
        params = self.search.to_params(sort="", page="", cursor="")
        return url_for("pages.feed", **params, token=feed_token(params))  # None: left out

    def export(self, kind):
        return self._url("api.export", format=kind, page="")


def chosen_period(date_from, date_to):
    """The key (2018, 2018-06, 2018-06-28) of the period the dates are exactly, or None."""
    if not date_from or not date_to:
        return None
    for key in (date_from.isoformat()[:4], date_from.isoformat()[:7], date_from.isoformat()):
        if period(key) == (date_from, date_to):
            return key
    return None


@blueprint.get("/")
def search():
    search_state, result = searched(search_request())
    return render_template(
        "search.html",
        search=search_state,
        result=result,
        groups=near.grouped(result.hits),
        links=Links(search_state),
        sort_titles=SORT_TITLES,
        interval_titles=INTERVAL_TITLES,
        export_columns=[(c, EXPORT_TITLES[c]) for c in COLUMNS],
        default_columns=EXPORT_COLUMNS,
    )


FEED_SIZE = 50


@blueprint.get("/facets/<name>")
def facet_more(name):
    """A facet's values under the search (its first 1,000), with a box to
    find any by its name; each value goes back to the search with it chosen."""
    contains = request.args.get("contains", "").strip()
    found = facet_values(name, contains)
    return render_template(
        "facet.html",
        search=found.search,
        facet=found.search.registry.value(name),
        buckets=found.buckets,
        more=found.more,
        contains=contains,
        links=Links(found.search),
    )


@blueprint.get("/feed.atom")
def feed():
    """An Atom feed of a search: its newest articles, under the same
    parameters as the page, for following a story in a feed reader."""
    params = request.args.to_dict(flat=False)
    for name in ("sort", "page", "cursor", "size", "facets", "token"):
        params.pop(name, None)
    search_state = search_request({**params, "sort": ["newest"], "size": [str(FEED_SIZE)]})
    search_state = replace(search_state, facets=(), size_asked=False)
    result = backend().search(search_state)
    newest = next((hit.date for hit in result.hits if hit.date), None)
    indexed = None  # an undated article's time: when the index last changed
    if newest is None or not all(hit.date for hit in result.hits):
        built, changed = backend().changed()
        indexed = datetime.fromtimestamp(changed or built, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    links = Links(search_state)
    self_path = url_for("pages.feed", **search_state.to_params(sort=""))
    xml = render_template(
        "feed.xml",
        search=search_state,
        result=result,
        links=links,
        public=public,
        feed_id=_tag("search", self_path.split("?", 1)[-1] if "?" in self_path else ""),
        article_id=lambda article: _tag("article", article),
        self_url=public(self_path),
        page_url=public(url_for("pages.search", **search_state.to_params())),
        updated=newest or indexed,
        undated=indexed,
    )
    return Response(xml, mimetype="application/atom+xml")


def public(path: str) -> str:
    """A link for readers outside: from BAHTH_PUBLIC_URL when it is set,
    else relative (never from the request's Host header, which a client sets)."""
    base = settings().public_url.rstrip("/")
    return f"{base}{path}" if base else path


def _tag(kind: str, value: str) -> str:
    """A permanent, unique Atom ID that needs no host name (RFC 4151)."""
    return f"tag:bahth,2024:{kind}/{quote(value, safe='=&')}"


@blueprint.get("/actors/<path:name>")
def actor(name):
    """An actor's page: its articles over time (the search page's timeline),
    its outlets, the actors named with it, its spellings, and the search of
    its articles; a name that is no actor's: the closest ones (404)."""
    profile = actor_profile(name)
    status = 200 if profile.result is not None else 404
    links = Links(profile.search) if profile.search is not None else None
    return (
        render_template(
            "actor.html",
            profile=profile,
            asked=name,
            search=profile.search,
            result=profile.result,
            links=links,
            interval_titles=INTERVAL_TITLES,
        ),
        status,
    )


@blueprint.route("/batch", methods=["GET", "POST"])
def batch_page():
    """Batch search for people: paste a list (or upload a text file, one
    query a line), get each query's articles per year and per outlet, and
    the table as CSV."""
    filters = {
        name: [value.strip()]
        for name in ("date_from", "date_to", "source")
        if (value := request.values.get(name, "")).strip()
    }
    if request.method == "GET":
        return render_template(
            "batch.html", text="", filters=filters, rows=None, max_queries=batch.MAX_QUERIES
        )
    upload = request.files.get("file")
    text = request.form.get("queries", "")
    if upload and upload.filename:
        text = upload.read(batch.MAX_CHARS * 4 + 1).decode("utf-8", "replace")
    queries = batch.queries_of(text)
    if request.form.get("format") == "csv":
        return batch_response(queries, filters, "csv")
    rows = batch_counts(queries, filters)
    return render_template(
        "batch.html",
        text="\n".join(queries),
        filters=filters,
        rows=rows,
        max_queries=batch.MAX_QUERIES,
    )


@blueprint.get("/articles/<path:article_id>")
def article(article_id):
    found = backend().article(article_id)
    query_text = request.args.get("q", "")
    # The words the search that led here looked for, every spelling of them.
    terms = search_request({"q": [query_text]}).query.terms
    return render_template(
        "article.html",
        article=found,
        q=query_text,
        # The query string as it came, not arguments of url_for (_external,
        # _anchor: a 500, or a link to whatever host the request named).
        back=url_for("pages.search")
        + ("?" + urlencode(list(request.args.items(multi=True))) if request.args else ""),
        title_html=highlight(found["title"], terms),
        body_html=highlight(found["body"], terms),
        category=label("category", found.get("category") or "") or found.get("category"),
        similar=backend().more_like_this(found),
    )
