"""``make bench-web``: title, authors, date and body text of saved web pages, the archive beside trafilatura.

Each page is read twice: by the archive's full parse (``archive.ingest.parse``, the path every import
takes) and by plain ``trafilatura.bare_extraction(raw, with_metadata=True)`` with its default options,
the library the archive's HTML reader builds on. Both get the same bytes, so the two columns compare
like with like.

Pages and what is known about them:

* **real**: the HTML files of ``../shared/corpus/structure``, read in place; title, authors and date come
  from their golden files (``tests/ingest/golden/structure/*.json``), and the body phrases are the
  headings of the corpus's own ``<file>.outline.json``.
* **synthetic**: ``tests/fixtures/web/*.html``, pages written by hand in the shapes real news,
  think-tank and government sites use, each with a JSON of expectations written before any run
  (see that folder's README).

How a field counts as right: titles compare after folding layout (NFKC, typographic quotes and dashes,
runs of white space) and case; authors are the list of names folded the same way but keeping case, in
printed order; dates compare as ISO strings at the precision the page prints (a page printing only
"December 2022" wants ``2022-12``, so a day invented on top of it is wrong), and a page printing no
date wants none. ``also`` in an expectation lists further acceptable values. A wrong field is a figure
in the report, never a failure: the command exits 0 whatever the scores.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STRUCTURE = SHARED / "corpus" / "structure"
GOLDEN = ROOT / "tests" / "ingest" / "golden" / "structure"
FIXTURES = ROOT / "tests" / "fixtures" / "web"
FIELDS = ("title", "authors", "date")
REAL, WRITTEN = "real", "synthetic"
GROUPS = (REAL, WRITTEN)
SHORT = {REAL: "real", WRITTEN: "SYNTHETIC"}  # the per-page column
EXTRACTORS = ("archive", "trafilatura")

# Typographic quotes and dashes that different sources print for the same text.
_FOLD = str.maketrans({
    "’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-",
    "−": "-", "\u00a0": " ",
})


@dataclass(frozen=True)
class Expected:
    """What a reader of the page knows: its metadata, phrases the body must keep and debris it should not."""

    name: str
    group: str
    path: Path
    title: str
    authors: tuple[str, ...]
    date: str | None
    body: tuple[str, ...] = ()
    debris: tuple[str, ...] = ()
    also: dict[str, list] = field(default_factory=dict)


@dataclass(frozen=True)
class Reading:
    """What one extractor made of a page; ``error`` is set when it gave up on it."""

    title: str = ""
    authors: tuple[str, ...] = ()
    date: str | None = None
    text: str = ""
    error: str = ""


@dataclass(frozen=True)
class Score:
    """One extractor on one page: which fields are right, and body phrases kept / debris kept."""

    right: dict[str, bool]
    kept: int
    phrases: int
    debris_kept: int
    debris: int


def fold(text: str | None, *, case: bool = False) -> str:
    """Normalise layout only: NFKC, quotes, dashes, runs of white space; optionally case."""
    folded = " ".join(unicodedata.normalize("NFKC", text or "").translate(_FOLD).split())
    return folded.casefold() if case else folded


# How each field is compared: the title ignores case (a headline set in capitals is the same title),
# names keep it; dates compare exactly.
FOLDING: dict[str, Callable[[object], object]] = {
    "title": lambda value: fold(value, case=True),
    "authors": lambda names: [fold(name) for name in names],
    "date": lambda value: value or None,
}


def is_right(expected: Expected, name: str, got: object) -> bool:
    """Whether one field matches the expectation or one of its ``also`` values."""
    folding = FOLDING[name]
    accepted = [folding(value) for value in (getattr(expected, name), *expected.also.get(name, []))]
    return folding(got) in accepted


def found(phrases: Iterable[str], text: str) -> int:
    """How many phrases occur in the text, both folded and compared caselessly."""
    haystack = fold(text, case=True)
    return sum(fold(phrase, case=True) in haystack for phrase in phrases)


def score(expected: Expected, reading: Reading) -> Score:
    """Judge one reading against the page's expectation."""
    right = {name: not reading.error and is_right(expected, name, getattr(reading, name)) for name in FIELDS}
    return Score(right, found(expected.body, reading.text), len(expected.body),
                 found(expected.debris, reading.text), len(expected.debris))


