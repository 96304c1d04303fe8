"""The only writer: imports store a document, its sections and its raw file in one transaction, and file
it with its work (``archive.works``): as another capture of a text or another draft of a work.

Each service says which documents its transaction changed (``index_on_commit``): the whole work it
touched, before and after, since links decide which capture of a work is searchable. The index is
written from the committed rows once the transaction commits; a rolled-back one never reaches it.
"""

import hashlib
import mimetypes
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from archive import ingest, section_edits, selectors, works
from archive.ingest.decode import readable_size
from archive.ingest.fingerprint import WorkRelation
from archive.ingest.model import ContentsEntry, IngestError, ParsedDocument, ParsedSection
from archive.models import DatePrecision, Document, DocumentStatus, Section, SourceFile, TextSample, change_reason
from archive.sanitize import paragraphs_to_html
from archive.search.sync.writes import IndexUpdates, index_on_commit

METADATA_FIELDS = (
    "kind", "title", "subtitle", "authors", "publisher", "site", "issuer", "edition", "author_note",
    "source_url", "language", "complete", "date", "date_precision",
)


@dataclass(frozen=True)
class ImportOutcome:
    file_name: str
    status: str  # "imported", "duplicate" or "failed"
    document: Document | None = None
    parsed: ParsedDocument | None = None
    error: str = ""
    version_of_id: int | None = None  # the document it was found to be another capture of
    draft_of_id: int | None = None  # the document it was found to be another draft of

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the parser noticed and the importer should hear: a guessed encoding, a partial capture."""
        return self.parsed.warnings if self.parsed is not None else ()


def size_error(size: int) -> str:
    """Why a file of ``size`` bytes is refused before it is read, or "" when it is acceptable."""
    limit = settings.ARCHIVE_MAX_FILE_BYTES
    if size > limit:
        return f"the file is {readable_size(size)}; the limit is {readable_size(limit)} (ARCHIVE_MAX_FILE_BYTES)"
    return ""


def document_import(
    *,
    raw: bytes,
    file_name: str,
    index_updates: IndexUpdates | None = None,
    status: DocumentStatus = DocumentStatus.PUBLISHED,
) -> ImportOutcome:
    """Parse one file and store it whole, or not at all; the same bytes or text are never stored twice.

    The index is written once the import commits, or with ``index_updates`` when a bulk import batches them.
    A document imported with ``status`` draft stays off public pages and search until it is published.
    """
    sha256 = hashlib.sha256(raw).hexdigest()
    existing = SourceFile.objects.filter(sha256=sha256).select_related("document").first()
    if existing:
        return ImportOutcome(
            file_name, "duplicate", document=existing.document, error="the same file is already in the archive"
        )
    try:
        parsed = ingest.parse(raw, file_name, max_bytes=settings.ARCHIVE_MAX_FILE_BYTES)
    except IngestError as error:
        return ImportOutcome(file_name, "failed", error=str(error))
    fingerprint = ingest.text_fingerprint(parsed)
    same_text = Document.objects.filter(text_fingerprint=fingerprint).first()
    if same_text:
        return ImportOutcome(
            file_name, "duplicate", document=same_text, parsed=parsed, error="the same text is already in the archive"
        )
    try:
        with change_reason(f"Imported from {file_name}"), transaction.atomic():
            document = _create_document(parsed, fingerprint, status=status)
            _create_sections(document, parsed)
            SourceFile.objects.create(
                document=document,
                file_name=file_name[:255],
                media_type=_media_type(file_name, parsed.encoding),
                sha256=sha256,
                raw=raw,
                size=len(raw),
            )
            TextSample.objects.bulk_create(
                TextSample(document=document, value=value) for value in ingest.shingle_sample(parsed)
            )
            match = works.link_to_work(document, works.work_text(document))
            index_on_commit(works.work_members(document), updates=index_updates)
    except IntegrityError:
        # Another import stored the same bytes between the check above and this one's commit.
        existing = SourceFile.objects.filter(sha256=sha256).select_related("document").first()
        if existing is None:
            raise
        return ImportOutcome(
            file_name, "duplicate", document=existing.document, error="the same file was just imported by another import"
        )
    matched = {match.relation: match.document.pk} if match else {}
    return ImportOutcome(
        file_name,
        "imported",
        document=document,
        parsed=parsed,
        version_of_id=matched.get(WorkRelation.CAPTURES),
        draft_of_id=matched.get(WorkRelation.DRAFTS),
    )


@dataclass(frozen=True)
class ReparseOutcome:
    document_id: int
    status: str  # "updated", "unchanged" or "failed"
    error: str = ""
    kept: tuple[str, ...] = ()  # fields left as an editor corrected them
    relinked: tuple[int, ...] = ()  # other documents whose capture or draft links changed with this one's


def document_reparse(*, document: Document) -> ReparseOutcome:
    """Run the current parser over the stored raw file again; editors' corrections are kept.

    Metadata fields an editor changed (``edited_fields``) keep the editor's value; if an editor edited
    the sections, the section tree is kept too. Links to other captures and drafts are decided again
    from the new date and text, unless an editor set them. Every save reaches the index on commit.
    """
    # Re-read: re-parsing an earlier document of a batch may have relinked this one since it was loaded.
    document.refresh_from_db()
    source = document.source
    try:
        parsed = ingest.parse(bytes(source.raw), source.file_name, max_bytes=settings.ARCHIVE_MAX_FILE_BYTES)
    except IngestError as error:
        return ReparseOutcome(document.pk, "failed", error=str(error))
    protected = set(document.edited_fields)
    before = _reparse_state(document)
    with change_reason("Re-parsed"), transaction.atomic():
        members = works.work_members(document)
        replaced = [] if "sections" in protected else list(document.sections.values_list("pk", flat=True))
        _apply_metadata(document, parsed, protected=protected)
        if "sections" not in protected:
            _replace_text(document, parsed)
        document.full_clean()
        document.save()
        relinked = set() if works.links_edited(document) else works.relink(document, works.work_text(document))
        index_on_commit(members | works.work_members(document), replaced)
    document.refresh_from_db()
    changed = _reparse_state(document) != before or relinked
    status = "updated" if changed else "unchanged"
    return ReparseOutcome(document.pk, status, kept=tuple(sorted(protected)), relinked=tuple(sorted(relinked)))


def _reparse_state(document: Document) -> tuple:
    """What a re-parse may change: the metadata, the text and the document's links."""
    metadata = tuple(getattr(document, name) for name in METADATA_FIELDS)
    return metadata, document.text_fingerprint, document.version_of_id, document.draft_of_id


