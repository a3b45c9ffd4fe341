# Safe Passage: `make run` to try it, `make test` to test it.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install migrate demo run serve worker test faults cluster cluster-test lint bench model messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_roles

# Development mode: DEBUG on, demo content and accounts, mail written to var/mail/.
# Links in pages and mail follow the address the site is served on (PORT=8101 works);
# SITE_URL here only names it in what load_demo prints. The task worker (which delivers
# mail) runs in the background beside the server and is stopped with it (Ctrl-C).
run: export DEBUG := 1
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: migrate
	$(BIN)/python manage.py load_demo
	@echo "Serving $(SITE_URL)/ (Korean: $(SITE_URL)/ko/); press Ctrl-C to stop."
	$(BIN)/python manage.py db_worker --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production: gunicorn with the settings in gunicorn.conf.py (WEB_CONCURRENCY,
# THREADS, BIND, ...). Needs SECRET_KEY, and a proxy that buffers request bodies in
# front (its start-up line says so); see docs/deploy.md.
serve: migrate
	$(BIN)/python manage.py collectstatic --noinput
	$(BIN)/gunicorn -c gunicorn.conf.py

# Load test on this machine (PostgreSQL at BENCH_DATABASE_URL, then SQLite);
# takes about ten minutes. See bench/README.md.
bench: install
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	test -x $(BIN)/py-spy -a -x $(BIN)/granian -a -x $(BIN)/uwsgi || $(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python -m bench $(BENCH_ARGS)

# The task worker alone (production runs it as its own service).
worker: install
	$(BIN)/python manage.py db_worker

test: install
	$(BIN)/python -m pytest

# Fault tests: restart a (private) PostgreSQL server, stop the mail server, kill the worker,
# all under load. They print what they observed; skipped where they cannot run (not root).
faults: install
	$(BIN)/python -m pytest -m faults tests/faults -s

# Two app servers (gunicorn) behind Debian's nginx, two mail workers, a fresh PostgreSQL
# database (on CLUSTER_POSTGRES_URL's server), a Redis database (CLUSTER_REDIS_URL, emptied)
# and an SMTP server that prints what it receives, all on 127.0.0.1 on free ports; prints the
# addresses and runs until Ctrl-C. See docs/deploy.md.
cluster: install
	$(BIN)/python -m tests.cluster.stack

# The multi-server tests, through that nginx (a few minutes); they print what they observed.
cluster-test: install
	$(BIN)/python -m pytest -m cluster tests/cluster -s

# Style (ruff) and the layers the code keeps (import-linter, contracts in .importlinter).
lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# The extractor's learned reader: fit it again on the labelled texts (after changing
# labels or the rules its features read), then score every set, the held-out one too.
model: export DEBUG := 1
model: install
	$(BIN)/python manage.py train_extraction_model
	$(BIN)/python manage.py evaluate_extraction

# Korean: collect every marked string into locale/ko/LC_MESSAGES/django.po, then compile
# django.mo (both are committed; tests/test_translations.py checks nothing is missing).
MESSAGES_IGNORE := --ignore '.venv/*' --ignore 'bench/*' --ignore 'tests/*' --ignore 'staticfiles/*' \
	--ignore 'var/*' --ignore 'test-artifacts/*'

messages: export DEBUG := 1
messages: install
	$(BIN)/python manage.py makemessages -l ko --no-obsolete --add-location file $(MESSAGES_IGNORE)
	$(BIN)/python manage.py compilemessages -l ko $(MESSAGES_IGNORE)

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache
