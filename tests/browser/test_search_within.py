"""A researcher searches within the white paper in a real browser and steps through the matches."""

import pytest

pytestmark = pytest.mark.browser


def test_search_within_the_white_paper_and_step_to_the_next_match(page, live_server, fresh_seeded):
    page.goto(live_server.url + fresh_seeded["003"].document.get_absolute_url())
    page.fill("#within-q", "security framework")
    page.press("#within-q", "Enter")
    page.wait_for_url("**/?q=*")
    assert "matches in 2 sections" in page.locator(".within-summary").inner_text()
    marks = page.locator("#document-sections mark")
    assert marks.count() > 2
    next_button = page.get_by_role("button", name="Next match")
    assert next_button.is_visible()
    # Keyboard only: focus the button and press Enter, then Enter again for the next match.
    next_button.focus()
    page.keyboard.press("Enter")
    assert page.locator(".within-position").inner_text().startswith("Match 1 of")
    page.keyboard.press("Enter")
    current = page.locator("#document-sections mark.current")
    assert current.count() == 1
    assert page.locator(".within-position").inner_text().startswith("Match 2 of")
    assert current.evaluate("mark => mark === document.querySelectorAll('#document-sections mark')[1]")
    top = current.evaluate("mark => mark.getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"]
    page.get_by_role("button", name="Previous match").click()
    assert page.locator(".within-position").inner_text().startswith("Match 1 of")
    assert page.console_errors == []


def test_without_javascript_matching_sections_are_plain_links(browser, live_server, fresh_seeded):
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(live_server.url + fresh_seeded["003"].document.get_absolute_url() + "?q=security+framework")
    assert not plain.get_by_role("button", name="Next match").is_visible()
    plain.locator("#i .within-step a", has_text="next matching section").click()
    plain.wait_for_url("**#ii-2")
    context.close()


def test_a_hostile_query_comes_back_as_text(page, live_server, fresh_seeded):
    url = fresh_seeded["003"].document.get_absolute_url()
    page.goto(live_server.url + url + "?q=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E+security")
    assert page.evaluate("window.pwned === undefined")
    assert page.locator("#within-q").input_value() == "<script>window.pwned=1</script> security"
    assert "<script>window.pwned=1</script>" in page.locator(".within").inner_text()


def test_stepping_past_the_last_match_of_a_page_goes_on_to_the_next_page(page, live_server, fresh_seeded, monkeypatch):
    from archive.search import within

    monkeypatch.setattr(within, "SECTIONS_PER_PAGE", 1)
    page.goto(live_server.url + fresh_seeded["003"].document.get_absolute_url() + "?q=framework")
    assert "page 1 of 2" in page.locator(".within-pages").inner_text()
    next_button = page.get_by_role("button", name="Next match")
    for _ in range(page.locator("#document-sections mark").count()):
        next_button.click()
    next_button.click()
    page.wait_for_url("**page=2#*")
    assert "page 2 of 2" in page.locator(".within-pages").inner_text()
    # The next page opens on its first mark; stepping back from it returns to the last mark of page 1.
    assert page.locator(".within-position").inner_text().startswith("Match 1 of")
    page.get_by_role("button", name="Previous match").click()
    page.wait_for_url("**page=1#*")
    last = page.locator("#document-sections mark").count()
    assert page.locator(".within-position").inner_text().startswith(f"Match {last} of {last}")
    assert page.console_errors == []


def test_chinese_words_are_counted_and_marked_on_the_page(page, live_server, cjk_archive):
    report = cjk_archive["report"]
    page.goto(live_server.url + report.get_absolute_url())
    assert page.locator("#document-sections").get_attribute("lang") == "zh"
    for word, count in (("台湾", 13), ("共同富裕", 8), ("中国式现代化", 11)):
        page.fill("#within-q", word)
        page.press("#within-q", "Enter")
        page.wait_for_load_state()
        assert page.locator(".within-summary").inner_text().startswith(f"{count} matches in"), word
        marks = page.locator("#document-sections mark")
        assert marks.count() == count and set(marks.all_inner_texts()) == {word}
    results = page.goto(live_server.url + "/search/?q=台湾")
    assert results.status == 200 and page.locator(".result h2").inner_text() == report.title
    assert page.locator(".suggestion").count() == 0
    assert page.console_errors == []