def _replace_text(document: Document, parsed: ParsedDocument) -> None:
    """Replace the section tree and the sampled passages other captures are found by."""
    document.text_fingerprint = ingest.text_fingerprint(parsed)
    document.sections.all().delete()
    _create_sections(document, parsed)
    document.text_samples.all().delete()
    TextSample.objects.bulk_create(
        TextSample(document=document, value=value) for value in ingest.shingle_sample(parsed)
    )


@transaction.atomic
def document_save(*, document: Document, changed_fields: list[str], reason: str = "Edited in admin") -> Document:
    """Save an editor's change, remembering which fields were corrected by hand (re-parses keep them)."""
    stored = Document.objects.filter(pk=document.pk).first() if document.pk else None
    members = works.work_members(stored) if stored else set()
    document.edited_fields = sorted(set(document.edited_fields) | set(changed_fields))
    document.title_key = title_key(document.title)
    _stamp_status_change(stored, document)  # workflow
    document.full_clean()
    with change_reason(reason):
        document.save()
    if stored is not None and stored.status != document.status:
        works.show_a_published_capture(document)
    index_on_commit(members | works.work_members(document))
    return document


@change_reason("Deleted in admin")
@transaction.atomic
def document_delete(*, document: Document) -> None:
    """Delete a document with its sections and raw file; its other captures and drafts are re-indexed."""
    members = works.work_members(document)
    sections = list(document.sections.values_list("pk", flat=True))
    document.delete()
    index_on_commit(members, sections)


def title_key(title: str) -> str:
    """Fold a title so that captures differing only in case, quotes or spacing share a key."""
    return " ".join("".join(ch for ch in title.casefold() if ch.isalnum() or ch.isspace()).split())[:500]


def _create_document(parsed: ParsedDocument, fingerprint: str, *, status: DocumentStatus) -> Document:
    document = Document(text_fingerprint=fingerprint, status=status)
    _apply_metadata(document, parsed, protected=set())
    document.full_clean()
    document.save()
    return document


