"""`manage.py reparse`: parser improvements reach stored documents; editors' corrections survive."""

from django.core.management import call_command

from archive.models import Document
from archive.search.documents import search_documents
from archive.services import document_save


def test_reparse_restores_parsed_fields_and_keeps_corrected_ones(seeded, monkeypatch):
    document = Document.objects.get(pk=seeded["002"].document.pk)
    document.title = "Editor's corrected title"
    document_save(document=document, changed_fields=["title"])
    Document.objects.filter(pk=document.pk).update(publisher="Damaged", subtitle="")

    call_command("reparse", str(document.pk), verbosity=0)

    document.refresh_from_db()
    assert document.title == "Editor's corrected title"
    assert document.publisher == "China Daily"
    assert document.subtitle.startswith("As the world is mired in turmoil")


def test_reparse_rebuilds_sections_and_the_index(seeded):
    document = Document.objects.get(pk=seeded["003"].document.pk)
    document.sections.filter(label="II").delete()
    assert search_documents('"Improving the Regional Security Framework"').count == 0
    call_command("reparse", verbosity=0)
    assert document.sections.filter(label="II", parent=None).exists()
    hit = search_documents('"Improving the Regional Security Framework"').results[0]
    assert hit.sections[0].section.anchor == "ii-2"


def test_unchanged_documents_are_counted(seeded, capsys):
    call_command("reparse")
    assert "0 updated" in capsys.readouterr().out


def test_sections_edited_by_an_editor_are_kept(seeded):
    document = Document.objects.get(pk=seeded["002"].document.pk)
    section = document.sections.get()
    section.text = "An editor's cleaned text."
    section.save()
    Document.objects.filter(pk=document.pk).update(edited_fields=["sections"])
    call_command("reparse", str(document.pk), verbosity=0)
    assert document.sections.get().text == "An editor's cleaned text."
