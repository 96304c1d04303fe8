"""Editors saving at once, in several threads of several worker processes, never see a lock error,
and afterwards the index holds exactly the latest committed state of every document.

The worker processes are forked from the test, as a pre-forking server forks its workers. They
share a data directory of their own (a Whoosh index and the index-sync lock) and the test database;
on SQLite, whose test database is in this process's memory, a database file in that directory.
"""

import logging
import multiprocessing
import threading
import traceback
from pathlib import Path

import dj_database_url
from django.apps import apps
from django.conf import settings
from django.db import connection, connections, transaction
from haystack import connections as search_connections

from archive.models import Document, Section
from archive.search.sync.writes import index_on_commit
from tests.conftest import child_database_url

DOCUMENTS, SECTIONS, PROCESSES, THREADS, ROUNDS = 4, 3, 2, 3, 4


def test_concurrent_editors_in_several_processes_lose_no_update(transactional_db, django_db_blocker, tmp_path):
    data_dir = str(tmp_path)
    database = child_database_url(tmp_path)
    with django_db_blocker.unblock():  # the forked processes inherit the unblocked state
        assert _in_process(_create_documents, data_dir, database) == DOCUMENTS

        context = multiprocessing.get_context("fork")
        results = context.Queue()
        workers = [
            context.Process(target=_child, args=(results, data_dir, database, _edit, name)) for name in "ab"[:PROCESSES]
        ]
        for worker in workers:
            worker.start()
        outcomes = [results.get(timeout=120) for _ in workers]
        for worker in workers:
            worker.join(timeout=30)
        assert [worker.exitcode for worker in workers] == [0] * PROCESSES
        assert outcomes == [[]] * PROCESSES  # no exception, no index failure logged after a commit

        verified = _in_process(_verify, data_dir, database)
    assert verified["summary"].endswith("0 missing, 0 orphaned, 0 stale"), verified["summary"]
    for pk, state in verified["latest"].items():
        # The latest title and section texts are searchable, each in exactly its own entry.
        assert state["status"] == "published"
        assert state["found"] == [pk], (pk, state)
        for section_pk, found in state["sections"].items():
            assert found == [section_pk], (pk, state)


def _in_process(function, data_dir, database, *args):
    """Run ``function`` in a forked process using ``data_dir`` and the ``database`` URL; return its result."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    process = context.Process(target=_child, args=(results, data_dir, database, function, *args))
    process.start()
    result = results.get(timeout=120)
    process.join(timeout=30)
    assert process.exitcode == 0, result
    return result


def _child(results, data_dir, database, function, *args):
    # Settings are per process after the fork: point this one at the shared data directory and database.
    # The parent's database connection is left alone, not closed; every thread opens its own.
    settings.ARCHIVE_DATA_DIR = Path(data_dir)
    settings.HAYSTACK_CONNECTIONS["default"]["PATH"] = str(Path(data_dir) / "whoosh")
    search_connections.reload("default")
    connections["default"].settings_dict["NAME"] = dj_database_url.parse(database)["NAME"]
    connection.connection = None
    try:
        results.put(function(*args))
    except BaseException:
        results.put(traceback.format_exc())
        raise
    finally:
        connection.close()


def _create_documents() -> int:
    existing = set(connection.introspection.table_names())  # all of them, but in a new SQLite file
    with connection.schema_editor() as editor:
        for model in apps.get_app_config("archive").get_models():
            if model._meta.db_table not in existing:
                editor.create_model(model)
    for n in range(DOCUMENTS):
        with transaction.atomic():
            document = Document.objects.create(title=f"Document {n}", publisher="Ministry")
            for i in range(SECTIONS):
                Section.objects.create(
                    document=document, position=i, path=f"{i:04d}", anchor=f"s{i}", label=str(i + 1),
                    heading="Heading", text=f"Opening text open{n}x{i}",
                )
    return Document.objects.count()


def _edit(name: str) -> list[str]:
    """Several editors (threads) save titles and sections, hide and publish documents; return the errors."""
    errors: list[str] = []

    class Collect(logging.Handler):  # on_commit logs an index failure instead of raising it
        def emit(self, record):
            errors.append(record.getMessage())

    logging.getLogger("django.db.backends.base").addHandler(Collect(level=logging.ERROR))
    ids = sorted(Document.objects.values_list("pk", flat=True))
    threads = [threading.Thread(target=_editor, args=(name, thread, ids, errors)) for thread in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _editor(name: str, thread: int, ids: list[int], errors: list[str]) -> None:
    try:
        for r in range(ROUNDS):
            pk = ids[(thread + r) % len(ids)]
            document = Document.objects.get(pk=pk)
            section = Section.objects.filter(document_id=pk).order_by("path")[r % SECTIONS]
            mark = f"mark{name}x{thread}x{r}"
            # Only writes inside the transaction: SQLite cannot turn a deferred transaction's read
            # lock into a write lock while another connection writes.
            with transaction.atomic():
                document.title = f"Title {mark}"
                document.save()
                section.text = f"Edited text {mark}"
                section.save()
                index_on_commit({pk})  # as the services do
            if r % 2:  # hidden, then published again: the entries leave the index and come back
                document.status = "draft"
                document.save(update_fields=["status", "updated_at"])
                index_on_commit({pk})
                document.status = "published"
                document.save(update_fields=["status", "updated_at"])
                index_on_commit({pk})
    except Exception:
        errors.append(traceback.format_exc())
    finally:
        connection.close()


def _verify() -> dict:
    from haystack.query import SearchQuerySet

    from archive.search.sync.check import index_check

    latest = {}
    for document in Document.objects.all():
        sections = {
            section.pk: [int(hit.pk) for hit in SearchQuerySet().models(Section).filter(content=section.text.split()[-1])]
            for section in document.sections.all()
        }
        found = [int(hit.pk) for hit in SearchQuerySet().models(Document).filter(content=document.title.split()[-1])]
        latest[document.pk] = {"status": document.status, "found": found, "sections": sections}
    return {"summary": index_check().summary(), "latest": latest}
