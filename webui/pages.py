"""The search page and the article page, for people (Arabic, right to left)."""

from flask import Blueprint, current_app, render_template, request, url_for

from indexer.search import near
from indexer.search.highlight import highlight
from indexer.search.query import expand, parse

from .search import backend, gazetteer, search_request

blueprint = Blueprint("pages", __name__)
SORT_TITLES = {"relevance": "الأكثر صلة", "newest": "الأحدث", "oldest": "الأقدم"}
INTERVAL_TITLES = {"year": "حسب السنة", "month": "حسب الشهر", "day": "حسب اليوم"}


class Links:
    """URLs of the page's state with one change: the URL holds the whole state."""

    def __init__(self, search):
        self.search = search

    def _url(self, endpoint="pages.search", **changes):
        return url_for(endpoint, **self.search.to_params(**changes))

    def toggle(self, facet, value):
        chosen = list(self.search.filters.get(facet, ()))
        chosen = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
        return self._url(**{facet: chosen, "page": ""})

    def clear(self, facet):
        if facet == "date":
            return self._url(date_from="", date_to="", page="")
        return self._url(**{facet: [], "page": ""})

    def dates(self, date_from, date_to):
        return self._url(date_from=date_from, date_to=date_to, page="")

    def sort(self, sort):
        return self._url(sort="" if sort == "relevance" else sort, page="")

    def page(self, number):
        return self._url(page=str(number) if number > 1 else "")

    def cursor(self, cursor):
        return self._url(cursor=cursor, page="")

    def export(self, kind):
        return self._url("api.export", format=kind, page="")


@blueprint.get("/")
def search():
    search_state = search_request()
    result = backend().search(search_state)
    return render_template(
        "search.html",
        search=search_state,
        result=result,
        groups=near.grouped(result.hits),
        links=Links(search_state),
        sort_titles=SORT_TITLES,
        interval_titles=INTERVAL_TITLES,
    )


@blueprint.get("/articles/<path:article_id>")
def article(article_id):
    found = backend().article(article_id)
    query_text = request.args.get("q", "")
    settings = current_app.config["BAHTH_SETTINGS"]
    terms = expand(parse(query_text), gazetteer(settings).spellings)[0].terms
    return render_template(
        "article.html",
        article=found,
        q=query_text,
        title_html=highlight(found["title"], terms),
        body_html=highlight(found["body"], terms),
        similar=backend().more_like_this(found),
    )
