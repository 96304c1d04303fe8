"""An editor manages versions in a real browser: unlinks a capture, makes another capture canonical, links two
documents as drafts of one work. After each, the index matches the database, and axe-core finds no critical or
serious violation on the pages these add (the confirmation pages, the change page's versions panel).

The seeds: 000 is a capture of 001 (the canonical); 002 and 003 stand alone.
"""

import pytest
from playwright.sync_api import expect

from archive.models import Document
from tests.browser.conftest import admin_login, assert_index_matches_database, serious_violations_here

pytestmark = pytest.mark.browser


@pytest.fixture
def editor_page(page, live_server, fresh_seeded, admin_user):
    admin_login(page, live_server.url, "admin", "password")
    page.seeds = {prefix: outcome.document.pk for prefix, outcome in fresh_seeded.items()}
    page.base = live_server.url
    return page


def open_change_page(page, pk: int) -> None:
    page.goto(f"{page.base}/admin/archive/document/{pk}/change/")


def test_unlink_a_capture(editor_page):
    page = editor_page
    capture, canonical = page.seeds["000"], page.seeds["001"]
    open_change_page(page, capture)
    assert serious_violations_here(page) == []
    page.get_by_role("link", name="Unlink this capture…").click()
    expect(page.locator("h1")).to_have_text("Unlink this capture")
    assert serious_violations_here(page) == []
    page.get_by_role("button", name="Yes, unlink it").click()
    page.wait_for_url(f"{page.base}/admin/archive/document/{capture}/change/")
    expect(page.locator("ul.messagelist")).to_contain_text("unlinked: it is a document of its own now")
    expect(page.get_by_text("No other capture of this text.")).to_be_visible()
    assert list(Document.objects.filter(pk__in=[capture, canonical]).values_list("version_of", flat=True)) == [None, None]
    assert_index_matches_database()


def test_make_another_capture_canonical(editor_page):
    page = editor_page
    capture, canonical = page.seeds["000"], page.seeds["001"]
    open_change_page(page, capture)
    page.get_by_role("link", name="Make this the canonical capture…").click()
    assert serious_violations_here(page) == []
    page.get_by_role("button", name="Yes, make it canonical").click()
    page.wait_for_url(f"{page.base}/admin/archive/document/{capture}/change/")
    expect(page.locator("ul.messagelist")).to_contain_text("is now the canonical capture of its text")
    assert Document.objects.get(pk=capture).version_of_id is None
    assert Document.objects.get(pk=canonical).version_of_id == capture
    assert_index_matches_database()


def test_link_two_documents_as_drafts_of_one_work(editor_page):
    page = editor_page
    article, paper = page.seeds["002"], page.seeds["003"]
    page.goto(f"{page.base}/admin/archive/document/")
    for pk in (article, paper):
        page.check(f"input[name=_selected_action][value='{pk}']")
    page.select_option("select[name=action]", "link_as_drafts")
    page.get_by_role("button", name="Go").click()
    expect(page.locator("h1")).to_have_text("Link 2 documents as drafts of one work")
    assert serious_violations_here(page) == []
    page.get_by_label(f"#{paper} China").check()
    page.get_by_role("button", name="Link them").click()
    page.wait_for_url(f"{page.base}/admin/archive/document/")
    expect(page.locator("ul.messagelist")).to_contain_text(f"as drafts of one work, under #{paper}")
    assert Document.objects.get(pk=article).draft_of_id == paper
    assert Document.objects.get(pk=paper).draft_of_id is None
    assert_index_matches_database()
