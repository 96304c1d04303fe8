"""`make loadtest`: a bounded mixed load on loopback against the server `make run` starts, at 8 and 32 users.

    .venv/bin/python -m bench.loadtest [--users 8,32] [--run-time 2m]

An archive of the seeds and corpus/policy (../shared) is built in a temporary data directory, its static files
collected, and served by gunicorn with config/gunicorn.py, exactly as `make run` serves it. locust (headless,
bench/locustfile.py) then runs each number of users for the run time: searches with filters, sorting and
paging, document pages, search within a document, the document list and the JSON API, every user sending
its next request as soon as the last is answered, after 20 s of the same load that is not counted (each
worker's first requests import and open what it serves). Printed per run: requests, throughput, errors and the
p50/p95/p99 latency over all requests, then per kind of request. locust runs on the same 2 cores as the
server, so the figures are what the server does while sharing the machine with its clients.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import sample_archive
from bench.corpus import REPO_ROOT
from bench.server import start_gunicorn, stop_server

TARGET_P95_MS = 300  # at 8 users


def run_locust(locust: str, port: int, users: int, run_time: str, documents: list[int], out: Path) -> list[dict]:
    """One headless locust run; the rows of its statistics (one per kind of request, then "Aggregated")."""
    out.mkdir(exist_ok=True)
    prefix = out / f"users-{users}"
    env = {**sample_archive.archive_env(out), "LOADTEST_DOCUMENTS": ",".join(map(str, documents))}
    command = [locust, "-f", "bench/locustfile.py", "--headless", "--users", str(users), "--spawn-rate", str(users),
               "--run-time", run_time, "--host", f"http://127.0.0.1:{port}", "--csv", str(prefix), "--only-summary",
               "--stop-timeout", "10"]
    with open(f"{prefix}.log", "w") as log:
        subprocess.run(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, check=False)
    with open(f"{prefix}_stats.csv", newline="") as stats:
        return list(csv.DictReader(stats))


def report(users: int, rows: list[dict]) -> dict:
    total = next(row for row in rows if row["Name"] == "Aggregated")
    figures = {"users": users, "requests": int(total["Request Count"]), "errors": int(total["Failure Count"]),
               "rps": float(total["Requests/s"]), "p50": float(total["50%"]), "p95": float(total["95%"]),
               "p99": float(total["99%"])}
    print(f"\n{users} users: {figures['requests']} requests, {figures['rps']:.1f} requests/s, "
          f"{figures['errors']} errors; p50 {figures['p50']:.0f} ms, p95 {figures['p95']:.0f} ms, p99 {figures['p99']:.0f} ms")
    print(f"  {'request':<34}{'count':>7}{'errors':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}")
    for row in rows:
        if row["Name"] != "Aggregated":
            print(f"  {row['Name']:<34}{row['Request Count']:>7}{row['Failure Count']:>8}"
                  f"{float(row['50%']):>8.0f}{float(row['95%']):>8.0f}{float(row['99%']):>8.0f}")
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", default="8,32", help="numbers of users, one run each, comma-separated")
    parser.add_argument("--run-time", default="2m", help="each run's length, in locust's notation (2m, 90s)")
    parser.add_argument("--locust", default=str(Path(sys.executable).with_name("locust")), help="the locust to run")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="policy-archive-load-"))
    env = sample_archive.archive_env(work / "data")
    sample_archive.build(env)
    documents = sample_archive.read(env, "list(Document.objects.filter(status='published', version_of__isnull=True)"
                                         ".values_list('pk', flat=True))")
    print(f"archive: {len(documents)} public documents (seeds and corpus/policy), built in "
          f"{time.perf_counter() - started:.0f} s ({work})", flush=True)
    server, port = start_gunicorn(env, work / "server.log")
    try:
        # Every worker meets its first requests (imports, templates, the index opened) before the runs count.
        run_locust(args.locust, port, 8, "20s", documents, work / "warm-up")
        results = [report(users, run_locust(args.locust, port, users, args.run_time, documents, work))
                   for users in map(int, args.users.split(","))]
    finally:
        stop_server(server)
    print()
    for figures in results:
        verdict = "PASS" if figures["errors"] == 0 else "MISS"
        if figures["users"] == 8:
            verdict = "PASS" if figures["errors"] == 0 and figures["p95"] <= TARGET_P95_MS else "MISS"
        print(f"{figures['users']} users: {figures['errors']} errors, p95 {figures['p95']:.0f} ms {verdict}"
              f"{f' (target: 0 errors, p95 <= {TARGET_P95_MS} ms)' if figures['users'] == 8 else ' (target: 0 errors)'}")
    print(f"(run {time.perf_counter() - started:.0f} s; locust logs and CSV in {work})")


if __name__ == "__main__":
    main()
