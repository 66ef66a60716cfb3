"""Every setting of Bahth, declared once: field, default, environment variable, help.

Values come from the environment (`BAHTH_*`); `Settings.from_env()` reads
them, and the web app and the CLI both take a Settings object. `SETTINGS`
lists them in order for the README, `bahth --help` and the tests.
"""

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, NamedTuple


def _setting(default: Any, variable: str, help: str) -> Any:
    return field(default=default, metadata={"variable": variable, "help": help})


class SettingsError(ValueError):
    pass


LOG_LEVELS = ("debug", "info", "warning", "error")
ANALYSIS_CHOICES = ("auto", "node", "python")


@dataclass(frozen=True)
class Settings:
    data_dir: str = _setting(
        "data",
        "BAHTH_DATA_DIR",
        "Folder of the embedded index (index, a link to its live version) and of reindex reports.",
    )
    elasticsearch_url: str = _setting(
        "",
        "BAHTH_ELASTICSEARCH_URL",
        "Elasticsearch URL (e.g. http://127.0.0.1:9200; several nodes of a cluster "
        "comma-separated). When set, search and reindex use Elasticsearch instead of the "
        "embedded index.",
    )
    elasticsearch_index: str = _setting(
        "articles",
        "BAHTH_ELASTICSEARCH_INDEX",
        "Alias searched on Elasticsearch; a reindex builds <alias>-v<N>-<timestamp> and moves "
        "the alias to it.",
    )
    elasticsearch_keep: int = _setting(
        2,
        "BAHTH_ELASTICSEARCH_KEEP",
        "Old index versions a reindex keeps on Elasticsearch (to move the alias back by hand).",
    )
    elasticsearch_analysis: str = _setting(
        "auto",
        "BAHTH_ELASTICSEARCH_ANALYSIS",
        "Where a reindex on Elasticsearch analyses Arabic: node (Bahth's analysis plugin, "
        "which the node must have), python (Bahth sends its terms along; for a cluster "
        "without the plugin), or auto (node when the plugin is there).",
    )
    elasticsearch_shards: int = _setting(
        1,
        "BAHTH_ELASTICSEARCH_SHARDS",
        "Primary shards of each new index version (mappings/README.md: the sizing rule).",
    )
    elasticsearch_replicas: str = _setting(
        "0-1",
        "BAHTH_ELASTICSEARCH_REPLICAS",
        "Replicas of each index: a number (1), or a range the cluster fills as "
        "nodes allow (0-1: none on one node, one as soon as there are two; 0-all).",
    )
    elasticsearch_wait: int = _setting(
        120,
        "BAHTH_ELASTICSEARCH_WAIT",
        "Seconds a reindex waits for Elasticsearch when no node of BAHTH_ELASTICSEARCH_URL "
        "answers, before it gives up and leaves the live index as it was.",
    )
    elasticsearch_lease: int = _setting(
        180,
        "BAHTH_ELASTICSEARCH_LEASE",
        "Seconds a reindex, add or remove holds the alias's writer lease without renewing it "
        "(it renews it every third of that while it runs): how long a writer that was killed "
        "outright keeps the next one out.",
    )
    actors_file: str = _setting(
        "",
        "BAHTH_ACTORS",
        "Actor gazetteer (TSV) that reindex tags actors with and search expands names with; "
        "empty: the one shipped with Bahth (indexer/data/actors.tsv).",
    )
    actor_edits: str = _setting(
        "",
        "BAHTH_ACTOR_EDITS",
        "The operator's actor edits (TSV, the gazetteer's format), laid over the gazetteer and "
        "winning: renames, merges, splits, never-tag lines; `bahth actors review` writes it. "
        "Empty: actor-edits.tsv in BAHTH_DATA_DIR, when there is one.",
    )
    embeddings: str = _setting(
        "on",
        "BAHTH_EMBEDDINGS",
        "on: reindex and add also embed the articles they index, for search by meaning "
        "(docs/meaning.md: about 50 articles/s on two cores; the words are searchable "
        "before); off: words only, and `bahth embed` embeds them later.",
    )
    max_body_chars: int = _setting(
        1_000_000,
        "BAHTH_MAX_BODY_CHARS",
        "Longest article body indexed, in characters; longer bodies are cut and reported.",
    )
    max_expanded_bytes: int = _setting(
        512 * 2**20,
        "BAHTH_MAX_EXPANDED_BYTES",
        "Most bytes a .gz file or a .zip member may expand to; a larger one is reported, "
        "not read (a small file can expand to gigabytes).",
    )
    page_size: int = _setting(
        20, "BAHTH_PAGE_SIZE", "Results per page when a request does not say."
    )
    max_page_size: int = _setting(
        100, "BAHTH_MAX_PAGE_SIZE", "Largest page size a request may ask for."
    )
    max_query_chars: int = _setting(
        1_000, "BAHTH_MAX_QUERY_CHARS", "Longest query text accepted, in characters (longer: 400)."
    )
    max_query_terms: int = _setting(
        64,
        "BAHTH_MAX_QUERY_TERMS",
        "Most words a query may search for once repeated ones are counted once (more: 400).",
    )
    search_timeout: int = _setting(
        10,
        "BAHTH_SEARCH_TIMEOUT",
        "Seconds a search may take on the embedded engine; past them it stops at its "
        "next step (503, search too slow), so that no request ties up a worker.",
    )
    max_in_flight: int = _setting(
        4,
        "BAHTH_MAX_IN_FLIGHT",
        "Requests a web worker serves at once; more wait for their turn (BAHTH_QUEUE_SECONDS).",
    )
    queue_seconds: float = _setting(
        5.0,
        "BAHTH_QUEUE_SECONDS",
        "Seconds a request waits for its turn when its worker serves BAHTH_MAX_IN_FLIGHT "
        "already; past them it is answered 503 with Retry-After. 0: answered 503 at once.",
    )
    public_url: str = _setting(
        "",
        "BAHTH_PUBLIC_URL",
        "The address readers reach Bahth at (e.g. https://bahth.example.org), which the "
        "links of Atom feeds start with; empty: they are relative to the feed's own address. "
        "The request's Host header is never used for them.",
    )
    log_level: str = _setting(
        "warning",
        "BAHTH_LOG_LEVEL",
        "Least level of the log lines printed to standard error: debug, info, warning or error.",
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for setting in SETTINGS:
            raw = environ.get(setting.variable)
            if raw is not None:
                values[setting.name] = setting.parse(raw)
        values.update(overrides)
        return cls(**values)

    def __post_init__(self) -> None:
        if self.elasticsearch_analysis not in ANALYSIS_CHOICES:
            raise SettingsError(
                "BAHTH_ELASTICSEARCH_ANALYSIS must be one of "
                f"{', '.join(ANALYSIS_CHOICES)}, not {self.elasticsearch_analysis!r}"
            )
        if self.elasticsearch_shards < 1:
            raise SettingsError("BAHTH_ELASTICSEARCH_SHARDS must be 1 or more")
        if not re.fullmatch(r"\d+|\d+-(\d+|all)", self.elasticsearch_replicas):
            raise SettingsError(
                "BAHTH_ELASTICSEARCH_REPLICAS must be a number (1) or a range (0-1, 0-all), "
                f"not {self.elasticsearch_replicas!r}"
            )
        if self.elasticsearch_wait < 0:
            raise SettingsError("BAHTH_ELASTICSEARCH_WAIT must be 0 or more seconds")
        if self.elasticsearch_lease < 3:
            raise SettingsError("BAHTH_ELASTICSEARCH_LEASE must be 3 or more seconds")
        if self.public_url and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", self.public_url):
            raise SettingsError(
                "BAHTH_PUBLIC_URL must be an http(s) address such as https://bahth.example.org, "
                f"not {self.public_url!r}"
            )
        if not 0 <= self.queue_seconds <= 3600:
            raise SettingsError("BAHTH_QUEUE_SECONDS must be from 0 to 3600 seconds")
        if self.embeddings not in ("on", "off"):
            raise SettingsError(f"BAHTH_EMBEDDINGS must be on or off, not {self.embeddings!r}")
        if self.log_level.lower() not in LOG_LEVELS:
            raise SettingsError(
                f"BAHTH_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {self.log_level!r}"
            )

    @property
    def actor_edits_path(self) -> Path:
        return Path(self.actor_edits or Path(self.data_dir) / "actor-edits.tsv")

    @property
    def logging_level(self) -> int:
        return int(logging.getLevelName(self.log_level.upper()))


class Setting(NamedTuple):
    name: str
    variable: str
    default: Any
    help: str

    def parse(self, raw: str) -> Any:
        if isinstance(self.default, float):
            try:
                return float(raw)
            except ValueError:
                raise SettingsError(f"{self.variable} must be a number, not {raw!r}") from None
        if isinstance(self.default, int):
            try:
                return int(raw)
            except ValueError:
                raise SettingsError(
                    f"{self.variable} must be a whole number, not {raw!r}"
                ) from None
        return raw


SETTINGS = tuple(
    Setting(f.name, f.metadata["variable"], f.default, f.metadata["help"]) for f in fields(Settings)
)
