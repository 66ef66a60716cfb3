"""Canonical outlet names from the editable table `indexer/data/sources.tsv`.

An archive names one outlet many ways (`skynews`, «سكاي نيوز عربية», its
web host). Every alias maps to one canonical name; an outlet the table does
not know is kept as the archive gave it. A local outlet's line may give its
country (`country: Tunisia`, a name of indexer/actors/data/countries.tsv):
its stories are that country's unless they say otherwise, for the bodies
they name without saying whose (indexer/actors/countries.py). An outlet
that sets its links to other stories between a story's paragraphs as their
headlines alone (`links: headlines`), or at a story's end as their leads
cut short (`links: leads`), says so: a line that reads as one names none of
the story's actors (indexer.leads.others_by_shape).
"""

from importlib import resources
from urllib.parse import urlsplit

from indexer.actors.countries import countries
from indexer.arabic import normalize
from indexer.leads import HEADLINES, LEADS

DEFAULT_TABLE = resources.files("indexer").joinpath("data/sources.tsv")


_COUNTRY = "country:"
_LINKS = "links:"
_WAYS = (HEADLINES, LEADS)  # the ways of setting links a cell names


def _taken(cells: list[str], mark: str) -> list[tuple[str, str]]:
    """(cell, value) of the cells after a line's first that begin with
    `mark` (country:, links:), taken out of `cells`: they are no aliases."""
    marked = [cell for cell in cells[1:] if cell.lower().startswith(mark)]
    for cell in marked:
        cells.remove(cell)
    return [(cell, cell[len(mark) :].strip()) for cell in marked]


class SourceTable:
    def __init__(self, rows, homes=None, linking=()):
        self._by_alias = {}
        self._by_host = {}
        self._homes = homes or {}  # canonical -> its country, for a local outlet
        self._links = dict(linking)  # canonical -> how it sets its links to other stories
        for canonical, *aliases in rows:
            for alias in (canonical, *aliases):
                if alias.isascii() and "." in alias and " " not in alias:
                    self._by_host[alias.lower().removeprefix("www.")] = canonical
                self._by_alias[normalize(alias)] = canonical

    @classmethod
    def load(cls, path=DEFAULT_TABLE):
        text = path.read_text(encoding="utf-8")
        rows, homes, linking = [], {}, {}
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
            for cell, value in _taken(cells, _LINKS):
                if value.lower() not in _WAYS:
                    raise ValueError(
                        f"{path}:{number}: {cell!r}: the ways of setting links a line may "
                        f"name are {' and '.join(f'{_LINKS} {way}' for way in _WAYS)}"
                    )
                linking[cells[0]] = value.lower()
            for _, home in _taken(cells, _COUNTRY):
                if countries().index(home) is None:
                    raise ValueError(
                        f"{path}:{number}: country: {home!r} is no country of "
                        "indexer/actors/data/countries.tsv (its English name)"
                    )
                homes[cells[0]] = home
            rows.append(cells)
        return cls(rows, homes, linking)

    def home(self, canonical):
        """The country of a local outlet (its English name), or None."""
        return self._homes.get(canonical)

    def links(self, canonical) -> str | None:
        """How an outlet sets its links to other stories (indexer.leads
        `HEADLINES`, `LEADS`), where its line says, else None."""
        return self._links.get(canonical)

    def canonical(self, name="", url=""):
        """The canonical outlet for a source name, else for the URL's host,
        else the name as given ("" when there is neither)."""
        name = (name or "").strip()
        if name and (found := self._by_alias.get(normalize(name))):
            return found
        if url and (found := self._for_host(url)):
            return found
        return name

    def _for_host(self, url):
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").removeprefix("www.")
        while host:
            if host in self._by_host:
                return self._by_host[host]
            host = host.partition(".")[2]
        return None
