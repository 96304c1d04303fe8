"""Read a PDF's outline (its bookmarks) and find where each bookmark's heading is printed.

Why the outline comes first: bookmarks are the author's own table of contents, with depths and exact
titles, so they are trusted where a PDF has them. This module only places each one where its heading is
printed, taking in the section number or division line ("Chapter 2") the bookmark leaves out; a
bookmark whose heading is not printed on its page still heads that page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.psparser import PSLiteral

from .blocks import Block, heading
from .pdf_lines import Line
from .pdf_paragraphs import Mark

# A bookmark's title is looked for over at most this many printed lines (a narrow column wraps it, and
# all its words must match).
_MAX_TITLE_LINES = 5
# A section number opening a printed heading, which a bookmark may leave out: "2.1 " of "2.1 ASN.1 syntax",
# "A.3 ", "IV. ", "3 ".
_SECTION_NUMBER = re.compile(r"((?:\d{1,3}|[A-Z]|[IVXLC]{1,7})(?:\.\d{1,3})*\.?)\s+(?=\S)")
# A division label printed on a line of its own above the title it numbers: "Chapter 2", "APPENDIX A", "Part IV".
_DIVISION_LINE = re.compile(r"(?:chapter|part|appendix|annex|section)\s+(?:\d{1,3}|[A-Z]|[IVXLC]{1,7})", re.IGNORECASE)
# A bookmark title may be followed in the body by a footnote mark of this many digits: "Background1".
_MAX_FOOTNOTE_DIGITS = 2


@dataclass(frozen=True)
class Bookmark:
    """An outline entry: its title, its depth (1 = top), the page it leads to."""

    title: str
    level: int
    page: int
    top: float | None  # where on the page the destination points, when it says


def read_bookmarks(document: PDFDocument, pages: list[PDFPage]) -> list[Bookmark]:
    """Return the outline's entries that lead to a page, without a single root entry that wraps all others."""
    numbers = {page.pageid: number for number, page in enumerate(pages)}
    try:
        entries = list(document.get_outlines())
    except Exception:  # no outline (PDFNoOutlines), or one too damaged or too deep for pdfminer to walk
        return []
    bookmarks = []
    for level, title, dest, action, _ in entries:
        target = _destination(document, dest, action)
        page = _page_number(target[0], numbers, len(pages)) if target else None
        if page is not None and title and title.strip():
            bookmarks.append(Bookmark(" ".join(title.split()), level, page, _destination_top(target)))
    return _unwrap(bookmarks)


def _destination(document: PDFDocument, dest: object, action: object) -> list | None:
    """Return an entry's explicit destination ``[page, /XYZ, left, top, zoom]``; None for a broken bookmark."""
    try:
        if dest is None:
            action = resolve1(action)
            if not isinstance(action, dict) or _name(action.get("S")) != "GoTo":
                return None  # a link to a web page or to another file
            dest = action.get("D")
        dest = resolve1(dest)
        if isinstance(dest, (bytes, str, PSLiteral)):  # a named destination
            dest = resolve1(document.get_dest(dest.name if isinstance(dest, PSLiteral) else dest))
        if isinstance(dest, dict):
            dest = resolve1(dest.get("D"))
    except Exception:  # a name missing from the name tree, a dangling reference
        return None
    return dest if isinstance(dest, list) and dest else None


def _name(value: object) -> str:
    value = resolve1(value)
    return value.name if isinstance(value, PSLiteral) else str(value)


def _page_number(target: object, numbers: dict[int, int], count: int) -> int | None:
    if isinstance(target, PDFObjRef):
        return numbers.get(target.objid)
    return target if isinstance(target, int) and 0 <= target < count else None


def _destination_top(dest: list) -> float | None:
    """Return the height a destination scrolls to: the top of ``/XYZ left top zoom`` or ``/FitH top``."""
    kind = _name(dest[1]) if len(dest) > 1 else ""
    position = {"XYZ": 3, "FitH": 2, "FitBH": 2}.get(kind)
    value = resolve1(dest[position]) if position is not None and len(dest) > position else None
    return float(value) if isinstance(value, (int, float)) else None


def _unwrap(bookmarks: list[Bookmark]) -> list[Bookmark]:
    """Drop a first entry that holds every other one (it repeats the title) and make the top level 1."""
    while len(bookmarks) > 1:
        top = min(b.level for b in bookmarks)
        if bookmarks[0].level != top or any(b.level == top for b in bookmarks[1:]):
            break
        bookmarks = bookmarks[1:]
    if not bookmarks:
        return []
    shift = min(b.level for b in bookmarks) - 1
    return [replace(b, level=b.level - shift) for b in bookmarks]


