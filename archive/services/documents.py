"""Documents written whole: imports store a document, its sections and its raw file in one transaction and file it
with its work (``archive.works``); re-parses replace its text; editors' saves, deletions and reverts.
"""

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from archive import ingest, selectors, works
from archive.ingest.decode import readable_size
from archive.ingest.fingerprint import WorkRelation
from archive.ingest.model import ContentsEntry, IngestError, ParsedDocument, ParsedSection
from archive.models import DatePrecision, Document, DocumentStatus, Section, SourceFile, TextSample, change_reason
from archive.sanitize import paragraphs_to_html
from archive.search.sync.writes import IndexUpdates, index_on_commit
from archive.services.workflow import stamp_status_change

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
    stamp_status_change(stored, document)  # workflow
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
            anchor=unique_anchor(node, parent, used_anchors),
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


def unique_anchor(node: ParsedSection, parent: Section | None, used: set[str]) -> str:
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
