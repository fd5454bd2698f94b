# teilhabe: `make run` starts the demo, `make test` runs the whole suite.
# Needs only Python 3.11 and make: uv is bootstrapped into .tools/ from PyPI.

PYTHON ?= python3.11
PORT ?= 8000
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
export UV_PROJECT_ENVIRONMENT := $(VENV)
# Links printed by load_demo and used in emails point at the port actually served.
export BASE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: help install run migrate demo collectstatic checkers test lint format messages makemessages screenshots search-node clean

help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.synced ## Create .venv and install the locked dependencies.

messages: install ## Compile the gettext catalogues in locales/ to .mo (pure Python, no gettext needed).
	$(PY) manage.py compile_catalogues

makemessages: install ## Re-extract interface strings into locales/*.po (needs GNU gettext).
	$(PY) manage.py makemessages --all --no-location --ignore=".venv/*" --ignore=".tools/*" \
		--ignore="static/*" --ignore="var/*"

migrate: install messages ## Apply database migrations.
	@mkdir -p var
	$(PY) manage.py migrate --noinput

demo: migrate ## Load the Eisenach demo content (idempotent) and print the logins.
	$(PY) manage.py load_demo
	$(PY) manage.py update_index --verbosity 0

# Hashed names, .gz and .br copies in static/ (cms/static_files.py); compressing takes a
# while, so it runs again only when a file in assets/ or the installed packages changed.
STATIC_SOURCES := $(shell find assets -type f 2>/dev/null)
static/staticfiles.json: $(VENV)/.synced $(STATIC_SOURCES)
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@touch $@

collectstatic: install static/staticfiles.json ## Collect static files into static/: hashed names, gzip and brotli copies.

# The development server serves the collected files through WhiteNoise (--nostatic), hashed
# and compressed as in production; COLLECTED_STATIC=1 makes DEBUG link the hashed names.
# After editing assets/, run `make run` again (or use plain `manage.py runserver`).
run: demo collectstatic ## Install, migrate, load the demo, then serve on 127.0.0.1:$(PORT) with a Celery worker.
	@echo "Celery worker + beat log: var/celery.log"
	@trap 'kill 0' EXIT INT TERM; \
	$(VENV)/bin/celery -A cms worker --beat --pool=solo --loglevel=INFO \
		--schedule=var/celerybeat-schedule >var/celery.log 2>&1 & \
	COLLECTED_STATIC=1 $(PY) manage.py runserver --nostatic 127.0.0.1:$(PORT)

checkers: install ## Fetch the pinned axe-core and Nu Html Checker for the accessibility tests.
	$(PY) tools/checkers.py

test: install messages checkers ## Run the whole test suite (SQLite unless DATABASE_URL is set).
	$(PY) -m pytest

screenshots: install messages ## Re-take the screenshots in docs/screenshots (needs Debian's chromium).
	SCREENSHOT_DIR=docs/screenshots $(PY) -m pytest -q tests/test_rtl_browser.py

lint: install ## ruff: lint rules and formatting (check only); migrations are checked by make test.
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Reformat the code with ruff.
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

search-node: ## Start a local OpenSearch 2.19 node on 127.0.0.1:9200 (Java 17 + Maven).
	services/opensearch/run.sh --background
	@echo "SEARCH_URL=opensearch://127.0.0.1:9200  (stop: services/opensearch/run.sh --stop)"

clean: ## Remove the environment and local data (database, mail, media).
	rm -rf $(VENV) .tools var static
