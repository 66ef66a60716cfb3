"""Search: one request type, one result type, an engine per folder.

- request.py, query.py, facets.py, result.py, highlight.py, near.py, dedup.py,
  groups.py, meta.py, locks.py, errors.py: what every engine shares;
  contract.py: what every engine provides.
- embedded/: a tantivy index in the data folder, no server (the default).
- elastic/: Elasticsearch, one node or a cluster.

`open_backend(settings)` gives Elasticsearch when BAHTH_ELASTICSEARCH_URL is
set, else the embedded index under BAHTH_DATA_DIR; `open_store(settings)`
the same engine, for a reindex.
"""

from .contract import Backend, Loader, Store, Updater
from .errors import (
    AnalysisChanged,
    BackendUnavailable,
    BuildFailed,
    Busy,
    DiskFull,
    NotFound,
    SearchError,
)
from .request import BadRequest, SearchRequest


def open_backend(settings, writer: bool = False) -> Backend:
    """The index searched: with the reader's credentials (the web app,
    `bahth search`), or a `writer`'s (what an add reads of it)."""
    if settings.elasticsearch_url:
        from .elastic import ElasticBackend

        endpoint = settings.elasticsearch(reader=not writer)
        return ElasticBackend(endpoint, settings.elasticsearch_index)
    from .embedded import EmbeddedBackend

    return EmbeddedBackend(settings.data_dir, settings.search_timeout)


def open_store(settings) -> Store:
    """Where a reindex writes: the same engine open_backend searches."""
    if settings.elasticsearch_url:
        from .elastic import ElasticStore

        return ElasticStore(
            settings.elasticsearch(),
            settings.elasticsearch_index,
            settings.elasticsearch_keep,
            analysis=settings.elasticsearch_analysis,
            shards=settings.elasticsearch_shards,
            replicas=settings.elasticsearch_replicas,
            wait=settings.elasticsearch_wait,
            lease=settings.elasticsearch_lease,
        )
    from .embedded import EmbeddedStore

    return EmbeddedStore(settings.data_dir)


__all__ = [
    "AnalysisChanged",
    "Backend",
    "BackendUnavailable",
    "BadRequest",
    "BuildFailed",
    "Busy",
    "DiskFull",
    "Loader",
    "NotFound",
    "SearchError",
    "SearchRequest",
    "Store",
    "Updater",
    "open_backend",
    "open_store",
]
