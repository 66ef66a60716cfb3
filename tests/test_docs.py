"""The README and docs/ say what Bahth does: facts that can drift are checked here."""

import re
import subprocess
import sys

import pytest

from indexer import cli
from indexer.readers import FORMATS
from indexer.settings import SETTINGS

from .conftest import ROOT

DOCS = sorted((ROOT / "docs").glob("*.md"))
SCRIPTS = sorted(
    path
    for path in (ROOT / "scripts").iterdir()
    if path.is_file() and path.read_text(encoding="utf-8").startswith("#!/usr/bin/env python")
)


def read(path):
    return path.read_text(encoding="utf-8")


def test_the_settings_table_lists_every_setting_and_nothing_else_in_order():
    table = re.findall(
        r"^\| `(BAHTH_[A-Z_]+)` \| ([^|]*) \|", read(ROOT / "docs/configuration.md"), re.M
    )
    assert [variable for variable, _ in table] == [s.variable for s in SETTINGS]
    for (variable, default), setting in zip(table, SETTINGS, strict=True):
        shown = default.strip().strip("`")
        if setting.default == "":
            assert shown == "(empty)", variable
        else:
            assert shown.split(" ")[0].strip("`") == str(setting.default), variable


def test_the_readme_settings_in_brief_are_real_settings_with_their_defaults():
    brief = re.findall(r"^\| `(BAHTH_[A-Z_]+)` \| ([^|]*) \|", read(ROOT / "README.md"), re.M)
    defaults = {s.variable: s.default for s in SETTINGS}
    assert brief
    for variable, default in brief:
        shown = default.strip().strip("`")
        assert variable in defaults, variable
        assert shown == (str(defaults[variable]) if defaults[variable] != "" else "(empty)")


def test_every_command_is_in_the_readme_and_every_documented_command_exists():
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    actors = next(a for a in commands["actors"]._actions if a.dest == "actors_command").choices
    known = {*(c for c in commands if c != "actors"), *(f"actors {c}" for c in actors)}
    readme = read(ROOT / "README.md")
    listed = set(re.findall(r"^bahth ((?:actors )?[a-z]+)", readme, re.M))
    assert listed == known
    for path in [ROOT / "README.md", *DOCS]:
        for named in re.findall(r"`bahth ((?:actors )?[a-z]+)", read(path)):
            assert named in known, f"{path.name}: bahth {named}"


def test_the_formats_documented_are_the_ones_reindex_takes():
    documented = re.search(r"`--format ([a-z|]+)`", read(ROOT / "docs/operations.md"))[1]
    assert documented.split("|") == list(FORMATS)
    for name in FORMATS:
        assert cli.build_parser().parse_args(["reindex", "x", "--format", name]).format == name


def _tables(text):
    """(the text before it, the table) of each Markdown table."""
    blocks = re.split(r"\n\s*\n", text)
    for before, block in zip(["", *blocks], blocks, strict=False):
        if block.lstrip().startswith("|") and "|---" in block:
            yield before, block


FIGURE = re.compile(r"\b0\.\d{3}\b|\d ms\b|art/s|req/s|MB per")


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_every_table_of_measured_figures_names_the_command_that_made_them(path):
    for before, table in _tables(read(path)):
        if not FIGURE.search(table):
            continue
        scripts = re.findall(r"scripts/([a-z-]+)", before)
        assert scripts, f"{path.name}: a table of figures without its command:\n{table[:200]}"
        for script in scripts:
            assert (ROOT / "scripts" / script).exists(), f"{path.name}: scripts/{script}"


def test_the_readme_is_a_front_door_and_links_every_page_of_the_docs():
    readme = read(ROOT / "README.md")
    assert len(readme.splitlines()) <= 200
    assert readme.count("```sh\nmake run") == 1  # the Quick start's two commands
    for path in DOCS:
        assert f"](docs/{path.name})" in readme, path.name


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_every_script_the_figures_come_from_starts_and_says_how_to_use_it(path):
    # A benchmark is run by hand, far from CI: what it imports must not rot.
    answer = subprocess.run(
        [sys.executable, str(path), "--help"], capture_output=True, text=True, timeout=300
    )
    assert answer.returncode == 0, answer.stderr[-2000:]
    assert answer.stdout.startswith("usage:")
