"""Compare a parse with a golden expectation, field by field (shared by the tests and the report)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from archive.ingest import IngestError, ParsedDocument, ParsedSection, parse

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIELDS = (
    "title", "subtitle", "authors", "publisher", "site", "issuer", "date", "kind", "language",
    "edition", "complete", "missing", "sections", "body", "debris",
)
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


@dataclass(frozen=True)
class Check:
    field: str
    ok: bool
    expected: object
    got: object


def golden_files() -> list[Path]:
    return sorted(p for p in GOLDEN.glob("*.json") if not p.name.startswith("_"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def fold(text: str, *, case: bool = False) -> str:
    folded = " ".join(unicodedata.normalize("NFKC", text or "").translate(_FOLD).split())
    return folded.casefold() if case else folded


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
    def walk(sections):
        for section in sections:
            yield section.label
            yield section.heading
            yield from section.paragraphs
            yield from walk(section.children)

    return fold(" ".join(walk(doc.sections)))


def compare(golden: dict, doc: ParsedDocument) -> list[Check]:
    body = body_text(doc)
    got = {
        "title": fold(doc.title),
        "subtitle": fold(doc.subtitle),
        "authors": [fold(a) for a in doc.authors],
        "publisher": fold(doc.publisher, case=True),
        "site": fold(doc.site, case=True),
        "issuer": fold(doc.issuer),
        "date": doc.date.iso() if doc.date else None,
        "kind": doc.kind,
        "language": doc.language,
        "edition": fold(doc.edition),
        "complete": doc.complete,
        "missing": [[fold(e.label), fold(e.heading)] for e in doc.missing],
        "sections": tree(doc.sections),
        "body": [p for p in golden.get("body_contains", []) if fold(p) not in body],
        "debris": [d for d in golden.get("debris", []) if fold(d) in body],
    }
    expected = {
        "title": fold(golden["title"]),
        "subtitle": fold(golden.get("subtitle", "")),
        "authors": [fold(a) for a in golden.get("authors", [])],
        "publisher": fold(golden.get("publisher", ""), case=True),
        "site": fold(golden.get("site", ""), case=True),
        "issuer": fold(golden.get("issuer", "")),
        "date": golden.get("date"),
        "kind": golden["kind"],
        "language": golden.get("language", "en"),
        "edition": fold(golden.get("edition", "")),
        "complete": golden.get("complete", True),
        "missing": [[fold(e["label"]), fold(e["heading"])] for e in golden.get("missing", [])],
        "sections": tree(golden["sections"]),
        "body": [],  # phrases the parse lost
        "debris": [],  # debris the parse kept
    }
    return [Check(name, got[name] == expected[name], expected[name], got[name]) for name in FIELDS]


def check_file(path: Path) -> tuple[list[Check], ParsedDocument | None]:
    """Parse the golden file's source and compare; a parse that fails fails every field."""
    golden = load(path)
    source = SHARED / golden["source"]
    try:
        doc = parse(source.read_bytes(), source.name)
    except IngestError as error:
        return [Check(name, False, "a parsed document", f"IngestError: {error}") for name in FIELDS], None
    return compare(golden, doc), doc
