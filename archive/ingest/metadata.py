"""Read a document's metadata from its front matter, the blocks at its top and the statements on its cover.

Why line by line from the top: captures put title, byline, dates, issuing body and edition on short
lines before the text, in any order. We read those lines while each one is recognisably metadata
(or is the title, or a one-line standfirst), and stop at the first line that is body text; every line
we do not recognise stays in the body, so nothing is lost. Formal headers that whole families of
documents print (an RFC's first page, a UN resolution's masthead, a gazette's agency block, a Chinese
issuance line) are read by their convention (``formal_headers``).

Why some lines wait: a news byline is often a bare name ("Zhou Wenbin") and a standfirst often ends
with a full stop, so neither is recognisable alone. Such lines are held (at most a few) and become
standfirst, authors and dateline only when a line that is certainly metadata follows them (a date,
"(The Harbour Times)"), or, for two names or more, when they are a title page's list of authors.

Choices:
- Title: a heading at the top, unless it opens many texts ("PREAMBLE", "Abstract"): then the text has no
  printed title. A numbered chapter heading ("07 Delivery and funding") titles a chapter file and stays in
  the body as its first section. Lines of one title set apart (a cover's "NATIONAL" / "WATER" /
  "STRATEGY", "Framework for Managing" / "Coastal Flood Risk") are joined.
- Issuer: kept as printed minus a leading "The" ("State Council Information Office of the People's
  Republic of China"), so the same body sorts and facets the same way however it was printed.
- Date, first found: the latest act on the text (adopted, amended, compiled, consolidated: the text as
  published is the latest version); a date printed at the top ("(March 14, 2019)", "April 2016"), most
  precise first; front matter (a scraper's posting date); a date alone on the cover; a labelled web-page
  date ("Updated: 2021-05-16"), which is when the page changed, at the top and then at the end.
- Publisher: from a byline's brackets or a masthead, minus an edition suffix ("Harbour Daily Global" -> "Harbour
  Daily", edition "Harbour Daily Global"); else from the capture's address (``publishers``); else the issuer,
  who published what it issued. When a printed publisher and the address differ, the address names the
  ``site`` the text was captured from.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .author_note import split_author_note as split_author_note
from .blocks import HEADING, PARAGRAPH, Block
from .byline import (
    NAME_SEPARATOR, author_field_names, author_label, byline_names, cjk_name, inverted_name, is_name, is_place,
    names_in_line, publisher_line, speaker_in_title, without_contact,
)
from .byline import title_case_name as title_case_name
from .cover import closing_dates, read_cover
from .dates import date_order, dateline_date, dates_only, find_dates, labelled_date, most_precise, parse_date
from .formal_headers import Facts, header_line, rfc_header
from .frontmatter import FrontMatter
from .model import PartialDate
from .paragraphs import ends_sentence, unmark_italic
from .publishers import body_name, expand_abbreviations, publisher_for_url, same_publisher, split_publisher
from .titles import (
    acronyms_in, chapter_heading, clean_title, dash_subtitle, display_title, is_capitals, is_generic_heading, issuer_in_title,
    title_and_description, title_case,
)

# "First Edition 2019", "2nd edition".
_EDITION = re.compile(
    r"^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\d+(?:st|nd|rd|th))\s+Edition\b.{0,20}$",
    re.I,
)
# Words that make a short title-case line an issuing body: "The State Council Information Office of …".
_ISSUER_WORD = re.compile(
    r"\b(?:Information Office|Ministry|Department|Office|Council|Commission|Committee|Government|Embassy|Bureau"
    r"|Agency|Administration|Secretariat|Cabinet|Presidency|White House|Institute of Standards)\b"
)
# Section labels a news site prints above its headline: "Opinion", "Op-Ed", "Commentary".
_SECTION_LABEL = re.compile(r"^(?:Opinion|Op-?Ed|Commentary|Editorial|Comment|Viewpoints?|Perspectives?)$", re.I)
# A release label in a letterhead: "Ministry of Fisheries Media Release", "Joint Press Release".
_RELEASE_LABEL = re.compile(r"^(?:(?:[A-Z][\w'’&-]*|of|and|the|for)\s+){0,6}(?:Media|Press|News)\s+Release$")
# A release number in a letterhead line: "14/08/2001 Departmental 118/01", "PACC 118 /01 Tuesday, 14 August 2001".
_RELEASE_NUMBER = re.compile(r"\b[A-Z][A-Za-z]+\s+\d{1,4}\s?/\s?\d{2}\b")
# A site section above the headline, one to three capitalised words: "Academia", "World", "Asia & Pacific".
_CATEGORY = re.compile(r"^[A-Z][^\W\d_]*(?:\s+(?:&|[A-Z][^\W\d_]*)){0,2}$")
# A Markdown heading left in the text: "# Fleets in a new century", "##07 Delivery and funding".
_MD_TITLE = re.compile(r"^(#{1,6})(?:\s+|(?<=##)(?=\d))(\S.*?)[\s#]*$")
# Words in a line that make it a release heading, not an issuing body: "Ministry of Fisheries Media Release".
_NOT_ISSUER = re.compile(r"\b(?:Release|Statement|News|Bulletin)\b", re.I)
# Small words left lower case in a title-case line: "Office of the People's Republic of China".
_MINOR_WORDS = frozenset("of the and for on in to a an at by 's".split())
# The end of a title line that cannot end a title, so the next line continues it: "Framework for Managing",
# "Report of the", "Across Two Channels:".
_DANGLING = re.compile(
    r"(?:\b(?:of|for|and|the|to|in|on|with|a|an|by|from|at|towards?|into|or)|[&:—–-])$"
    r"|\b(?:for|of|on|to|in|by|towards?)\s+[A-Za-z]+ing$",
    re.I,
)
# A series identifier in front of a title, with its separator: "NIST SP 800-555, ", "RFC 9876: ", "A/RES/78/121 – ".
_IDENTIFIER_HEAD = re.compile(r"^(?=.*\d)[\w/.-]+(?:\s+[\w/.-]+){0,3}\s*[,:–—-]\s+$")
# A government body's name as an agency block prints it: "Department of Agriculture", "Forest
# Service", "Securities and Exchange Commission".
_AGENCY_NAME = re.compile(
    r"^(?:(?:U\.S\.\s+)?(?:Department|Ministry|Office)\s+of\s+[A-Z][\w,’' -]+"
    r"|(?:[A-Z][\w’'-]*\s+|(?:and|of|for|the|&)\s+){1,8}(?:Agency|Administration|Commission|Bureau|Service|Board|Authority))$"
)
# A host name given where a publisher's name belongs: "eur-lex.europa.eu", "www.example.org".
_HOST_NAME = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.I)
# Heading evidence of a format that sets one title over several heading lines (a PDF cover, an HTML title block).
_SPLIT_TITLE_EVIDENCE = frozenset({"font", "class"})

_MAX_TITLE_CONTINUATION_WORDS = 15
_ACRONYM_SAMPLE_BLOCKS = 40  # the opening blocks whose capital words keep a capitals title's acronyms
_MAX_HEADER_LINES = 24
_MAX_HELD = 4
_MAX_HELD_NAMES = 12
_MIN_LISTED_NAMES = 2
_MAX_LETTERHEAD_WORDS = 8
_MIN_STANDFIRST_WORDS = 6
_MAX_STANDFIRST_WORDS = 60
_MAX_BLOCK_STANDFIRST_LINES = 3
_MAX_TITLE_CHARS = 250
_MAX_WRAPPED_TITLE_LINE = 80
_ORDER_SAMPLE_BLOCKS = 400

# What reading one line did: recorded it, found the body, or read a chapter heading that titles the text and
# also opens its body.
_CONSUMED, _NOT_METADATA, _BODY, _CHAPTER = "consumed", "not metadata", "body", "chapter"


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
    cues: list[str] = field(default_factory=list)  # lines naming the genre or series: "Category: Standards Track"
    front_date: PartialDate | None = None
    versions: list[PartialDate] = field(default_factory=list)  # adopted, amended, compiled, consolidated
    printed_dates: list[PartialDate] = field(default_factory=list)
    cover_dates: list[PartialDate] = field(default_factory=list)
    web_dates: list[PartialDate] = field(default_factory=list)
    closing_dates: list[PartialDate] = field(default_factory=list)

    @property
    def date(self) -> PartialDate | None:
        """Return the best date: the latest version, a printed date, front matter, the cover, a web-page date."""
        if self.versions:
            return max(self.versions, key=lambda d: (d.year, d.month or 0, d.day or 0))
        return (
            most_precise(self.printed_dates)
            or self.front_date
            or most_precise(self.cover_dates)
            or next(iter(self.web_dates + self.closing_dates), None)
        )


@dataclass
class _Reader:
    """The header being read, and the lines held until a metadata line confirms them."""

    header: Header
    order: str | None = None  # day/month order of all-numeric dates in this document
    held: list[tuple[int, int, str]] = field(default_factory=list)  # (block, line, text)
    title_just_read: bool = False
    held_after_title: bool = False
    title_block: int = -1  # the block the title was read from
    title_level: int = 0
    title_evidence: str = ""
    title_open: bool = False  # the title may go on over the next line
    title_wrapped: bool = False  # the title's block is one title wrapped over its lines (a heading follows it)
    blocks: Sequence[Block] = ()
    names_follow: bool = False  # an "Authors:" label was read
    masthead: str = ""  # "United Nations" above a UN document
    organ: str = ""  # "General Assembly": the masthead body's organ that issued the text
    agency_block: bool = False  # an agency line in capitals was read above the title


def read_header(
    blocks: Sequence[Block], front: FrontMatter | None = None, source_url: str = ""
) -> tuple[Header, list[Block]]:
    """Consume metadata lines from the top of ``blocks``; return the header and the remaining body blocks.

    A heading block read before any title is the title: the format marked it as a heading at the top.
    """
    blocks = list(blocks)
    url = source_url or (front.text("source_url", "url", "canonical_url") if front else "")
    language = front.text("language", "lang", "inLanguage") if front else ""
    order = date_order((b.text for b in blocks[:_ORDER_SAMPLE_BLOCKS]), language, url)
    reader = _Reader(_from_front_matter(front, order) if front else Header(), order, blocks=blocks)
    reader.title_just_read = bool(reader.header.title)
    start = _read_rfc_header(reader, blocks)
    stop = _read(reader, blocks, start)
    _finish(reader, blocks, source_url)
    if stop is None or stop[0] >= len(blocks):
        return reader.header, []
    b, i = stop
    return reader.header, [replace(blocks[b], lines=blocks[b].lines[i:]), *blocks[b + 1:]]


def _read_rfc_header(reader: _Reader, blocks: list[Block]) -> int:
    """Read an RFC first-page header block at the top; return the index of the first block after it."""
    if not blocks:
        return 0
    facts = rfc_header(blocks[0].lines)
    if facts is None:
        return 0
    _merge(reader, facts)
    return 1


def _read(reader: _Reader, blocks: Sequence[Block], start: int) -> tuple[int, int] | None:
    """Consume header lines; return where the body starts (block, line), or None if nothing is left."""
    seen = 0
    for b in range(start, len(blocks)):
        block = blocks[b]
        lines = [line.strip() for line in block.lines]
        if not reader.held and block.kind != HEADING and _block_standfirst(reader, lines, b < len(blocks) - 1):
            reader.header.subtitle = unmark_italic(" ".join(lines))
            reader.title_just_read = reader.title_open = False
            continue
        for i, line in enumerate(lines):
            seen += 1
            if seen > _MAX_HEADER_LINES:
                return _body_start(reader, b, i)
            stop = _read_line(reader, block, b, i, line)
            if stop is not None:
                return stop
    return _body_start(reader, len(blocks), 0) if reader.held else None


def _read_line(reader: _Reader, block: Block, b: int, i: int, line: str) -> tuple[int, int] | None:
    """Read one line; return where the body starts if it starts at or before this line, else None."""
    before = copy.deepcopy(reader.header)
    outcome = _consume(reader, line, i == len(block.lines) - 1, block, b)
    if outcome in (_BODY, _CHAPTER):
        return _body_start(reader, b, i)
    if outcome == _CONSUMED:
        if reader.held and not (_is_anchor(reader.header, before) and _confirm_held(reader)):
            reader.header = before
            return _body_start(reader, b, i)
        if reader.header.title != before.title:
            reader.title_just_read = True
        else:
            reader.title_just_read = reader.title_open = False
        return None
    if not names_in_line(line) and _confirm_listed_names(reader):
        return (b, i)
    if not reader.header.title or len(reader.held) >= _max_held(reader) or not line:
        return _body_start(reader, b, i)
    if not reader.held:
        reader.held_after_title = reader.title_just_read
    reader.held.append((b, i, line))
    reader.title_just_read = reader.title_open = False
    return None


def _body_start(reader: _Reader, b: int, i: int) -> tuple[int, int]:
    return (reader.held[0][0], reader.held[0][1]) if reader.held else (b, i)


def _max_held(reader: _Reader) -> int:
    """Hold a few unknown lines, or a longer run of names (a title page's author list)."""
    if reader.held and all(names_in_line(text) for _, _, text in reader.held):
        return _MAX_HELD_NAMES
    return _MAX_HELD


def _is_anchor(now: Header, before: Header) -> bool:
    """Tell whether the line just read was a byline, a bracketed publisher or a date: lines that end a byline."""
    return (
        len(now.printed_dates) + len(now.web_dates) + len(now.versions)
        > len(before.printed_dates) + len(before.web_dates) + len(before.versions)
        or now.authors != before.authors
        or now.publisher != before.publisher
    )


def _confirm_held(reader: _Reader) -> bool:
    """Read the held lines as standfirst, author names and a dateline place, given the metadata line after them."""
    header, lines = reader.header, [text for _, _, text in reader.held]
    if header.printed_dates and lines and is_place(lines[-1]) and (len(lines) > 1 or header.authors or "," in lines[-1]):
        lines.pop()  # "Karachi, Pakistan" above "Wed, March 6, 2019"
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


def _confirm_listed_names(reader: _Reader) -> bool:
    """Take a run of two names or more under the title as its authors, one per line as a title page lists them."""
    listed = [names_in_line(text) for _, _, text in reader.held]
    names = tuple(name for found in listed for name in found)
    if reader.header.authors or len(names) < _MIN_LISTED_NAMES or not all(listed):
        return False
    reader.header.authors = names
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
        and not _DANGLING.search(reader.header.title)
        and not all(names_in_line(line) for line in block)
    )