def first_chapter_page(bookmarks: list[Bookmark]) -> int:
    """Return the first page a bookmark leads to, a bookmark to the cover (the title's) aside."""
    return min((b.page for b in bookmarks if b.page > 0), default=0)


@dataclass
class Placed:
    """The bookmarks placed on the pages: headings by the lines they stand for, and those not printed."""

    marks: dict[tuple[int, int], Mark] = field(default_factory=dict)
    inserts: dict[tuple[int, int], list[Block]] = field(default_factory=dict)  # bookmarks not found, by the line they precede
    used: set[tuple[int, int]] = field(default_factory=set)  # (page, line) of every line a placed heading is printed on


def place_bookmarks(pages: list[list[Line]], bookmarks: list[Bookmark]) -> Placed:
    """Find each bookmark's heading on its page.

    One not printed there still heads its page, after the headings of the bookmarks before it on
    the same page, so the outline's order holds.
    """
    placed = Placed()
    after: tuple[int, int] = (-1, 0)  # the page and line after the last bookmark placed
    for bookmark in bookmarks:
        block = heading(bookmark.title, bookmark.level, "outline")
        taken = {i for page, i in placed.used if page == bookmark.page}
        found = _find_title(pages[bookmark.page], bookmark, taken)
        if found is None:
            after = after if after[0] == bookmark.page else (bookmark.page, 0)
            placed.inserts.setdefault(after, []).append(block)
            continue
        if found.label:
            block = heading(f"{found.label} {bookmark.title}", bookmark.level, "outline")
        placed.marks[(bookmark.page, found.start)] = Mark(block, found.span)
        placed.used.update((bookmark.page, i) for i in range(found.start, found.start + found.span))
        after = (bookmark.page, found.start + found.span)
    return placed


@dataclass(frozen=True)
class _Printed:
    """Where a bookmark's heading is printed: its first line, how many lines, and a number the bookmark lacks."""

    start: int
    span: int
    label: str = ""


def _find_title(page: list[Line], bookmark: Bookmark, taken: set[int]) -> _Printed | None:
    """Return where the bookmark's heading is printed, nearest below the bookmark's destination."""
    target = _letters(bookmark.title)
    found = [m for start in range(len(page)) if (m := _printed_at(page, start, target, taken))]
    if not found or bookmark.top is None:
        return found[0] if found else None
    below = [m for m in found if page[m.start].bottom <= bookmark.top]
    return max(below, key=lambda m: page[m.start].top) if below else found[0]


def _printed_at(page: list[Line], start: int, target: str, taken: set[int]) -> _Printed | None:
    """Return the heading printed from line ``start`` when its words are the bookmark's, a section number aside.

    Bookmarks often leave out the number the page prints (LaTeX's and Texinfo's do: "ASN.1 syntax" for
    "2.1 ASN.1 syntax"); the number is kept as the heading's label. A division line printed above the
    title ("Chapter 2" over "Introduction") is taken in as the label too.
    """
    first = page[start].text
    readings = [("", first)]
    number = _SECTION_NUMBER.match(first)
    if number and not target.startswith(_letters(number.group(1))):
        readings.append((number.group(1), first[number.end():]))
    for label, opening in readings:
        printed = ""
        for span in range(1, _MAX_TITLE_LINES + 1):
            if start + span > len(page) or start + span - 1 in taken:
                break
            printed += _letters(opening if span == 1 else page[start + span - 1].text)
            if _same_title(printed, target):
                return _with_division_line(page, _Printed(start, span, label), target, taken)
            if not target.startswith(printed):
                break
    return None


def _with_division_line(page: list[Line], printed: _Printed, target: str, taken: set[int]) -> _Printed:
    above = printed.start - 1
    if printed.label or above < 0 or above in taken or not _DIVISION_LINE.fullmatch(page[above].text):
        return printed
    if target.startswith(_letters(page[above].text)):
        return printed
    return _Printed(above, printed.span + 1, page[above].text)


def _letters(text: str) -> str:
    """Fold a title for comparison: "PILLAR TWO | BUILD" and "Pillar Two: Build" both give "pillartwobuild"."""
    return "".join(c for c in text.casefold() if c.isalnum())


def _same_title(printed: str, target: str) -> bool:
    extra = printed[len(target):]
    return printed.startswith(target) and (not extra or (extra.isdigit() and len(extra) <= _MAX_FOOTNOTE_DIGITS))
