# Two commands for a newcomer: `make serve` and `make test`. Everything else is a step of those.
# Each step re-runs only when its inputs change, so running a command twice installs nothing twice.

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
ZVENV    := .venv-zensical
PORT     ?= 8000
# The first browser found, unless you say which: make test CHROMIUM=/path/to/chromium
CHROMIUM ?= $(or $(firstword $(wildcard /usr/bin/chromium /usr/bin/chromium-browser \
              /usr/bin/google-chrome /usr/bin/google-chrome-stable)),/usr/bin/chromium)
# Material's end-of-life notice on every build; CI shows it (.ci/run sets this to empty).
export NO_MKDOCS_2_WARNING ?= 1
export CHROMIUM

.PHONY: serve test test-fast site pages zensical zensical-site bench validate lint check-python \
        chromium lock clean accessibility-statement

serve: pages  ## set up, build and serve on http://127.0.0.1:8000, rebuilding as you edit
	$(BIN)/python -m sitegen serve --dev-addr 127.0.0.1:$(PORT)

test: chromium $(VENV)/.installed node_modules/.installed  ## set up, then run every test
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory site
	SITE_DIR=site $(BIN)/pytest
	node tests/pyodide/run_model_tests.mjs
	$(MAKE) --no-print-directory zensical-site

test-fast: $(VENV)/.installed node_modules/.installed  ## lint, unit, model and content tests: no browser, no build
	$(MAKE) --no-print-directory lint
	$(BIN)/pytest -q -m "not browser and not site"

site: pages  ## strict static build into site/, then the security policy and the output check
	$(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/python -m sitegen csp site
	$(BIN)/python -m sitegen check site

pages: $(VENV)/.installed node_modules/.installed  ## generate the pages from content/ into docs/_generated/
	$(BIN)/python -m sitegen pages

zensical: chromium site  ## the same pages built by Zensical into site-zensical/, compared and tested
	$(MAKE) --no-print-directory zensical-site

# Needs site/ from `make site` (make test and make zensical build it first).
zensical-site: $(ZVENV)/.installed
	rm -rf site-zensical
	BUILD_DIR=site-zensical $(ZVENV)/bin/zensical build --strict -f mkdocs.yml
	$(BIN)/python -m sitegen csp site-zensical
	$(BIN)/python -m sitegen check site-zensical
	$(BIN)/python -m sitegen compare site site-zensical
	SITE_DIR=site-zensical $(BIN)/pytest -q -m smoke

bench: site chromium  ## print speed and size figures (BENCH_PREVIOUS=path/to/site: also an older build)
	$(BIN)/python -m bench

validate: $(VENV)/.installed  ## check every file in content/ against every rule (a few seconds)
	@$(BIN)/python -m sitegen validate

accessibility-statement: chromium $(VENV)/.installed node_modules/.installed  ## re-measure the statement's figures
	$(MAKE) --no-print-directory site
	A11Y_WRITE_RESULTS=1 SITE_DIR=site $(BIN)/pytest tests/browser/test_accessibility.py -q
	$(MAKE) --no-print-directory site

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/mypy

check-python:
	@$(PYTHON) -c 'import sys; ok = (3, 11) <= sys.version_info[:2] <= (3, 13); \
	  sys.exit(0 if ok else "Python 3.11, 3.12 or 3.13 is needed (found %s). Run: make PYTHON=python3.12 ..." % sys.version.split()[0])'

$(VENV)/.installed: requirements.lock pyproject.toml
	@$(MAKE) --no-print-directory check-python
	@echo "== Setup 1/2: Python packages into $(VENV)/ (first time only)"
	@$(PYTHON) scripts/install_python.py $(VENV) requirements.lock --label Python
	@touch $@

node_modules/.installed: package.json package-lock.json
	@echo "== Setup 2/2: npm packages into node_modules/ (Pyodide, axe-core; first time only)"
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(ZVENV)/.installed: requirements-zensical.lock
	@$(MAKE) --no-print-directory check-python
	@echo "== Setup: Zensical into $(ZVENV)/ (first time only)"
	@$(PYTHON) scripts/install_python.py $(ZVENV) requirements-zensical.lock --label Zensical
	@touch $@

chromium:
	@scripts/ensure-chromium.sh

lock:  ## maintainers: re-resolve the lock files after editing pyproject.toml or requirements-zensical.in (needs uv)
	uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
	  --generate-hashes --quiet -o requirements.lock
	uv pip compile requirements-zensical.in --universal --python-version 3.11 \
	  --generate-hashes --quiet -o requirements-zensical.lock

clean:
	rm -rf site site-zensical docs/_generated $(VENV) $(ZVENV) node_modules test-results .cache \
	  .pytest_cache .mypy_cache .ruff_cache
