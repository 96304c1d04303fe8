"""archive/ingest/pdf_outline.py: bookmarks as headings at their depth, placed where their headings are printed."""

import re

import pytest

from archive.ingest.blocks import Block
from tests.ingest.pdf_samples import (
    blocks_of,
    book_pdf,
    expected_outline,
    found_in_order,
    headings,
    outlined_pdf,
    paragraph_text,
    strategy_blocks,
)


@pytest.fixture(scope="module")
def outlined() -> tuple[Block, ...]:
    return blocks_of(outlined_pdf())


def test_every_bookmark_is_a_heading_at_its_depth_without_the_root_that_wraps_them():
    strategy = strategy_blocks()
    expected = expected_outline("us-national-cybersecurity-strategy-2023.pdf")
    assert found_in_order(expected, strategy) == expected
    assert [text for text, _ in headings(strategy, "outline")][:3] == [
        "INTRODUCTION", "The Strategic Environment", "Emerging Trends"
    ]
    assert not any("2023 Final" in text for text, _ in headings(strategy))


def test_a_heading_printed_in_capitals_is_not_repeated_as_text():
    strategy = strategy_blocks()
    text = paragraph_text(strategy)
    assert "Strategic Objective 1.1: Establish Cybersecurity Requirements to Support National Security and Public Safety" in (
        b.text for b in strategy if b.evidence == "outline"
    )
    assert "ESTABLISH CYBERSECURITY" not in text and "PUBLIC SAFETY" not in text
    assert "The Internet has transformed our world." in text


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


def test_bookmarks_without_the_printed_numbers_keep_the_numbers_as_labels():
    blocks = blocks_of(book_pdf())
    assert headings(blocks, "outline") == [
        ("Chapter 1 Scope", 1), ("1.1 Purpose", 2), ("1.2 Audience", 2),
        ("Chapter 2 Terms", 1), ("2.1 Definitions", 2), ("2.2 Notation", 2),
    ]
    assert re.search(r"^Text of 2\.2 about notation\. The region", paragraph_text(blocks), re.MULTILINE)
