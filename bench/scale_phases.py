"""The phases of `bench.scale` that run in child processes: import, rebuild under cProfile, verify, measure.

Each runs in its own process, started by the driver as ``python -m bench.scale --phase NAME``, so that its
peak memory is its own; it sets Django up itself and reports by printing one JSON line marked with ``MARK``,
which the driver's ``run_child`` reads back.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import resource
import statistics
import sys
import time
from pathlib import Path

from bench.corpus import QUERIES, REPO_ROOT
from bench.server import http_get

MARK = "BENCH_JSON "
# Timed passes over the queries, on each side of the full-stack / raw Whoosh ratio.
PASSES = 3


# ---------------------------------------------------------------- helpers

def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = share * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(values_ms: list[float]) -> dict:
    return {"median": statistics.median(values_ms) if values_ms else float("nan"), "p95": percentile(values_ms, 0.95)}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def whoosh_index_names(path: Path) -> list[str]:
    """The Whoosh indexes in a directory, read from their table-of-contents files ("_section_3.toc")."""
    return sorted({toc.name[1:].rsplit("_", 1)[0] for toc in path.glob("_*.toc")})


def emit(result: dict) -> None:
    print(MARK + json.dumps(result), flush=True)


def profile_text(profiler: cProfile.Profile, limit: int = 30) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(limit)
    stats.sort_stats("tottime").print_stats(limit)
    return out.getvalue()


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(REPO_ROOT))
    import django

    django.setup()


# ---------------------------------------------------------------- phases (run in child processes)

def phase_import(corpus: Path, profile: bool, defer_index: bool) -> None:
    """Import every file through the real path, index updates batched as ``import_documents`` batches
    them; time parse, index updates and version linking apart.

    With ``defer_index`` the imports' index updates are dropped, so the import writes the database only
    and the rebuild that follows builds the whole index.
    """
    django_setup()
    from archive import ingest, services, works
    from archive.models import Document, Section
    from archive.search.sync import writes as indexing

    class Deferred(indexing.IndexUpdates):
        def add(self, documents, removed_sections=()) -> None:
            pass

    spent = {"parse": 0.0, "index": 0.0, "versions": 0.0}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
        return wrapper

    ingest.parse = timed("parse", ingest.parse)
    indexing.sync = timed("index", indexing.sync)
    works.link_to_work = timed("versions", works.link_to_work)
    files = sorted(corpus.glob("*.md"))
    statuses: dict[str, int] = {}
    linked = []
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    progress, done_sections, step = [], 0, max(1, len(files) // 10)
    # Batched as `import_documents` batches them.
    updates = Deferred() if defer_index else indexing.IndexUpdates(batch=indexing.IMPORT_BATCH_DOCUMENTS)
    with updates:
        for number, path in enumerate(files, start=1):
            outcome = services.document_import(raw=path.read_bytes(), file_name=path.name, index_updates=updates)
            statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
            if outcome.version_of_id:
                linked.append(path.name)
            if outcome.document is not None:
                done_sections += outcome.document.sections.count()
            if number % step == 0 and number < len(files):
                progress.append((number, done_sections, time.perf_counter() - start))
                print(f"imported {number} files, {done_sections} sections, {progress[-1][2]:.1f} s", flush=True)
    progress.append((len(files), done_sections, time.perf_counter() - start))  # the last batch written
    print(f"imported {len(files)} files, {done_sections} sections, {progress[-1][2]:.1f} s", flush=True)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - start
    if profiler:
        print(profile_text(profiler))
    emit({
        "seconds": seconds, "files": len(files), "statuses": statuses, "linked": linked,
        "documents": Document.objects.count(), "sections": Section.objects.count(),
        "versions_in_db": Document.objects.filter(version_of__isnull=False).count(),
        "spent": spent, "peak_rss_mb": peak_rss_mb(), "progress": progress, "deferred_index": defer_index,
    })


def phase_rebuild_profile() -> None:
    """The rebuild under cProfile, in process (``manage.py rebuild_index`` is the timed one)."""
    django_setup()
    from django.core.management import call_command

    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    call_command("rebuild_index", interactive=False, verbosity=0)
    profiler.disable()
    print(profile_text(profiler))
    emit({"seconds": time.perf_counter() - start, "peak_rss_mb": peak_rss_mb()})


def phase_verify() -> None:
    """Count what the index holds against the database."""
    django_setup()
    from django.conf import settings
    from whoosh import index as whoosh_index

    from archive.models import Section
    from archive.selectors import public_documents

    path = settings.HAYSTACK_CONNECTIONS["default"]["PATH"]
    indexed = 0
    for name in whoosh_index_names(Path(path)):
        with whoosh_index.open_dir(path, indexname=name).searcher() as searcher:
            indexed += searcher.doc_count()
    expected = public_documents().count() + Section.objects.filter(document__in=public_documents(), captured=True).count()
    emit({"indexed": indexed, "expected": expected})


def _replay(searchers: dict, calls: list) -> tuple[float, float]:
    """Run recorded engine calls on raw Whoosh searchers: (ms with the hits' stored fields read, ms searching)."""
    total = search_only = 0.0
    for call in calls:
        searcher = searchers[call.index_name]
        start = time.perf_counter()
        results = searcher.search(call.query, **call.kwargs)
        search_only += time.perf_counter() - start
        len(results)  # the exact count, which the archive asks for
        for hit in results:  # the stored fields of the hits it asked for (``limit``)
            hit.fields()
        total += time.perf_counter() - start
    return total * 1000, search_only * 1000


def phase_measure(port: int) -> None:
    """Full-stack latency over HTTP, the raw Whoosh time of the same searches, and the document page."""
    from urllib.parse import quote

    django_setup()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from whoosh import index as whoosh_index

    from archive.models import Document
    from archive.search.whoosh.searchers import record_engine_queries

    endpoints = {"page": "/search/?q={}", "api": "/api/search?q={}"}
    for query in QUERIES[:5]:
        for pattern in endpoints.values():
            http_get(port, pattern.format(quote(query)))

    # The Whoosh calls each request makes, recorded in this process (the server meets the queries later).
    record, recorder_name = record_engine_queries, "archive.search.whoosh.searchers.record_engine_queries"
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    recorded: dict[str, list[list]] = {name: [] for name in endpoints}
    for query in QUERIES:
        for name, pattern in endpoints.items():
            with record() as calls:
                client.get(pattern.format(quote(query)))
            recorded[name].append(list(calls))
    facets_seen = any("groupedby" in call.kwargs for calls in recorded["page"] for call in calls)
    path = settings.HAYSTACK_CONNECTIONS["default"]["PATH"]
    # One raw searcher per Whoosh index the archive keeps, opened once and
    # warmed by one untimed replay of every call.
    searchers = {name: whoosh_index.open_dir(path, indexname=name).searcher() for name in whoosh_index_names(Path(path))}
    for name in endpoints:
        for calls in recorded[name]:
            _replay(searchers, calls)

    # Every query is timed PASSES times on each side, the HTTP request and right after it the raw replay
    # of its Whoosh calls, so a slow spell of this shared machine weighs on both sides of the ratio; each
    # query keeps its median. The first pass (the server meets most queries for the first time) is
    # reported too.
    timed = {side: {name: [[] for _ in QUERIES] for name in endpoints} for side in ("http", "raw", "search_only")}
    bad_status, hits = [], {}
    for _ in range(PASSES):
        for index, query in enumerate(QUERIES):
            for name, pattern in endpoints.items():
                ms, status, body = http_get(port, pattern.format(quote(query)))
                if status != 200:
                    bad_status.append((name, query, status))
                if name == "api" and status == 200:
                    hits[query] = json.loads(body)["count"]
                raw, search_only = _replay(searchers, recorded[name][index])
                for side, value in (("http", ms), ("raw", raw), ("search_only", search_only)):
                    timed[side][name][index].append(value)
    for searcher in searchers.values():
        searcher.close()
    medians = {side: {name: [statistics.median(times) for times in by_query] for name, by_query in by_name.items()}
               for side, by_name in timed.items()}
    first_ms = {name: [times[0] for times in timed["http"][name]] for name in endpoints}
    per_query = [
        {"q": query, **{name: medians["http"][name][index] for name in endpoints},
         **{f"raw_{name}": medians["raw"][name][index] for name in endpoints}}
        for index, query in enumerate(QUERIES)
    ]
    documents = Document.objects.annotate(n=Count("sections")).order_by("-n")
    largest, smallest = documents.first(), documents.order_by("n").first()
    document_ms = []
    for attempt in range(22):
        ms, status, _ = http_get(port, f"/documents/{largest.pk}/")
        if attempt >= 2:
            document_ms.append(ms)
    sql = {}
    for label, document in (("largest", largest), ("smallest", smallest)):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/documents/{document.pk}/")
        sql[label] = {"sections": document.n, "queries": len(captured), "status": response.status_code}
    emit({
        "http": {name: summary(values) for name, values in medians["http"].items()},
        "http_first": {name: summary(values) for name, values in first_ms.items()}, "passes": PASSES,
        "raw": {name: summary(values) for name, values in medians["raw"].items()},
        "search_only": {name: summary(values) for name, values in medians["search_only"].items()},
        "calls": {name: statistics.mean(len(calls) for calls in recorded[name]) for name in endpoints},
        "per_query": per_query, "bad_status": bad_status, "recorder": recorder_name, "facets": facets_seen,
        "zero_hit_queries": [q for q, n in hits.items() if n == 0],
        "document": {"id": largest.pk, "title": largest.title, **summary(document_ms), "status": status},
        "sql": sql, "queries": len(QUERIES), "peak_rss_mb": peak_rss_mb(),
    })

