"""Pages a researcher uses, rendered through Django's test client."""

import json

import html5lib
import pytest

from archive.models import DocumentStatus


def assert_valid_html(content: bytes) -> None:
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(content)


def test_home_lists_recent_documents(client, seeded):
    response = client.get("/")
    assert response.status_code == 200
    assert_valid_html(response.content)
    assert b"No digital strings attached" in response.content
    assert b"3 documents" in response.content


def test_document_page_shows_toc_sections_and_missing_chapters(client, seeded):
    document = seeded["003"].document
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert_valid_html(response.content)
    page = response.content.decode()
    assert 'id="ii-1"' in page and 'href="#ii-1"' in page
    assert "State Council Information Office" in page
    assert "January 2017" in page
    assert "not captured" in page
    assert "Conclusion" in page


def test_document_page_lists_other_captures(client, seeded):
    canonical = seeded["001"].document
    page = client.get(canonical.get_absolute_url()).content.decode()
    assert "Other captures of this work" in page
    assert seeded["000"].document.get_absolute_url() in page


def test_draft_document_page_is_not_found(client, fresh_seeded):
    document = fresh_seeded["002"].document
    document.status = DocumentStatus.DRAFT
    document.save()
    assert client.get(document.get_absolute_url()).status_code == 404
    assert b"No digital strings attached" not in client.get("/documents/").content


def test_browse_filters_by_kind_and_year(client, seeded):
    page = client.get("/documents/?kind=white_paper").content.decode()
    assert "China&#x27;s Policies on Asia-Pacific Security Cooperation" in page
    assert "No digital strings attached" not in page
    assert "No digital strings attached" in client.get("/documents/?year=2024").content.decode()


@pytest.mark.parametrize(
    "params", ["?year=abc", "?year=%C2%B2%C2%B2%C2%B2%C2%B2", "?page=-4", "?page=99999999999999", "?kind=%00"]
)
def test_browse_refuses_a_parameter_it_cannot_read_in_the_sites_layout(client, seeded, params):
    response = client.get(f"/documents/{params}")
    name = params[1:].split("=")[0]
    assert response.status_code == 400
    page = response.content.decode()
    assert f"{name}=" in page and "cannot be read" in page and 'href="/documents/"' in page
    assert_valid_html(response.content)


def test_browse_shows_an_odd_value_it_can_read_escaped(client, seeded):
    response = client.get("/documents/?publisher=<script>alert(1)</script>")
    assert response.status_code == 200 and "<script>alert" not in response.content.decode()


def test_search_page_groups_hits_and_links_sections(client, seeded):
    response = client.get("/search/", {"q": "regional security framework"})
    assert response.status_code == 200
    assert_valid_html(response.content)
    page = response.content.decode()
    assert "#ii-2" in page
    assert "<mark>" in page


def test_a_search_stopped_at_the_time_limit_says_so(client, seeded, monkeypatch):
    from archive.search.whoosh import backend as whoosh_backend

    notice = "This search was stopped before it finished"
    query = {"q": "secur* AND title:China"}  # a pattern and a field: held to the time limit
    assert notice not in client.get("/search/", query).content.decode()
    assert client.get("/api/search", query).json()["stopped_early"] is False
    monkeypatch.setattr(whoosh_backend, "SEARCH_TIME_LIMIT_SECONDS", -1)
    assert notice in client.get("/search/", query).content.decode()
    assert client.get("/api/search", query).json()["stopped_early"] is True


