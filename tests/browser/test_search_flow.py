"""A researcher in a real browser: home, search, a section hit, the white paper at that section."""

import pytest

pytestmark = pytest.mark.browser


def test_search_from_home_and_land_on_the_white_paper_section(page, live_server, fresh_seeded):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Policy Archive"
    page.fill("#q", '"Improving the Regional Security Framework"')
    page.press("#q", "Enter")
    page.wait_for_url("**/search/?q=*")
    link = page.locator("a.section-link", has_text="Improving the Regional Security Framework")
    link.first.click()
    page.wait_for_url("**#ii-2")
    target = page.locator("#ii-2")
    assert "Improving the Regional Security Framework" in target.locator("h3").inner_text()
    # The section is scrolled into view: its heading sits near the top of the window.
    top = page.evaluate("document.getElementById('ii-2').getBoundingClientRect().top")
    assert 0 <= top < 200
    assert page.console_errors == []


def test_hostile_text_never_runs_as_script(page, live_server, fresh_seeded):
    page.goto(live_server.url + "/search/?q=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E+China")
    assert page.evaluate("window.pwned === undefined")
    assert page.locator(".count, .empty, .error").count() >= 1


def test_document_page_reads_on_a_phone(browser, live_server, fresh_seeded):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    phone.goto(live_server.url + fresh_seeded["003"].document.get_absolute_url())
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    assert phone.locator("nav.toc li.missing").count() == 5
    context.close()


def test_script_in_a_document_field_is_shown_as_text(page, live_server, search_index):
    from archive.services import document_import

    hostile = (
        "Hostile <script>window.pwned=1</script> title\n\n"
        "A paragraph with <img src=x onerror=\"window.pwned=2\"> and <b>bold</b> security words.\n"
    ).encode()
    document = document_import(raw=hostile, file_name="hostile.txt").document
    page.goto(live_server.url + document.get_absolute_url())
    assert page.evaluate("window.pwned === undefined")
    assert "<img src=x" in page.locator(".sections").inner_text()
    page.goto(live_server.url + "/search/?q=security+words")
    assert page.evaluate("window.pwned === undefined")
    assert page.locator(".snippet mark").count() >= 1


def test_narrow_by_a_facet_then_sort_and_keep_both(page, live_server, fresh_seeded):
    page.goto(live_server.url + "/search/?q=China")
    assert "3 documents match" in page.locator(".count").inner_text()
    page.locator(".facet", has_text="Kind").get_by_role("link", name="White paper").click()
    page.wait_for_url("**kind=white_paper*")
    assert "1 document matches" in page.locator(".count").inner_text()
    assert page.locator(".result h2").all_inner_texts() == ["China's Policies on Asia-Pacific Security Cooperation"]
    assert page.locator(".facet a.selected").inner_text() == "✓ White paper"
    # Removing the filter again brings every match back.
    page.locator(".facet a.selected").click()
    assert "3 documents match" in page.locator(".count").inner_text()
    page.select_option("select[name=sort]", "oldest")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**sort=oldest*")
    dates = page.locator(".result time").evaluate_all("nodes => nodes.map(n => n.getAttribute('datetime'))")
    assert dates == sorted(dates)
    assert page.console_errors == []


def test_a_misspelt_search_offers_a_correction_that_works(page, live_server, fresh_seeded):
    page.goto(live_server.url + "/search/?q=Cambodai&kind=opinion")
    page.locator(".suggestion a").click()
    assert "1 document matches" in page.locator(".count").inner_text()
    assert "q=Cambodia" in page.url and "Cambodai" not in page.url and "kind=opinion" in page.url


def test_facets_sit_below_the_results_on_a_phone(browser, live_server, fresh_seeded):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(live_server.url + "/search/?q=China")
    results, facets = phone.locator(".search-main").bounding_box(), phone.locator(".facets").bounding_box()
    assert facets["y"] >= results["y"] + results["height"] - 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
