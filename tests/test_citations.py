"""Citations of the seed documents and their sections, as a researcher pastes or imports them."""

import json

import pytest

from archive.citations import bibtex, csl_item, formatted, parse_name, ris
from archive.models import Section

BASE = "https://archive.example.org"


def item_of(document, section=None):
    url = BASE + (section.get_absolute_url() if section else document.get_absolute_url())
    return csl_item(document, url, section)


@pytest.mark.parametrize(
    "name, parsed",
    [
        ("Daniel Byman", {"family": "Byman", "given": "Daniel"}),
        ("Mei Ling Tan", {"family": "Tan", "given": "Mei Ling"}),
        ("Byman, Daniel L.", {"family": "Byman", "given": "Daniel L."}),
        ("Ludwig van Beethoven", {"family": "van Beethoven", "given": "Ludwig"}),
        ("Lu Chuanying", {"family": "Lu", "given": "Chuanying"}),
        ("习近平", {"literal": "习近平"}),
        ("Xinhua", {"literal": "Xinhua"}),
    ],
)
def test_names_are_read_family_and_given_or_kept_whole(name, parsed):
    assert parse_name(name) == parsed


def test_op_ed_cites_its_author_and_day(seeded):
    document = seeded["002"].document
    item = item_of(document)
    assert item["author"] == [{"family": "Lu", "given": "Chuanying"}]
    assert item["issued"] == {"date-parts": [[2024, 5, 16]]}
    styles = {style.style: style for style in formatted(item)}
    assert "Lu, Chuanying" in styles["chicago"].entry
    assert "May 16, 2024" in styles["chicago"].entry
    assert "“No Digital Strings Attached.”" in styles["chicago"].entry  # the period inside the quotes
    assert styles["apa"].note == "(Lu, 2024)"
    assert "Lu, C. (2024, May 16)." in styles["apa"].entry
    assert "Lu, Chuanying." in styles["mla"].entry and "16 May 2024" in styles["mla"].entry


def test_white_paper_cites_its_issuer_as_author_and_only_the_month(seeded):
    document = seeded["003"].document
    item = item_of(document)
    assert item["author"] == [{"literal": document.issuer}]
    assert item["issued"] == {"date-parts": [[2017, 1]]}
    styles = {style.style: style for style in formatted(item)}
    assert styles["chicago"].entry.startswith(document.issuer)
    assert "January 2017" in styles["chicago"].entry
    assert "(2017)" in styles["apa"].entry
    assert "Jan. 2017" in styles["mla"].entry


def test_a_section_is_cited_with_its_printed_label_heading_and_anchored_permalink(seeded):
    document = seeded["003"].document
    section = Section.objects.get(document=document, anchor="ii-1")
    item = item_of(document, section)
    assert item["title"].startswith(f"{section.printed_label} {section.heading}")
    assert item["container-title"] == document.title
    assert item["URL"] == f"{BASE}/documents/{document.pk}/#ii-1"
    for style in formatted(item):
        assert section.heading in style.entry and "#ii-1" in style.entry


def test_bibtex_parses_with_every_field(seeded):
    bibtexparser = pytest.importorskip("bibtexparser")
    document = seeded["003"].document
    library = bibtexparser.parse_string(bibtex(item_of(document)))
    (entry,) = library.entries
    assert entry.entry_type == "techreport"
    assert entry["author"] == "{" + document.issuer + "}"
    assert entry["title"] == document.title
    assert entry["year"] == "2017" and entry["date"] == "2017-01"
    assert entry["url"] == f"{BASE}/documents/{document.pk}/"


def test_bibtex_escapes_what_would_break_an_entry():
    from archive.models import Document

    document = Document(pk=9, title="100% of {tax} & more_", authors=["Ana Pérez"], publisher="A & B")
    text = bibtex(csl_item(document, BASE + "/documents/9/"))
    assert r"100\% of \{tax\} \& more\_" in text and "Pérez, Ana" in text


