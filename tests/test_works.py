"""Versions management (archive/works.py, run by the services that write it): unlinking a capture, choosing
the canonical capture, linking documents the importer split; each remembered so re-parses keep it, each
leaving the index as the database says.

The seeds: 000 (#1) is a capture of 001 (#2, the fuller, shown); 002 and 003 stand alone.
"""

import pytest
from django.core.management import call_command

from archive import selectors, services
from archive.models import Document, DocumentStatus
from tests.conftest import seed_path


def links(*documents: Document) -> list[tuple[int | None, int | None]]:
    """(version_of, draft_of) of each document, as committed."""
    return [tuple(Document.objects.filter(pk=d.pk).values_list("version_of", "draft_of").get()) for d in documents]


def assert_index_matches(capsys) -> None:
    capsys.readouterr()
    call_command("check_index", dry_run=True)
    assert "0 missing, 0 orphaned, 0 stale" in capsys.readouterr().out


@pytest.fixture
def seeds(fresh_seeded) -> dict[str, Document]:
    return {prefix: outcome.document for prefix, outcome in fresh_seeded.items()}


def test_the_seeds_start_as_one_capture_hidden_behind_the_other(seeds):
    assert links(seeds["000"], seeds["001"]) == [(seeds["001"].pk, None), (None, None)]


def test_an_unlinked_capture_is_a_document_of_its_own_and_a_reparse_does_not_join_them_again(seeds, capsys):
    capture, canonical = seeds["000"], seeds["001"]
    services.capture_unlink(document=capture)
    assert links(capture, canonical) == [(None, None), (None, None)]
    for document in (capture, canonical):
        document.refresh_from_db()
        assert "version_of" in document.edited_fields
        services.document_reparse(document=document)
    assert links(capture, canonical) == [(None, None), (None, None)]
    assert_index_matches(capsys)


def test_unlinking_the_canonical_capture_shows_the_other_in_its_place_with_its_drafts(seeds, capsys):
    capture, canonical, draft = seeds["000"], seeds["001"], seeds["002"]
    services.documents_link(documents=[canonical, draft], as_="drafts", canonical=canonical)
    services.capture_unlink(document=canonical)
    assert links(capture, canonical, draft) == [(None, None), (None, None), (None, capture.pk)]
    assert_index_matches(capsys)


def test_a_capture_made_canonical_is_shown_and_the_old_canonical_and_the_drafts_point_to_it(seeds, capsys):
    capture, canonical, draft = seeds["000"], seeds["001"], seeds["002"]
    services.documents_link(documents=[canonical, draft], as_="drafts", canonical=canonical)
    services.capture_make_canonical(document=capture)
    assert links(capture, canonical, draft) == [(None, None), (capture.pk, None), (None, capture.pk)]
    services.document_reparse(document=canonical)
    assert links(capture, canonical) == [(None, None), (capture.pk, None)]
    assert_index_matches(capsys)


def test_two_documents_linked_as_captures_show_the_one_chosen(seeds, capsys):
    article, paper = seeds["002"], seeds["003"]
    services.documents_link(documents=[article, paper], as_="captures", canonical=paper)
    assert links(article, paper) == [(paper.pk, None), (None, None)]
    assert_index_matches(capsys)


def test_linking_a_work_with_captures_brings_its_captures_along(seeds, capsys):
    capture, canonical, article = seeds["000"], seeds["001"], seeds["002"]
    services.documents_link(documents=[canonical, article], as_="captures", canonical=article)
    assert links(capture, canonical, article) == [(article.pk, None), (article.pk, None), (None, None)]
    assert_index_matches(capsys)


def test_a_hidden_capture_chosen_as_canonical_is_shown_for_the_whole_work(seeds, capsys):
    capture, canonical, article = seeds["000"], seeds["001"], seeds["002"]
    services.documents_link(documents=[capture, article], as_="captures", canonical=capture)
    assert links(capture, canonical, article) == [(None, None), (capture.pk, None), (capture.pk, None)]
    assert_index_matches(capsys)


def test_two_documents_linked_as_drafts_are_both_listed_under_the_one_chosen(seeds, capsys):
    article, paper = seeds["002"], seeds["003"]
    services.documents_link(documents=[article, paper], as_="drafts", canonical=paper)
    assert links(article, paper) == [(None, paper.pk), (None, None)]
    article.refresh_from_db()
    assert "draft_of" in article.edited_fields
    services.document_reparse(document=article)
    assert links(article, paper) == [(None, paper.pk), (None, None)]
    assert_index_matches(capsys)


def test_two_captures_linked_as_drafts_are_told_apart(seeds, capsys):
    capture, canonical = seeds["000"], seeds["001"]
    services.documents_link(documents=[capture, canonical], as_="drafts", canonical=canonical)
    assert links(capture, canonical) == [(None, canonical.pk), (None, None)]
    assert_index_matches(capsys)


