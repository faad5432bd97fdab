# The two commands: `make run` and `make test`. Everything else is what they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in e-mails and calendar files point where `make run` serves, unless set.
PORTAL_BASE_URL ?= http://$(HOST):$(PORT)
# Two cores here: one pytest worker each.
TEST_WORKERS ?= 2

.PHONY: run test setup migrate demo lint format messages worker beat chromium fonts bench benchmark clean \
	backup restore

# Cyrillic fonts that WeasyPrint embeds in the PDFs (Debian's DejaVu).
fonts:
	@fc-list 2>/dev/null | grep -qi "DejaVu Sans" || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get install -y -qq fonts-dejavu-core >/dev/null 2>&1 || \
	     (apt-get update -qq && apt-get install -y -qq fonts-dejavu-core)) ; \
	  else echo "fonts-dejavu-core is missing: PDFs will fall back to another font"; fi; }

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	touch $(STAMP)

setup: $(STAMP) fonts

migrate: setup
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	@echo "Портал: http://$(HOST):$(PORT)/  (вход для каждой роли — выше, пароль demo12345)"
	PORTAL_BASE_URL="$(PORTAL_BASE_URL)" $(PY) manage.py runserver $(HOST):$(PORT)

# Debian's Chromium for the browser tests; never a browser download.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get install -y -qq chromium >/dev/null 2>&1 || \
	     (apt-get update -qq && apt-get install -y -qq chromium)) ; \
	  else echo "chromium is missing: browser tests will be skipped (they fail in CI)"; fi; }

test: setup chromium
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The portal at region size on PostgreSQL as in production (gunicorn, DJANGO_DEBUG=0, wrk):
# its own databases bench_300 and bench_2000, every key page of every role, the report,
# the imports, the registration burst; writes docs/benchmarks.md. Not part of `make test`.
# BENCH_SIZES="300 2000", BENCH_SECONDS=5, BENCH_SERVER=postgres://postgres@127.0.0.1:5432
bench: setup
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get install -y -qq wrk >/dev/null 2>&1 || \
	     (apt-get update -qq && apt-get install -y -qq wrk)) ; \
	  else echo "wrk is missing: apt-get install wrk"; exit 1; fi; }
	$(PY) -m benchmarks.run

benchmark: bench

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Refresh the Russian catalogue from the sources, then compile it (needs gettext).
messages: setup
	$(PY) manage.py makemessages -l ru --no-location --ignore=.venv --ignore=staticfiles --ignore=media
	$(PY) manage.py compilemessages -l ru --ignore=.venv

# One dated archive of the database and both media folders, in BACKUP_DIR (default backups/).
backup: setup
	$(PY) manage.py backup --dir "$(or $(BACKUP_DIR),backups)"

# Back into an empty database and empty media folders; FORCE=1 replaces what is there.
restore: setup
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/portal-YYYYmmdd-HHMMSS.tar.gz [FORCE=1]"; exit 2; }
	$(PY) manage.py restore "$(FILE)" $(if $(filter 1,$(FORCE)),--force)

worker: setup
	$(VENV)/bin/celery -A config worker -l info

beat: setup
	$(VENV)/bin/celery -A config beat -l info

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
