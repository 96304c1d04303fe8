# Two commands set everything up on a fresh Debian machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Documents imported by `make run`: the seed captures when they sit beside the clone.
SAMPLES ?= $(wildcard ../shared/seeds)
HOST ?= 127.0.0.1:8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test test-postgres test-engine setup system-deps migrate import-samples ingest-report clean bench bench-relevance bench-web bench-hostile

run: setup migrate import-samples
	@# Brings an index left by an earlier version (or damaged) in step with the database.
	-$(PY) manage.py check_index
	$(PY) manage.py runserver --insecure $(HOST)

test: setup system-deps
	$(PY) -m pytest

# The same suite on a throw-away PostgreSQL server, installed when missing (.ci/with-postgres).
test-postgres: setup system-deps
	.ci/with-postgres $(PY) -m pytest

# The engine contract suite against a running Elasticsearch 7 or Solr, e.g.
# `make test-engine SEARCH_URL=elasticsearch7://localhost:9200/policy-archive-test` (README "Scaling out").
test-engine: setup
	@test -n "$(SEARCH_URL)" || { echo "Set SEARCH_URL to the engine to test (elasticsearch7://host:9200/index or solr://host:8983/solr/core)"; exit 2; }
	ENGINE_UNDER_TEST="$(SEARCH_URL)" $(PY) -m pytest tests/search/test_engine.py

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

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
	rm -rf $(VENV) var .pytest_cache
