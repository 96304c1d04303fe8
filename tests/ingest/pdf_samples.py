"""PDFs the PDF reader's tests share: real ones from ../shared/corpus/structure and small made-up ones.

Each is read once per test session (``functools.cache``): the real PDFs take seconds apiece and several
test modules read the same one. The made-up PDFs are made with fpdf2, laid out as reports are: a title
in a large font, a running header from page 2, a page number at the foot of every page, bold headings,
justified body text; bookmarks, draft line numbers and a rotated side note where a test needs them.
"""

from __future__ import annotations

import json
from functools import cache

from fpdf import FPDF

from archive.ingest.blocks import HEADING, PARAGRAPH, Block
from archive.ingest.pdf import pdf_blocks
from tests.ingest.fixtures import SHARED

STRUCTURE = SHARED / "corpus" / "structure"

RUNNING_HEADER = "Defence Policy Review 2024 | Department of Defence"
BODY = (
    "The region faces an unprecedented combination of strategic challenges and international uncertainty, "
    "which requires a comprehensive and coordinated response from all of our partners in the region. "
)
CLOSING = "We will deepen secu-\nrity ties across the Indo-\nPacific."


@cache
def structure_pdf(name: str) -> tuple[Block, ...]:
    """Return the blocks of a structure-corpus PDF."""
    return tuple(pdf_blocks((STRUCTURE / name).read_bytes()))


@cache
def blocks_of(raw: bytes) -> tuple[Block, ...]:
    """Return the blocks of a made-up PDF."""
    return tuple(pdf_blocks(raw))


def strategy_blocks() -> tuple[Block, ...]:
    """Bookmarks in title case under one root bookmark; headings printed in capitals over up to three lines;
    a letter-spaced running footer."""
    return structure_pdf("us-national-cybersecurity-strategy-2023.pdf")


def zero_trust_blocks() -> tuple[Block, ...]:
    """Bookmarks from chapter 1 on, front matter without any; a running header in two halves, a note set
    sideways in the margin of every page, a printed contents list, a centred heading read after its text."""
    return structure_pdf("nist-sp-800-207-zero-trust-architecture.pdf")


def framework_blocks() -> tuple[Block, ...]:
    """No outline: 14-point bold chapters, 11-point bold sections over 12-point text, a glossary table;
    letter-spaced headings, and section numbers set apart from their titles by a tab."""
    return structure_pdf("nist-cswp-04162018-cybersecurity-framework-1.1.pdf")


def register_blocks() -> tuple[Block, ...]:
    """No outline, three columns: bold headings at body size, run-in captions in small capitals."""
    return structure_pdf("us-federal-register-2020-17221.pdf")


# What the tests read off blocks -------------------------------------------------------------------------


def fold(text: str) -> str:
    """Fold what separates a bookmark or outline entry from its printed heading: case, spaces, punctuation."""
    return "".join(c for c in text.casefold() if c.isalnum())


def expected_outline(name: str) -> list[tuple[str, int]]:
    """Return the reader-written outline of a structure-corpus PDF as (label and heading, depth), in order."""
    def walk(nodes, depth):
        for node in nodes:
            yield f"{node['label']} {node['heading']}".strip(), depth
            yield from walk(node.get("children", []), depth + 1)

    return list(walk(json.loads((STRUCTURE / f"{name}.outline.json").read_text(encoding="utf-8")), 1))


def headings(blocks: tuple[Block, ...], evidence: str | None = None) -> list[tuple[str, int]]:
    """Return the heading blocks as (text, level), those with ``evidence`` only when it is given."""
    return [(b.text, b.level) for b in blocks if b.kind == HEADING and evidence in (None, b.evidence)]


def paragraph_text(blocks: tuple[Block, ...]) -> str:
    """Return the lines of every paragraph block, one a line."""
    return "\n".join(line for b in blocks if b.kind == PARAGRAPH for line in b.lines)


def found_in_order(expected: list[tuple[str, int]], blocks: tuple[Block, ...]) -> list[tuple[str, int]]:
    """Return the expected headings that come out as heading blocks, in order, each with the block's level."""
    found, remaining = [], [(fold(text), level) for text, level in headings(blocks)]
    for text, _ in expected:
        index = next((i for i, (key, _) in enumerate(remaining) if key == fold(text)), None)
        if index is not None:
            found.append((text, remaining[index][1]))
            remaining = remaining[index + 1:]
    return found


# Made-up PDFs -------------------------------------------------------------------------------------------


