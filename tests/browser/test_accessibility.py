"""axe-core on every public page (phone and desktop sizes, light and dark) and on the admin pages the archive adds
or changes: no critical or serious violation.

axe-core comes from the installed axe-playwright-python package (it bundles axe.min.js): nothing is fetched.
"""

import pytest

from tests.browser.conftest import admin_login, serious_violations

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
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    found = serious_violations(context.new_page(), live_server.url, _pages(fresh_seeded))
    context.close()
    assert found == {}


def test_no_admin_page_the_archive_adds_has_a_critical_or_serious_violation(browser, live_server, fresh_seeded, admin_user):
    white_paper, capture = fresh_seeded["003"].document, fresh_seeded["000"].document
    section = white_paper.sections.order_by("path").first()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    admin_login(page, live_server.url, "admin", "password")
    document = f"/admin/archive/document/{white_paper.pk}/"
    addresses = [
        "/admin/archive/document/",
        "/admin/archive/document/import/",
        f"{document}change/",
        f"{document}sections/",
        f"{document}sections/{section.pk}/",
        f"{document}sections/{section.pk}/delete/",
        f"{document}history/",
        f"/admin/archive/document/{capture.pk}/versions/unlink/",
    ]
    found = serious_violations(page, live_server.url, addresses)
    context.close()
    assert found == {}

