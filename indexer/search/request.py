"""A search request, parsed and validated once for every surface.

`SearchRequest.from_params(params)` takes query-string style parameters
(each name to a list of values) and either returns a request whose every
field is checked, or raises BadRequest naming the parameter at fault.
"""

import base64
import json
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, partial

from indexer.dates import month_date
from indexer.settings import Settings

from .actors import OFFERED, ActorDirectory, spellings_of
from .address import address_key, is_address, is_tracking
from .facets import FACET_SIZE, FACETS, MATCHES, Registry, period
from .fusion import MODES
from .query import Query, both_spellings, expand, joined_and_apart, other_ways, parse
from .values import ValueRead, read_value

SORTS = ("relevance", "newest", "oldest")
LAST_YEAR = 9998
MAX_RESULT_WINDOW = 10_000  # page numbers reach this far; a cursor goes further
MAX_FILTER_VALUES = 50  # of one facet: each actor value is looked up among all the index's


def known_only(given, known) -> None:
    """Refuse a parameter of `given` that is not one of `known` (a filter
    asked of an address that takes none would be ignored, its answer read as
    filtered), naming those it takes; but for those a platform adds to a
    link it shares (utm_source, fbclid), which ask nothing."""
    unknown = sorted(name for name in set(given) - set(known) if not is_tracking(name))
    if unknown:
        listed = ", ".join(known) if known else "none"
        raise BadRequest(unknown[0], f"unknown parameter; known: {listed}")


def parameters(registry: Registry = FACETS) -> tuple[str, ...]:
    """Every parameter a search takes, the facets' own among them."""
    return (
        "q",
        *registry.date.parameters,
        *(f.name for f in registry.values),
        *(f"{f.name}_match" for f in registry.values if f.match),
        "sort",
        "mode",
        "page",
        "size",
        "cursor",
        "facets",
    )


