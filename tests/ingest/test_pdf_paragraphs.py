"""archive/ingest/pdf_paragraphs.py: paragraphs from the line geometry, whole across page and column breaks."""

import re

import pytest

from archive.ingest.blocks import HEADING, PARAGRAPH, Block
from archive.ingest.pdf_paragraphs import join_hyphenated
from tests.ingest.pdf_samples import (
    CLOSING,
    blocks_of,
    paragraph_text,
    register_blocks,
    report_pdf,
    zero_trust_blocks,
)


@pytest.fixture(scope="module")
def report() -> tuple[Block, ...]:
    """Three headings over three paragraphs each, on three pages; a closing line hyphenated twice."""
    return blocks_of(report_pdf(closing=CLOSING))


def test_paragraphs_come_in_reading_order_each_whole_under_its_heading(report):
    texts = [b.text for b in report]
    for heading in ("Preface", "I. Strategic Environment", "II. Policy Responses"):
        at = texts.index(heading)
        under = texts[at + 1:at + 4]
        assert [t.startswith(f"Paragraph {n} under {heading}. ") for n, t in enumerate(under, 1)] == [True] * 3
        assert all(t.endswith("partners in the region.") for t in under)  # whole, even across a page break


def test_words_hyphenated_at_line_ends_are_rejoined(report):
    assert report[-1] == Block(PARAGRAPH, ("We will deepen security ties across the Indo-Pacific.",))


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


def test_a_printed_contents_list_keeps_one_entry_per_line():
    zero_trust = zero_trust_blocks()
    contents = next(b for b in zero_trust if any(line.startswith("1.1 History of Zero Trust") for line in b.lines))
    assert contents.kind == PARAGRAPH
    assert "1.2 Structure of This Document ...." in "\n".join(contents.lines)
    assert all(re.search(r"\d$", line) for line in contents.lines if line[0].isdigit())


def test_a_heading_read_after_the_text_under_it_goes_back_above_it():
    zero_trust = zero_trust_blocks()
    # pdfminer reads the centred "Keywords" after the line under it.
    texts = [b.text for b in zero_trust]
    assert zero_trust[texts.index("Keywords")].kind == HEADING
    assert texts[texts.index("Keywords") + 1] == "architecture; cybersecurity; enterprise; network security; zero trust."


def test_a_paragraph_cut_by_a_column_break_is_whole():
    text = paragraph_text(register_blocks())
    assert "The most helpful comments reference a specific portion of the proposal, explain the reason" in text
