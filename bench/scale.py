"""`make bench`: import, index and search speed at 1,000 / 10,000 / 100,000 sections, measured in one run.

    .venv/bin/python -m bench.scale [--sizes 1000,10000,100000] [--profile] [--keep]

Each size runs in a fresh ARCHIVE_DATA_DIR, every phase in its own process so that peak memory is the
phase's own (``os.wait4`` reports each child's peak RSS):

1. import: every corpus file through ``archive.services.document_import`` (the real path: parse, one
   transaction, version linking), the index written in batches as ``import_documents`` writes it;
2. serve and measure the index as the import left it (below);
3. rebuild: ``manage.py rebuild_index --noinput``, then the index is checked against the database;
4. serve: ``manage.py runserver --noreload --nothreading`` with DEBUG=false on 127.0.0.1 (one process,
   one request at a time, like a single worker);
5. measure: over real HTTP, the search page and ``/api/search`` for 50+ queries, and the largest white
   paper's page; in process, the SQL queries a document page makes, and every Whoosh search the archive
   issues for each query, replayed on one raw Whoosh searcher for the engine's own time.

``--profile`` runs the import and the rebuild under cProfile (their times are then inflated) and prints
where the time goes.

The phases themselves live in ``bench.scale_phases``, the server in ``bench.server``, the tables and
the summary in ``bench.scale_report``; this module keeps the command line and the run of each size.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import REPO_ROOT, build_chinese_corpus, build_corpus, load_pool, write_corpus
from bench.scale_phases import MARK, phase_import, phase_measure, phase_rebuild_profile, phase_verify
from bench.scale_report import TARGETS, print_size, print_summary
from bench.server import start_server, stop_server

PY = sys.executable


def du_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1048576 if path.exists() else 0.0


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


def measure(env: dict, work: Path, label: str) -> tuple[dict, float, float, float]:
    """Serve the archive and run the measuring phase against it: (result, seconds, client RSS, server RSS)."""
    server, port = start_server(env, work / f"server-{label}.log")
    try:
        measured, measure_s, measure_rss = run_child(
            [PY, "-m", "bench.scale", "--phase", "measure", "--port", str(port)], env, work / f"measure-{label}.log")
    finally:
        server_rss = stop_server(server)
    return measured, measure_s, measure_rss, server_rss


def run_size(size: int, pool, profile: bool, keep: bool, defer_index: bool = False) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"policy-archive-bench-{size}-"))
    started = time.perf_counter()
    documents = build_corpus(size, pool) + build_chinese_corpus(size, pool)
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
    # Pages name the static files by their hashed names, which only collectstatic writes (as make run does).
    run_child([PY, "manage.py", "collectstatic", "--noinput"], env, work / "collectstatic.log")
    flag = (["--profile"] if profile else []) + (["--defer-index"] if defer_index else [])
    imported, import_s, import_rss = run_child(
        [PY, "-m", "bench.scale", "--phase", "import", "--corpus", str(work / "corpus"), *flag], env, work / "import.log")
    print(f"[{size}] import: {imported['seconds']:.1f} s", flush=True)
    index_after_import = du_mb(whoosh_dir)
    # Searches on the index as the import left it (what researchers meet after a bulk import) ...
    measured_after_import = None if defer_index else measure(env, work, "after-import")[0]
    _, rebuild_s, rebuild_rss = run_child([PY, "manage.py", "rebuild_index", "--noinput"], env, work / "rebuild.log")
    print(f"[{size}] rebuild: {rebuild_s:.1f} s", flush=True)
    verified, _, _ = run_child([PY, "-m", "bench.scale", "--phase", "verify"], env, work / "verify.log")
    rebuild_profile = None
    if profile:
        rebuild_profile, _, _ = run_child([PY, "-m", "bench.scale", "--phase", "rebuild-profile"], env,
                                          work / "rebuild-profile.log")
    # ... and on the rebuilt one.
    measured, measure_s, measure_rss, server_rss = measure(env, work, "after-rebuild")
    result = {
        "size": size, "work": str(work), "documents": len(documents), "import": imported,
        "import_wall_s": import_s, "import_rss_mb": import_rss, "index_mb_import": index_after_import,
        "rebuild_s": rebuild_s, "rebuild_rss_mb": rebuild_rss, "index_mb_rebuild": du_mb(whoosh_dir),
        "verify": verified, "measure": measured, "measure_rss_mb": measure_rss, "server_rss_mb": server_rss,
        "measure_after_import": measured_after_import,
        "measure_s": measure_s, "total_s": time.perf_counter() - started, "profiled": profile,
        "rebuild_profile_s": rebuild_profile and rebuild_profile["seconds"],
    }
    (work / "result.json").write_text(json.dumps(result, indent=1))
    if not keep:
        shutil.rmtree(work / "corpus", ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="total sections per corpus, comma-separated")
    parser.add_argument("--profile", action="store_true", help="run import and rebuild under cProfile")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus files")
    parser.add_argument("--defer-index", action="store_true",
                        help="import without the on-commit index updates; the rebuild then builds the index")
    parser.add_argument("--defer-index-from", type=int, default=None, metavar="SECTIONS",
                        help="defer the index updates for sizes from this many sections on (default: never)")
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
        defer = args.defer_index or (args.defer_index_from is not None and size >= args.defer_index_from)
        results.append(run_size(size, pool, args.profile, args.keep, defer))
        print_size(results[-1])
    print_summary(results, TARGETS, time.perf_counter() - started)


if __name__ == "__main__":
    main()
