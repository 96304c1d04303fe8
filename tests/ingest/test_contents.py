"""archive/ingest/contents.py: a document's own contents list, recognised before its paragraphs are joined."""

from __future__ import annotations

import pytest

from archive.ingest.blocks import (
    CONTENTS,
    HEADING,
    PARAGRAPH,
    Block,
    heading,
    paragraph,
)
from archive.ingest.contents import CAPTION, entries_of, mark_contents
from archive.ingest.model import ContentsEntry
from tests.ingest.fixtures import all_paragraphs, all_sections, parsed_file
from tests.ingest.structure_reading import STRUCTURE, read_blocks

TEXT = "Body text of some length that ends with a full stop."


def contents(*entries: str) -> list[Block]:
    """Return CONTENTS blocks as a reader that knows its format's contents list emits them."""
    return [Block(CONTENTS, (entry,)) for entry in entries]


def kinds(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


# A titled list


@pytest.mark.parametrize("title", ["Contents", "Table of Contents", "TABLE OF CONTENTS", "Contents:", "目录", "目 录"])
def test_a_contents_title_followed_by_entry_lines_becomes_one_contents_block_per_entry_without_the_title(title):
    marked = mark_contents(
        [paragraph(title), paragraph("1. Introduction", "2. Scope", "3. Terms"), paragraph("1. Introduction"), paragraph(TEXT)]
    )
    assert kinds(marked) == [
        (CONTENTS, "1. Introduction"),
        (CONTENTS, "2. Scope"),
        (CONTENTS, "3. Terms"),
        (PARAGRAPH, "1. Introduction"),
        (PARAGRAPH, TEXT),
    ]


def test_dot_leaders_and_arabic_or_roman_page_numbers_are_removed_from_an_entry():
    marked = mark_contents(
        [
            paragraph("Contents"),
            paragraph("Preface ........ iii", "1.  Introduction . . . . . . 5", "2. Scope ………… 12"),
            heading("Preface", 1, "atx"),
        ]
    )
    assert [b.text for b in marked if b.kind == CONTENTS] == ["Preface", "1. Introduction", "2. Scope"]


def test_entries_end_where_the_first_entry_comes_round_again_as_the_bodys_first_heading():
    marked = mark_contents(
        [
            paragraph("Contents"),
            paragraph("Introduction"),
            paragraph("Scope"),
            paragraph("Introduction"),
            paragraph("Scope"),
            paragraph(TEXT),
        ]
    )
    assert [b.kind for b in marked] == [CONTENTS, CONTENTS, PARAGRAPH, PARAGRAPH, PARAGRAPH]


def test_entries_end_at_a_heading_block():
    marked = mark_contents(
        [
            paragraph("Contents"),
            paragraph("1. Introduction"),
            paragraph("2. Scope"),
            heading("Preface", 1, "atx"),
            paragraph(TEXT),
        ]
    )
    assert kinds(marked) == [(CONTENTS, "1. Introduction"), (CONTENTS, "2. Scope"), (HEADING, "Preface"), (PARAGRAPH, TEXT)]


def test_entries_end_at_a_line_without_the_page_numbers_the_others_had():
    marked = mark_contents(
        [
            paragraph("Contents"),
            paragraph("Introduction ..... 1"),
            paragraph("Scope ...... 3"),
            paragraph("Preface"),
            paragraph("Terms ...... 5"),
        ]
    )
    assert kinds(marked) == [
        (CONTENTS, "Introduction"),
        (CONTENTS, "Scope"),
        (PARAGRAPH, "Preface"),
        (PARAGRAPH, "Terms ...... 5"),
    ]


def test_entries_end_at_a_block_holding_a_sentence():
    prose = ("This report sets out what the review found.", "It closes with recommendations.")
    marked = mark_contents([paragraph("Contents"), paragraph("1. Findings"), paragraph(*prose)])
    assert kinds(marked) == [(CONTENTS, "1. Findings"), (PARAGRAPH, " ".join(prose))]


def test_a_contents_title_with_no_entries_after_it_is_kept_as_text():
    prose = (
        "The contents of this report were agreed by the board after a long consultation with the member states, "
        "the secretariat and the independent experts appointed for the purpose"
    )
    blocks = [paragraph("Contents"), paragraph(prose)]
    assert mark_contents(blocks) == blocks


def test_a_list_title_followed_by_a_readers_contents_blocks_loses_only_its_title():
    marked = mark_contents(
        [heading("Table of Contents", 2, "tag"), *contents("1. Introduction", "2. Scope"), heading("1. Introduction", 2, "tag")]
    )
    assert kinds(marked) == [(CONTENTS, "1. Introduction"), (CONTENTS, "2. Scope"), (HEADING, "1. Introduction")]


def test_contents_blocks_a_reader_already_made_are_left_as_they_are():
    blocks = [*contents("Introduction . . . 1", "Scope . . . 3", "Terms . . . 5"), paragraph(TEXT)]
    assert mark_contents(blocks) == blocks


# An untitled list


def test_a_run_of_lines_with_dot_leaders_and_page_numbers_is_a_contents_list_without_a_title():
    marked = mark_contents(
        [paragraph("Introduction . . . . . . . . 1", "Scope . . . . . . . . . 3", "Terms ......... 5"), paragraph(TEXT)]
    )
    assert kinds(marked) == [(CONTENTS, "Introduction"), (CONTENTS, "Scope"), (CONTENTS, "Terms"), (PARAGRAPH, TEXT)]


def test_two_lines_with_dot_leaders_are_not_enough_to_make_a_contents_list():
    blocks = [paragraph("Introduction . . . . . . . . 1", "Scope . . . . . . . . . 3"), paragraph(TEXT)]
    assert mark_contents(blocks) == blocks


def test_lines_around_a_contents_list_in_the_same_block_are_kept_in_order():
    marked = mark_contents(
        [paragraph("Prepared by the secretariat.", "Introduction ..... 1", "Scope ...... 3", "Terms ...... 5", "Issued in 2024.")]
    )
    assert kinds(marked) == [
        (PARAGRAPH, "Prepared by the secretariat."),
        (CONTENTS, "Introduction"),
        (CONTENTS, "Scope"),
        (CONTENTS, "Terms"),
        (PARAGRAPH, "Issued in 2024."),
    ]


# Lists of figures and tables, captions


@pytest.mark.parametrize("title", ["List of Figures", "LIST OF TABLES", "List of Appendices"])
def test_a_list_of_figures_tables_or_appendices_is_recognised_like_a_contents_list(title):
    marked = mark_contents(
        [paragraph(title), paragraph("Figure 1: Core . . . . 4"), paragraph("Figure 2: Tiers . . . . 9"), paragraph(TEXT)]
    )
    assert kinds(marked) == [(CONTENTS, "Figure 1: Core"), (CONTENTS, "Figure 2: Tiers"), (PARAGRAPH, TEXT)]


def test_captions_listed_in_a_list_of_figures_are_not_section_entries():
    assert entries_of(contents("Figure 1: Core", "Table B-1: Summary of Identified Deployment Gaps", "1. Introduction")) == (
        ContentsEntry("1", "Introduction"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Figure 1: Core Zero Trust Logical Components",
        "Table B-1: Summary of Identified Deployment Gaps",
        "Table 2 Costs",
        "Fig. 3 Flow",
    ],
)
def test_a_numbered_figure_or_table_line_is_a_caption(text):
    assert CAPTION.match(text)


def test_a_lettered_table_is_a_heading_not_a_caption():
    assert not CAPTION.match("Table A")


# Entries


def test_each_entry_is_read_as_the_label_and_heading_it_prints_without_its_page_number():
    assert entries_of(
        contents("1. Introduction", "4.2.11 Pre-Shared Key Extension . . . 55", "Appendix A. State Machine", "Preface iii")
    ) == (
        ContentsEntry("1", "Introduction"),
        ContentsEntry("4.2.11", "Pre-Shared Key Extension"),
        ContentsEntry("Appendix A", "State Machine"),
        ContentsEntry("", "Preface"),
    )


def test_an_entry_printed_without_a_page_number_keeps_the_number_of_its_label():
    assert entries_of(contents("Article 5", "Goal 3")) == (ContentsEntry("Article 5", ""), ContentsEntry("Goal 3", ""))


# Real documents


def _parsed(name: str):
    return parsed_file(STRUCTURE / name)


@pytest.fixture(scope="module")
def rfc8446():
    return _parsed("rfc8446.txt")


@pytest.fixture(scope="module")
def rfc2616():
    return _parsed("rfc2616.txt")


def test_rfc_8446s_contents_list_gives_one_entry_per_listed_section(rfc8446):
    assert len(rfc8446.contents) == 122
    assert rfc8446.contents[:2] == (ContentsEntry("1", "Introduction"), ContentsEntry("1.1", "Conventions and Terminology"))
    assert rfc8446.contents[-1] == ContentsEntry("", "Author's Address")


def test_rfc_8446s_contents_list_is_neither_a_section_nor_body_text(rfc8446):
    sections = all_sections(rfc8446.sections)
    assert not any("contents" in s.heading.casefold() for s in sections)
    assert not any(". . ." in p or "...." in p for p in all_paragraphs(rfc8446))


def test_every_entry_of_rfc_8446s_contents_list_is_a_section_exactly_once(rfc8446):
    printed = [(s.label, s.heading) for s in all_sections(rfc8446.sections)]
    assert rfc8446.missing == ()
    assert all(printed.count((e.label, e.heading)) == 1 for e in rfc8446.contents)


def test_rfc_8446s_contents_title_is_dropped_and_the_entries_its_reader_marked_are_kept():
    marked = mark_contents(list(read_blocks("rfc8446.txt")[0]))
    assert sum(b.kind == CONTENTS for b in marked) == 122
    assert not any(b.text == "Table of Contents" for b in marked)


def test_every_entry_of_rfc_2616s_contents_list_is_found_in_its_body(rfc2616):
    assert len(rfc2616.contents) > 250
    assert rfc2616.missing == ()


def test_a_generated_contents_list_of_bulleted_entries_is_read_without_its_bullets():
    blocks = mark_contents([paragraph("Contents"), paragraph("* 1. About this manual"), paragraph("* 1.1. Scope"),
                            heading("1. About this manual", 1, "adornment")])
    assert entries_of(blocks) == (ContentsEntry("1", "About this manual"), ContentsEntry("1.1", "Scope"))
