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
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = {}
    for address in addresses:
        page.goto(base_url + address)
        violations = axe.run(page).response["violations"]
        serious = [
            (violation["id"], [node["target"] for node in violation["nodes"]][:3])
            for violation in violations
            if violation["impact"] in ("critical", "serious")
        ]
        if serious:
            found[address] = serious
    return found
