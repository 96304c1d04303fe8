"""The only writer: imports store a document, its sections and its raw file in one transaction.

Index updates are not made here: the search layer's signal processor collects what changed and
updates the index once the transaction has committed.
"""

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils.text import slugify

from archive import ingest
from archive.ingest.fingerprint import SAME_WORK_SIMILARITY, separate_news_days
from archive.ingest.model import ContentsEntry, IngestError, ParsedDocument, ParsedSection
from archive.models import DatePrecision, Document, Section, SourceFile, TextSample
from archive.sanitize import paragraphs_to_html

METADATA_FIELDS = (
    "kind", "title", "subtitle", "authors", "publisher", "site", "issuer", "edition", "author_note",
    "source_url", "language", "complete", "date", "date_precision",
)
# Share of a capture's sampled passages another document must hold to be compared in full.
MIN_SHARED_SAMPLES = 0.2


@dataclass(frozen=True)
class ImportOutcome:
    file_name: str
    status: str  # "imported", "duplicate" or "failed"
    document: Document | None = None
    parsed: ParsedDocument | None = None
    error: str = ""
    version_of_id: int | None = None


def size_error(size: int) -> str:
    """Why a file of ``size`` bytes is refused before it is read, or "" when it is acceptable."""
    limit = settings.ARCHIVE_MAX_FILE_BYTES
    if size > limit:
        return f"the file is {size / 1048576:.1f} MB; the limit is {limit / 1048576:.0f} MB"
    return ""


def document_import(*, raw: bytes, file_name: str) -> ImportOutcome:
    """Parse one file and store it whole, or not at all; the same bytes or text are never stored twice."""
    sha256 = hashlib.sha256(raw).hexdigest()
    existing = SourceFile.objects.filter(sha256=sha256).select_related("document").first()
    if existing:
        return ImportOutcome(
            file_name, "duplicate", document=existing.document, error="the same file is already in the archive"
        )
    try:
        parsed = ingest.parse(raw, file_name)
    except IngestError as error:
        return ImportOutcome(file_name, "failed", error=str(error))
    fingerprint = ingest.text_fingerprint(parsed)
    same_text = Document.objects.filter(text_fingerprint=fingerprint).first()
    if same_text:
        return ImportOutcome(
            file_name, "duplicate", document=same_text, parsed=parsed, error="the same text is already in the archive"
        )
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
        matched = _link_versions(document, _document_text(document))
    return ImportOutcome(file_name, "imported", document=document, parsed=parsed, version_of_id=matched)


@dataclass(frozen=True)
class ReparseOutcome:
    document_id: int
    status: str  # "updated", "unchanged" or "failed"
    error: str = ""
    kept: tuple[str, ...] = ()  # fields left as an editor corrected them


def document_reparse(*, document: Document) -> ReparseOutcome:
    """Run the current parser over the stored raw file again; editors' corrections are kept.

    Metadata fields an editor changed (``edited_fields``) keep the editor's value; if an editor edited
    the sections, the section tree is kept too. Version links stay as they are.
    """
    source = document.source
    try:
        parsed = ingest.parse(bytes(source.raw), source.file_name)
    except IngestError as error:
        return ReparseOutcome(document.pk, "failed", error=str(error))
    protected = set(document.edited_fields)
    fingerprint = ingest.text_fingerprint(parsed)
    before = (document_metadata_values(document), document.text_fingerprint)
    with transaction.atomic():
        _apply_metadata(document, parsed, protected=protected)
        if "sections" not in protected:
            document.text_fingerprint = fingerprint
            document.sections.all().delete()
            _create_sections(document, parsed)
            document.text_samples.all().delete()
            TextSample.objects.bulk_create(
                TextSample(document=document, value=value) for value in ingest.shingle_sample(parsed)
            )
        document.full_clean()
        document.save()
    changed = (document_metadata_values(document), document.text_fingerprint) != before
    return ReparseOutcome(document.pk, "updated" if changed else "unchanged", kept=tuple(sorted(protected)))


def document_metadata_values(document: Document) -> tuple:
    return tuple(getattr(document, name) for name in METADATA_FIELDS)


@transaction.atomic
def document_save(*, document: Document, changed_fields: list[str]) -> Document:
    """Save an editor's change, remembering which fields were corrected by hand (re-parses keep them)."""
    document.edited_fields = sorted(set(document.edited_fields) | set(changed_fields))
    document.title_key = title_key(document.title)
    document.full_clean()
    document.save()
    return document


@transaction.atomic
def sections_save(*, document: Document, formset) -> None:
    """Save an editor's section edits: bodies are rebuilt (and sanitised) from the edited text."""
    sections = formset.save(commit=False)
    if sections or formset.deleted_objects:
        document.edited_fields = sorted(set(document.edited_fields) | {"sections"})
        document.save(update_fields=["edited_fields", "updated_at"])
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
        "title": parsed.title[:500],
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


def _document_text(document: Document) -> str:
    return "\n\n".join(document.sections.filter(captured=True).order_by("path").values_list("text", flat=True))


def _link_versions(document: Document, text: str) -> int | None:
    """Join the new capture to an existing work it shares most of its text with.

    The canonical capture (shown in lists and search) is the fuller one: complete before partial,
    then the longer text (a truncated scrape yields to the whole article); between equals, the first.
    Returns the id of the document the new capture matched.
    """
    candidate = _other_capture(document, text)
    if candidate is None:
        return None
    canonical = candidate.version_of or candidate
    if (document.complete, len(text)) > (canonical.complete, len(_document_text(canonical))):
        canonical.versions.exclude(pk=document.pk).update(version_of=document)
        canonical.version_of = document
        canonical.save(update_fields=["version_of", "updated_at"])
    else:
        document.version_of = canonical
        document.save(update_fields=["version_of", "updated_at"])
    return candidate.pk


def _other_capture(document: Document, text: str) -> Document | None:
    """Find a document with the same folded title or shared sampled passages, confirmed on the full text."""
    samples = list(document.text_samples.values_list("value", flat=True))
    shared = (
        TextSample.objects.filter(value__in=samples)
        .exclude(document=document)
        .values("document")
        .annotate(n=Count("id"))
        .filter(n__gte=max(2, len(samples) * MIN_SHARED_SAMPLES))
        .order_by("-n")
        .values_list("document", flat=True)[:20]
    )
    same_title = Document.objects.filter(title_key=document.title_key).exclude(pk=document.pk).values_list("pk", flat=True)
    for pk in dict.fromkeys([*shared, *same_title]):
        candidate = Document.objects.get(pk=pk)
        if separate_news_days(document.kind, document.date_iso, candidate.kind, candidate.date_iso):
            continue
        if ingest.similarity(text, _document_text(candidate)) >= SAME_WORK_SIMILARITY:
            return candidate
    return None
