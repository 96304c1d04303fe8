"""Versions management in the document admin: the change page's buttons (each with a confirmation page) and
the change list's link actions (a confirmation page choosing the document the others join).

The seeds: 000 is a capture of 001 (the canonical); 002 and 003 stand alone.
"""

import pytest
from django.contrib.auth.models import Permission, User

from archive.models import Document


@pytest.fixture
def editor(client, db):
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "pw"))
    return client


@pytest.fixture
def seeds(fresh_seeded) -> dict[str, Document]:
    return {prefix: Document.objects.get(pk=outcome.document.pk) for prefix, outcome in fresh_seeded.items()}


def change_url(document: Document) -> str:
    return f"/admin/archive/document/{document.pk}/change/"


def versions_url(document: Document, operation: str) -> str:
    return f"/admin/archive/document/{document.pk}/versions/{operation}/"


def test_a_captures_change_page_lists_the_captures_and_offers_both_buttons(editor, seeds):
    page = editor.get(change_url(seeds["000"])).content.decode()
    assert f'href="{versions_url(seeds["000"], "unlink")}"' in page
    assert f'href="{versions_url(seeds["000"], "canonical")}"' in page
    assert f"#{seeds['001'].pk} To align security interests" in page and "(canonical)" in page


def test_the_canonical_capture_offers_unlink_only_and_a_lone_document_neither(editor, seeds):
    canonical = editor.get(change_url(seeds["001"])).content.decode()
    assert "/versions/unlink/" in canonical and "/versions/canonical/" not in canonical
    alone = editor.get(change_url(seeds["002"])).content.decode()
    assert "/versions/" not in alone and "No other capture of this text." in alone


def test_unlink_asks_first_then_unlinks_on_post(editor, seeds):
    capture = seeds["000"]
    confirm = editor.get(versions_url(capture, "unlink"))
    assert confirm.status_code == 200 and "Yes, unlink it" in confirm.content.decode()
    assert Document.objects.get(pk=capture.pk).version_of_id == seeds["001"].pk  # asking changed nothing
    response = editor.post(versions_url(capture, "unlink"), follow=True)
    assert response.redirect_chain[-1][0] == change_url(capture)
    assert any("unlinked" in str(message) for message in response.context["messages"])
    assert Document.objects.get(pk=capture.pk).version_of_id is None


def test_make_canonical_on_post(editor, seeds):
    capture, canonical = seeds["000"], seeds["001"]
    editor.post(versions_url(capture, "canonical"))
    assert Document.objects.get(pk=canonical.pk).version_of_id == capture.pk
    assert Document.objects.get(pk=capture.pk).version_of_id is None


def test_an_operation_that_cannot_be_done_is_reported_not_an_error_page(editor, seeds):
    response = editor.post(versions_url(seeds["002"], "unlink"), follow=True)
    assert response.status_code == 200
    assert any("is not linked with another capture" in str(message) for message in response.context["messages"])


def test_unknown_operations_and_documents_are_not_found(editor, seeds):
    assert editor.get(versions_url(seeds["002"], "merge")).status_code == 404
    assert editor.get("/admin/archive/document/999999/versions/unlink/").status_code == 404


def test_users_who_may_only_view_get_no_buttons_and_are_refused(client, seeds):
    user = User.objects.create_user("viewer", "viewer@example.org", "pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_document"))
    client.force_login(user)
    page = client.get(change_url(seeds["000"])).content.decode()
    assert "/versions/" not in page and "(canonical)" in page
    assert client.post(versions_url(seeds["000"], "unlink")).status_code == 403
    assert Document.objects.get(pk=seeds["000"].pk).version_of_id == seeds["001"].pk


def link(client, action: str, documents, **extra):
    data = {"action": action, "_selected_action": [document.pk for document in documents], **extra}
    return client.post("/admin/archive/document/", data, follow=True)


def test_linking_asks_which_document_the_others_join_then_links_them(editor, seeds):
    article, paper = seeds["002"], seeds["003"]
    confirm = link(editor, "link_as_drafts", [article, paper])
    page = confirm.content.decode()
    assert f'id="canonical-{paper.pk}"' in page and "The draft the work is filed under" in page
    assert Document.objects.get(pk=article.pk).draft_of_id is None  # asking changed nothing
    done = link(editor, "link_as_drafts", [article, paper], post="yes", canonical=paper.pk)
    assert any("as drafts of one work" in str(message) for message in done.context["messages"])
    assert Document.objects.get(pk=article.pk).draft_of_id == paper.pk


def test_linking_as_captures_hides_the_others_behind_the_one_chosen(editor, seeds):
    article, paper = seeds["002"], seeds["003"]
    link(editor, "link_as_captures", [article, paper], post="yes", canonical=article.pk)
    assert Document.objects.get(pk=paper.pk).version_of_id == article.pk


def test_linking_one_document_is_refused_with_a_message(editor, seeds):
    response = link(editor, "link_as_captures", [seeds["002"]])
    assert any("Select two or more documents" in str(message) for message in response.context["messages"])
