"""Editors' workflow in a real browser: withdraw with a reason and see the tombstone, publish a draft and find it,
and a Contributor refused publishing. After each, the index matches the database; axe-core finds no critical or
serious violation on the pages the workflow adds (the withdraw page, the list with its actions, the tombstone)."""

import pytest

from archive.models import Document, DocumentStatus
from tests.admin.test_workflow import role_user
from tests.browser.conftest import admin_login, assert_index_matches_database, serious_violations_here

pytestmark = pytest.mark.browser

CHANGELIST = "/admin/archive/document/"


def log_in_as(page, live_server, role: str) -> None:
    role_user(role, password="password")
    admin_login(page, live_server.url, role.lower(), "password")


def run_action(page, live_server, document: Document, action: str) -> None:
    """Tick the document on the list and run the action, as an editor does."""
    page.goto(f"{live_server.url}{CHANGELIST}?status__exact={document.status}")
    page.check(f"input[name=_selected_action][value='{document.pk}']")
    page.select_option("select[name=action]", action)
    page.click("button[name=index]")


def test_withdraw_a_document_and_see_its_tombstone(page, live_server, fresh_seeded):
    document = fresh_seeded["002"].document
    log_in_as(page, live_server, "Editor")
    run_action(page, live_server, document, "withdraw")
    page.wait_for_selector("textarea[name=reason]")
    assert "Withdraw" in page.title()
    assert serious_violations_here(page) == []
    page.fill("textarea[name=reason]", "Withdrawn at the publisher's request: the figures were corrected.")
    page.click("input[type=submit][value=Withdraw]")
    page.wait_for_url(f"**{CHANGELIST}?**")  # back to the list it was run from
    assert "1 document withdrawn." in page.locator(".messagelist").inner_text()
    assert serious_violations_here(page) == []  # the list, with its actions and the message

    tombstone = page.goto(live_server.url + document.get_absolute_url())
    assert tombstone.status == 410
    assert page.locator("h1").inner_text() == document.title
    notice = page.locator(".notice").inner_text()
    assert "the figures were corrected" in notice and "withdrawn" in notice.lower()
    assert page.locator(".sections").count() == 0  # no text
    assert serious_violations_here(page) == []

    url = document.get_absolute_url()
    for address in ("/search/?q=digital", "/search/feed.atom?q=digital", "/feed.atom", "/sitemap.xml",
                    "/search/export.csv?q=digital", "/documents/export.csv", "/documents/", "/api/search?q=digital"):
        response = page.request.get(live_server.url + address)
        assert response.status == 200 and url not in response.text(), address
    api = page.request.get(f"{live_server.url}/api/documents/{document.pk}")
    assert api.status == 410 and "the figures were corrected" in api.json()["reason"]
    assert_index_matches_database()


def test_a_draft_then_publish(page, live_server, fresh_seeded):
    from archive.services import document_transition

    document = fresh_seeded["002"].document
    document_transition(document=document, to=DocumentStatus.DRAFT)
    page.goto(live_server.url + "/search/?q=digital+strings")
    assert document.get_absolute_url() not in page.content()

    log_in_as(page, live_server, "Editor")
    run_action(page, live_server, Document.objects.get(pk=document.pk), "publish")
    page.wait_for_url(f"**{CHANGELIST}?**")
    assert "1 document published." in page.locator(".messagelist").inner_text()
    assert serious_violations_here(page) == []

    page.goto(live_server.url + "/search/?q=digital+strings")
    page.locator(f"a[href='{document.get_absolute_url()}']").first.click()
    page.wait_for_url(f"**{document.get_absolute_url()}")
    assert page.locator("h1").inner_text() == document.title
    assert_index_matches_database()


def test_a_contributor_refused_publishing(page, live_server, fresh_seeded):
    from archive.services import document_transition

    document = fresh_seeded["002"].document
    document_transition(document=document, to=DocumentStatus.DRAFT)
    log_in_as(page, live_server, "Contributor")
    page.goto(live_server.url + CHANGELIST)
    offered = page.locator("select[name=action] option").evaluate_all("options => options.map(o => o.value)")
    assert "submit_for_review" in offered
    assert "publish" not in offered and "withdraw" not in offered
    assert serious_violations_here(page) == []

    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    forged = page.request.post(
        live_server.url + CHANGELIST,
        form={"csrfmiddlewaretoken": token, "action": "publish", "_selected_action": str(document.pk), "index": "0"},
    )
    assert forged.status == 403
    change = f"{live_server.url}/admin/archive/document/{document.pk}/change/"
    page.goto(change)
    statuses = page.locator("select[name=status] option").evaluate_all("options => options.map(o => o.value)")
    assert statuses == ["draft", "in_review"]
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    form = {"csrfmiddlewaretoken": token, "title": document.title, "status": "published"}
    forged = page.request.post(change, form=form)
    assert forged.status == 403
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.DRAFT
    page.goto(live_server.url + document.get_absolute_url())
    assert page.locator("h1").inner_text() != document.title  # still not public
    assert_index_matches_database()