def authors_of(value: str | None) -> tuple[str, ...]:
    """Split trafilatura's author string, which joins names with "; "."""
    return tuple(name.strip() for name in (value or "").split(";") if name.strip())


def read_with_trafilatura(raw: bytes) -> Reading:
    """Plain trafilatura, default options, metadata on: what the archive would be without its own rules."""
    document = trafilatura.bare_extraction(raw, with_metadata=True)
    if document is None:
        return Reading(error="trafilatura found no text")
    return Reading(document.title or "", authors_of(document.author), document.date or None, document.text or "")


def read_with_archive(raw: bytes, filename: str) -> Reading:
    """The archive's full parse, as an import runs it."""
    from archive.ingest import IngestError, parse

    try:
        doc = parse(raw, filename)
    except IngestError as error:
        return Reading(error=f"IngestError: {error}")
    return Reading(doc.title, tuple(doc.authors), doc.date.iso() if doc.date else None, section_text(doc.sections))


def section_text(sections: Sequence) -> str:
    """Every label, heading and paragraph of a section tree, in order, as one string."""
    parts: list[str] = []
    for section in sections:
        parts += [section.label, section.heading, *section.paragraphs, section_text(section.children)]
    return " ".join(part for part in parts if part)


def outline_headings(outline: list[dict]) -> list[str]:
    """The non-empty headings of a corpus outline, depth first."""
    headings: list[str] = []
    for node in outline:
        if node.get("heading"):
            headings.append(node["heading"])
        headings += outline_headings(node.get("children", []))
    return headings


def real_pages() -> list[Expected]:
    """The HTML files of corpus/structure with their golden metadata; none when ../shared is absent."""
    pages = []
    for golden in sorted(GOLDEN.glob("*.html.json")):
        data = json.loads(golden.read_text(encoding="utf-8"))
        path = SHARED / data["source"]
        if not path.exists():
            continue
        outline = json.loads(Path(f"{path}.outline.json").read_text(encoding="utf-8"))
        also = {name: values for name, values in data.get("also", {}).items() if name in FIELDS}
        pages.append(Expected(path.name, REAL, path, data["title"], tuple(data["authors"]), data["date"],
                              tuple(outline_headings(outline)), (), also))
    return pages


def synthetic_pages(folder: Path = FIXTURES) -> list[Expected]:
    """The hand-written pages and their expectations."""
    pages = []
    for spec in sorted(folder.glob("*.json")):
        data = json.loads(spec.read_text(encoding="utf-8"))
        pages.append(Expected(spec.stem, WRITTEN, spec.with_suffix(".html"), data["title"], tuple(data["authors"]),
                              data["date"], tuple(data.get("body", ())), tuple(data.get("debris", ())),
                              data.get("also", {})))
    return pages


def read_page(page: Expected) -> dict[str, Reading]:
    """Both extractors' readings of one page."""
    raw = page.path.read_bytes()
    return {"archive": read_with_archive(raw, page.path.name), "trafilatura": read_with_trafilatura(raw)}


def share(count: int, total: int) -> str:
    """``3/4  75%``, or a dash when there is nothing to count."""
    return f"{count}/{total} {100 * count / total:3.0f}%" if total else "-"


def summary_lines(pages: Sequence[Expected], scores: dict[str, dict[str, Score]]) -> list[str]:
    """Per-field shares right, and body recall and debris kept, per group of pages and over all."""
    lines = [f"{'measure':<14}{'pages':<36}{'archive':>14}{'trafilatura':>16}"]
    groups = [(group, [p for p in pages if p.group == group]) for group in GROUPS] + [("all", list(pages))]
    for measure in (*FIELDS, "body recall", "debris kept"):
        for group, members in groups:
            if members:
                cells = [_cell(measure, [scores[p.name][who] for p in members]) for who in EXTRACTORS]
                lines.append(f"{measure:<14}{f'{group} ({len(members)})':<36}{cells[0]:>14}{cells[1]:>16}")
    return lines


