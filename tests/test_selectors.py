"""Reads: the section tree a document page renders flat, in one loop."""

import pytest

from archive.models import Document, Section
from archive.sanitize import paragraphs_to_html
from archive.selectors import reading_order, section_tree, shared_work, work_drafts

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


def test_nodes_carry_structure_only(nested):
    """Search presentation (matches, neighbours) belongs to the page's own view, never to the tree."""
    for node in reading_order(section_tree(nested)):
        assert set(vars(node)) == {"section", "children", "closes"}


def test_the_tree_is_read_in_one_query(nested, django_assert_num_queries):
    with django_assert_num_queries(1):
        section_tree(nested)


# Drafts of one work: both listed, each page names the others.

def import_anzus() -> tuple[Document, Document]:
    """The February and July 1951 drafts of the ANZUS treaty, imported in that order."""
    from archive.services import document_import
    from tests.conftest import SHARED

    policy = SHARED / "corpus" / "policy"
    names = ("au-dfat-1951-02-17-draft-of-treaty-anzus.md", "au-dfat-1951-07-12-draft-anzus-security-treaty.md")
    february, july = (document_import(raw=(policy / name).read_bytes(), file_name=name).document for name in names)
    return Document.objects.get(pk=february.pk), Document.objects.get(pk=july.pk)


@pytest.mark.django_db
def test_each_draft_lists_every_draft_of_its_work_earliest_first():
    february, july = import_anzus()
    assert work_drafts(july) == work_drafts(february) == [february, july]


def test_a_document_with_no_other_draft_lists_none(nested):
    assert work_drafts(nested) == []


@pytest.mark.django_db
def test_another_capture_of_a_draft_belongs_to_the_work_of_the_capture_shown():
    from archive.services import document_import

    february, july = import_anzus()
    half = july.source.raw[: len(july.source.raw) // 2]
    capture = document_import(raw=bytes(half), file_name="july-first-half.md").document
    assert capture.version_of_id == july.pk
    assert work_drafts(capture) == [february, july]
    assert shared_work(capture, july) == "captures"
    assert shared_work(capture, february) == shared_work(february, july) == "drafts"
    assert shared_work(february, nested_document()) == shared_work(july, july) == ""


@pytest.mark.django_db
def test_browsing_lists_the_newest_first_and_the_undated_last():
    """SQLite puts an empty date last in a descending order and PostgreSQL first: the archive says which."""
    import datetime

    from archive.selectors import BrowseFilters, browse_documents

    undated = Document.objects.create(title="Undated")
    older = Document.objects.create(title="Older", date=datetime.date(1951, 2, 17))
    newer = Document.objects.create(title="Newer", date=datetime.date(1951, 7, 12))
    assert list(browse_documents(BrowseFilters())) == [newer, older, undated]
    assert list(Document.objects.all()) == [newer, older, undated]  # the admin's and every unordered list


@pytest.mark.django_db
def test_publishers_to_browse_by_are_in_alphabetical_order_whatever_their_case_and_accents():
    """SQLite compares bytes ("Xinhua" before "the Diplomat") and PostgreSQL by its collation: the archive decides."""
    from archive.selectors import browse_choices

    for publisher in ("Xinhua", "the Diplomat", "Élysée", "The Straits Times", "Asahi Shimbun", "the Diplomat"):
        Document.objects.create(title=f"A report from {publisher}", publisher=publisher)
    assert browse_choices()["publisher"] == [
        ("Asahi Shimbun", 1), ("Élysée", 1), ("the Diplomat", 2), ("The Straits Times", 1), ("Xinhua", 1),
    ]


# The workflow: only published documents are public, and a capture names its canonical capture only when public.


def test_only_published_documents_are_public(fresh_seeded):
    from archive.models import DocumentStatus
    from archive.selectors import public_documents, published_document, withdrawn_document
    from archive.services import document_transition

    draft, withdrawn = fresh_seeded["002"].document, fresh_seeded["003"].document
    document_transition(document=draft, to=DocumentStatus.DRAFT)
    document_transition(document=draft, to=DocumentStatus.IN_REVIEW)
    document_transition(document=withdrawn, to=DocumentStatus.WITHDRAWN, reason="Superseded.")
    assert not public_documents().filter(pk__in=[draft.pk, withdrawn.pk]).exists()
    assert published_document(draft.pk) is None and published_document(withdrawn.pk) is None
    assert withdrawn_document(withdrawn.pk) == withdrawn and withdrawn_document(draft.pk) is None


def test_a_capture_names_its_canonical_capture_only_while_that_is_published(fresh_seeded):
    from archive.models import DocumentStatus
    from archive.selectors import shown_capture
    from archive.services import document_transition

    capture, canonical = fresh_seeded["000"].document, fresh_seeded["001"].document
    assert shown_capture(Document.objects.get(pk=capture.pk)) == canonical
    assert shown_capture(canonical) is None
    document_transition(document=canonical, to=DocumentStatus.DRAFT)
    assert shown_capture(Document.objects.get(pk=capture.pk)) is None
