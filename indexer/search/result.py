"""What every backend returns for a search."""

from dataclasses import asdict, dataclass, field


@dataclass
class Hit:
    id: str
    title: str
    date: str | None
    source: str
    actors: list[str]
    url: str
    snippet: str  # HTML: escaped text, matched words in <mark>
    title_html: str = ""  # the title, escaped, matched words in <mark>
    # Its exact duplicates: {"id", "source", "title", "url"} of each other outlet's copy.
    also: list[dict] = field(default_factory=list)
    # The ID of a hit above it on the page that tells nearly the same story
    # (near.py), or None.
    near_duplicate_of: str | None = None
    # What found it: "words", "meaning" (the words did not), or "both".
    matched_by: str = "words"


@dataclass
class Bucket:
    key: str
    count: int
    selected: bool = False
    date_from: str | None = None  # date facet: the bucket's range, for filtering
    date_to: str | None = None
    label: str | None = None  # how people are shown the value, when it is a code (labels.py)

    def to_json(self, facet: str) -> dict:
        """The API's form of a bucket of `facet`."""
        data: dict = {"key": self.key, "count": self.count}
        if self.selected:
            data["selected"] = True
        if self.label:
            data["label"] = self.label
        if facet == "date":
            data.update({"from": self.date_from, "to": self.date_to})
        return data


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, list[Bucket]] = field(default_factory=dict)
    date_interval: str | None = None  # year, month or day
    next_cursor: str | None = None
    relaxed: bool = False  # no hit has all the words; these have some
    # Another spelling of the query that finds more (suggest.Suggestion), or None.
    suggestion: object = None
    # Meaning in the ranking (fusion.py): {"added": articles of the total
    # (and of the facets) only meaning found, "embedded": articles with a
    # vector, "articles": in the index}; None when it took no part.
    meaning: dict | None = None

    def to_json(self, request=None):
        """The API's answer; `request` adds what the query also searched for."""
        return {
            "total": self.total,
            "hits": [{k: v for k, v in asdict(h).items() if k != "title_html"} for h in self.hits],
            "facets": {
                name: [b.to_json(name) for b in buckets] for name, buckets in self.facets.items()
            },
            "date_interval": self.date_interval,
            "next_cursor": self.next_cursor,
            "relaxed": self.relaxed,
            "meaning": self.meaning,
            "did_you_mean": (
                {"q": self.suggestion.text, "total": self.suggestion.total}
                if self.suggestion
                else None
            ),
            "also_searched": list(request.also_searched) if request else [],
            "actors_read_as": [
                {"value": r.value, "actor": r.name}
                for r in (request.resolved if request else ())
                if r.spellings
            ],
            "actors_not_found": [
                {
                    "value": r.value,
                    "closest": [{"name": n, "articles": c} for n, c in r.closest],
                }
                for r in (request.unknown_actors if request else ())
            ],
            "values_read_as": [
                {"facet": r.facet, "value": r.value, "read_as": list(r.read_as)}
                for r in (request.values_read if request else ())
                if r.read_as
            ],
            "values_not_found": [
                {
                    "facet": r.facet,
                    "value": r.value,
                    "closest": [{"value": v, "articles": c} for v, c in r.closest],
                }
                for r in (request.values_read if request else ())
                if not r.read_as
            ],
            "stopwords": list(request.query.stopwords) if request else [],
            "all_stopwords": request.query.all_stopwords if request else False,
            "not_understood": list(request.query.not_understood) if request else [],
            "address": _address(request),
        }


def _address(request):
    """A query that was a web address: its key, and whether an article of
    the archive was published there (else its words were searched)."""
    if request is None or not (request.address or request.address_missing):
        return None
    return {"key": request.address or request.address_missing, "found": bool(request.address)}
