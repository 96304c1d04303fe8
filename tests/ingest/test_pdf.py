"""archive/ingest/pdf.py and the PDF path of ``parse``: text layer, page furniture, hyphens, clear refusals,
and the block stream ``pdf_blocks`` reads: headings from the outline or the fonts, paragraphs, contents lines.

Real PDFs come from ../shared/corpus/structure, each read once per module. Small PDFs are made on the fly
with fpdf2, laid out as reports are: a title in a large font, a running header from page 2, a page number
at the foot of every page, bold headings, justified body text; bookmarks, draft line numbers and a
rotated side note where a test needs them.
"""

import itertools
import json
import re

import pytest
from fpdf import FPDF

from archive.ingest import IngestError, parse
from archive.ingest.blocks import HEADING, PARAGRAPH, Block
from archive.ingest.pdf import NO_TEXT, join_hyphenated, pdf_blocks, pdf_to_text
from tests.ingest.fixtures import SHARED, all_paragraphs

STRUCTURE = SHARED / "corpus" / "structure"

RUNNING_HEADER = "Defence Policy Review 2024 | Department of Defence"
BODY = (
    "The region faces an unprecedented combination of strategic challenges and international uncertainty, "
    "which requires a comprehensive and coordinated response from all of our partners in the region. "
)


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


def report_pdf(footer_style: str = "- {n} -", closing: str = "") -> bytes:
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
    pdf = FPDF()
    if encrypt_owner:
        pdf.set_encryption(owner_password=encrypt_owner, user_password=encrypt_user or "")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


class TestReport:
    """A three-page report with a running header and "- n -" page numbers."""

    doc = parse(report_pdf(closing="We will deepen secu-\nrity ties across the Indo-\nPacific."), "review.pdf")

    def test_title_is_the_large_first_line(self):
        assert self.doc.title == "Defence Policy Review 2024"

    def test_headings_are_recovered_from_the_text(self):
        assert [(s.label, s.heading) for s in self.doc.sections] == [
            ("", "Preface"),
            ("I", "Strategic Environment"),
            ("II", "Policy Responses"),
        ]

    def test_every_paragraph_is_whole_even_across_a_page_break(self):
        for section in self.doc.sections:
            starts = [p.split(".")[0] for p in section.paragraphs if p.startswith("Paragraph")]
            assert len(starts) == 3
            assert all(p.startswith("Paragraph") for p in section.paragraphs[:3])
            assert all(p.endswith("in the region.") for p in section.paragraphs[:3])

    def test_running_header_and_page_numbers_are_gone(self):
        text = "\n".join(all_paragraphs(self.doc))
        assert "Department of Defence" not in text
        assert "- 2 -" not in text and "- 3 -" not in text

    def test_hyphenated_line_breaks_are_rejoined(self):
        closing = self.doc.sections[-1].paragraphs[-1]
        assert closing == "We will deepen security ties across the Indo-Pacific."

    def test_the_encoding_says_binary(self):
        assert self.doc.encoding == "binary"


def test_page_x_of_y_footers_are_removed():
    doc = parse(report_pdf(footer_style="Page {n} of {total}"), "review.pdf")
    assert not any("Page " in p and " of " in p and len(p) < 20 for p in all_paragraphs(doc))
    assert [s.heading for s in doc.sections] == ["Preface", "Strategic Environment", "Policy Responses"]


def test_a_pdf_without_a_text_layer_is_refused_as_needing_ocr():
    blank = FPDF()
    blank.add_page()
    with pytest.raises(IngestError, match=r"^the PDF has no text layer \(a scanned image\?\); run OCR first$"):
        parse(bytes(blank.output()), "scan.pdf")
    assert NO_TEXT == "the PDF has no text layer (a scanned image?); run OCR first"


def test_a_password_protected_pdf_is_refused_in_one_line():
    raw = one_page_pdf("A title\n\nSecret text.", encrypt_user="secret", encrypt_owner="owner")
    with pytest.raises(IngestError, match="^the PDF is protected by a password"):
        parse(raw, "locked.pdf")


