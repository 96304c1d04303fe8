"""``make bench-relevance``: how well the archive's search ranks every test collection in ``../shared/corpus/ir``.

Each collection found there (``bench/ir_collections.py``) runs in its own process with a fresh data
directory: every document goes through the real import path (``archive.services.document_import``), every
query is asked as a researcher would type it, twice: through the search function for one page of 100, and
through ``/api/search`` as a client pages it (pages of the default size, following ``num_pages``), since
a client sees only what the pages give. A plain BM25 ranking from SQLite FTS5 over the same title + abstract
text is computed in the same run, so the columns always compare like with like. Figures are printed for all
judged queries and for each half of them (odd numbers to tune on, even numbers held out).

Judgements are mapped onto what the archive shows. A document stored as a duplicate (same bytes or text) or
as a version of another work is judged through the canonical capture of its work (the one document search
can return), and a canonical inherits the best gain of its captures. The reference's ranking is mapped the
same way (repeats dropped), so both are scored on one set of keys. A document the importer refuses can never
be found by the archive; the report counts the relevant pairs lost that way.
"""

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench import metrics
from bench.ir_collections import HALVES, Collection, Document, find, load

ROOT = Path(__file__).resolve().parents[1]
DEPTH = metrics.DEPTH
# Imports per outer transaction and per index update (an IndexUpdates batch, as import_documents uses): the
# index is written once per batch instead of once per document (each Whoosh commit costs more as segments pile
# up). Each import is still its own savepoint.
IMPORT_BATCH = 100
# nDCG@10 is graded where the judgements are (Cranfield); "nDCG@10 0/1" counts every relevant document alike,
# as figures quoted for binary judgements (and the issue that set the targets) do.
METRICS = ("MAP", "P@10", "nDCG@10", "nDCG@10 0/1", "MRR")


@dataclass
class ImportReport:
    canonical: dict[int, int] = field(default_factory=dict)  # docno -> canonical archive document id
    imported: int = 0
    duplicates: list[int] = field(default_factory=list)  # docnos refused as the same bytes or text
    versions: list[tuple[int, int]] = field(default_factory=list)  # (docno, docno of its work's canonical)
    failed: dict[int, str] = field(default_factory=dict)  # docno -> the importer's reason
    seconds: float = 0.0


@dataclass
class Run:
    name: str
    rankings: dict[int, list] = field(default_factory=dict)  # query number -> keys, best first
    errors: dict[int, str] = field(default_factory=dict)  # query number -> the refusal message
    empty: list[int] = field(default_factory=list)  # numbers of the queries that found nothing
    requests: int = 0  # searches asked of the archive (pages, for the API)
    stopped: set[int] = field(default_factory=set)  # queries the engine cut short at its time limit
    seconds: float = 0.0


def render(document: Document) -> bytes:
    """The document as a small plain-text file: the title line, a blank line, the abstract (if any)."""
    text = f"{document.title}\n\n{document.abstract}\n" if document.abstract else f"{document.title}\n"
    return text.encode()


