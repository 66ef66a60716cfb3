"""An installed Bahth (not a checkout) has every file it reads at run time."""

import subprocess
import sys
import zipfile

from .conftest import ROOT


def test_the_wheel_carries_data_templates_and_mappings(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--wheel-dir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("bahth-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    needed = [
        "indexer/data/sources.tsv",
        "indexer/data/actors.tsv",
        "indexer/actors/gazetteer.py",
        "indexer/data/boilerplate.txt",
        "indexer/data/labels.tsv",
        "webui/templates/feed.xml",
        "indexer/arabic/data/lexicon.tsv.gz",
        "indexer/arabic/data/names.txt",
        "indexer/arabic/data/proper.txt",
        "indexer/arabic/data/nisba.txt",
        "indexer/actors/data/titles.txt",
        "indexer/actors/data/kin.txt",
        "indexer/actors/data/seats.txt",
        "indexer/actors/data/countries.tsv",
        "indexer/actors/data/national.txt",
        "indexer/actors/data/name-words.tsv",
        "indexer/actors/data/word-counts.tsv.gz",
        "indexer/mappings/articles.json",
        "indexer/mappings/articles-python.json",
        "webui/templates/search.html",
        "webui/static/bahth.css",
    ]
    assert [name for name in needed if name not in names] == []
