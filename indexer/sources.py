"""Canonical outlet names from the editable table `indexer/data/sources.tsv`.

An archive names one outlet many ways (`skynews`, «سكاي نيوز عربية», its
web host). Every alias maps to one canonical name; an outlet the table does
not know is kept as the archive gave it.
"""

from importlib import resources
from urllib.parse import urlsplit

from indexer.arabic import normalize

DEFAULT_TABLE = resources.files("indexer").joinpath("data/sources.tsv")


class SourceTable:
    def __init__(self, rows):
        self._by_alias = {}
        self._by_host = {}
        for canonical, *aliases in rows:
            for alias in (canonical, *aliases):
                if alias.isascii() and "." in alias and " " not in alias:
                    self._by_host[alias.lower().removeprefix("www.")] = canonical
                self._by_alias[normalize(alias)] = canonical

    @classmethod
    def load(cls, path=DEFAULT_TABLE):
        text = path.read_text(encoding="utf-8")
        rows = [
            line.split("\t")
            for line in text.splitlines()
            if line.strip() and not line.startswith("#")
        ]
        return cls([[cell.strip() for cell in row if cell.strip()] for row in rows])

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
