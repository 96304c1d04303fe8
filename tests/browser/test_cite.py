"""A researcher cites a document and a section in a real browser: the copy button copies the citation as text."""

import pytest

pytestmark = pytest.mark.browser


def test_copy_puts_the_citation_on_the_clipboard_and_a_section_cite_links_back(browser, live_server, fresh_seeded):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    document = fresh_seeded["003"].document
    page.goto(live_server.url + document.get_absolute_url())
    page.get_by_text("Cite this document").click()
    entry = page.locator("#cite-apa-entry")
    button = page.locator("#cite .copy-citation[data-copy='cite-apa-entry']")
    assert button.is_visible()
    button.click()
    page.wait_for_function("() => document.querySelector(\"#cite .copy-citation[data-copy='cite-apa-entry']\").textContent === 'Copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == " ".join(entry.inner_text().split()) and document.title.split()[0] in copied
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # A section's Cite gives the permalink that lands on that section.
    page.locator("#ii-1 a", has_text="Cite").first.click()
    page.wait_for_url("**/cite/?section=ii-1")
    assert f"{document.get_absolute_url()}#ii-1" in page.locator("#cite-apa-entry").inner_text()
    context.close()