def _consume(reader: _Reader, line: str, last_in_block: bool, block: Block, b: int) -> str:
    """Record ``line`` if it is metadata or the title; say whether it was, or whether the body starts here."""
    header = reader.header
    if reader.title_open and reader.title_wrapped and b == reader.title_block:
        header.title = f"{header.title} {line}"
        return _CONSUMED
    facts = header_line(line, reader.order)
    if facts is not None:
        _merge(reader, facts)
        return _CONSUMED
    md_title = _MD_TITLE.match(line)
    if (md_title or block.kind == HEADING) and not header.title:
        text, level = (md_title.group(2), len(md_title.group(1))) if md_title else (line, block.level)
        return _heading_title(reader, text, level, block.evidence, b)
    if reader.title_open and _continues_title(reader, line, block, b):
        header.title = f"{header.title} {line}"
        return _CONSUMED
    if header.title and any(_same_title(line.lstrip("# "), t) for t in (header.title, header.short_title) if t):
        return _CONSUMED  # the title printed again, or a Markdown heading repeating the front matter title
    if block.kind == HEADING and _is_title_tail(line, header.title):
        header.title = line  # "Open Data Review" under the bookmark "NIST SP 800-555, Open Data Review"
        return _CONSUMED
    if reader.title_just_read and not header.subtitle and dash_subtitle(line):
        header.subtitle = dash_subtitle(line)  # "——在…大会上的报告" right under a Chinese title
        return _CONSUMED
    if _consume_metadata(reader, line, last_in_block):
        return _CONSUMED
    if block.kind == PARAGRAPH and _consume_title(header, line, last_in_block and not reader.held):
        if reader.title_block < 0 and header.title == line:
            reader.title_block, reader.title_open = b, True
            reader.title_wrapped = _wrapped_title(reader.blocks, b)
        return _CONSUMED
    return _NOT_METADATA