class BadRequest(ValueError):
    """A parameter with a value Bahth cannot search by. `last_page`: for a
    page past the end or past the window, the last page that has results."""

    def __init__(self, parameter, message, *, last_page=None):
        super().__init__(f"{parameter}: {message}")
        self.parameter, self.message, self.last_page = parameter, message, last_page


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    query: Query = field(default_factory=Query)
    filters: dict = field(default_factory=dict)  # value facet name -> tuple of values
    # facet name -> "all" or "any", for the facets where values chosen together
    # may mean either (facets.ValueFacet.match); the facet's default otherwise.
    matches: dict = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    sort: str = "relevance"
    page: int = 1
    size: int = 20
    cursor: tuple | None = None  # sort key of the last hit seen
    facets: tuple = FACETS.names  # which facets to count
    also_searched: tuple = ()  # other spellings of names in the query
    registry: Registry = FACETS  # the facets the index has
    facet_size: int = FACET_SIZE  # values of each value facet (the chosen ones besides)
    # The values the value facets count, when given (those of a facet's whose
    # names hold a text, wherever they rank in the archive): no others.
    facet_include: tuple[str, ...] | None = None
    # An actor filter value -> the spellings the index stores it under
    # (ActorDirectory.resolve); a value not there is its own one spelling.
    spellings: dict = field(default_factory=dict)
    # The actor values that were read as another name, or found no actor
    # (actors.Resolved), for the surfaces to say so.
    resolved: tuple = ()
    # The source and category values typed otherwise than the index stores
    # them, or naming none of its values (values.ValueRead), for the same.
    values_read: tuple = ()
    size_asked: bool = False  # the size was a parameter (links keep it)
    by_year: bool = False  # the date facet by year whatever the span (a batch's counts)
    # A query that is a web address looks up the articles published there
    # (address.py): its key; once none was, the key is `address_missing` and
    # the address's words are searched instead.
    address: str = ""
    address_missing: str = ""
    # auto: words and meaning in one ranking (fusion.py); words; meaning.
    mode: str = "auto"
    # The actor gazetteer the request was read with: the actor facet keeps
    # apart the actors it tells apart (actors.actor_key).
    gazetteer: object = field(default=None, compare=False, repr=False)

    def chosen(self, name) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(value, its spellings) of each value chosen in facet `name`."""
        return tuple((v, self.spellings.get(v, (v,))) for v in self.filters.get(name, ()))

    @property
    def unknown_actors(self):
        """The actor values that name no actor of the index (Resolved, with
        the closest actors)."""
        return tuple(r for r in self.resolved if not r.spellings)

    @property
    def readings(self) -> tuple[ValueRead, ...]:
        """Every filter value read as another (an actor's name, a source's
        spelling) or naming none of the index, as (facet, value, what it was
        read as, the closest)."""
        actors = (ValueRead("actor", r.value, r.spellings[:1], r.closest) for r in self.resolved)
        return (*actors, *self.values_read)

    def match(self, name) -> str:
        """How the values chosen in facet `name` combine: "all" or "any"."""
        return self.matches.get(name) or self.registry.value(name).match or "any"

    def as_words(self) -> "SearchRequest":
        """This request searching the words of the address it looked up."""
        words, _ = both_spellings(parse(self.text))
        return replace(self, query=words, address="", address_missing=self.address)

    @property
    def offset(self):
        return (self.page - 1) * self.size

    def last_page(self, total: int) -> int:
        """The last numbered page with results, of `total` matches."""
        if not self.size:
            return 1
        return max(1, min(-(-total // self.size), MAX_RESULT_WINDOW // self.size))

    def check_page(self, total: int) -> None:
        """A page past the last one of `total` matches is a bad request (a
        page of nothing under "851 results" helps no one)."""
        if self.page > 1 and not self.cursor and (self.offset >= total or not self.size):
            last = self.last_page(total)
            raise BadRequest(
                "page",
                f"is past the last page: {total:,} results make {last:,} "
                f"page{'s' if last > 1 else ''} of {self.size}",
                last_page=last,
            )

    @property
    def by_meaning(self) -> bool:
        """Whether meaning takes part in the ranking: a relevance search of
        words, not a lookup of an address, in a mode other than words."""
        return (
            self.mode != "words"
            and self.effective_sort == "relevance"
            and bool(self.query.conditions)
            and not self.address
        )

    @property
    def effective_sort(self):
        """The sort that applies: relevance without words to score means newest."""
        return "newest" if self.sort == "relevance" and not self.query.conditions else self.sort

    @classmethod
    def from_params(
        cls, params, settings=None, gazetteer=None, registry=FACETS, actors=None, values=None
    ):
        """Build a request from {name: [values]}; raise BadRequest on any bad value.
        `settings` bound it (page sizes, query size); with a gazetteer, names in
        the query also look for their other spellings; with the index's
        ActorDirectory (`actors`: one, or a function that makes it, called
        only when the request needs it), actor filter values are read as the
        actors they name, and a name in the query also looks for the
        spellings the index stores it under; with `values` (a facet's name ->
        {stored value: articles}, called for a facet filtered by), a source
        or category typed otherwise is read as the value it spells (values.py)."""
        settings = settings or Settings()
        actors = _once(actors)
        known_only(params, parameters(registry))

        def one(name, default=""):
            """A parameter given once (or the same each time: a link that
            repeats it); one given two ways is no request's."""
            values = params.get(name) or [default]
            if len({value.strip() for value in values}) > 1:
                raise BadRequest(name, f"given {len(values)} times, differently: give it once")
            return (values[-1] or default).strip()

        text = one("q")
        if len(text) > settings.max_query_chars:
            raise BadRequest("q", f"is longer than {settings.max_query_chars:,} characters")
        text, asked, refused = filters_in(text, registry)
        params = {**params, **{name: [*params.get(name, []), *v] for name, v in asked.items()}}
        sort = one("sort", "relevance")
        if sort not in SORTS:
            raise BadRequest("sort", f"must be one of {', '.join(SORTS)}")
        mode = one("mode", "auto")
        if mode not in MODES:
            raise BadRequest("mode", f"must be one of {', '.join(MODES)}")
        # size=0: the counts and the facets alone.
        size = _integer("size", one("size", str(settings.page_size)), 0, settings.max_page_size)
        page = _integer("page", one("page", "1"), 1, MAX_RESULT_WINDOW)
        if page * size > MAX_RESULT_WINDOW:
            raise BadRequest(
                "page",
                f"pages reach the first {MAX_RESULT_WINDOW:,} results; "
                "use the cursor (next_cursor) to go further",
                last_page=MAX_RESULT_WINDOW // size,
            )
        date_from = typed_date("date_from", one("date_from"))
        date_to = typed_date("date_to", one("date_to"))
        if date_from and date_to and date_from > date_to:
            raise BadRequest("date_to", "is before date_from")
        filters, spellings, resolved, values_read = {}, {}, [], []
        for facet in registry.values:
            chosen = list(dict.fromkeys(v.strip() for v in params.get(facet.name, []) if v.strip()))
            if len(chosen) > MAX_FILTER_VALUES:
                raise BadRequest(facet.name, f"takes at most {MAX_FILTER_VALUES} values")
            if facet.names and actors is not None and chosen:
                names, directory = [], actors()
                for value in chosen:
                    unknown = sum(not found.spellings for found in names)
                    names.append(directory.resolve(value, offer=unknown < OFFERED))
                for found in names:
                    if found.spellings:
                        spellings[found.name] = found.spellings
                    if found.name != found.value or not found.spellings:
                        resolved.append(found)
                chosen = [found.name for found in names]
            elif values is not None and chosen:
                stored = values(facet.name)
                read_as = []
                for value in chosen:
                    read = read_value(facet.name, value, stored)
                    if read:
                        values_read.append(read)
                    read_as += read.read_as if read and read.read_as else [value]
                chosen = read_as
            if kept := tuple(dict.fromkeys(chosen)):
                filters[facet.name] = kept
        matches = {}
        for facet in registry.values:
            if facet.match:
                matches[facet.name] = one(f"{facet.name}_match", facet.match)
                if matches[facet.name] not in MATCHES:
                    raise BadRequest(f"{facet.name}_match", f"must be one of {', '.join(MATCHES)}")
        cursor = decode_cursor(one("cursor")) if one("cursor") else None
        facets = _facet_names(one("facets", ",".join(registry.names)), registry)
        address = address_key(text) if is_address(text) else ""
        query, also_searched = (Query() if address else parse(text)), ()
        if refused:  # -source:العربية: no filter Bahth can exclude by
            query = replace(query, not_understood=(*refused, *query.not_understood))
        if query.size > settings.max_query_terms:
            raise BadRequest(
                "q", f"searches for more than {settings.max_query_terms} different words"
            )
        if gazetteer is not None:
            query, also_searched = expand(query, partial(spellings_of, gazetteer, directory=actors))
        query, written_otherwise = other_ways(query)
        query, glued_or_apart = joined_and_apart(query)
        query, maksura = both_spellings(query)
        also_searched = (*also_searched, *written_otherwise, *glued_or_apart, *maksura)
        return cls(
            text,
            query,
            filters,
            matches,
            date_from,
            date_to,
            sort,
            page,
            size,
            cursor,
            facets,
            also_searched,
            registry,
            spellings=spellings,
            resolved=tuple(resolved),
            values_read=tuple(values_read),
            size_asked=bool(one("size")),
            address=address,
            mode=mode,
            gazetteer=gazetteer,
        )

    def to_params(self, **changes):
        """Query-string parameters of this request (for links), with changes."""
        params = {
            "q": self.text,
            "sort": self.sort if self.sort != "relevance" else "",
            "mode": self.mode if self.mode != "auto" else "",
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
            "page": str(self.page) if self.page > 1 else "",
            "size": str(self.size) if self.size_asked else "",
        }
        params.update({name: list(values) for name, values in self.filters.items()})
        for name, match in self.matches.items():
            if match != self.registry.value(name).match:
                params[f"{name}_match"] = match
        params.update(changes)
        return {k: v for k, v in params.items() if v not in ("", None, [], ())}


