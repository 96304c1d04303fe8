# Two commands set everything up on a fresh Debian machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Documents imported by `make run`: the seed captures when they sit beside the clone.
SAMPLES ?= $(wildcard ../shared/seeds)
HOST ?= 127.0.0.1:8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run dev collectstatic test test-postgres test-engine setup system-deps migrate import-samples ingest-report clean bench bench-relevance bench-web bench-hostile loadtest

# The archive as it runs in production: gunicorn (config/gunicorn.py: workers from the cores, WEB_WORKERS and
# WEB_TIMEOUT override) with static files served by whitenoise after collectstatic.
run: setup migrate import-samples collectstatic
	@# Brings an index left by an earlier version (or damaged) in step with the database.
	-$(PY) manage.py check_index
	$(VENV)/bin/gunicorn --config config/gunicorn.py --bind $(HOST) config.wsgi

# For developers: Django's runserver, reloading on every change, with DEBUG on.
dev: setup migrate import-samples
	DEBUG=true $(PY) manage.py runserver $(HOST)

collectstatic: setup
	$(PY) manage.py collectstatic --noinput --verbosity 0

test: setup system-deps
	$(PY) -m pytest

# The same suite on a throw-away PostgreSQL server, installed when missing (.ci/with-postgres).
test-postgres: setup system-deps
	.ci/with-postgres $(PY) -m pytest

# The engine contract suite against a running Elasticsearch 7 or Solr, e.g.
# `make test-engine SEARCH_URL=elasticsearch7://localhost:9200/policy-archive-test` (README "Scaling out").
test-engine: setup $(VENV)/.engines-installed
	@test -n "$(SEARCH_URL)" || { echo "Set SEARCH_URL to the engine to test (elasticsearch7://host:9200/index or solr://host:8983/solr/core)"; exit 2; }
	ENGINE_UNDER_TEST="$(SEARCH_URL)" $(PY) -m pytest tests/search/test_engine.py

VENDORED_JS := static/vendor/sortablejs/Sortable.min.js
setup: $(VENV)/.installed $(VENDORED_JS)

# Browser libraries, pinned in package-lock.json and installed by npm from it (node and npm are Debian's),
# copied under static/vendor/ (not committed) so pages load them from the archive itself, within the CSP.
# SortableJS: drag and drop in the admin's section outline (static/archive/admin/section_outline.js).
$(VENDORED_JS): package.json package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p $(dir $@)
	cp node_modules/sortablejs/Sortable.min.js node_modules/sortablejs/LICENSE $(dir $@)

# requirements-dev.txt holds the runtime lock's pins too: every file installed is pinned and hashed. The locked
# pip comes with it (no unhashed `pip install --upgrade pip`); Debian's pip 23.0.1 installs these locks as well.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

$(VENV)/.engines-installed: $(VENV)/.installed requirements-engines.txt
	$(PY) -m pip install --quiet --require-hashes -r requirements-engines.txt
	touch $@

# The lock files, from the *.in lists: `make lock` keeps the locked versions; `make lock LOCK_ARGS=--upgrade`
# (or --upgrade-package NAME) moves them to the newest the lists allow. pip-tools rather than uv: pip-compile
# resolves with pip itself, reading the pip configuration `pip install` reads (index mirrors, find-links), so it
# pins what pip would install and hashes every file of each pinned version, the mirrors' too; it is pure Python,
# pinned in requirements-dev.txt, and writes files Debian's pip 23.0.1 reads. uv is a separate resolver that
# ignores pip's configuration. Each layer is constrained by the ones before it (-c in its .in): all install together.
LOCK_ARGS ?=
PIP_COMPILE = $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
.PHONY: lock
lock: setup
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) -o requirements-dev.txt requirements-dev.in
	$(PIP_COMPILE) -o requirements-engines.txt requirements-engines.in
	$(PIP_COMPILE) -o requirements-loadtest.txt requirements-loadtest.in

# Per-field parser accuracy, section-tree precision/recall and exact trees (per document, convention and format)
# over the seeds, corpus/policy and corpus/structure, and the capture/draft pairs found.
ingest-report: setup
	$(PY) -m tests.ingest.report

# Import, rebuild and search speed at 1,000 / 10,000 / 100,000 sections of real prose (BENCH_SIZES to change).
# The prose comes from Debian's python3-doc and ../shared; README.md "Benchmarks" says what is measured.
BENCH_SIZES ?= 1000,10000,100000
bench: setup
	@if [ ! -f /usr/share/doc/python3/html/library/index.html ] && ! ls /usr/share/doc/python3.*/html/library/index.html >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-doc; \
	fi
	$(PY) -m bench.scale --sizes $(BENCH_SIZES)

# MAP, P@10, nDCG@10 and MRR of the archive's search (the search function and /api/search paged as a client
# pages it) on every test collection in ../shared/corpus/ir, each beside plain BM25, for all judged queries
# and each half (odd numbers to tune on, even held out). About 8 minutes for Cranfield and CACM.
bench-relevance: setup
	$(PY) -m bench.relevance

# Every public address x every parameter it reads x hostile values ("²", NUL, 5,000 characters, repeated...),
# timed over HTTP on an archive of the seeds, corpus/policy and two 10 MB documents: no 5xx, each under 1 s.
bench-hostile: setup
	$(PY) -m bench.hostile

# A mixed load (searches with filters and paging, document pages, search within, the API) at 8 and 32 users,
# 2 minutes each, against gunicorn as `make run` starts it; locust runs from a venv of its own.
LOADTEST_VENV := .venv-loadtest
loadtest: setup $(LOADTEST_VENV)/.installed
	$(PY) -m bench.loadtest --locust $(LOADTEST_VENV)/bin/locust

$(LOADTEST_VENV)/.installed: requirements-loadtest.txt
	$(PYTHON) -m venv $(LOADTEST_VENV)
	$(LOADTEST_VENV)/bin/pip install --quiet --require-hashes -r requirements-loadtest.txt
	touch $@

# Title, authors, date and body recall of saved web pages: the archive's parse beside plain trafilatura, on the
# corpus/structure HTML files and the SYNTHETIC pages of tests/fixtures/web (their README says how they were made).
bench-web: setup
	$(PY) -m bench.web_metadata

# Debian's chromium drives the browser tests (Playwright cannot download a browser here).
system-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	fi

migrate: setup
	$(PY) manage.py migrate --noinput

import-samples: migrate
ifneq ($(strip $(SAMPLES)),)
	-$(PY) manage.py import_documents $(SAMPLES)
endif

clean:
	rm -rf $(VENV) $(LOADTEST_VENV) var .pytest_cache node_modules static/vendor