def test_a_pdf_encrypted_only_against_editing_is_read():
    raw = one_page_pdf("A title\n\nText anyone may read.", encrypt_owner="owner")
    doc = parse(raw, "restricted.pdf")
    assert (doc.title, doc.sections[0].paragraphs) == ("A title", ("Text anyone may read.",))


@pytest.mark.parametrize(
    "raw", [b"%PDF-1.7\n" + b"\x00garbage" * 50, report_pdf()[:400], b"%PDF-1.4\n1 0 obj << /Type /Catalog"]
)
def test_a_damaged_pdf_is_refused_in_one_line(raw):
    with pytest.raises(IngestError, match="^the PDF is damaged and could not be read$"):
        parse(raw, "broken.pdf")


def test_a_file_named_pdf_that_is_not_one_is_refused():
    with pytest.raises(IngestError, match="not a PDF"):
        parse(b"A title\n\nJust text.", "paper.pdf")


def test_pdf_bytes_are_read_as_pdf_whatever_the_name():
    doc = parse(one_page_pdf("A title\n\nSome body text."), "download")
    assert doc.encoding == "binary"


def test_text_is_extracted_page_by_page_in_reading_order():
    text = pdf_to_text(report_pdf())
    assert text.index("Preface") < text.index("I. Strategic Environment") < text.index("II. Policy Responses")


@pytest.mark.parametrize(
    ("lines", "vocabulary", "expected"),
    [
        (["secu-", "rity ties"], set(), ["security", "ties"]),
        (["the Asia-", "Pacific region"], set(), ["the Asia-Pacific", "region"]),
        (["multi-", "layered defence"], {"multi-layered"}, ["multi-layered", "defence"]),
        (["a pause -", "then more"], set(), ["a pause -", "then more"]),
        (["ends here.", "Next line"], set(), ["ends here.", "Next line"]),
    ],
)
def test_join_hyphenated(lines, vocabulary, expected):
    assert join_hyphenated(lines, vocabulary) == expected


# pdf_blocks on real PDFs --------------------------------------------------------------------------------


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


def headings(blocks: list[Block], evidence: str | None = None) -> list[tuple[str, int]]:
    return [(b.text, b.level) for b in blocks if b.kind == HEADING and evidence in (None, b.evidence)]


def paragraph_text(blocks: list[Block]) -> str:
    return "\n".join(line for b in blocks if b.kind == PARAGRAPH for line in b.lines)


def found_in_order(expected: list[tuple[str, int]], blocks: list[Block]) -> list[tuple[str, int]]:
    """Return the expected headings that come out as heading blocks, in order, each with the block's level."""
    found, remaining = [], [(fold(text), level) for text, level in headings(blocks)]
    for text, _ in expected:
        index = next((i for i, (key, _) in enumerate(remaining) if key == fold(text)), None)
        if index is not None:
            found.append((text, remaining[index][1]))
            remaining = remaining[index + 1:]
    return found


@pytest.fixture(scope="module")
def strategy() -> list[Block]:
    """Bookmarks in title case under one root bookmark; headings printed in capitals, over up to three lines."""
    return pdf_blocks((STRUCTURE / "us-national-cybersecurity-strategy-2023.pdf").read_bytes())


@pytest.fixture(scope="module")
def zero_trust() -> list[Block]:
    """Bookmarks from chapter 1 on, front matter without any; a rotated side note on every page."""
    return pdf_blocks((STRUCTURE / "nist-sp-800-207-zero-trust-architecture.pdf").read_bytes())


@pytest.fixture(scope="module")
def framework() -> list[Block]:
    """No outline: 14-point bold chapters, 11-point bold sections over 12-point text, a glossary table."""
    return pdf_blocks((STRUCTURE / "nist-cswp-04162018-cybersecurity-framework-1.1.pdf").read_bytes())


@pytest.fixture(scope="module")
def register() -> list[Block]:
    """No outline, three columns: bold headings at body size, run-in captions in small capitals."""
    return pdf_blocks((STRUCTURE / "us-federal-register-2020-17221.pdf").read_bytes())


