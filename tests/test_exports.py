"""Exports of a whole search: every match (not one page), in files a spreadsheet or reference manager reads."""

import csv
import io
import json

import bibtexparser
import pytest
import rispy

from archive.models import DocumentStatus


def export(client, extension, **params):
    response = client.get(f"/search/export.{extension}", params)
    assert response.status_code == 200, response.content
    assert response["Content-Disposition"] == f'attachment; filename="search.{extension}"'
    return b"".join(response.streaming_content).decode()


def test_every_match_is_exported_not_one_page(client, seeded, monkeypatch):
    monkeypatch.setattr("archive.search.results.EXPORT_BATCH", 1)  # several engine batches for the three matches
    rows = list(csv.DictReader(io.StringIO(export(client, "csv", q="China", per_page=1))))
    ids = {row["id"] for row in rows}
    white_paper, op_ed = seeded["003"].document, seeded["002"].document
    assert {str(white_paper.pk), str(op_ed.pk)} <= ids and len(ids) == len(rows)
    paper = next(row for row in rows if row["id"] == str(white_paper.pk))
    assert paper["date"] == "2017-01" and paper["kind"] == "white_paper"
    assert paper["url"] == f"http://testserver/documents/{white_paper.pk}/"


def test_each_format_parses_with_the_same_documents(client, seeded):
    rows = list(csv.DictReader(io.StringIO(export(client, "csv", q="China"))))
    titles = [row["title"] for row in rows]
    lines = [json.loads(line) for line in export(client, "jsonl", q="China").splitlines()]
    assert [line["title"] for line in lines] == titles
    assert [record["title"] for record in rispy.loads(export(client, "ris", q="China"))] == titles
    entries = bibtexparser.parse_string(export(client, "bib", q="China")).entries
    assert [entry["title"] for entry in entries] == [title.replace("&", r"\&") for title in titles]
    op_ed = next(line for line in lines if line["archive_id"] == seeded["002"].document.pk)
    assert op_ed["author"] == [{"family": "Lu", "given": "Chuanying"}]


def test_filters_apply_to_the_export(client, seeded):
    rows = list(csv.DictReader(io.StringIO(export(client, "csv", q="China", kind="white_paper"))))
    assert [row["id"] for row in rows] == [str(seeded["003"].document.pk)]


UNPUBLISHED = [DocumentStatus.DRAFT, DocumentStatus.IN_REVIEW, DocumentStatus.WITHDRAWN]


@pytest.mark.parametrize("state", UNPUBLISHED)
def test_drafts_are_never_exported(client, fresh_seeded, state):
    """Nor a document in review or withdrawn: only published documents are exported."""
    draft = fresh_seeded["002"].document
    type(draft).objects.filter(pk=draft.pk).update(status=state)  # the index still holds it
    for extension in ("csv", "jsonl", "ris", "bib"):
        exported = export(client, extension, q="China digital")
        assert f"/documents/{draft.pk}/" not in exported
        assert f"/documents/{fresh_seeded['003'].document.pk}/" in exported


def test_an_unreadable_search_or_format_is_refused(client, seeded):
    assert client.get("/search/export.csv", {"q": ""}).status_code == 400
    assert client.get("/search/export.csv", {"q": "China", "page": "²"}).status_code == 400
    assert client.get("/search/export.csv", {"q": '"unclosed'}).status_code in (200, 400)
    assert client.get("/search/export.xls", {"q": "China"}).status_code == 404


def test_search_page_links_the_exports_with_its_filters(client, seeded):
    page = client.get("/search/", {"q": "China", "kind": "white_paper"}).content.decode()
    assert "Export all 1 match:" in page
    assert 'href="/search/export.csv?q=China&amp;sort=relevance&amp;kind=white_paper"' in page


def test_head_of_an_export_sends_its_headers_only(client, seeded):
    response = client.head("/search/export.csv", {"q": "China"})
    assert response.status_code == 200 and response.content == b""
    assert response["Content-Disposition"] == 'attachment; filename="search.csv"'


def browse_export(client, extension, **params):
    response = client.get(f"/documents/export.{extension}", params)
    assert response.status_code == 200, response.content
    assert response["Content-Disposition"] == f'attachment; filename="documents.{extension}"'
    return b"".join(response.streaming_content).decode()


def test_a_browse_view_exports_all_its_documents_in_its_order(client, seeded, monkeypatch):
    from archive.selectors import BrowseFilters, browse_documents

    listed = [str(pk) for pk in browse_documents(BrowseFilters(sort="title")).values_list("pk", flat=True)]
    rows = list(csv.DictReader(io.StringIO(browse_export(client, "csv", sort="title"))))
    assert [row["id"] for row in rows] == listed and len(listed) > 1
    papers = rispy.loads(browse_export(client, "ris", kind="white_paper"))
    assert [record["title"] for record in papers] == [seeded["003"].document.title]
    assert bibtexparser.parse_string(browse_export(client, "bib")).entries
    assert all(json.loads(line)["archive_id"] for line in browse_export(client, "jsonl").splitlines())
    assert client.get("/documents/export.csv", {"year": "²"}).status_code == 400
    assert client.get("/documents/export.pdf").status_code == 404
    page = client.get("/documents/", {"kind": "white_paper"}).content.decode()
    assert "/documents/export.csv?kind=white_paper&amp;" in page


@pytest.mark.parametrize("state", UNPUBLISHED)
def test_drafts_are_never_in_a_browse_export(client, fresh_seeded, state):
    draft = fresh_seeded["002"].document
    type(draft).objects.filter(pk=draft.pk).update(status=state)
    for extension in ("csv", "jsonl", "ris", "bib"):
        exported = browse_export(client, extension)
        assert f"/documents/{draft.pk}/" not in exported and f"/documents/{fresh_seeded['003'].document.pk}/" in exported
