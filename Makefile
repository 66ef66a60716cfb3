# The two commands of the README's Quick start, and their helpers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: test install

$(BIN)/bahth: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/bahth

test: install
	$(BIN)/python -m pytest