def test_every_bookmark_is_a_heading_at_its_depth_without_the_root_that_wraps_them(strategy):
    expected = expected_outline("us-national-cybersecurity-strategy-2023.pdf")
    assert found_in_order(expected, strategy) == expected
    assert [text for text, _ in headings(strategy, "outline")][:3] == [
        "INTRODUCTION", "The Strategic Environment", "Emerging Trends"
    ]
    assert not any("2023 Final" in text for text, _ in headings(strategy))


def test_a_heading_printed_in_capitals_is_not_repeated_as_text(strategy):
    text = paragraph_text(strategy)
    assert "Strategic Objective 1.1: Establish Cybersecurity Requirements to Support National Security and Public Safety" in (
        b.text for b in strategy if b.evidence == "outline"
    )
    assert "ESTABLISH CYBERSECURITY" not in text and "PUBLIC SAFETY" not in text
    assert "The Internet has transformed our world." in text


def test_the_front_matter_before_the_first_bookmark_gets_its_headings_from_the_fonts(zero_trust):
    expected = expected_outline("nist-sp-800-207-zero-trust-architecture.pdf")
    assert found_in_order(expected, zero_trust) == expected
    assert {"Authority", "Abstract", "Keywords", "Audience"} <= {text for text, level in headings(zero_trust, "font") if level == 1}
    # pdfminer reads the centred "Keywords" after the line under it; the heading goes back above its text.
    texts = [b.text for b in zero_trust]
    assert texts[texts.index("Keywords") + 1] == "architecture; cybersecurity; enterprise; network security; zero trust."


def test_running_headers_page_numbers_and_the_rotated_side_note_are_gone(zero_trust, strategy):
    text = paragraph_text(zero_trust)
    assert "ZERO TRUST ARCHITECTURE" not in text  # the right half of the running header
    assert not re.search(r"^(?:\S ){2,}\S$", text, re.MULTILINE)  # "T h i s p u b l" from the sideways note
    assert "A typical enterprise’s infrastructure has grown increasingly complex." in text
    assert "N A T I O N A L" not in paragraph_text(strategy)
    assert not any(re.fullmatch(r"\d{1,3}", line) for b in zero_trust + strategy for line in b.lines)


def test_a_printed_contents_list_keeps_one_entry_per_line(zero_trust, framework):
    contents = next(b for b in zero_trust if any(line.startswith("1.1 History of Zero Trust") for line in b.lines))
    assert contents.kind == PARAGRAPH
    assert "1.2 Structure of This Document ...." in "\n".join(contents.lines)
    assert all(re.search(r"\d$", line) for line in contents.lines if line[0].isdigit())
    # The chapter number pdfminer reads apart from its title ("1.0", "2.0", then both titles) is joined again.
    assert any(re.fullmatch(r"1\.0 Framework Introduction \.+1", line) for b in framework for line in b.lines)


def test_without_an_outline_headings_come_from_size_and_weight(framework):
    expected = expected_outline("nist-cswp-04162018-cybersecurity-framework-1.1.pdf")
    assert found_in_order(expected, framework) == expected
    heads = dict(headings(framework))
    # Wrapped over two lines, its number read apart; letter-spaced without pdfminer's guessed spaces.
    assert "3.5 Identifying Opportunities for New or Revised Informative References" in heads
    assert "1.2 Risk Management and the Cybersecurity Framework" in heads


def test_glossary_terms_and_table_headers_in_bold_are_not_headings(framework):
    heads = {text for text, _ in headings(framework)}
    assert not heads & {"Buyer", "Category", "Critical Infrastructure", "Privileged User", "ANSI", "Update"}
    assert "The people or organizations that consume a given product or service." in paragraph_text(framework)


