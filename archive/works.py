"""Filing a document with its work: as another capture of one text (hidden behind the fuller capture) or as
another draft or edition dated differently (listed and searchable on its own, linked to the others).

Called by the services inside their transactions; links an editor set are kept.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce

from archive.ingest.fingerprint import DatedText, WorkRelation, dates_differ, work_relation
from archive.models import Document, DocumentStatus, TextSample
from archive.selectors import document_text, draft_work_of, work_of

# Share of the smaller of two documents' sampled passages both must hold for their texts to be compared in full.
MIN_SHARED_SAMPLES = 0.2
# Documents sharing the most sampled passages with a new one that are weighed as its other captures or drafts.
CANDIDATES = 20


def work_members(document: Document) -> set[int]:
    """The document and every capture and draft of its work (and the drafts' captures), by id."""
    root, first = work_of(document), draft_work_of(document)
    linked = Q(pk__in={document.pk, root, first}) | Q(version_of_id__in={root, first}) | Q(draft_of_id=first)
    return set(Document.objects.filter(linked | Q(version_of__draft_of_id=first)).values_list("pk", flat=True))


def work_text(document: Document) -> str:
    return document_text(document, headings=False)


def _dated(document: Document, text: str | None = None) -> DatedText:
    return DatedText(document.kind, document.date_iso, work_text(document) if text is None else text)


@dataclass(frozen=True)
class WorkMatch:
    """The document a new one was found to belong with, how, and the capture it displaced from lists, if any."""

    relation: WorkRelation
    document: Document
    hidden_id: int | None = None


def link_to_work(document: Document, text: str) -> WorkMatch | None:
    """File a document linked to nothing with the work it belongs to: as another capture, or another draft."""
    match = _find_work(document, text)
    if match is None:
        return None
    shown = match.document.version_of or match.document
    if match.relation == WorkRelation.DRAFTS:
        document.draft_of_id = shown.draft_of_id or shown.pk
        document.save(update_fields=["draft_of", "updated_at"])
        return match
    hidden = _join_captures(document, text, shown)
    return WorkMatch(match.relation, match.document, hidden.pk if hidden else None)


def _join_captures(document: Document, text: str, shown: Document) -> Document | None:
    """Link a capture with the capture shown for its text; show the fuller; return the one it now hides.

    Saves (not queryset updates) change which document is public, so the index hears of both.
    """
    if _fullness(document, text) > _fullness(shown, work_text(shown)):
        _set_links(shown.versions.exclude(pk=document.pk), version_of=document.pk)
        _hand_over_drafts(shown, document)
        shown.version_of = document
        shown.save(update_fields=["version_of", "draft_of", "updated_at"])
        return shown
    document.version_of = shown
    document.save(update_fields=["version_of", "updated_at"])
    return None


def _fullness(document: Document, text: str) -> tuple[bool, bool, int]:
    """Rank captures for showing: published before draft (a draft imported later never takes a work off the
    public pages), complete before partial, dated before undated (a researcher cites the date), then the
    longer text (a truncated scrape yields to the whole article); between equals, the first."""
    published = document.status == DocumentStatus.PUBLISHED
    return published, document.complete, document.date is not None, len(text)


def _hand_over_drafts(old: Document, new: Document) -> None:
    """Move the work's draft links from a capture no longer shown to the one shown now."""
    if old.draft_of_id is None and not old.other_drafts.exists():
        return
    new.draft_of_id = old.draft_of_id
    new.save(update_fields=["draft_of", "updated_at"])
    _set_links(old.other_drafts.exclude(pk=new.pk), draft_of=new.pk)
    old.draft_of = None


def _find_work(document: Document, text: str) -> WorkMatch | None:
    """Find the document this one belongs with: another capture of its text first, else another draft."""
    new = _dated(document, text)
    drafts = None
    for candidate in _candidates(document):
        relation = _relation_to(new, candidate)
        if relation == WorkRelation.CAPTURES:
            return WorkMatch(relation, candidate)
        if relation == WorkRelation.DRAFTS and drafts is None:
            drafts = WorkMatch(relation, candidate)
    return drafts


def _relation_to(new: DatedText, candidate: Document) -> WorkRelation:
    """Relate a text to a stored document; a capture must also agree with the date of the capture shown."""
    relation = work_relation(new, _dated(candidate))
    shown = candidate.version_of
    if relation == WorkRelation.CAPTURES and shown is not None and dates_differ(new.date, shown.date_iso):
        return WorkRelation.DRAFTS  # an undated capture of another draft: the dates of the drafts differ
    return relation


def _candidates(document: Document) -> list[Document]:
    """Documents with the same folded title or sharing sampled passages, most shared passages first, then the
    earliest stored: the same candidates in the same order whatever order the database reads the samples in.

    The share is measured against the smaller sample of the two, as ``similarity`` measures against
    the shorter text: a short later draft must find the long draft with commentary, whichever came first.
    """
    samples = list(document.text_samples.values_list("value", flat=True))
    shared = dict(
        TextSample.objects.filter(value__in=samples)
        .exclude(document=document)
        .values("document")
        .annotate(n=Count("id"))
        .filter(n__gte=2)
        .order_by("-n", "document")
        .values_list("document", "n")[:CANDIDATES]
    )
    sizes = dict(
        TextSample.objects.filter(document__in=shared)
        .values("document")
        .annotate(n=Count("id"))
        .values_list("document", "n")
    )
    enough = [pk for pk, n in shared.items() if n >= MIN_SHARED_SAMPLES * min(len(samples), sizes[pk])]
    same_title = Document.objects.filter(title_key=document.title_key).exclude(pk=document.pk).values_list("pk", flat=True)
    order = list(dict.fromkeys([*enough, *same_title]))
    found = Document.objects.select_related("version_of").in_bulk(order)
    return [found[pk] for pk in order]


def links_edited(document: Document) -> bool:
    return bool({"version_of", "draft_of"} & set(document.edited_fields))


def relink(document: Document, text: str) -> set[int]:
    """Re-decide a re-parsed document's links with its new date and text, as an import decides them.

    Its own link and its captures' links are checked; a document left linked to nothing is filed
    anew. Two works already holding captures are never merged here: an editor links them. Returns
    the other documents whose links changed.
    """
    changed: set[int] = set()
    shown = document.version_of
    if shown is not None and work_relation(_dated(document, text), _dated(shown)) != WorkRelation.CAPTURES:
        _release(document)
    for version in list(document.versions.all()):
        if links_edited(version) or work_relation(_dated(version), _dated(document, text)) == WorkRelation.CAPTURES:
            continue
        _release(version)
        link_to_work(version, work_text(version))
        changed.add(version.pk)
    if document.version_of_id is None:
        _recheck_drafts(document, text)
    if _linked_to_nothing(document):
        match = link_to_work(document, text)
        if match and match.hidden_id:
            changed.add(match.hidden_id)
    return changed


def _release(document: Document) -> None:
    """Unlink a capture from its work: it becomes a document of its own, listed and indexed."""
    document.version_of = None
    document.save(update_fields=["version_of", "updated_at"])


def _recheck_drafts(document: Document, text: str) -> None:
    """Leave the work's drafts if the document is no longer a draft of any of them."""
    first = document.draft_of_id or document.pk
    others = Document.objects.filter(Q(pk=first) | Q(draft_of_id=first)).exclude(pk=document.pk)
    if not others or any(
        work_relation(_dated(document, text), _dated(other)) == WorkRelation.DRAFTS for other in others
    ):
        return
    if document.draft_of_id is None:  # it was the first: the earliest-filed other draft takes its place
        successor, *rest = sorted(others, key=lambda other: other.pk)
        _set_links(Document.objects.filter(pk__in=[other.pk for other in rest]), draft_of=successor.pk)
        successor.draft_of = None
        successor.save(update_fields=["draft_of", "updated_at"])
    else:
        document.draft_of = None
        document.save(update_fields=["draft_of", "updated_at"])


def _linked_to_nothing(document: Document) -> bool:
    return (
        document.version_of_id is None
        and document.draft_of_id is None
        and not document.versions.exists()
        and not document.other_drafts.exists()
    )


# Versions management: an editor unlinks a capture, chooses the canonical capture, or links documents the
# importer split. The services run these in one transaction and remember the links as the editor's.


class LinkError(ValueError):
    """An editor's link request that cannot be carried out as asked; the message says why, for the editor."""


def unlink_capture(document: Document) -> None:
    """Make a capture a document of its own; a canonical capture hands its place to the fullest other one."""
    if document.version_of_id is not None:
        _release(document)
        return
    others = list(document.versions.all())
    if not others:
        raise LinkError(f"#{document.pk} is not linked with another capture.")
    successor = max(others, key=lambda other: _fullness(other, work_text(other)))
    _show_instead(document, successor)
    _set_links(Document.objects.filter(pk=document.pk), version_of=None)


def make_canonical(document: Document) -> None:
    """Show this capture for its text: the old canonical and the other captures point to it, the drafts follow."""
    shown = document.version_of
    if shown is None:
        raise LinkError(f"#{document.pk} is already the canonical capture of its text.")
    if document.status != DocumentStatus.PUBLISHED and shown.status == DocumentStatus.PUBLISHED:
        raise LinkError(
            f"#{document.pk} is not published: the canonical capture is the one readers see, so publish it first."
        )
    _show_instead(shown, document)


def show_a_published_capture(document: Document) -> None:
    """Keep a text public while any capture of it is published: an unpublished canonical capture hands its place
    to the fullest published capture (after a state change of one of the work's captures)."""
    committed = Document.objects.select_related("version_of").get(pk=document.pk)  # links as they are now
    shown = committed.version_of or committed
    if shown.status == DocumentStatus.PUBLISHED:
        return
    published = [capture for capture in shown.versions.all() if capture.status == DocumentStatus.PUBLISHED]
    if published:
        _show_instead(shown, max(published, key=lambda capture: _fullness(capture, work_text(capture))))


def link_documents(documents: list[Document], *, as_: str, canonical: Document) -> None:
    """File the documents with ``canonical``: as captures of its text (it is shown), or as drafts of its work.

    Whole works move: a document's other captures follow it, and each document's work of drafts joins
    ``canonical``'s. Chosen documents that are captures of one another are told apart when linked as drafts.
    """
    if as_ not in ("captures", "drafts"):
        raise LinkError(f"Documents are linked as captures or as drafts, not as {as_!r}.")
    chosen = {document.pk for document in documents}
    if canonical.pk not in chosen or len(chosen) < 2:
        raise LinkError("Choose two or more documents, and one of them to file the others under.")
    if as_ == "drafts":
        for document in Document.objects.filter(pk__in=chosen, version_of__in=chosen):
            _release(document)  # the editor says these two differ: neither hides the other
    canonical.refresh_from_db()
    own = canonical.version_of_id or canonical.pk
    shown = set(
        Document.objects.filter(pk__in=chosen).annotate(shown=Coalesce("version_of", "pk")).values_list("shown", flat=True)
    )
    if shown == {own}:
        raise LinkError("These documents are already captures of one text.")
    others = list(Document.objects.filter(pk__in=shown - {own}).order_by("pk"))
    if as_ == "captures":
        if canonical.version_of_id is not None:
            make_canonical(canonical)
        for other in others:
            _show_instead(other, canonical)
        return
    work = Document.objects.get(pk=own)
    members = set().union(_draft_work(work), *(_draft_work(other) for other in others))
    _file_drafts(members, draft_work_of(work))


def _show_instead(old: Document, new: Document) -> None:
    """Hide ``old`` behind ``new``: its captures point to ``new``, and ``new`` takes its place among drafts.

    ``old`` is shown (no ``version_of``); ``new`` is one of its captures or another text's shown capture.
    Where both were drafts of works, the two works become one, filed under the earlier first draft.
    """
    old.refresh_from_db()
    new.refresh_from_db()
    old_work, new_work = _draft_work(old), _draft_work(new)
    firsts = {_first_draft(d) for d, work in ((old, old_work), (new, new_work)) if len(work) > 1} - {old.pk}
    _set_links(Document.objects.filter(version_of=old).exclude(pk=new.pk), version_of=new.pk)
    _set_links(Document.objects.filter(pk=new.pk), version_of=None)
    _set_links(Document.objects.filter(pk=old.pk), version_of=new.pk, draft_of=None)
    _file_drafts((old_work | new_work) - {old.pk}, min(firsts) if firsts else new.pk)
    old.refresh_from_db()
    new.refresh_from_db()


def _first_draft(document: Document) -> int:
    """The first draft of a shown document's work of drafts; a hidden capture counts as a work of its own."""
    return document.pk if document.version_of_id else (document.draft_of_id or document.pk)


def _draft_work(document: Document) -> set[int]:
    """The shown documents of a document's work of drafts, itself included (a hidden capture: itself only)."""
    if document.version_of_id:
        return {document.pk}
    first = _first_draft(document)
    return {first, *Document.objects.filter(draft_of_id=first).values_list("pk", flat=True)}


def _file_drafts(members: set[int], first: int) -> None:
    """File ``members`` as drafts of one work under ``first``; a work of one document is no work at all."""
    _set_links(Document.objects.filter(pk__in=members - {first}), draft_of=first)
    _set_links(Document.objects.filter(pk=first), draft_of=None)


def _set_links(documents: QuerySet[Document], **links: int | None) -> None:
    """Set capture or draft links (``version_of``/``draft_of`` to a document's id, or None) row by row, not with
    one UPDATE: each save is recorded in the document's history, with the reason of the service at work."""
    for document in documents:
        for name, pk in links.items():
            setattr(document, f"{name}_id", pk)
        document.save(update_fields=[*links, "updated_at"])
