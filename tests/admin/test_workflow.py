"""The workflow in the document admin: bulk state changes, the withdraw page, and what each role may do."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User

from archive.models import Document, DocumentStatus
from tests.admin.conftest import post_change

CHANGELIST = "/admin/archive/document/"
MIGRATIONS = Path(__file__).resolve().parents[2] / "archive" / "migrations"


def create_roles() -> dict[str, Group]:
    """The groups as the workflow's migration creates them (a test that commits flushes them with every table)."""
    migration = next(MIGRATIONS.glob("*_document_workflow.py")).stem
    importlib.import_module(f"archive.migrations.{migration}").create_roles(apps, None)
    return {group.name: group for group in Group.objects.filter(name__in=("Editor", "Contributor", "Viewer"))}


def role_user(role: str, password: str = "pw") -> User:
    """A staff account (the admin lets staff in) holding one role, and nothing else."""
    user = User.objects.create_user(role.lower(), f"{role.lower()}@example.org", password, is_staff=True)
    user.groups.add(create_roles()[role])
    return user


@pytest.fixture
def as_role(client):
    def login(role: str):
        client.force_login(role_user(role))
        return client

    return login


def offered_actions(client) -> list[str]:
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    form = response.context["action_form"]  # None when no action is offered
    return [name for name, _ in form.fields["action"].choices if name] if form else []


def act(client, action: str, documents, **extra):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [d.pk for d in documents], **extra})


def test_the_migration_creates_the_three_roles_with_their_permissions(db):
    roles = create_roles()
    codenames = {name: set(group.permissions.values_list("codename", flat=True)) for name, group in roles.items()}
    assert "publish_document" in codenames["Editor"]
    assert {"add_document", "change_document"} <= codenames["Editor"] & codenames["Contributor"]
    assert "publish_document" not in codenames["Contributor"]
    assert codenames["Viewer"] == {"view_document", "view_section", "view_sourcefile"}


def test_each_role_is_offered_the_actions_it_may_take(seeded, as_role):
    assert offered_actions(as_role("Editor")) == [
        "submit_for_review", "publish", "return_to_draft", "withdraw",
        "link_as_captures", "link_as_drafts", "reparse_selected", "reindex_selected",
    ]


def test_a_contributor_is_offered_no_publishing(seeded, as_role):
    assert offered_actions(as_role("Contributor")) == ["submit_for_review", "return_to_draft", "reindex_selected"]


