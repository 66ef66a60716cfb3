"""Both engines satisfy the written contract (indexer/search/contract.py)."""

import inspect

import pytest

from indexer.search import Backend, BuildFailed, Loader, Store, open_backend, open_store
from indexer.search.elastic import ElasticBackend, ElasticStore
from indexer.search.elastic.store import Loader as ElasticLoader
from indexer.search.embedded import EmbeddedBackend, EmbeddedStore
from indexer.search.embedded.store import Loader as EmbeddedLoader
from indexer.settings import Settings

PAIRS = [
    (Backend, EmbeddedBackend),
    (Backend, ElasticBackend),
    (Store, EmbeddedStore),
    (Store, ElasticStore),
    (Loader, EmbeddedLoader),
    (Loader, ElasticLoader),
]


def _methods(protocol):
    return {
        name: member
        for name, member in vars(protocol).items()
        if callable(member) and not name.startswith("_")
    }


@pytest.mark.parametrize(("protocol", "engine"), PAIRS, ids=lambda x: x.__qualname__)
def test_each_engine_has_every_method_of_the_contract_with_its_parameters(protocol, engine):
    for name, method in _methods(protocol).items():
        assert callable(getattr(engine, name, None)), f"{engine.__qualname__}.{name}"
        wanted = list(inspect.signature(method).parameters)
        found = list(inspect.signature(getattr(engine, name)).parameters)
        assert found[: len(wanted)] == wanted, f"{engine.__qualname__}.{name}: {found}"


def test_open_gives_instances_of_the_contract(tmp_path):
    embedded = Settings(data_dir=str(tmp_path))
    assert isinstance(open_backend(embedded), Backend) and isinstance(open_store(embedded), Store)
    # No request is made before a search or a build: an address no node answers will do.
    elastic = Settings(elasticsearch_url="http://127.0.0.1:9")
    assert isinstance(open_backend(elastic), Backend) and isinstance(open_store(elastic), Store)


def test_a_load_that_does_not_add_up_is_a_build_failure_and_nothing_is_switched(tmp_path):
    store = EmbeddedStore(tmp_path)
    with pytest.raises(BuildFailed, match="holds 0 articles; 1 were loaded"):
        with store.new_version() as loader:
            assert isinstance(loader, Loader)
            loader.count = 1  # as if an article had been added and then lost
    assert not store.path.exists() and list(tmp_path.iterdir()) == []


def test_only_a_store_that_indexes_python_terms_has_them_computed():
    from indexer.articles import Article, analyze_article

    assert EmbeddedLoader.wants_terms is True
    article = Article(id="x", title="عنوان", body="نص الخبر عن الانتخابات في المدينة. " * 4)
    full, lean = analyze_article(article), analyze_article(article, terms=False)
    assert full.body_terms and (lean.title_terms, lean.body_terms) == ("", "")
    assert full.dedup == lean.dedup is not None
