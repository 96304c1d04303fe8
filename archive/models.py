"""The archive's records: a document, its section tree, and the raw file it came from."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


def keep_drafts_linked(collector, field, sub_objs, using) -> None:
    """Make the earliest-filed remaining draft a deleted first draft's successor: the other drafts stay linked.

    ``SET_NULL`` would leave every other draft pointing nowhere: a work of three drafts would fall
    apart into three unrelated documents. Drafts deleted in the same operation are never chosen.
    """
    deleted = collector.data.get(field.model, set())
    by_first: dict[int, list] = {}
    for draft in sorted(sub_objs, key=lambda document: document.pk):
        by_first.setdefault(draft.draft_of_id, []).append(draft)
    for drafts in by_first.values():
        kept = [draft for draft in drafts if draft not in deleted] or drafts
        collector.add_field_update(field, None, kept[:1])
        if kept[1:]:
            collector.add_field_update(field, kept[0], kept[1:])


# Django's table of languages names regional variants only for some ("zh-hans"): the plain codes it lacks.
_LANGUAGE_NAMES = {"zh": "Chinese", "tl": "Tagalog", "lo": "Lao"}


def language_name(code: str) -> str:
    """A language's English name from its ISO 639-1 code ("zh" -> "Chinese"); the code when it is unknown."""
    return _LANGUAGE_NAMES.get(code) or LANG_INFO.get(code, {}).get("name") or code


# History (django-simple-history): why the change running now is made, for every record it writes.
_change_reason: ContextVar[str | None] = ContextVar("history_change_reason", default=None)


@contextmanager
def change_reason(reason: str) -> Iterator[None]:
    """Give every history record written inside the block this reason ("Re-parsed"), sections included.

    A service replaces a whole section tree with one reason; an instance's own ``_change_reason``
    (simple-history's documented attribute) still wins, for a transition that names itself.
    """
    token = _change_reason.set(reason)
    try:
        yield
    finally:
        _change_reason.reset(token)


class ReasonedHistoricalRecords(HistoricalRecords):
    """simple-history's records, with the reason of the service that wrote them when the instance names none.

    The editor is linked without a database constraint, as the records' other links are: the archive's tables
    stay creatable on their own (a process's fresh SQLite file in tests/search/test_concurrent_writers.py).
    """

    def __init__(self, **kwargs):
        super().__init__(user_db_constraint=False, **kwargs)

    def get_change_reason_for_object(self, instance, history_type, using):
        return super().get_change_reason_for_object(instance, history_type, using) or _change_reason.get()


