"""axe-core on every public page, at phone and desktop sizes, light and dark: no critical or serious violation.

axe-core comes from the installed axe-playwright-python package (it bundles axe.min.js): nothing is fetched.
"""

import pytest

pytestmark = pytest.mark.browser


def _pages(seeds) -> list[str]:
    document, capture, other = seeds["003"].document, seeds["001"].document, seeds["000"].document
    return [
        "/",
        "/documents/",
        "/documents/?sort=title&kind=white_paper",
        document.get_absolute_url(),
        document.get_absolute_url() + "?q=security+framework",
        capture.get_absolute_url(),
        "/search/?q=security",
        "/search/?q=nothingmatchesthis",
        "/search/help/",
        f"/documents/{capture.pk}/compare/{other.pk}/",
        f"/documents/{capture.pk}/compare/{other.pk}/?view=side&exact=1",
        "/documents/999999999/",
        "/documents/?year=x",
    ]


@pytest.mark.parametrize(
    "viewport, scheme",
    [({"width": 390, "height": 844}, "light"), ({"width": 1280, "height": 900}, "light"),
     ({"width": 390, "height": 844}, "dark"), ({"width": 1280, "height": 900}, "dark")],
)
def test_no_page_has_a_critical_or_serious_accessibility_violation(browser, live_server, fresh_seeded, viewport, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for address in _pages(fresh_seeded):
        page.goto(live_server.url + address)
        violations = axe.run(page).response["violations"]
        serious = [
            (violation["id"], [node["target"] for node in violation["nodes"]][:3])
            for violation in violations
            if violation["impact"] in ("critical", "serious")
        ]
        if serious:
            found[address] = serious
    context.close()
    assert found == {}
