# Learning Loop — the front door. `make help` lists the targets.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= learningloop.config.settings
# The suite runs on every core (pytest-xdist); PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= auto
PYTEST := $(PY) -m pytest -q -n $(PYTEST_WORKERS)

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt scripts/find-python.sh
	@interp=$$(scripts/find-python.sh) || exit 1; \
	  echo "Using $$interp ($$($$interp --version))"; \
	  [ -x $(PY) ] || $$interp -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt 2>&1 \
	  | { grep -v "is ignored" || true; }; exit $${PIPESTATUS[0]}
	$(PY) -c "import django, allauth, govuk_frontend_jinja, weasyprint, docx, openpyxl, nh3"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

build/.assets: node_modules/.installed scripts/build-assets.sh
	scripts/build-assets.sh
	touch $@

setup: $(VENV)/.installed build/.assets ## Create .venv, install Python and npm packages, copy GOV.UK assets

db: setup ## Migrate the SQLite database and load the framework preset and demo data (safe to repeat)
	@mkdir -p var
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable
	$(PY) manage.py load_framework
	$(PY) manage.py seed_demo

# The local demo does not insist on an authenticator app, so the demo logins work at once. Production
# enforces it (docs/configuration.md); set MFA_REQUIRED_ROLES=bu_admin make run to try it locally.
run: export MFA_REQUIRED_ROLES ?=
run: export MFA_REQUIRED_FOR_RESTRICTED ?= false
run: db ## Set up, then serve on http://127.0.0.1:$(PORT) with the background worker
	@$(PY) manage.py seed_demo --logins
	@echo "Two-factor authentication is not enforced in this local demo (MFA_REQUIRED_ROLES='$$MFA_REQUIRED_ROLES')."
	@echo "Serving Learning Loop on http://127.0.0.1:$(PORT)  (Ctrl+C stops the server and the worker)"
	@trap 'kill 0' EXIT INT TERM; \
	  $(PY) manage.py db_worker --interval 2 & \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: setup ## Run the whole suite (unit, integration and browser tests)
	$(PYTEST) -m "not browser"
	$(MAKE) --no-print-directory test-browser

test-fast: setup ## Run the suite without the browser tests
	$(PYTEST) -m "not browser"

test-browser: setup ## Run the browser tests in headless Chromium (needs /usr/bin/chromium)
	@if [ -x /usr/bin/chromium ]; then $(PYTEST) -m browser; \
	 else echo "Skipping browser tests: /usr/bin/chromium is missing (apt-get install chromium); .ci/run installs it."; fi

test-postgres: setup ## Run the suite (no browser tests) on a throwaway PostgreSQL cluster (scripts/pg-test.sh)
	scripts/pg-test.sh $(PYTEST) -m "not browser"

lint: setup ## Check style and common mistakes with ruff, and the app boundaries with import-linter
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: setup ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: db ## Print server time (median, p95) and SQL queries per main page on the demo data
	$(PY) scripts/bench.py

LARGE_DB := var/large.sqlite3
bench-large: setup ## Bench on a generated large partnership, ten years (var/large.sqlite3, built once)
	@mkdir -p var
	@if [ ! -f $(LARGE_DB) ]; then \
	  export DATABASE_URL=sqlite:///$(LARGE_DB); \
	  $(PY) manage.py migrate --no-input -v0 && $(PY) manage.py createcachetable && \
	  $(PY) manage.py load_framework && \
	  $(PY) manage.py generate_large_partnership --years 10 || { rm -f $(LARGE_DB); exit 1; }; \
	fi
	$(PY) scripts/bench.py --database-url sqlite:///$(LARGE_DB) --user-email admin@large.example.org

