# Every target creates .venv with the pinned dependencies on first use; python3 (3.11 or newer) is all
# it needs. `make serve` and `make build` install only what serving needs (requirements.txt); test,
# lint and benchmark tools (requirements-dev.txt) come in with the targets that use them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SERVE_STAMP := $(VENV)/.installed-serve
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1:8000
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: serve build check test test-fast lint audit bench bench-quick fmt schemas clean

# A .venv made by another Python (or a half-made one) is replaced, not reused: its stamps would lie.
$(SERVE_STAMP): requirements.txt pyproject.toml
	@$(PYTHON) .ci/python-ok
	@if [ -d $(VENV) ] && ! $(PYTHON) .ci/python-ok --same-as $(BIN)/python; then \
	  echo "modelfacts: $(VENV) was made by another Python; making it again"; rm -rf $(VENV); fi
	@[ -x $(BIN)/python ] || { echo "modelfacts: creating $(VENV) with $$($(PYTHON) --version)"; $(PYTHON) -m venv $(VENV); }
	@echo "modelfacts: installing the pinned packages for building and serving (first run only, about a minute)"
	$(PIP) -r requirements.txt
	$(PIP) --no-deps --no-build-isolation -e .
	@touch $@

$(DEV_STAMP): $(SERVE_STAMP) requirements-dev.txt
	@echo "modelfacts: installing the pinned test, lint and benchmark tools"
	$(PIP) -r requirements-dev.txt
	@touch $@

serve: $(SERVE_STAMP)  ## build the site and serve it with live reload (Ctrl-C, or killing make, stops it)
	@echo "modelfacts: serving at http://$(HOST)/ (rebuilds on every change to facts/, seeds/, docs/, hooks/)"
	NO_MKDOCS_2_WARNING=1 exec $(BIN)/mkdocs serve --dev-addr $(HOST) --livereload --dirty

build: $(SERVE_STAMP)  ## build the site into site/
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

check: $(SERVE_STAMP)  ## check every fact file and source
	$(BIN)/modelfacts check

# The audit's node tools (Lighthouse, vnu.jar) are pinned by .ci/audit/package-lock.json; no install scripts run.
AUDIT_STAMP := .ci/audit/node_modules/.installed
$(AUDIT_STAMP): .ci/audit/package.json .ci/audit/package-lock.json
	@echo "modelfacts: installing the pinned audit tools (Lighthouse, vnu.jar) with npm ci"
	cd .ci/audit && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Where npm is, `make test` installs the audit's pinned node tools too (its tests run vnu.jar); without npm
# those tests skip on a workstation and fail under CI=true, like the browser tests without chromium.
NODE_TOOLS := $(if $(shell command -v npm),$(AUDIT_STAMP))

test: $(DEV_STAMP) $(NODE_TOOLS)  ## run every test (what CI runs)
	$(BIN)/python -m pytest -n 2

test-fast: $(DEV_STAMP)  ## the edit-test loop: every test but the slow ones (builds, browser, benchmark)
	$(BIN)/python -m pytest -m "not slow" -n 2

lint: $(DEV_STAMP)  ## ruff (lint and format check) and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

audit: $(DEV_STAMP) $(AUDIT_STAMP)  ## axe, the Nu HTML checker and Lighthouse on a fresh build (PAGES=model,source TOOLS=axe narrow it)
	$(BIN)/python .ci/audit.py $(if $(PAGES),--pages $(PAGES)) $(if $(TOOLS),--only $(TOOLS))

bench: $(DEV_STAMP)  ## benchmark the checker and the build (hours: see benchmarks/README.md)
	$(BIN)/python benchmarks/run.py

bench-quick: $(DEV_STAMP)  ## the day-to-day benchmark: 250 and 1,000 models, 2 runs (about half an hour)
	$(BIN)/python benchmarks/run.py --quick

fmt: $(SERVE_STAMP)  ## rewrite fact files in the canonical format
	$(BIN)/modelfacts fmt

schemas: $(SERVE_STAMP)  ## regenerate schemas/ from the rubric
	$(BIN)/python -m modelfacts.schemas schemas

clean:
	rm -rf $(VENV) site