def setup_django(data_dir: str) -> None:
    """Point the archive at a throw-away data directory, then start Django and migrate."""
    os.environ["ARCHIVE_DATA_DIR"] = data_dir
    for name in ("DATABASE_URL", "SEARCH_URL", "WHOOSH_PATH"):
        os.environ.pop(name, None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def import_collection(collection: Collection) -> ImportReport:
    """Import every document through the archive's writer and resolve each docno to its canonical."""
    from django.db import transaction

    from archive.search.sync.writes import IndexUpdates
    from archive.services import document_import

    report, started, stored = ImportReport(), time.perf_counter(), {}
    documents = collection.documents
    outcomes = []
    with IndexUpdates(batch=IMPORT_BATCH) as updates:
        for start in range(0, len(documents), IMPORT_BATCH):
            with transaction.atomic():
                outcomes += [
                    (d.docno, document_import(raw=render(d), file_name=_file_name(collection, d), index_updates=updates))
                    for d in documents[start : start + IMPORT_BATCH]
                ]
    for docno, outcome in outcomes:
        if outcome.status == "failed":
            report.failed[docno] = outcome.error
            continue
        if outcome.status == "duplicate":
            report.duplicates.append(docno)
        else:
            report.imported += 1
        stored[docno] = outcome.document.pk
    _resolve_canonicals(report, stored)
    report.seconds = time.perf_counter() - started
    return report


def _file_name(collection: Collection, document: Document) -> str:
    return f"{collection.name}-{document.docno:05d}.txt"


def _resolve_canonicals(report: ImportReport, stored: dict[int, int]) -> None:
    """Read the version links only after every import: a later, fuller capture can take over as canonical."""
    from archive.models import Document as ArchiveDocument

    version_of = dict(ArchiveDocument.objects.values_list("pk", "version_of_id"))
    docno_of = {pk: docno for docno, pk in reversed(stored.items())}  # the first docno stored as each document
    for docno, pk in stored.items():
        report.canonical[docno] = version_of[pk] or pk
        if version_of[pk] and docno not in report.duplicates:
            report.versions.append((docno, docno_of[version_of[pk]]))


def key_of(report: ImportReport, docno: int):
    """The key a document is scored under: its canonical archive id, or a key no search returns."""
    return report.canonical.get(docno, ("not stored", docno))


def judged(collection: Collection, report: ImportReport) -> dict[int, dict]:
    """Judgements on the archive's keys: {query: {key: gain}}, the best gain where captures merge."""
    grades: dict[int, dict] = {}
    for query, gains in collection.grades.items():
        grades[query] = {}
        for docno, gain in gains.items():
            key = key_of(report, docno)
            grades[query][key] = max(grades[query].get(key, 0), gain)
    return grades


def function_run(collection: Collection) -> Run:
    """Ask ``search_documents`` each query, as typed, for the top 100 on one page."""
    from archive.search.results import search_documents
    from archive.search.query import QueryError

    run, started = Run(f"archive: search(), 1 page of {DEPTH}"), time.perf_counter()
    for query in collection.queries:
        run.requests += 1
        try:
            page = search_documents(query.text, page=1, per_page=DEPTH)
        except QueryError as error:
            run.errors[query.number] = str(error)
            _record(run, query.number, [])
            continue
        if page.stopped_early:
            run.stopped.add(query.number)
        ranking = [hit.document.pk for hit in page.results]
        _record(run, query.number, ranking)
    run.seconds = time.perf_counter() - started
    return run


@dataclass
class ClientView:
    ranking: list[int] = field(default_factory=list)  # document ids in the order the pages gave them
    error: str = ""  # the API's message when it refused the query
    requests: int = 0
    stopped_early: bool = False  # some page was cut short by the engine's time limit


def api_run(collection: Collection) -> Run:
    """Ask ``/api/search`` each query as a client pages: default page size, ``page=`` up to ``num_pages``."""
    from django.test import Client

    client, started = Client(), time.perf_counter()
    run = Run("archive: /api/search, paged")
    for query in collection.queries:
        view = api_ranking(client, query.text)
        run.requests += view.requests
        if view.error:
            run.errors[query.number] = view.error
        if view.stopped_early:
            run.stopped.add(query.number)
        _record(run, query.number, view.ranking)
    run.seconds = time.perf_counter() - started
    return run


def api_ranking(client, text: str) -> ClientView:
    """What a client collects for ``text``, page after page, until 100 documents or the last page."""
    view, page = ClientView(), 1
    while len(view.ranking) < DEPTH:
        response = client.get("/api/search", {"q": text, "page": page})
        view.requests += 1
        body = response.json()
        if response.status_code != 200:
            view.error = body.get("error", f"HTTP {response.status_code}")
            break
        view.ranking += [hit["document"]["id"] for hit in body["results"]]
        view.stopped_early |= bool(body.get("stopped_early"))
        if body["next"] is None:  # the last page
            break
        page += 1
    view.ranking = view.ranking[:DEPTH]
    return view


def reference_run(collection: Collection, report: ImportReport) -> Run:
    """Plain BM25 (SQLite FTS5, default k1 = 1.2, b = 0.75) over the same title + abstract, words OR-ed."""
    run, started = Run("BM25 reference (FTS5)"), time.perf_counter()
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, abstract, tokenize='porter unicode61')")
    db.executemany(
        "INSERT INTO docs(rowid, title, abstract) VALUES (?, ?, ?)",
        [(d.docno, d.title, d.abstract) for d in collection.documents],
    )
    for query in collection.queries:
        words = [token for token in query.text.split() if any(ch.isalnum() for ch in token)]
        # Each word quoted: FTS5 reads a quoted string as a plain phrase, never as syntax.
        match = " OR ".join('"' + word.replace('"', '""') + '"' for word in words)
        rows = db.execute(
            "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", (match, DEPTH)
        ).fetchall() if match else []
        _record(run, query.number, [key_of(report, docno) for (docno,) in rows])
    run.seconds = time.perf_counter() - started
    return run


