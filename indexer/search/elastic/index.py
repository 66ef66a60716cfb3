"""The Elasticsearch index descriptions of mappings/, one per analysis path,
with their word lists filled in.

Two analysis paths, named for where the Arabic analysis runs:
- `Analysis.NODE` (`mappings/articles.json`): inside Elasticsearch, by the
  analyzers of Bahth's own plugin (plugins/elasticsearch-analysis-bahth),
  which does exactly what `indexer.arabic` does;
- `Analysis.PYTHON` (`mappings/articles-python.json`): in Bahth's indexer,
  which sends the terms along, for a cluster where the plugin cannot be
  installed; it needs nothing but the node's core.

Both paths index the stopwords (a query that needs them searches them).
"""

import copy
import json
from enum import StrEnum
from importlib import resources
from pathlib import Path

from indexer import embeddings

# What the plugin gives the node, by the names the descriptions use.
PLUGIN = "analysis-bahth"
PLUGIN_ANALYZERS = frozenset({"bahth_arabic", "bahth_arabic_exact", "bahth_folded"})


class Analysis(StrEnum):
    NODE = "node"
    PYTHON = "python"

    @property
    def description(self) -> str:
        """The file of mappings/ that describes an index of this path."""
        return {Analysis.NODE: "articles.json", Analysis.PYTHON: "articles-python.json"}[self]


def _mappings_folder():
    """mappings/ of the repository: installed as the package indexer.mappings,
    or beside indexer/ when the checkout itself is on sys.path."""
    try:
        return resources.files("indexer.mappings")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[3] / "mappings"


MAPPINGS = _mappings_folder()


def _description(analysis: Analysis) -> dict:
    return json.loads((MAPPINGS / analysis.description).read_text(encoding="utf-8"))


def index_body(analysis: Analysis = Analysis.NODE) -> dict:
    """Settings and mappings to create an index with, lists filled in."""
    description = _description(analysis)
    body = copy.deepcopy({"settings": description["settings"], "mappings": description["mappings"]})
    # The vectors are as long as the chosen model makes them (BAHTH_EMBEDDINGS_MODEL).
    body["mappings"]["properties"]["embedding"]["dims"] = embeddings.dimensions()
    return body


def version(analysis: Analysis = Analysis.NODE) -> int:
    return _description(analysis)["version"]
