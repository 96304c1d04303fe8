"""archive/ingest/numbering.py: where a heading's printed label ends, which scheme it follows, and its number."""

from __future__ import annotations

import json
import re

import pytest

from archive.ingest.numbering import (
    APPENDIX,
    CJK,
    CJK_BRACKETED,
    CJK_DIVISION,
    CJK_DIVISION_TIERS,
    DECIMAL,
    DIVISION,
    DIVISION_TIERS,
    FULLWIDTH,
    LETTER,
    PAREN,
    PAREN_TIER,
    ROMAN,
    UNNUMBERED,
    Label,
    cjk_value,
    division_value,
    read_label,
)
from tests.ingest.structure_reading import STRUCTURE


def split(text: str) -> tuple[str, str, str, tuple[int, ...]]:
    """Return what ``read_label`` makes of ``text``: label, heading, scheme and number."""
    label = read_label(text)
    return label.label, label.text, label.scheme, label.number


# Decimal numbering


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.2.11.  Pre-Shared Key Extension", ("4.2.11", "Pre-Shared Key Extension", DECIMAL, (4, 2, 11))),
        ("1.  Introduction", ("1", "Introduction", DECIMAL, (1,))),
        ("1 Introduction", ("1", "Introduction", DECIMAL, (1,))),
        (
            "19.6.1.1 Changes to Simplify Multi-homed Web Servers",
            ("19.6.1.1", "Changes to Simplify Multi-homed Web Servers", DECIMAL, (19, 6, 1, 1)),
        ),
        ("5.1.1.2 Memorized Secret Verifiers", ("5.1.1.2", "Memorized Secret Verifiers", DECIMAL, (5, 1, 1, 2))),
    ],
)
def test_a_decimal_label_of_any_depth_with_or_without_a_trailing_dot_is_split_from_its_heading(text, expected):
    assert split(text) == expected


@pytest.mark.parametrize(("text", "depth"), [("4 Handshake Protocol", 1), ("4.2 Extensions", 2), ("4.2.11. Pre-Shared Key", 3)])
def test_a_decimal_labels_depth_is_the_count_of_its_numbers(text, depth):
    assert read_label(text).depth == depth


def test_a_trailing_zero_makes_1_0_a_chapter_one_level_deep():
    label = read_label("1.0 Framework Introduction")
    assert (label.label, label.text, label.scheme, label.depth) == ("1.0", "Framework Introduction", DECIMAL, 1)


def test_an_appendix_subsection_a_1_is_decimal_two_levels_deep():
    label = read_label("A.1.  Client")
    assert (label.label, label.text, label.scheme, label.depth) == ("A.1", "Client", DECIMAL, 2)
    assert read_label("B.3.1.1 Data Structures").depth == 4


def test_appendix_letters_number_after_every_chapter_number():
    assert read_label("A.1 Client").number[0] > read_label("999.1 Last chapter").number[0]
    assert read_label("A.1 Client").number < read_label("B.1 Server").number


def test_a_year_opening_a_line_is_not_a_label():
    assert split("2025 review of the United Nations peacebuilding architecture")[:3] == (
        "",
        "2025 review of the United Nations peacebuilding architecture",
        UNNUMBERED,
    )


@pytest.mark.parametrize("text", ["42", "7.", "iii"])
def test_a_number_alone_on_a_line_is_a_page_number_not_a_label(text):
    assert read_label(text) == Label("", text)


# Roman numerals and letters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("II. China's Security Vision", ("II", "China's Security Vision", ROMAN, (2,))),
        ("IV) Outlook", ("IV", "Outlook", ROMAN, (4,))),
        ("XXVII. Congressional pay", ("XXVII", "Congressional pay", ROMAN, (27,))),
    ],
)
def test_a_roman_numeral_with_its_dot_or_bracket_is_a_roman_label(text, expected):
    assert split(text) == expected


@pytest.mark.parametrize(("text", "scheme"), [("I. Purpose", ROMAN), ("V. Outlook", ROMAN), ("X. Review", ROMAN)])
def test_the_single_capitals_i_v_and_x_are_roman_numerals(text, scheme):
    assert read_label(text).scheme == scheme


@pytest.mark.parametrize(("text", "number"), [("A. Background", 1), ("C. Findings", 3), ("L. Legal basis", 12)])
def test_other_single_capitals_with_a_dot_are_letter_labels_numbered_by_the_alphabet(text, number):
    assert split(text) == (text[0], text[3:], LETTER, (number,))


def test_a_capital_letter_with_a_closing_bracket_is_a_letter_label():
    assert split("B) Scope") == ("B", "Scope", LETTER, (2,))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(a) Comments Due Date", ("(a)", "Comments Due Date", PAREN, (1,))),
        ("(1) General", ("(1)", "General", PAREN, (1,))),
        ("(iv) Transitional arrangements", ("(iv)", "Transitional arrangements", PAREN, (4,))),
        ("(c)", ("(c)", "", PAREN, (3,))),
    ],
)
def test_a_bracketed_letter_number_or_small_roman_numeral_is_a_point_label(text, expected):
    assert split(text) == expected


