"""An editor imports the seed captures as drafts in a real browser, watching each file's result line and the
progress, then publishes them; the index matches the database after each step, and axe-core finds no
critical or serious violation on the import page, before or after an import."""

import pytest
from playwright.sync_api import expect

from archive.models import Document, DocumentStatus
from archive.search.results import search_documents
from tests.browser.conftest import admin_login, assert_index_matches_database, serious_violations, serious_violations_here
from tests.conftest import seed_path

pytestmark = pytest.mark.browser

PREFIXES = ("000", "001", "002", "003")


def test_import_as_draft_then_publish(page, live_server, search_index, admin_user):
    admin_login(page, live_server.url, "admin", "password")
    assert serious_violations(page, live_server.url, ["/admin/archive/document/import/"]) == {}
    page.goto(live_server.url + "/admin/archive/document/import/")
    errors_before = list(page.console_errors)
    # The first upload is held until the test has seen the progress: the local server is too quick to watch.
    held = []
    page.route("**/import/file/", lambda route: held.append(route) if not held else route.continue_())
    page.set_input_files("#import-files", [str(seed_path(prefix)) for prefix in PREFIXES])
    page.check("#import-draft")
    page.click("input[type=submit][value=Import]")
    expect(page.locator("#import-count")).to_have_text("Importing file 1 of 4; 0 of 4 files processed (0 imported, 0 duplicate, 0 failed).")
    expect(page.locator("#import-bytes")).to_be_visible()
    expect(page.locator("#import-current")).to_contain_text("Uploading 000_")
    held[0].continue_()
    lines = page.locator("#import-results li")
    expect(lines).to_have_count(4, timeout=60_000)
    for line, prefix in zip(lines.all(), PREFIXES):
        expect(line).to_contain_text(f"“{seed_path(prefix).name}”: imported — #")
        expect(line).to_contain_text("(draft)")
    expect(page.locator("#import-count")).to_have_text("Done: 4 of 4 files processed (4 imported, 0 duplicate, 0 failed).")
    assert page.locator("#import-bytes").evaluate("bar => bar.value") == 100
    assert serious_violations_here(page) == []
    assert page.console_errors == errors_before  # the script ran within the CSP, without an error

    documents = list(Document.objects.order_by("pk"))
    assert [document.status for document in documents] == [DocumentStatus.DRAFT] * 4
    assert search_documents("Chuanying").count == 0 and search_documents("security").total == 0
    assert_index_matches_database()

    page.goto(f"{live_server.url}/admin/archive/document/?status__exact=draft")  # published with the list's action
    page.check("#action-toggle")
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    page.wait_for_selector("ul.messagelist li.success")
    assert "4 documents published" in page.locator("ul.messagelist").inner_text()
    assert set(Document.objects.values_list("status", flat=True)) == {DocumentStatus.PUBLISHED}
    assert search_documents("Chuanying").count == 1
    assert_index_matches_database()


def test_without_javascript_the_form_posts_every_file_at_once(browser, live_server, search_index, admin_user):
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    admin_login(plain, live_server.url, "admin", "password")
    plain.goto(live_server.url + "/admin/archive/document/import/")
    plain.set_input_files("#import-files", [str(seed_path("002")), str(seed_path("003"))])
    plain.click("input[type=submit][value=Import]")
    plain.wait_for_url(live_server.url + "/admin/archive/document/")
    messages = plain.locator("ul.messagelist li").all_inner_texts()
    assert [text.split(" — ")[0] for text in messages] == [f"“{seed_path(p).name}”: imported" for p in ("002", "003")]
    context.close()