@pytest.mark.parametrize("query", ['"unbalanced', "title:", "((((", "x" * 5000, "<script>alert(1)</script>"])
def test_malformed_queries_get_a_friendly_page(client, seeded, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code in (200, 400)
    assert b"<script>alert" not in response.content


def test_empty_search_result_suggests_what_to_do(client, seeded):
    page = client.get("/search/", {"q": "zeppelin"}).content.decode()
    assert "No document matches" in page


def test_source_file_downloads_verbatim(client, seeded):
    document = seeded["002"].document
    response = client.get(f"/documents/{document.pk}/source")
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content == document.source.raw


def test_pages_carry_a_content_security_policy(client, seeded):
    assert "script-src 'self'" in client.get("/")["Content-Security-Policy"]


def test_compare_page_shows_word_differences_between_captures(client, seeded):
    clean, noisy = seeded["001"].document, seeded["000"].document
    page = client.get(f"/documents/{clean.pk}/compare/{noisy.pk}/")
    assert page.status_code == 200
    assert_valid_html(page.content)
    text = page.content.decode()
    assert "<ins>" in text and "words added" in text
    # Unrelated documents cannot be compared.
    assert client.get(f"/documents/{clean.pk}/compare/{seeded['002'].document.pk}/").status_code == 404


def test_document_page_searches_within_itself(client, seeded):
    document = seeded["003"].document
    response = client.get(document.get_absolute_url(), {"q": "security framework"})
    assert response.status_code == 200
    assert_valid_html(response.content)
    page = response.content.decode()
    assert "Search within this document" in page
    assert "matches in 2 sections" in page
    assert 'class="has-hits"' in page
    assert "<mark>Framework</mark>" in page
    assert "archive/within.js" in page
    # Without the script: plain anchors lead from one matching section to the next.
    assert '<a href="#ii-2">next matching section</a>' in page


def test_document_page_marks_one_page_of_matching_sections_and_links_the_next(client, seeded, monkeypatch):
    from archive.search import within

    monkeypatch.setattr(within, "SECTIONS_PER_PAGE", 2)
    document = seeded["003"].document
    response = client.get(document.get_absolute_url(), {"q": "security", "page": 2})
    assert response.status_code == 200
    assert_valid_html(response.content)
    page = response.content.decode()
    assert "sections 3–4 are marked below" in page and "page 2 of" in page
    assert page.count('class="within-step"') == 2
    assert 'rel="prev" href="?q=security&amp;page=1#' in page and 'rel="next" href="?q=security&amp;page=3#' in page
    assert client.get(document.get_absolute_url(), {"q": "security", "page": "0"}).status_code == 400


def test_document_page_without_a_match_says_so(client, seeded):
    page = client.get(seeded["003"].document.get_absolute_url(), {"q": "zeppelin"}).content.decode()
    assert "No section of this document matches" in page
    assert "<mark>" not in page and "archive/within.js" not in page


@pytest.mark.parametrize("query", ['"unbalanced', "title:", "((((", "x" * 5000])
def test_document_page_with_an_unreadable_query_explains_it(client, seeded, query):
    response = client.get(seeded["003"].document.get_absolute_url(), {"q": query})
    assert response.status_code == 400
    assert b'class="error"' in response.content
    assert b"Improving the Regional Security Framework" in response.content


def test_document_page_escapes_a_hostile_query(client, seeded):
    response = client.get(seeded["003"].document.get_absolute_url(), {"q": "<script>alert(1)</script> security"})
    assert response.status_code in (200, 400)
    assert b"<script>alert" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; security" in response.content


def test_document_page_lists_related_documents(client, seeded):
    page = client.get(seeded["003"].document.get_absolute_url()).content.decode()
    assert "Related documents" in page
    assert seeded["001"].document.get_absolute_url() in page
    assert "No digital strings attached" in page


HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def page_sections(element) -> list:
    """(id, heading tag, children) of each <section> directly inside ``element``, as the page nests them."""
    return [
        (child.get("id"), next((h.tag for h in child if h.tag in HEADINGS), None), page_sections(child))
        for child in element
        if child.tag == "section"
    ]


def page_contents(ol) -> list:
    """(link target or "not captured", children) of each entry of the contents, as the page nests them."""
    entries = []
    for li in ol.findall("li"):
        link, inner = li.find("a"), li.find("ol")
        target = link.get("href").removeprefix("#") if link is not None else "not captured"
        entries.append((target, page_contents(inner) if inner is not None else []))
    return entries


def tree_outline(nodes, contents: bool = False) -> list:
    """What the two functions above should find for a section tree."""
    if contents:
        return [(n.section.anchor if n.section.captured else "not captured", tree_outline(n.children, True))
                for n in nodes]
    return [(n.section.anchor, f"h{min(n.section.depth + 2, 6)}", tree_outline(n.children)) for n in nodes]


@pytest.mark.parametrize("query", [None, "section"])
def test_document_page_nests_sections_and_contents_as_the_tree(client, search_index, query):
    """Rendered flat in one loop, the page still nests <section>s and contents entries three levels deep."""
    from archive.selectors import section_tree
    from tests.test_selectors import nested_document

    document = nested_document()
    response = client.get(document.get_absolute_url(), {"q": query} if query else {})
    assert_valid_html(response.content)
    page = html5lib.parse(response.content, namespaceHTMLElements=False)
    tree = section_tree(document)
    assert page_sections(page.find(".//div[@id='document-sections']")) == tree_outline(tree)
    assert page_contents(page.find(".//nav[@class='toc']/ol")) == tree_outline(tree, contents=True)


def test_document_page_nests_the_white_paper_with_its_missing_chapters(client, seeded):
    from archive.selectors import section_tree

    document = seeded["003"].document
    page = html5lib.parse(client.get(document.get_absolute_url()).content, namespaceHTMLElements=False)
    tree = section_tree(document)
    assert page_sections(page.find(".//div[@id='document-sections']")) == tree_outline(tree)
    assert page_contents(page.find(".//nav[@class='toc']/ol")) == tree_outline(tree, contents=True)
    assert ("ii", "h2", [("ii-1", "h3", []), ("ii-2", "h3", [])]) in tree_outline(tree)


def test_document_page_reads_only_attributes_its_sections_have(client, seeded, monkeypatch):
    """A lookup that fails takes Django's slow exception path: 500 sections made 65,000 of them."""
    from django.template import base

    failed, resolve = [], base.Variable._resolve_lookup

    def recording(self, context):
        try:
            return resolve(self, context)
        except base.VariableDoesNotExist:
            failed.append(self.var)
            raise

    monkeypatch.setattr(base.Variable, "_resolve_lookup", recording)
    url = seeded["003"].document.get_absolute_url()
    client.get(url)
    client.get(url, {"q": "security framework"})
    assert [var for var in failed if var.split(".")[0] in {"node", "section", "match"}] == []


@pytest.mark.parametrize("query", [None, "China"])
def test_document_page_queries_do_not_grow_with_its_sections(client, seeded, query):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for prefix in ("002", "003"):  # one section, and ten
        url = seeded[prefix].document.get_absolute_url()
        client.get(url, {"q": query} if query else {})  # related documents are cached after the first view
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"q": query} if query else {})
        counts[seeded[prefix].document.sections.count()] = len(queries)
        assert query is None or b"<mark>" in response.content
    assert sorted(counts) == [1, 10]
    assert counts[1] == counts[10]


