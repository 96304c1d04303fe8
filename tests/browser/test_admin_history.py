"""An editor in a real browser recovers an overwritten title from the document's history: edit it, open the
history, see the old and new value, compare, revert; the public page and search show the old title again."""

import pytest

from tests.browser.conftest import admin_login, assert_index_matches_database, serious_violations

pytestmark = pytest.mark.browser

OVERWRITTEN = "A title typed over by mistake"


def blocked_or_failed(page) -> list[str]:
    """Console errors: a style or script the CSP refused, a script that failed, a file that is missing."""
    return list(page.console_errors)


def test_an_editor_reverts_a_title_from_the_history(page, live_server, fresh_seeded, admin_user):
    document = fresh_seeded["002"].document
    old_title = document.title
    base = live_server.url
    admin_login(page, base, "admin", "password")

    page.goto(f"{base}/admin/archive/document/{document.pk}/change/")
    page.fill("#id_title", OVERWRITTEN)
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/archive/document/")
    assert_index_matches_database()

    page.goto(f"{base}/admin/archive/document/{document.pk}/change/")
    page.click("a.historylink")
    page.wait_for_url(f"**/admin/archive/document/{document.pk}/history/")
    edit = page.locator("#change-history tbody tr", has=page.locator(".history-changes li", has_text="Title:"))
    assert edit.locator("del").inner_text() == old_title
    assert edit.locator("ins").inner_text() == OVERWRITTEN
    assert "Edited in admin" in edit.inner_text() and "admin" in edit.inner_text()

    page.locator("#change-history tbody tr").last.locator("input[name=older]").check()
    page.locator("#change-history tbody tr").first.locator("input[name=newer]").check()
    page.click("text=Compare the chosen revisions")
    page.wait_for_url("**/history/compare/?*")
    title_row = page.locator("table.history-diff tr", has_text="Title")
    assert title_row.locator("del").inner_text() == old_title
    assert title_row.locator("ins").inner_text() == OVERWRITTEN

    page.goto(f"{base}/admin/archive/document/{document.pk}/history/")
    page.locator("#change-history tbody tr").last.locator("text=Revert to this").click()
    page.wait_for_url("**/history/*/")
    assert page.locator("table.history-diff ins").first.inner_text() == old_title
    page.click("input[type=submit][value^='Revert to revision']")
    page.wait_for_url(f"**/admin/archive/document/{document.pk}/change/")
    assert "Reverted: title." in page.locator(".messagelist").inner_text()
    assert page.input_value("#id_title") == old_title
    assert_index_matches_database()

    page.goto(base + document.get_absolute_url())
    assert page.locator("h1").inner_text() == old_title
    page.goto(f'{base}/search/?q="strings attached"')
    assert old_title in page.locator("ol.results").inner_text()
    page.goto(f'{base}/search/?q="typed over by mistake"')
    assert page.locator("ol.results").count() == 0
    assert blocked_or_failed(page) == []


def test_the_history_pages_have_no_critical_or_serious_accessibility_violation(page, live_server, fresh_seeded, admin_user):
    document = fresh_seeded["002"].document
    admin_login(page, live_server.url, "admin", "password")
    page.goto(f"{live_server.url}/admin/archive/document/{document.pk}/change/")
    page.fill("#id_title", OVERWRITTEN)
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/archive/document/")
    revisions = sorted(document.history.values_list("history_id", flat=True))
    history = f"/admin/archive/document/{document.pk}/history/"
    addresses = [
        history,
        f"{history}compare/?older={revisions[0]}&newer={revisions[-1]}",
        f"{history}{revisions[0]}/",
    ]
    assert serious_violations(page, live_server.url, addresses) == {}
    assert blocked_or_failed(page) == []
