# Every target creates .venv with the pinned dependencies on first use; python3 is all it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000

.PHONY: serve build check test bench fmt schemas clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

serve: $(STAMP)  ## build the site and serve it with live reload
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr $(HOST) --livereload --dirty

build: $(STAMP)  ## build the site into site/
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

check: $(STAMP)  ## check every fact file and source
	$(BIN)/modelfacts check

test: $(STAMP)  ## run every test
	$(BIN)/python -m pytest

bench: $(STAMP)  ## benchmark the checker and the build
	$(BIN)/python benchmarks/run.py

fmt: $(STAMP)  ## rewrite fact files in the canonical format
	$(BIN)/modelfacts fmt

schemas: $(STAMP)  ## regenerate schemas/ from the rubric
	$(BIN)/python -m modelfacts.schemas schemas

clean:
	rm -rf $(VENV) site