def _heading_title(reader: _Reader, text: str, level: int, evidence: str, b: int) -> str:
    """Take the first heading as the title, unless it opens many texts or numbers a chapter (kept in the body)."""
    label, rest = chapter_heading(text)
    if is_generic_heading(rest):
        return _BODY
    reader.header.title = rest
    if label:
        return _CHAPTER
    reader.title_block, reader.title_level, reader.title_evidence, reader.title_open = b, level, evidence, True
    return _CONSUMED


def _wrapped_title(blocks: Sequence[Block], b: int) -> bool:
    """Tell whether block ``b`` is one title wrapped over two or three lines: short lines that end no sentence, with
    a heading right after them (an RFC's centred title above "Abstract")."""
    lines = blocks[b].lines
    return (
        1 < len(lines) <= _MAX_BLOCK_STANDFIRST_LINES
        and b + 1 < len(blocks)
        and blocks[b + 1].kind == HEADING
        and all(len(line) <= _MAX_WRAPPED_TITLE_LINE and not ends_sentence(line) for line in lines)
    )


def _continues_title(reader: _Reader, line: str, block: Block, b: int) -> bool:
    """Tell whether ``line`` goes on with the title just read: a title set over several lines or headings."""
    title = reader.header.title
    if not line or header_line(line, reader.order) is not None or parse_date(line, reader.order):
        return False
    if len(line.split()) > _MAX_TITLE_CONTINUATION_WORDS:
        return False  # a paragraph under a title that ends "…by Programming" is its text, not the title's end
    if block.kind == HEADING:
        same_style = block.level == reader.title_level and block.evidence == reader.title_evidence
        return same_style and block.evidence in _SPLIT_TITLE_EVIDENCE and not is_generic_heading(line)
    if _DANGLING.search(title) or (b == reader.title_block and line[:1].islower()):
        return True
    return title.isupper() and line.isupper() and len(line.split()) == 1  # a cover setting one word per line


