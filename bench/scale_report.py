"""The report of `bench.scale`: one table per size, then the summary against the targets (PASS/MISS).

Apart from the driver because it only reads the results the runs left behind (``result.json`` holds the
same dictionaries), and from the phases because it never touches the archive.
"""

from __future__ import annotations

import re
import statistics

_HAN = re.compile(r"[\u4e00-\u9fff]")


def _by_script(per_query: list[dict]) -> dict[str, list[dict]]:
    """The queries' figures, English and Chinese apart (a query with any Han character counts as Chinese)."""
    groups: dict[str, list[dict]] = {"English": [], "Chinese": []}
    for row in per_query:
        groups["Chinese" if _HAN.search(row["q"]) else "English"].append(row)
    return groups

TARGETS = {  # at 100,000 sections
    "search_median_ms": 60, "search_p95_ms": 300, "document_ms": 100, "rebuild_sections_s": 500, "overhead": 1.5,
}



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
    if "http_first" in measured:
        first = measured["http_first"]
        print(f"{'':<22}(each query's median of {measured.get('passes', 1)} passes; the first pass alone: page "
              f"{first['page']['median']:.1f} / {first['page']['p95']:.1f}, API {first['api']['median']:.1f} / "
              f"{first['api']['p95']:.1f})")
    after_import = result.get("measure_after_import")
    if after_import:
        print(f"{'':<22}on the index as the import left it (before the rebuild): " + ", ".join(
            f"{label} {after_import['http'][name]['median']:.1f} / {after_import['http'][name]['p95']:.1f}"
            f" (raw {after_import['raw'][name]['median']:.1f}, ratio "
            f"{after_import['http'][name]['median'] / max(after_import['raw'][name]['median'], 1e-9):.2f}x)"
            for name, label in (("page", "page"), ("api", "API"))))
    by_script = _by_script(measured["per_query"])
    if by_script.get("Chinese"):
        print(f"{'by script (median ms)':<22}" + ", ".join(
            f"{script} ({len(rows)} queries): page {statistics.median(r['page'] for r in rows):.1f}, "
            f"API {statistics.median(r['api'] for r in rows):.1f}" for script, rows in by_script.items()))
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

