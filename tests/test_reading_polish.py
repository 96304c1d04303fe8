"""Reading polish found by a tester: labels, notices, sorting, error pages, the compare page."""

from archive.models import Document, DocumentKind


def test_kind_labels_are_the_kinds_display_names(client, seeded):
    Document.objects.filter(pk=seeded["002"].document.pk).update(kind=DocumentKind.EXECUTIVE_ORDER)
    for url in ("/", "/documents/"):
        page = client.get(url).content.decode()
        assert "White paper (" in page and "Executive order (" in page
        assert "Whitepaper" not in page and "Executiveorder" not in page


def test_an_incomplete_capture_says_where_its_missing_parts_are_marked(client, seeded):
    page = client.get(seeded["003"].document.get_absolute_url()).content.decode()
    assert "They are marked in the contents and in the text below." in page


def test_an_incomplete_capture_without_missing_sections_mentions_no_contents(client, seeded):
    document = seeded["002"].document
    Document.objects.filter(pk=document.pk).update(complete=False)
    page = client.get(document.get_absolute_url()).content.decode()
    assert "This capture is incomplete" in page
    assert "contents below" not in page and "marked in" not in page


def test_a_missing_page_is_a_404_in_the_sites_layout(client, seeded):
    response = client.get("/documents/999999999/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page and 'class="site-header"' in page and 'id="q"' in page
    assert "/documents/999999999/" in page
    assert_valid_html(response.content)


def test_the_500_page_is_in_the_sites_layout_without_context_processors_or_a_database(rf, settings):
    """server_error renders 500.html with an empty Context; no database access is allowed here."""
    from django.views.defaults import server_error

    settings.DEBUG = False
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong" in page and 'class="site-header"' in page and "archive.css" in page
    assert_valid_html(response.content)


def assert_valid_html(content: bytes) -> None:
    import html5lib

    html5lib.HTMLParser(strict=True).parse(content)


def _titles(client, query: str) -> list[str]:
    import re
    from html import unescape

    page = client.get("/documents/" + query).content.decode()
    return [unescape(title) for title in re.findall(r'<li><a href="/documents/\d+/">([^<]+)</a>', page)]


def test_browse_sorts_newest_oldest_and_by_title(client, seeded):
    undated = seeded["001"].document  # the op-ed carries no date
    assert undated.date is None
    newest, oldest, by_title = _titles(client, "?sort=newest"), _titles(client, "?sort=oldest"), _titles(client, "?sort=title")
    assert _titles(client, "") == newest
    assert sorted(newest) == sorted(oldest) == sorted(by_title) and len(newest) == 3
    assert by_title == sorted(by_title, key=str.lower)
    # Undated documents come last, newest or oldest first.
    assert newest[-1] == oldest[-1] == undated.title
    assert newest[:-1] == list(reversed(oldest[:-1]))
    page = client.get("/documents/?sort=title").content.decode()
    assert '<option value="title" selected>Title A–Z</option>' in page


def test_browse_pages_keep_the_sort(client, seeded, monkeypatch):
    from django.core.paginator import Paginator

    from archive import views

    monkeypatch.setattr(views, "Paginator", lambda items, _: Paginator(items, 1))
    page = client.get("/documents/?sort=oldest").content.decode()
    assert "sort=oldest&amp;page=2" in page


def test_a_sort_browse_cannot_read_is_a_400_naming_the_parameter(client, seeded):
    response = client.get("/documents/?sort=sideways")
    assert response.status_code == 400
    assert "sort=" in response.content.decode()
