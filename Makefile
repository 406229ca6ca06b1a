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

# Two pytest-xdist workers (CI has two cores). --dist loadgroup keeps the tests marked with
# one xdist_group on one worker, where they share a session fixture (the golden articles).
# PYTEST_WORKERS=0 runs the suite in one process. The 15 slowest tests are listed at the end,
# to keep the suite well under CI's 10 minutes.
PYTEST_WORKERS ?= 2
test: $(TEST_STAMP) lint
	$(PY) -m pytest -q -n $(PYTEST_WORKERS) --dist loadgroup --durations=15 $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m reader.bench

screenshots: $(TEST_STAMP)
	$(PY) -m reader.ui.screenshots screenshots

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