def _is_title_tail(line: str, title: str) -> bool:
    """Tell whether a heading is the title read so far without an identifier in front: "NIST SP 800-555, " + line."""
    head = title[: len(title) - len(line)]
    return len(line) < len(title) and _same_text(title[len(head):], line) and bool(_IDENTIFIER_HEAD.match(head))


def _consume_metadata(reader: _Reader, line: str, last_in_block: bool) -> bool:
    header = reader.header
    web_date = labelled_date(line, reader.order)
    if web_date:
        header.web_dates.append(web_date)
        return True
    printed = _printed_dates(line, reader.order, bool(header.title))
    if printed:
        header.printed_dates.extend(printed)
        return True
    if _consume_byline(reader, line):
        return True
    publisher = publisher_line(line)
    if publisher and not header.publisher:
        _set_printed_publisher(header, publisher)
        return True
    if _EDITION.match(line):
        header.edition = line
        return True
    return _consume_label(reader, line, last_in_block)


def _printed_dates(line: str, order: str | None, after_title: bool) -> list[PartialDate]:
    """Return the dates of a line made only of dates ("April 2016", "APRIL 2017 April 3, 2017"), or a dateline's."""
    single = parse_date(line, order) or (dateline_date(line, order) if after_title else None)
    return [single] if single else dates_only(line, order)


