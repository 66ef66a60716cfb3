"""What made an index, written beside it and checked before it is read or changed.

Both engines record the same facts about an index version (the embedded
engine in `bahth.json` in its folder, Elasticsearch in the mapping's
`_meta.bahth`):

- `version`: the layout of its documents (the embedded format, or the
  version of `mappings/`): a Bahth that writes another cannot read it;
- `analysis`: where its Arabic terms were made: `python` (by Bahth: the
  embedded engine, or Elasticsearch's python path) or `node` (by the
  Elasticsearch plugin);
- `fingerprint`: the analysis rules (normalisation, stemming rules,
  protected names, stopwords), and `lexicon`: the digest of the stemming
  lexicon. Adding to an index made by other ones would mix two sets of
  terms and lose matches silently.

Indexes made by earlier Bahths are read by one rule (`IndexMeta.recorded`):
the analysis paths' first names (`production`, `fallback`), the embedded
`format` key, and an embedded `analysis` that held the fingerprint.
"""

import logging
from dataclasses import asdict, dataclass
from functools import cache

from indexer.arabic import lexicon_digest
from indexer.arabic.export import fingerprint
from indexer.arabic.stem import SHIPPED_LEXICON

from .errors import AnalysisChanged, BackendUnavailable

log = logging.getLogger(__name__)
_WARNED: set[tuple[str, str]] = set()  # (index, its fingerprint) said once

PATHS = ("node", "python")
_LEGACY_PATHS = {"production": "node", "fallback": "python"}


@cache
def shipped_lexicon_digest() -> str:
    return lexicon_digest(SHIPPED_LEXICON.read_bytes())


@dataclass(frozen=True)
class IndexMeta:
    version: int | None
    analysis: str = "python"
    fingerprint: str | None = None
    lexicon: str | None = None

    @classmethod
    def of_this_bahth(cls, version: int, analysis: str = "python") -> "IndexMeta":
        """What this Bahth records of an index it builds."""
        return cls(version, analysis, fingerprint(), shipped_lexicon_digest())

    @classmethod
    def recorded(cls, data: dict | None) -> "IndexMeta":
        """The facts an index's record holds, whichever Bahth wrote it."""
        data = data or {}
        version = data.get("version", data.get("format"))
        analysis = data.get("analysis") or "node"
        found = data.get("fingerprint")
        if analysis not in PATHS and analysis not in _LEGACY_PATHS:
            # The embedded format 3 of Bahth 0.1 kept the fingerprint under "analysis".
            analysis, found = "python", found or analysis
        return cls(
            version if isinstance(version, int) else None,
            _LEGACY_PATHS.get(analysis, analysis),
            found,
            data.get("lexicon"),
        )

    def to_json(self) -> dict:
        return asdict(self)

    def check_readable(self, version: int, where: str) -> None:
        """BackendUnavailable unless this Bahth reads the index's documents."""
        if self.version != version:
            raise BackendUnavailable(
                f"the index at {where} has format {self.version}, this Bahth reads "
                f"{version}: run `bahth reindex PATH` again"
            )

    def warn_of_other_rules(self, where: str) -> None:
        """Say once, in the log, that an index read for searching was built
        with other analysis rules than this Bahth's: a word whose terms the
        rules changed (a name kept whole now) is not found until a reindex."""
        if self.fingerprint in (None, fingerprint()) or (where, self.fingerprint) in _WARNED:
            return
        _WARNED.add((where, self.fingerprint))
        log.warning(
            "the index at %s was built with other analysis rules than this Bahth's: "
            "searches may miss words whose terms they change; run `bahth reindex PATH` "
            "(and, on Elasticsearch, install this Bahth's plugin first)",
            where,
        )

    def check_writable(self, version: int, where: str, own_lexicon: bool = False) -> None:
        """What `check_readable` checks, and AnalysisChanged unless this
        Bahth's analysis made the index's terms. `own_lexicon`: the index
        keeps its lexicon and adds are stemmed with it, whatever this Bahth
        ships (the embedded engine)."""
        self.check_readable(version, where)
        same = self.fingerprint == fingerprint() and (
            own_lexicon or self.lexicon == shipped_lexicon_digest()
        )
        if not same:
            raise AnalysisChanged(
                f"the index at {where} was built with other analysis rules (normalisation, "
                "stemming rules or lexicon, protected names, stopwords) than this Bahth's; "
                "adding to it would mix the two. Run `bahth reindex PATH` to adopt these"
            )
