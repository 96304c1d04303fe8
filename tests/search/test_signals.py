"""The index follows committed transactions only, once per transaction."""

import pytest
from django.db import transaction

from archive.models import Document
from archive.search.documents import search_documents
from archive.services import document_import
from tests.conftest import seed_path


def import_seed(prefix: str):
    path = seed_path(prefix)
    return document_import(raw=path.read_bytes(), file_name=path.name)


def test_rolled_back_import_never_reaches_the_index(search_index):
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            import_seed("002")
            raise RuntimeError("abort")
    assert Document.objects.count() == 0
    assert search_documents("Chuanying").count == 0
    # A later, committed change does not resurrect the rolled-back document either.
    import_seed("003")
    assert search_documents("Chuanying").count == 0
    assert search_documents("Preface").count == 1


def test_one_index_write_per_transaction(search_index, monkeypatch):
    calls = []
    original = type(search_index).apply

    def counting(self, **kwargs):
        calls.append(kwargs)
        return original(self, **kwargs)

    monkeypatch.setattr(type(search_index), "apply", counting)
    import_seed("003")
    assert len(calls) == 1


def test_editing_a_section_updates_its_hit(seeded):
    section = seeded["003"].document.sections.get(label="1", parent__label="II")
    section.text = section.text + "\n\nA quokka paragraph added by an editor."
    section.save()
    hit = search_documents("quokka").results[0]
    assert hit.sections[0].section.anchor == "ii-1"
