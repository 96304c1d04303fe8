"""``make bench-relevance``: how well the archive's own search ranks the Cranfield 1400 collection.

Every Cranfield document goes through the real import path (``archive.services.document_import``) into a
fresh data directory; every query goes through the real search (``archive.search.documents``) as a
researcher would type it. A plain BM25 ranking from SQLite FTS5 over the same title + abstract text is
computed in the same run, so the two columns always compare like with like.

Judgements are mapped onto what the archive shows. A Cranfield document stored as a duplicate (same
bytes or text) or as a version of another work is judged through the canonical capture of its work
(the one document search can return), and a canonical inherits the best grade of its captures. The
reference's ranking is mapped the same way (repeats dropped), so both are scored on one set of keys.
Documents 471 and 995 are empty in the collection: the importer refuses them, and FTS5 cannot match them.
"""

import os
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench import metrics
from bench.cranfield import Collection, CranfieldDocument, load

ROOT = Path(__file__).resolve().parents[1]
CRANFIELD = ROOT.parent / "shared" / "corpus" / "ir" / "cranfield"
DEPTH = metrics.DEPTH
PER_PAGE = DEPTH  # the archive is asked for the top 100 on one page
# Imports per outer transaction: the index is then updated once per batch, on commit, instead of 1,400
# times (each Whoosh commit costs more as segments pile up). Each import is still its own savepoint.
IMPORT_BATCH = 100


@dataclass
class ImportReport:
    canonical: dict[int, int] = field(default_factory=dict)  # docno -> canonical archive document id
    imported: int = 0
    duplicates: list[int] = field(default_factory=list)  # docnos refused as the same bytes or text
    versions: list[tuple[int, int]] = field(default_factory=list)  # (docno, docno of its work's canonical)
    failed: dict[int, str] = field(default_factory=dict)  # docno -> the importer's reason


@dataclass
class Run:
    name: str
    rankings: dict[int, list] = field(default_factory=dict)  # query number -> keys, best first
    errors: dict[int, str] = field(default_factory=dict)  # query number -> QueryError message
    empty: list[int] = field(default_factory=list)  # numbers of the queries that found nothing
    seconds: float = 0.0


def render(document: CranfieldDocument) -> bytes:
    """The document as a small plain-text file: the title line, a blank line, the abstract."""
    return f"{document.title}\n\n{document.abstract}\n".encode()


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

    from archive.models import Document
    from archive.services import document_import

    report = ImportReport()
    stored: dict[int, int] = {}
    documents = collection.documents
    for start in range(0, len(documents), IMPORT_BATCH):
        with transaction.atomic():
            outcomes = [
                (document.docno, document_import(raw=render(document), file_name=f"cranfield-{document.docno:04d}.txt"))
                for document in documents[start : start + IMPORT_BATCH]
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
    # Read the links only now: a later, fuller capture can take over as its work's canonical.
    version_of = dict(Document.objects.values_list("pk", "version_of_id"))
    docno_of = {pk: docno for docno, pk in reversed(stored.items())}  # the first docno stored as each document
    for docno, pk in stored.items():
        report.canonical[docno] = version_of[pk] or pk
        if version_of[pk] and docno not in report.duplicates:
            report.versions.append((docno, docno_of[version_of[pk]]))
    return report


def judged(collection: Collection, report: ImportReport) -> dict[int, dict]:
    """Judgements on the archive's keys: {query: {key: gain}}, the best gain where captures merge."""
    grades: dict[int, dict] = {}
    for query, codes in collection.qrels.items():
        grades[query] = {}
        for docno, code in codes.items():
            key = report.canonical.get(docno, ("cranfield", docno))
            grades[query][key] = max(grades[query].get(key, 0), metrics.cranfield_gain(code))
    return grades


def archive_run(collection: Collection) -> Run:
    """Ask the archive's search each query, as typed, for the top 100."""
    from archive.search.documents import search_documents
    from archive.search.query import QueryError

    run, started = Run("archive"), time.perf_counter()
    for query in collection.queries:
        try:
            page = search_documents(query.text, page=1, per_page=PER_PAGE)
        except QueryError as error:
            run.errors[query.number] = str(error)
            run.rankings[query.number] = []
            continue
        run.rankings[query.number] = [hit.document.pk for hit in page.results]
        if not run.rankings[query.number]:
            run.empty.append(query.number)
    run.seconds = time.perf_counter() - started
    return run


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
        ranking = [report.canonical.get(docno, ("cranfield", docno)) for (docno,) in rows]
        run.rankings[query.number] = list(dict.fromkeys(ranking))
        if not ranking:
            run.empty.append(query.number)
    run.seconds = time.perf_counter() - started
    return run


def scores(run: Run, grades: dict[int, dict]) -> dict[str, float]:
    """Mean MAP@100, P@10, nDCG@10 and MRR over all judged queries (an error or no result scores 0)."""
    queries = sorted(grades)
    return {
        "MAP": metrics.mean([metrics.average_precision(run.rankings.get(q, []), grades[q]) for q in queries]),
        "P@10": metrics.mean([metrics.precision_at(run.rankings.get(q, []), grades[q]) for q in queries]),
        "nDCG@10": metrics.mean([metrics.ndcg_at(run.rankings.get(q, []), grades[q]) for q in queries]),
        "MRR": metrics.mean([metrics.reciprocal_rank(run.rankings.get(q, []), grades[q]) for q in queries]),
    }


def print_report(collection: Collection, report: ImportReport, runs: list[Run], grades, import_seconds: float):
    judgements = sum(len(codes) for codes in collection.qrels.values())
    print(f"Cranfield: {len(collection.documents)} documents, {len(collection.queries)} queries, {judgements} judgements")
    print(f"Import ({import_seconds:.0f} s): {report.imported} stored, {len(report.duplicates)} duplicates "
          f"{report.duplicates}, {len(report.failed)} failed")
    for docno, reason in report.failed.items():
        print(f"  failed {docno}: {reason}")
    pairs = " ".join(f"{docno}->{canonical}" for docno, canonical in report.versions)
    print(f"  {len(report.versions)} stored as versions of another work, judged through its canonical: {pairs}")
    print()
    header = f"{'system':<24}{'MAP':>8}{'P@10':>8}{'nDCG@10':>9}{'MRR':>8}{'errors':>8}{'empty':>7}{'seconds':>9}"
    print(header)
    print("-" * len(header))
    for run in runs:
        s = scores(run, grades)
        print(f"{run.name:<24}{s['MAP']:>8.4f}{s['P@10']:>8.4f}{s['nDCG@10']:>9.4f}{s['MRR']:>8.4f}"
              f"{len(run.errors):>8}{len(run.empty):>7}{run.seconds:>9.1f}")
    print()
    queries = {query.number: query for query in collection.queries}
    for run in runs:
        for number, message in run.errors.items():
            print(f"{run.name}: query {number} refused: {queries[number].text!r}: {message}")
        if run.empty:
            print(f"{run.name}: {len(run.empty)} queries found nothing: {run.empty}")
    print("MAP over the top 100; relevant = Cranfield codes 1-4 and -1; nDCG@10 graded, gain = 5 - code (-1 -> 1).")
    print("errors: queries refused as unreadable (QueryError); empty: queries that found nothing; both score 0.")


def main() -> None:
    started = time.perf_counter()
    collection = load(CRANFIELD)
    with tempfile.TemporaryDirectory(prefix="bench-relevance-") as data_dir:
        setup_django(data_dir)
        report = import_collection(collection)
        import_seconds = time.perf_counter() - started
        grades = judged(collection, report)
        runs = [archive_run(collection), reference_run(collection, report)]
        print_report(collection, report, runs, grades, import_seconds)
    print(f"Total time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
