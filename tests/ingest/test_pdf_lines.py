"""archive/ingest/pdf_lines.py: the lines of a PDF's pages as printed, on real PDFs and a made-up draft.

Read through ``pdf_blocks``, whose text shows what the line reader made of each line.
"""

import re

from fpdf import FPDF

from tests.ingest.pdf_samples import (
    blocks_of,
    framework_blocks,
    headings,
    paragraph_text,
    zero_trust_blocks,
)

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
    text = paragraph_text(blocks_of(draft_pdf()))
    assert text.startswith("trust moves defences from static network perimeters to users assets and resources zero (1) ")
    assert text.endswith(" (28)") and len(re.findall(r"\(\d+\)", text)) == 28
    assert not re.search(r"\) \d+ \w|^\d+ ", text, re.MULTILINE)  # "(1) 2 moves defences", "1 trust moves"
    assert "Draft for public comment" not in text and not re.search(r"(?:^| )[a-z] [a-z] ", text)


def test_the_sideways_note_of_a_real_pdf_leaves_no_letters_behind():
    zero_trust = zero_trust_blocks()
    text = paragraph_text(zero_trust)
    assert not re.search(r"^(?:\S ){2,}\S$", text, re.MULTILINE)  # "T h i s p u b l" from the sideways note
    assert "A typical enterprise’s infrastructure has grown increasingly complex." in text


def test_a_letter_spaced_line_has_no_spaces_inside_its_words():
    framework = framework_blocks()
    heads = [text for text, _ in headings(framework)]
    assert "1.2 Risk Management and the Cybersecurity Framework" in heads  # pdfminer: "Manageme nt"


def test_a_number_set_apart_by_a_tab_is_joined_to_its_row():
    framework = framework_blocks()
    # pdfminer reads "1.0", "2.0", … apart from their titles, and after them; each is joined to its row again.
    assert any(re.fullmatch(r"1\.0 Framework Introduction \.+1", line) for b in framework for line in b.lines)