def _record(run: Run, number: int, ranking: list) -> None:
    run.rankings[number] = list(dict.fromkeys(ranking))
    if not ranking:
        run.empty.append(number)


def scores(run: Run, grades: dict[int, dict], queries: list[int]) -> dict[str, float]:
    """Mean MAP@100, P@10, nDCG@10 (graded and 0/1) and MRR over ``queries`` (an error or no result scores 0)."""
    rankings = [(run.rankings.get(q, []), grades[q]) for q in queries]
    return {
        "MAP": metrics.mean([metrics.average_precision(r, g) for r, g in rankings]),
        "P@10": metrics.mean([metrics.precision_at(r, g) for r, g in rankings]),
        "nDCG@10": metrics.mean([metrics.ndcg_at(r, g) for r, g in rankings]),
        "nDCG@10 0/1": metrics.mean([metrics.ndcg_at(r, {k: 1 for k, v in g.items() if v > 0}) for r, g in rankings]),
        "MRR": metrics.mean([metrics.reciprocal_rank(r, g) for r, g in rankings]),
    }


def figures(collection: Collection, runs: list[Run], grades: dict[int, dict]) -> dict[str, dict[str, dict]]:
    """{system: {half: {metric: value}}} for every run and half."""
    return {run.name: {half: scores(run, grades, collection.half(half)) for half in HALVES} for run in runs}


def print_collection(collection: Collection, report: ImportReport) -> None:
    """What was read and what the importer made of it."""
    tuning, held_out = collection.half("tuning"), collection.half("held-out")
    relevant = [(q, docno) for q, gains in collection.grades.items() for docno in gains]
    print(f"== {collection.name} ({collection.format}): {len(collection.documents)} documents, "
          f"{len(collection.queries)} queries, {len(collection.grades)} judged ({len(tuning)} tuning = odd numbers, "
          f"{len(held_out)} held out = even), {len(relevant)} relevant pairs")
    print(f"Import ({report.seconds:.0f} s): {report.imported} stored, {len(report.duplicates)} duplicates "
          f"{_sample(report.duplicates)}, {len(report.failed)} failed")
    for reason, count in Counter(report.failed.values()).most_common():
        print(f"  failed x{count}: {reason}: {_sample([d for d, r in report.failed.items() if r == reason])}")
    lost = [pair for pair in relevant if pair[1] not in report.canonical]
    print(f"  {len(lost)} of {len(relevant)} relevant pairs point at a document not stored (search cannot find it)")
    pairs = [f"{docno}->{canonical}" for docno, canonical in report.versions]
    print(f"  {len(report.versions)} stored as versions of another work, judged through its canonical: "
          f"{_sample(pairs)}")


