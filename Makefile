# The few verbs of the site: build, serve, check, test, bench. Each installs what it needs.
# Quiet by default: `make build VERBOSE=1` shows every command and everything MkDocs says.
PYTHON ?= python3
# Quiet the MkDocs 2 notice: this project stays on MkDocs 1.6 (MkDocs 2 drops plugins).
export NO_MKDOCS_2_WARNING = 1
# Read by `python -m parksite` too: VERBOSE=1 prints MkDocs' and its plugins' INFO lines.
export VERBOSE
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# `make serve SERVE_HOST=0.0.0.0` in a dev container, so that the editor can forward the port.
SERVE_HOST ?= 127.0.0.1
SERVE_PORT ?= 8000
# The checkers the tests run (axe-core, the Nu Html Checker, Lighthouse): package.json.
NODE_STAMP := node_modules/.installed
# Commands are not echoed unless VERBOSE is set (to anything but 0, false or no).
ifeq ($(filter-out 0 false no,$(VERBOSE)),)
.SILENT:
endif

.PHONY: build serve check test lint bench screenshots audit weight lock clean facts-diff new

build: $(STAMP) ## Build the site into site/ (strict: any warning stops it)
	$(BIN)/python -m parksite build

serve: $(STAMP) ## Live preview on http://$(SERVE_HOST):$(SERVE_PORT), reloading on data/, docs/ and code
	$(BIN)/python -m parksite serve --host $(SERVE_HOST) --port $(SERVE_PORT)

check: $(STAMP) ## Check data/park.yml and the pages' fact references, without building
	$(BIN)/python -m parksite check

test: $(STAMP) $(NODE_STAMP) ## Every test: lint, units, data, build, built HTML, browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# `make new NAME="Harbour Park" LANGUAGES=en,zh`: another park's site in place of this one.
LANGUAGES ?= en
new: $(STAMP) ## Replace mkdocs.yml, data/ and docs/ with the skeleton of another park's site
	$(BIN)/python -m parksite.tools.new --name "$(NAME)" --languages "$(LANGUAGES)"

BASE ?= main
facts-diff: $(STAMP) ## The facts changed in data/park.yml since BASE (a git ref), in words
	$(BIN)/python -m parksite.tools.factsdiff $(BASE)

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP) ## Measure build cost against plain Material (see BENCHMARKS.md)
	$(BIN)/python -m parksite.tools.bench

screenshots: $(STAMP) ## Photograph every page, both languages, 390 and 1280 px: test-output/screenshots
	$(BIN)/python -m pytest -q tests/site/test_browser.py -k photographed

audit: $(STAMP) $(NODE_STAMP) ## Lighthouse scores of the main pages, mobile and desktop (a few minutes)
	$(BIN)/python -m parksite.tools.audit

weight: $(STAMP) ## Print what a first visit to each page of site/ fetches, compressed
	$(BIN)/python -m parksite.tools.weight

lock: ## Re-resolve requirements.lock from pyproject.toml (needs network to PyPI)
	$(PYTHON) -m venv .lockvenv && .lockvenv/bin/pip install -q uv==0.13.8
	.lockvenv/bin/uv pip compile pyproject.toml --extra test --extra build --universal \
		--generate-hashes --python-version 3.11 -o requirements.lock

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "The site needs Python 3.11 or newer, and '$(PYTHON)' is not (README.md, Quick" \
		"start). If a newer one is installed, name it: make PYTHON=python3.12 $(MAKECMDGOALS)"; \
		exit 1; }
	echo "Installing the site's tools into $(VENV)/ (once; about 2 minutes, longer on a slow connection)..."
	$(PYTHON) -m venv $(VENV)
	# --no-deps: the lock names every package, so pip installs exactly it and resolves nothing
	# (pip 23 would otherwise take the newest release for a package that another asks for with
	# extras, fonttools[woff], and refuse it as unpinned). pip check then proves that nothing
	# is missing: a package added to pyproject.toml's `dependencies` but not locked stops
	# here, named (then run `make lock`).
	$(BIN)/python -m pip install --progress-bar on --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)
	echo "Installed. From now on make starts at once."

# --ignore-scripts: vnu-jar's install script would download a Java from GitHub; java is installed.
$(NODE_STAMP): package.json package-lock.json
	echo "Installing the page checkers of package.json into node_modules/ (once; about a minute)..."
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

clean:
	rm -rf site build .pytest_cache test-output .cache
