"""Compare a parse with a golden expectation, field by field (shared by the tests and the report).

Two golden sets: ``golden/*.json`` (seeds and corpus/policy, many fields and an expected section tree
inside the file) and ``golden/structure/*.json`` (corpus/structure: metadata only; the expected tree is
the corpus's own ``<file>.outline.json``). One table of per-field folding serves both.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from archive.ingest import IngestError, ParsedDocument, ParsedSection
from tests.ingest.fixtures import parsed_file
from tests.ingest.outline_compare import TreeScore, fold, score, show

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLDEN = Path(__file__).resolve().parent / "golden"
STRUCTURE = GOLDEN / "structure"
FIELDS = (
    "title", "subtitle", "authors", "publisher", "site", "issuer", "date", "kind", "language",
    "edition", "complete", "missing", "sections", "body", "debris",
)
STRUCTURE_FIELDS = ("title", "authors", "issuer", "publisher", "date", "kind", "language")
STRUCTURE_CHECKS = (*STRUCTURE_FIELDS, "tree")
_DEFAULTS = {
    "subtitle": "", "authors": [], "publisher": "", "site": "", "issuer": "", "date": None,
    "language": "en", "edition": "", "complete": True, "missing": [],
}


def _same(value: object) -> object:
    return value


def _folded(value: str | None) -> str:
    return fold(value)


def _caseless(value: str | None) -> str:
    return fold(value, case=True)


# How each field is compared: titles and names of bodies ignore case (a heading printed in capitals is
# the same title); authors keep their natural case, in printed order; the rest compare exactly.
FOLDING: dict[str, Callable[[object], object]] = {
    "title": _caseless,
    "subtitle": _folded,
    "authors": lambda names: [fold(name) for name in names],
    "publisher": _caseless,
    "site": _caseless,
    "issuer": _caseless,
    "edition": _folded,
    "missing": lambda pairs: [[fold(label), fold(heading)] for label, heading in pairs],
}


@dataclass(frozen=True)
class Check:
    """One field of one document: whether the parse matches, and the folded values compared."""

    field: str
    ok: bool
    expected: object
    got: object


def golden_files(folder: Path = GOLDEN) -> list[Path]:
    """Return the golden files of ``folder``, one per document (helper files start with "_")."""
    return sorted(p for p in folder.glob("*.json") if not p.name.startswith("_"))


def structure_files() -> list[Path]:
    """Return the golden files of corpus/structure, one per document."""
    return golden_files(STRUCTURE)


def load(path: Path) -> dict:
    """Read a UTF-8 JSON file."""
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def parse_source(source: str) -> ParsedDocument | str:
    """Parse a file of ../shared once per process; a rejected file gives its one-line error instead."""
    try:
        return parsed_file(SHARED / source)
    except IngestError as error:
        return f"IngestError: {error}"


def tree(sections: tuple[ParsedSection, ...] | list[dict]) -> list:
    """Labels and headings only, folded, as nested lists."""
    out = []
    for section in sections:
        if isinstance(section, dict):
            out.append([fold(section["label"]), fold(section["heading"]), tree(section.get("children", []))])
        else:
            out.append([fold(section.label), fold(section.heading), tree(section.children)])
    return out


def body_text(doc: ParsedDocument) -> str:
    """Every label, heading and paragraph of a parse as one folded string, to look phrases up in."""

    def walk(sections):
        for section in sections:
            yield section.label
            yield section.heading
            yield from section.paragraphs
            yield from walk(section.children)

    return fold(" ".join(walk(doc.sections)))


def parsed_values(doc: ParsedDocument) -> dict[str, object]:
    """The comparable fields of a parse, before folding."""
    return {
        "title": doc.title, "subtitle": doc.subtitle, "authors": list(doc.authors), "publisher": doc.publisher,
        "site": doc.site, "issuer": doc.issuer, "date": doc.date.iso() if doc.date else None, "kind": doc.kind,
        "language": doc.language, "edition": doc.edition, "complete": doc.complete,
        "missing": [[e.label, e.heading] for e in doc.missing], "sections": tree(doc.sections),
    }


def check_field(field: str, golden: dict, got: object) -> Check:
    """Compare one field; ``golden["also"][field]`` may list further acceptable values."""
    folding = FOLDING.get(field, _same)
    wanted = golden[field] if field in ("title", "kind") else golden.get(field, _DEFAULTS.get(field))
    if field == "missing":
        wanted = [[e["label"], e["heading"]] for e in wanted]
    accepted = [folding(value) for value in (wanted, *golden.get("also", {}).get(field, []))]
    folded = folding(got)
    return Check(field, folded in accepted, accepted[0], folded)


def compare(golden: dict, doc: ParsedDocument) -> list[Check]:
    """Check every field of a seeds/policy golden file against a parse."""
    got = parsed_values(doc)
    checks = {name: check_field(name, golden, got[name]) for name in FIELDS if name in got}
    expected_tree = tree(golden["sections"])
    checks["sections"] = Check("sections", got["sections"] == expected_tree, expected_tree, got["sections"])
    body = body_text(doc)
    lost = [p for p in golden.get("body_contains", []) if fold(p) not in body]
    kept = [d for d in golden.get("debris", []) if fold(d) in body]
    checks["body"] = Check("body", not lost, [], lost)  # phrases the parse lost
    checks["debris"] = Check("debris", not kept, [], kept)  # debris the parse kept
    return [checks[name] for name in FIELDS]


def _failed(fields: tuple[str, ...], error: str) -> list[Check]:
    return [Check(name, False, "a parsed document", error) for name in fields]


def check_file(path: Path) -> tuple[list[Check], ParsedDocument | None]:
    """Parse the golden file's source and compare; a parse that fails fails every field."""
    golden = load(path)
    doc = parse_source(golden["source"])
    if isinstance(doc, str):
        return _failed(FIELDS, doc), None
    return compare(golden, doc), doc


def expected_outline(golden: dict) -> list[dict]:
    """The reader's section tree of a structure document (``<file>.outline.json`` beside it)."""
    return load(SHARED / f"{golden['source']}.outline.json")


def tree_check(tree_score: TreeScore) -> Check:
    """The whole-tree check: exactly right, with the first differences as what was got."""
    got = [f"missing {show(e)}" for e in tree_score.missing[:5]] + [f"extra {show(e)}" for e in tree_score.extra[:5]]
    return Check("tree", tree_score.exact, f"{tree_score.expected} entries, tree exactly right", got)


def check_structure(path: Path) -> tuple[list[Check], TreeScore]:
    """Compare a corpus/structure document's parse with its golden metadata and expected outline."""
    golden = load(path)
    doc = parse_source(golden["source"])
    if isinstance(doc, str):
        tree_score = replace(score(expected_outline(golden), ()), exact=False)
        return [*_failed(STRUCTURE_FIELDS, doc), tree_check(tree_score)], tree_score
    got = parsed_values(doc)
    tree_score = score(expected_outline(golden), doc.sections)
    return [*(check_field(name, golden, got[name]) for name in STRUCTURE_FIELDS), tree_check(tree_score)], tree_score