# Named divisions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Article 5", ("Article 5", "", (5,), "article")),
        ("Article 14a Conditions", ("Article 14a", "Conditions", (14,), "article")),
        ("CHAPTER II", ("CHAPTER II", "", (2,), "chapter")),
        ("Part IA—Marriage education", ("Part IA", "Marriage education", (1,), "part")),
        ("Division 2—Marriageable age", ("Division 2", "Marriageable age", (2,), "division")),
        ("SECT 5A Application of the Criminal Code", ("SECT 5A", "Application of the Criminal Code", (5,), "sect")),
        ("SECT 88EA Certain marriages", ("SECT 88EA", "Certain marriages", (88,), "sect")),
        (
            "Strategic Objective 1.1: Establish Cybersecurity Requirements",
            ("Strategic Objective 1.1", "Establish Cybersecurity Requirements", (1,), "objective"),
        ),
        ("Action 01: Publish a plan", ("Action 01", "Publish a plan", (1,), "action")),
        ("PILLAR ONE | DEFEND CRITICAL INFRASTRUCTURE", ("PILLAR ONE", "DEFEND CRITICAL INFRASTRUCTURE", (1,), "pillar")),
        ("AMENDMENT XXVII", ("AMENDMENT XXVII", "", (27,), "amendment")),
        ("§ 39.13 Airworthiness directives", ("§ 39.13", "Airworthiness directives", (39,), "§")),
    ],
)
def test_a_named_division_keeps_its_word_and_number_in_the_label(text, expected):
    label = read_label(text)
    assert (label.label, label.text, label.number, label.word) == expected
    assert label.scheme == DIVISION


def test_a_run_in_section_label_keeps_its_printed_dot_and_leaves_the_text():
    assert split("SECTION. 1. All legislative Powers herein granted shall be vested in a Congress")[:2] == (
        "SECTION. 1",
        "All legislative Powers herein granted shall be vested in a Congress",
    )


def test_a_section_sign_run_into_its_number_is_printed_with_one_space():
    assert read_label("§39.13").label == "§ 39.13"


def test_a_sentence_after_a_division_label_is_split_like_a_heading_for_the_tree_builder_to_judge():
    assert split("Article 3 shall apply to all data")[:2] == ("Article 3", "shall apply to all data")


@pytest.mark.parametrize("text", ["Figure 5 shows the Core", "Version 1.1 notes", "Tier 2 Risk Informed"])
def test_a_word_naming_no_division_before_a_number_makes_no_label(text):
    assert read_label(text) == Label("", text)


# Appendices


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Appendix A—Acronyms", ("Appendix A", "Acronyms", (1001,), "appendix")),  # numbered as its "A.1" sections
        ("Appendix B: Glossary", ("Appendix B", "Glossary", (1002,), "appendix")),
        ("Annex", ("Annex", "", (), "annex")),
        ("ANNEX II—Procedures", ("ANNEX II", "Procedures", (2,), "annex")),
        ("Schedule 2 Forms", ("Schedule 2", "Forms", (2,), "schedule")),
        ("The Schedule—Persons whose consent is required", ("The Schedule", "Persons whose consent is required", (), "schedule")),
        ("附件：", ("附件", "", (), "附件")),
    ],
)
def test_an_appendix_annex_or_schedule_is_an_appendix_label_numbered_or_not(text, expected):
    label = read_label(text)
    assert (label.label, label.text, label.number, label.word) == expected
    assert label.scheme == APPENDIX


@pytest.mark.parametrize("text", ["Scheduled maintenance", "Annexation of territory", "Exhibition of works", "Attachments"])
def test_a_word_that_only_begins_with_an_appendix_word_makes_no_label(text):
    assert read_label(text) == Label("", text)


