"""`manage.py reparse`: parser improvements reach stored documents; editors' corrections survive."""

from datetime import date

import pytest
from django.core.management import call_command

from archive.models import Document
from archive.search.results import search_documents
from archive.search.sync.writes import index_on_commit
from archive.selectors import public_documents
from archive.services import document_import, document_save
from tests.conftest import SHARED


def test_reparse_restores_parsed_fields_and_keeps_corrected_ones(fresh_seeded, monkeypatch):
    document = Document.objects.get(pk=fresh_seeded["002"].document.pk)
    document.title = "Editor's corrected title"
    document_save(document=document, changed_fields=["title"])
    Document.objects.filter(pk=document.pk).update(publisher="Damaged", subtitle="", kind="treaty")

    call_command("reparse", str(document.pk), verbosity=0)

    document.refresh_from_db()
    assert document.title == "Editor's corrected title"
    assert document.publisher == "China Daily"
    assert document.kind == "opinion"
    assert document.subtitle.startswith("As the world is mired in turmoil")


def test_reparse_rebuilds_sections_and_the_index(fresh_seeded):
    document = Document.objects.get(pk=fresh_seeded["003"].document.pk)
    removed = list(document.sections.filter(label="II").values_list("pk", flat=True))
    document.sections.filter(label="II").delete()
    index_on_commit({document.pk}, removed)
    assert search_documents('"Improving the Regional Security Framework"').count == 0
    call_command("reparse", verbosity=0)
    assert document.sections.filter(label="II", parent=None).exists()
    hit = search_documents('"Improving the Regional Security Framework"').results[0]
    assert hit.sections[0].section.anchor == "ii-2"


def test_unchanged_documents_are_counted(fresh_seeded, capsys):
    call_command("reparse")
    assert "0 updated" in capsys.readouterr().out


def test_sections_edited_by_an_editor_are_kept(fresh_seeded):
    document = Document.objects.get(pk=fresh_seeded["002"].document.pk)
    section = document.sections.get()
    section.text = "An editor's cleaned text."
    section.save()
    Document.objects.filter(pk=document.pk).update(edited_fields=["sections"])
    call_command("reparse", str(document.pk), verbosity=0)
    assert document.sections.get().text == "An editor's cleaned text."


POLICY = SHARED / "corpus" / "policy"
ANZUS = (POLICY / "au-dfat-1951-02-17-draft-of-treaty-anzus.md", POLICY / "au-dfat-1951-07-12-draft-anzus-security-treaty.md")


@pytest.fixture
def anzus_filed_as_captures(search_index) -> tuple[Document, Document]:
    """The two ANZUS drafts as the archive filed them before drafts existed: July hidden as a capture of February."""
    february, july = (document_import(raw=path.read_bytes(), file_name=path.name).document for path in ANZUS)
    july.refresh_from_db()
    july.version_of, july.draft_of = february, None
    july.save()
    index_on_commit({july.pk, february.pk})  # the index drops it, as it did then
    return february, july


def search_ids(query: str) -> set[int]:
    return {hit.document.pk for hit in search_documents(query).results}


def test_reparse_files_a_draft_hidden_as_a_capture_as_a_listed_searchable_draft(anzus_filed_as_captures):
    february, july = anzus_filed_as_captures
    assert search_ids("Ryukyus") == {february.pk}
    call_command("reparse", verbosity=0)
    july.refresh_from_db()
    assert july.version_of_id is None and july.draft_of_id == february.pk
    assert set(public_documents().values_list("pk", flat=True)) == {february.pk, july.pk}
    assert search_ids("Ryukyus") == {february.pk, july.pk}


def test_reparsing_only_the_draft_shown_also_releases_its_other_draft(anzus_filed_as_captures):
    february, july = anzus_filed_as_captures
    call_command("reparse", str(february.pk), verbosity=0)
    july.refresh_from_db()
    assert july.version_of_id is None and july.draft_of_id == february.pk


def test_a_second_reparse_changes_nothing(anzus_filed_as_captures, capsys):
    february, july = anzus_filed_as_captures
    call_command("reparse")
    out = capsys.readouterr().out
    assert f"#{february.pk} Draft of Treaty (relinked #{july.pk})" in out and "1 updated" in out
    call_command("reparse")
    assert "0 updated" in capsys.readouterr().out


def test_a_link_an_editor_set_is_kept(anzus_filed_as_captures):
    february, july = anzus_filed_as_captures
    document_save(document=july, changed_fields=["version_of"])
    call_command("reparse", verbosity=0)
    july.refresh_from_db()
    assert july.version_of_id == february.pk and july.draft_of_id is None
    assert search_ids("Ryukyus") == {february.pk}


def test_an_editors_corrected_date_decides_the_link_at_the_next_reparse(anzus_filed_as_captures):
    """Dated the same day by an editor, the two texts are captures of one: only the fuller is listed."""
    february, july = anzus_filed_as_captures
    call_command("reparse", verbosity=0)
    july.refresh_from_db()
    july.date = date(1951, 2, 17)
    document_save(document=july, changed_fields=["date"])
    call_command("reparse", verbosity=0)
    july.refresh_from_db()
    assert july.date == date(1951, 2, 17)
    assert july.version_of_id == february.pk and july.draft_of_id is None
    assert search_ids("Ryukyus") == {february.pk}
