"""Search: one request type, one result type, a backend per engine.

`open_backend(settings)` gives Elasticsearch when BAHTH_ELASTICSEARCH_URL is
set, else the embedded index under BAHTH_DATA_DIR.
"""

from .errors import BackendUnavailable, NotFound, SearchError
from .request import BadRequest, SearchRequest


def open_backend(settings):
    if settings.elasticsearch_url:
        raise BackendUnavailable(
            "BAHTH_ELASTICSEARCH_URL is set, but this version has no Elasticsearch backend yet; "
            "unset it to use the embedded index")
    from .embedded import EmbeddedBackend
    return EmbeddedBackend(settings.data_dir)


__all__ = ["open_backend", "SearchRequest", "BadRequest", "SearchError", "BackendUnavailable",
           "NotFound"]
