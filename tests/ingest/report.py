"""`make ingest-report`: how well the parser reads the real documents in ../shared.

Prints per-field accuracy and the duplicate/version pairs for seeds and corpus/policy (golden/*.json),
section-tree precision/recall and exact trees for all three sets, and for corpus/structure a line per
document, per convention (golden/structure/_conventions.json) and per file format. Each document is
parsed once. Run as ``python -m tests.ingest.report``; ``--write-gaps`` rewrites both known-gap lists
(golden/_known_gaps.json, golden/structure/_known_gaps.json) from this run; ``--show TEXT`` lists the
missing and extra tree entries of the structure documents whose name contains TEXT.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path, PurePath

from archive.ingest import text_fingerprint
from archive.ingest.fingerprint import DatedText, WorkRelation, work_relation
from tests.ingest.golden_compare import (
    FIELDS, GOLDEN, STRUCTURE, STRUCTURE_CHECKS, Check, check_file, check_structure, golden_files, load,
    structure_files,
)
from tests.ingest.outline_compare import TreeScore, score, show

GAPS = GOLDEN / "_known_gaps.json"
STRUCTURE_GAPS = STRUCTURE / "_known_gaps.json"
PAIRS = GOLDEN / "_pairs.json"
CONVENTIONS = STRUCTURE / "_conventions.json"
TREE_HEADER = """Section trees. An entry is a node's label and heading with its parent entry (the whole path from the
root), folded (NFKC, spaces, quotes, dashes, case; a label's trailing "." or "、" dropped); nodes with
neither label nor heading are not entries, their children take their place. P = matched / parsed entries,
R = matched / expected entries (multisets); 0/0 counts as 1, so a document without headings parsed without
headings scores P = R = 1 and one parsed with spurious headings P = 0. micro = pooled over all entries,
mean = average of the per-document values; exact = the whole nested tree equal."""

Results = dict[str, tuple[list[Check], TreeScore]]


def run() -> tuple[Results, dict]:
    """Parse every seeds/policy golden document; return checks and tree score by file, parses by source."""
    results, parses = {}, {}
    for path in golden_files():
        golden = load(path)
        checks, doc = check_file(path)
        tree_score = score(golden["sections"], doc.sections if doc else ())
        results[path.name] = (checks, tree_score)
        if doc is not None:
            parses[golden["source"]] = doc
    return results, parses


def run_structure() -> Results:
    """Parse every corpus/structure document; return its checks and tree score by golden file name."""
    return {path.name: check_structure(path) for path in structure_files()}


def pair_kind(a, b) -> str:
    """How the archive will treat two parses: the same rules as archive.services applies."""
    if text_fingerprint(a) == text_fingerprint(b):
        return "duplicates"
    relation = work_relation(_dated(a), _dated(b))
    return {WorkRelation.CAPTURES: "versions", WorkRelation.DRAFTS: "drafts"}.get(relation, "distinct")


def _dated(doc) -> DatedText:
    return DatedText(doc.kind, doc.date.iso() if doc.date else "", doc)


def pct(part: float, whole: float) -> str:
    """Format a share as a percentage, or "-" when there is nothing to share."""
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def tree_stats(scores: list[TreeScore]) -> str:
    """One line of tree figures: micro P and R, mean P and R, exact trees."""
    matched = sum(s.matched for s in scores)
    parsed, expected = sum(s.parsed for s in scores), sum(s.expected for s in scores)
    micro_p = matched / parsed if parsed else 1.0
    micro_r = matched / expected if expected else 1.0
    mean_p = sum(s.precision for s in scores) / len(scores) if scores else 0.0
    mean_r = sum(s.recall for s in scores) / len(scores) if scores else 0.0
    exact = sum(s.exact for s in scores)
    return (
        f"{len(scores):>4} {expected:>7} {micro_p:>7.3f} {micro_r:>7.3f} {mean_p:>6.3f} {mean_r:>6.3f}"
        f" {f'{exact}/{len(scores)}':>7} {pct(exact, len(scores)):>6}"
    )


TREE_COLUMNS = "docs entries micro-P micro-R mean-P mean-R   exact exact%"


def field_accuracy(checks: Iterable[Check], fields: Iterable[str]) -> None:
    """Print correct/total and accuracy for each field that was checked."""
    totals, correct = Counter(), Counter()
    for check in checks:
        totals[check.field] += 1
        correct[check.field] += check.ok
    print(f"{'field':12} {'correct':>9} {'accuracy':>9}")
    for field in fields:
        if totals[field]:
            print(f"{field:12} {correct[field]:>4}/{totals[field]:<4} {pct(correct[field], totals[field]):>9}")


def print_policy(results: Results) -> None:
    """The seeds/policy field table, as before, and the debris that leaked."""
    checks = [check for found, _ in results.values() for check in found]
    print(f"Parser accuracy over {len(results)} golden documents (seeds, corpus/policy)\n")
    field_accuracy(checks, FIELDS)
    leaked = sum(len(check.got) for check in checks if check.field == "debris")
    print(f"\ndebris strings leaked into text: {leaked}")


def print_tree_sets(results: Results, structure: Results) -> None:
    """Tree figures for seeds, corpus/policy and corpus/structure, and all three together."""
    sets: dict[str, list[TreeScore]] = {"seeds": [], "corpus/policy": []}
    for name, (_, tree_score) in results.items():
        sets["seeds" if load(GOLDEN / name)["source"].startswith("seeds/") else "corpus/policy"].append(tree_score)
    sets["corpus/structure"] = [tree_score for _, tree_score in structure.values()]
    sets["all"] = [s for name in ("seeds", "corpus/policy", "corpus/structure") for s in sets[name]]
    print(f"\n{TREE_HEADER}\n\n{'set':18} {TREE_COLUMNS}")
    for name, scores in sets.items():
        print(f"{name:18} {tree_stats(scores)}")


def print_pairs(parses: dict) -> None:
    """How many labelled duplicate/version/distinct pairs the archive would treat as labelled."""
    if not PAIRS.exists():
        return
    expected = load(PAIRS)
    labelled = {tuple(sorted(pair)): kind for kind, pairs in expected.items() for pair in pairs}
    print("\npairs        expected  found")
    for kind in ("duplicates", "versions", "drafts", "distinct"):
        pairs = [p for p, k in labelled.items() if k == kind and all(x in parses for x in p)]
        hits = sum(pair_kind(parses[a], parses[b]) == kind for a, b in pairs)
        print(f"{kind:12} {len(pairs):>8}  {hits:>5}")
    extra = [
        (a, b)
        for a, b in combinations(sorted(parses), 2)
        if (a, b) not in labelled and pair_kind(parses[a], parses[b]) != "distinct"
    ]
    print(f"unexpected duplicate/version pairs: {len(extra)}")
    for a, b in extra:
        print(f"  {a} ~ {b}")


def document_name(golden_name: str) -> str:
    """The document's file name, from its golden file's name."""
    return golden_name.removesuffix(".json")


def print_structure_documents(structure: Results) -> None:
    """One line per corpus/structure document: P, R, exact, and the fields it gets wrong."""
    print(f"\nStructure corpus ({len(structure)} documents of ../shared/corpus/structure), per document\n")
    print(f"{'P':>5} {'R':>5} {'exact':>5} {'matched':>8}  {'fields wrong':32} document")
    for name, (checks, tree_score) in structure.items():
        wrong = ",".join(c.field for c in checks if not c.ok and c.field != "tree") or "-"
        print(
            f"{tree_score.precision:5.2f} {tree_score.recall:5.2f} {'yes' if tree_score.exact else 'no':>5}"
            f" {tree_score.matched:>3}/{tree_score.expected:<4}  {wrong:32} {document_name(name)}"
        )


def group_line(label: str, rows: list[tuple[list[Check], TreeScore]]) -> str:
    """Tree figures and overall field accuracy of a group of structure documents."""
    fields = [c for checks, _ in rows for c in checks if c.field != "tree"]
    right = sum(c.ok for c in fields)
    return f"{tree_stats([t for _, t in rows])} {pct(right, len(fields)):>6}  {label}"


def print_structure_groups(structure: Results) -> None:
    """Per convention (from _conventions.json) and per file format."""
    conventions = {k: v for k, v in load(CONVENTIONS).items() if not k.startswith("_")}
    header = f"{TREE_COLUMNS} fields"
    print(f"\nper convention (a document may be in several)\n{header}")
    for convention, documents in conventions.items():
        rows = [structure[f"{doc}.json"] for doc in documents if f"{doc}.json" in structure]
        print(group_line(convention, rows))
    print(f"\nper format\n{header}")
    formats: dict[str, list] = {}
    for name, row in structure.items():
        formats.setdefault(PurePath(document_name(name)).suffix, []).append(row)
    for suffix in sorted(formats):
        print(group_line(suffix, formats[suffix]))


def print_structure_totals(structure: Results) -> None:
    """Field accuracy over the structure corpus, and the tree totals."""
    print("\nstructure corpus, field accuracy")
    field_accuracy((c for checks, _ in structure.values() for c in checks), STRUCTURE_CHECKS)
    print(f"(tree = exactly right trees)\n\nstructure corpus, totals\n{TREE_COLUMNS}")
    print(tree_stats([tree_score for _, tree_score in structure.values()]))


def print_differences(structure: Results, pattern: str) -> None:
    """Every missing and extra entry of the structure documents whose name contains ``pattern``."""
    for name, (_, tree_score) in structure.items():
        if pattern in name:
            print(f"\n{document_name(name)}: {len(tree_score.missing)} missing, {len(tree_score.extra)} extra")
            for entry in tree_score.missing:
                print(f"  - {show(entry)}")
            for entry in tree_score.extra:
                print(f"  + {show(entry)}")


def failures(results: Results) -> list[str]:
    """Every failing check as ``<golden file>::<check>``, sorted."""
    return sorted(f"{name}::{c.field}" for name, (checks, _) in results.items() for c in checks if not c.ok)


def write_gaps(path: Path, results: Results) -> None:
    """Record this run's failing checks as the known gaps the golden test expects."""
    gaps = failures(results)
    path.write_text(json.dumps(gaps, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(gaps)} known gaps to {path}")


def main(argv: list[str]) -> int:
    """Parse every golden document once and print the report."""
    results, parses = run()
    structure = run_structure()
    print_policy(results)
    print_pairs(parses)
    print_tree_sets(results, structure)
    print_structure_documents(structure)
    print_structure_groups(structure)
    print_structure_totals(structure)
    if "--show" in argv[:-1]:
        print_differences(structure, argv[argv.index("--show") + 1])
    if "--write-gaps" in argv:
        print()
        write_gaps(GAPS, results)
        write_gaps(STRUCTURE_GAPS, structure)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