class DocumentKind(models.TextChoices):
    ARTICLE = "article", "Article"
    OPINION = "opinion", "Opinion"
    WHITE_PAPER = "white_paper", "White paper"
    REPORT = "report", "Report"
    STATEMENT = "statement", "Statement"
    SPEECH = "speech", "Speech"
    TREATY = "treaty", "Treaty"
    FACT_SHEET = "fact_sheet", "Fact sheet"
    EXECUTIVE_ORDER = "executive_order", "Executive order"
    STRATEGY = "strategy", "Strategy"
    STANDARD = "standard", "Standard"
    LEGISLATION = "legislation", "Legislation"
    RESOLUTION = "resolution", "Resolution"
    OTHER = "other", "Other"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class DocumentStatus(models.TextChoices):
    """Where a document stands in the editors' workflow: draft → in review → published → withdrawn.

    Only a published document is public; a withdrawn one keeps a tombstone at its address.
    """

    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Document(models.Model):
    kind = models.CharField(
        max_length=20,
        choices=DocumentKind.choices,
        default=DocumentKind.ARTICLE,
        help_text="What sort of document this is; inferred at import, correct it here if wrong.",
    )
    title = models.CharField(max_length=500, help_text="The title as printed.")
    subtitle = models.TextField(blank=True, help_text="Subtitle or standfirst, as printed.")
    authors = models.JSONField(
        default=list, blank=True, help_text='Author names in printed order, e.g. ["Mei Ling Tan"].'
    )
    publisher = models.CharField(
        max_length=200, blank=True, help_text="Who published it (a newspaper, a ministry's website)."
    )
    site = models.CharField(
        max_length=200,
        blank=True,
        help_text="The site it was captured from, when that differs from the publisher (a syndicating site).",
    )
    issuer = models.CharField(
        max_length=300,
        blank=True,
        help_text="The issuing body of an official paper, e.g. the State Council Information Office.",
    )
    date = models.DateField(
        null=True,
        blank=True,
        help_text="Publication date; only the parts named by the precision are meaningful.",
    )
    date_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How much of the date is known: the day, the month or only the year.",
    )
    edition = models.CharField(max_length=200, blank=True, help_text='Edition as printed, e.g. "First Edition 2019".')
    author_note = models.TextField(
        blank=True, help_text='The note about the author ("The author is a senior fellow…"), kept out of the body.'
    )
    source_url = models.URLField(max_length=1000, blank=True, help_text="Where the document was captured from.")
    language = models.CharField(max_length=16, default="en", help_text="Language code, e.g. en, zh.")
    status = models.CharField(
        max_length=10,
        choices=DocumentStatus.choices,
        default=DocumentStatus.PUBLISHED,
        help_text=(
            "Only published documents appear on public pages, in search and in the API; a withdrawn one "
            "leaves them all but keeps a page at its address saying why."
        ),
    )
    withdrawn_reason = models.TextField(
        blank=True, help_text="Why the document was withdrawn, shown on the page left at its address."
    )
    withdrawn_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When it was withdrawn; empty unless withdrawn."
    )
    complete = models.BooleanField(
        default=True, help_text="False when the capture lacks parts the document lists (a partial capture)."
    )
    version_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="versions",
        help_text="The canonical capture of the same work; set when this is another capture of it.",
    )
    draft_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=keep_drafts_linked,
        related_name="other_drafts",
        help_text=(
            "The first-filed draft or edition of the same work, when this is another one dated differently "
            "(both are listed and searchable). Not the publishing status: see Status."
        ),
    )
    title_key = models.CharField(
        max_length=500, db_index=True, editable=False, help_text="Folded title used to find other captures."
    )
    text_fingerprint = models.CharField(
        max_length=64, db_index=True, editable=False, help_text="Hash of the normalised text: exact duplicates."
    )
    edited_fields = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Metadata fields an editor changed by hand; a re-parse leaves them alone.",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When it entered the archive.")
    updated_at = models.DateTimeField(auto_now=True, help_text="When it last changed.")
    # Every change with its previous values, who and why; the folded title and the save time follow from others.
    history = ReasonedHistoricalRecords(excluded_fields=["title_key", "updated_at"])

    class Meta:
        # Newest first, the undated last: a plain "-date" puts them last on SQLite and first on PostgreSQL.
        ordering = [models.F("date").desc(nulls_last=True), "-id"]
        indexes = [models.Index(fields=["status", "version_of", "date"])]
        # Checked by the admin's workflow (archive/admin/workflow.py) and by imports that may publish.
        permissions = [("publish_document", "Can publish and withdraw documents")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("archive:document", args=[self.pk])

    def clean(self) -> None:
        """A withdrawal names its reason: the page left at the document's address shows it to readers."""
        if self.status == DocumentStatus.WITHDRAWN and not self.withdrawn_reason.strip():
            raise ValidationError({"withdrawn_reason": "Say why the document is withdrawn: readers are shown it."})

    @property
    def is_public(self) -> bool:
        """Shown on public pages, in search and in the API: published, and the canonical capture."""
        return self.status == DocumentStatus.PUBLISHED and self.version_of_id is None

    @property
    def source_file(self) -> "SourceFile | None":
        """The raw file the document was imported from; None for one typed in admin, which has none."""
        try:
            return self.source
        except SourceFile.DoesNotExist:
            return None

    @property
    def language_name(self) -> str:
        """The document's language by name ("Chinese"), for the page and the language facet."""
        return language_name(self.language)

    @property
    def date_display(self) -> str:
        """Return the date as precisely as it is known: "16 May 2024", "April 2016", "2016"."""
        if self.date is None:
            return ""
        if self.date_precision == DatePrecision.YEAR:
            return f"{self.date.year}"
        if self.date_precision == DatePrecision.MONTH:
            return self.date.strftime("%B %Y")
        return f"{self.date.day} {self.date.strftime('%B %Y')}"

    @property
    def date_iso(self) -> str:
        if self.date is None:
            return ""
        if self.date_precision == DatePrecision.YEAR:
            return f"{self.date.year:04d}"
        if self.date_precision == DatePrecision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


class LabelScheme(models.TextChoices):
    """The numbering scheme a section's label follows; the values are archive.ingest.numbering's scheme names."""

    UNRECORDED = "", "Not recorded"
    DECIMAL = "decimal", "Decimal: 1. / 4.2.11"
    ROMAN = "roman", "Roman: II."
    LETTER = "letter", "Letter: A."
    PAREN = "paren", "Bracketed: (a) / (1)"
    DIVISION = "division", "Named division: Article 5 / CHAPTER II"
    APPENDIX = "appendix", "Appendix: Appendix A / Annex"
    CJK = "cjk", "Chinese numeral: 一、"
    CJK_BRACKETED = "cjk_bracketed", "Chinese bracketed: （一）"
    CJK_DIVISION = "cjk_division", "Chinese division: 第三章 / 第十二条"
    FULLWIDTH = "fullwidth", "Full-width number: 1．"


# How a label is printed, by its scheme: a Chinese numeral with its enumeration comma ("一、"), a full-width
# number with its full-width stop ("1．"); bracketed labels and divisions ("（一）", "(a)", "第三章") carry their
# own marks. Any other label prints as the archive has always printed it: "II." and "1." before a heading.
_PRINTED_LABELS = {
    LabelScheme.CJK: "{}、",
    LabelScheme.FULLWIDTH: "{}．",
    LabelScheme.CJK_BRACKETED: "{}",
    LabelScheme.CJK_DIVISION: "{}",
    LabelScheme.PAREN: "{}",
}
# Full-width marks that end a printed label and carry their own space: "一、过去…", "（一）构建…", not "一、 过去…".
_FULL_WIDTH_ENDS = ("、", "）", "．")


class Section(models.Model):
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="sections", help_text="The document this is part of."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        help_text="The enclosing section; empty for a top-level section.",
    )
    position = models.PositiveIntegerField(help_text="Order among its siblings, from 0.")
    depth = models.PositiveSmallIntegerField(default=0, help_text="0 for a chapter, 1 for its subsections, …")
    path = models.CharField(
        max_length=255, help_text="Sortable position in the whole tree, e.g. 0002.0001: reads the tree in order."
    )
    label = models.CharField(
        max_length=40,
        blank=True,
        help_text='The label as printed without its trailing mark, e.g. "II", "1", "一" (printed "一、"), "（一）".',
    )
    label_scheme = models.CharField(
        max_length=20,
        blank=True,
        choices=LabelScheme.choices,
        default=LabelScheme.UNRECORDED,
        help_text='The numbering the label follows, which says how it is printed: "一、" for a Chinese numeral.',
    )
    heading = models.CharField(max_length=500, blank=True, help_text="The heading as printed, without its label.")
    text = models.TextField(
        blank=True, help_text="The section's text, paragraphs separated by blank lines; the body is built from it."
    )
    body = models.TextField(
        blank=True, editable=False, help_text="Sanitised HTML paragraphs built from the text (archive/sanitize.py)."
    )
    anchor = models.SlugField(
        max_length=80,
        blank=True,
        help_text='Stable id in the document page URL, e.g. "ii-1" for subsection 1 of chapter II.'
    )
    captured = models.BooleanField(
        default=True, help_text="False for a section the contents list names but the capture lacks."
    )
    # The edited text is kept; the body is rebuilt from it, so storing it twice would only double the history.
    history = ReasonedHistoricalRecords(excluded_fields=["body"])

    class Meta:
        ordering = ["document", "path"]
        constraints = [
            models.UniqueConstraint(fields=["document", "anchor"], name="section_anchor_unique_per_document"),
            models.UniqueConstraint(fields=["document", "path"], name="section_path_unique_per_document"),
        ]

    def __str__(self) -> str:
        return " ".join(part for part in (self.label, self.heading) if part) or f"Section {self.path}"

    def get_absolute_url(self) -> str:
        return f"{self.document.get_absolute_url()}#{self.anchor}"

    @property
    def printed_label(self) -> str:
        """The label as the document prints it: "一、", "（一）", "第三章", "(a)"; "II." and "1." before a heading."""
        if not self.label:
            return ""
        printed = _PRINTED_LABELS.get(self.label_scheme)
        if printed:
            return printed.format(self.label)
        return f"{self.label}." if self.heading else self.label

    @property
    def label_gap(self) -> bool:
        """Whether a space stands between the printed label and the heading: not after a full-width mark."""
        return bool(self.label) and not self.printed_label.endswith(_FULL_WIDTH_ENDS)

    @property
    def paragraphs(self) -> list[str]:
        return [part for part in self.text.split("\n\n") if part.strip()]


class SourceFile(models.Model):
    document = models.OneToOneField(
        Document,
        on_delete=models.CASCADE,
        related_name="source",
        help_text="The document parsed from this file.",
    )
    file_name = models.CharField(max_length=255, help_text="The file's name when it was imported.")
    media_type = models.CharField(max_length=100, help_text="e.g. text/plain; charset=utf-8.")
    sha256 = models.CharField(
        max_length=64, unique=True, help_text="Checksum of the raw bytes; the same bytes are never stored twice."
    )
    raw = models.BinaryField(help_text="The file's bytes exactly as imported, for provenance and re-parsing.")
    size = models.PositiveIntegerField(help_text="Size in bytes.")
    imported_at = models.DateTimeField(auto_now_add=True, help_text="When the file was imported.")

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return self.file_name


class TextSample(models.Model):
    """A sampled shingle hash of a document's text: finds other captures of a work by shared passages."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="text_samples", help_text="The document whose text it samples."
    )
    value = models.IntegerField(db_index=True, help_text="Hash of five consecutive words chosen by content.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "value"], name="text_sample_unique")]

    def __str__(self) -> str:
        return f"{self.document_id}:{self.value}"
