"""Read a document's metadata from its front matter and the lines at its top.

Why line by line from the top: captures put title, byline, dates, issuing body and edition on short
lines before the text, in any order. We read those lines while each one is recognisably metadata
(or is the title, or a one-line standfirst), and stop at the first line that is body text; every line
we do not recognise stays in the body, so nothing is lost.

Why some lines wait: a news byline is often a bare name ("Chen Yongjing") and a standfirst often ends
with a full stop, so neither is recognisable alone. Such lines are held (at most a few) and become
standfirst, authors and dateline only when a line that is certainly metadata follows them (a date,
"(The Jakarta Post)"); otherwise the body starts at the first held line.

Choices:
- Issuer: kept as printed minus a leading "The" ("State Council Information Office of the People's
  Republic of China"), so the same body sorts and facets the same way however it was printed.
- Date: a date printed at the top of the document (its own date: "(October 12, 2022)", "January 2017",
  "Thu, August 4, 2022") first, most precise first; then front matter (a scraper's posting date); then
  a labelled web-page date ("Updated: 2024-05-16"), which is when the page changed.
- Publisher: from a byline's brackets, minus an edition suffix ("China Daily Global" -> "China Daily",
  edition "China Daily Global"); else from the capture's address (``publishers``). When both exist and
  differ, the address names the ``site`` the text was captured from.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .byline import NAME_SEPARATOR, byline_names, inverted_name, is_name, is_place, publisher_line, speaker_in_title
from .byline import title_case_name as title_case_name
from .author_note import split_author_note as split_author_note
from .blocks import HEADING, Block
from .dates import dateline_date, labelled_date, parse_date
from .frontmatter import FrontMatter
from .model import PartialDate
from .paragraphs import ends_sentence, unmark_italic
from .publishers import expand_abbreviations, publisher_for_url, same_publisher, split_publisher
from .titles import clean_title, title_and_description

# "First Edition 2017", "2nd edition".
_EDITION = re.compile(
    r"^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\d+(?:st|nd|rd|th))\s+Edition\b.{0,20}$",
    re.I,
)
# Words that make a short title-case line an issuing body: "The State Council Information Office of …".
_ISSUER_WORD = re.compile(
    r"\b(?:Information Office|Ministry|Department|Office|Council|Commission|Committee|Government|Embassy|Bureau"
    r"|Agency|Administration|Secretariat|Cabinet|Presidency|White House)\b"
)
# Section labels a news site prints above its headline: "Opinion", "Op-Ed", "Commentary".
_SECTION_LABEL = re.compile(r"^(?:Opinion|Op-?Ed|Commentary|Editorial|Comment|Viewpoints?|Perspectives?)$", re.I)
# A release label in a letterhead: "Department of Defence Media Release", "Joint Press Release".
_RELEASE_LABEL = re.compile(r"^(?:(?:[A-Z][\w'’&-]*|of|and|the|for)\s+){0,6}(?:Media|Press|News)\s+Release$")
# A release number in a letterhead line: "20/09/2000 Departmental 263/00", "PACC 263 /00 Wednesday, 20 September 2000".
_RELEASE_NUMBER = re.compile(r"\b[A-Z][A-Za-z]+\s+\d{1,4}\s?/\s?\d{2}\b")
# A site section above the headline, one to three capitalised words: "Academia", "World", "Asia & Pacific".
_CATEGORY = re.compile(r"^[A-Z][^\W\d_]*(?:\s+(?:&|[A-Z][^\W\d_]*)){0,2}$")
# A Markdown title heading: "# PLA in the new era".
_MD_TITLE = re.compile(r"^#\s+(.+)$")
# Words in a line that make it a release heading, not an issuing body: "Department of Defence Media Release".
_NOT_ISSUER = re.compile(r"\b(?:Release|Statement|News|Bulletin)\b", re.I)
# Small words left lower case in a title-case line: "Office of the People's Republic of China".
_MINOR_WORDS = frozenset("of the and for on in to a an at by 's".split())

_MAX_HEADER_LINES = 24
_MAX_HELD = 4
_MAX_LETTERHEAD_WORDS = 8
_MIN_STANDFIRST_WORDS = 6
_MAX_STANDFIRST_WORDS = 60
_MAX_BLOCK_STANDFIRST_LINES = 3
_MAX_TITLE_CHARS = 250


@dataclass
class Header:
    """What the top of a document said about it."""

    title: str = ""
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    publisher: str = ""
    site: str = ""
    issuer: str = ""
    edition: str = ""
    source_url: str = ""
    short_title: str = ""  # a site's abbreviated title when front matter also gave the full one
    section_labels: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    front_date: PartialDate | None = None
    printed_dates: list[PartialDate] = field(default_factory=list)
    web_dates: list[PartialDate] = field(default_factory=list)

    @property
    def date(self) -> PartialDate | None:
        """Return the best date: the most precise printed one, then front matter, then a web-page date."""
        if self.printed_dates:
            return max(self.printed_dates, key=lambda d: (d.month is not None, d.day is not None))
        if self.front_date:
            return self.front_date
        return self.web_dates[0] if self.web_dates else None


@dataclass
class _Reader:
    """The header being read, and the lines held until a metadata line confirms them."""

    header: Header
    held: list[tuple[int, int, str]] = field(default_factory=list)  # (block, line, text)
    title_just_read: bool = False
    held_after_title: bool = False


def read_header(
    blocks: Sequence[Block], front: FrontMatter | None = None, source_url: str = ""
) -> tuple[Header, list[Block]]:
    """Consume metadata lines from the top of ``blocks``; return the header and the remaining body blocks.

    A heading block read before any title is the title: the format marked it as a heading at the top.
    """
    reader = _Reader(_from_front_matter(front) if front else Header())
    reader.title_just_read = bool(reader.header.title)
    stop = _read(reader, blocks)
    header = reader.header
    header.source_url = header.source_url or source_url
    _settle_publisher(header)
    if not header.authors and (speaker := speaker_in_title(header.title)):
        header.authors = (speaker,)
    if stop is None:
        return header, []
    b, i = stop
    if b >= len(blocks):
        return header, []
    first = blocks[b]
    return header, [replace(first, lines=first.lines[i:]), *blocks[b + 1:]]


def _read(reader: _Reader, blocks: Sequence[Block]) -> tuple[int, int] | None:
    """Consume header lines; return where the body starts (block, line), or None if nothing is left."""
    seen = 0
    for b, block in enumerate(blocks):
        lines = list(block.lines)
        if not reader.held and block.kind != HEADING and _block_standfirst(reader, lines, b < len(blocks) - 1):
            reader.header.subtitle = unmark_italic(" ".join(lines))
            reader.title_just_read = False
            continue
        for i, line in enumerate(lines):
            seen += 1
            if seen > _MAX_HEADER_LINES:
                return _body_start(reader, b, i)
            before = copy.deepcopy(reader.header)
            if _consume(reader.header, line, i == len(lines) - 1, block.kind == HEADING):
                if reader.held and not (_is_anchor(reader.header, before) and _confirm_held(reader)):
                    reader.header = before
                    return _body_start(reader, b, i)
                reader.title_just_read = reader.header.title == line or (not before.title and bool(reader.header.title))
                continue
            if not reader.header.title or len(reader.held) >= _MAX_HELD:
                return _body_start(reader, b, i)
            if not reader.held:
                reader.held_after_title = reader.title_just_read
            reader.held.append((b, i, line))
            reader.title_just_read = False
    return _body_start(reader, len(blocks), 0) if reader.held else None


def _body_start(reader: _Reader, b: int, i: int) -> tuple[int, int]:
    return (reader.held[0][0], reader.held[0][1]) if reader.held else (b, i)


def _is_anchor(now: Header, before: Header) -> bool:
    """Tell whether the line just read was a byline, a bracketed publisher or a date: lines that end a byline."""
    return (
        len(now.printed_dates) + len(now.web_dates) > len(before.printed_dates) + len(before.web_dates)
        or now.authors != before.authors
        or now.publisher != before.publisher
    )


def _confirm_held(reader: _Reader) -> bool:
    """Read the held lines as standfirst, author names and a dateline place, given the metadata line after them."""
    header, lines = reader.header, [text for _, _, text in reader.held]
    if header.printed_dates and lines and is_place(lines[-1]) and (len(lines) > 1 or header.authors or "," in lines[-1]):
        lines.pop()  # "Karachi, Pakistan" above "Mon, October 16, 2023"
    subtitle, names = "", []
    for k, text in enumerate(lines):
        words = len(text.split())
        if k == 0 and reader.held_after_title and not header.subtitle and words >= _MIN_STANDFIRST_WORDS:
            subtitle = text
        elif is_name(text) and not header.authors:
            names.append(title_case_name(text))
        else:
            return False
    header.subtitle = header.subtitle or subtitle
    header.authors = header.authors or tuple(names)
    reader.held.clear()
    return True


def _block_standfirst(reader: _Reader, block: list[str], more_follows: bool) -> bool:
    """Tell whether a whole short block right under the title is a standfirst wrapped over lines."""
    if not (reader.title_just_read and more_follows and not reader.header.subtitle):
        return False
    text = " ".join(block)
    words = len(text.split())
    if unmark_italic(text) != text:
        return words <= _MAX_STANDFIRST_WORDS  # a paragraph wholly in italics under the title
    return (
        1 < len(block) <= _MAX_BLOCK_STANDFIRST_LINES
        and _MIN_STANDFIRST_WORDS <= words <= _MAX_STANDFIRST_WORDS
        and not ends_sentence(text)
        and not text.endswith((",", ";"))
        and not text.startswith(("#", "\u2022"))
    )


def _consume(header: Header, line: str, last_in_block: bool, is_heading: bool = False) -> bool:
    """Record ``line`` in ``header`` if it is metadata or the title; False when the body has begun."""
    md_title = _MD_TITLE.match(line)
    if md_title and not header.title:
        header.title = md_title.group(1).strip()
        return True
    if is_heading and not header.title:
        header.title = line.strip()
        return True
    if header.title and any(_same_text(line.lstrip("# "), t) for t in (header.title, header.short_title) if t):
        return True  # the title printed again, or a Markdown heading repeating the front matter title
    return _consume_metadata(header, line, last_in_block) or _consume_title(header, line, last_in_block)


def _consume_metadata(header: Header, line: str, last_in_block: bool) -> bool:
    web_date = labelled_date(line)
    if web_date:
        header.web_dates.append(web_date)
        return True
    printed = parse_date(line) or (dateline_date(line) if header.title else None)
    if printed:
        header.printed_dates.append(printed)
        return True
    byline = byline_names(line)
    if byline and not header.authors:
        header.authors, org = byline
        if org:
            _set_printed_publisher(header, org)
        return True
    publisher = publisher_line(line)
    if publisher and not header.publisher:
        _set_printed_publisher(header, publisher)
        return True
    if _EDITION.match(line):
        header.edition = line
        return True
    if _RELEASE_LABEL.match(line) or _RELEASE_NUMBER.search(line) and len(line.split()) <= _MAX_LETTERHEAD_WORDS:
        header.section_labels.append(line)  # letterhead: "Department of Defence Media Release", "PACC 263 /00 …"
        return True
    if not header.title and _SECTION_LABEL.match(line):
        header.section_labels.append(line)
        return True
    if not header.title and not last_in_block and _CATEGORY.match(line):
        header.categories.append(line)  # a site section above the headline: "Academia", "Asia & Pacific"
        return True
    if header.title and not header.issuer and _is_issuer(line):
        header.issuer = re.sub(r"^The\s+", "", line)
        return True
    return False


def _consume_title(header: Header, line: str, last_in_block: bool) -> bool:
    if not header.title:
        if len(line) > _MAX_TITLE_CHARS or not any(c.isalpha() for c in line):
            return False
        header.title = line
        return True
    words = len(line.split())
    if (
        not header.subtitle
        and last_in_block
        and not line.startswith("#")
        and _MIN_STANDFIRST_WORDS <= words <= _MAX_STANDFIRST_WORDS
        and not ends_sentence(line)
    ):
        header.subtitle = line  # a one-line standfirst under the title, without a full stop
        return True
    return False


def _set_printed_publisher(header: Header, printed: str) -> None:
    header.publisher, edition = split_publisher(printed)
    header.edition = header.edition or edition


def _settle_publisher(header: Header) -> None:
    """Fill the publisher from the capture's address, or name that address as the site if it differs."""
    hosted = publisher_for_url(header.source_url)
    if not hosted:
        return
    if not header.publisher:
        header.publisher = hosted
    elif not same_publisher(header.publisher, hosted):
        header.site = hosted