def _cell(measure: str, scored: list[Score]) -> str:
    if measure in FIELDS:
        return share(sum(s.right[measure] for s in scored), len(scored))
    if measure == "body recall":
        return share(sum(s.kept for s in scored), sum(s.phrases for s in scored))
    return share(sum(s.debris_kept for s in scored), sum(s.debris for s in scored))


def page_lines(pages: Sequence[Expected], scores: dict[str, dict[str, Score]]) -> list[str]:
    """One line per page: T/A/D right (upper case) or wrong (lower case), and phrases kept, per extractor."""
    lines = [f"{'page':<48}{'':<12}{'archive':<18}trafilatura"]
    for page in pages:
        cells = [_marks(scores[page.name][who]) for who in EXTRACTORS]
        lines.append(f"{page.name[:47]:<48}{SHORT[page.group]:<12}{cells[0]:<18}{cells[1]}")
    return [*lines, "(T A D = title, authors, date right; lower case = wrong.)"]


def _marks(s: Score) -> str:
    letters = "".join(letter if s.right[name] else letter.lower() for letter, name in zip("TAD", FIELDS))
    return f"{letters} body {s.kept}/{s.phrases}"


def loss_lines(pages: Sequence[Expected], readings: dict[str, dict[str, Reading]],
               scores: dict[str, dict[str, Score]]) -> list[str]:
    """Every field and body where trafilatura does better than the archive, with the values."""
    lines = []
    for page in pages:
        ours, theirs = scores[page.name]["archive"], scores[page.name]["trafilatura"]
        for name in FIELDS:
            if theirs.right[name] and not ours.right[name]:
                got = readings[page.name]["archive"]
                value = got.error or getattr(got, name)
                lines.append(f"  {page.name} [{page.group}] {name}: expected {getattr(page, name)!r}, "
                             f"archive {value!r}, trafilatura {getattr(readings[page.name]['trafilatura'], name)!r}")
        if theirs.kept > ours.kept:
            lines.append(f"  {page.name} [{page.group}] body: archive kept {ours.kept}/{ours.phrases}, "
                         f"trafilatura {theirs.kept}/{theirs.phrases}")
    return lines or ["  none"]


def report(pages: Sequence[Expected]) -> str:
    """Read every page with both extractors and lay out the comparison."""
    readings = {page.name: read_page(page) for page in pages}
    scores = {page.name: {who: score(page, readings[page.name][who]) for who in EXTRACTORS} for page in pages}
    counts = {group: sum(p.group == group for p in pages) for group in GROUPS}
    head = [
        (f"Web pages: archive.ingest.parse beside plain trafilatura {trafilatura.__version__} "
         "bare_extraction(with_metadata=True), default options."),
        (f"{counts[REAL]} real pages (../shared/corpus/structure, golden metadata); "
         f"{counts[WRITTEN]} SYNTHETIC pages (tests/fixtures/web, hand-written, not real sites)."),
        ("Right = title (caseless), authors (list, in order), date (ISO, at the printed precision). "
         "Body recall = expected phrases kept; debris kept = lower is better."),
        "",
    ]
    return "\n".join([*head, *summary_lines(pages, scores), "", *page_lines(pages, scores), "",
                      "Where trafilatura beats the archive:", *loss_lines(pages, readings, scores)])


def main(argv: Sequence[str] | None = None) -> int:
    """Print the comparison for every page (or those whose name contains ``--only``); always exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="read only the pages whose name contains this text")
    args = parser.parse_args(argv)
    pages = [page for page in (*real_pages(), *synthetic_pages()) if args.only in page.name]
    print(report(pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
