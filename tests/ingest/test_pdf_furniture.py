"""archive/ingest/pdf_furniture.py: page numbers and running headers and footers removed, the text kept."""

import re

import pytest

from archive.ingest.blocks import HEADING
from tests.ingest.pdf_samples import (
    RUNNING_HEADER,
    blocks_of,
    book_pdf,
    headings,
    paragraph_text,
    register_blocks,
    report_pdf,
    strategy_blocks,
    zero_trust_blocks,
)


@pytest.mark.parametrize("footer", ["- {n} -", "Page {n} of {total}"])
def test_page_numbers_and_the_running_header_are_gone_and_the_text_stays(footer):
    blocks = blocks_of(report_pdf(footer_style=footer))
    paragraphs = [b.text for b in blocks if b.kind != HEADING]
    assert not any(RUNNING_HEADER in p or "Department of Defence" in p for p in paragraphs)
    assert not any(re.fullmatch(r"- \d+ -|Page \d+ of \d+", p) or re.search(r"Page \d+ of \d+$", p) for p in paragraphs)
    assert [text for text, _ in headings(blocks)][1:] == ["Preface", "I. Strategic Environment", "II. Policy Responses"]
    assert sum(p.startswith("Paragraph ") for p in paragraphs) == 9


def test_the_running_headers_and_page_numbers_of_real_pdfs_are_gone():
    zero_trust = zero_trust_blocks()
    strategy = strategy_blocks()
    assert "ZERO TRUST ARCHITECTURE" not in paragraph_text(zero_trust)  # the right half of the running header
    assert "N A T I O N A L" not in paragraph_text(strategy)
    assert not any(re.fullmatch(r"\d{1,3}", line) for b in zero_trust + strategy for line in b.lines)


def test_a_chapters_running_header_is_gone_but_its_heading_stays():
    blocks = blocks_of(book_pdf())
    text = paragraph_text(blocks)
    assert "Chapter 1: Scope" not in text and "Chapter 2: Terms" not in text
    assert ("Chapter 1 Scope", 1) in headings(blocks) and ("Chapter 2 Terms", 1) in headings(blocks)


def test_the_running_header_and_page_footer_of_a_three_column_page_are_gone():
    text = paragraph_text(register_blocks())
    assert "Federal Register / Vol. 85" not in text and "VerDate" not in text