# The same large partnership on a throwaway PostgreSQL cluster (scripts/pg-test.sh: built, benched, removed).
# BENCH_SCALE multiplies every volume, as generate_large_partnership --scale does (default 1).
BENCH_SCALE ?= 1
bench-large-postgres: setup ## Bench the large partnership on a throwaway PostgreSQL cluster (built, benched, removed)
	scripts/pg-test.sh sh -c '$(PY) manage.py migrate --no-input -v0 && $(PY) manage.py createcachetable && \
	  $(PY) manage.py load_framework >/dev/null && \
	  $(PY) manage.py generate_large_partnership --years 10 --scale $(BENCH_SCALE) && \
	  $(PY) scripts/bench.py --user-email admin@large.example.org'

bench-large-both: bench-large bench-large-postgres ## Bench the large partnership on SQLite, then on PostgreSQL

bench-recurrence: setup ## Recall@5 and time of the recurrence suggestions on the large partnership (SQLite)
	@mkdir -p var
	$(PY) scripts/bench_recurrence.py --database-url sqlite:///$(LARGE_DB)

bench-recurrence-postgres: setup ## The same on a throwaway PostgreSQL cluster (builds the large partnership there)
	scripts/pg-test.sh $(PY) scripts/bench_recurrence.py

bench-yearly: db ## Print how long the yearly report's page, PDF and Word take on the demo data (goal: under 5 s)
	$(PY) scripts/bench_yearly.py

bench-yearly-large: setup ## The same on the generated ten-year large partnership (var/large.sqlite3, built by bench-large)
	DATABASE_URL=sqlite:///$(LARGE_DB) $(PY) scripts/bench_yearly.py

bench-import: setup ## Import a generated 100,000-row data returns file through the upload's code path and print the time
	$(PY) scripts/bench_import.py

check-deploy: setup ## Run Django's deployment checks with the production settings
	@mkdir -p var  # Django's SQLite JSON check opens the local database file, which needs its folder
	DJANGO_SETTINGS_MODULE=learningloop.config.production DJANGO_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
	  DJANGO_ALLOWED_HOSTS=learningloop.example.org $(PY) manage.py check --deploy --fail-level WARNING

# The load test's locust lives in its own small virtual environment (requirements-load.txt): it only speaks
# HTTP to the service, and keeps `make setup` and the app's environment as they are.
LOAD_VENV := var/load-venv
$(LOAD_VENV)/.installed: requirements-load.txt scripts/find-python.sh
	@mkdir -p var
	@interp=$$(scripts/find-python.sh) || exit 1; [ -x $(LOAD_VENV)/bin/python ] || $$interp -m venv $(LOAD_VENV)
	$(LOAD_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-load.txt 2>&1 \
	  | { grep -v "is ignored" || true; }; exit $${PIPESTATUS[0]}
	touch $@

load-test: setup $(LOAD_VENV)/.installed ## 50 people for 5 minutes (locust) on gunicorn + worker + PostgreSQL, large data
	PG_TEST_PORT=$${LOAD_PG_PORT:-55442} scripts/pg-test.sh scripts/load-test.sh

# Backups of a PostgreSQL installation (docs/deployment.md, "Backups"): the database and the uploaded files,
# with checksums, into a new folder under var/backups (or BACKUP_DIR / LEARNINGLOOP_BACKUP_DIR).
backup: setup ## Back up the PostgreSQL database (DATABASE_URL) and the uploaded files, with checksums
	$(PY) manage.py backup $(if $(BACKUP_DIR),--to "$(BACKUP_DIR)")

restore: setup ## Restore BACKUP=folder into an empty PostgreSQL database and files folder, and check it
	@[ -n "$(BACKUP)" ] || { echo "usage: make restore BACKUP=var/backups/learningloop-backup-..." >&2; exit 2; }
	$(PY) manage.py restore "$(BACKUP)"

clean: ## Remove the virtual environment, npm packages, built assets and the local database
	rm -rf $(VENV) node_modules build var

.PHONY: help setup db run test test-fast test-browser test-postgres lint format bench bench-large bench-large-postgres bench-large-both bench-recurrence bench-recurrence-postgres bench-import bench-yearly bench-yearly-large check-deploy backup restore load-test clean
