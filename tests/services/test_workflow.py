"""The workflow's state changes, each in one transaction with one index update on commit."""

import pytest


@pytest.fixture
def workflow_archive(fresh_seeded):
    """The seeds, committed and indexed: a transition's index update runs when its transaction commits."""
    return fresh_seeded


def _index_differences() -> str:
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("check_index", "--dry-run", stdout=out)
    return out.getvalue()


def test_a_draft_submitted_for_review_then_published_is_found_by_search(workflow_archive):
    from archive.models import DocumentStatus
    from archive.search.results import search_documents
    from archive.services import document_transition

    document = workflow_archive["002"].document
    document_transition(document=document, to=DocumentStatus.DRAFT)
    assert search_documents("digital").count == 0
    document_transition(document=document, to=DocumentStatus.IN_REVIEW)
    assert search_documents("digital").count == 0
    document_transition(document=document, to=DocumentStatus.PUBLISHED)
    assert search_documents("digital").count == 1
    assert "0 missing, 0 orphaned, 0 stale" in _index_differences()


def test_withdrawing_needs_a_reason_and_records_it_with_the_time(workflow_archive):
    from archive.models import DocumentStatus
    from archive.services import TransitionRefused, document_transition

    document = workflow_archive["002"].document
    with pytest.raises(TransitionRefused, match="Say why"):
        document_transition(document=document, to=DocumentStatus.WITHDRAWN, reason="  ")
    document_transition(document=document, to=DocumentStatus.WITHDRAWN, reason="Retracted by its publisher.")
    document.refresh_from_db()
    assert (document.status, document.withdrawn_reason) == (DocumentStatus.WITHDRAWN, "Retracted by its publisher.")
    assert document.withdrawn_at is not None
    document_transition(document=document, to=DocumentStatus.PUBLISHED)
    document.refresh_from_db()
    assert (document.withdrawn_reason, document.withdrawn_at) == ("", None)  # the tombstone goes with the state
    assert "0 missing, 0 orphaned, 0 stale" in _index_differences()


def test_an_impossible_transition_is_refused_with_a_clear_message_and_nothing_changes(workflow_archive):
    from archive.models import DocumentStatus
    from archive.services import TransitionRefused, document_transition, documents_transition

    document = workflow_archive["002"].document
    with pytest.raises(TransitionRefused, match="A document that is published can only become draft, withdrawn"):
        document_transition(document=document, to=DocumentStatus.IN_REVIEW)
    document_transition(document=document, to=DocumentStatus.DRAFT)
    with pytest.raises(TransitionRefused, match="A document that is draft can only become in review, published"):
        document_transition(document=document, to=DocumentStatus.WITHDRAWN, reason="Never public.")
    others = [workflow_archive[prefix].document for prefix in ("003",)]
    outcome = documents_transition(documents=[document, *others], to=DocumentStatus.IN_REVIEW)
    assert outcome.changed == (document.pk,) and [pk for pk, _ in outcome.refused] == [others[0].pk]


def test_a_transition_tells_the_history_why_the_document_changed(workflow_archive):
    from archive.models import DocumentStatus
    from archive.services import document_transition

    document = workflow_archive["002"].document
    document_transition(document=document, to=DocumentStatus.DRAFT)
    assert document._change_reason == "Returned to draft"
    document_transition(document=document, to=DocumentStatus.PUBLISHED)
    assert document._change_reason == "Published"


def test_a_save_that_changes_the_state_is_held_to_the_workflow(workflow_archive):
    from django.core.exceptions import ValidationError

    from archive.models import DocumentStatus
    from archive.services import document_save

    document = workflow_archive["002"].document
    document.status = DocumentStatus.IN_REVIEW
    with pytest.raises(ValidationError, match="can only become draft, withdrawn"):
        document_save(document=document, changed_fields=["status"])
    document.status, document.withdrawn_reason = DocumentStatus.WITHDRAWN, "Retracted."
    document_save(document=document, changed_fields=["status", "withdrawn_reason"])
    document.refresh_from_db()
    assert (document.status, document.withdrawn_reason) == (DocumentStatus.WITHDRAWN, "Retracted.")
    assert document.withdrawn_at is not None
    assert "0 missing, 0 orphaned, 0 stale" in _index_differences()