class _Report(FPDF):
    footer_style = "- {n} -"

    def header(self) -> None:
        if self.page_no() > 1:
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, RUNNING_HEADER, align="C")
            self.ln(10)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 10, self.footer_style.format(n=self.page_no(), total="{nb}"), align="C")


@cache
def report_pdf(footer_style: str = "- {n} -", closing: str = "") -> bytes:
    """Return a three-page report: a title, three bold headings over three paragraphs each, header and footer."""
    pdf = _Report()
    pdf.footer_style = footer_style
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, "Defence Policy Review 2024")
    pdf.ln(6)
    for heading in ("Preface", "I. Strategic Environment", "II. Policy Responses"):
        pdf.set_font("Helvetica", "B", 13)
        pdf.multi_cell(0, 7, heading)
        pdf.ln(2)
        pdf.set_font("Helvetica", size=11)
        for number in range(1, 4):
            pdf.multi_cell(0, 5, f"Paragraph {number} under {heading}. " + BODY * 7, align="J")
            pdf.ln(3)
    if closing:
        pdf.multi_cell(0, 5, closing)
    return bytes(pdf.output())


def one_page_pdf(text: str, encrypt_user: str | None = None, encrypt_owner: str | None = None) -> bytes:
    """Return one page of text, encrypted when a password is given."""
    pdf = FPDF()
    if encrypt_owner:
        pdf.set_encryption(owner_password=encrypt_owner, user_password=encrypt_user or "")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


def _headed_text(pdf: FPDF, size: int, heading: str, text: str, width: float = 0) -> None:
    """Print a bold heading of ``size`` points over a justified paragraph."""
    pdf.set_font("Helvetica", "B", size)
    pdf.multi_cell(width, (size + 1) // 2, heading)
    pdf.ln(3)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5, text, align="J")


@cache
def outlined_pdf() -> bytes:
    """A strategy with bookmarks: one root holding all, a cover, an unbookmarked foreword, headings in capitals."""
    pdf = _Report()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.start_section("Regional Strategy 2030 Final", level=0)
    pdf.set_font("Helvetica", "B", 24)
    pdf.multi_cell(0, 12, "REGIONAL STRATEGY 2030")
    pdf.add_page()
    _headed_text(pdf, 13, "Foreword", "This foreword introduces the strategy. " + BODY * 3)
    pdf.add_page()
    pdf.start_section("Cover Letter", level=1)  # made broken below: no destination
    pdf.start_section("Introduction", level=1)
    _headed_text(pdf, 16, "INTRODUCTION", "Paragraph under the introduction. " + BODY * 4)
    pdf.ln(3)
    pdf.start_section("Strategic Objective 1.1: Strengthen the Foundations of Shared Regional Security", level=2)
    objective = "STRATEGIC OBJECTIVE 1.1: STRENGTHEN THE FOUNDATIONS OF SHARED REGIONAL SECURITY"
    _headed_text(pdf, 13, objective, "Paragraph under the objective. " + BODY * 4, width=150)
    pdf.add_page()
    pdf.start_section("Annex Tables", level=1)
    pdf.multi_cell(0, 5, "Text of a page whose bookmark names no printed heading. " + BODY * 2, align="J")
    raw = bytes(pdf.output())
    entry = raw.index(b"/Title (Cover Letter)")
    dest = raw.rindex(b"/Dest [", 0, entry)
    end = raw.index(b"]", dest) + 1
    return raw[:dest] + b" " * (end - dest) + raw[end:]  # same length: the cross-reference table stays right


class _Book(FPDF):
    """A manual as LaTeX and Texinfo print one: the chapter's name as running header, from its second page."""

    running = ""

    def header(self) -> None:
        if self.running:
            self.set_font("Helvetica", size=9)
            self.cell(0, 6, self.running)
            self.ln(10)


@cache
def book_pdf() -> bytes:
    """Bookmarks without the section numbers the pages print, chapters numbered on a line above their title."""
    pdf = _Book()
    pdf.set_auto_page_break(True, margin=20)
    for number, title, sections in ((1, "Scope", ("Purpose", "Audience")), (2, "Terms", ("Definitions", "Notation"))):
        pdf.running = ""
        pdf.add_page()
        pdf.start_section(title, level=0)
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 8, f"Chapter {number}", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
        for index, section in enumerate(sections, 1):
            pdf.start_section(section, level=1)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 7, f"{number}.{index} {section}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", size=11)
            text = f"Text of {number}.{index} about {section.lower()}. " + BODY * 40
            pdf.multi_cell(0, 5, text, align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.running = f"Chapter {number}: {title}"
    return bytes(pdf.output())
