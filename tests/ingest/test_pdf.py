"""archive/ingest/pdf.py and the PDF path of ``parse``: text layer, page furniture, hyphens, clear refusals.

The PDFs are made on the fly with fpdf2, laid out as reports are: a title in a large font, a running
header from page 2, a page number at the foot of every page, bold headings, justified body text.
"""

import pytest
from fpdf import FPDF

from archive.ingest import IngestError, parse
from archive.ingest.pdf import NO_TEXT, join_hyphenated, pdf_to_text
from tests.ingest.fixtures import all_paragraphs

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
