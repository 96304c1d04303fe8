"""The only writer: imports store a document, its sections and its raw file in one transaction,
and file it with its work: as another capture of a text (hidden behind the fuller one) or as another
draft or edition dated differently (listed and searchable on its own, linked to the others).

Each service says which documents its transaction changed (``index_on_commit``): the whole work it
touched, before and after, since links decide which capture of a work is searchable. The index is
written from the committed rows once the transaction commits; a rolled-back one never reaches it.
"""

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils.text import slugify

from archive import ingest
from archive.ingest.decode import readable_size
from archive.ingest.fingerprint import DatedText, WorkRelation, dates_differ, work_relation
from archive.ingest.model import ContentsEntry, IngestError, ParsedDocument, ParsedSection
from archive.models import DatePrecision, Document, Section, SourceFile, TextSample
from archive.sanitize import paragraphs_to_html
from archive.search.sync.writes import IndexUpdates, index_on_commit
from archive.selectors import document_text, draft_work_of, work_of

METADATA_FIELDS = (
    "kind", "title", "subtitle", "authors", "publisher", "site", "issuer", "edition", "author_note",
    "source_url", "language", "complete", "date", "date_precision",
)
# Share of the smaller of two documents' sampled passages both must hold for their texts to be compared in full.
MIN_SHARED_SAMPLES = 0.2
# Documents sharing the most sampled passages with a new one that are weighed as its other captures or drafts.
CANDIDATES = 20


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


def document_import(*, raw: bytes, file_name: str, index_updates: IndexUpdates | None = None) -> ImportOutcome:
    """Parse one file and store it whole, or not at all; the same bytes or text are never stored twice.

    The index is written once the import commits, or with ``index_updates`` when a bulk import batches them.
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
        with transaction.atomic():
            document = _create_document(parsed, fingerprint)
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
            match = _link_to_work(document, _document_text(document))
            index_on_commit(_work_members(document), updates=index_updates)
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
    with transaction.atomic():
        members = _work_members(document)
        replaced = [] if "sections" in protected else list(document.sections.values_list("pk", flat=True))
        _apply_metadata(document, parsed, protected=protected)
        if "sections" not in protected:
            _replace_text(document, parsed)
        document.full_clean()
        document.save()
        relinked = set() if _links_edited(document) else _relink(document, _document_text(document))
        index_on_commit(members | _work_members(document), replaced)
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
def document_save(*, document: Document, changed_fields: list[str]) -> Document:
    """Save an editor's change, remembering which fields were corrected by hand (re-parses keep them)."""
    stored = Document.objects.filter(pk=document.pk).first() if document.pk else None
    members = _work_members(stored) if stored else set()
    document.edited_fields = sorted(set(document.edited_fields) | set(changed_fields))
    document.title_key = title_key(document.title)
    document.full_clean()
    document.save()
    index_on_commit(members | _work_members(document))
    return document


@transaction.atomic
def document_delete(*, document: Document) -> None:
    """Delete a document with its sections and raw file; its other captures and drafts are re-indexed."""
    members = _work_members(document)
    sections = list(document.sections.values_list("pk", flat=True))
    document.delete()
    index_on_commit(members, sections)


@transaction.atomic
def sections_save(*, document: Document, formset) -> None:
    """Save an editor's section edits: bodies are rebuilt (and sanitised) from the edited text."""
    sections = formset.save(commit=False)
    if sections or formset.deleted_objects:
        document.edited_fields = sorted(set(document.edited_fields) | {"sections"})
        document.save(update_fields=["edited_fields", "updated_at"])
    removed = [section.pk for section in formset.deleted_objects]
    for section in formset.deleted_objects:
        section.delete()
    last = document.sections.filter(parent=None).order_by("-position").first()
    next_position = last.position + 1 if last else 0
    used = set(document.sections.values_list("anchor", flat=True))
    for section in sections:
        if section.pk is None:
            section.position, section.depth, section.parent = next_position, 0, None
            section.path = f"{next_position:04d}"
            next_position += 1
            if not section.anchor:
                section.anchor = _unique_anchor(ParsedSection(section.label, section.heading), None, used)
        section.text = "\n\n".join(part.strip() for part in section.text.replace("\r\n", "\n").split("\n\n"))
        section.body = paragraphs_to_html(section.paragraphs)
        section.save()
    formset.save_m2m()
    index_on_commit({document.pk}, removed)


def title_key(title: str) -> str:
    """Fold a title so that captures differing only in case, quotes or spacing share a key."""
    return " ".join("".join(ch for ch in title.casefold() if ch.isalnum() or ch.isspace()).split())[:500]


def _create_document(parsed: ParsedDocument, fingerprint: str) -> Document:
    document = Document(text_fingerprint=fingerprint)
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


def _work_members(document: Document) -> set[int]:
    """The document and every capture and draft of its work (and the drafts' captures), by id."""
    root, first = work_of(document), draft_work_of(document)
    linked = Q(pk__in={document.pk, root, first}) | Q(version_of_id__in={root, first}) | Q(draft_of_id=first)
    return set(Document.objects.filter(linked | Q(version_of__draft_of_id=first)).values_list("pk", flat=True))


def _document_text(document: Document) -> str:
    return document_text(document, headings=False)


def _dated(document: Document, text: str | None = None) -> DatedText:
    return DatedText(document.kind, document.date_iso, _document_text(document) if text is None else text)


@dataclass(frozen=True)
class WorkMatch:
    """The document a new one was found to belong with, how, and the capture it displaced from lists, if any."""

    relation: WorkRelation
    document: Document
    hidden_id: int | None = None


def _link_to_work(document: Document, text: str) -> WorkMatch | None:
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
    if _fullness(document, text) > _fullness(shown, _document_text(shown)):
        shown.versions.exclude(pk=document.pk).update(version_of=document)
        _hand_over_drafts(shown, document)
        shown.version_of = document
        shown.save(update_fields=["version_of", "draft_of", "updated_at"])
        return shown
    document.version_of = shown
    document.save(update_fields=["version_of", "updated_at"])
    return None


def _fullness(document: Document, text: str) -> tuple[bool, bool, int]:
    """Rank captures for showing: complete before partial, dated before undated (a researcher cites the
    date), then the longer text (a truncated scrape yields to the whole article); between equals, the first."""
    return document.complete, document.date is not None, len(text)


def _hand_over_drafts(old: Document, new: Document) -> None:
    """Move the work's draft links from a capture no longer shown to the one shown now."""
    if old.draft_of_id is None and not old.other_drafts.exists():
        return
    new.draft_of_id = old.draft_of_id
    new.save(update_fields=["draft_of", "updated_at"])
    old.other_drafts.exclude(pk=new.pk).update(draft_of=new)
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
    """Documents with the same folded title or sharing sampled passages, most shared passages first.

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
        .order_by("-n")
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


def _links_edited(document: Document) -> bool:
    return bool({"version_of", "draft_of"} & set(document.edited_fields))


def _relink(document: Document, text: str) -> set[int]:
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
        if _links_edited(version) or work_relation(_dated(version), _dated(document, text)) == WorkRelation.CAPTURES:
            continue
        _release(version)
        _link_to_work(version, _document_text(version))
        changed.add(version.pk)
    if document.version_of_id is None:
        _recheck_drafts(document, text)
    if _linked_to_nothing(document):
        match = _link_to_work(document, text)
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
        Document.objects.filter(pk__in=[other.pk for other in rest]).update(draft_of=successor)
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
