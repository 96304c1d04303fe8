"""Keep the index in step with the database, once per committed transaction.

haystack's RealtimeSignalProcessor writes to the index on every save, inside the transaction: a
rollback leaves the index ahead of the database, and every section of an import is a Whoosh commit.
This processor only notes which documents changed and which section rows went away; when the
transaction commits, ``archive.search.sync.writes.sync`` reads the committed rows and writes the index
once. A rolled-back change costs nothing: ``sync`` derives everything from what the database holds.
``sync`` reads and writes under a lock shared by every worker process, so concurrent editors'
updates are applied in order and none is overwritten by an older read.

A bulk import commits one transaction per file; inside ``batched_index_updates`` the committed
changes of many files are written together, so the index is not committed (and merged) once per file.
"""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models import signals
from haystack.signals import BaseSignalProcessor

from archive.models import Document, Section

log = logging.getLogger(__name__)

# Documents whose committed changes a bulk import writes to the index at once.
IMPORT_BATCH_DOCUMENTS = 50

_pending = threading.local()


def _changes() -> tuple[set[int], set[int]]:
    if not hasattr(_pending, "documents"):
        _pending.documents, _pending.removed_sections = set(), set()
    return _pending.documents, _pending.removed_sections


class OnCommitSignalProcessor(BaseSignalProcessor):
    def setup(self):
        for model in (Document, Section):
            signals.post_save.connect(self.handle_save, sender=model)
            signals.post_delete.connect(self.handle_delete, sender=model)
        signals.pre_delete.connect(self.handle_pre_delete, sender=Document)

    def teardown(self):
        signals.pre_delete.disconnect(self.handle_pre_delete, sender=Document)
        for model in (Document, Section):
            signals.post_save.disconnect(self.handle_save, sender=model)
            signals.post_delete.disconnect(self.handle_delete, sender=model)

    def handle_save(self, sender, instance, **kwargs):
        documents, _ = _changes()
        documents.add(instance.pk if sender is Document else instance.document_id)
        # robust: an index failure is logged, never turns a committed save into an error page.
        transaction.on_commit(self.flush, robust=True)

    def handle_pre_delete(self, sender, instance, **kwargs):
        # Deleting a work's canonical capture promotes its versions (SET_NULL, an UPDATE that sends
        # no signal): they become public and must be indexed. Only now can they still be found.
        documents, _ = _changes()
        documents.update(instance.versions.values_list("pk", flat=True))

    def handle_delete(self, sender, instance, **kwargs):
        documents, removed_sections = _changes()
        if sender is Document:
            documents.add(instance.pk)
        else:
            documents.add(instance.document_id)
            removed_sections.add(instance.pk)
        transaction.on_commit(self.flush, robust=True)

    def flush(self):
        """Apply everything noted so far; later callbacks of the same commit find nothing to do."""
        documents, _ = _changes()
        if len(documents) < (getattr(_pending, "batch", None) or 1):
            return  # a bulk import's batch is not full yet
        _apply_pending()


@contextmanager
def batched_index_updates(documents: int = IMPORT_BATCH_DOCUMENTS) -> Iterator[None]:
    """Within: committed changes reach the index once ``documents`` documents have changed, and on the way out.

    Writing the index after every file made a bulk import slower as the index grew (a Whoosh commit,
    and its merges, per file). A batch cut short by an error is still written on the way out; only a
    killed process leaves committed documents unindexed, which ``check_index`` repairs.
    """
    _pending.batch = documents
    try:
        yield
    finally:
        _pending.batch = None
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(_apply_pending, robust=True)
        else:
            try:
                _apply_pending()
            except Exception:
                log.exception("The last index update of a bulk import failed; run `manage.py check_index`")


def _apply_pending() -> None:
    from archive.search.sync.writes import sync

    documents, removed_sections = _changes()
    if not documents and not removed_sections:
        return
    document_ids, section_ids = set(documents), set(removed_sections)
    documents.clear()
    removed_sections.clear()
    try:
        sync(document_ids=document_ids, removed_section_ids=section_ids)
    except Exception:
        # Keep them for this thread's next commit (on_commit logs the error); check_index repairs
        # whatever a failure leaves behind in the meantime.
        documents.update(document_ids)
        removed_sections.update(section_ids)
        raise
