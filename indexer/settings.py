"""Every setting of Bahth, in one table: environment variable, default, help.

Values come from the environment (`BAHTH_*`); `Settings.from_env()` reads
them, and the web app and the CLI both take a Settings object.
"""

import os
from dataclasses import dataclass, fields

# (field, environment variable, default, help)
SETTINGS = (
    ("data_dir", "BAHTH_DATA_DIR", "data",
     "Folder of the embedded index (articles.sqlite) and of reindex reports."),
    ("elasticsearch_url", "BAHTH_ELASTICSEARCH_URL", "",
     "Elasticsearch URL (e.g. http://127.0.0.1:9200). When set, search and "
     "reindex use Elasticsearch instead of the embedded index."),
    ("elasticsearch_index", "BAHTH_ELASTICSEARCH_INDEX", "articles",
     "Alias searched on Elasticsearch; a reindex builds <alias>-v<N>-<timestamp> and moves it."),
    ("elasticsearch_keep", "BAHTH_ELASTICSEARCH_KEEP", "2",
     "Old index versions a reindex keeps on Elasticsearch (to move the alias back by hand)."),
    ("actors_file", "BAHTH_ACTORS", "",
     "Actor gazetteer (TSV) that reindex tags actors with and search expands names with; "
     "empty: the one shipped with Bahth (indexer/data/actors.tsv)."),
    ("max_body_chars", "BAHTH_MAX_BODY_CHARS", "1000000",
     "Longest article body indexed, in characters; longer bodies are cut and reported."),
    ("page_size", "BAHTH_PAGE_SIZE", "20", "Results per page when a request does not say."),
    ("max_page_size", "BAHTH_MAX_PAGE_SIZE", "100", "Largest page size a request may ask for."),
)


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    data_dir: str = "data"
    elasticsearch_url: str = ""
    elasticsearch_index: str = "articles"
    elasticsearch_keep: int = 2
    actors_file: str = ""
    max_body_chars: int = 1_000_000
    page_size: int = 20
    max_page_size: int = 100

    @classmethod
    def from_env(cls, environ=None, **overrides):
        environ = os.environ if environ is None else environ
        types = {f.name: f.type for f in fields(cls)}
        values = {}
        for name, variable, default, _ in SETTINGS:
            raw = environ.get(variable, default)
            if types[name] in (int, "int"):
                try:
                    raw = int(raw)
                except ValueError:
                    raise SettingsError(f"{variable} must be a whole number, not {raw!r}") from None
            values[name] = raw
        values.update(overrides)
        return cls(**values)