# Chinese numbering


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、过去五年的工作", ("一", "过去五年的工作", CJK, (1,))),
        ("十二、本规定自发布之日起施行。", ("十二", "本规定自发布之日起施行。", CJK, (12,))),
        ("二十一、加强领导", ("二十一", "加强领导", CJK, (21,))),
    ],
)
def test_a_chinese_enumerated_chapter_is_split_at_its_enumeration_comma(text, expected):
    assert split(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）指导思想。全面贯彻党的精神。", ("（一）", "指导思想。全面贯彻党的精神。", CJK_BRACKETED, (1,))),
        ("(三)举证责任", ("(三)", "举证责任", CJK_BRACKETED, (3,))),
        ("（十一）其他", ("（十一）", "其他", CJK_BRACKETED, (11,))),
    ],
)
def test_a_chinese_numeral_in_full_or_half_width_brackets_is_a_bracketed_label(text, expected):
    assert split(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一章 总纲", ("第一章", "总纲", (1,), "章")),
        ("第十二条　国家厉行节约，反对浪费。", ("第十二条", "国家厉行节约，反对浪费。", (12,), "条")),
        ("第一部分", ("第一部分", "", (1,), "部分")),
        ("第二节 中华人民共和国主席", ("第二节", "中华人民共和国主席", (2,), "节")),
        ("第一百零一条 地方各级人民代表大会", ("第一百零一条", "地方各级人民代表大会", (101,), "条")),
        ("第12条 本规定自发布之日起施行。", ("第12条", "本规定自发布之日起施行。", (12,), "条")),
        ("第1章　計画の目的と位置付け", ("第1章", "計画の目的と位置付け", (1,), "章")),  # Japanese
        ("第2節　計画の期間", ("第2節", "計画の期間", (2,), "節")),  # Japanese and traditional Chinese 節
        ("第三編 総則", ("第三編", "総則", (3,), "編")),
        ("第３章　推進体制", ("第３章", "推進体制", (3,), "章")),  # full-width digits
    ],
)
def test_a_chinese_division_names_its_word_and_number(text, expected):
    label = read_label(text)
    assert (label.label, label.text, label.number, label.word) == expected
    assert label.scheme == CJK_DIVISION


def test_japanese_and_traditional_divisions_rank_as_their_simplified_forms():
    assert CJK_DIVISION_TIERS["編"] == CJK_DIVISION_TIERS["编"] < CJK_DIVISION_TIERS["章"]
    assert CJK_DIVISION_TIERS["章"] < CJK_DIVISION_TIERS["節"] == CJK_DIVISION_TIERS["节"]


def test_a_full_width_dot_marks_a_chinese_provision_number():
    assert split("3．培训") == ("3", "培训", FULLWIDTH, (3,))


def test_an_unnumbered_line_has_no_label_and_keeps_its_whole_text_with_spaces_collapsed():
    assert read_label("  Status   of This Memo ") == Label("", "Status of This Memo", UNNUMBERED, ())


# Reading numbers


@pytest.mark.parametrize(
    ("numeral", "value"), [("一", 1), ("十", 10), ("十五", 15), ("二十一", 21), ("一百零一", 101), ("两", 2)]
)
def test_chinese_numerals_are_read_with_their_tens_and_hundreds(numeral, value):
    assert cjk_value(numeral) == value


@pytest.mark.parametrize(("number", "value"), [("5", 5), ("II", 2), ("IA", 1), ("5A", 5), ("ONE", 1), ("1.1", 1), ("B", 2)])
def test_a_division_number_is_read_from_digits_roman_numerals_number_words_or_letters(number, value):
    assert division_value(number) == value


def test_division_words_rank_in_the_order_of_legislative_drafting():
    tiers = [DIVISION_TIERS[w] for w in ("book", "part", "chapter", "division", "subdivision", "section")]
    assert tiers == sorted(tiers) and len(set(tiers)) == len(tiers)
    assert DIVISION_TIERS["article"] == DIVISION_TIERS["section"] < DIVISION_TIERS["clause"] < PAREN_TIER


def test_chinese_divisions_rank_from_part_to_bracketed_point_with_enumerated_chapters_above_articles():
    order = ["编", "部分", "章", "节", CJK, "条", "款", CJK_BRACKETED]
    assert [CJK_DIVISION_TIERS[w] for w in order] == sorted(CJK_DIVISION_TIERS[w] for w in order)


# Real documents: every label a reader wrote in the corpus outlines, printed back before its heading


def _printed(label: str, heading: str) -> str:
    """Print an outline node as a document does: "一、" keeps its enumeration comma, a bracket or 第X条 needs no space."""
    if re.fullmatch(r"[一二三四五六七八九十百]+", label):
        label += "、"
    joined = label.endswith(("、", "）", ")")) or label.startswith("第")
    return label + ("" if joined else " ") + heading if heading else label


@pytest.fixture(scope="module")
def outline_labels() -> list[tuple[str, str, str]]:
    """Return (document, label, heading) of every labelled node of the structure corpus's outlines."""
    found: list[tuple[str, str, str]] = []

    def walk(name: str, nodes: list[dict]) -> None:
        for node in nodes:
            if node["label"]:
                found.append((name, node["label"], node["heading"]))
            walk(name, node.get("children", []))

    for path in sorted(STRUCTURE.glob("*.outline.json")):
        walk(path.name, json.loads(path.read_text(encoding="utf-8")))
    return found


def test_every_label_in_the_corpus_outlines_reads_back_from_its_printed_heading(outline_labels):
    assert len(outline_labels) > 1000
    wrong = [
        (name, label, heading)
        for name, label, heading in outline_labels
        if (read_label(_printed(label, heading)).label, read_label(_printed(label, heading)).text) != (label, heading)
    ]
    assert wrong == []