# Drafts of one work: both listed and searchable, each page links the others, the comparison reads forward.

@pytest.fixture
def anzus(search_index):
    from tests.test_selectors import import_anzus

    return import_anzus()


def test_both_drafts_are_listed_and_found_by_search(client, anzus):
    february, july = anzus
    listing = client.get("/documents/").content.decode()
    assert february.get_absolute_url() in listing and july.get_absolute_url() in listing
    results = client.get("/search/", {"q": "Ryukyus"}).content.decode()
    assert f'href="{february.get_absolute_url()}"' in results and f'href="{july.get_absolute_url()}"' in results


def test_each_draft_page_links_the_other_drafts_of_its_work(client, anzus):
    february, july = anzus
    response = client.get(july.get_absolute_url())
    assert_valid_html(response.content)
    page = response.content.decode()
    assert "Other drafts of this work" in page
    assert f'<a href="{february.get_absolute_url()}">17 February 1951 draft</a>' in page
    assert f"/documents/{july.pk}/compare/{february.pk}/" in page
    assert "Other captures of this work" not in page
    other = client.get(february.get_absolute_url()).content.decode()
    assert f'<a href="{july.get_absolute_url()}">12 July 1951 draft</a>' in other


def test_a_document_without_drafts_names_none(client, seeded):
    assert "Other drafts of this work" not in client.get(seeded["003"].document.get_absolute_url()).content.decode()


