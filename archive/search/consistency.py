"""Compare the search index with the database, and repair the differences.

What should be indexed is what a rebuild would write: every entry of the haystack indexes'
``index_queryset`` (public documents; the captured sections of public documents), named by
haystack identifier ("archive.document.4", "archive.section.17"). An entry is

- missing: the database says it should be searchable, the index lacks it;
- orphaned: the index holds it, the database says it should not (deleted, draft, a version, an
  uncaptured placeholder, or anything else the archive never indexes);
- stale: both hold it, but the index's copy is not what indexing the row now would write. On
  Whoosh every value the index gives back (its stored fields) is compared with the backend's own
  preparation of the row, and an identifier held twice counts as stale. Other engines are checked
  for missing and orphaned entries only.

Repairs go through ``archive.search.indexing.sync``, which re-reads the rows under the index-sync
lock: an entry a concurrent save changed after the check is rewritten from the latest row, never
from the check's older read.
"""

from dataclasses import dataclass, field

from haystack import connections
from haystack.backends.whoosh_backend import WhooshSearchBackend
from haystack.constants import DJANGO_CT, DJANGO_ID, ID

from archive.models import Document, Section
from archive.search.indexing import sync

CHUNK_SIZE = 500
REPAIR_BATCH_DOCUMENTS = 100
_IDENTIFYING = {ID, DJANGO_CT, DJANGO_ID}
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
    backend = connections["default"].get_backend()
    unified = connections["default"].get_unified_index()
    whoosh = isinstance(backend, WhooshSearchBackend)
    indexed = _whoosh_entries(backend) if whoosh else _searchqueryset_entries()
    report = IndexReport(indexed=sum(held.copies for held in indexed.values()), stale_checked=whoosh)
    for model in (Document, Section):
        search_index = unified.get_index(model)
        compared = _compared_names(backend, search_index) if whoosh else set()
        queryset = search_index.index_queryset().order_by("pk")
        if not compared:  # only identifiers to compare: read no rows, render no templates
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
            elif whoosh and held.values != _prepared(backend, search_index, obj, compared):
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
    backend = connections["default"].get_backend()
    for identifier in report.duplicated:
        # An update replaces one copy only (Whoosh finds one entry per unique term); a removal takes all.
        backend.remove(identifier)
    batches = _batches(sorted(document_ids), REPAIR_BATCH_DOCUMENTS) or [[]]
    for number, batch in enumerate(batches):
        members = set(batch)
        removed = {pk for pk, owner in owners.items() if owner in members}
        sync(document_ids=members, removed_section_ids=removed | (gone if number == 0 else set()))
    for identifier in foreign:
        backend.remove(identifier)
    return RepairOutcome(documents_synced=len(document_ids), entries_removed=len(gone) + len(foreign))


@dataclass
class _Held:
    values: object = None  # the entry's stored values, comparable with _prepared(); None when not read
    copies: int = 1


def _whoosh_indexes(backend) -> list:
    if not backend.setup_complete:
        backend.setup()
    indexes = getattr(backend, "indexes", None)
    if isinstance(indexes, dict):  # the archive's backend: one Whoosh index per model
        return list(indexes.values())
    return [backend.index]


def _whoosh_entries(backend) -> dict[str, _Held]:
    """Every live entry's identifier with its stored values; deleted entries are skipped.

    The "id" field's lexicon would be quicker, but it still lists the terms of deleted entries until
    their segment is merged, so it would hide a missing entry; stored fields list live entries only.
    """
    entries: dict[str, _Held] = {}
    for whoosh_index in _whoosh_indexes(backend):
        with whoosh_index.reader() as reader:
            for stored in reader.all_stored_fields():
                identifier = stored.get(ID)
                if identifier is None:
                    continue
                values = _comparable(stored)
                held = entries.get(identifier)
                if held is None:
                    entries[identifier] = _Held(values)
                else:
                    held.copies += 1
    return entries


def _searchqueryset_entries() -> dict[str, _Held]:
    from haystack.query import SearchQuerySet

    entries: dict[str, _Held] = {}
    for model in (Document, Section):
        for result in SearchQuerySet().models(model).all():
            identifier = f"{result.app_label}.{result.model_name}.{result.pk}"
            if identifier in entries:
                entries[identifier].copies += 1
            else:
                entries[identifier] = _Held()
    return entries


def _compared_names(backend, search_index) -> set[str]:
    """The fields of ``search_index`` the engine stores, so can give back (identifiers aside)."""
    stored = set(backend.schema.stored_names())
    return {f.index_fieldname for f in search_index.fields.values() if f.index_fieldname in stored} - _IDENTIFYING


def _prepared(backend, search_index, obj, compared: set[str]) -> tuple:
    """The stored values indexing ``obj`` now would write, in the form the engine gives them back."""
    if not compared:
        return ()
    if _prepares_per_field(search_index):
        # Only the stored fields, as SearchIndex.prepare computes each: no template is rendered.
        prepared = {}
        for name, search_field in search_index.fields.items():
            if search_field.index_fieldname in compared:
                method = getattr(search_index, f"prepare_{name}", None)
                value = method(obj) if method else search_field.prepare(obj)
                if value is not None or not search_field.null:  # full_prepare drops empty null fields
                    prepared[search_field.index_fieldname] = value
    else:
        prepared = search_index.full_prepare(obj)
    return _comparable({name: backend._from_python(value) for name, value in prepared.items() if name in compared})


def _prepares_per_field(search_index) -> bool:
    """True when the index computes each field on its own (it overrides neither prepare nor full_prepare)."""
    from haystack.indexes import SearchIndex

    cls = type(search_index)
    return cls.prepare is SearchIndex.prepare and cls.full_prepare is SearchIndex.full_prepare


def _comparable(values: dict) -> tuple:
    return tuple(sorted((name, repr(value)) for name, value in values.items() if name not in _IDENTIFYING))


def _sort_key(identifier: str) -> tuple:
    content_type, _, pk = identifier.rpartition(".")
    return (content_type, int(pk) if pk.isdigit() else 0, pk)


def _batches(items: list[int], size: int) -> list[list[int]]:
    return [items[start : start + size] for start in range(0, len(items), size)]