def _apply_metadata(document: Document, parsed: ParsedDocument, *, protected: set[str]) -> None:
    """Copy the parser's metadata onto the document, except the fields an editor corrected by hand."""
    values = {  # keys are METADATA_FIELDS
        "kind": parsed.kind,
        "title": parsed.display_title[:500],
        "subtitle": parsed.subtitle,
        "authors": list(parsed.authors),
        "publisher": parsed.publisher[:200],
        "site": parsed.site[:200],
        "issuer": parsed.issuer[:300],
        "edition": parsed.edition[:200],
        "author_note": parsed.author_note,
        "source_url": parsed.source_url[:1000],
        "language": parsed.language or "en",
        "complete": parsed.complete,
        "date": date(parsed.date.year, parsed.date.month or 1, parsed.date.day or 1) if parsed.date else None,
        "date_precision": DatePrecision(parsed.date.precision) if parsed.date else DatePrecision.DAY,
    }
    if "date" in protected:
        protected = protected | {"date_precision"}
    for name, value in values.items():
        if name not in protected:
            setattr(document, name, value)
    document.title_key = title_key(document.title)


def _create_sections(document: Document, parsed: ParsedDocument) -> None:
    """Write the whole tree, placing chapters the contents list names but the capture lacks."""
    top_level = _with_missing_placeholders(parsed.sections, parsed.contents, parsed.missing)
    used_anchors: set[str] = set()
    _write_level(document, top_level, parent=None, path_prefix="", depth=0, used_anchors=used_anchors)


def _write_level(document, nodes, *, parent, path_prefix, depth, used_anchors) -> None:
    for position, (node, captured) in enumerate(nodes):
        path = f"{path_prefix}{position:04d}"
        section = Section.objects.create(
            document=document,
            parent=parent,
            position=position,
            depth=depth,
            path=path,
            label=node.label[:40],
            label_scheme=node.label_scheme,
            heading=node.heading[:500],
            text="\n\n".join(node.paragraphs),
            body=paragraphs_to_html(node.paragraphs),
            anchor=_unique_anchor(node, parent, used_anchors),
            captured=captured,
        )
        children = [(child, True) for child in node.children]
        _write_level(
            document, children, parent=section, path_prefix=f"{path}.", depth=depth + 1, used_anchors=used_anchors
        )


def _with_missing_placeholders(
    sections: tuple[ParsedSection, ...], contents: tuple[ContentsEntry, ...], missing: tuple[ContentsEntry, ...]
) -> list[tuple[ParsedSection, bool]]:
    """Merge captured top-level sections with empty placeholders, in the contents list's order."""
    missing_keys = {_entry_key(entry.label, entry.heading) for entry in missing}
    order = [_entry_key(entry.label, entry.heading) for entry in contents]
    merged: list[tuple[ParsedSection, bool]] = []
    next_entry = 0
    for section in sections:
        key = _entry_key(section.label, section.heading)
        if key in order[next_entry:]:
            found = order.index(key, next_entry)
            merged.extend(_placeholders(contents[next_entry:found], missing_keys))
            next_entry = found + 1
        merged.append((section, True))
    merged.extend(_placeholders(contents[next_entry:], missing_keys))
    # Missing entries the contents order could not place still must not be lost.
    placed = {_entry_key(s.label, s.heading) for s, captured in merged if not captured}
    merged.extend((ParsedSection(e.label, e.heading), False) for e in missing if _entry_key(e.label, e.heading) not in placed)
    return merged


def _placeholders(entries, missing_keys) -> list[tuple[ParsedSection, bool]]:
    return [
        (ParsedSection(entry.label, entry.heading), False)
        for entry in entries
        if _entry_key(entry.label, entry.heading) in missing_keys
    ]


def _entry_key(label: str, heading: str) -> tuple[str, str]:
    return (label.strip().casefold(), " ".join(heading.split()).casefold())


