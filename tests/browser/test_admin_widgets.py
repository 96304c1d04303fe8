"""The document form's widgets in a real browser: authors added, reordered and removed as a list; the date saved
with the precision filled in; the raw source wrapped in a block of limited height; all within the strict CSP."""

import pytest

from archive.models import DatePrecision, Document
from tests.browser.conftest import admin_login, assert_index_matches_database, serious_violations
from tests.browser.test_admin_history import blocked_or_failed

pytestmark = pytest.mark.browser


@pytest.fixture
def change_page(page, live_server, fresh_seeded, admin_user):
    """The white paper's change page, open for an editor; returns the document."""
    document = fresh_seeded["003"].document
    admin_login(page, live_server.url, "admin", "password")
    page.goto(f"{live_server.url}/admin/archive/document/{document.pk}/change/")
    return document


def test_authors_are_added_reordered_and_removed_as_a_list(page, change_page):
    assert page.locator("#id_authors").is_hidden()  # the script took over the textarea
    for name in ("Mei Ling Tan", "Lu Chuanying", "Someone Else"):
        page.click("button.author-add")
        page.locator(".author-list input").last.fill(name)
    page.click("button[aria-label='Move author 2 up']")
    page.click("button[aria-label='Remove author 3']")
    assert page.locator(".author-list input").evaluate_all("inputs => inputs.map(i => i.value)") == [
        "Lu Chuanying",
        "Mei Ling Tan",
    ]
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    document = Document.objects.get(pk=change_page.pk)
    assert document.authors == ["Lu Chuanying", "Mei Ling Tan"]
    assert "authors" in document.edited_fields
    assert page.locator(".author-list input").evaluate_all("inputs => inputs.map(i => i.value)") == [
        "Lu Chuanying",
        "Mei Ling Tan",
    ]
    assert_index_matches_database()
    assert blocked_or_failed(page) == []


def test_the_date_is_edited_as_year_month_and_day(page, change_page):
    assert page.input_value("#id_date_0") == "2017"
    assert page.input_value("#id_date_1") == "1"  # January 2017: no day shown, none invented
    assert page.input_value("#id_date_2") == ""
    page.fill("#id_date_0", "2016")
    page.select_option("#id_date_1", "")
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    document = Document.objects.get(pk=change_page.pk)
    assert (document.date.year, document.date_precision) == (2016, DatePrecision.YEAR)
    assert_index_matches_database()


def test_the_raw_source_is_wrapped_and_height_limited(page, change_page, live_server):
    block = page.locator("pre.raw-source")
    box = block.bounding_box()
    assert box["height"] < 600
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    assert block.evaluate("element => element.scrollHeight > element.clientHeight")  # the rest scrolls inside it
    assert block.evaluate("element => getComputedStyle(element).whiteSpace") == "pre-wrap"
    with page.expect_navigation():
        page.click("text=Show as text")
    assert "Improving the Regional Security Framework" in page.locator("body").inner_text()
    assert blocked_or_failed(page) == []


def test_the_change_page_has_no_critical_or_serious_accessibility_violation(page, change_page, live_server):
    address = f"/admin/archive/document/{change_page.pk}/change/"
    assert serious_violations(page, live_server.url, [address]) == {}
