# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench screenshots clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP) $@

# The project's own library stays at the top level (annotations.db), as it always was.
run: $(STAMP)
	$(VENV)/bin/reader --db annotations.db $(ARGS)

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check reader tests tools

test: $(TEST_STAMP) lint
	$(PY) -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m reader.bench

screenshots: $(TEST_STAMP)
	$(PY) -m reader.ui.screenshots screenshots

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