def test_three_columns_with_run_in_captions(register):
    # Every heading is found, though pdfminer reads one of them (a column's top) a few lines early.
    found = {fold(text) for text, _ in headings(register)}
    assert [text for text, _ in expected_outline("us-federal-register-2020-17221.pdf") if fold(text) not in found] == []
    after: dict[str, str] = {}  # the first text after each heading (the last page starts another rule)
    for block, following in itertools.pairwise(register):
        if block.kind == HEADING:
            after.setdefault(block.text, following.text)
    assert after["AGENCY"] == "Federal Aviation Administration (FAA), DOT."
    assert after["FOR FURTHER INFORMATION CONTACT"].startswith("Ian Won, Manager, Seattle ACO Branch")
    # Captions in capitals rank above the bold headings under them.
    levels = dict(headings(register))
    assert levels["SUPPLEMENTARY INFORMATION"] < levels["Comments Invited"]


def test_a_paragraph_cut_by_a_column_break_is_whole(register):
    text = paragraph_text(register)
    assert "The most helpful comments reference a specific portion of the proposal, explain the reason" in text
    assert "Federal Register / Vol. 85" not in text and "VerDate" not in text


# pdf_blocks on made-up PDFs ----------------------------------------------------------------------------


def outlined_pdf() -> bytes:
    """A strategy with bookmarks: one root holding all, a cover, an unbookmarked foreword, headings in capitals."""
    pdf = _Report()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.start_section("Regional Strategy 2030 Final", level=0)
    pdf.set_font("Helvetica", "B", 24)
    pdf.multi_cell(0, 12, "REGIONAL STRATEGY 2030")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(0, 7, "Foreword")
    pdf.ln(3)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5, "This foreword introduces the strategy. " + BODY * 3, align="J")
    pdf.add_page()
    pdf.start_section("Cover Letter", level=1)  # made broken below: no destination
    pdf.start_section("Introduction", level=1)
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, "INTRODUCTION")
    pdf.ln(3)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5, "Paragraph under the introduction. " + BODY * 4, align="J")
    pdf.ln(3)
    pdf.start_section("Strategic Objective 1.1: Strengthen the Foundations of Shared Regional Security", level=2)
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(150, 7, "STRATEGIC OBJECTIVE 1.1: STRENGTHEN THE FOUNDATIONS OF SHARED REGIONAL SECURITY")
    pdf.ln(3)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5, "Paragraph under the objective. " + BODY * 4, align="J")
    pdf.add_page()
    pdf.start_section("Annex Tables", level=1)
    pdf.multi_cell(0, 5, "Text of a page whose bookmark names no printed heading. " + BODY * 2, align="J")
    raw = bytes(pdf.output())
    entry = raw.index(b"/Title (Cover Letter)")
    dest = raw.rindex(b"/Dest [", 0, entry)
    end = raw.index(b"]", dest) + 1
    return raw[:dest] + b" " * (end - dest) + raw[end:]  # same length: the cross-reference table stays right


@pytest.fixture(scope="module")
def outlined() -> list[Block]:
    return pdf_blocks(outlined_pdf())


def test_bookmarks_become_headings_where_printed_and_the_wrapping_root_and_broken_ones_are_dropped(outlined):
    assert headings(outlined, "outline") == [
        ("Introduction", 1),
        ("Strategic Objective 1.1: Strengthen the Foundations of Shared Regional Security", 2),
        ("Annex Tables", 1),
    ]
    texts = [b.text for b in outlined]
    assert texts.index("Introduction") + 1 == next(i for i, t in enumerate(texts) if t.startswith("Paragraph under the introduction"))
    assert "STRENGTHEN THE FOUNDATIONS" not in paragraph_text(outlined)


def test_a_bookmark_not_printed_on_its_page_heads_that_page(outlined):
    texts = [b.text for b in outlined]
    annex = texts.index("Annex Tables")
    assert texts[annex + 1].startswith("Text of a page whose bookmark names no printed heading.")
    assert texts[annex - 1].startswith("Paragraph under the objective.")


def test_the_front_matter_of_a_bookmarked_pdf_gets_font_headings_at_the_top_level(outlined):
    assert ("Foreword", 1) in headings(outlined, "font")
    assert ("REGIONAL STRATEGY 2030", 1) in headings(outlined, "font")