def _is_issuer(line: str) -> bool:
    words = line.split()
    if len(words) > 15 or ends_sentence(line) or line.endswith((",", ";")) or not _ISSUER_WORD.search(line):
        return False
    if _NOT_ISSUER.search(line):
        return False
    return all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words)


def _from_front_matter(front: FrontMatter) -> Header:
    header = Header(title=clean_title(front.text("title")), source_url=front.text("source_url", "url", "canonical_url"))
    description = front.text("description", "subtitle", "standfirst")
    if description and not _same_text(description, header.title):
        header.short_title = header.title
        header.title, header.subtitle = title_and_description(header.title, description)
    header.authors = tuple(
        title_case_name(n) for value in front.items("author", "authors") for n in NAME_SEPARATOR.split(value) if n
    )
    creators = front.items("creators", "creator")
    header.authors = header.authors or tuple(inverted_name(c) for c in creators if inverted_name(c))
    printed_publisher = front.text("publisher") or next((c for c in creators if not inverted_name(c)), "")
    if printed_publisher:
        _set_printed_publisher(header, expand_abbreviations(printed_publisher))
    if front.text("source"):
        header.issuer = expand_abbreviations(front.text("source"))
    for key in ("date", "doc_date", "published_time", "published"):
        header.front_date = header.front_date or parse_date(front.text(key))
    return header


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())
