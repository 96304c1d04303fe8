"""Reads: what the public may see, and a document with its whole section tree in one query."""

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear, Lower

from archive.models import Document, DocumentStatus, Section, SourceFile


def public_documents() -> QuerySet[Document]:
    """Published documents shown for their text: every draft of a work is one; other captures are hidden."""
    return Document.objects.filter(status=DocumentStatus.PUBLISHED, version_of__isnull=True)


def searchable_documents() -> QuerySet[Document]:
    """What search finds: the public documents (their sections prefetched: their indexed text is made of them)."""
    return public_documents().prefetch_related("sections")


def searchable_sections() -> QuerySet[Section]:
    """The sections the index holds: the captured sections (placeholders never) of every published document,
    another capture of a work too, so that a reader on its page can search within it. The archive's search
    only ever asks for the sections of the documents it found, so another capture's never surface there."""
    return Section.objects.filter(document__status=DocumentStatus.PUBLISHED, captured=True)


def searchable(model) -> QuerySet:
    """``searchable_documents()`` or ``searchable_sections()``, by model: what a rebuild writes."""
    return {Document: searchable_documents, Section: searchable_sections}[model]()


def document_versions(document: Document) -> list[Document]:
    """Other published captures of the same work, oldest import first."""
    return list(document.versions.filter(status=DocumentStatus.PUBLISHED).order_by("created_at"))


def work_drafts(document: Document) -> list[Document]:
    """Every published draft or edition of the document's work, earliest first; empty if it has no other."""
    first = draft_work_of(document)
    work = public_documents().filter(Q(pk=first) | Q(draft_of_id=first))
    drafts = list(work.order_by(F("date").asc(nulls_last=True), "pk"))
    return drafts if len(drafts) > 1 else []


def draft_work_of(document: Document) -> int:
    """The id that names the work a document is a draft of: its first-filed draft's.

    Another capture of a draft belongs to the work of the capture shown for it.
    """
    shown = document.version_of or document
    return shown.draft_of_id or shown.pk


def shared_work(document: Document, other: Document) -> str:
    """How two documents belong together: "captures" of one text, "drafts" of one work, or "" for neither."""
    if document.pk == other.pk:
        return ""
    if work_of(document) == work_of(other):
        return "captures"
    return "drafts" if draft_work_of(document) == draft_work_of(other) else ""


def published_document(pk: int) -> Document | None:
    """A published document, canonical or not (a version's own page stays reachable from its work)."""
    return Document.objects.filter(status=DocumentStatus.PUBLISHED, pk=pk).select_related("version_of").first()


def shown_capture(document: Document) -> Document | None:
    """The capture the public is shown for this other capture's work; None for the shown capture itself, and
    when the work's canonical capture is not published: a draft's title and address never reach a page."""
    canonical = document.version_of
    return canonical if canonical is not None and canonical.status == DocumentStatus.PUBLISHED else None


def withdrawn_document(pk: int) -> Document | None:
    """A withdrawn document: its address keeps a tombstone (title, date, the reason), never its text."""
    return Document.objects.filter(status=DocumentStatus.WITHDRAWN, pk=pk).first()


@dataclass
class SectionNode:
    """A section in its document's tree."""

    section: Section
    children: list["SectionNode"] = field(default_factory=list)
    # How many sections end right after this one's own text, read in order: none when its children
    # follow, else itself and each enclosing section it is the last of. A range, so a template can
    # close that many levels in a loop while rendering the tree flat.
    closes: range = range(0)


def section_tree(document: Document) -> list[SectionNode]:
    """Return the document's sections as a tree, read in one ordered query."""
    nodes: dict[int, SectionNode] = {}
    roots: list[SectionNode] = []
    for section in Section.objects.filter(document=document).order_by("path"):
        node = SectionNode(section)
        nodes[section.pk] = node
        parent = nodes.get(section.parent_id) if section.parent_id else None
        (parent.children if parent else roots).append(node)
    walked = list(_depth_first(roots))
    for (node, depth), (_, next_depth) in zip(walked, walked[1:] + [(None, 0)]):
        node.closes = range(depth - next_depth + 1)
    return roots