def _consume_byline(reader: _Reader, line: str) -> bool:
    """Read a "By …" line, an "Authors:" label, or a name in the list such a label opens."""
    header = reader.header
    byline = byline_names(line)
    if byline and not header.authors:
        header.authors, org = byline
        if org:
            _set_printed_publisher(header, org)
        return True
    labelled = author_label(line)
    if labelled is not None and header.title:
        header.authors = header.authors + labelled
        reader.names_follow = not labelled
        return True
    if reader.names_follow and is_name(line):
        header.authors = (*header.authors, title_case_name(line))
        return True
    reader.names_follow = False
    if header.title and not header.authors and cjk_name(line):
        header.authors = (cjk_name(line),)  # "习　近　平" alone under a Chinese title
        return True
    return False


def _consume_label(reader: _Reader, line: str, last_in_block: bool) -> bool:
    """Read letterhead and site labels, and an issuing body's name above or under the title."""
    header = reader.header
    if _RELEASE_LABEL.match(line) or _RELEASE_NUMBER.search(line) and len(line.split()) <= _MAX_LETTERHEAD_WORDS:
        header.section_labels.append(line)  # letterhead: "Ministry of Fisheries Media Release", "PACC 118 /01 …"
        return True
    if not header.title and _SECTION_LABEL.match(line):
        header.section_labels.append(line)
        return True
    if not header.title and _agency_line(reader, line):
        return True
    if not header.title and not last_in_block and _CATEGORY.match(line):
        header.categories.append(line)  # a site section above the headline: "Academia", "Asia & Pacific"
        return True
    if header.title and not header.issuer and _is_issuer(line):
        header.issuer = re.sub(r"^The\s+", "", line)
        return True
    return False


