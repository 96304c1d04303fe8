"""`archive.search.sync.writes`: the index follows committed transactions only, once per transaction or once
per batch of a bulk import, as the services schedule it."""

import pytest
from django.db import transaction

from archive import services
from archive.models import Document
from archive.search.results import search_documents
from archive.search.sync.writes import IndexUpdates, index_on_commit
from archive.services import document_import
from tests.conftest import seed_path


def import_seed(prefix: str, updates: IndexUpdates | None = None):
    path = seed_path(prefix)
    return document_import(raw=path.read_bytes(), file_name=path.name, index_updates=updates)


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


def test_a_change_scheduled_in_a_transaction_reaches_the_index_when_it_commits(fresh_seeded):
    section = fresh_seeded["003"].document.sections.get(label="1", parent__label="II")
    with transaction.atomic():
        section.text = section.text + "\n\nA quokka paragraph added by an editor."
        section.save()
        index_on_commit({section.document_id})
        assert search_documents("quokka").count == 0  # not before the commit
    hit = search_documents("quokka").results[0]
    assert hit.sections[0].section.anchor == "ii-1"


def test_deleting_through_the_service_removes_the_document_and_its_sections(fresh_seeded):
    from archive.search.engine import SECTIONS, Search, search_engine

    document = fresh_seeded["003"].document
    services.document_delete(document=document)
    assert search_documents("Preface").count == 0
    assert search_engine().search(Search(SECTIONS, "*", filters=(f"document_id:{document.pk}",), stop=0)).total == 0


def test_a_bulk_import_writes_the_index_once_per_batch_and_at_the_end(search_index, monkeypatch):
    writes = count_index_writes(search_index, monkeypatch)
    with IndexUpdates(batch=2) as updates:
        import_seed("002", updates)
        assert writes == [] and search_documents("Chuanying").count == 0  # committed, batch not full yet
        import_seed("003", updates)
        assert len(writes) == 1 and search_documents("Chuanying").count == 1
        import_seed("000", updates)
        assert len(writes) == 1
    assert len(writes) == 2  # the rest, on the way out
    assert search_documents("Ream naval base").count == 1


def test_a_batch_cut_short_still_reaches_the_index(search_index):
    with pytest.raises(KeyboardInterrupt):
        with IndexUpdates(batch=50) as updates:
            import_seed("002", updates)
            raise KeyboardInterrupt
    assert search_documents("Chuanying").count == 1


def test_a_folder_import_writes_the_index_once(search_index, monkeypatch):
    from django.core.management import call_command

    from tests.conftest import SEEDS

    writes = count_index_writes(search_index, monkeypatch)
    call_command("import_documents", str(SEEDS))
    assert len(writes) == 1
    assert search_documents("Chuanying").count == 1 and search_documents("Preface").count == 1


def test_a_failed_batch_write_keeps_its_documents_for_the_next_and_logs_on_the_way_out(search_index, monkeypatch, caplog):
    from archive.search.sync import writes

    def failing(**kwargs):
        raise OSError("disk full")

    with IndexUpdates(batch=50) as updates:
        import_seed("002", updates)
        monkeypatch.setattr(writes, "sync", failing)
        with pytest.raises(OSError):
            updates.write()
        assert updates.documents  # kept for the next write
        monkeypatch.undo()
        updates.write()
        assert search_documents("Chuanying").count == 1 and not updates.documents
        import_seed("003", updates)
        monkeypatch.setattr(writes, "sync", failing)
    assert "check_index" in caplog.text  # the last write failed: logged, the import's own outcome kept
