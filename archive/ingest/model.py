"""What ingestion hands to the rest of the archive: plain frozen dataclasses, no Django.

Everything in ``archive/ingest`` is a pure function from raw bytes to a ``ParsedDocument``;
``archive/services/`` is the only place that turns one into database rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class IngestError(ValueError):
    """A file that cannot become a document; the message is one line a user can act on."""


@dataclass(frozen=True)
class PartialDate:
    """A publication date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self) -> str:
        """Return the date as precisely as known: ``2017``, ``2017-01`` or ``2024-05-16``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class ContentsEntry:
    """One line of a document's own table of contents, e.g. label ``III``, heading ``Fisheries Cooperation…``."""

    label: str
    heading: str


@dataclass(frozen=True)
class ParsedSection:
    """A node of the section tree. An article without headings is one section with empty label and heading."""

    label: str = ""
    heading: str = ""
    paragraphs: tuple[str, ...] = ()
    children: tuple[ParsedSection, ...] = ()
    # The numbering scheme the label follows (``archive.ingest.numbering``: "cjk" for "一、", "cjk_bracketed" for
    # "（一）", "decimal", "roman"…; "" when unnumbered). ``label`` is the bare label ("一"), which anchors and the
    # API use; the scheme says how the document printed it, so a page can print "一、" and "（一）" as written.
    label_scheme: str = ""


@dataclass(frozen=True)
class ParsedDocument:
    """A document as read from one file: metadata, section tree, and what the capture lacks."""

    title: str  # as printed; "" when the file prints none (``display_title`` stands in)
    sections: tuple[ParsedSection, ...]
    kind: str = "article"  # one of archive.models.DocumentKind values
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    publisher: str = ""
    site: str = ""  # where it was captured, when that differs from the publisher (a syndicating site)
    issuer: str = ""
    date: PartialDate | None = None
    edition: str = ""
    author_note: str = ""
    source_url: str = ""
    language: str = "en"
    contents: tuple[ContentsEntry, ...] = ()
    missing: tuple[ContentsEntry, ...] = ()  # listed in ``contents`` but not captured
    complete: bool = True
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = field(default=())


    @property
    def display_title(self) -> str:
        """Return the printed title, or the first words of the text for a file that prints none."""
        if self.title:
            return self.title
        first = next((p for p in _paragraphs(self.sections)), "").split()
        return " ".join(first[:_STAND_IN_WORDS]) + ("…" if len(first) > _STAND_IN_WORDS else "")


_STAND_IN_WORDS = 12


def _paragraphs(sections: tuple[ParsedSection, ...]):
    for section in sections:
        yield from section.paragraphs
        yield from _paragraphs(section.children)


# The kinds a parser may infer; editors can correct them in admin (archive.models.Document.kind).
KINDS = (
    "article",
    "opinion",
    "white_paper",
    "report",
    "statement",
    "speech",
    "treaty",
    "fact_sheet",
    "executive_order",
    "strategy",
    "standard",
    "legislation",
    "resolution",
    "other",
)
