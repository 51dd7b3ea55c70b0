# AppGov: `make run` sets everything up and starts the app; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APPGOV := $(BIN)/appgov
BIND ?= 127.0.0.1:8000
# parallel test workers (pytest-xdist; each has its own test database): 2 fits CI's two cores
PYTEST_WORKERS ?= 2

.PHONY: run install install-test system-deps test lint migrate demo bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "AppGov needs Python >= 3.11"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip "setuptools==84.2.1" "wheel==0.48.0"

$(VENV)/.runtime-installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.runtime-installed requirements-test.lock
	$(BIN)/pip install --quiet -r requirements-test.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.runtime-installed node_modules/.installed
	$(APPGOV) compilemessages_py

install-test: install $(VENV)/.test-installed

system-deps:
	bash scripts/install-system-deps.sh

migrate: install
	$(APPGOV) migrate --noinput

demo: migrate
	$(APPGOV) demo

run: demo
	APPGOV_DEMO=1 $(APPGOV) runall --bind $(BIND)

lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports
	$(APPGOV) makemigrations --check --dry-run

test: system-deps install-test lint
	$(BIN)/pytest -p no:cacheprovider -n $(PYTEST_WORKERS) --durations=25 $(PYTEST_ARGS)

bench: install-test
	$(BIN)/python bench/ledger/run.py

clean:
	rm -rf $(VENV) node_modules var