def test_two_works_of_drafts_linked_become_one(seeds, capsys):
    capture, canonical, article, paper = seeds["000"], seeds["001"], seeds["002"], seeds["003"]
    services.documents_link(documents=[capture, canonical], as_="drafts", canonical=canonical)
    services.documents_link(documents=[article, paper], as_="drafts", canonical=article)
    services.documents_link(documents=[paper, capture], as_="drafts", canonical=capture)
    first = canonical.pk  # capture is filed under it: the work keeps its first draft
    assert links(capture, canonical, article, paper) == [(None, first), (None, None), (None, first), (None, first)]
    assert_index_matches(capsys)


@pytest.mark.parametrize(
    "call",
    [
        lambda seeds: services.capture_unlink(document=seeds["002"]),
        lambda seeds: services.capture_make_canonical(document=seeds["001"]),
        lambda seeds: services.documents_link(documents=[seeds["002"]], as_="drafts", canonical=seeds["002"]),
        lambda seeds: services.documents_link(documents=[seeds["000"], seeds["001"]], as_="captures", canonical=seeds["000"]),
        lambda seeds: services.documents_link(documents=[seeds["002"], seeds["003"]], as_="copies", canonical=seeds["002"]),
    ],
    ids=["unlink a lone document", "canonical already", "one document", "already captures", "unknown link"],
)
def test_a_request_that_cannot_be_carried_out_says_why_and_changes_nothing(seeds, call):
    before = links(*seeds.values())
    with pytest.raises(services.LinkError):
        call(seeds)
    assert links(*seeds.values()) == before


def test_a_capture_imported_as_draft_never_hides_the_published_one(search_index):
    published = services.document_import(raw=seed_path("000").read_bytes(), file_name="000.txt").document
    draft = services.document_import(
        raw=seed_path("001").read_bytes(), file_name="001.txt", status=DocumentStatus.DRAFT
    ).document
    assert links(published, draft) == [(None, None), (published.pk, None)]
    assert draft.status == DocumentStatus.DRAFT


@pytest.mark.parametrize("to", [DocumentStatus.DRAFT, DocumentStatus.WITHDRAWN])
def test_a_canonical_capture_leaving_the_public_hands_its_place_to_a_published_capture(seeds, capsys, to):
    capture, canonical = seeds["000"], seeds["001"]
    services.document_transition(document=canonical, to=to, reason="Superseded by the fuller capture.")
    assert links(capture, canonical) == [(None, None), (capture.pk, None)]
    assert selectors.published_document(capture.pk) is not None
    assert_index_matches(capsys)


def test_an_editor_returning_the_canonical_capture_to_draft_in_its_form_keeps_the_text_public(seeds, capsys):
    capture, canonical = seeds["000"], seeds["001"]
    canonical.status = DocumentStatus.DRAFT
    services.document_save(document=canonical, changed_fields=["status"])
    assert links(capture, canonical) == [(None, None), (capture.pk, None)]
    assert_index_matches(capsys)


def test_a_published_capture_is_shown_again_once_its_work_has_no_other(seeds, capsys):
    capture, canonical = seeds["000"], seeds["001"]
    services.document_transition(document=capture, to=DocumentStatus.DRAFT)
    services.document_transition(document=canonical, to=DocumentStatus.DRAFT)
    assert links(capture, canonical) == [(canonical.pk, None), (None, None)]  # no published capture: unchanged
    services.document_transition(document=capture, to=DocumentStatus.PUBLISHED)
    assert links(capture, canonical) == [(None, None), (capture.pk, None)]
    assert_index_matches(capsys)


def test_a_draft_capture_is_not_made_canonical_over_a_published_one(seeds):
    capture, canonical = seeds["000"], seeds["001"]
    services.document_transition(document=capture, to=DocumentStatus.DRAFT)
    with pytest.raises(services.LinkError, match="publish it first"):
        services.capture_make_canonical(document=capture)
    assert links(capture, canonical) == [(canonical.pk, None), (None, None)]


def test_a_links_edit_is_in_the_history_of_each_document_it_relinked(seeds):
    capture, canonical = seeds["000"], seeds["001"]
    services.capture_make_canonical(document=capture)
    for document, shown_as in ((capture, None), (canonical, capture.pk)):
        record = document.history.order_by("-history_id").first()
        assert (record.history_change_reason, record.version_of_id) == ("Made the canonical capture", shown_as)


def test_a_capture_hidden_behind_a_fuller_one_at_import_has_it_in_its_history(seeds):
    from tests.conftest import seed_path

    hidden, shown = seeds["000"], seeds["001"]
    record = hidden.history.order_by("-history_id").first()
    assert (record.version_of_id, record.history_change_reason) == (shown.pk, f"Imported from {seed_path('001').name}")
