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