def _unique_anchor(node: ParsedSection, parent: Section | None, used: set[str]) -> str:
    """Anchors read like the printed numbering: "ii", "ii-1", "preface"; unique within the document."""
    if node.label:
        base = slugify(node.label) or "section"
        if parent is not None:
            base = f"{parent.anchor}-{base}"
    else:
        base = slugify(node.heading)[:60].strip("-") or "text"
    anchor, counter = base[:70], 2
    while anchor in used:
        anchor = f"{base[:70]}-{counter}"
        counter += 1
    used.add(anchor)
    return anchor


def _media_type(file_name: str, encoding: str) -> str:
    guessed, _ = mimetypes.guess_type(file_name)
    if encoding == "binary":  # a PDF: its bytes are not text in any charset
        return guessed or "application/octet-stream"
    return f"{guessed or 'text/plain'}; charset={encoding}"


# Versions management and admin re-processing (the versions part): an editor's links between captures and
# drafts, each in one transaction, remembered in ``edited_fields`` so re-parses keep them.

LinkError = works.LinkError


@transaction.atomic
def capture_unlink(*, document: Document) -> Document:
    """Make a capture a document of its own (listed and searchable); the work keeps its other captures."""
    return _links_edit([document], lambda: works.unlink_capture(document))


@transaction.atomic
def capture_make_canonical(*, document: Document) -> Document:
    """Show this capture for its text: the old canonical and the other captures point to it, drafts follow."""
    return _links_edit([document], lambda: works.make_canonical(document))


@transaction.atomic
def documents_link(*, documents: list[Document], as_: str, canonical: Document) -> Document:
    """Link documents the importer split: as captures of one text shown as ``canonical``, or as drafts of one work."""
    return _links_edit(documents, lambda: works.link_documents(documents, as_=as_, canonical=canonical))


def _links_edit(documents: list[Document], edit: Callable[[], None]) -> Document:
    """Run a links edit; remember it on every document it named or relinked; index their works on commit.

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
            document.save(update_fields=["edited_fields", "updated_at"])
    index_on_commit(members)
    documents[0].refresh_from_db()
    return documents[0]


def _links(ids: set[int]) -> dict[int, tuple[int | None, int | None]]:
    rows = Document.objects.filter(pk__in=ids).values_list("pk", "version_of_id", "draft_of_id")
    return {pk: (version_of, draft_of) for pk, version_of, draft_of in rows}


@dataclass(frozen=True)
class ReindexOutcome:
    document_id: int
    searchable: bool  # written to the index; False: removed from it (a draft, or a capture hidden behind another)


def documents_reindex(*, documents: list[Document]) -> list[ReindexOutcome]:
    """Write the documents' committed state to the index again, in one update; say which are searchable."""
    ids = {document.pk for document in documents}
    IndexUpdates().add(ids)  # written at once (a batch of one), so a failing engine is reported, not only logged
    searchable = set(selectors.searchable_documents().filter(pk__in=ids).values_list("pk", flat=True))
    return [ReindexOutcome(document.pk, document.pk in searchable) for document in documents]


# Workflow (draft → in review → published → withdrawn): state changes, each one transaction and one index update.

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


def _stamp_status_change(stored: Document | None, document: Document) -> None:
    """An editor's save that changed the state (the change form's Status) is held to the workflow and recorded
    as a transition is; the change form refuses an impossible state first, with the same message."""
    before = stored.status if stored else None
    if document.status == before:
        return
    if before is not None and (error := transition_error(before, document.status)):
        raise ValidationError({"status": error})
    _set_status(document, document.status, document.withdrawn_reason.strip())


# --- Section tree editing (the document's "Sections" outline in admin) -------------------------------
# Each edit reads the document's whole tree, changes its outline (archive.section_edits: the tree
# arithmetic, written once) and writes every section whose place or text changed, in one transaction
# that marks the sections as edited by hand (a re-parse then keeps them) and schedules ONE index update.
# Rows are saved one by one with save()/delete(), so model signals see every change.

SECTION_MOVES = {
    "up": section_edits.move_up,
    "down": section_edits.move_down,
    "indent": section_edits.indent,
    "outdent": section_edits.outdent,
}


_SHIFT_REASONS = {
    "up": "Section moved up", "down": "Section moved down", "indent": "Section indented", "outdent": "Section outdented"
}


def section_shift(*, section: Section, direction: str) -> None:
    """Move a section with its subsections one step: "up", "down", "indent" or "outdent"."""
    with _section_tree_edit(section.document, reason=_SHIFT_REASONS[direction]) as tree:
        tree.outline = SECTION_MOVES[direction](tree.outline, tree.row(section))