def _agency_line(reader: _Reader, line: str) -> bool:
    """Read an agency block above a rule's title: "DEPARTMENT OF AGRICULTURE", then "Forest
    Service" (the agency within it, which issued the text)."""
    if is_capitals(line) and _AGENCY_NAME.match(title_case(line)):
        reader.header.issuer = body_name(title_case(line))
        reader.agency_block = True
        return True
    if reader.agency_block and _AGENCY_NAME.match(line):
        reader.header.issuer = body_name(line)
        return True
    return False


def _consume_title(header: Header, line: str, last_in_block: bool) -> bool:
    if not header.title:
        if len(line) > _MAX_TITLE_CHARS or not any(c.isalpha() for c in line) or is_generic_heading(line):
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
        and len(names_in_line(line)) < _MIN_LISTED_NAMES
    ):
        header.subtitle = line  # a one-line standfirst under the title, without a full stop
        return True
    return False


def _merge(reader: _Reader, facts: Facts) -> None:
    """Record what a formal header line said; what the header already holds is kept."""
    header = reader.header
    header.authors = header.authors or facts.authors
    header.issuer = header.issuer or facts.issuer
    reader.organ = reader.organ or facts.organ
    if facts.publisher and not header.publisher:
        header.publisher = reader.masthead = facts.publisher
    header.title = header.title or facts.title
    header.printed_dates.extend(facts.dates)
    header.versions.extend(facts.versions)
    header.cues.extend(facts.cues)


def _finish(reader: _Reader, blocks: list[Block], source_url: str) -> None:
    """Complete the header from the cover, the closing lines, the title and the capture's address."""
    header = reader.header
    header.source_url = header.source_url or source_url
    if reader.organ and not header.issuer:
        header.issuer = f"{reader.masthead} {reader.organ}" if reader.masthead else reader.organ
    cover = read_cover(blocks, header.title, reader.order, header.cues)
    header.issuer = header.issuer or cover.issuer
    header.publisher = header.publisher or cover.publisher
    header.authors = header.authors or cover.authors
    header.versions.extend(cover.versions)
    header.cover_dates.extend(cover.dates)
    header.cues.extend(cover.cues)
    header.closing_dates.extend(closing_dates(blocks, reader.order))
    header.title = display_title(header.title, acronyms_in(b.text for b in blocks[:_ACRONYM_SAMPLE_BLOCKS]))
    header.issuer = header.issuer or issuer_in_title(header.title)
    header.versions.extend(_dates_in_title(header.title, reader.order))
    if not header.authors and (speaker := speaker_in_title(header.title)):
        header.authors = (speaker,)
    _settle_publisher(header)


