"""Both engines satisfy the written contract (indexer/search/contract.py)."""

import inspect

import pytest

from indexer.search import (
    Backend,
    BuildFailed,
    Loader,
    Store,
    Updater,
    open_backend,
    open_store,
)
from indexer.search.elastic import ElasticBackend, ElasticStore
from indexer.search.elastic.bulk import Loader as ElasticLoader
from indexer.search.elastic.updater import Updater as ElasticUpdater
from indexer.search.embedded import EmbeddedBackend, EmbeddedStore
from indexer.search.embedded.store import Loader as EmbeddedLoader
from indexer.search.embedded.store import Updater as EmbeddedUpdater
from indexer.settings import Settings

PAIRS = [
    (Backend, EmbeddedBackend),
    (Backend, ElasticBackend),
    (Store, EmbeddedStore),
    (Store, ElasticStore),
    (Loader, EmbeddedLoader),
    (Loader, ElasticLoader),
    (Updater, EmbeddedUpdater),
    (Updater, ElasticUpdater),
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
    assert not store.path.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bahth.lock"]  # no version left


def test_only_a_store_that_indexes_python_terms_has_them_computed():
    from indexer.articles import Article, analyze_article

    assert EmbeddedLoader.wants_terms is True
    article = Article(id="x", title="عنوان", body="نص الخبر عن الانتخابات في المدينة. " * 4)
    full, lean = analyze_article(article), analyze_article(article, terms=False)
    assert full.body_terms and (lean.title_terms, lean.body_terms) == ("", "")
    assert full.dedup == lean.dedup is not None


def test_a_reindex_switches_a_serving_backend_and_its_open_searches_finish(tmp_path):
    import tantivy

    from indexer import reindex
    from indexer.search import SearchRequest

    from .conftest import article, write_jsonl

    data = tmp_path / "data"
    first = write_jsonl(tmp_path / "first.jsonl", [article(n) for n in range(1, 4)])
    reindex.run([first], EmbeddedStore(data), workers=1)
    backend = EmbeddedBackend(data)
    words = SearchRequest.from_params({"q": ["الانتخابات"]})
    assert backend.search(words).total == 3
    old_version = EmbeddedStore(data).live()
    searcher = tantivy.Index.open(str(old_version)).searcher()  # a search under way

    second = write_jsonl(tmp_path / "second.jsonl", [article(n) for n in range(10, 15)])
    reindex.run([second], EmbeddedStore(data), workers=1)
    assert not old_version.exists()  # the old version is gone from the folder...
    assert searcher.num_docs == 3  # ...but what had it open reads on
    assert [v.name for v in data.iterdir() if v.name.startswith("index-")] == [
        EmbeddedStore(data).live().name
    ]
    assert backend.search(words).total == 5  # the same backend follows the link
    assert backend.article("a10")["title"] == "عنوان الخبر رقم 10"


def test_an_index_built_with_other_analysis_rules_says_so_once_in_the_log(tmp_path, caplog):
    import json

    from indexer import reindex
    from indexer.search import SearchRequest

    from .conftest import ROOT

    data = tmp_path / "data"
    reindex.run([ROOT / "sample" / "wires.jsonl"], EmbeddedStore(data), workers=1)
    version = EmbeddedStore(data).live()
    meta = json.loads((version / "bahth.json").read_text(encoding="utf-8"))
    fresh = EmbeddedBackend(data)
    fresh.search(SearchRequest.from_params({"q": ["زلزال"]}))
    assert "other analysis rules" not in caplog.text
    (version / "bahth.json").write_text(json.dumps({**meta, "fingerprint": "older"}))
    stale = EmbeddedBackend(data)
    for _ in range(2):
        assert stale.search(SearchRequest.from_params({"q": ["زلزال"]})).total > 0
    assert caplog.text.count("built with other analysis rules") == 1
    assert str(version) in caplog.text and "bahth reindex" in caplog.text


def test_an_index_of_the_sqlite_engine_asks_for_a_reindex(tmp_path):
    from indexer.search import BackendUnavailable

    (tmp_path / "articles.sqlite").write_bytes(b"SQLite format 3\0")
    with pytest.raises(BackendUnavailable, match="built by an earlier version of Bahth"):
        EmbeddedBackend(tmp_path).ping()


def test_a_live_version_deleted_by_hand_is_a_clear_error(tmp_path, sample_index):
    import shutil

    from indexer.search import BackendUnavailable

    data = tmp_path / "data"
    shutil.copytree(sample_index, data, symlinks=True)
    shutil.rmtree(EmbeddedStore(data).live())
    with pytest.raises(BackendUnavailable, match="which is missing or incomplete"):
        EmbeddedBackend(data).ping()
