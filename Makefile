# The two commands of the README's Quick start, and their helpers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PIP := $(BIN)/pip --quiet --disable-pip-version-check
# `make run` keeps the sample's index in a folder of its own, on the embedded
# engine, so it never replaces an index of BAHTH_DATA_DIR or on Elasticsearch.
SAMPLE_DATA := data/sample
LOCK = $(BIN)/uv pip compile pyproject.toml requirements/build.in --quiet --generate-hashes \
	--universal --python-version 3.11

.PHONY: run serve test test-fast install system-deps lint format lock plugin

NATIVE := indexer/native
NATIVE_SOURCES := $(NATIVE)/pyproject.toml $(NATIVE)/Cargo.toml $(NATIVE)/Cargo.lock $(wildcard $(NATIVE)/src/*.rs)

# Python packages, exactly as locked in requirements/dev.txt (hashes checked),
# and the native half of the analysis, built by cargo (crates as Cargo.lock pins them).
$(BIN)/bahth: pyproject.toml requirements/dev.txt $(NATIVE_SOURCES)
	scripts/install-system-deps run
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r requirements/dev.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	PATH="$(abspath $(BIN)):$$PATH" MATURIN_NO_INSTALL_RUST=1 \
		$(PIP) install --no-deps --no-build-isolation ./$(NATIVE)
	touch $@

install: $(BIN)/bahth

# The main job: index the sample archive (again only when it changed) and serve the page.
run: $(SAMPLE_DATA)/index
	BAHTH_DATA_DIR=$(SAMPLE_DATA) BAHTH_ELASTICSEARCH_URL= $(BIN)/bahth serve --host $(HOST) --port $(PORT)

$(SAMPLE_DATA)/index: $(BIN)/bahth $(wildcard sample/*)
	BAHTH_DATA_DIR=$(SAMPLE_DATA) BAHTH_ELASTICSEARCH_URL= $(BIN)/bahth reindex sample

# Serve the configured index (BAHTH_DATA_DIR, or BAHTH_ELASTICSEARCH_URL).
serve: install
	$(BIN)/bahth serve --host $(HOST) --port $(PORT)

# What the tests need beyond Python: Chromium and its driver, a JDK, Maven,
# unzip, curl, Go (Debian packages, installed only where missing).
system-deps:
	scripts/install-system-deps

test: system-deps install
	$(BIN)/python -m pytest --durations=12

# The tests that need neither Elasticsearch nor a browser (nor their system packages).
test-fast: install
	$(BIN)/python -m pytest -m "not elasticsearch and not browser"

# The Elasticsearch analysis plugin (its Java tests run the shared vectors).
plugin: system-deps install
	scripts/build-plugin --force

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Resolve the dependency ranges of pyproject.toml again, into the lock files.
lock: install
	$(LOCK) --extra e5 -o requirements/app.txt
	$(LOCK) --extra e5 --extra test --extra dev -o requirements/dev.txt
