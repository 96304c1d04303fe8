"""No query string, however odd, ends in a server error."""

import pytest

HOSTILE = [
    "*", "?", "~", "a~", "a~~~~9", "^", "title:*", "author:", ":", "::::", "a:b:c", "\\", "'", "''", '""',
    "(", ")", "NOT", "AND OR NOT", "-", "--x", "+", "10+", "%00", "\x00", "\u202e", "‘’“”«»", "a" * 499,
    "(" * 200 + ")" * 200, "a OR " * 90 + "b", "[2017 TO 2020]", "date:[2017 TO", "{}", "title:(",
    "<script>alert(1)</script>", "'; DROP TABLE archive_document; --", "kind:white_paper", "中国 东盟",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_search_page_and_api_never_fail(client, seeded, query):
    page = client.get("/search/", {"q": query})
    api = client.get("/api/search", {"q": query})
    assert page.status_code in (200, 400)
    assert api.status_code in (200, 400)
    assert ("error" in api.json()) == (api.status_code == 400)


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF%FE", "%C3", "a%00b", "%E2%80%AE"])
def test_invalid_utf8_in_the_url_never_fails(client, seeded, raw):
    assert client.get(f"/search/?q={raw}").status_code in (200, 400)
    assert client.get(f"/api/search?q={raw}").status_code in (200, 400)
