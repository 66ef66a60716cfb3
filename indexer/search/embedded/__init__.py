"""The embedded engine: a tantivy index in the data folder, no server."""

from .backend import EmbeddedBackend
from .store import EmbeddedStore

__all__ = ["EmbeddedBackend", "EmbeddedStore"]
