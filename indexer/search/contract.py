"""What an engine provides, written as code: a Backend searches, a Store
builds new index versions, a Loader fills one, an Updater changes the live
one in place, a Filling gives its articles their vectors (search by meaning).

Both engines (embedded/, elastic/) satisfy these protocols; mypy checks it
where `open_backend` and `open_store` return them, and a test checks it at
run time. A failed build raises errors.BuildFailed (or BackendUnavailable
when the engine cannot be reached); the live index is never changed then.
"""

from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol, runtime_checkable

from .request import SearchRequest
from .result import Hit, SearchResult


@runtime_checkable
class Backend(Protocol):
    name: str

    def search(self, request: SearchRequest) -> SearchResult:
        """One page of hits, the total and the facets the request asks for."""
        ...

    def export(
        self, request: SearchRequest, fields: tuple[str, ...] | None = None
    ) -> Iterator[tuple[dict[str, Any], str]]:
        """Every article the request finds, in its order, as (its record, or
        those of its `fields` the engine can leave the rest of; what found
        it: "words", "meaning" or "both"), read from the index a chunk at a
        time (no page of search, no facets, memory that does not grow with
        the count)."""
        ...

    def article(self, article_id: str) -> dict[str, Any]:
        """The whole article; errors.NotFound when there is none."""
        ...

    def more_like_this(self, article: dict[str, Any], size: int = 5) -> list[Hit]:
        """Articles telling the closest stories to `article`, from several outlets."""
        ...

    def ping(self) -> int:
        """The number of articles; errors.BackendUnavailable when there is no index."""
        ...

    def changed(self) -> tuple[float, float | None]:
        """(when the live index version was built, when it last changed: a
        reindex builds a version, an add or remove changes it; None where the
        engine does not keep it), in Unix seconds."""
        ...

    def values(self, name: str) -> dict[str, int]:
        """{value: articles} of every value of value facet `name` in the index."""
        ...


class Refusal(NamedTuple):
    """An article `add` took that the engine refused once it saw it."""

    article: Any
    field: str | None  # the field the engine names, when it names one
    reason: str


@runtime_checkable
class Loader(Protocol):
    count: int  # articles indexed so far
    wants_terms: bool  # whether `add` uses the Python analysis' terms (else only the dedup key)
    lexicon: Path | None  # the stemming lexicon the terms must come from (None: the shipped one)

    def add(
        self, article: Any, analyzed: Any
    ) -> Literal["indexed", "duplicate", "replaced", "unchanged"]:
        """Index one article with its analysed terms; "duplicate" for an exact
        copy of one already loaded; dedup.IdConflict for a known ID with other
        content (a reindex), or "replaced" / "unchanged" (an add)."""
        ...

    def refused(self, wait: bool = False) -> list[Refusal]:
        """Articles `add` took that the engine has refused since the last call
        (they are not in `count`); `wait`: once every article added so far has
        been answered."""
        ...


@runtime_checkable
class Updater(Protocol):
    """Changes the live index in place (`bahth add`, `bahth remove`); its
    batches are committed as it goes (groups.py says what it keeps)."""

    wants_terms: bool
    lexicon: Path | None

    def add(
        self, article: Any, analyzed: Any
    ) -> Literal["indexed", "duplicate", "replaced", "unchanged"]:
        """As Loader.add; "replaced" for a known ID with other content,
        "unchanged" for one with the same."""
        ...

    def refused(self, wait: bool = False) -> list[Refusal]:
        """As Loader.refused."""
        ...

    def remove(self, article_id: str) -> dict[str, Any] | None:
        """Take out one article (an original's first copy takes its place);
        its record, or None when the index has no such ID."""
        ...

    def holds(self, article_id: str) -> bool:
        """Whether the committed index has an article of that ID, copies included."""
        ...

    def published_by(self, source: str) -> list[tuple[str, str | None]]:
        """(ID, date) of every article, copies too, published by `source`."""
        ...

    def articles(self) -> int:
        """How many articles the committed index holds, copies included."""
        ...


class Survey(NamedTuple):
    dropped: int  # vectors of articles no longer in the index, dropped
    carried: int  # vectors taken from the version a reindex replaced (same passage)
    wanted: int  # articles to embed
    batches: Iterator[list]  # of (ID, key, passage) to embed


class Filling(Protocol):
    """The articles of the live index that need a vector, and where their
    vectors go (indexer/embed.py)."""

    def survey(self, model: str, batch: int) -> "Survey":
        """One reading of the live index: vectors of removed articles dropped,
        those of the version a reindex replaced taken where the passage is
        the same, the rest to embed."""
        ...

    def put(self, model: str, entries: list[tuple[str, str]], vectors: Any) -> None:
        """Commit the `vectors` of the articles of `entries` (ID, key), in order."""
        ...

    def finish(self, model: str) -> None: ...


@runtime_checkable
class Store(Protocol):
    name: str
    spare_cores: int  # cores a reindex leaves to the engine; its workers take the rest

    def describe(self) -> str:
        """Where the index is, for people."""
        ...

    def new_version(self) -> AbstractContextManager[Loader]:
        """A Loader filling a new index version; the version replaces the live
        one when the block ends normally, and is deleted when it raises."""
        ...

    def changing(self) -> AbstractContextManager[Updater]:
        """An Updater changing the live index in place; what it committed
        stays when the block raises."""
        ...

    def embedding(self) -> AbstractContextManager[Filling]:
        """A Filling of the live index; each batch it puts is committed as it goes."""
        ...

    def writing(self) -> AbstractContextManager[None]:
        """Hold the index's writer lock; errors.Busy while another process does.
        `new_version` and `changing` hold it for their whole run."""
        ...
