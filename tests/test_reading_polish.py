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
