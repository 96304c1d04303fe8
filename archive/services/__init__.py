"""The only writer: every change to documents, sections and their links goes through these services.

Each service says which documents its transaction changed (``index_on_commit``): the whole work it
touched, before and after, since links decide which capture of a work is searchable. The index is
written from the committed rows once the transaction commits; a rolled-back one never reaches it.

documents.py  imports, re-parses, editors' saves, deletions and reverts
versions.py   links between captures and drafts, set by an editor
workflow.py   draft → in review → published → withdrawn
sections.py   a document's section tree, edited in its outline
"""

from archive.services.documents import (
    METADATA_FIELDS,
    ImportOutcome,
    ReindexOutcome,
    ReparseOutcome,
    document_delete,
    document_import,
    document_reparse,
    document_revert,
    document_save,
    documents_reindex,
    size_error,
    title_key,
)
from archive.services.sections import (
    SECTION_MOVES,
    section_add,
    section_delete,
    section_merge_next,
    section_move,
    section_shift,
    section_split,
    section_update,
)
from archive.services.versions import LinkError, capture_make_canonical, capture_unlink, documents_link
from archive.services.workflow import (
    CHANGE_REASONS,
    TRANSITIONS,
    TransitionOutcome,
    TransitionRefused,
    document_transition,
    documents_transition,
    transition_error,
)

__all__ = [
    "CHANGE_REASONS", "METADATA_FIELDS", "SECTION_MOVES", "TRANSITIONS",
    "ImportOutcome", "LinkError", "ReindexOutcome", "ReparseOutcome", "TransitionOutcome", "TransitionRefused",
    "capture_make_canonical", "capture_unlink", "document_delete", "document_import", "document_reparse",
    "document_revert", "document_save", "document_transition", "documents_link", "documents_reindex",
    "documents_transition", "section_add", "section_delete", "section_merge_next", "section_move",
    "section_shift", "section_split", "section_update", "size_error", "title_key", "transition_error",
]