def _once(actors):
    """A function giving the ActorDirectory `actors` is or makes, made at most
    once; None for none."""
    if isinstance(actors, ActorDirectory):
        return lambda: actors
    return cache(actors) if actors is not None else None


def _facet_names(raw, registry):
    if raw.lower() in ("", "none", "false", "0"):
        return ()
    names = tuple(dict.fromkeys(n.strip() for n in raw.split(",") if n.strip()))
    for name in names:
        if name not in registry:
            known = ", ".join(registry.names)
            raise BadRequest("facets", f"unknown facet {name!r}; known: {known}")
    return names


def _integer(name, raw, low, high):
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(name, f"must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise BadRequest(name, f"must be between {low} and {high:,}")
    return value


def filters_in(text: str, registry: Registry = FACETS) -> tuple[str, dict[str, list[str]], tuple]:
    """The query without the filters other engines let it hold (source:العربية,
    actor:"بشار الأسد", category:رياضة), those filters' values by facet (a
    journalist's habit, read as the filter it asks for), and the excluded
    ones (-source:العربية), which Bahth cannot read: taken out of the query,
    never searched as words, named as not understood. Not inside a quoted
    phrase, nor a web address."""
    if is_address(text):
        return text, {}, ()
    names = "|".join(re.escape(facet.name) for facet in registry.values)
    asked: dict[str, list[str]] = {}
    refused: dict[str, None] = {}

    def taken(match):
        if match["phrase"]:
            return match["phrase"]  # "ترامب source:العربية" is a phrase as typed
        name = match["name"].lower()
        value = match["quoted"] or match["angled"] or match["word"] or ""
        value = value.strip().rstrip(_TRAILING)
        if match["minus"]:
            refused[f"-{name}:"] = None
        elif value:
            asked.setdefault(name, []).append(value)
        return " "

    pattern = (
        r'(?P<phrase>"[^"]*"|«[^»]*»|“[^”]*”)'
        rf"|(?<!\S)(?P<minus>-?)(?i:(?P<name>{names})):"
        r'(?:"(?P<quoted>[^"]*)"|«(?P<angled>[^»]*)»|(?P<word>[^\s"«»]+))'
    )
    rest = re.sub(pattern, taken, text)
    if not (asked or refused):
        return text, {}, ()
    return " ".join(rest.split()), asked, tuple(refused)


_TRAILING = "،؛,.:!؟?"  # after a filter's value, the sentence's: source:العربية، ترامب


# Arabic-Indic and Persian digits, as a date may be typed.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# A day as Arabic readers write it, day first: 31/12/2018, 1.6.2018, 13-06-2018.
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
# A month or a day year first, its numbers of one digit or two: 2018-6-1, 2018/06.
_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?")
# A month year last: 06/2018, 6-2018.
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")


def typed_date(name, raw):
    """The day a date filter `name` (date_from, date_to) means as typed: a
    year or a month its first day, or for date_to its last; None for none;
    BadRequest for no date."""
    if not raw:
        return None
    typed = raw.translate(_DIGITS).strip()

    def month(year, number):  # its first day, or for date_to its last
        first, last = period(f"{year}-{int(number):02}")
        return first if name == "date_from" else last

    try:
        if day_first := _DAY_FIRST.fullmatch(typed):
            day = date(*map(int, reversed(day_first.groups())))
        elif year_first := _YEAR_FIRST.fullmatch(typed):
            year, number, day_of_month = year_first.groups()
            if day_of_month:
                day = date(int(year), int(number), int(day_of_month))
            else:
                day = month(year, number)
        elif month_year := _MONTH_YEAR.fullmatch(typed):
            number, year = month_year.groups()
            day = month(year, number)
        elif named := month_date(typed):  # يونيو 2018, 13 جوان 2018 (indexer/dates.py)
            year, number, day_of_month = named
            day = month(year, number) if day_of_month is None else date(year, number, day_of_month)
        elif len(typed) == 4:  # a year: its first or its last day
            first, last = period(typed)
            day = first if name == "date_from" else last
        else:
            day = date.fromisoformat(typed)
    except ValueError:
        raise BadRequest(
            name,
            f"{raw!r} is not a date (YYYY-MM-DD, YYYY-MM, YYYY, DD/MM/YYYY, MM/YYYY "
            "or a month's name and its year)",
        ) from None
    if not 1 <= day.year <= LAST_YEAR:
        # The day after it must exist too (a range ends before the next day).
        raise BadRequest(name, f"{raw!r}: years go from 1 to {LAST_YEAR}")
    return day


def encode_cursor(sort_key) -> str:
    raw = json.dumps(list(sort_key), separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


# What a number in a cursor may be: an engine's sort keys are 64-bit.
LOWEST, HIGHEST = -(2**63), 2**63 - 1
MAX_CURSOR_CHARS = 2_000


def decode_cursor(text):
    """The values of a cursor this API gave, every number in range; BadRequest
    for anything else, before it reaches an engine."""
    if len(text) > MAX_CURSOR_CHARS:
        raise BadRequest("cursor", "is not a cursor returned by this API")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        value = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise BadRequest("cursor", "is not a cursor returned by this API") from None
    if not isinstance(value, list) or not value or not _in_range(value):
        raise BadRequest("cursor", "is not a cursor returned by this API")
    return tuple(value)


def _in_range(value, depth=0) -> bool:
    """Whether every number in a cursor is one an engine takes: a whole
    number of 64 bits, or a finite float; nested no deeper than two lists."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return True
    if isinstance(value, int):
        return LOWEST <= value <= HIGHEST
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list) and depth < 2:
        return all(_in_range(item, depth + 1) for item in value)
    return False
