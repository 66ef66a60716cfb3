# The two commands of the README's Quick start, and their helpers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export BAHTH_DATA_DIR ?= data

.PHONY: run test install index serve

$(BIN)/bahth: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/bahth

# The main job: index the sample archive and serve the search page.
run: index serve

index: install
	$(BIN)/bahth reindex sample

serve: install
	$(BIN)/bahth serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest
