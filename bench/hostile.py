"""`make bench-hostile`: every public address x every parameter it reads x hostile values, timed over HTTP.

    .venv/bin/python -m bench.hostile

The archive is built fresh in a temporary ARCHIVE_DATA_DIR from the seeds and corpus/policy in ../shared
(real, messy documents) and two 10 MB documents of real prose (from ``bench.corpus``'s pool): one of a
single section and one of thousands. It is served by ``manage.py runserver`` with DEBUG=false, one request at
a time, and every request of the sweep is timed from the client: the target is no 5xx and every answer in
under a second. Searching within the 10 MB documents for words found everywhere is timed beside it.

The sweep itself (``HOSTILE_VALUES``, ``addresses``, ``hostile_requests``) is shared with the test that
asserts no 5xx on a small archive (tests/test_request_params.py).
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

from bench import sample_archive
from bench.corpus import Pool, load_pool
from bench.server import http_get, start_server, stop_server

TARGET_MS = 1000
HUGE_BYTES = 10_000_000
HUGE_SECTIONS = 3000

# Unicode digits ("²" passes str.isdigit(), not int()), huge, negative, zero, non-numeric, NUL, markup, very
# long, and a repeated parameter.
HOSTILE_VALUES: list[str | list[str]] = ["²", "①", "-1", "0", "9" * 40, "x", "\x00", "a" * 5000, "<script>", ["1", "²"]]
SEARCH_PARAMETERS = ["q", "page", "sort", "from", "to", "kind", "publisher", "author", "year", "decade", "language"]


def addresses(document: int, other: int) -> dict[str, list[str]]:
    """Every public address (about ``document``, compared with ``other``) and the parameters it reads."""
    return {
        "/": [],
        "/documents/": ["page", "kind", "publisher", "year", "sort"],
        "/documents/export.csv": ["kind", "publisher", "year", "sort"],
        f"/documents/{document}/": ["q", "page"],
        f"/documents/{document}/source": [],
        f"/documents/{document}/compare/{other}/": ["exact", "view"],
        f"/documents/{document}/cite/": ["section"],
        **{f"/documents/{document}/cite.{extension}": ["section"] for extension in ("bib", "ris", "json")},
        "/search/": SEARCH_PARAMETERS,
        "/search/help/": [],
        **{f"/search/export.{extension}": SEARCH_PARAMETERS for extension in ("csv", "ris", "bib", "jsonl")},
        "/search/feed.atom": SEARCH_PARAMETERS,
        "/feed.atom": [],
        "/sitemap.xml": [],
        "/opensearch.xml": [],
        "/favicon.ico": [],
        "/api/search": SEARCH_PARAMETERS + ["per_page"],
        f"/api/documents/{document}": [],
        f"/api/documents/{document}/search": ["q", "page"],
        "/api/schema/": [],
        "/api/": ["script"],
    }


def hostile_requests(by_address: dict[str, list[str]], query: str) -> Iterator[tuple[str, dict]]:
    """(address, parameters) for each address x each parameter it reads (and one it does not) x each hostile
    value; other parameters beside a hostile one ask for ``query``."""
    for address, parameters in by_address.items():
        for name in [*parameters, "unknown"]:
            for value in HOSTILE_VALUES:
                yield address, ({name: value} if name == "q" else {"q": query, name: value})


def huge_documents(pool: Pool, folder: Path) -> list[Path]:
    """A 10 MB report of one section and a 10 MB one of ``HUGE_SECTIONS`` numbered sections, as Markdown.

    Each draws on its own half of the pool, so the importer does not take one for a capture of the other.
    """
    rng = random.Random(20261201)
    paragraphs = list(pool.paragraphs)
    rng.shuffle(paragraphs)
    halves = paragraphs[::2], paragraphs[1::2]
    prose = [list(_prose(half, rng, HUGE_BYTES)) for half in halves]
    one = folder / "one-section-report.md"
    one.write_text("# A Report of One Long Section\n\n" + "\n\n".join(prose[0]) + "\n")
    per_section = -(-len(prose[1]) // HUGE_SECTIONS)
    lines = ["# A Report of Many Sections", ""]
    for number, start in enumerate(range(0, len(prose[1]), per_section), start=1):
        lines += [f"## {number}. {rng.choice(pool.headings)}", "", "\n\n".join(prose[1][start : start + per_section]), ""]
    many = folder / "many-section-report.md"
    many.write_text("\n".join(lines))
    return [one, many]


def _prose(paragraphs: list[str], rng: random.Random, size: int) -> Iterator[str]:
    """Paragraphs drawn at random until ``size`` characters."""
    written = 0
    while written < size:
        paragraph = rng.choice(paragraphs)
        written += len(paragraph) + 2
        yield paragraph


def main() -> None:
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="policy-archive-hostile-"))
    env = sample_archive.archive_env(work / "data")
    (work / "huge").mkdir()
    # Python's documentation only: prose from ../shared would make a huge document a capture of a policy text.
    huge = huge_documents(load_pool(shared=work / "none"), work / "huge")
    sample_archive.build(env, *huge)
    print(f"archive: seeds, corpus/policy and two 10 MB documents imported in {time.perf_counter() - started:.0f} s"
          f" ({work / 'data'})", flush=True)
    ids = sample_archive.read(env, (
        "{'one': Document.objects.get(title='A Report of One Long Section').pk, "
        "'many': Document.objects.get(title='A Report of Many Sections').pk, "
        "'pair': Document.objects.filter(version_of__isnull=False).values_list('pk', 'version_of_id').first()}"
    ))
    server, port = start_server(env, work / "server.log")
    try:
        sweep = [*hostile_requests(addresses(ids["many"], ids["one"]), "module")]
        if ids["pair"]:
            sweep += hostile_requests(addresses(*ids["pair"]), "security")
        sweep += hostile_requests({f"/documents/{ids['one']}/": ["q", "page"]}, "module")
        timed = []
        for address, params in sweep:
            path = f"{address}?{urlencode(params, doseq=True)}"
            ms, status, _ = http_get(port, path)
            timed.append((ms, status, path))
        within = {}
        for label, document in (("one section", ids["one"]), ("3,000 sections", ids["many"])):
            for query in ("module", '"the module"', "module OR function OR data", "fun*"):
                for address in (f"/documents/{document}/", f"/api/documents/{document}/search"):
                    path = f"{address}?{urlencode({'q': query})}"
                    times = [http_get(port, path) for _ in range(3)]
                    within[(label, query, address.split('/')[1])] = (
                        statistics.median(ms for ms, _, _ in times), times[0][1], len(times[0][2]))
    finally:
        stop_server(server)
    report(timed, within, time.perf_counter() - started)


def report(timed: list[tuple[float, int, str]], within: dict, seconds: float) -> None:
    failures = [(status, path) for _, status, path in timed if status >= 500]
    slow = sorted(((ms, path) for ms, _, path in timed if ms >= TARGET_MS), reverse=True)
    times = sorted(ms for ms, _, _ in timed)
    print(f"\nhostile sweep: {len(timed)} requests; median {statistics.median(times):.0f} ms, "
          f"p95 {times[int(0.95 * (len(times) - 1))]:.0f} ms, slowest {times[-1]:.0f} ms")
    by_address: dict[str, list[float]] = {}
    for ms, _, path in timed:
        by_address.setdefault(path.split("?")[0], []).append(ms)
    print(f"{'address':<36}{'requests':>9}{'median ms':>11}{'max ms':>9}")
    for address, values in by_address.items():
        print(f"{address:<36}{len(values):>9}{statistics.median(values):>11.0f}{max(values):>9.0f}")
    print(f"\nsearch within the 10 MB documents (median of 3){'':<6}{'ms':>8}{'status':>8}{'MB':>7}")
    for (label, query, kind), (ms, status, size) in within.items():
        print(f"  {label:<15}{'api ' if kind == 'api' else 'page'} {query:<30}{ms:>8.0f}{status:>8}{size / 1e6:>7.1f}")
    worst_within = max(ms for ms, _, _ in within.values())
    print(f"\n5xx answers: {len(failures)} {'PASS' if not failures else 'MISS'}")
    for status, path in failures[:10]:
        print(f"  {status} {path[:120]}")
    print(f"answers of {TARGET_MS} ms or more: {len(slow)} {'PASS' if not slow else 'MISS'}")
    for ms, path in slow[:10]:
        print(f"  {ms:.0f} ms {path[:120]}")
    print(f"slowest search within a 10 MB document: {worst_within:.0f} ms {'PASS' if worst_within < TARGET_MS else 'MISS'}")
    print(f"(run {seconds:.0f} s)")


if __name__ == "__main__":
    main()
