"""`make ingest-report`: per-field accuracy of the parser against the golden files, and the pairs.

Run as ``python -m tests.ingest.report`` (add ``--write-gaps`` to refresh ``golden/_known_gaps.json``,
the list of checks the golden test expects to fail until the parser improves).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from itertools import combinations

from archive.ingest import similarity, text_fingerprint
from archive.ingest.fingerprint import SAME_WORK_SIMILARITY, separate_news_days
from tests.ingest.golden_compare import FIELDS, GOLDEN, check_file, golden_files, load

GAPS = GOLDEN / "_known_gaps.json"
PAIRS = GOLDEN / "_pairs.json"


def run() -> tuple[dict[str, list], dict]:
    """Parse every golden document; return its checks by file, and the parses by source path."""
    results, parses = {}, {}
    for path in golden_files():
        results[path.name], doc = check_file(path)
        if doc is not None:
            parses[load(path)["source"]] = doc
    return results, parses


def pair_kind(a, b) -> str:
    """How the archive will treat two parses: the same rules as archive.services applies."""
    if text_fingerprint(a) == text_fingerprint(b):
        return "duplicates"
    dates = (a.date.iso() if a.date else "", b.date.iso() if b.date else "")
    if separate_news_days(a.kind, dates[0], b.kind, dates[1]):
        return "distinct"
    return "versions" if similarity(a, b) >= SAME_WORK_SIMILARITY else "distinct"


def main() -> int:
    results, parses = run()
    totals, correct = Counter(), Counter()
    failures: list[str] = []
    debris_leaked = 0
    for name, checks in results.items():
        for check in checks:
            totals[check.field] += 1
            correct[check.field] += check.ok
            if not check.ok:
                failures.append(f"{name}::{check.field}")
            if check.field == "debris":
                debris_leaked += len(check.got)
    print(f"Parser accuracy over {len(results)} golden documents\n")
    print(f"{'field':12} {'correct':>9} {'accuracy':>9}")
    for field in FIELDS:
        if totals[field]:
            print(f"{field:12} {correct[field]:>4}/{totals[field]:<4} {100 * correct[field] / totals[field]:>8.1f}%")
    print(f"\ndebris strings leaked into text: {debris_leaked}")
    print_pairs(parses)
    if "--write-gaps" in sys.argv:
        GAPS.write_text(json.dumps(sorted(failures), indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {len(failures)} known gaps to {GAPS}")
    return 0


def print_pairs(parses: dict) -> None:
    if not PAIRS.exists():
        return
    expected = load(PAIRS)
    labelled = {tuple(sorted(pair)): kind for kind, pairs in expected.items() for pair in pairs}
    found = Counter()
    print("\npairs        expected  found")
    for kind in ("duplicates", "versions", "distinct"):
        pairs = [p for p, k in labelled.items() if k == kind and all(x in parses for x in p)]
        hits = sum(pair_kind(parses[a], parses[b]) == kind for a, b in pairs)
        found[kind] = hits
        print(f"{kind:12} {len(pairs):>8}  {hits:>5}")
    extra = [
        (a, b)
        for a, b in combinations(sorted(parses), 2)
        if (a, b) not in labelled and pair_kind(parses[a], parses[b]) != "distinct"
    ]
    print(f"unexpected duplicate/version pairs: {len(extra)}")
    for a, b in extra:
        print(f"  {a} ~ {b}")


if __name__ == "__main__":
    sys.exit(main())
