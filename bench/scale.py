"""`make bench`: import, index and search speed at 1,000 / 10,000 / 100,000 sections, measured in one run.

    .venv/bin/python -m bench.scale [--sizes 1000,10000,100000] [--profile] [--keep]

Each size runs in a fresh ARCHIVE_DATA_DIR, every phase in its own process so that peak memory is the
phase's own (``os.wait4`` reports each child's peak RSS):

1. import: every corpus file through ``archive.services.document_import`` (the real path: parse, one
   transaction, version linking, index update on commit);
2. rebuild: ``manage.py rebuild_index --noinput``, then the index is checked against the database;
3. serve: ``manage.py runserver --noreload --nothreading`` with DEBUG=false on 127.0.0.1 (one process,
   one request at a time, like a single worker);
4. measure: over real HTTP, the search page and ``/api/search`` for 50+ queries, and the largest white
   paper's page; in process, the SQL queries a document page makes, and every Whoosh search the archive
   issues for each query, replayed on one raw Whoosh searcher for the engine's own time.

``--profile`` runs the import and the rebuild under cProfile (their times are then inflated) and prints
where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import http.client
import io
import json
import os
import pstats
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import QUERIES, REPO_ROOT, build_corpus, load_pool, write_corpus

PY = sys.executable
MARK = "BENCH_JSON "
TARGETS = {  # at 100,000 sections
    "search_median_ms": 60, "search_p95_ms": 300, "document_ms": 100, "rebuild_sections_s": 500, "overhead": 1.5,
}


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


def du_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1048576 if path.exists() else 0.0


def whoosh_index_names(path: Path) -> list[str]:
    """The Whoosh indexes in a directory, read from their table-of-contents files ("_MAIN_3.toc")."""
    return sorted({toc.name[1:].rsplit("_", 1)[0] for toc in path.glob("_*.toc")})


def emit(result: dict) -> None:
    print(MARK + json.dumps(result), flush=True)


def run_child(cmd: list[str], env: dict, log: Path) -> tuple[dict, float, float]:
    """Run one phase; return (its JSON result, wall seconds, its peak RSS in MB)."""
    with open(log, "w") as out:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=REPO_ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text()
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[-3:])} failed ({child.returncode}); see {log}:\n{text[-3000:]}")
    lines = [line[len(MARK):] for line in text.splitlines() if line.startswith(MARK)]
    return (json.loads(lines[-1]) if lines else {}), seconds, usage.ru_maxrss / 1024


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
    """Import every file through the real path; time parse, index updates and version linking apart.

    With ``defer_index`` the search layer's signal processor is disconnected, so the import writes the
    database only and the rebuild that follows builds the whole index.
    """
    django_setup()
    from django.apps import apps

    from archive import ingest, services
    from archive.models import Document, Section
    from archive.search import indexing

    spent = {"parse": 0.0, "index": 0.0, "versions": 0.0}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
        return wrapper

    if defer_index:
        apps.get_app_config("haystack").signal_processor.teardown()
    ingest.parse = timed("parse", ingest.parse)
    indexing.sync = timed("index", indexing.sync)
    services._link_versions = timed("versions", services._link_versions)
    files = sorted(corpus.glob("*.md"))
    statuses: dict[str, int] = {}
    linked = []
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    progress, done_sections, step = [], 0, max(1, len(files) // 10)
    for number, path in enumerate(files, start=1):
        outcome = services.document_import(raw=path.read_bytes(), file_name=path.name)
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
        if outcome.version_of_id:
            linked.append(path.name)
        if outcome.document is not None:
            done_sections += outcome.document.sections.count()
        if number % step == 0 or number == len(files):
            progress.append((number, done_sections, time.perf_counter() - start))
            print(f"imported {number} files, {done_sections} sections, {progress[-1][2]:.1f} s", flush=True)
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


def _http_get(port: int, path: str) -> tuple[float, int, bytes]:
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return (time.perf_counter() - start) * 1000, response.status, body


def _recorder():
    """The archive's engine-call recorder, or a stand-in that wraps Whoosh's ``Searcher.search`` itself."""
    from archive.search import whoosh_backend

    if hasattr(whoosh_backend, "record_engine_queries"):
        return whoosh_backend.record_engine_queries, "archive.search.whoosh_backend.record_engine_queries"
    import contextlib
    from collections import namedtuple

    from whoosh.searching import Searcher

    EngineCall = namedtuple("EngineCall", "index_name query kwargs")

    @contextlib.contextmanager
    def record():
        calls, original = [], Searcher.search

        def search(self, q, **kwargs):
            calls.append(EngineCall("MAIN", q, dict(kwargs)))  # haystack's single index
            return original(self, q, **kwargs)

        Searcher.search = search
        try:
            yield calls
        finally:
            Searcher.search = original

    return record, "stand-in (patched whoosh Searcher.search; the archive hook was missing)"


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

    endpoints = {"page": "/search/?q={}", "api": "/api/search?q={}"}
    warm = QUERIES[:5]
    for query in warm:
        for pattern in endpoints.values():
            _http_get(port, pattern.format(quote(query)))
    http_ms: dict[str, list[float]] = {name: [] for name in endpoints}
    per_query: list[dict] = []
    bad_status = []
    hits = {}
    for query in QUERIES:
        row = {"q": query}
        for name, pattern in endpoints.items():
            ms, status, body = _http_get(port, pattern.format(quote(query)))
            if status != 200:
                bad_status.append((name, query, status))
            http_ms[name].append(ms)
            row[name] = ms
            if name == "api" and status == 200:
                hits[query] = json.loads(body)["count"]
        per_query.append(row)

    record, recorder_name = _recorder()
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    recorded: dict[str, dict[str, list]] = {name: {} for name in endpoints}
    facets_seen = False
    for query in QUERIES:
        for name, pattern in endpoints.items():
            with record() as calls:
                client.get(pattern.format(quote(query)))
            recorded[name][query] = list(calls)
            facets_seen = facets_seen or any("groupedby" in call.kwargs for call in calls)
    path = settings.HAYSTACK_CONNECTIONS["default"]["PATH"]
    raw_ms: dict[str, list[float]] = {name: [] for name in endpoints}
    calls_per_query = {name: [] for name in endpoints}
    # One raw searcher per Whoosh index the archive keeps ("MAIN" in haystack's layout), opened once.
    searchers = {name: whoosh_index.open_dir(path, indexname=name).searcher() for name in whoosh_index_names(Path(path))}
    search_only_ms: dict[str, list[float]] = {name: [] for name in endpoints}
    for attempt in range(2):  # the first pass warms the searchers' caches, the second is timed
        for name in endpoints:
            for row, query in zip(per_query, QUERIES):
                total = search_only = 0.0
                for call in recorded[name][query]:
                    searcher = searchers[getattr(call, "index_name", "MAIN")]
                    start = time.perf_counter()
                    results = searcher.search(call.query, **call.kwargs)
                    search_only += time.perf_counter() - start
                    len(results)  # the exact count, which the archive asks for
                    for hit in results:  # the stored fields of the hits it asked for (``limit``)
                        hit.fields()
                    total += time.perf_counter() - start
                if attempt:
                    raw_ms[name].append(total * 1000)
                    search_only_ms[name].append(search_only * 1000)
                    row[f"raw_{name}"] = total * 1000
                    calls_per_query[name].append(len(recorded[name][query]))
    for searcher in searchers.values():
        searcher.close()
    documents = Document.objects.annotate(n=Count("sections")).order_by("-n")
    largest, smallest = documents.first(), documents.order_by("n").first()
    document_ms = []
    for attempt in range(22):
        ms, status, _ = _http_get(port, f"/documents/{largest.pk}/")
        if attempt >= 2:
            document_ms.append(ms)
    sql = {}
    for label, document in (("largest", largest), ("smallest", smallest)):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/documents/{document.pk}/")
        sql[label] = {"sections": document.n, "queries": len(captured), "status": response.status_code}
    emit({
        "http": {name: summary(values) for name, values in http_ms.items()},
        "raw": {name: summary(values) for name, values in raw_ms.items()},
        "search_only": {name: summary(values) for name, values in search_only_ms.items()},
        "calls": {name: statistics.mean(values) for name, values in calls_per_query.items()},
        "per_query": per_query, "bad_status": bad_status, "recorder": recorder_name, "facets": facets_seen,
        "zero_hit_queries": [q for q, n in hits.items() if n == 0],
        "document": {"id": largest.pk, "title": largest.title, **summary(document_ms), "status": status},
        "sql": sql, "queries": len(QUERIES), "peak_rss_mb": peak_rss_mb(),
    })


# ---------------------------------------------------------------- the driver

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env: dict, log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen(
        [PY, "manage.py", "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
        env=env, cwd=REPO_ROOT, stdout=open(log, "w"), stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if _http_get(port, "/")[1] == 200:
                return server, port
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError(f"the server did not start; see {log}")


def stop_server(server: subprocess.Popen) -> float:
    server.terminate()
    _, status, usage = os.wait4(server.pid, 0)
    server.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024


def run_size(size: int, pool, profile: bool, keep: bool, defer_index: bool = False) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"policy-archive-bench-{size}-"))
    started = time.perf_counter()
    documents = build_corpus(size, pool)
    write_corpus(documents, work / "corpus")
    corpus_s = time.perf_counter() - started
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(work / "data"), "DEBUG": "false",
           "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(REPO_ROOT)}
    env.pop("WHOOSH_PATH", None)
    env.pop("DATABASE_URL", None)
    env.pop("SEARCH_URL", None)
    whoosh_dir = work / "data" / "whoosh"
    print(f"[{size}] corpus: {len(documents)} documents in {work / 'corpus'} ({corpus_s:.1f} s)", flush=True)
    run_child([PY, "manage.py", "migrate", "--noinput"], env, work / "migrate.log")
    flag = (["--profile"] if profile else []) + (["--defer-index"] if defer_index else [])
    imported, import_s, import_rss = run_child(
        [PY, "-m", "bench.scale", "--phase", "import", "--corpus", str(work / "corpus"), *flag], env, work / "import.log")
    print(f"[{size}] import: {imported['seconds']:.1f} s", flush=True)
    index_after_import = du_mb(whoosh_dir)
    _, rebuild_s, rebuild_rss = run_child([PY, "manage.py", "rebuild_index", "--noinput"], env, work / "rebuild.log")
    print(f"[{size}] rebuild: {rebuild_s:.1f} s", flush=True)
    verified, _, _ = run_child([PY, "-m", "bench.scale", "--phase", "verify"], env, work / "verify.log")
    rebuild_profile = None
    if profile:
        rebuild_profile, _, _ = run_child([PY, "-m", "bench.scale", "--phase", "rebuild-profile"], env,
                                          work / "rebuild-profile.log")
    server, port = start_server(env, work / "server.log")
    try:
        measured, measure_s, measure_rss = run_child(
            [PY, "-m", "bench.scale", "--phase", "measure", "--port", str(port)], env, work / "measure.log")
    finally:
        server_rss = stop_server(server)
    result = {
        "size": size, "work": str(work), "documents": len(documents), "import": imported,
        "import_wall_s": import_s, "import_rss_mb": import_rss, "index_mb_import": index_after_import,
        "rebuild_s": rebuild_s, "rebuild_rss_mb": rebuild_rss, "index_mb_rebuild": du_mb(whoosh_dir),
        "verify": verified, "measure": measured, "measure_rss_mb": measure_rss, "server_rss_mb": server_rss,
        "measure_s": measure_s, "total_s": time.perf_counter() - started, "profiled": profile,
        "rebuild_profile_s": rebuild_profile and rebuild_profile["seconds"],
    }
    (work / "result.json").write_text(json.dumps(result, indent=1))
    if not keep:
        shutil.rmtree(work / "corpus", ignore_errors=True)
    return result


# ---------------------------------------------------------------- the report

def _rates(result: dict) -> dict:
    imported, measured = result["import"], result["measure"]
    return {
        "import_docs_s": imported["documents"] / imported["seconds"],
        "import_sections_s": imported["sections"] / imported["seconds"],
        "rebuild_sections_s": imported["sections"] / result["rebuild_s"],
        "rebuild_docs_s": imported["documents"] / result["rebuild_s"],
        "ratio": {name: {stat: measured["http"][name][stat] / max(measured["raw"][name][stat], 1e-9)
                         for stat in ("median", "p95")} for name in ("page", "api")},
    }


def print_size(result: dict) -> None:
    imported, measured, rates = result["import"], result["measure"], _rates(result)
    spent = imported["spent"]
    other = imported["seconds"] - sum(spent.values())
    print(f"\n=== {result['size']:,} sections: {imported['documents']:,} documents, {imported['sections']:,} sections"
          f" stored (run {result['total_s']:.0f} s; work dir {result['work']}){' [PROFILED]' if result['profiled'] else ''}")
    print(f"{'phase':<15}{'time':>10}  {'throughput':<36}{'peak RSS':>10}{'index':>10}")
    print(f"{'import':<15}{imported['seconds']:>9.1f}s  "
          f"{rates['import_docs_s']:>6.2f} docs/s {rates['import_sections_s']:>8.1f} sections/s  "
          f"{result['import_rss_mb']:>8.0f}MB{result['index_mb_import']:>8.1f}MB")
    print(f"{'':<15}split: parse {spent['parse']:.1f}s, index on commit {spent['index']:.1f}s, "
          f"version linking {spent['versions']:.1f}s, database and the rest {other:.1f}s")
    if imported.get("deferred_index"):
        print(f"{'':<15}INDEX DEFERRED: on-commit index updates were off; the rebuild built the index")
    rate = []
    previous = (0, 0, 0.0)
    for files, sections, seconds in imported.get("progress", []):
        rate.append(f"{(sections - previous[1]) / max(seconds - previous[2], 1e-9):.0f}")
        previous = (files, sections, seconds)
    print(f"{'':<15}sections/s per tenth of the files: {' '.join(rate)}")
    print(f"{'':<15}statuses {imported['statuses']}; linked as versions: {len(imported['linked'])}"
          f" (in database: {imported['versions_in_db']})")
    print(f"{'rebuild_index':<15}{result['rebuild_s']:>9.1f}s  "
          f"{rates['rebuild_docs_s']:>6.2f} docs/s {rates['rebuild_sections_s']:>8.1f} sections/s  "
          f"{result['rebuild_rss_mb']:>8.0f}MB{result['index_mb_rebuild']:>8.1f}MB")
    verify = result["verify"]
    print(f"{'':<15}index holds {verify['indexed']:,} entries, database expects {verify['expected']:,}"
          f" ({'OK' if verify['indexed'] == verify['expected'] else 'MISMATCH'})")
    print(f"\n{measured['queries']} queries, facets {'on' if measured['facets'] else 'not issued'}; "
          f"raw Whoosh calls recorded with {measured['recorder']}")
    print(f"{'latency (ms)':<22}{'median':>8}{'p95':>8}   {'raw Whoosh median':>17}{'p95':>8}   "
          f"{'ratio median':>12}{'p95':>6}  {'engine calls/query':>18}")
    for name, label in (("page", "GET /search/"), ("api", "GET /api/search")):
        http, raw, ratio = measured["http"][name], measured["raw"][name], rates["ratio"][name]
        print(f"{label:<22}{http['median']:>8.1f}{http['p95']:>8.1f}   {raw['median']:>17.1f}{raw['p95']:>8.1f}   "
              f"{ratio['median']:>11.2f}x{ratio['p95']:>5.2f}x  {measured['calls'][name]:>18.1f}")
    document = measured["document"]
    print(f"{'GET /documents/ID/':<22}{document['median']:>8.1f}{document['p95']:>8.1f}   "
          f"largest white paper #{document['id']} ({measured['sql']['largest']['sections']} sections)")
    sql = measured["sql"]
    print(f"SQL queries per document page: {sql['largest']['queries']} for {sql['largest']['sections']} sections, "
          f"{sql['smallest']['queries']} for {sql['smallest']['sections']} sections")
    print(f"peak RSS: server {result['server_rss_mb']:.0f} MB, measuring client {result['measure_rss_mb']:.0f} MB")
    slowest = sorted(measured["per_query"], key=lambda row: -row["page"])[:5]
    print("slowest queries (page ms / raw ms): " + "; ".join(
        f"{row['q']} {row['page']:.0f}/{row['raw_page']:.0f}" for row in slowest))
    if measured["zero_hit_queries"]:
        print(f"queries with no hits: {', '.join(measured['zero_hit_queries'])}")
    if measured["bad_status"]:
        print(f"NON-200 RESPONSES: {measured['bad_status']}")


def print_summary(results: list[dict], targets: dict, seconds: float) -> None:
    print(f"\n=== summary (targets apply at 100,000 sections; whole run {seconds / 60:.1f} min)")
    checks = (
        ("search page median", lambda r, m: m["http"]["page"]["median"], "ms", targets["search_median_ms"], "<"),
        ("search page p95", lambda r, m: m["http"]["page"]["p95"], "ms", targets["search_p95_ms"], "<"),
        ("API median", lambda r, m: m["http"]["api"]["median"], "ms", targets["search_median_ms"], "<"),
        ("API p95", lambda r, m: m["http"]["api"]["p95"], "ms", targets["search_p95_ms"], "<"),
        ("document page median", lambda r, m: m["document"]["median"], "ms", targets["document_ms"], "<"),
        ("rebuild", lambda r, m: _rates(r)["rebuild_sections_s"], "sections/s", targets["rebuild_sections_s"], ">"),
        ("page / raw Whoosh, median", lambda r, m: _rates(r)["ratio"]["page"]["median"], "x", targets["overhead"], "<"),
        ("page / raw Whoosh, p95", lambda r, m: _rates(r)["ratio"]["page"]["p95"], "x", targets["overhead"], "<"),
        ("API / raw Whoosh, median", lambda r, m: _rates(r)["ratio"]["api"]["median"], "x", targets["overhead"], "<"),
        ("API / raw Whoosh, p95", lambda r, m: _rates(r)["ratio"]["api"]["p95"], "x", targets["overhead"], "<"),
        ("document page SQL queries", lambda r, m: m["sql"]["largest"]["queries"], "", None, "="),
        ("import peak RSS", lambda r, m: r["import_rss_mb"], "MB", None, ""),
        ("rebuild peak RSS", lambda r, m: r["rebuild_rss_mb"], "MB", None, ""),
    )
    print(f"{'target':<28}{'goal':>14}" + "".join(f"{r['size']:>16,}" for r in results))
    for name, value, unit, goal, sense in checks:
        cells = []
        for result in results:
            measured = value(result, result["measure"])
            if sense == "=":
                smallest = result["measure"]["sql"]["smallest"]["queries"]
                verdict = "PASS" if measured == smallest else "MISS"
                cells.append(f"{measured:.0f} vs {smallest} {verdict}")
            elif goal is None:
                cells.append(f"{measured:.0f}")
            else:
                verdict = "PASS" if (measured < goal if sense == "<" else measured >= goal) else "MISS"
                cells.append(f"{measured:.1f} {verdict}")
        goal_text = "same as small" if sense == "=" else (f"{sense} {goal}{unit}" if goal else f"({unit})")
        print(f"{name:<28}{goal_text:>14}" + "".join(f"{cell:>16}" for cell in cells))
    linked = [len(r["import"]["linked"]) for r in results]
    print(f"documents linked as versions (should be 0): {linked}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="total sections per corpus, comma-separated")
    parser.add_argument("--profile", action="store_true", help="run import and rebuild under cProfile")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus files")
    parser.add_argument("--defer-index", action="store_true",
                        help="import without the on-commit index updates; the rebuild then builds the index")
    parser.add_argument("--phase", choices=["import", "rebuild-profile", "verify", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase == "import":
        return phase_import(args.corpus, args.profile, args.defer_index)
    if args.phase == "rebuild-profile":
        return phase_rebuild_profile()
    if args.phase == "verify":
        return phase_verify()
    if args.phase == "measure":
        return phase_measure(args.port)

    started = time.perf_counter()
    pool = load_pool()
    print(f"prose pool: {len(pool.paragraphs)} paragraphs, {len(pool.sentences)} sentences, "
          f"{len(pool.headings)} headings ({time.perf_counter() - started:.1f} s)", flush=True)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        results.append(run_size(size, pool, args.profile, args.keep, args.defer_index))
        print_size(results[-1])
    print_summary(results, TARGETS, time.perf_counter() - started)


if __name__ == "__main__":
    main()
