"""Write the committed state of some documents to the index, in one update where the engine allows.

The services say which documents a transaction changed (``index_on_commit``); once it commits, ``sync``
reads those documents' rows as committed and writes them, so a rolled-back change never reaches the
index. A bulk import gathers many files' changes in one ``IndexUpdates`` batch and writes them together:
a Whoosh commit (and its merges) per file made a large import slower as the index grew. Code that runs
many services in one transaction passes them one batch too, or each writes its own update at commit.

Several worker processes (and threads) index at once. Whoosh's own write lock keeps their commits
apart, but not their *reads*: process A reads a document, B commits a newer version and indexes
it, then A writes its older read over B's. So a sync holds an exclusive lock (a file lock beside
the data, shared by every process on the host) from before it reads the rows until its index commit
is done. Every commit is followed by a sync that starts reading after it, and syncs run one at a
time, so the last sync of a document always writes the latest committed state.
"""

import logging
import os
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import transaction

from archive.models import Section
from archive.search.engine import search_engine
from archive.selectors import searchable_documents, searchable_sections

try:
    import fcntl
except ImportError:  # not POSIX: threads of one process are still kept apart
    fcntl = None

log = logging.getLogger(__name__)

# Longer than the backend's wait for Whoosh's own lock: a sync queued behind a large one should wait.
SYNC_LOCK_TIMEOUT_SECONDS = 120.0
_thread_lock = threading.Lock()


def sync_lock_path() -> Path:
    """The lock file every process of this deployment shares (outside the index: a rebuild deletes that)."""
    return Path(settings.ARCHIVE_DATA_DIR) / "index-sync.lock"


@contextmanager
def sync_lock(timeout: float = SYNC_LOCK_TIMEOUT_SECONDS) -> Iterator[bool]:
    """Hold the index-sync lock; yields False if it could not be had in ``timeout`` seconds.

    Giving up on the lock only loses the ordering guarantee (Whoosh still serialises the writes, and
    ``check_index`` repairs a stale entry); giving up the update would lose it outright.
    """
    deadline = time.monotonic() + timeout
    if not _thread_lock.acquire(timeout=timeout):
        log.warning("index sync lock busy for %.0f s (threads); indexing without it", timeout)
        yield False
        return
    try:
        if fcntl is None:
            yield True
            return
        fd = os.open(sync_lock_path(), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            held = _flock(fd, deadline)
            if not held:
                log.warning("index sync lock busy for %.0f s (processes); indexing without it", timeout)
            yield held
        finally:
            os.close(fd)  # closing the descriptor releases the lock
    finally:
        _thread_lock.release()


def _flock(fd: int, deadline: float) -> bool:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)


# Documents whose committed changes a bulk import writes to the index at once.
IMPORT_BATCH_DOCUMENTS = 50


class IndexUpdates:
    """Documents (and deleted sections) whose committed state is to reach the index, written ``batch`` at a time.

    As a context manager, whatever is left is written on the way out, an import cut short by an error
    included; only a killed process leaves committed documents unindexed, which ``check_index`` repairs.
    """

    def __init__(self, batch: int = 1):
        self.batch = batch
        self.documents: set[int] = set()
        self.removed_sections: set[int] = set()

    def add(self, documents: Iterable[int], removed_sections: Iterable[int] = ()) -> None:
        self.documents.update(documents)
        self.removed_sections.update(removed_sections)
        if len(self.documents) >= self.batch:
            self.write()

    def write(self) -> None:
        """Write everything gathered; on failure it stays gathered for the next write."""
        if not self.documents and not self.removed_sections:
            return
        documents, removed = self.documents, self.removed_sections
        self.documents, self.removed_sections = set(), set()
        try:
            sync(document_ids=documents, removed_section_ids=removed)
        except Exception:
            self.documents |= documents
            self.removed_sections |= removed
            raise

    def __enter__(self) -> "IndexUpdates":
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            self.write()
        except Exception:
            log.exception("The last index update of a batch failed; run `manage.py check_index`")


def index_on_commit(
    documents: Iterable[int], removed_sections: Iterable[int] = (), *, updates: IndexUpdates | None = None
) -> None:
    """Once the current transaction commits (at once outside one), bring these documents' entries in the
    index to their committed state, and remove the sections named: through ``updates`` when a batch is
    given, else in an update of their own. A failing update is logged, never turns a committed save into
    an error; ``check_index`` repairs what it left behind."""
    target = updates or IndexUpdates()
    documents, removed_sections = set(documents), set(removed_sections)
    transaction.on_commit(lambda: target.add(documents, removed_sections), robust=True)


def sync(*, document_ids: set[int], removed_section_ids: set[int]) -> None:
    """Index public documents among ``document_ids`` and the sections of published ones; remove everything
    else named.

    Call it outside a transaction (``on_commit`` does): it must read the latest committed rows.
    """
    with sync_lock():
        _sync_locked(document_ids=set(document_ids), removed_section_ids=set(removed_section_ids))


def _sync_locked(*, document_ids: set[int], removed_section_ids: set[int]) -> None:
    public = list(searchable_documents().filter(pk__in=document_ids))
    sections = list(searchable_sections().filter(document_id__in=document_ids))
    live_section_ids = {section.pk for section in sections}
    hidden_ids = document_ids - {document.pk for document in public}
    # Sections of unpublished documents, deleted ones, and uncaptured placeholders: make sure none lingers.
    named_sections = set(Section.objects.filter(document_id__in=document_ids).values_list("pk", flat=True))
    stale_sections = (named_sections | removed_section_ids) - live_section_ids
    removals = [f"archive.document.{pk}" for pk in sorted(hidden_ids)]
    removals += [f"archive.section.{pk}" for pk in sorted(stale_sections)]
    search_engine().apply(documents=public, sections=sections, removals=removals)
