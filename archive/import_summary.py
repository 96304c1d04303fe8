"""The machine-readable line of ``import_documents --json``: one dict per file, a stable shape."""

from archive.selectors import section_tree
from archive.serializers import document_metadata, sections_outline
from archive.services import ImportOutcome

SUMMARY_FIELDS = ("title", "subtitle", "kind", "publisher", "issuer", "authors", "date", "complete", "missing")


def outcome_summary(path: str, outcome: ImportOutcome) -> dict:
    summary: dict = {"path": path, "status": outcome.status, "error": outcome.error or None, "document_id": None}
    summary.update(dict.fromkeys(SUMMARY_FIELDS))
    summary.update({"version_of": None, "sections": []})
    if outcome.document is None:
        return summary
    metadata = document_metadata(outcome.document)
    summary["document_id"] = outcome.document.pk
    summary.update({name: metadata[name] for name in SUMMARY_FIELDS})
    summary["version_of"] = outcome.version_of_id if outcome.status == "imported" else metadata["version_of"]
    summary["sections"] = sections_outline(section_tree(outcome.document))
    return summary
