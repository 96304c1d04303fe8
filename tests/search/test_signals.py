"""The index follows committed transactions only: once per transaction, or once per batch of a bulk import."""

import pytest
from django.db import transaction

from archive.models import Document
from archive.search.documents import search_documents
from archive.services import document_import
from tests.conftest import seed_path


def import_seed(prefix: str):
    path = seed_path(prefix)
    return document_import(raw=path.read_bytes(), file_name=path.name)


def count_index_writes(search_index, monkeypatch) -> list:
    calls = []
    original = type(search_index).apply

    def counting(self, **kwargs):
        calls.append(kwargs)
        return original(self, **kwargs)

    monkeypatch.setattr(type(search_index), "apply", counting)
    return calls


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
    writes = count_index_writes(search_index, monkeypatch)
    import_seed("003")
    assert len(writes) == 1


def test_editing_a_section_updates_its_hit(fresh_seeded):
    section = fresh_seeded["003"].document.sections.get(label="1", parent__label="II")
    section.text = section.text + "\n\nA quokka paragraph added by an editor."
    section.save()
    hit = search_documents("quokka").results[0]
    assert hit.sections[0].section.anchor == "ii-1"


def test_a_bulk_import_writes_the_index_once_per_batch_and_at_the_end(search_index, monkeypatch):
    from archive.search.signals import batched_index_updates

    writes = count_index_writes(search_index, monkeypatch)
    with batched_index_updates(documents=2):
        import_seed("002")
        assert writes == [] and search_documents("Chuanying").count == 0  # committed, batch not full yet
        import_seed("003")
        assert len(writes) == 1 and search_documents("Chuanying").count == 1
        import_seed("000")
        assert len(writes) == 1
    assert len(writes) == 2  # the rest, on the way out
    assert search_documents("Ream naval base").count == 1


def test_a_batch_cut_short_still_reaches_the_index(search_index):
    from archive.search.signals import batched_index_updates

    with pytest.raises(KeyboardInterrupt):
        with batched_index_updates():
            import_seed("002")
            raise KeyboardInterrupt
    assert search_documents("Chuanying").count == 1


def test_a_folder_import_writes_the_index_once(search_index, monkeypatch):
    from django.core.management import call_command

    from tests.conftest import SEEDS

    writes = count_index_writes(search_index, monkeypatch)
    call_command("import_documents", str(SEEDS))
    assert len(writes) == 1
    assert search_documents("Chuanying").count == 1 and search_documents("Preface").count == 1
