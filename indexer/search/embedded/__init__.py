"""The embedded engine: one SQLite file with an FTS5 index, no server."""

from .backend import EmbeddedBackend
from .store import EmbeddedStore

__all__ = ["EmbeddedBackend", "EmbeddedStore"]
