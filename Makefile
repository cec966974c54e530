# Two commands for a fresh Debian machine with python3: `make serve` and `make test`.
# Everything else (the virtualenv, pinned packages, Chromium, axe-core) is installed here.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help install serve build lint test test-fast browser-deps editor-deps edit screenshots validate schemas bench bench-search bench-validate bench-hostile bench-catalogue bench-opendata bench-maps clean

help:
	@echo "make serve          – katalog na http://127.0.0.1:8000 (instaluje wszystko, czego trzeba)"
	@echo "make test           – wszystkie testy"
	@echo "make edit           – edytor /admin/ na lokalnej kopii (decap-server + mkdocs serve)"
	@echo "make validate       – wiazki validate content/"
	@echo "make bench-validate – walidacja 1000 wiązek: my vs check-jsonschema"
	@echo "make bench-hostile  – najgorszy wrogi tekst w każdym polu: walidacja poniżej 1 s"
	@echo "make bench          – budowa 1000 wiązek vs 1000 zwykłych stron"
	@echo "make bench-search   – wyszukiwarka przy 1000 wiązek: indeks, bajty na zapytanie, czas w Chromium"
	@echo "make bench-maps     – rozmiary map, indeksu gmin i /w-liczbach/ przy 12 i 1000 wiązek"
	@echo "make bench-opendata – czas każdego pliku otwartych danych przy 1000 wiązek"
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

# The browser editor's tools (tools/decap/): decap-server and the YAML library from
# tools/decap/package-lock.json, Decap CMS's bundle by `npm pack`, checked against the
# integrity pinned in tools/decap/package.json. Nothing of it is committed. Without npm
# the site still builds; /admin/ then explains how to get the editor.
EDITOR := tools/decap
editor-deps: $(EDITOR)/node_modules/.installed $(EDITOR)/vendor/decap-cms/.version

$(EDITOR)/node_modules/.installed: $(EDITOR)/package.json $(EDITOR)/package-lock.json
	@command -v npm >/dev/null || { echo "Brak npm: edytor /admin/ nie będzie dostępny (zainstaluj Node.js z npm)"; exit 0; }; \
	  cd $(EDITOR) && npm ci --no-audit --no-fund --silent && touch node_modules/.installed

$(EDITOR)/vendor/decap-cms/.version: $(EDITOR)/package.json $(EDITOR)/fetch_decap.py
	@command -v npm >/dev/null || exit 0; $(PYTHON) $(EDITOR)/fetch_decap.py

serve: install editor-deps
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

# The editor on this repository: decap-server (git mode: every save is a branch) on
# 127.0.0.1:8081 next to mkdocs serve; open http://127.0.0.1:8000/wiazki/admin/.
# decap-server commits every untracked file of the repository it serves: commit or
# remove yours first (`git status`).
edit: install editor-deps
	@[ -z "$$(git status --porcelain --untracked-files=all -- . ':!site')" ] || \
	  { echo "Najpierw zatwierdź albo usuń nieśledzone i zmienione pliki (git status): decap-server dołączyłby je do zapisu."; exit 1; }
	@trap 'kill $$DECAP 2>/dev/null' EXIT; \
	  MODE=git PORT=8081 BIND_HOST=127.0.0.1 GIT_REPO_DIRECTORY="$$PWD" node $(EDITOR)/node_modules/decap-server/dist/index.js & DECAP=$$!; \
	  WIAZKI_EDITOR_LOCAL_BACKEND=http://127.0.0.1:8081/api/v1 $(BIN)/mkdocs serve -a 127.0.0.1:8000

# Pictures of the editor for the guide (docs/img/edytor-*.png), taken by the browser tests.
screenshots: install browser-deps editor-deps
	WIAZKI_SCREENSHOTS=docs/img $(BIN)/python -m pytest -q tests/browser/test_editor_e2e.py

build: install editor-deps
	$(BIN)/mkdocs build --strict

validate: install
	$(BIN)/wiazki validate content

schemas: install
	$(BIN)/wiazki schema --write schemas

# Lint, import order and formatting (ruff), then types (mypy): the package (files from
# pyproject.toml), the tests, and the browser tests on their own (both folders have a
# conftest.py, imported as `conftest`; each run puts its own first on the path).
lint: install
	$(BIN)/ruff check plugins tests benchmarks tools
	$(BIN)/ruff format --check plugins tests benchmarks tools
	$(BIN)/mypy
	MYPYPATH=plugins:tests $(BIN)/mypy --explicit-package-bases --exclude tests/browser/ tests
	MYPYPATH=plugins:tests/browser:tests $(BIN)/mypy --explicit-package-bases tests/browser

test: install browser-deps editor-deps lint
	$(BIN)/python -m pytest

# The tests that need no browser.
test-fast: install
	$(BIN)/python -m pytest -m "not browser"

bench-validate: install
	$(BIN)/python benchmarks/bench_validate.py

bench-hostile: install
	$(BIN)/python benchmarks/bench_hostile.py

bench: install
	$(BIN)/python benchmarks/bench_build.py

bench-search: install browser-deps
	$(BIN)/python benchmarks/bench_search.py

bench-opendata: install
	$(BIN)/python benchmarks/bench_opendata.py

bench-maps: install
	$(BIN)/python benchmarks/bench_maps.py

# DOMContentLoaded and filter-to-paint of /wiazki/ at 100 and 1,000 bundles (issue 11's targets).
bench-catalogue: install browser-deps
	$(BIN)/python benchmarks/bench_catalogue.py

clean:
	rm -rf $(VENV) node_modules site .pytest_cache .bench $(EDITOR)/node_modules $(EDITOR)/vendor