def _dates_in_title(title: str, order: str | None) -> list[PartialDate]:
    """Return the date an instrument's title gives it: "Regulation (EU) 2021/1234 … of 14 April 2021 on …"."""
    return [f.date for f in find_dates(title, order) if f.date.day and title[: f.start].rstrip().endswith(" of")]


def _set_printed_publisher(header: Header, printed: str) -> None:
    header.publisher, edition = split_publisher(printed)
    header.edition = header.edition or edition


def _settle_publisher(header: Header) -> None:
    """Fill the publisher from the capture's address, or name that address as the site if it differs; an issuer
    with no other publisher published what it issued."""
    hosted = publisher_for_url(header.source_url)
    if hosted and not header.publisher:
        header.publisher = hosted
    elif hosted and not same_publisher(header.publisher, hosted):
        header.site = hosted
    header.publisher = header.publisher or header.issuer


def _is_issuer(line: str) -> bool:
    words = line.split()
    if len(words) > 15 or ends_sentence(line) or line.endswith((",", ";")) or not _ISSUER_WORD.search(line):
        return False
    if _NOT_ISSUER.search(line):
        return False
    return all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words)


def _from_front_matter(front: FrontMatter, order: str | None) -> Header:
    header = Header(title=clean_title(front.text("title")), source_url=front.text("source_url", "url", "canonical_url"))
    description = front.text("description", "subtitle", "standfirst")
    if description and not _same_text(description, header.title):
        header.short_title = header.title
        header.title, header.subtitle = title_and_description(header.title, description)
    _front_authors(header, front)
    creators = front.items("creators", "creator")
    printed_publisher = front.text("publisher") or next((c for c in creators if not inverted_name(c)), "")
    if _HOST_NAME.match(printed_publisher):  # a site's host, not a name: the address names the site later
        header.source_url = header.source_url or f"https://{printed_publisher}/"
        printed_publisher = ""
    if printed_publisher:
        _set_printed_publisher(header, expand_abbreviations(printed_publisher))
    if front.text("source"):
        header.issuer = expand_abbreviations(front.text("source"))
    for key in ("date", "doc_date", "published_time", "published", "created"):
        header.front_date = header.front_date or parse_date(front.text(key), order)
    header.cues.extend(f"{key}: {front.text(key)}" for key in _FRONT_CUES if front.text(key))
    return header


# Front matter fields that name a document's series or genre: a PEP's "PEP: 9999" and "Type: Standards Track", a UN
# record's "symbol: A/RES/78/121", a DEP's ":DEP: 0012".
_FRONT_CUES = ("pep", "dep", "rfc", "symbol", "type", "status", "category", "doctype", "genre")


def _front_authors(header: Header, front: FrontMatter) -> None:
    """Read people from author fields; a collective in an author field ("The Python core team") is the issuer."""
    values = front.items("author", "authors")
    # A catalogue's "Surname, Given" (citation_author "Nakamura, Keiko") is one person, not two names.
    people = tuple(n for v in values for n in ([inverted_name(v)] if inverted_name(v) else author_field_names(v)))
    if values and not people:
        header.issuer = without_contact(values[0])
    header.authors = people or tuple(
        title_case_name(n) for v in values for n in NAME_SEPARATOR.split(without_contact(v)) if n and is_name(n)
    )
    creators = front.items("creators", "creator")
    header.authors = header.authors or tuple(inverted_name(c) for c in creators if inverted_name(c))


def _same_title(line: str, title: str) -> bool:
    """Tell whether ``line`` prints ``title`` again, with or without a note after it ("(Text with EEA relevance)")."""
    return _same_text(clean_title(line), clean_title(title))


def _same_text(a: str, b: str) -> bool:
    """Tell whether two printings of a line say the same, whatever their case, quotes, spacing and final full stop."""
    return _folded(a) == _folded(b)


def _folded(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split()).rstrip(".")


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
