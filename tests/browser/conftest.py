"""A real browser: Debian's chromium driven by Playwright (no browser download is possible here)."""

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures are still
# synchronous and safe, so Django's async guard is lifted for the browser tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.console_errors = errors
    yield page
    context.close()


def admin_login(page, base_url: str, username: str, password: str) -> None:
    """Log in through the admin's own login form, as an editor would (axes sees a real request)."""
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(lambda url: "/admin/login/" not in url)


def serious_violations(page, base_url: str, addresses: list[str]) -> dict:
    """{address: [(rule, first nodes)]} for every critical or serious axe-core violation."""
    found = {}
    for address in addresses:
        page.goto(base_url + address)
        if serious := serious_violations_here(page):
            found[address] = serious
    return found


def serious_violations_here(page) -> list:
    """[(rule, first nodes)] of the critical or serious axe-core violations on the page as it is now (one a POST
    reached, or after a script changed it)."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    return [
        (violation["id"], [node["target"] for node in violation["nodes"]][:3])
        for violation in violations
        if violation["impact"] in ("critical", "serious")
    ]


def assert_index_matches_database() -> None:
    """After an editor's task, ``check_index --dry-run`` finds the index as the database says (it raises otherwise)."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("check_index", "--dry-run", stdout=out)
    assert "0 missing, 0 orphaned, 0 stale" in out.getvalue()