def test_ris_parses_with_authors_and_date_in_its_precision(seeded):
    rispy = pytest.importorskip("rispy")
    document = seeded["002"].document
    (record,) = rispy.loads(ris(item_of(document)))
    assert record["type_of_reference"] == "NEWS"
    assert record["authors"] == ["Lu, Chuanying"]
    assert record["title"] == document.title
    assert record["year"] == "2024" and record["date"] == "2024/05/16/"
    white_paper = rispy.loads(ris(item_of(seeded["003"].document)))[0]
    assert white_paper["date"] == "2017/01//"


def test_csl_json_round_trips(seeded):
    from archive.citations import csl_json

    item = item_of(seeded["003"].document)
    assert json.loads(csl_json([item])) == [item]


# --- The pages ------------------------------------------------------------------------------------------

from tests.test_views import assert_valid_html  # noqa: E402


def test_document_page_shows_its_citations_and_downloads(client, seeded):
    document = seeded["002"].document
    response = client.get(document.get_absolute_url())
    assert_valid_html(response.content)
    page = response.content.decode()
    assert "Cite this document" in page
    assert "Lu, Chuanying." in page and "(Lu, 2024)" in page
    for extension in ("bib", "ris", "json"):
        assert f'href="/documents/{document.pk}/cite.{extension}"' in page
    assert "archive/cite.js" in page


def test_every_section_links_to_its_citation(client, seeded):
    document = seeded["003"].document
    page = client.get(document.get_absolute_url()).content.decode()
    anchors = Section.objects.filter(document=document, captured=True).exclude(heading="", label="")
    for anchor in anchors.values_list("anchor", flat=True):
        assert f'href="/documents/{document.pk}/cite/?section={anchor}"' in page


def test_section_cite_page_names_the_section_and_its_permalink(client, seeded):
    document = seeded["003"].document
    section = Section.objects.get(document=document, anchor="ii-1")
    response = client.get(f"/documents/{document.pk}/cite/", {"section": "ii-1"})
    assert response.status_code == 200
    assert_valid_html(response.content)
    page = response.content.decode()
    assert section.heading.replace("'", "&#x27;") in page
    assert f"http://testserver/documents/{document.pk}/#ii-1" in page
    assert f"/documents/{document.pk}/cite.bib?section=ii-1" in page


def test_downloads_parse_as_a_reference_manager_reads_them(client, seeded):
    import bibtexparser
    import rispy

    document = seeded["003"].document
    bib = client.get(f"/documents/{document.pk}/cite.bib", {"section": "ii-1"})
    assert bib["Content-Disposition"].startswith("attachment") and bib["Content-Type"].startswith("application/x-bibtex")
    (entry,) = bibtexparser.parse_string(bib.content.decode()).entries
    assert entry.entry_type == "inbook" and entry["booktitle"] == document.title
    assert entry["url"] == f"http://testserver/documents/{document.pk}/#ii-1"
    (record,) = rispy.loads(client.get(f"/documents/{document.pk}/cite.ris").content.decode())
    assert record["title"] == document.title and record["authors"] == [document.issuer]
    (item,) = json.loads(client.get(f"/documents/{document.pk}/cite.json").content)
    assert item["title"] == document.title and item["issued"] == {"date-parts": [[2017, 1]]}


def test_citations_of_drafts_unknown_sections_and_bad_parameters_are_refused(client, fresh_seeded):
    from archive.models import DocumentStatus

    document = fresh_seeded["003"].document
    assert client.get(f"/documents/{document.pk}/cite/", {"section": "no-such"}).status_code == 404
    response = client.get(f"/documents/{document.pk}/cite.bib", {"section": "<b>"})
    assert response.status_code == 400 and b"section=" in response.content
    assert client.get(f"/documents/{document.pk}/cite.txt").status_code == 404
    type(document).objects.filter(pk=document.pk).update(status=DocumentStatus.DRAFT)
    for address in ("cite/", "cite.bib", "cite.ris", "cite.json"):
        assert client.get(f"/documents/{document.pk}/{address}").status_code == 404


