"""The Elasticsearch engine: an alias over versioned indexes, on one node or a cluster."""

from .backend import ElasticBackend
from .store import ElasticStore

__all__ = ["ElasticBackend", "ElasticStore"]
