"""archive/ingest/pdf.py and the PDF path of ``parse``: a PDF read into blocks end to end, and clear refusals.

What each step does is tested beside its module (test_pdf_lines, test_pdf_furniture, test_pdf_outline,
test_pdf_fonts, test_pdf_paragraphs); here, what the steps give together and what ``parse`` makes of it.
"""

import pytest
from fpdf import FPDF

from archive.ingest import IngestError, parse
from archive.ingest.pdf import NO_TEXT, pdf_blocks
from tests.ingest.fixtures import all_paragraphs
from tests.ingest.pdf_samples import (
    CLOSING,
    blocks_of,
    expected_outline,
    found_in_order,
    headings,
    one_page_pdf,
    outlined_pdf,
    report_pdf,
    zero_trust_blocks,
)


class TestReport:
    """A three-page report with a running header and "- n -" page numbers, through ``parse``."""

    doc = parse(report_pdf(closing=CLOSING), "review.pdf")

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


def test_the_front_matter_before_the_first_bookmark_gets_its_headings_from_the_fonts():
    zero_trust = zero_trust_blocks()
    expected = expected_outline("nist-sp-800-207-zero-trust-architecture.pdf")
    assert found_in_order(expected, zero_trust) == expected
    assert {"Authority", "Abstract", "Keywords", "Audience"} <= {text for text, level in headings(zero_trust, "font") if level == 1}


def test_the_front_matter_of_a_bookmarked_pdf_gets_font_headings_at_the_top_level():
    outlined = blocks_of(outlined_pdf())
    assert ("Foreword", 1) in headings(outlined, "font")
    assert ("REGIONAL STRATEGY 2030", 1) in headings(outlined, "font")
    assert [text for text, _ in headings(outlined, "font")] == ["REGIONAL STRATEGY 2030", "Foreword"]  # none after


def _blank_pdf() -> bytes:
    blank = FPDF()
    blank.add_page()
    return bytes(blank.output())


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_blank_pdf(), r"^the PDF has no text layer \(a scanned image\?\); run OCR first$"),
        (one_page_pdf("A title\n\nSecret text.", encrypt_user="secret", encrypt_owner="owner"),
         "^the PDF is protected by a password; remove the password and import it again$"),
        (b"%PDF-1.7\n" + b"\x00garbage" * 50, "^the PDF is damaged and could not be read$"),
        (report_pdf()[:400], "^the PDF is damaged and could not be read$"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog", "^the PDF is damaged and could not be read$"),
        (b"A title\n\nJust text.", r"^the file is not a PDF \(it does not start with %PDF\)$"),
    ],
    ids=["scan", "password", "garbage", "truncated", "unterminated", "not-a-pdf"],
)
def test_a_pdf_that_cannot_be_read_is_refused_in_one_line(raw, message):
    with pytest.raises(IngestError, match=message):
        pdf_blocks(raw)
    with pytest.raises(IngestError, match=message):
        parse(raw, "file.pdf")
    assert NO_TEXT == "the PDF has no text layer (a scanned image?); run OCR first"


def test_a_pdf_encrypted_only_against_editing_is_read():
    raw = one_page_pdf("A title\n\nText anyone may read.", encrypt_owner="owner")
    doc = parse(raw, "restricted.pdf")
    assert (doc.title, doc.sections[0].paragraphs) == ("A title", ("Text anyone may read.",))


def test_pdf_bytes_are_read_as_pdf_whatever_the_name():
    doc = parse(one_page_pdf("A title\n\nSome body text."), "download")
    assert doc.encoding == "binary"

