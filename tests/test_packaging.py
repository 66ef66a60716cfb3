"""An installed Bahth (not a checkout) has every file it reads at run time."""

import re
import subprocess
import sys
import zipfile
from importlib.metadata import version

from .conftest import ROOT


def test_the_wheel_carries_data_templates_and_mappings(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "--quiet", "--wheel-dir", str(tmp_path), str(ROOT)], check=True)
    (wheel,) = tmp_path.glob("bahth-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    needed = ["indexer/data/sources.tsv", "indexer/data/actors.tsv", "indexer/actors/gazetteer.py",
              "indexer/data/boilerplate.txt",
              "indexer/arabic/data/lexicon.tsv.gz", "indexer/search/schema.sql",
              "indexer/search/indexes.sql", "indexer/mappings/articles.json",
              "indexer/mappings/articles-fallback.json", "webui/templates/search.html",
              "webui/static/bahth.css"]
    assert [name for name in needed if name not in names] == []


def _compose(name):
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!reset", lambda loader, node: None)
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=Loader)


def test_compose_runs_the_elasticsearch_version_the_tests_run():
    tested = re.search(r"BAHTH_ES_VERSION:-([\d.]+)", (ROOT / "scripts/es-node").read_text())[1]
    single, cluster = _compose("compose.yaml"), _compose("compose.cluster.yaml")
    images = {s["image"] for f in (single, cluster) for s in f["services"].values() if "image" in s}
    images |= {cluster["x-node"]["image"]}
    assert images == {f"docker.elastic.co/elasticsearch/elasticsearch:{tested}"}
    major = version("elasticsearch").split(".")[0]
    assert tested.split(".")[0] == major          # the Python client matches the server
    assert single["services"]["reindex"]["command"][0] == "reindex"
    assert "healthcheck" in single["services"]["elasticsearch"]
    assert "healthcheck" in single["services"]["web"]
    assert len([n for n in cluster["services"] if n.startswith("es") or n == "elasticsearch"]) == 3
