# Two commands for a fresh Debian machine with python3: `make serve` and `make test`.
# Everything else (the virtualenv, pinned packages, Chromium, axe-core) is installed here.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help install serve build lint test test-fast browser-deps validate schemas bench bench-validate bench-catalogue clean

help:
	@echo "make serve          – katalog na http://127.0.0.1:8000 (instaluje wszystko, czego trzeba)"
	@echo "make test           – wszystkie testy"
	@echo "make validate       – wiazki validate content/"
	@echo "make bench-validate – walidacja 1000 wiązek: my vs check-jsonschema"
	@echo "make bench          – budowa 1000 wiązek vs 1000 zwykłych stron"
	@echo "make bench-catalogue – /wiazki/ w Chromium przy 100 i 1000 wiązkach"

$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[test]"
	touch $@

install: $(BIN)/.installed

# Debian's Chromium (never a test tool's own browser download) and axe-core from npm.
# A machine that already has a Chromium-based browser (GitHub's Ubuntu runners ship
# Google Chrome; set CHROMIUM=/path to choose one) installs nothing.
browser-deps: node_modules/.installed
	@[ -n "$$CHROMIUM" ] || command -v chromium >/dev/null || command -v google-chrome >/dev/null \
	  || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

serve: install
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --strict

validate: install
	$(BIN)/wiazki validate content

schemas: install
	$(BIN)/wiazki schema --write schemas

# Lint, import order and formatting (ruff); the type checker joins here once its findings are fixed.
lint: install
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/ruff format --check plugins tests benchmarks

test: install browser-deps lint
	$(BIN)/python -m pytest

# The tests that need no browser.
test-fast: install
	$(BIN)/python -m pytest -m "not browser"

bench-validate: install
	$(BIN)/python benchmarks/bench_validate.py

bench: install
	$(BIN)/python benchmarks/bench_build.py

# DOMContentLoaded and filter-to-paint of /wiazki/ at 100 and 1,000 bundles (issue 11's targets).
bench-catalogue: install browser-deps
	$(BIN)/python benchmarks/bench_catalogue.py

clean:
	rm -rf $(VENV) node_modules site .pytest_cache .bench
