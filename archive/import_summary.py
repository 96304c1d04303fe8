"""The machine-readable line of ``import_documents --json``: one dict per file, a stable shape."""

from archive.selectors import section_tree
from archive.serializers import document_metadata, sections_outline
from archive.services import ImportOutcome

SUMMARY_FIELDS = ("title", "subtitle", "kind", "publisher", "issuer", "authors", "date", "complete", "missing")


def outcome_summary(path: str, outcome: ImportOutcome) -> dict:
    """Summarise one file's import; ``version_of``/``draft_of`` name the document it was found to join."""
    summary: dict = {"path": path, "status": outcome.status, "error": outcome.error or None, "document_id": None}
    summary.update(dict.fromkeys(SUMMARY_FIELDS))
    summary.update({"version_of": None, "draft_of": None, "sections": [], "warnings": list(outcome.warnings)})
    if outcome.document is None:
        return summary
    metadata = document_metadata(outcome.document)
    summary["document_id"] = outcome.document.pk
    summary.update({name: metadata[name] for name in SUMMARY_FIELDS})
    if outcome.status == "imported":
        summary.update(version_of=outcome.version_of_id, draft_of=outcome.draft_of_id)
    else:  # a duplicate: the links the stored document already has
        summary.update(version_of=metadata["version_of"], draft_of=outcome.document.draft_of_id)
    summary["sections"] = sections_outline(section_tree(outcome.document))
    return summary