def test_a_report_without_bookmarks_gets_its_headings_from_fonts():
    blocks = pdf_blocks(report_pdf(closing="We will deepen secu-\nrity ties across the Indo-\nPacific."))
    assert headings(blocks) == [
        ("Defence Policy Review 2024", 1),  # the title's size, on the first page only, ranks with the chapters
        ("Preface", 1),
        ("I. Strategic Environment", 1),
        ("II. Policy Responses", 1),
    ]
    assert all(b.evidence == "font" for b in blocks if b.kind == HEADING)
    paragraphs = [b.text for b in blocks if b.kind == PARAGRAPH]
    assert len(paragraphs) == 10 and all(len(b.lines) == 1 for b in blocks)
    assert paragraphs[-1] == "We will deepen security ties across the Indo-Pacific."
    assert not any("Department of Defence" in p or re.fullmatch(r"- \d+ -", p) for p in paragraphs)


DRAFT_WORDS = ["zero", "trust", "moves", "defences", "from", "static", "network", "perimeters", "to", "users", "assets", "and", "resources"]


def draft_pdf() -> bytes:
    """A draft with every line numbered in the left margin and a note set sideways in the right margin."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    number = 0
    for _ in range(2):
        pdf.add_page()
        with pdf.rotation(90, 200, 150):
            pdf.text(200, 150, "Draft for public comment only")
        pdf.set_y(20)
        for _ in range(14):
            number += 1
            y = pdf.get_y()
            pdf.set_xy(8, y)
            pdf.cell(8, 6, str(number), align="R")
            pdf.set_xy(25, y)
            pdf.cell(0, 6, " ".join(DRAFT_WORDS[number % 11:] + DRAFT_WORDS[:number % 11]) + f" ({number})")
            pdf.ln(6)
    return bytes(pdf.output())


def test_margin_line_numbers_and_a_sideways_note_are_dropped():
    text = paragraph_text(pdf_blocks(draft_pdf()))
    assert text.startswith("trust moves defences from static network perimeters to users assets and resources zero (1) ")
    assert text.endswith(" (28)") and len(re.findall(r"\(\d+\)", text)) == 28
    assert not re.search(r"\) \d+ \w|^\d+ ", text, re.MULTILINE)  # "(1) 2 moves defences", "1 trust moves"
    assert "Draft for public comment" not in text and not re.search(r"(?:^| )[a-z] [a-z] ", text)


def test_pdf_blocks_refuses_bad_input_as_pdf_to_text_does():
    blank = FPDF()
    blank.add_page()
    with pytest.raises(IngestError, match=re.escape(NO_TEXT)):
        pdf_blocks(bytes(blank.output()))
    with pytest.raises(IngestError, match="^the PDF is damaged and could not be read$"):
        pdf_blocks(report_pdf()[:400])
    with pytest.raises(IngestError, match="not a PDF"):
        pdf_blocks(b"A title\n\nJust text.")
    with pytest.raises(IngestError, match="^the PDF is protected by a password"):
        pdf_blocks(one_page_pdf("A title\n\nSecret text.", encrypt_user="secret", encrypt_owner="owner"))


class _Book(FPDF):
    """A manual as LaTeX and Texinfo print one: the chapter's name as running header, from its second page."""

    running = ""

    def header(self) -> None:
        if self.running:
            self.set_font("Helvetica", size=9)
            self.cell(0, 6, self.running)
            self.ln(10)


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


def test_bookmarks_without_the_printed_numbers_keep_the_numbers_as_labels():
    blocks = pdf_blocks(book_pdf())
    assert headings(blocks, "outline") == [
        ("Chapter 1 Scope", 1), ("1.1 Purpose", 2), ("1.2 Audience", 2),
        ("Chapter 2 Terms", 1), ("2.1 Definitions", 2), ("2.2 Notation", 2),
    ]
    text = paragraph_text(blocks)
    assert "Chapter 1: Scope" not in text and "Chapter 2: Terms" not in text  # the chapters' running headers
    assert re.search(r"^Text of 2\.2 about notation\. The region", text, re.MULTILINE)