def section_move(*, section: Section, target: Section, where: section_edits.Where) -> None:
    """Move a section with its subsections before, after or inside (last) another section of its document."""
    with _section_tree_edit(section.document, reason="Section moved") as tree:
        tree.outline = section_edits.move(tree.outline, tree.row(section), target=tree.row(target), where=where)


def section_add(
    *,
    document: Document,
    after: Section | None,
    label: str = "",
    label_scheme: str = "",
    heading: str = "",
    text: str = "",
    captured: bool = True,
) -> Section:
    """Add a section after ``after`` (and its subsections) at its level, or at the end of the document."""
    with _section_tree_edit(document, reason="Section added") as tree:
        new = Section(
            document=tree.document, label=label, label_scheme=label_scheme, heading=heading, captured=captured
        )
        _set_text(new, text)
        after_row = tree.row(after) if after else None
        tree.outline = section_edits.insert_after(tree.outline, new, after=after_row)
    return new


def section_update(
    *, section: Section, label: str, label_scheme: str, heading: str, text: str, captured: bool = True
) -> Section:
    """Change a section's label, heading, text and whether the capture holds it; the body is rebuilt (and
    sanitised) from the text."""
    with _section_tree_edit(section.document, reason="Section edited") as tree:
        row = tree.row(section)
        row.label, row.label_scheme, row.heading, row.captured = label, label_scheme, heading, captured
        _set_text(row, text)
        tree.changed.add(row.pk)
    return row


def section_split(*, section: Section, at_paragraph: int) -> Section:
    """Split a section before its paragraph ``at_paragraph`` (counted from 1); the rest becomes a new section.

    The new section follows it at the same level, untitled, and takes its subsections, which followed
    that text: the document reads exactly as before, and the editor names the new part.
    """
    with _section_tree_edit(section.document, reason="Section split") as tree:
        row = tree.row(section)
        paragraphs = row.paragraphs
        if not 2 <= at_paragraph <= len(paragraphs):
            raise section_edits.OutlineError(
                f"{row} has {len(paragraphs)} paragraph(s): it can be split before paragraph 2 to {len(paragraphs)}."
            )
        new = Section(document=row.document, captured=row.captured)
        _set_text(new, "\n\n".join(paragraphs[at_paragraph - 1:]))
        _set_text(row, "\n\n".join(paragraphs[: at_paragraph - 1]))
        tree.changed.add(row.pk)
        tree.outline = section_edits.split(tree.outline, row, new=new)
    return new


def section_merge_next(*, section: Section) -> None:
    """Join the section read next (its first subsection, or the next one) into this one.

    Its text follows this one's, its printed label and heading kept as a paragraph so no word of the
    document is lost; its subsections keep their place in reading order.
    """
    with _section_tree_edit(section.document, reason="Sections merged") as tree:
        row = tree.row(section)
        tree.outline, merged = section_edits.merge_next(tree.outline, row)
        title = " ".join(part for part in (merged.printed_label, merged.heading) if part)
        _set_text(row, "\n\n".join(part for part in (row.text, title, merged.text) if part.strip()))
        row.captured = row.captured or merged.captured
        tree.changed.add(row.pk)
        tree.removed.append(merged)


def section_delete(*, section: Section) -> list[int]:
    """Delete a section with its subsections; return the ids of every section deleted."""
    with _section_tree_edit(section.document, reason="Section deleted") as tree:
        tree.outline, removed = section_edits.remove(tree.outline, tree.row(section))
        tree.removed.extend(removed)
        removed_ids = [row.pk for row in removed]
    return removed_ids


@dataclass
class _SectionTree:
    """A document's sections as an outline, read whole, for one edit."""

    document: Document
    rows: dict[int, Section]
    outline: list[section_edits.Entry]
    changed: set[int]  # rows whose own fields (text, label, heading) the edit changed
    removed: list[Section]

    def row(self, section: Section) -> Section:
        """This tree's row for ``section``: the edit works on rows read inside its transaction."""
        try:
            return self.rows[section.pk]
        except KeyError:
            raise section_edits.OutlineError(f"{section} is not a section of this document.") from None