def test_a_hostile_title_is_escaped_in_every_citation(client, fresh_seeded):
    document = fresh_seeded["002"].document
    type(document).objects.filter(pk=document.pk).update(title="<script>alert(1)</script> & <i>co</i>")
    page = client.get(f"/documents/{document.pk}/cite/").content.decode()
    assert "<script>alert" not in page and "<i>co</i>" not in page


# --- The document page's <head> -------------------------------------------------------------------------


def head_of(client, document):
    """The page's citation_* meta tags as (name, content) pairs, and its JSON-LD parsed."""
    import html5lib

    tree = html5lib.parse(client.get(document.get_absolute_url()).content, namespaceHTMLElements=False)
    head = tree.find("head")
    tags = [(meta.get("name"), meta.get("content")) for meta in head.iter("meta") if (meta.get("name") or "").startswith("citation_")]
    (script,) = [script for script in head.iter("script") if script.get("type") == "application/ld+json"]
    return tags, json.loads(script.text)


def test_op_ed_head_names_its_author_and_day_for_zotero(client, seeded):
    document = seeded["002"].document
    tags, data = head_of(client, document)
    assert ("citation_title", document.title) in tags
    assert [content for name, content in tags if name == "citation_author"] == ["Lu, Chuanying"]
    assert ("citation_publication_date", "2024/05/16") in tags
    assert ("citation_publisher", "China Daily") in tags and ("citation_language", "en") in tags
    assert not [name for name, _ in tags if name == "citation_pdf_url"]  # its source file is text
    assert data["@context"] == "https://schema.org" and data["@type"] == "OpinionNewsArticle"
    assert data["name"] == document.title and data["datePublished"] == "2024-05-16"
    assert data["author"] == [{"@type": "Person", "name": "Chuanying Lu", "givenName": "Chuanying", "familyName": "Lu"}]


def test_white_paper_head_has_the_month_and_its_issuer_as_publisher_not_author(client, seeded):
    document = seeded["003"].document
    tags, data = head_of(client, document)
    assert ("citation_publication_date", "2017/01") in tags
    assert not [name for name, _ in tags if name == "citation_author"]
    assert ("citation_publisher", document.issuer) in tags
    assert ("citation_technical_report_institution", document.issuer) in tags
    assert data["@type"] == "Report" and data["datePublished"] == "2017-01"
    assert data["author"] == [{"@type": "Organization", "name": document.issuer}]


def test_a_year_alone_and_a_pdf_source_reach_the_head(client, fresh_seeded):
    from archive.models import DatePrecision, SourceFile

    document = fresh_seeded["003"].document
    type(document).objects.filter(pk=document.pk).update(date_precision=DatePrecision.YEAR)
    SourceFile.objects.filter(document=document).update(media_type="application/pdf")
    tags, data = head_of(client, document)
    assert ("citation_publication_date", "2017") in tags and data["datePublished"] == "2017"
    assert ("citation_pdf_url", f"http://testserver/documents/{document.pk}/source") in tags


def test_json_ld_cannot_close_its_script(client, fresh_seeded):
    document = fresh_seeded["002"].document
    title = "</script><script>alert(1)</script> & <!--"
    type(document).objects.filter(pk=document.pk).update(title=title)
    page = client.get(document.get_absolute_url()).content.decode()
    assert "</script><script>alert" not in page and "<!--" not in page
    tags, data = head_of(client, document)
    assert data["name"] == title and ("citation_title", title) in tags


def test_a_changed_title_is_cited_at_once_though_citations_are_cached(client, fresh_seeded):
    document = fresh_seeded["002"].document
    assert "Lu, Chuanying. “No Digital Strings Attached.”" in client.get(f"/documents/{document.pk}/cite/").content.decode()
    type(document).objects.filter(pk=document.pk).update(title="Digital strings, revised")
    assert "Lu, Chuanying. “Digital Strings, Revised.”" in client.get(f"/documents/{document.pk}/cite/").content.decode()
