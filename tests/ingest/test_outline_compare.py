"""Tree precision and recall on made-up trees: the arithmetic the ingest report and golden tests rely on."""

from __future__ import annotations

import pytest

from archive.ingest import ParsedSection
from tests.ingest.outline_compare import score, show


def node(label: str, heading: str, *children: dict) -> dict:
    """Build an outline node as written in ``<file>.outline.json``."""
    return {"label": label, "heading": heading, "children": list(children)}


RFC_LIKE = [
    node("", "Abstract"),
    node("1", "Introduction", node("1.1", "Conventions")),
    node("2", "Protocol Overview", node("2.1", "Incorrect DHE Share"), node("2.2", "Resumption")),
]


def test_an_identical_tree_is_exact_with_full_precision_and_recall():
    result = score(RFC_LIKE, RFC_LIKE)
    assert (result.matched, result.expected, result.parsed) == (6, 6, 6)
    assert (result.precision, result.recall, result.exact) == (1.0, 1.0, True)


def test_a_heading_under_the_wrong_parent_does_not_count():
    parsed = [
        node("", "Abstract"),
        node("1", "Introduction", node("1.1", "Conventions"), node("2.1", "Incorrect DHE Share")),
        node("2", "Protocol Overview", node("2.2", "Resumption")),
    ]
    result = score(RFC_LIKE, parsed)
    assert (result.matched, result.expected, result.parsed) == (5, 6, 6)
    assert result.precision == result.recall == pytest.approx(5 / 6)
    assert not result.exact
    assert [show(e) for e in result.missing] == ["2 protocol overview > 2.1 incorrect dhe share"]
    assert [show(e) for e in result.extra] == ["1 introduction > 2.1 incorrect dhe share"]


def test_a_wrong_parent_also_costs_its_descendants_because_an_entry_is_its_whole_path():
    parsed = [node("", "Abstract"), node("1", "Introduction", node("1.1", "Conventions")),
              node("2", "Protocol Overview (sic)", node("2.1", "Incorrect DHE Share"), node("2.2", "Resumption"))]
    result = score(RFC_LIKE, parsed)
    assert (result.matched, result.precision, result.recall) == (3, 0.5, 0.5)


def test_missed_and_invented_headings_lower_recall_and_precision_separately():
    parsed = [node("", "Abstract"), node("1", "Introduction"), node("2", "Protocol Overview"),
              node("", "Figure 1"), node("", "Figure 2")]
    result = score(RFC_LIKE, parsed)
    assert result.matched == 3
    assert result.recall == pytest.approx(3 / 6)
    assert result.precision == pytest.approx(3 / 5)


def test_untitled_nodes_are_not_entries_and_their_children_take_their_place():
    parsed = [node("", "", node("", "Abstract"), *RFC_LIKE[1:])]
    assert score(RFC_LIKE, parsed).exact
    leading_text = [node("", ""), *RFC_LIKE]
    assert score(RFC_LIKE, leading_text).exact


def test_layout_and_case_differences_are_folded():
    expected = [node("Article 4", "Security of processing"), node("4.2.11", "Pre-Shared Key Extension"),
                node("一", "总纲"), node("（一）", "指导思想"), node("", "“Quoted” heading — with a dash")]
    parsed = [node("ARTICLE 4", "SECURITY  OF\nPROCESSING"), node("4.2.11.", "Pre‐Shared Key Extension"),
              node("一、", "总纲"), node("(一)", "指导思想"), node("", '"Quoted" heading - with a dash')]
    assert score(expected, parsed).exact


def test_labels_and_headings_must_both_match():
    result = score([node("3", "Goals")], [node("4", "Goals")])
    assert (result.matched, result.precision, result.recall) == (0, 0.0, 0.0)


def test_repeated_headings_count_as_a_multiset():
    expected = [node("", "Specification", node("", "Grammar"), node("", "Grammar"))]
    result = score(expected, [node("", "Specification", node("", "Grammar"))])
    assert (result.matched, result.expected, result.parsed) == (2, 3, 2)
    assert result.precision == 1.0
    assert result.recall == pytest.approx(2 / 3)


def test_the_same_entries_in_another_order_score_fully_but_are_not_exact():
    result = score(RFC_LIKE, [RFC_LIKE[2], RFC_LIKE[0], RFC_LIKE[1]])
    assert (result.precision, result.recall, result.exact) == (1.0, 1.0, False)


def test_an_empty_outline_parsed_without_headings_is_exact():
    result = score([], [node("", "")])
    assert (result.precision, result.recall, result.exact) == (1.0, 1.0, True)


def test_headings_invented_for_an_empty_outline_score_zero_precision():
    result = score([], [node("", "My fellow citizens")])
    assert (result.precision, result.recall, result.exact) == (0.0, 1.0, False)


def test_a_parse_without_headings_misses_everything_but_claims_nothing_wrong():
    result = score(RFC_LIKE, [node("", "")])
    assert (result.precision, result.recall, result.exact) == (1.0, 0.0, False)


def test_parsed_sections_compare_like_outline_dicts():
    parsed = (
        ParsedSection("", "Abstract", ("This document specifies…",)),
        ParsedSection("1.", "Introduction", (), (ParsedSection("1.1.", "Conventions"),)),
        ParsedSection("2.", "Protocol Overview", (), (ParsedSection("2.1.", "Incorrect DHE Share"),
                                                     ParsedSection("2.2.", "Resumption"))),
    )
    assert score(RFC_LIKE, parsed).exact