def test_a_viewer_reads_the_list_and_is_offered_no_action(seeded, as_role):
    client = as_role("Viewer")
    assert offered_actions(client) == []
    document = seeded["002"].document
    page = client.get(f"/admin/archive/document/{document.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()


@pytest.mark.parametrize(("role", "action"), [
    ("Contributor", "publish"), ("Contributor", "withdraw"), ("Contributor", "delete_selected"),
    ("Contributor", "link_as_captures"), ("Contributor", "reparse_selected"), ("Viewer", "reindex_selected"),
    ("Viewer", "submit_for_review"), ("Viewer", "publish"),
])
def test_a_forged_action_the_role_may_not_take_is_a_403(seeded, as_role, role, action):
    document = seeded["002"].document
    response = act(as_role(role), action, [document], post="yes", reason="Forged.")
    assert response.status_code == 403
    document.refresh_from_db()
    assert document.status == DocumentStatus.PUBLISHED


def test_an_editor_publishes_in_bulk_and_is_told_how_many(fresh_seeded, as_role):
    from archive.search.results import search_documents
    from archive.services import documents_transition

    documents = [fresh_seeded[prefix].document for prefix in ("002", "003")]
    documents_transition(documents=documents, to=DocumentStatus.DRAFT)
    response = act(as_role("Editor"), "publish", documents, **{"index": 0})
    assert response.status_code == 302
    messages = [str(message) for message in response.wsgi_request._messages]
    assert "2 documents published." in messages
    statuses = Document.objects.filter(pk__in=[d.pk for d in documents]).values_list("status", flat=True)
    assert set(statuses) == {"published"}
    assert search_documents("digital").count == 1


def test_withdraw_asks_for_the_reason_on_a_page_of_its_own_first(seeded, as_role):
    client = as_role("Editor")
    document = seeded["002"].document
    page = act(client, "withdraw", [document])
    assert page.status_code == 200
    assert page.templates[0].name == "admin/archive/document/withdraw.html"
    body = page.content.decode()
    assert "Reason for withdrawal" in body and document.title in body
    assert f'name="_selected_action" value="{document.pk}"' in body
    refused = act(client, "withdraw", [document], post="yes", reason="  ")
    assert refused.status_code == 200 and "This field is required." in refused.content.decode()
    document.refresh_from_db()
    assert document.status == DocumentStatus.PUBLISHED


def test_withdrawing_with_a_reason_withdraws_and_reports_it(fresh_seeded, as_role):
    document = fresh_seeded["002"].document
    response = act(as_role("Editor"), "withdraw", [document], post="yes", reason="Retracted by its publisher.")
    assert response.status_code == 302
    assert "1 document withdrawn." in [str(message) for message in response.wsgi_request._messages]
    document.refresh_from_db()
    assert document.status == DocumentStatus.WITHDRAWN
    assert document.withdrawn_reason == "Retracted by its publisher."


def test_a_contributor_moves_drafts_but_leaves_published_documents_alone(fresh_seeded, as_role):
    from archive.services import document_transition

    draft, published = fresh_seeded["002"].document, fresh_seeded["003"].document
    document_transition(document=draft, to=DocumentStatus.DRAFT)
    response = act(as_role("Contributor"), "submit_for_review", [draft, published])
    messages = [str(message) for message in response.wsgi_request._messages]
    assert "1 document submitted for review." in messages
    assert any("1 document left as it was" in message for message in messages)
    assert Document.objects.get(pk=draft.pk).status == DocumentStatus.IN_REVIEW
    assert Document.objects.get(pk=published.pk).status == DocumentStatus.PUBLISHED


def test_a_contributor_may_only_read_a_published_document(seeded, as_role):
    client = as_role("Contributor")
    document = seeded["002"].document
    url = f"/admin/archive/document/{document.pk}/change/"
    assert 'name="_save"' not in client.get(url).content.decode()
    assert client.post(url, {"title": "Changed", "status": "draft"}).status_code == 403


def test_a_contributors_status_field_offers_draft_and_in_review_only(fresh_seeded, as_role):
    from archive.services import document_transition

    client = as_role("Contributor")
    document = fresh_seeded["002"].document
    document_transition(document=document, to=DocumentStatus.DRAFT)
    page = client.get(f"/admin/archive/document/{document.pk}/change/")
    choices = [value for value, _ in page.context["adminform"].form.fields["status"].choices]
    assert choices == ["draft", "in_review"]
    assert post_change(client, document, status="published").status_code == 403
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.DRAFT
    assert post_change(client, document, status="in_review").status_code == 302
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.IN_REVIEW


def test_a_contributors_new_document_starts_as_a_draft(seeded, as_role):
    page = as_role("Contributor").get("/admin/archive/document/add/")
    assert page.context["adminform"].form["status"].value() == DocumentStatus.DRAFT


def test_the_change_forms_status_follows_the_workflow(seeded, as_role):
    client = as_role("Editor")
    document = seeded["002"].document
    response = post_change(client, document, status="in_review")
    assert response.status_code == 200
    assert "A document that is published can only become draft, withdrawn." in response.content.decode()


def test_withdrawing_from_the_change_form_needs_the_reason(fresh_seeded, as_role):
    client = as_role("Editor")
    document = fresh_seeded["002"].document
    response = post_change(client, document, status="withdrawn", withdrawn_reason="")
    assert response.status_code == 200 and "Say why the document is withdrawn" in response.content.decode()
    assert post_change(client, document, status="withdrawn", withdrawn_reason="Retracted.").status_code == 302
    document.refresh_from_db()
    assert (document.status, document.withdrawn_reason) == (DocumentStatus.WITHDRAWN, "Retracted.")
    assert document.withdrawn_at is not None