@contextmanager
def _section_tree_edit(document: Document, *, reason: str) -> Iterator[_SectionTree]:
    """Read the whole tree under a lock on the document, let the edit change it, then write it whole.

    ``reason`` is what the document's history says of every row the edit writes ("Section split").
    """
    with change_reason(reason), transaction.atomic():
        # One editor's edit at a time per document: each reads the tree the previous one wrote.
        document = Document.objects.select_for_update().get(pk=document.pk)
        rows = {row.pk: row for row in Section.objects.filter(document=document).order_by("path")}
        outline = [section_edits.Entry(row, row.depth) for row in rows.values()]
        tree = _SectionTree(document, rows, outline, set(), [])
        yield tree
        removed = [row.pk for row in tree.removed]  # delete() clears them
        _write_section_tree(tree)
        document.edited_fields = sorted(set(document.edited_fields) | {"sections"})
        document.save(update_fields=["edited_fields", "updated_at"])
        index_on_commit({document.pk}, removed)


def _write_section_tree(tree: _SectionTree) -> None:
    """Delete the removed rows, then save each row whose place or fields changed, once, and create the new ones.

    Paths are unique per document and a move hands them from row to row, so rows are saved in an order
    in which each one's new path is already free (and its parent saved); only rows that trade paths in
    a cycle (a move up or down) wait on a temporary path no real one can take ("~" sorts after digits).
    """
    for row in tree.removed:
        row.delete()
    pending = [p for p in section_edits.placements(tree.outline) if _section_place_changed(p, tree.changed)]
    held = {row.path: row.pk for row in tree.rows.values() if row.pk is not None}
    used = {row.anchor for row in tree.rows.values()}  # a deleted section's anchor is not given to another
    while pending:
        ready = [p for p in pending if held.get(p.path, p.item.pk) == p.item.pk and (p.parent is None or p.parent.pk)]
        if not ready:  # a cycle: one row steps aside
            stuck = next(p.item for p in pending if p.item.pk is not None)
            held.pop(stuck.path)
            stuck.path = f"~{stuck.pk}"
            stuck.save(update_fields=["path"])
            continue
        for placement in ready:
            row = placement.item
            held.pop(row.path, None)
            row.parent, row.position = placement.parent, placement.position
            row.depth, row.path = placement.depth, placement.path
            if not row.anchor:
                row.anchor = _unique_anchor(ParsedSection(row.label, row.heading), placement.parent, used)
            row.full_clean(exclude=["document", "parent"])
            row.save()
            held[row.path] = row.pk
        saved = {id(placement) for placement in ready}
        pending = [p for p in pending if id(p) not in saved]


def _section_place_changed(placement: section_edits.Placement, changed: set[int]) -> bool:
    """Whether a row needs saving: it is new, the edit changed its fields, or it has a new place in the tree."""
    row = placement.item
    if row.pk is None or row.pk in changed:
        return True
    parent = placement.parent.pk if placement.parent else None
    now = (row.parent_id, row.position, row.depth, row.path)
    return (parent, placement.position, placement.depth, placement.path) != now


def _set_text(section: Section, text: str) -> None:
    """Store an editor's text as paragraphs separated by one blank line, and the body built (sanitised) from it."""
    paragraphs = (part.strip() for part in text.replace("\r\n", "\n").split("\n\n"))
    section.text = "\n\n".join(part for part in paragraphs if part)
    section.body = paragraphs_to_html(section.paragraphs)


# --- History: reverting a document to an earlier revision (archive/admin/history.py) ---


def document_revert(*, document: Document, revision) -> list[str]:
    """Put back the metadata of one of the document's history records; return the fields it changed.

    ``revision`` is a record of ``Document.history``. It goes through ``document_save``: the reverted
    fields count as corrected by hand (a re-parse keeps them) and the index follows. Publishing status,
    links to other captures and the sections are left as they are: they have their own services.
    """
    earlier = revision.instance
    changed = [name for name in METADATA_FIELDS if getattr(earlier, name) != getattr(document, name)]
    for name in changed:
        setattr(document, name, getattr(earlier, name))
    when = revision.history_date.strftime("%d %b %Y %H:%M UTC")
    document_save(document=document, changed_fields=changed, reason=f"Reverted to revision {revision.history_id} ({when})")
    return changed
