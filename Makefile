# Two commands for a newcomer: `make serve` and `make test`. Everything else is a step of those.
# Each step re-runs only when its inputs change, so running a command twice installs nothing twice.

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
export CHROMIUM

.PHONY: serve test site pages bench validate lint check-python chromium lock clean

serve: pages  ## set up, build and serve on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

test: $(VENV)/.installed node_modules/.installed chromium  ## set up, then run every test
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory site
	SITE_DIR=site $(BIN)/pytest
	node tests/pyodide/run_model_tests.mjs

site: pages  ## strict static build into site/
	$(BIN)/mkdocs build --strict --site-dir site

pages: $(VENV)/.installed node_modules/.installed  ## generate the pages from content/ into docs/_generated/
	$(BIN)/python -m sitegen pages

bench: site chromium  ## print speed and size figures (BENCH_PREVIOUS=path/to/site: also an older build)
	$(BIN)/python -m bench

validate: $(VENV)/.installed  ## check every file in content/
	$(BIN)/python -m sitegen validate

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/mypy

check-python:
	@$(PYTHON) -c 'import sys; ok = (3, 11) <= sys.version_info[:2] <= (3, 13); \
	  sys.exit(0 if ok else "Python 3.11, 3.12 or 3.13 is needed (found %s). Run: make PYTHON=python3.12 ..." % sys.version.split()[0])'

$(VENV)/.installed: requirements.lock pyproject.toml
	@$(MAKE) --no-print-directory check-python
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

chromium:
	@scripts/ensure-chromium.sh

lock:  ## maintainers: re-resolve requirements.lock after editing pyproject.toml (needs uv)
	uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
	  --generate-hashes --quiet -o requirements.lock

clean:
	rm -rf site docs/_generated $(VENV) node_modules test-results .pytest_cache .mypy_cache .ruff_cache
