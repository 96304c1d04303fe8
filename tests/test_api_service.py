"""The JSON API as a service: per-client throttling, every error as JSON, HEAD as GET, and its docs (/api/)
served whole from the archive itself, within the Content-Security-Policy."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import caches


@pytest.fixture
def throttled(settings):
    """A low rate, counted from nothing (the counts live in the cache)."""
    settings.API_THROTTLE_RATE = "3/minute"
    caches["shared"].clear()
    yield
    caches["shared"].clear()


def test_a_client_past_the_rate_is_answered_429_json_with_retry_after(client, seeded, throttled):
    address = f"/api/documents/{seeded['003'].document.pk}"
    assert [client.get(address).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(address)
    assert response.status_code == 429 and response["Content-Type"] == "application/json"
    assert "throttled" in response.json()["error"] and 0 < int(response["Retry-After"]) <= 60
    assert client.get("/api/search", {"q": "security"}).status_code == 429  # one count for the whole API
    # Another client is counted on its own.
    assert client.get(address, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_the_rate_counts_only_api_requests(client, seeded, throttled):
    for _ in range(5):
        assert client.get("/search/", {"q": "security"}).status_code == 200
    assert client.get("/api/search", {"q": "security"}).status_code == 200


def test_with_no_rate_nothing_is_throttled(client, settings):
    settings.API_THROTTLE_RATE = None
    assert all(client.get("/api/nothing-here").status_code == 404 for _ in range(200))


def test_every_error_is_json_naming_it(client, seeded):
    document = seeded["003"].document.pk
    for method, address, status in [
        ("get", "/api/search?q=((((", 400),
        ("get", "/api/search?q=china&sort=sideways", 400),
        ("get", "/api/documents/999999", 404),
        ("get", "/api/documents/abc", 404),  # not an address of the API at all
        ("get", "/api/no/such/address", 404),
        ("post", "/api/search?q=china", 405),
        ("put", f"/api/documents/{document}", 405),
        ("delete", f"/api/documents/{document}", 405),
        ("options", "/api/search", 405),
    ]:
        response = getattr(client, method)(address)
        assert response.status_code == status, (method, address)
        assert response["Content-Type"] == "application/json" and response.json()["error"], (method, address)
    assert client.post("/api/search").headers["Allow"] == "GET, HEAD"


def test_a_search_of_a_document_with_the_index_unreadable_is_a_json_503(client, seeded, monkeypatch):
    from archive.search.engine import EngineUnavailable
    from archive.search.whoosh.backend import ArchiveWhooshBackend

    def damaged(*args, **kwargs):
        raise EngineUnavailable("the index files are damaged")

    monkeypatch.setattr(ArchiveWhooshBackend, "search", damaged)
    monkeypatch.setattr(ArchiveWhooshBackend, "query_parser", damaged)
    response = client.get(f"/api/documents/{seeded['003'].document.pk}/search", {"q": "security"})
    assert response.status_code == 503 and "search index cannot be read" in response.json()["error"]


def test_json_whatever_the_client_accepts(client, seeded):
    response = client.get("/api/search", {"q": "security", "format": "xml"}, HTTP_ACCEPT="text/plain")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert client.get("/api/schema/", HTTP_ACCEPT="text/html").status_code == 200


def test_head_answers_as_get_for_the_schema_and_docs(client):
    for address in ["/api/schema/", "/api/", "/api/?script="]:
        get, head = client.get(address), client.head(address)
        assert get.status_code == head.status_code == 200 and head.content == b""
        assert head["Content-Type"] == get["Content-Type"]


def test_the_docs_load_only_the_archives_own_files_and_no_inline_code(client):
    response = client.get("/api/")
    page = response.content.decode()
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "<style" not in page and not re.search(r"<script[^>]*>\s*[^<\s]", page)
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert len(sources) >= 4 and all(source.startswith("/") for source in sources), sources
    for source in sources:  # the static files are served once collected (tests/test_gunicorn.py serves them)
        found = finders.find(source.removeprefix("/static/")) if source.startswith("/static/") else None
        assert found or client.get(source).status_code == 200, source
    script = client.get("/api/?script=")
    assert script["Content-Type"] == "application/javascript" and "/api/schema/" in script.content.decode()


def test_the_footer_links_the_docs(client, seeded):
    assert '<a href="/api/">JSON API</a>' in client.get("/").content.decode()


def test_behind_a_proxy_the_client_is_the_address_the_proxy_appended(client, settings, throttled):
    """As for login throttling (TRUSTED_PROXY_COUNT): what the client writes into X-Forwarded-For itself is not
    read, so it cannot take a fresh count by forging it."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    statuses = [
        client.get("/api/nothing-here", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.5", REMOTE_ADDR="127.0.0.1").status_code
        for n in range(4)
    ]
    assert statuses == [404, 404, 404, 429]
    other = client.get("/api/nothing-here", HTTP_X_FORWARDED_FOR="203.0.113.6", REMOTE_ADDR="127.0.0.1")
    assert other.status_code == 404


def test_the_rate_is_counted_across_server_processes(client, seeded, throttled):
    """gunicorn's workers are processes: a count each kept for itself would let a client make the rate times
    the number of workers. Another process's requests count against the same client here."""
    import subprocess
    import sys
    from pathlib import Path

    from django.conf import settings as live

    code = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "from django.conf import settings\n"
        "settings.API_THROTTLE_RATE = '3/minute'\n"
        "client = Client(raise_request_exception=False)  # its database is not the test's: only the count matters\n"
        "print([client.get('/api/search', {'q': 'security'}).status_code for _ in range(2)])\n"
    )
    data_dir = Path(live.CACHES["shared"]["LOCATION"]).parent  # the child's shared cache is this process's
    env = {"PATH": "/usr/bin:/bin", "ARCHIVE_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "config.settings"}
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True)
    statuses = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-1500:]
    assert statuses.startswith("[") and "429" not in statuses, statuses
    assert client.get("/api/search", {"q": "security"}).status_code != 429  # the third request of the minute
    assert client.get("/api/search", {"q": "security"}).status_code == 429  # the fourth, whichever process answers
