"""A document's history in the admin: revisions with their values, who and why; two compared; one reverted."""

import pytest
from django.contrib.auth.models import Permission, User

from archive.models import Document, Section
from archive.search.results import search_documents
from tests.admin.conftest import post_change

OLD_TITLE = "No digital strings attached"


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("editor", "editor@example.org", "pw")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def retitled(editor_client, fresh_seeded):
    """Seed 002 with its title overwritten by an editor in the change form."""
    document = fresh_seeded["002"].document
    assert document.title.startswith(OLD_TITLE)
    response = post_change(editor_client, document, title="A title typed over by mistake")
    assert response.status_code == 302
    document.refresh_from_db()
    return document


def test_an_edit_is_recorded_with_the_previous_value_the_editor_and_a_reason(retitled, editor):
    latest, before = retitled.history.order_by("-history_id")[:2]
    assert (latest.title, latest.history_user, latest.history_change_reason) == (
        "A title typed over by mistake",
        editor,
        "Edited in admin",
    )
    assert before.title.startswith(OLD_TITLE)
    assert before.history_change_reason.startswith("Imported from 002_")


def test_the_history_page_shows_old_and_new_values_with_who_and_why(editor_client, retitled):
    page = editor_client.get(f"/admin/archive/document/{retitled.pk}/history/").content.decode()
    assert f"<strong>Title:</strong> <del>{OLD_TITLE}" in page
    assert "<ins>A title typed over by mistake</ins>" in page
    assert "Edited in admin" in page and "editor" in page
    assert "Imported from 002_" in page


def test_compare_shows_each_changed_field_and_long_text_as_a_word_diff(editor_client, retitled):
    long_note = "The author is a senior fellow at an institute in Shanghai who writes on cyber governance. " * 2
    post_change(editor_client, retitled, author_note=long_note)
    post_change(editor_client, retitled, author_note=long_note.replace("senior fellow", "research professor"))
    newest, older = (record.history_id for record in retitled.history.order_by("-history_id")[:2])
    response = editor_client.get(
        f"/admin/archive/document/{retitled.pk}/history/compare/", {"older": newest, "newer": older}
    )
    page = response.content.decode()
    assert response.context["older"].history_id == older  # the order the editor picked them in does not matter
    assert [change.label for change in response.context["changes"]] == ["Author note"]
    assert "<del>senior fellow </del><ins>research professor </ins>" in page


def test_compare_without_two_revisions_goes_back_to_the_history(editor_client, retitled):
    response = editor_client.get(f"/admin/archive/document/{retitled.pk}/history/compare/", {"older": "x"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/admin/archive/document/{retitled.pk}/history/")


def test_compare_refuses_a_revision_of_another_document(editor_client, retitled, fresh_seeded):
    other = fresh_seeded["003"].document.history.first().history_id
    own = retitled.history.first().history_id
    response = editor_client.get(
        f"/admin/archive/document/{retitled.pk}/history/compare/", {"older": other, "newer": own}
    )
    assert response.status_code == 404


def test_the_revert_form_shows_what_reverting_changes(editor_client, retitled):
    imported = retitled.history.order_by("history_id").first()
    response = editor_client.get(f"/admin/archive/document/{retitled.pk}/history/{imported.history_id}/")
    page = response.content.decode()
    assert "<del>A title typed over by mistake</del>" in page
    assert f"<ins>{OLD_TITLE}" in page
    assert "Version of" not in page  # links to other captures are not reverted


def test_reverting_puts_the_old_title_back_through_the_services(editor_client, retitled, editor):
    imported = retitled.history.order_by("history_id").first()
    response = editor_client.post(f"/admin/archive/document/{retitled.pk}/history/{imported.history_id}/")
    assert response.status_code == 302
    retitled.refresh_from_db()
    assert retitled.title.startswith(OLD_TITLE)
    assert "title" in retitled.edited_fields  # a re-parse keeps the reverted title
    latest = retitled.history.order_by("-history_id").first()
    assert latest.history_change_reason.startswith(f"Reverted to revision {imported.history_id} (")
    assert latest.history_user == editor
    assert search_documents('"strings attached"').count == 1
    assert search_documents('"typed over by mistake"').count == 0


def test_reverting_needs_the_change_permission(client, retitled):
    viewer = User.objects.create_user("viewer", password="pw", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_document"))
    client.force_login(viewer)
    imported = retitled.history.order_by("history_id").first()
    address = f"/admin/archive/document/{retitled.pk}/history/{imported.history_id}/"
    assert 'type="submit"' not in client.get(address).content.decode().split('id="content-main"')[1]
    assert client.post(address).status_code == 403
    retitled.refresh_from_db()
    assert retitled.title == "A title typed over by mistake"


def test_section_edits_are_recorded_and_listed_on_the_history_page(editor_client, fresh_seeded):
    document = fresh_seeded["003"].document
    section = document.sections.order_by("path").first()
    edited = {"label": section.label, "label_scheme": section.label_scheme, "heading": "Preface (corrected)",
              "text": section.text, "captured": "on"}
    response = editor_client.post(f"/admin/archive/document/{document.pk}/sections/{section.pk}/", edited)
    assert response.status_code == 302
    record = Section.history.filter(id=section.pk).order_by("-history_id").first()
    assert (record.heading, record.history_change_reason, record.history_type) == (
        "Preface (corrected)",
        "Section edited",
        "~",
    )
    assert record.prev_record.heading == "Preface"
    page = editor_client.get(f"/admin/archive/document/{document.pk}/history/").content.decode()
    assert "Preface (corrected)" in page


def test_a_deleted_document_keeps_its_history_with_the_reason(editor_client, fresh_seeded):
    document = fresh_seeded["002"].document
    editor_client.post(f"/admin/archive/document/{document.pk}/delete/", {"post": "yes"})
    assert not Document.objects.filter(pk=document.pk).exists()
    deleted = Document.history.filter(id=document.pk).order_by("-history_id").first()
    assert (deleted.history_type, deleted.history_change_reason) == ("-", "Deleted in admin")
