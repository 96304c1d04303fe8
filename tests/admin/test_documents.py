"""The document admin: documents with their sections, filters, draft links, the raw source read-only."""

import re

import pytest
from django.contrib.auth.models import User

from archive.models import Document
from archive.search.results import search_documents
from tests.admin.conftest import change_form_data, post_change


def test_changelist_filters_by_kind_and_year(editor_client, seeded):
    response = editor_client.get("/admin/archive/document/", {"kind__exact": "white_paper", "year": "2017"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "China&#x27;s Policies on Asia-Pacific Security Cooperation" in page
    assert "No digital strings attached" not in page


def test_change_page_shows_the_raw_source_escaped_and_the_outline_the_sections_in_order(editor_client, seeded):
    document = seeded["003"].document
    page = editor_client.get(f"/admin/archive/document/{document.pk}/change/").content.decode()
    assert "1 2 3 &gt;" in page  # the raw capture, debris and all, shown as text
    assert 'name="sections-TOTAL_FORMS"' not in page  # sections are edited in the outline, not in the form
    outline = editor_client.get(f"/admin/archive/document/{document.pk}/sections/").content.decode()
    assert outline.index("Preface") < outline.index("Improving the Regional Security Framework")


def test_editor_correction_is_saved_remembered_and_indexed(editor_client, fresh_seeded):
    document = fresh_seeded["002"].document
    response = post_change(editor_client, document, title="No digital strings attached (corrected)")
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    assert document.title.endswith("(corrected)")
    assert "title" in document.edited_fields
    assert search_documents('"strings attached corrected"').count == 1


# Drafts of one work: editors see the link beside the capture link, and may correct it.


@pytest.fixture
def anzus_editor(client, search_index):
    """The February and July 1951 ANZUS drafts (July filed as a draft of February), and a logged-in editor."""
    from tests.test_selectors import import_anzus

    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "pw"))
    return (client, *import_anzus())


def test_the_draft_link_is_listed_and_shown_beside_the_capture_link(anzus_editor):
    client, february, july = anzus_editor
    listing = client.get("/admin/archive/document/").content.decode()
    draft_cells = re.findall(r'<td class="field-draft_of[^"]*">([^<]*)</td>', listing)
    assert sorted(draft_cells) == sorted(["-", february.title])  # July's row names February; February's, none
    page = client.get(f"/admin/archive/document/{july.pk}/change/").content.decode()
    capture_and_drafts = page[page.index("Capture and drafts") :]
    assert 'name="version_of"' in capture_and_drafts
    assert f'name="draft_of" value="{february.pk}"' in capture_and_drafts


def test_an_editor_unlinks_a_draft_and_the_choice_is_kept(anzus_editor):
    client, _, july = anzus_editor
    response = post_change(client, july, draft_of="")
    assert response.status_code == 302, response.content.decode()[:2000]
    july.refresh_from_db()
    assert july.draft_of_id is None and "draft_of" in july.edited_fields  # a re-parse leaves it alone
    assert "Other drafts of this work" not in client.get(july.get_absolute_url()).content.decode()


def test_a_draft_linked_to_any_draft_of_a_work_is_filed_under_its_first(anzus_editor):
    from tests.services.test_documents import ANZUS_JULY, redated

    client, february, july = anzus_editor
    september = Document.objects.get(pk=redated(ANZUS_JULY, "1951-09-01", "1 September 1951", "september.md").document.pk)
    assert post_change(client, september, draft_of="").status_code == 302
    response = post_change(client, september, draft_of=str(july.pk))  # the editor picks the draft they compared
    assert response.status_code == 302, response.content.decode()[:2000]
    september.refresh_from_db()
    assert september.draft_of_id == february.pk
    page = client.get(september.get_absolute_url()).content.decode()
    assert february.get_absolute_url() in page and july.get_absolute_url() in page


@pytest.mark.parametrize("case", ["itself", "its own draft", "a first draft with others"])
def test_a_draft_link_that_would_break_the_work_is_refused_with_a_reason(anzus_editor, case):
    client, february, july = anzus_editor
    document, target, reason = {
        "itself": (july, july, "this document or a draft of its own work"),
        "its own draft": (february, july, "this document or a draft of its own work"),
        "a first draft with others": (february, Document.objects.get(pk=_lone_document().pk), f"(#{july.pk}): link them first"),
    }[case]
    response = post_change(client, document, draft_of=str(target.pk))
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert Document.objects.get(pk=february.pk).draft_of_id is None
    assert Document.objects.get(pk=july.pk).draft_of_id == february.pk


def _lone_document() -> Document:
    from archive.services import document_import
    from tests.conftest import seed_path

    return document_import(raw=seed_path("002").read_bytes(), file_name="002.txt").document


def test_an_editor_deletes_a_document_and_search_forgets_it(editor_client, fresh_seeded):
    document = fresh_seeded["003"].document
    response = editor_client.post(f"/admin/archive/document/{document.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists()
    assert search_documents("Preface").count == 0


def test_deleting_documents_from_the_list_leaves_the_index_in_step(editor_client, fresh_seeded):
    from archive.search.sync.check import index_check

    chosen = [fresh_seeded["002"].document.pk, fresh_seeded["003"].document.pk]
    response = editor_client.post(
        "/admin/archive/document/", {"action": "delete_selected", "_selected_action": chosen, "post": "yes"}
    )
    assert response.status_code == 302
    assert search_documents("Chuanying").count == 0 and search_documents("Preface").count == 0
    assert index_check().clean


def test_the_admin_bears_the_archives_name(editor_client, db):
    page = editor_client.get("/admin/").content.decode()
    assert "<title>Manage the archive | Policy Archive admin</title>" in page
    assert "Policy Archive" in page[page.index('id="site-name"'):][:200]


@pytest.mark.parametrize("value", ["\x00", "a\x00b", "²", "9" * 40])
def test_no_hostile_value_posted_in_any_field_of_the_change_form_is_a_server_error(editor_client, seeded, value):
    """Each field in turn, the inline's management form included: the form answers with its errors (a NUL in an
    author's name would otherwise reach PostgreSQL's JSON, which refuses it)."""
    editor_client.raise_request_exception = False
    document = seeded["003"].document
    data = change_form_data(editor_client, document)
    url = f"/admin/archive/document/{document.pk}/change/"
    failures = [name for name in data if editor_client.post(url, {**data, name: value}).status_code >= 500]
    assert failures == []
    document.refresh_from_db()
    assert "\x00" not in "".join(document.authors)
