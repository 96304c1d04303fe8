"""An editor's links between captures and drafts: unlink a capture, choose the canonical one, link documents the
importer split. Each in one transaction, remembered in ``edited_fields`` so re-parses keep it.
"""

from collections.abc import Callable
from functools import partial

from django.db import transaction

from archive import works
from archive.models import Document, change_reason
from archive.search.sync.writes import index_on_commit

LinkError = works.LinkError


@transaction.atomic
def capture_unlink(*, document: Document) -> Document:
    """Make a capture a document of its own (listed and searchable); the work keeps its other captures."""
    return _links_edit([document], lambda: works.unlink_capture(document), reason="Capture unlinked")


@transaction.atomic
def capture_make_canonical(*, document: Document) -> Document:
    """Show this capture for its text: the old canonical and the other captures point to it, drafts follow."""
    return _links_edit([document], lambda: works.make_canonical(document), reason="Made the canonical capture")


@transaction.atomic
def documents_link(*, documents: list[Document], as_: str, canonical: Document) -> Document:
    """Link documents the importer split: as captures of one text shown as ``canonical``, or as drafts of one work."""
    edit = partial(works.link_documents, documents, as_=as_, canonical=canonical)
    return _links_edit(documents, edit, reason=f"Linked as {as_} of one {'text' if as_ == 'captures' else 'work'}")


def _links_edit(documents: list[Document], edit: Callable[[], None], *, reason: str) -> Document:
    """Run a links edit; remember it on every document it named or relinked; index their works on commit.

    ``reason`` is what the history of each document it saves says of the change.

    The documents named, and those they were linked to, are marked even where their own link did not
    change (the canonical capture a capture was unlinked from): a re-parse of either must not join them again.
    """
    for document in documents:
        document.refresh_from_db()  # its links as committed: an earlier edit or import may have moved them
    named = {document.pk for document in documents}
    members = set().union(*(works.work_members(document) for document in documents))
    before = _links(members)
    edit()
    named |= {linked for pk in named for linked in before.get(pk, ()) if linked is not None}
    members |= set().union(*(works.work_members(document) for document in Document.objects.filter(pk__in=members)))
    after = _links(members)
    for document in Document.objects.filter(pk__in=members):
        was, now = before.get(document.pk, (None, None)), after[document.pk]
        edited = {name for name, old, new in zip(("version_of", "draft_of"), was, now) if old != new}
        if document.pk in named:
            edited.add("version_of")
        if edited:
            document.edited_fields = sorted(set(document.edited_fields) | edited)
            with change_reason(reason):
                document.save(update_fields=["edited_fields", "updated_at"])
    index_on_commit(members)
    documents[0].refresh_from_db()
    return documents[0]


def _links(ids: set[int]) -> dict[int, tuple[int | None, int | None]]:
    rows = Document.objects.filter(pk__in=ids).values_list("pk", "version_of_id", "draft_of_id")
    return {pk: (version_of, draft_of) for pk, version_of, draft_of in rows}
