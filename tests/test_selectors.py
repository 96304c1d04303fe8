"""Reads: the section tree a document page renders flat, in one loop."""

import pytest

from archive.models import Document, Section
from archive.sanitize import paragraphs_to_html
from archive.selectors import reading_order, section_tree

# Three levels deep; 1.1.2 and 2.1.1 each end the two sections around them as well as themselves.
NESTED = [("1", [("1.1", [("1.1.1", []), ("1.1.2", [])])]), ("2", [("2.1", [("2.1.1", [])])])]
NESTED_ORDER = ["1", "1-1", "1-1-1", "1-1-2", "2", "2-1", "2-1-1"]


def nested_document() -> Document:
    """A document whose sections are exactly ``NESTED`` (its imported ones replaced)."""
    from archive.services import document_import

    document = document_import(raw=b"Nested sections\n\nAn opening paragraph.\n", file_name="nested.txt").document
    document.sections.all().delete()

    def add(items, parent):
        for position, (label, children) in enumerate(items):
            text = f"The text of section {label}."
            section = Section.objects.create(
                document=document,
                parent=parent,
                position=position,
                depth=parent.depth + 1 if parent else 0,
                path=(f"{parent.path}." if parent else "") + f"{position:04d}",
                label=label,
                heading=f"Heading {label}",
                anchor=label.replace(".", "-"),
                text=text,
                body=paragraphs_to_html([text]),
            )
            add(children, section)

    add(NESTED, None)
    return document


@pytest.fixture
def nested(search_index):
    return nested_document()


def test_reading_order_lists_each_section_before_its_children(nested):
    assert [node.section.anchor for node in reading_order(section_tree(nested))] == NESTED_ORDER


def test_each_node_closes_itself_and_the_sections_it_ends(nested):
    closes = [len(node.closes) for node in reading_order(section_tree(nested))]
    assert closes == [0, 0, 1, 3, 0, 0, 3]
    assert sum(closes) == len(NESTED_ORDER)


def test_nodes_carry_no_match_until_the_page_searches_within(nested):
    for node in reading_order(section_tree(nested)):
        assert node.match is None and node.previous is None and node.next is None


def test_the_tree_is_read_in_one_query(nested, django_assert_num_queries):
    with django_assert_num_queries(1):
        section_tree(nested)
