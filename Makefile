# The two commands a newcomer needs are `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Parallel test workers: one per core by default.
WORKERS ?= auto

.PHONY: run test install lint format messages extract services-up services-down worker beat clean screenshots vnu

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check uv
	$(VENV)/bin/uv pip install -q --python $(PY) -r requirements.lock
	touch $@

install: $(VENV)/.installed

# Run the site with demo content on http://localhost:$(PORT)/ (`make run PORT=8001`).
# Migrating and seeding are skipped when nothing changed since the last run (FRESH=1 forces them).
run: install
	@PORT='$(PORT)' bash platform/dev-run

# Run the whole test suite. Tests that need a service not configured skip, unless
# REQUIRE_SERVICES=1 (as in CI), where they fail.
test: install
	$(PY) -m pytest -n $(WORKERS) --dist loadgroup $(ARGS)

# Full-page PNGs of every page type at 390, 768 and 1280 px, signed in as each demo role, from
# a throw-away demo database; written to var/screenshots/ (ONLY=word for some page types).
screenshots: install
	$(PY) platform/screenshots $(if $(ONLY),--only $(ONLY),)

# Fetch the Nu Html Checker (once, into var/vnu/); tests/test_markup.py runs it on every page type.
vnu:
	bash platform/vnu fetch

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m djhtml --check $$(git ls-files 'templates/*.html' '*/templates/*.html')
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .
	$(PY) -m djhtml $$(git ls-files 'templates/*.html' '*/templates/*.html')

# Extract and compile the interface strings. Each app keeps its own catalogue in <app>/locale;
# the shared templates and home/ use locale/. Compiled .mo files are committed, so running the
# site needs no gettext tools.
APPS := home core taxonomy members knowledge events discussions search
# Every interface language but English (the source language); settings.LANGUAGES is the list.
LOCALES = -l ru -l hy -l az -l ka -l ro -l uk

messages: extract
	$(PY) manage.py compilemessages --ignore=.venv

# Only the extraction (tests/i18n/test_catalogues.py runs it in a copy of the sources).
extract: install
	$(PY) manage.py makemessages $(LOCALES) --no-obsolete --ignore=.venv --ignore=var --ignore=core --ignore=taxonomy --ignore=members --ignore=knowledge --ignore=events --ignore=discussions --ignore=search --ignore=bench --ignore=tests
	for app in core taxonomy members knowledge events discussions search; do \
		(cd $$app && mkdir -p locale && $(abspath $(PY)) $(abspath manage.py) makemessages $(LOCALES) --no-obsolete); done

services-up:
	bash platform/services up

services-down:
	bash platform/services down

worker: install
	$(VENV)/bin/celery -A config worker --loglevel INFO

beat: install
	$(VENV)/bin/celery -A config beat --loglevel INFO

clean:
	rm -rf $(VENV) var db.sqlite3