@pytest.mark.parametrize("later_first", [True, False])
def test_the_comparison_of_two_drafts_reads_from_the_earlier_to_the_later(client, anzus, later_first):
    february, july = anzus
    pair = (july, february) if later_first else (february, july)
    response = client.get(f"/documents/{pair[0].pk}/compare/{pair[1].pk}/")
    assert response.status_code == 200
    assert_valid_html(response.content)
    page = response.content.decode()
    assert "Two drafts of one work" in page
    legend, diff = page.split('<div class="diff">')
    removed, added = legend.split("<dt><ins>Added</ins></dt>")
    assert "17 February 1951 draft" in removed and "12 July 1951 draft" in added
    assert "<ins>" in diff and "<del>" in diff


def test_the_api_lists_a_documents_other_drafts(client, anzus):
    february, july = anzus
    payload = client.get(f"/api/documents/{july.pk}").json()
    assert payload["version_of"] is None
    assert payload["drafts"] == [
        {"id": february.pk, "title": february.title, "date": "1951-02-17", "url": february.get_absolute_url()}
    ]


def test_an_issuer_who_is_also_the_publisher_is_named_once(client, seeded):
    document = seeded["003"].document  # a white paper: its publisher is its issuer
    assert document.publisher == document.issuer
    page = client.get(document.get_absolute_url()).content.decode()
    meta = page.split('class="doc-meta"', 1)[1].split("</p>", 1)[0]
    assert meta.count(document.issuer.replace("'", "&#x27;")) == 1


def test_a_run_in_division_is_listed_by_its_label_alone(client, search_index):
    """"SECTION. 1. All legislative Powers…" has no heading: the contents say "SECTION. 1", not "SECTION. 1. Text"."""
    from archive.services import document_import
    from tests.conftest import SHARED

    path = SHARED / "corpus" / "structure" / "us-constitution.txt"
    document = document_import(raw=path.read_bytes(), file_name=path.name).document
    page = html5lib.parse(client.get(document.get_absolute_url()).content, namespaceHTMLElements=False)
    entries = [" ".join("".join(a.itertext()).split()) for a in page.findall(".//nav[@class='toc']//a")]
    assert "SECTION. 1" in entries and "ARTICLE I" in entries
    assert not any(entry.endswith("Text") for entry in entries)


def test_with_the_index_unreadable_search_answers_503_and_documents_still_read(client, seeded, monkeypatch, caplog):
    from archive.search.whoosh.backend import ArchiveWhooshBackend

    def damaged(*args, **kwargs):  # what Whoosh raises reading a garbage table of contents
        raise IndexError("Index was created on different architecture: saved int = 7737, this computer = 4")

    monkeypatch.setattr(ArchiveWhooshBackend, "search", damaged)
    monkeypatch.setattr(ArchiveWhooshBackend, "similar_to_text", damaged)
    monkeypatch.setattr(ArchiveWhooshBackend, "query_parser", damaged)
    document = seeded["003"].document
    for address in ["/search/?q=security", f"/documents/{document.pk}/?q=security"]:
        response = client.get(address)
        assert response.status_code == 503, address
        assert "search index cannot be read" in response.content.decode()
        assert "could not be read. Try plain words" not in response.content.decode()  # never blamed on the query
    api = client.get("/api/search", {"q": "security"})
    assert api.status_code == 503 and "search index cannot be read" in api.json()["error"]
    page = client.get(f"/documents/{document.pk}/")
    assert page.status_code == 200 and "Improving the Regional Security Framework" in page.content.decode()
    assert client.get(f"/api/documents/{document.pk}").json()["related"] == []
    assert "Related documents" in caplog.text and "unavailable" in caplog.text


