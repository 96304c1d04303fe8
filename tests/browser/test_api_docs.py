"""The API's docs (/api/) in a real browser: Swagger UI runs from the archive's own files under its
Content-Security-Policy (a refused script or style would be a console error) and lists every operation."""

import pytest

pytestmark = pytest.mark.browser


def test_the_api_docs_render_every_operation_offline_within_the_csp(page, live_server):
    outside = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(live_server.url) else None)
    page.goto(live_server.url + "/api/")
    page.wait_for_selector(".opblock")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert {path.replace("\u200b", "") for path in paths} == {"/api/search", "/api/documents/{id}", "/api/documents/{id}/search"}
    assert page.console_errors == [] and outside == []
