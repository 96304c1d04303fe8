"""Reading polish in a real browser: permalinks without hover, print, dark mode, the help table on a phone."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

# The contrast ratio (WCAG) of an element's text against the first opaque background behind it.
CONTRAST = """element => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let node = element, bg = null;
  while (node && node.nodeType === 1) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length < 4 || c[3] > 0) { bg = c; break; }
    node = node.parentElement;
  }
  bg = bg || [255, 255, 255];
  const a = lum(rgb(getComputedStyle(element).color)), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    yield page
    context.close()


def test_the_section_permalink_shows_and_works_without_hover_on_a_phone(phone, live_server, fresh_seeded):
    phone.goto(live_server.url + fresh_seeded["003"].document.get_absolute_url())
    permalink = phone.locator("#ii-2 > .section-heading .permalink")
    assert permalink.is_visible()
    assert float(permalink.evaluate("a => getComputedStyle(a).opacity")) > 0.3
    box = permalink.bounding_box()
    assert box["width"] > 8 and box["height"] > 8
    permalink.tap()
    phone.wait_for_url("**#ii-2")


def test_the_permalink_is_visible_on_a_desktop_without_hover(page, live_server, fresh_seeded):
    page.goto(live_server.url + fresh_seeded["003"].document.get_absolute_url())
    assert page.locator("#ii-2 > .section-heading .permalink").is_visible()
    page.keyboard.press("Tab")
    assert page.console_errors == []


def test_printing_a_document_keeps_the_text_and_its_address_and_drops_the_chrome(page, live_server, fresh_seeded):
    document = fresh_seeded["003"].document
    page.goto(live_server.url + document.get_absolute_url() + "?q=security")
    assert not page.locator(".print-url").is_visible()
    page.emulate_media(media="print")
    for hidden in (".site-header", "#q", ".within-form", ".related", "nav[aria-label=Main]", ".site-footer"):
        locator = page.locator(hidden)
        assert locator.count() == 0 or not locator.first.is_visible(), hidden
    address = page.locator(".print-url")
    assert address.is_visible()
    assert live_server.url + document.get_absolute_url() in address.inner_text()
    assert page.locator("h1").is_visible()
    assert page.locator("#ii-2").is_visible()
    assert page.pdf()[:4] == b"%PDF"


@pytest.mark.parametrize("size", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}])
def test_dark_mode_reads_with_contrast_including_marks(browser, live_server, fresh_seeded, size):
    context = browser.new_context(viewport=size, color_scheme="dark")
    page = context.new_page()
    page.goto(live_server.url + fresh_seeded["003"].document.get_absolute_url() + "?q=security")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(252, 252, 250)"  # not the light page
    for selector in ("h1", "#document-sections p", "#document-sections mark", ".site-name", ".provenance a", ".notice",
                     "#q"):
        ratio = page.locator(selector).first.evaluate(CONTRAST)
        assert ratio >= 4.5, (selector, ratio)
    page.goto(live_server.url + "/search/?q=security")
    for selector in (".result h2 a", ".snippet", ".snippet mark"):
        ratio = page.locator(selector).first.evaluate(CONTRAST)
        assert ratio >= 4.5, (selector, ratio)
    context.close()


def test_the_search_help_fits_a_phone(phone, live_server, fresh_seeded):
    phone.goto(live_server.url + "/search/help/")
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    for width in phone.locator("table.syntax").evaluate_all("tables => tables.map(t => t.getBoundingClientRect().right)"):
        assert width <= 390


def test_a_missing_page_reads_in_the_sites_layout_on_a_phone(phone, live_server, fresh_seeded):
    response = phone.goto(live_server.url + "/documents/999999999/")
    assert response.status == 404
    assert phone.locator("h1").inner_text() == "Page not found"
    assert phone.locator("#q").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1


def test_on_a_phone_a_link_near_the_top_leads_to_the_search_filters(phone, live_server, fresh_seeded):
    phone.goto(live_server.url + "/search/?q=security")
    link = phone.get_by_role("link", name="Filter these results")
    assert link.is_visible()
    assert link.bounding_box()["y"] < phone.locator(".result").first.bounding_box()["y"]
    link.tap()
    phone.wait_for_url("**#facets")
    top = phone.evaluate("document.getElementById('facets').getBoundingClientRect().top")
    assert 0 <= top < 844 - 100  # in view (at the top, unless the page ends first)
    with phone.expect_navigation():
        phone.locator(".facet a").first.tap()
    assert phone.locator(".facet a.selected").count() == 1


def test_on_a_desktop_the_filters_sit_beside_the_results_without_the_link(page, live_server, fresh_seeded):
    page.goto(live_server.url + "/search/?q=security")
    assert not page.get_by_role("link", name="Filter these results").is_visible()
    assert page.locator("#facets").is_visible()
    assert page.locator("#facets").bounding_box()["y"] < 400


def test_browse_sorts_by_title_from_the_form_on_a_phone(phone, live_server, fresh_seeded):
    phone.goto(live_server.url + "/documents/")
    phone.select_option("select[name=sort]", "title")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Filter").tap()
    assert "sort=title" in phone.url
    titles = phone.locator("ol.documents > li > a").all_inner_texts()
    assert titles == sorted(titles, key=str.lower) and len(titles) == 3
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1


@pytest.mark.parametrize("size", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}])
def test_the_compare_page_side_by_side_fits_and_switches(browser, live_server, fresh_seeded, size):
    context = browser.new_context(viewport=size)
    page = context.new_page()
    clean, noisy = fresh_seeded["001"].document, fresh_seeded["000"].document
    page.goto(live_server.url + f"/documents/{clean.pk}/compare/{noisy.pk}/")
    assert page.locator(".capture-facts").count() == 2
    with page.expect_navigation():
        page.get_by_role("link", name="Side by side").click()
    assert "view=side" in page.url
    cells = page.locator("table.diff-side tbody tr").first.locator("td")
    left, right = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert left["x"] < right["x"] and abs(left["y"] - right["y"]) < 2  # beside each other
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    with page.expect_navigation():
        page.get_by_role("link", name="Show quotation mark and dash changes").click()
    assert "exact=1" in page.url and "view=side" in page.url
    assert page.locator("table.diff-side del").count() > 0
    context.close()
