"""Read a document's metadata from its front matter and the lines at its top and bottom.

Why line by line from the top: captures put title, byline, dates, issuing body and edition on short
lines before the text, in any order. We read those lines while each one is recognisably metadata
(or is the title, or a one-line standfirst), and stop at the first line that is body text; every line
we do not recognise stays in the body, so nothing is lost.

Choices:
- Issuer: kept as printed minus a leading "The" ("State Council Information Office of the People's
  Republic of China"), so the same body sorts and facets the same way however it was printed.
- Date: front matter first; then a date printed on a line of its own, most precise first ("January
  2017" over "2017"); then a labelled web-page date ("Updated: 2024-05-16"), which is when the page
  changed, not when the document was issued.
- Publisher: from a byline's parentheses, minus an edition suffix ("China Daily Global" -> "China Daily").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import labelled_date, parse_date
from .frontmatter import FrontMatter
from .model import PartialDate
from .paragraphs import ends_sentence

# "By LU CHUANYING (China Daily Global)", "By Gregory B. Poling and Andreyka Natalegawa".
_BYLINE = re.compile(r"^By\s+(?P<names>[^()]{2,100}?)\s*(?:\((?P<org>[^()]{2,60})\))?$")
# Separators between names: "A, B and C", "A & B".
_NAME_SEPARATOR = re.compile(r"\s*(?:,|\band\b|&)\s*")
# An edition suffix after a publisher's name: "China Daily Global", "China Daily USA".
_EDITION_SUFFIX = re.compile(r"\s+(?:Global|Asia|Europe|USA|US|Africa|Weekly|Online|Digital|International)$")
# A publisher printed alone in brackets under a byline: "(The Jakarta Post)".
_PUBLISHER_LINE = re.compile(r"^\(((?:The\s+)?[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,5})\)$")
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
# A Markdown title heading: "# PLA in the new era".
_MD_TITLE = re.compile(r"^#\s+(.+)$")
# The author's note closing an opinion piece: "The author is deputy director…", "— The writers are…".
_AUTHOR_NOTE = re.compile(r"^[(\-—–\s]*The\s+(?:authors?|writers?)\s+(?:is|are|was|were)\b")
# One person's name: "Lu Chuanying", "Gregory B. Poling", "LU CHUANYING", "Andreyka de Natalegawa".
_NAME = re.compile(r"^[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|de|van|von|bin|binti|al|da|di|le|la)){0,4}$")
# Words in a line that make it a release heading, not an issuing body: "Department of Defence Media Release".
_NOT_ISSUER = re.compile(r"\b(?:Release|Statement|News|Bulletin)\b", re.I)
# Small words left lower case in a title-case line: "Office of the People's Republic of China".
_MINOR_WORDS = frozenset("of the and for on in to a an at by 's".split())

_MAX_HEADER_LINES = 20
_MIN_STANDFIRST_WORDS = 6
_MAX_STANDFIRST_WORDS = 60
_MAX_TITLE_CHARS = 250
_AUTHOR_NOTE_WINDOW = 3


@dataclass
class Header:
    """What the top of a document said about it."""

    title: str = ""
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    publisher: str = ""
    issuer: str = ""
    edition: str = ""
    source_url: str = ""
    section_labels: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    front_date: PartialDate | None = None
    printed_dates: list[PartialDate] = field(default_factory=list)
    web_dates: list[PartialDate] = field(default_factory=list)

    @property
    def date(self) -> PartialDate | None:
        """Return the best date: front matter, then the most precise printed one, then a web-page date."""
        if self.front_date:
            return self.front_date
        if self.printed_dates:
            return max(self.printed_dates, key=lambda d: (d.month is not None, d.day is not None))
        return self.web_dates[0] if self.web_dates else None


def read_header(blocks: list[list[str]], front: FrontMatter | None = None) -> tuple[Header, list[list[str]]]:
    """Consume metadata lines from the top of ``blocks``; return the header and the remaining body blocks."""
    header = _from_front_matter(front) if front else Header()
    seen = 0
    for b, block in enumerate(blocks):
        for i, line in enumerate(block):
            seen += 1
            last_in_block = i == len(block) - 1
            if seen > _MAX_HEADER_LINES or not _consume(header, line, last_in_block):
                return header, [block[i:], *blocks[b + 1:]]
    return header, []


def split_author_note(paragraphs: list[str]) -> tuple[list[str], str]:
    """Move a closing "The author is …" note out of the body; return (body paragraphs, note)."""
    start = max(0, len(paragraphs) - _AUTHOR_NOTE_WINDOW)
    for index in range(start, len(paragraphs)):
        if _AUTHOR_NOTE.match(paragraphs[index]):
            return paragraphs[:index], " ".join(paragraphs[index:])
    return paragraphs, ""


def title_case_name(name: str) -> str:
    """Return ``name`` in title case if it was printed in capitals ("LU CHUANYING" -> "Lu Chuanying")."""
    name = " ".join(name.split())
    return name.title() if name.isupper() else name


def _consume(header: Header, line: str, last_in_block: bool) -> bool:
    """Record ``line`` in ``header`` if it is metadata or the title; False when the body has begun."""
    md_title = _MD_TITLE.match(line)
    if md_title and not header.title:
        header.title = md_title.group(1).strip()
        return True
    if header.title and _same_text(line.lstrip("# "), header.title):
        return True  # the title printed again, or a Markdown heading repeating the front matter title
    return _consume_metadata(header, line, last_in_block) or _consume_title(header, line, last_in_block)


def _consume_metadata(header: Header, line: str, last_in_block: bool) -> bool:
    web_date = labelled_date(line)
    if web_date:
        header.web_dates.append(web_date)
        return True
    printed = parse_date(line)
    if printed:
        header.printed_dates.append(printed)
        return True
    byline = _BYLINE.match(line)
    names = [n.strip() for n in _NAME_SEPARATOR.split(byline.group("names")) if n.strip()] if byline else []
    if byline and names and not header.authors and all(_NAME.match(n) for n in names):
        header.authors = tuple(title_case_name(n) for n in names)
        if byline.group("org"):
            header.publisher = header.publisher or _EDITION_SUFFIX.sub("", byline.group("org").strip())
        return True
    publisher = _PUBLISHER_LINE.match(line)
    if publisher and not header.publisher:
        header.publisher = publisher.group(1)
        return True
    if _EDITION.match(line):
        header.edition = line
        return True
    if not header.title and _SECTION_LABEL.match(line):
        header.section_labels.append(line)
        return True
    if not header.title and not last_in_block and re.fullmatch(r"[^\W\d_]+", line):
        header.categories.append(line)  # a one-word site section above the headline: "Academia", "World"
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


def _is_issuer(line: str) -> bool:
    words = line.split()
    if len(words) > 15 or ends_sentence(line) or not _ISSUER_WORD.search(line) or _NOT_ISSUER.search(line):
        return False
    return all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words)


def _from_front_matter(front: FrontMatter) -> Header:
    header = Header(title=front.text("title"), source_url=front.text("source_url", "url", "canonical_url"))
    description = front.text("description", "subtitle", "standfirst")
    if description and not _same_text(description, header.title):
        header.subtitle = description
    header.authors = tuple(
        title_case_name(n) for value in front.items("author", "authors") for n in _NAME_SEPARATOR.split(value) if n
    )
    header.publisher = front.text("publisher")
    for key in ("date", "doc_date", "published_time", "published"):
        header.front_date = header.front_date or parse_date(front.text(key))
    return header


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())
