"""Related documents, from a document's own key terms, against a real Whoosh index."""

from unittest import mock

import pytest
from django.core.cache import cache

from archive.models import Document, DocumentStatus
from archive.search import related
from archive.search.related import related_documents, sample_text
from archive.services import document_save


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_white_paper_is_related_to_the_public_articles_not_to_itself(seeded):
    white_paper = seeded["003"].document
    found = related_documents(white_paper)
    pks = [document.pk for document in found]
    assert white_paper.pk not in pks
    assert seeded["001"].document.pk in pks
    # The noisier capture of the Asean article is a version of 001: it never shows on its own.
    assert seeded["000"].document.pk not in pks


def test_a_works_other_captures_are_never_related(seeded):
    version = seeded["000"].document
    version.refresh_from_db()
    assert version.version_of_id == seeded["001"].document.pk
    pks = [document.pk for document in related_documents(version)]
    assert version.pk not in pks and seeded["001"].document.pk not in pks
    assert seeded["003"].document.pk in pks


def test_drafts_disappear_even_from_a_cached_answer(fresh_seeded):
    white_paper = fresh_seeded["003"].document
    assert fresh_seeded["002"].document.pk in [document.pk for document in related_documents(white_paper)]
    draft = fresh_seeded["002"].document
    draft.status = DocumentStatus.DRAFT
    draft.save()
    assert draft.pk not in [document.pk for document in related_documents(white_paper)]


def test_the_answer_is_cached_per_document_version(fresh_seeded):
    white_paper = fresh_seeded["003"].document
    first = related_documents(white_paper)
    with mock.patch.object(related, "_related_ids", side_effect=AssertionError("not cached")):
        assert related_documents(white_paper) == first
    white_paper.save()  # a new updated_at: the cached answer no longer applies
    with mock.patch.object(related, "_related_ids", return_value=[]) as recomputed:
        assert related_documents(white_paper) == []
        recomputed.assert_called_once()


def test_the_sample_is_bounded_and_keeps_the_headings(seeded):
    white_paper = seeded["003"].document
    sample = sample_text(white_paper, words=50)
    assert sample.startswith("China's Policies on Asia-Pacific Security Cooperation")
    assert "Improving the Regional Security Framework" in sample
    headings = sum(len(heading.split()) for heading in white_paper.sections.values_list("heading", flat=True))
    assert len(sample.split()) <= 50 + headings + len(white_paper.title.split()) + len(white_paper.subtitle.split())


# Drafts of one work: the page lists them under "Other drafts of this work", so related documents leave them out.

@pytest.fixture
def anzus(fresh_seeded) -> tuple[Document, Document]:
    """The February and July 1951 ANZUS drafts (July filed as a draft of February), beside the seeds."""
    from tests.test_selectors import import_anzus

    return import_anzus()


def pks(documents: list[Document]) -> list[int]:
    return [document.pk for document in documents]


def test_the_other_drafts_of_a_work_are_never_related(anzus, fresh_seeded):
    february, july = anzus
    assert february.pk not in pks(related_documents(july))
    assert july.pk not in pks(related_documents(february))
    # Other documents still are: the Asia-Pacific security white paper shares the treaty's words.
    assert fresh_seeded["003"].document.pk in pks(related_documents(july))


def test_a_draft_linked_by_an_editor_disappears_even_from_a_cached_answer(anzus):
    february, july = anzus
    july.draft_of = None
    document_save(document=july, changed_fields=["draft_of"])
    february = Document.objects.get(pk=february.pk)
    assert july.pk in pks(related_documents(february))  # two works now: the closest of documents
    july.draft_of = february
    document_save(document=july, changed_fields=["draft_of"])  # February itself is not saved
    assert july.pk not in pks(related_documents(Document.objects.get(pk=february.pk)))
