"""The Elasticsearch client, its retry policy and its errors in words for people."""

from elasticsearch import ApiError, Elasticsearch
from elasticsearch import ConnectionError as EsConnectionError

from ..errors import BackendUnavailable

# A node that answers these is busy or restarting: the request is tried again.
RETRY_STATUSES = (429, 502, 503, 504)


def connect(url, timeout=30):
    """A client that retries a failed connection or a busy node (RETRY_STATUSES)
    on the next node. `url` may list several nodes of a cluster, comma-separated."""
    nodes = [node.strip() for node in url.split(",") if node.strip()]
    return Elasticsearch(
        nodes,
        request_timeout=timeout,
        max_retries=3,
        retry_on_timeout=True,
        retry_on_status=RETRY_STATUSES,
    )


def unavailable(url, error):
    """BackendUnavailable for a client error, in words for people."""
    if isinstance(error, EsConnectionError):
        return BackendUnavailable(f"Elasticsearch at {url} cannot be reached ({error.message})")
    if isinstance(error, ApiError):
        return BackendUnavailable(
            f"Elasticsearch at {url} answered {error.status_code}: {error.message}"
        )
    return BackendUnavailable(f"Elasticsearch at {url}: {error}")
