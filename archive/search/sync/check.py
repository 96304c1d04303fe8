"""Compare the search index with the database, and repair the differences.

What should be indexed is what a rebuild would write: every entry of the haystack indexes'
``index_queryset`` (public documents; the captured sections of published documents), named by
haystack identifier ("archive.document.4", "archive.section.17"). An entry is

- missing: the database says it should be searchable, the index lacks it;
- orphaned: the index holds it, the database says it should not (deleted, draft, a document entry for
  another capture, an uncaptured placeholder, or anything else the archive never indexes);
- stale: both hold it, but the index's copy is not what indexing the row now would write: every
  value the engine gives back is compared with what it would store for the row now, and an
  identifier held twice counts as stale. An engine that gives nothing back (``STALE_CHECK``
  unsupported) is checked for missing and orphaned entries only.

Repairs go through ``archive.search.sync.writes.sync``, which re-reads the rows under the index-sync
lock: an entry a concurrent save changed after the check is rewritten from the latest row, never
from the check's older read.
"""

from dataclasses import dataclass, field

from archive.models import Document, Section
from archive.search.engine import DOCUMENTS, SECTIONS, STALE_CHECK, search_engine
from archive.search.sync.writes import sync
from archive.selectors import searchable

CHUNK_SIZE = 500
REPAIR_BATCH_DOCUMENTS = 100
_DOCUMENT, _SECTION = "archive.document", "archive.section"


@dataclass
class IndexReport:
    """What differs between the database and the index, by haystack identifier."""

    expected: int = 0
    indexed: int = 0
    missing: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)  # stale entries the index holds more than once
    stale_checked: bool = True

    @property
    def clean(self) -> bool:
        return not (self.missing or self.orphaned or self.stale)

    def summary(self) -> str:
        stale = f"{len(self.stale)} stale" if self.stale_checked else "stale entries not checked on this engine"
        return (
            f"{self.expected} entries expected, {self.indexed} indexed: "
            f"{len(self.missing)} missing, {len(self.orphaned)} orphaned, {stale}"
        )


@dataclass(frozen=True)
class RepairOutcome:
    documents_synced: int
    entries_removed: int


def index_check() -> IndexReport:
    """Compare what the database says should be indexed with what the index holds."""
    engine = search_engine()
    compares_values = engine.serves(STALE_CHECK)
    indexed = engine.stored_entries()
    report = IndexReport(indexed=sum(held.copies for held in indexed.values()), stale_checked=compares_values)
    for index, model in ((DOCUMENTS, Document), (SECTIONS, Section)):
        queryset = searchable(model).order_by("pk")
        if not compares_values:  # only identifiers to compare: read no rows, render no text
            queryset = queryset.prefetch_related(None).values_list("pk", flat=True)
        for obj in queryset.iterator(chunk_size=CHUNK_SIZE):
            identifier = f"{model._meta.label_lower}.{getattr(obj, 'pk', obj)}"
            report.expected += 1
            held = indexed.pop(identifier, None)
            if held is None:
                report.missing.append(identifier)
            elif held.copies > 1:
                report.stale.append(identifier)
                report.duplicated.append(identifier)
            elif compares_values and held.values != engine.expected_values(index, obj):
                report.stale.append(identifier)
    report.orphaned = sorted(indexed, key=_sort_key)
    return report


def index_repair(*, report: IndexReport) -> RepairOutcome:
    """Reindex the documents concerned by ``report`` from the current rows; remove what they do not explain."""
    document_ids: set[int] = set()
    section_ids: set[int] = set()
    foreign: list[str] = []
    for identifier in [*report.missing, *report.orphaned, *report.stale]:
        content_type, _, pk = identifier.rpartition(".")
        if content_type == _DOCUMENT and pk.isdigit():
            document_ids.add(int(pk))
        elif content_type == _SECTION and pk.isdigit():
            section_ids.add(int(pk))
        else:
            foreign.append(identifier)
    owners = dict(Section.objects.filter(pk__in=section_ids).values_list("pk", "document_id"))
    document_ids |= set(owners.values())
    # A section whose row is gone has no document to sync it with: it rides along with the first batch.
    gone = section_ids - set(owners)
    engine = search_engine()
    # An update replaces one copy only (Whoosh finds one entry per unique term); a removal takes all.
    engine.apply(documents=[], sections=[], removals=report.duplicated)
    batches = _batches(sorted(document_ids), REPAIR_BATCH_DOCUMENTS) or [[]]
    for number, batch in enumerate(batches):
        members = set(batch)
        removed = {pk for pk, owner in owners.items() if owner in members}
        sync(document_ids=members, removed_section_ids=removed | (gone if number == 0 else set()))
    engine.apply(documents=[], sections=[], removals=foreign)
    return RepairOutcome(documents_synced=len(document_ids), entries_removed=len(gone) + len(foreign))


def _sort_key(identifier: str) -> tuple:
    content_type, _, pk = identifier.rpartition(".")
    return (content_type, int(pk) if pk.isdigit() else 0, pk)


def _batches(items: list[int], size: int) -> list[list[int]]:
    return [items[start : start + size] for start in range(0, len(items), size)]
