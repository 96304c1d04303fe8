"""archive/ingest/pdf_fonts.py: headings found by size and weight where a PDF has no outline."""

import itertools

from archive.ingest.blocks import HEADING, PARAGRAPH
from tests.ingest.pdf_samples import (
    CLOSING,
    blocks_of,
    expected_outline,
    fold,
    found_in_order,
    framework_blocks,
    headings,
    paragraph_text,
    register_blocks,
    report_pdf,
)


def test_a_report_without_bookmarks_gets_its_headings_from_fonts():
    blocks = blocks_of(report_pdf(closing=CLOSING))
    assert headings(blocks) == [
        ("Defence Policy Review 2024", 1),  # the title's size, on the first page only, ranks with the chapters
        ("Preface", 1),
        ("I. Strategic Environment", 1),
        ("II. Policy Responses", 1),
    ]
    assert all(b.evidence == "font" for b in blocks if b.kind == HEADING)
    paragraphs = [b.text for b in blocks if b.kind == PARAGRAPH]
    assert len(paragraphs) == 10 and all(len(b.lines) == 1 for b in blocks)


def test_without_an_outline_headings_come_from_size_and_weight():
    framework = framework_blocks()
    expected = expected_outline("nist-cswp-04162018-cybersecurity-framework-1.1.pdf")
    assert found_in_order(expected, framework) == expected
    # Wrapped over two lines, its number read apart: one heading.
    assert "3.5 Identifying Opportunities for New or Revised Informative References" in dict(headings(framework))


def test_glossary_terms_and_table_headers_in_bold_are_not_headings():
    framework = framework_blocks()
    heads = {text for text, _ in headings(framework)}
    assert not heads & {"Buyer", "Category", "Critical Infrastructure", "Privileged User", "ANSI", "Update"}
    assert "The people or organizations that consume a given product or service." in paragraph_text(framework)


def test_three_columns_with_run_in_captions():
    register = register_blocks()
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
