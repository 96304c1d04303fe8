"""Real captures from ../shared/ used as fixtures, parsed once per test session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from archive.ingest import ParsedDocument, ParsedSection, parse

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "policy"


def seed_path(prefix: str) -> Path:
    """Return the seed capture whose file name starts with ``prefix`` ("000" … "003")."""
    return next(SEEDS.glob(f"{prefix}_*"))


@cache
def parsed_file(path: Path) -> ParsedDocument:
    """Return the parse of a file of ../shared; the golden checks and the modules reading the same file share it."""
    return parse(path.read_bytes(), path.name)


@cache
def parsed_seed(prefix: str) -> ParsedDocument:
    """Return the parsed seed capture ``prefix``."""
    path = seed_path(prefix)
    return parse(path.read_bytes(), path.name)


def all_sections(sections: tuple[ParsedSection, ...]) -> list[ParsedSection]:
    """Return every section of a tree, depth first."""
    return [s for section in sections for s in (section, *all_sections(section.children))]


def all_paragraphs(doc: ParsedDocument) -> list[str]:
    """Return every paragraph of a document in reading order."""
    return [p for section in all_sections(doc.sections) for p in section.paragraphs]
