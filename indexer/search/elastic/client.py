"""The Elasticsearch client: where the cluster is and how Bahth proves who it is,
its retry policy, and its errors in words for people.

An `Endpoint` holds the nodes' URLs and the credentials (a CA certificate or
its fingerprint, an API key, or a user and password, in the URL or given
apart). Its `str()` is the URLs without a password: what every message and
log line shows. The setting each credential came from is kept, so that a
refusal names the setting to fix.
"""

import ipaddress
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from elastic_transport import TlsError
from elasticsearch import ApiError, Elasticsearch
from elasticsearch import ConnectionError as EsConnectionError

from ..errors import BackendUnavailable

# A node that answers these is busy or restarting: the request is tried again.
RETRY_STATUSES = (429, 502, 503, 504)
_URL_USER = "BAHTH_ELASTICSEARCH_URL's user:password@"
_FINGERPRINT = re.compile(r"(?:[0-9a-fA-F]{2}:?){32}")


@dataclass(frozen=True)
class Endpoint:
    """Nodes of one cluster and the credentials to reach them.

    `url`: one or more node URLs, comma-separated (user:password@ allowed);
    `ca`: a CA certificate file (PEM) or the SHA-256 fingerprint of the
    node's certificate; `api_key`: an encoded API key; `user`, `password`:
    basic authentication (the URL's win when both are given). `key_setting`
    and `user_settings` name the settings the credentials came from, for messages."""

    url: str = field(repr=False)
    ca: str = ""
    api_key: str = field(default="", repr=False)
    user: str = ""
    password: str = field(default="", repr=False)
    key_setting: str = "BAHTH_ELASTICSEARCH_API_KEY"
    user_settings: tuple[str, ...] = ("BAHTH_ELASTICSEARCH_USER", "BAHTH_ELASTICSEARCH_PASSWORD")
    _nodes: list[str] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self):
        nodes = [_split(node.strip()) for node in self.url.split(",") if node.strip()]
        for node, user, password in nodes:
            parts = urlsplit(node)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(
                    "BAHTH_ELASTICSEARCH_URL must list http(s) addresses such as "
                    f"https://127.0.0.1:9200, not {node!r}"
                )
            if user is not None:
                object.__setattr__(self, "user", user)
                object.__setattr__(self, "password", password)
                object.__setattr__(self, "user_settings", (_URL_USER,))
        object.__setattr__(self, "_nodes", [node for node, _, _ in nodes])
        schemes = {urlsplit(node).scheme for node in self.nodes}
        if len(schemes) > 1:
            raise ValueError(
                "BAHTH_ELASTICSEARCH_URL mixes http:// and https:// nodes: the nodes of one "
                "cluster speak the same"
            )
        if (self.api_key or self.user) and schemes == {"http"} and not self._loopback():
            raise ValueError(
                "BAHTH_ELASTICSEARCH_URL is http://: the credentials would cross the network "
                "in clear. Write https:// (http:// with credentials only to 127.0.0.1)"
            )
        if self.ca and not _FINGERPRINT.fullmatch(self.ca) and not Path(self.ca).is_file():
            raise ValueError(
                "BAHTH_ELASTICSEARCH_CA must be a CA certificate file or a SHA-256 "
                f"fingerprint; there is no file {self.ca!r}"
            )

    def _loopback(self) -> bool:
        for node in self.nodes:
            host = urlsplit(node).hostname or ""
            try:
                if not ipaddress.ip_address(host).is_loopback:
                    return False
            except ValueError:
                if host != "localhost":
                    return False
        return True

    @property
    def nodes(self) -> list[str]:
        """The nodes' URLs without their user and password."""
        return list(self._nodes)

    def __str__(self):
        return ",".join(self.nodes)

    def __repr__(self):
        return f"Endpoint({self}, ca={self.ca!r}, user={self.user!r}, {self.credentials()})"

    @property
    def secured(self) -> bool:
        return any(node.startswith("https:") for node in self.nodes)

    def credentials(self) -> str:
        """What proves who Bahth is, in words that name their setting."""
        if self.api_key:
            return f"the API key of {self.key_setting}"
        if self.user:
            return f"the user {self.user!r} and its password ({' and '.join(self.user_settings)})"
        return "no credentials"

    def client(self, timeout=30) -> Elasticsearch:
        """A client that retries a failed connection or a busy node
        (RETRY_STATUSES) on the next node."""
        options: dict = {}
        if self.api_key:
            options["api_key"] = self.api_key
        elif self.user:
            options["basic_auth"] = (self.user, self.password)
        if not self.secured:
            pass  # http:// has no TLS to trust (a node that serves https closes it: unavailable)
        elif _FINGERPRINT.fullmatch(self.ca):
            options["ssl_assert_fingerprint"] = self.ca.replace(":", "").lower()
        elif self.ca:
            options["ca_certs"] = self.ca
        return Elasticsearch(
            self.nodes,
            request_timeout=timeout,
            max_retries=3,
            retry_on_timeout=True,
            retry_on_status=RETRY_STATUSES,
            **options,
        )