def test_on_an_empty_index_document_pages_render_without_related_documents(client, fresh_seeded):
    from archive.search.engine import search_engine

    search_engine().clear()  # as during a first import batch, or after an import was killed
    document = fresh_seeded["003"].document
    assert client.get(f"/documents/{document.pk}/").status_code == 200
    assert client.get(f"/api/documents/{document.pk}").json()["related"] == []
    assert client.get(f"/documents/{document.pk}/", {"q": "security"}).status_code == 200


def _labels(page) -> tuple[list[str], list[str]]:
    """The labels the contents and the section headings print, in page order."""
    toc = [span.text for span in page.findall(".//nav[@class='toc']//span[@class='label']")]
    headings = [span.text for span in page.findall(".//h2[@class='section-heading']/span[@class='label']")
                + page.findall(".//h3[@class='section-heading']/span[@class='label']")]
    return toc, headings


def test_a_chinese_report_prints_chapters_and_points_as_written(client, search_index):
    """"一、" for a chapter and "（一）" for a point, as the report prints them: not both "一."."""
    from archive.services import document_import
    from tests.conftest import SHARED

    path = SHARED / "corpus" / "policy" / "cn-cpc-2022-20th-congress-report-zh.jsonl"
    document = document_import(raw=path.read_bytes(), file_name=path.name).document
    page = html5lib.parse(client.get(document.get_absolute_url()).content, namespaceHTMLElements=False)
    toc, headings = _labels(page)
    assert toc[:5] == ["一、", "二、", "三、", "四、", "（一）"]
    assert "一、" in headings and "（一）" in headings and "十五、" in headings
    assert not any(label.endswith(".") for label in toc + headings)
    entries = ["".join(a.itertext()).strip() for a in page.findall(".//nav[@class='toc']//a")]
    assert "一、过去五年的工作和新时代十年的伟大变革" in entries and "（一）构建高水平社会主义市场经济体制" in entries
    chapter = document.sections.get(parent=None, label="四")  # the stored label stays bare, for anchors and the API
    assert chapter.label_scheme == "cjk" and chapter.children.first().label == "（一）"


def test_an_english_white_paper_still_prints_its_labels_with_a_dot(client, seeded):
    document = seeded["003"].document
    page = html5lib.parse(client.get(document.get_absolute_url()).content, namespaceHTMLElements=False)
    toc, headings = _labels(page)
    assert toc[:4] == ["I.", "II.", "1.", "2."] and "III." in toc  # III: listed in the contents, not captured
    assert "II." in headings and "1." in headings
    assert page.find(".//section[@id='ii-1']") is not None
    entries = [" ".join("".join(a.itertext()).split()) for a in page.findall(".//nav[@class='toc']//a")]
    assert "II. China's Security Vision for the Asia-Pacific Region" in entries


# The workflow: only a published document is public. A draft, a document in review and a withdrawn one appear on
# no public surface, not even through a published document of the same work; a withdrawn one keeps a tombstone.

def unpublish(document, to: str) -> None:
    """Move a published document to ``to`` through the services, as the admin's actions do."""
    from archive.services import document_transition

    if to == DocumentStatus.IN_REVIEW:
        document_transition(document=document, to=DocumentStatus.DRAFT)
    document_transition(document=document, to=to, reason="Republished in a corrected edition.")


def public_surfaces(client, word: str, *, others) -> dict[str, str]:
    """Every public address that lists or names documents, for a search of ``word``: {address: what it answered}."""
    addresses = [
        "/", "/documents/", "/feed.atom", "/sitemap.xml", "/opensearch.xml",
        f"/search/?q={word}", f"/search/feed.atom?q={word}", f"/api/search?q={word}",
        *(f"/search/export.{extension}?q={word}" for extension in ("csv", "ris", "bib", "jsonl")),
        *(f"/documents/export.{extension}" for extension in ("csv", "ris", "bib", "jsonl")),
    ]
    for other in others:
        addresses += [other.get_absolute_url(), f"/api/documents/{other.pk}", f"/documents/{other.pk}/cite/"]
    answers = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        body = b"".join(response.streaming_content) if response.streaming else response.content
        answers[address] = body.decode()
    return answers


