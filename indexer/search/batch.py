"""Batch search: a list of queries (names of officials, companies, places)
under the same filters, each answered with what a journalist checks first:
how many articles, when (per year) and where (per outlet).

Each total is the one a search of that query alone gives (a query whose
words no article holds all of is relaxed the same way, and says so). A query
refused by the query rules (too long, too many words) is a row with its
error, not the end of the batch.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from .contract import Backend
from .request import BadRequest, SearchRequest

MAX_QUERIES = 1_000
MAX_CHARS = 200_000  # a list's text, all its queries


@dataclass
class Counted:
    """One query of a batch and its counts."""

    query: str
    total: int = 0
    years: dict[str, int] = field(default_factory=dict)  # "2018" -> articles, in order
    sources: dict[str, int] = field(default_factory=dict)  # outlet -> articles, most first
    also_searched: tuple[str, ...] = ()  # other spellings of names in it
    relaxed: bool = False  # no article has every word: those with some are counted
    error: str | None = None  # the query was refused: why

    def to_json(self) -> dict:
        return {
            "query": self.query,
            "total": self.total,
            "years": self.years,
            "sources": self.sources,
            "also_searched": list(self.also_searched),
            "relaxed": self.relaxed,
            "error": self.error,
        }


def queries_of(text: str) -> list[str]:
    """The queries of a pasted or uploaded list: one a line, blank lines and
    surrounding spaces left out, a byte-order mark too."""
    if len(text) > MAX_CHARS:
        raise BadRequest("queries", f"the list is longer than {MAX_CHARS:,} characters")
    return checked([line.strip() for line in text.lstrip("\ufeff").splitlines()])


def checked(queries: Iterable, blanks: bool = False) -> list[str]:
    """The queries of a batch, refused as a whole when there are none or
    more than MAX_QUERIES, or when one is not text. A blank one is left out,
    or with `blanks` (a JSON list, whose rows a client matches by position)
    kept, to be a row of its own that says so."""
    found = []
    for number, query in enumerate(queries, 1):
        if not isinstance(query, str):
            raise BadRequest("queries", f"query {number} is not text")
        if query.strip() or blanks:
            found.append(query.strip())
    if not any(found):
        raise BadRequest("queries", "no query to search")
    if len(found) > MAX_QUERIES:
        raise BadRequest("queries", f"{len(found):,} queries; a batch takes {MAX_QUERIES:,}")
    return found


def counted(
    queries: list[str], request_of: Callable[[str], SearchRequest], backend: Backend
) -> Iterator[Counted]:
    """Each query counted, in the order given. `request_of(query)` makes its
    search request under the batch's filters: a bad filter is one error
    (BadRequest), raised here before any search; so is an actor, a source
    or a category that names none of the index, which would make every row 0."""
    for read in request_of("").readings:
        if not read.read_as:
            offered = "، ".join(f"{name} ({count:,})" for name, count in read.closest)
            message = f"no {read.facet} «{read.value}» in the index"
            raise BadRequest(read.facet, message + (f"; closest: {offered}" if offered else ""))
    return _counted(queries, request_of, backend)


def _counted(queries, request_of, backend) -> Iterator[Counted]:
    for query in queries:
        if not query:
            yield Counted(query, error="an empty query: nothing searched")
            continue
        try:
            request = request_of(query)
        except BadRequest as error:
            yield Counted(query, error=error.message)
            continue
        result = backend.search(replace(request, by_year=True))
        years: dict[str, int] = {}
        for bucket in result.facets.get(request.registry.date.name, []):
            year = bucket.key[:4]
            years[year] = years.get(year, 0) + bucket.count
        # A facet counts the outlets not chosen too (what choosing them would
        # add): under a source filter, the batch counts the chosen ones only.
        chosen = bool(request.filters.get("source"))
        sources = {
            b.key: b.count
            for b in result.facets.get("source", [])
            if b.count and (b.selected or not chosen)
        }
        yield Counted(
            query,
            result.total,
            {year: count for year, count in years.items() if count},
            sources,
            request.also_searched,
            result.relaxed,
        )


# The search parameters a batch does not take: each query is its own q,
# counted by its words (request_params).
NOT_FILTERS = ("q", "page", "size", "cursor", "sort", "facets", "mode")


def request_params(query: str, filters: dict[str, list[str]]) -> dict[str, list[str]]:
    """The search parameters of one query of a batch: the batch's filters,
    no hits, the dates and outlets counted, by the words alone (a name is in
    an article or not; and a thousand queries embedded would take minutes)."""
    return {**filters, "q": [query], "size": ["0"], "facets": ["date,source"], "mode": ["words"]}


# The columns of a batch's table (CSV, the page), in order.
COLUMNS = ("query", "total", "years", "sources", "also_searched", "relaxed", "error")


def row(counted: Counted) -> list[str]:
    """A batch's row as text cells: years and outlets as «2018: 12 · 2017: 3»."""

    def pairs(counts):
        return " · ".join(f"{key}: {count}" for key, count in counts.items())

    return [
        counted.query,
        str(counted.total),
        pairs(counted.years),
        pairs(counted.sources),
        "، ".join(counted.also_searched),
        "yes" if counted.relaxed else "",
        counted.error or "",
    ]
