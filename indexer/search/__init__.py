"""Search: one request type, one result type, a backend per engine.

`open_backend(settings)` gives Elasticsearch when BAHTH_ELASTICSEARCH_URL is
set, else the embedded index under BAHTH_DATA_DIR.
"""

from .errors import BackendUnavailable, NotFound, SearchError
from .request import BadRequest, SearchRequest


def open_backend(settings):
    if settings.elasticsearch_url:
        from .elastic import ElasticBackend

        return ElasticBackend(settings.elasticsearch_url, settings.elasticsearch_index)
    from .embedded import EmbeddedBackend

    return EmbeddedBackend(settings.data_dir)


def open_store(settings):
    """Where a reindex writes: the same engine open_backend searches."""
    if settings.elasticsearch_url:
        from .elastic_store import ElasticStore

        return ElasticStore(
            settings.elasticsearch_url, settings.elasticsearch_index, settings.elasticsearch_keep
        )
    from .embedded_store import EmbeddedStore

    return EmbeddedStore(settings.data_dir)


__all__ = [
    "BackendUnavailable",
    "BadRequest",
    "NotFound",
    "SearchError",
    "SearchRequest",
    "open_backend",
    "open_store",
]