def print_figures(collection: Collection, runs: list[Run], table: dict) -> None:
    """One line per system and half, then each system's refusals and silences."""
    header = f"{'system':<34}{'half':<10}" + "".join(f"{m:>{_width(m)}}" for m in METRICS)
    print("\n" + header + "\n" + "-" * len(header))
    for run in runs:
        for half in HALVES:
            s = table[run.name][half]
            label = run.name if half == "all" else ""
            print(f"{label:<34}{half:<10}" + "".join(f"{s[m]:>{_width(m)}.4f}" for m in METRICS))
    print()
    texts = {query.number: query.text for query in collection.queries}
    for run in runs:
        asked = f" ({run.requests} requests)" if run.requests else ""
        print(f"{run.name}: {len(run.rankings)} queries{asked} in {run.seconds:.1f} s, {len(run.errors)} refused, "
              f"{len(run.empty)} found nothing {_sample(run.empty)}, {len(run.stopped)} cut short by the engine's "
              f"time limit {_sample(sorted(run.stopped))}")
        for number, message in run.errors.items():
            print(f"  query {number} refused: {texts[number][:80]!r}: {message}")
    one_page, paged = runs[0], runs[1]
    differ = sorted(number for number in one_page.rankings if one_page.rankings[number] != paged.rankings.get(number))
    print(f"{paged.name} gives the same ranked list as {one_page.name} for "
          f"{len(one_page.rankings) - len(differ)} of {len(one_page.rankings)} queries {_sample(differ)}")
    print(f"MAP over the top {DEPTH}; {collection.judgements}.")
    print("Queries refused or finding nothing score 0. Halves: tuning = odd query numbers, held-out = even.")


def _width(metric: str) -> int:
    return max(8, len(metric) + 2)


def _sample(items: list, limit: int = 12) -> str:
    shown = " ".join(str(item) for item in items[:limit])
    return f"[{shown}{' ...' if len(items) > limit else ''}]"


def bench_one(directory: Path, summary: Path | None) -> None:
    """Import one collection into a fresh data directory, run every system, print and save the figures."""
    started = time.perf_counter()
    collection = load(directory)
    with tempfile.TemporaryDirectory(prefix=f"bench-relevance-{collection.name}-") as data_dir:
        setup_django(data_dir)
        report = import_collection(collection)
        grades = judged(collection, report)
        runs = [function_run(collection), api_run(collection), reference_run(collection, report)]
    table = figures(collection, runs, grades)
    print_collection(collection, report)
    print_figures(collection, runs, table)
    seconds = time.perf_counter() - started
    print(f"{collection.name}: {seconds:.0f} s\n", flush=True)
    if summary is not None:
        summary.write_text(json.dumps({"collection": collection.name, "figures": table, "seconds": seconds}))


def print_summary(results: list[dict]) -> None:
    """Every collection's figures as one Markdown table (the METRICS per half)."""
    print("| collection | system | " + " | ".join(HALVES) + " |")
    print("|---|---|" + "---|" * len(HALVES))
    for result in results:
        for system, halves in result["figures"].items():
            cells = [" / ".join(f"{halves[half][m]:.4f}" for m in METRICS) for half in HALVES]
            print(f"| {result['collection']} | {system} | " + " | ".join(cells) + " |")
    print("Cells: " + " / ".join(METRICS) + " (MAP over the top 100).")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collection", type=Path, help="bench this one folder only, in this process")
    parser.add_argument("--summary", type=Path, help="with --collection: also write the figures here as JSON")
    args = parser.parse_args(argv)
    if args.collection:
        bench_one(args.collection, args.summary)
        return
    started, results = time.perf_counter(), []
    directories = find()
    if not directories:
        sys.exit("No test collection found under ../shared/corpus/ir")
    with tempfile.TemporaryDirectory(prefix="bench-relevance-summary-") as scratch:
        for directory in directories:
            # A process per collection: Django reads its data directory once, at start-up.
            summary = Path(scratch) / f"{directory.name}.json"
            command = [sys.executable, "-m", "bench.relevance", "--collection", str(directory)]
            subprocess.run([*command, "--summary", str(summary)], cwd=ROOT, check=True)
            results.append(json.loads(summary.read_text()))
    print_summary(results)
    print(f"Total time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