def reading_order(roots: list[SectionNode]) -> list[SectionNode]:
    """Every node of a section tree, each before its children, as the document reads."""
    return [node for node, _ in _depth_first(roots)]


def _depth_first(roots: list[SectionNode]) -> Iterator[tuple[SectionNode, int]]:
    """Each node with its depth in the tree (0 for the roots), in reading order."""
    stack = [(node, 0) for node in reversed(roots)]
    while stack:
        node, depth = stack.pop()
        yield node, depth
        stack.extend((child, depth + 1) for child in reversed(node.children))


def recent_documents(limit: int = 10) -> list[Document]:
    return list(public_documents().order_by("-created_at")[:limit])


# How the list of documents can be ordered (?sort=): name -> label. Undated documents come last either way.
BROWSE_SORTS = {"newest": "Newest first", "oldest": "Oldest first", "title": "Title A–Z"}


@dataclass(frozen=True)
class BrowseFilters:
    kind: str = ""
    publisher: str = ""
    year: int | None = None
    sort: str = "newest"


def browse_documents(filters: BrowseFilters) -> QuerySet[Document]:
    documents = public_documents()
    if filters.kind:
        documents = documents.filter(kind=filters.kind)
    if filters.publisher:
        documents = documents.filter(publisher=filters.publisher)
    if filters.year:
        documents = documents.filter(date__year=filters.year)
    if filters.sort == "oldest":
        return documents.order_by(F("date").asc(nulls_last=True), "id")
    if filters.sort == "title":
        return documents.order_by(Lower("title"), "title", "id")
    return documents.order_by(F("date").desc(nulls_last=True), "-id")


def browse_choices() -> dict[str, list[tuple[str, int]]]:
    """Values to filter by, each with its count of public documents."""
    documents = public_documents()
    kinds = documents.values_list("kind").annotate(n=Count("id")).order_by("kind")
    publishers = documents.exclude(publisher="").values_list("publisher").annotate(n=Count("id"))
    years = (
        documents.exclude(date=None)
        .annotate(y=ExtractYear("date"))
        .values_list("y")
        .annotate(n=Count("id"))
        .order_by("-y")
    )
    publishers = sorted(publishers, key=lambda pair: _alphabetical(pair[0]))
    return {"kind": list(kinds), "publisher": publishers, "year": list(years)}


def _alphabetical(name: str) -> tuple[str, str]:
    """Where ``name`` goes in an alphabetical list: case and accents aside ("Élysée" among the E's).

    Sorted here, not by the database: SQLite compares bytes ("Xinhua" before "the Diplomat", "Élysée" after
    both) and PostgreSQL follows its collation, so the same archive would list its publishers differently.
    """
    letters = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return letters.casefold(), name


def archive_totals() -> dict[str, int]:
    documents = public_documents()
    return {
        "documents": documents.count(),
        "sections": Section.objects.filter(document__in=documents, captured=True).count(),
    }


def source_text(source: SourceFile) -> str:
    """The raw file as text for an editor to read; undecodable bytes shown as \ufffd, never altered."""
    if "charset=" not in source.media_type:
        return f"({source.media_type}, {source.size:,} bytes: not text; download it from the document page)"
    charset = source.media_type.partition("charset=")[2]
    try:
        return bytes(source.raw).decode(charset, errors="replace")
    except LookupError:
        return bytes(source.raw).decode("utf-8", errors="replace")


def work_of(document: Document) -> int:
    """The id that names a document's work: its canonical capture's."""
    return document.version_of_id or document.pk


def captured_sections(document: Document) -> list[Section]:
    """The document's captured sections in reading order (from its prefetched sections when it has them)."""
    return sorted((section for section in document.sections.all() if section.captured), key=lambda s: s.path)


def document_text(document: Document, *, headings: bool = True) -> str:
    """The document's captured text in reading order, each heading ("II. Concept of …") on its own line.

    The one way a document's text is assembled: for the index, for comparing drafts, and (without
    headings) for recognising captures of one work.
    """
    parts = []
    for section in captured_sections(document):
        if headings:
            title = " ".join(part for part in (section.label, section.heading) if part)
            parts.extend(part for part in (title, section.text) if part)
        else:
            parts.append(section.text)
    return "\n\n".join(parts)