def _split(node: str) -> tuple[str, str | None, str]:
    """(a node's URL without its user and password, the user, the password).
    The user and password are what comes before the address's last @, so
    that a password holding / # ? or @ unencoded is still taken whole, and
    never shown."""
    scheme, separator, rest = node.rpartition("://")
    userinfo, at, host = rest.rpartition("@")
    if not at:
        return node, None, ""
    user, _, password = userinfo.partition(":")
    return f"{scheme}{separator}{host}", unquote(user), unquote(password)


def redacted(url: str) -> str:
    """BAHTH_ELASTICSEARCH_URL as it may be shown: a user and password as ***@."""
    shown = []
    for node in url.split(","):
        bare, user, _ = _split(node.strip())
        scheme, separator, host = bare.rpartition("://")
        shown.append(bare if user is None else f"{scheme}{separator}***@{host}")
    return ",".join(shown)


def endpoint(value) -> Endpoint:
    """An Endpoint, from one or from a URL of an open cluster."""
    return value if isinstance(value, Endpoint) else Endpoint(str(value))


def connect(where, timeout=30) -> Elasticsearch:
    """A client of `where`: an Endpoint, or a URL (several nodes comma-separated)."""
    return endpoint(where).client(timeout)


def unavailable(where, error) -> BackendUnavailable:
    """BackendUnavailable for a client error, in words for people: a failure of
    trust or of credentials names the setting that fixes it."""
    where = endpoint(where)
    if isinstance(error, TlsError):
        return BackendUnavailable(_untrusted(where, str(error.message)))
    if isinstance(error, EsConnectionError):
        if not where.secured and _closed_without_answer(str(error.message)):
            return BackendUnavailable(
                f"Elasticsearch at {where} closed the connection without an answer: "
                "if the node serves HTTPS, write https:// in BAHTH_ELASTICSEARCH_URL"
            )
        return BackendUnavailable(f"Elasticsearch at {where} cannot be reached ({error.message})")
    if isinstance(error, ApiError):
        if error.status_code == 401:
            return BackendUnavailable(_unauthenticated(where))
        if error.status_code == 403:
            return BackendUnavailable(
                f"Elasticsearch at {where} refused a request to {where.credentials()}: "
                f"{_reason(error)} (docs/elasticsearch.md, Security: the roles a writer and "
                "a reader need)"
            )
        return BackendUnavailable(
            f"Elasticsearch at {where} answered {error.status_code}: {error.message}"
        )
    return BackendUnavailable(f"Elasticsearch at {where}: {error}")


def _untrusted(where: Endpoint, message: str) -> str:
    if "WRONG_VERSION_NUMBER" in message or "record layer failure" in message:
        return (
            f"Elasticsearch at {where} does not speak TLS: write http:// in "
            "BAHTH_ELASTICSEARCH_URL, or turn TLS on for its HTTP layer"
        )
    if "ingerprint" in message:
        return (
            f"Elasticsearch at {where} presented a certificate whose fingerprint is not "
            "the one BAHTH_ELASTICSEARCH_CA gives"
        )
    if where.ca:
        return (
            f"Elasticsearch at {where} presented a certificate that BAHTH_ELASTICSEARCH_CA "
            f"({where.ca}) does not vouch for: give the CA certificate that signed the "
            "node's certificate, or its fingerprint"
        )
    return (
        f"Elasticsearch at {where} presented a certificate this machine does not trust: "
        "set BAHTH_ELASTICSEARCH_CA to the cluster's CA certificate file (or the "
        "certificate's SHA-256 fingerprint)"
    )


def _unauthenticated(where: Endpoint) -> str:
    if where.api_key or where.user:
        return f"Elasticsearch at {where} does not accept {where.credentials()}"
    return (
        f"Elasticsearch at {where} asks who Bahth is: set {where.key_setting} (an encoded "
        "API key), or BAHTH_ELASTICSEARCH_USER and BAHTH_ELASTICSEARCH_PASSWORD"
    )


def _closed_without_answer(message: str) -> bool:
    return any(
        sign in message
        for sign in ("RemoteDisconnected", "closed connection", "Connection reset", "aborted")
    )


def _reason(error: ApiError) -> str:
    """The node's own reason for a refusal (it names the action and the privilege)."""
    body = error.body if isinstance(error.body, dict) else {}
    reason = body.get("error", {})
    if isinstance(reason, dict):
        return str(reason.get("reason") or error.message)
    return str(reason or error.message)
