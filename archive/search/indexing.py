"""Write the committed state of some documents to the index, in one update where the engine allows."""

from haystack import connections

from archive.models import Document, Section
from archive.selectors import public_documents


def _indexes():
    unified = connections["default"].get_unified_index()
    return unified.get_index(Document), unified.get_index(Section)


def sync(*, document_ids: set[int], removed_section_ids: set[int]) -> None:
    """Index public documents among ``document_ids`` with their sections; remove everything else named."""
    document_index, section_index = _indexes()
    public = list(public_documents().filter(pk__in=document_ids).prefetch_related("sections"))
    public_ids = {document.pk for document in public}
    sections = list(
        Section.objects.filter(document_id__in=public_ids, captured=True).select_related("document")
    )
    live_section_ids = {section.pk for section in sections}

    hidden_ids = document_ids - public_ids
    stale_sections = set(
        Section.objects.filter(document_id__in=hidden_ids).values_list("pk", flat=True)
    ) | (removed_section_ids - live_section_ids)
    # Uncaptured placeholders of public documents are never indexed; make sure none lingers.
    stale_sections |= set(
        Section.objects.filter(document_id__in=public_ids, captured=False).values_list("pk", flat=True)
    )
    removals = [f"archive.document.{pk}" for pk in hidden_ids]
    removals += [f"archive.section.{pk}" for pk in stale_sections]
    updates = [(document_index, public), (section_index, sections)]

    backend = connections["default"].get_backend()
    if hasattr(backend, "apply"):
        backend.apply(updates=updates, removals=removals)
        return
    for index, objects in updates:
        if objects:
            backend.update(index, objects)
    for identifier in removals:
        backend.remove(identifier)

