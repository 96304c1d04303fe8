"""The workflow: draft → in review → published → withdrawn. Each state change is one transaction and one index
update; a move the workflow does not allow is refused with the reason, for the editor.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from archive import works
from archive.models import Document, DocumentStatus
from archive.search.sync.writes import index_on_commit

# The states a document may go to from each state. A draft may be published straight away by an editor; a
# withdrawn document may be published again (its tombstone goes) or returned to draft (its address then 404s).
TRANSITIONS: dict[str, frozenset[str]] = {
    DocumentStatus.DRAFT: frozenset({DocumentStatus.IN_REVIEW, DocumentStatus.PUBLISHED}),
    DocumentStatus.IN_REVIEW: frozenset({DocumentStatus.DRAFT, DocumentStatus.PUBLISHED}),
    DocumentStatus.PUBLISHED: frozenset({DocumentStatus.DRAFT, DocumentStatus.WITHDRAWN}),
    DocumentStatus.WITHDRAWN: frozenset({DocumentStatus.PUBLISHED, DocumentStatus.DRAFT}),
}
# What a document's history says of each change (django-simple-history's change reason).
CHANGE_REASONS = {
    DocumentStatus.DRAFT: "Returned to draft",
    DocumentStatus.IN_REVIEW: "Submitted for review",
    DocumentStatus.PUBLISHED: "Published",
    DocumentStatus.WITHDRAWN: "Withdrawn",
}


class TransitionRefused(Exception):
    """A state change the workflow does not allow; the message says why, for the editor."""


def transition_error(current: str, to: str) -> str:
    """Why a document cannot go from ``current`` to ``to``, or "" when it can."""
    if to not in TRANSITIONS:
        return f"“{to}” is not a state a document can be in."
    if to not in TRANSITIONS.get(current, frozenset()) and current != to:
        allowed = ", ".join(sorted(DocumentStatus(state).label.lower() for state in TRANSITIONS[current]))
        return f"A document that is {DocumentStatus(current).label.lower()} can only become {allowed}."
    return ""


@dataclass(frozen=True)
class TransitionOutcome:
    changed: tuple[int, ...]  # the documents whose state changed, by id
    unchanged: tuple[int, ...]  # already in that state
    refused: tuple[tuple[int, str], ...]  # (id, why) for each the workflow does not allow


def documents_transition(*, documents: Iterable[Document], to: str, reason: str = "") -> TransitionOutcome:
    """Move documents to the state ``to`` in one transaction and one index update; impossible moves are refused.

    A withdrawal needs its ``reason``; when the transaction commits, the index drops the documents that
    left the public and adds those that joined it, with the rest of their works.
    """
    if to == DocumentStatus.WITHDRAWN and not reason.strip():
        raise TransitionRefused("Say why the documents are withdrawn: readers are shown the reason.")
    changed, unchanged, refused, members = [], [], [], set()
    with transaction.atomic():
        for document in documents:
            if document.status == to:
                unchanged.append(document.pk)
            elif error := transition_error(document.status, to):
                refused.append((document.pk, error))
            else:
                members |= works.work_members(document)
                _set_status(document, to, reason.strip())
                document.full_clean()
                document.save(update_fields=["status", "withdrawn_reason", "withdrawn_at", "updated_at"])
                works.show_a_published_capture(document)
                changed.append(document.pk)
        index_on_commit(members)
    return TransitionOutcome(tuple(changed), tuple(unchanged), tuple(refused))


def document_transition(*, document: Document, to: str, reason: str = "") -> Document:
    """Move one document to the state ``to`` (see ``documents_transition``); raise TransitionRefused if it cannot."""
    outcome = documents_transition(documents=[document], to=to, reason=reason)
    if outcome.refused:
        raise TransitionRefused(outcome.refused[0][1])
    return document


def _set_status(document: Document, to: str, reason: str) -> None:
    """Set the state with what goes with it: a withdrawal's reason and time, kept only while withdrawn."""
    withdrawing = to == DocumentStatus.WITHDRAWN
    document.status = to
    document.withdrawn_reason = reason if withdrawing else ""
    document.withdrawn_at = timezone.now() if withdrawing else None
    document._change_reason = CHANGE_REASONS[to]


def stamp_status_change(stored: Document | None, document: Document) -> None:
    """An editor's save that changed the state (the change form's Status) is held to the workflow and recorded
    as a transition is; the change form refuses an impossible state first, with the same message."""
    before = stored.status if stored else None
    if document.status == before:
        return
    if before is not None and (error := transition_error(before, document.status)):
        raise ValidationError({"status": error})
    _set_status(document, document.status, document.withdrawn_reason.strip())
