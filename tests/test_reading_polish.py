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


def test_the_compare_page_names_each_captures_dates_and_source(client, seeded):
    clean, noisy = seeded["001"].document, seeded["000"].document
    page = client.get(f"/documents/{clean.pk}/compare/{noisy.pk}/").content.decode()
    assert page.count("imported <time") == 2 and page.count("dated ") == 2
    for capture in (clean, noisy):
        assert capture.created_at.strftime("%Y") in page
        if capture.source_url:
            assert f'href="{capture.source_url}"' in page
        if capture.source:
            assert capture.source.file_name in page
    assert_valid_html(client.get(f"/documents/{clean.pk}/compare/{noisy.pk}/").content)


def test_the_compare_page_ignores_quote_and_dash_styles_unless_asked_to_be_exact(client, seeded):
    import re

    clean, noisy = seeded["001"].document, seeded["000"].document  # curly quotes in one, straight in the other

    def added(query: str) -> int:
        page = client.get(f"/documents/{clean.pk}/compare/{noisy.pk}/{query}").content.decode()
        return int(re.search(r"(\d+) words? added", page).group(1))

    assert added("?exact=1") > added("")
    assert "Show quotation mark and dash changes" in client.get(f"/documents/{clean.pk}/compare/{noisy.pk}/").content.decode()


def test_the_compare_page_offers_side_by_side(client, seeded):
    clean, noisy = seeded["001"].document, seeded["000"].document
    response = client.get(f"/documents/{clean.pk}/compare/{noisy.pk}/?view=side&exact=1")
    assert response.status_code == 200
    assert_valid_html(response.content)
    page = response.content.decode()
    assert '<table class="diff diff-side">' in page and "<del>" in page and "<ins>" in page
    assert '<a href="?view=inline&amp;exact=1">Inline</a>' in page


def test_a_compare_option_it_cannot_read_is_a_400_naming_it(client, seeded):
    clean, noisy = seeded["001"].document, seeded["000"].document
    for query, name in (("?view=sideways", "view="), ("?exact=yes", "exact=")):
        response = client.get(f"/documents/{clean.pk}/compare/{noisy.pk}/{query}")
        assert response.status_code == 400 and name in response.content.decode()


def test_did_you_mean_carries_the_query_once_and_keeps_the_filters(client, seeded):
    import re
    from html import unescape
    from urllib.parse import parse_qs, urlsplit

    page = client.get("/search/?q=Cambodai&kind=opinion").content.decode()
    href = unescape(re.search(r'Did you mean <a href="([^"]+)"', page).group(1))
    params = parse_qs(urlsplit(href).query)
    assert params["q"] == ["Cambodia"] and params.get("kind") == ["opinion"]


def test_the_500_page_renders_without_a_static_files_manifest(rf, settings, monkeypatch):
    from django.templatetags import static as static_module
    from django.views.defaults import server_error

    def missing(path):
        raise ValueError(f"Missing staticfiles manifest entry for '{path}'")

    monkeypatch.setattr(static_module, "static", missing)
    settings.DEBUG = False
    page = server_error(rf.get("/")).content.decode()
    assert f'href="{settings.STATIC_URL}archive/archive.css"' in page


def test_no_compare_option_value_takes_a_real_comparison_down(client, seeded):
    from bench.hostile import HOSTILE_VALUES

    clean, noisy = seeded["001"].document, seeded["000"].document
    for name in ("exact", "view"):
        for value in HOSTILE_VALUES:
            status = client.get(f"/documents/{clean.pk}/compare/{noisy.pk}/", {name: value}).status_code
            assert status in (200, 400), (name, str(value)[:20], status)