@pytest.mark.parametrize("state", [DocumentStatus.DRAFT, DocumentStatus.IN_REVIEW, DocumentStatus.WITHDRAWN])
def test_an_unpublished_document_is_on_no_public_surface(client, fresh_seeded, state):
    hidden = fresh_seeded["002"].document
    others = [fresh_seeded[prefix].document for prefix in ("000", "001", "003")]
    before = public_surfaces(client, "digital", others=others)
    assert any(f"/documents/{hidden.pk}/" in body for body in before.values())
    unpublish(hidden, state)
    for address, body in public_surfaces(client, "digital", others=others).items():
        assert f"/documents/{hidden.pk}/" not in body, address
        assert hidden.title not in body, address
    expected = 410 if state == DocumentStatus.WITHDRAWN else 404
    assert client.get(hidden.get_absolute_url()).status_code == expected
    assert client.get(f"/api/documents/{hidden.pk}").status_code == expected
    for address in (f"/documents/{hidden.pk}/cite/", f"/documents/{hidden.pk}/source"):
        assert client.get(address).status_code == 404


@pytest.mark.parametrize("state", [DocumentStatus.DRAFT, DocumentStatus.IN_REVIEW, DocumentStatus.WITHDRAWN])
def test_a_published_capture_never_names_its_unpublished_canonical_capture(client, fresh_seeded, state):
    """The issue's case: a draft canonical capture's new title showed on its published versions' pages."""
    from archive.services import document_save

    capture, canonical = fresh_seeded["000"].document, fresh_seeded["001"].document
    canonical.refresh_from_db()
    unpublish(canonical, state)
    canonical.title = "Retitled while unpublished"
    document_save(document=canonical, changed_fields=["title"])
    page = client.get(capture.get_absolute_url())
    assert page.status_code == 200
    assert_valid_html(page.content)
    assert "Retitled while unpublished" not in page.content.decode()
    assert f"/documents/{canonical.pk}/" not in page.content.decode()
    assert "another capture of" not in page.content.decode()
    api = client.get(f"/api/documents/{capture.pk}").json()
    assert api["version_of"] is None and "Retitled" not in json.dumps(api)
    assert client.get(f"/documents/{capture.pk}/compare/{canonical.pk}/").status_code == 404


def test_a_withdrawn_documents_address_is_a_tombstone_with_the_reason(client, fresh_seeded):
    from archive.services import document_transition

    document = fresh_seeded["002"].document
    document_transition(document=document, to=DocumentStatus.WITHDRAWN, reason="Withdrawn at the author's request.")
    response = client.get(document.get_absolute_url())
    assert response.status_code == 410
    assert_valid_html(response.content)
    page = response.content.decode()
    assert "<h1" in page and document.title in page and "16 May 2024" in page
    assert "Withdrawn at the author&#x27;s request." in page
    assert f">{document.withdrawn_at:%-d %B %Y}</time>" in page  # when it was withdrawn
    first_words = " ".join(document.sections.filter(captured=True).first().text.split()[:8])
    assert first_words not in page  # the title, date and reason; never the text
    assert 'name="robots" content="noindex"' in page
    assert 'class="site-footer"' in page  # the site's layout


@pytest.mark.parametrize("state", [DocumentStatus.DRAFT, DocumentStatus.IN_REVIEW, DocumentStatus.WITHDRAWN])
def test_another_draft_of_the_work_is_not_linked_once_unpublished(client, anzus, state):
    february, july = anzus
    unpublish(february, state)
    page = client.get(july.get_absolute_url()).content.decode()
    assert "Other drafts of this work" not in page and february.get_absolute_url() not in page
    assert client.get(f"/documents/{july.pk}/compare/{february.pk}/").status_code == 404
    assert client.get(f"/api/documents/{july.pk}").json()["drafts"] == []


def test_a_browsers_request_for_favicon_ico_is_sent_to_the_archives_icon(client, db):
    from django.templatetags.static import static

    response = client.get("/favicon.ico")  # that it loads is seen in Chromium (tests/browser/test_admin_widgets.py)
    assert (response.status_code, response["Location"]) == (301, static("archive/favicon.svg"))
