"""Read the text layer of a PDF: paragraphs without page furniture, and headings from the PDF's own evidence.

Why pdfminer.six: its layout analysis gives every text line with its position, size and font, so paragraph
and heading breaks can be read from the page geometry (a larger gap, a larger or bolder font) instead of
guessed from the words; it reads a PDF's outline (its bookmarks), orders multi-column pages and reads the
CJK encodings Chinese PDFs use. pypdf is faster but gives lines without geometry or fonts, so
"I. Strategic Environment" would be glued to the text under it.

Why the outline before the fonts: bookmarks are the author's own table of contents, with depths and
exact titles, so ``pdf_blocks`` trusts them where the document has them and only places each one where
its heading is printed. Font sizes and weights are the evidence left where the outline is silent (a
PDF without bookmarks, the front matter before the first bookmarked chapter).

Why strip page furniture here: a running header ("Defence Policy Review 2024"), a page number ("- 3 -",
"Page 3 of 12"), draft line numbers in the margin or a rotated side note repeats on most pages and would
otherwise land in the middle of paragraphs; only the PDF reader knows where pages and margins are. Why
rejoin hyphens here: only in a PDF is "secu-" at a line end almost always typesetting.

``pdf_to_text`` is the older flat path the pipeline still calls: the same reading, paragraphs only.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LAParams,
    LTAnno,
    LTChar,
    LTPage,
    LTTextContainer,
    LTTextLine,
)
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.psparser import PSLiteral

from .blocks import PARAGRAPH, Block, heading, paragraph
from .model import IngestError

NO_TEXT = "the PDF has no text layer (a scanned image?); run OCR first"

# A page number on its own line: "3", "- 3 -", "— 12 —", "Page 3", "PAGE 3 of 12", "3 / 12", "iv". Lower-case
# Roman numerals only ("II" alone may be a chapter label), and at most three digits ("2017" may be a date).
_PAGE_NUMBER = re.compile(r"(?:[Pp]age\s+|PAGE\s+)?[-–—]?\s*(?:\d{1,3}|[ivxlc]{1,6})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?")
# The end of a sentence, allowing closing quotes: "…partners.", "…alone.”", "…两年。". A page that ends
# without one ends in the middle of a paragraph.
_SENTENCE_END = re.compile(r"[.!?:;。！？：；][\"'”’)\]」』）]*$")
# A word, hyphenated compounds whole: "security", "multi-layered", "Indo-Pacific".
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A Chinese, Japanese or Korean character or full-width punctuation mark: "中", "。", "（".
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")
# Digits folded out of a running header, so "Annual Report | 4" and "Annual Report | 5" are the same line.
_DIGITS = re.compile(r"\d+")
# A contents entry's dot leaders and page number: "Introduction ........ 1", "3.3 Trust Algorithm......15",
# "…Software Defined Perimeters . 12", "Preface . . . . . iii".
_LEADERS = re.compile(r"(?:(?:\.\s*){2,}|\s\.\s+)(?:\d{1,4}|[ivxlc]{1,6})$")
# A contents entry whose title left no room for leaders: "6.3 ZTA and … Management Architecture 33".
_ENTRY_END = re.compile(r"\s(?:\d{1,4}|[ivxlc]{1,6})$")
# A line number printed in the margin of a draft: "1", "27", "1043".
_LINE_NUMBER = re.compile(r"\d{1,4}")
# A font name that names a bold face: "TimesNewRomanPS-BoldMT", "Arial,Bold", "Montserrat-SemiBold",
# "Helvetica-Black", "ABCDEF+Garamond-Bold".
_BOLD_FONT = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
# A run-in caption closing with a colon: "AGENCY:", "FOR FURTHER INFORMATION CONTACT:".
_CAPTION = re.compile(r"\w[\w ,&'’()/-]*:")

# Lines examined at each edge of a page for running headers and footers, counted in rows (a header set as
# "April 16, 2018   Cybersecurity Framework   Version 1.1" is three lines on one row).
_EDGE_ROWS = 2
# A line at the edge of at least this share of the pages (and of two pages at least) is page furniture,
# and so is one printed word for word at the edge of two pages at most this far apart (a chapter's header).
_RUNNING_SHARE = 0.5
_CHAPTER_HEAD_SPAN = 2
# A gap between lines this much larger than the usual line pitch, or a font this much larger or smaller
# than the line before, starts a new paragraph.
_PARAGRAPH_GAP = 1.35
_FONT_CHANGE = 0.15
# With fewer line pairs than this the usual pitch is taken to be single spacing: 1.2 times the line height.
_MIN_PITCHES = 5
_SINGLE_SPACING = 1.2
# A piece of a line set apart by a tab (a section number, a bullet) is at most this long and this far,
# in font sizes, from the rest of its row.
_MAX_ROW_PIECE_CHARS = 8
_MAX_ROW_GAP = 4.0
# A margin column of line numbers has at least this many, counting down the page in steps of about one.
_MIN_LINE_NUMBERS = 5
_MAX_LINE_NUMBER_STEP = 2

# The narrowest gap between words, in font sizes, where a PDF prints its spaces as characters.
_SPACE_WIDTH = 0.25
# A heading printed over more lines than this is not a heading (a font heading), or is not looked for
# further (a bookmark's title, whose words must all match, in a narrow column).
_MAX_HEADING_LINES = 3
_MAX_TITLE_LINES = 5
_MAX_HEADING_WORDS = 20
_MAX_HEADING_CHARS = 200
_MAX_CAPTION_WORDS = 6
# A font this much larger than the body text is a heading font; a bold one down to this much smaller still
# counts as "bold at body size" (NIST sets 11-point bold headings over 12-point text).
_LARGER = 1.1
_BOLD_SMALLER = 0.85
# A heading stands apart: its baselines are at least this many usual pitches from the text around it,
# and the text it heads starts within this many pitches below it.
_APART = 1.2
_HEADED_WITHIN = 3.0
# A column gutter is a space between two lines that no line within this many pitches above or below crosses.
_COLUMN_REACH = 3
# A section number opening a printed heading, which a bookmark may leave out: "2.1 " of "2.1 ASN.1 syntax",
# "A.3 ", "IV. ", "3 ".
_SECTION_NUMBER = re.compile(r"((?:\d{1,3}|[A-Z]|[IVXLC]{1,7})(?:\.\d{1,3})*\.?)\s+(?=\S)")
# A division label printed on a line of its own above the title it numbers: "Chapter 2", "APPENDIX A", "Part IV".
_DIVISION_LINE = re.compile(r"(?:chapter|part|appendix|annex|section)\s+(?:\d{1,3}|[A-Z]|[IVXLC]{1,7})", re.IGNORECASE)
# A bookmark title may be followed in the body by a footnote mark of this many digits: "Background1".
_MAX_FOOTNOTE_DIGITS = 2


@dataclass(frozen=True)
class _Line:
    text: str
    top: float
    bottom: float
    height: float
    left: float = 0.0
    right: float = 0.0
    size: float = 0.0  # the font size most of its characters are set in
    bold: bool = False  # most of its characters are in a bold face
    chars: int = 0  # printed characters, to weigh the line when finding the body text's size
    upright: bool = True  # False for text set sideways, as a side note in the margin is
    caption: str = ""  # the bold run-in caption it opens with: "AGENCY:" of "AGENCY: Federal Aviation…"


@dataclass(frozen=True)
class _Bookmark:
    title: str
    level: int
    page: int
    top: float | None  # where on the page the destination points, when it says


@dataclass(frozen=True)
class _Pdf:
    pages: list[list[_Line]]
    bookmarks: list[_Bookmark]


@dataclass(frozen=True)
class _Mark:
    """A heading found on a page: the block to emit, how many lines it replaces, and text run in after it."""

    block: Block
    span: int = 1
    rest: str = ""


@dataclass
class _Placed:
    marks: dict[tuple[int, int], _Mark] = field(default_factory=dict)
    inserts: dict[tuple[int, int], list[Block]] = field(default_factory=dict)  # bookmarks not found, by the line they precede
    used: set[tuple[int, int]] = field(default_factory=set)


def pdf_to_text(raw: bytes) -> str:
    """Return the text of a PDF with blank lines between paragraphs; raise IngestError when there is none."""
    pages = strip_page_furniture(_read(raw).pages)
    _require_text(pages)
    paragraphs = [item for item in _stream(pages) if isinstance(item, list)]
    vocabulary = _vocabulary(paragraphs)
    # One line per paragraph: the geometry already decided where paragraphs end, so the text chain's
    # guess from sentence ends ("…partners." + "The region…") must not split them again.
    return "\n\n".join(_join_lines(join_hyphenated(lines, vocabulary)) for lines in paragraphs)


def pdf_blocks(raw: bytes) -> list[Block]:
    """Return a PDF as blocks: headings from its outline (else its fonts), paragraphs from the line geometry."""
    pdf = _read(raw)
    pages = strip_page_furniture(pdf.pages)
    _require_text(pages)
    placed = _place_bookmarks(pages, pdf.bookmarks)
    if pdf.bookmarks:
        marks = _font_headings(pages, range(_first_chapter_page(pdf.bookmarks)), placed.used, flat=True)
    else:
        marks = _font_headings(pages, range(len(pages)), set())
    items = _stream(pages, marks | placed.marks, placed.inserts)
    vocabulary = _vocabulary(item for item in items if isinstance(item, list))
    blocks: list[Block] = []
    for item in items:
        block = item if isinstance(item, Block) else _paragraph_block(item, vocabulary)
        if blocks and _is_contents(block) and _is_contents(blocks[-1]):
            block = Block(PARAGRAPH, blocks.pop().lines + block.lines)  # a contents list spaced out: one block
        blocks.append(block)
    return blocks


def _require_text(pages: list[list[_Line]]) -> None:
    if not any(c.isalpha() for page in pages for line in page for c in line.text):
        raise IngestError(NO_TEXT)


def _vocabulary(paragraphs: Iterable[list[str]]) -> set[str]:
    return {w.casefold() for lines in paragraphs for line in lines for w in _WORD.findall(line)}


# Reading pages and the outline ----------------------------------------------------------------------


def _read(raw: bytes) -> _Pdf:
    """Return the lines of every page and the outline; raise IngestError with the reason a PDF cannot be read."""
    if b"%PDF-" not in raw[:1024]:
        raise IngestError("the file is not a PDF (it does not start with %PDF)")
    try:
        document = PDFDocument(PDFParser(io.BytesIO(raw)))
        pages = list(PDFPage.create_pages(document))
        resources = PDFResourceManager()
        device = PDFPageAggregator(resources, laparams=LAParams())
        interpreter = PDFPageInterpreter(resources, device)
        lines = []
        for page in pages:
            interpreter.process_page(page)
            lines.append(_page_lines(device.get_result()))
    except PDFPasswordIncorrect:
        raise IngestError("the PDF is protected by a password; remove the password and import it again") from None
    except PDFEncryptionError:
        raise IngestError("the PDF is encrypted in a way that cannot be read; save an unencrypted copy") from None
    except Exception:  # pdfminer raises many types (PSEOF, KeyError, TypeError…) on damaged files
        raise IngestError("the PDF is damaged and could not be read") from None
    return _Pdf(lines, _bookmarks(document, pages))


def _page_lines(page: LTPage) -> list[_Line]:
    lines = [
        _line(item)
        for element in page
        if isinstance(element, LTTextContainer)
        for item in element
        if isinstance(item, LTTextLine)
    ]
    return _merge_row_pieces(_drop_margin_noise([line for line in lines if line is not None]))


def _line(item: LTTextLine) -> _Line | None:
    """Return one text line with the style most of its characters are set in; None for a line of no text."""
    text = _line_text(item)
    if not text or all(_is_private_use(c) for c in text if c != " "):
        return None  # empty, or icon-font glyphs with no meaning as text ("\uf0ab \uf0ab \uf0ab")
    glyphs = [c for c in item if isinstance(c, LTChar) and c.get_text().strip()]
    caption = _caption(item)
    # A line with a run-in caption is set like the text after the caption ("AGENCY:" is in small capitals).
    rest = glyphs[len(caption.replace(" ", "")):] or glyphs
    styles = Counter((round(c.size * 2) / 2, bool(_BOLD_FONT.search(c.fontname))) for c in rest)
    size, bold = styles.most_common(1)[0][0] if styles else (item.height, False)
    upright = 2 * sum(c.upright for c in glyphs) >= len(glyphs)
    return _Line(text, item.y1, item.y0, item.height, item.x0, item.x1, size, bold, len(glyphs), upright, caption)


def _line_text(item: LTTextLine) -> str:
    """Return a line's text, without the spaces pdfminer guessed inside letter-spaced words ("Manageme nt").

    pdfminer inserts a space wherever two characters stand further apart than a tenth of their size. A PDF
    that prints its spaces as characters needs no such guess, so there a guessed space stays only where
    the gap is as wide as a space (a quarter of the font size): tracking and kerning gaps are narrower.
    """
    children = list(item)
    if not any(isinstance(c, LTChar) and c.get_text() == " " for c in children):
        return " ".join(item.get_text().split())
    text = ""
    for index, child in enumerate(children):
        if isinstance(child, LTAnno) and child.get_text() == " " and not _wide_gap(children, index):
            continue
        text += child.get_text()
    return " ".join(text.split())


def _wide_gap(children: list, index: int) -> bool:
    before = next((children[k] for k in range(index - 1, -1, -1) if isinstance(children[k], LTChar)), None)
    after = next((children[k] for k in range(index + 1, len(children)) if isinstance(children[k], LTChar)), None)
    if before is None or after is None:
        return True
    return after.x0 - before.x1 >= _SPACE_WIDTH * max(before.size, after.size)


def _is_private_use(char: str) -> bool:
    return "\ue000" <= char <= "\uf8ff"


def _caption(item: LTTextLine) -> str:
    """Return the bold caption a line opens with, up to its colon ("AGENCY:"), or "" when it has none."""
    run = ""
    for child in item:
        if isinstance(child, LTChar) and child.get_text().strip() and not _BOLD_FONT.search(child.fontname):
            break
        if isinstance(child, (LTChar, LTAnno)):
            run += child.get_text()
    run = " ".join(run.split())
    if not _CAPTION.fullmatch(run) or len(run.split()) > _MAX_CAPTION_WORDS:
        return ""
    # Only a caption in capitals is one ("SUMMARY:", "SUPPLEMENTARY INFORMATION:"): a bold lead-in in
    # ordinary case ends a list's term ("Authority: 49 U.S.C. 106(g)") or introduces a list ("Submit to:").
    return run if run.isupper() else ""


def _merge_row_pieces(lines: list[_Line]) -> list[_Line]:
    """Join a short piece set apart by a tab to the rest of its row: "1.0" + "Framework Introduction", "•" + "Risk…".

    pdfminer reads such a piece as a line of its own, and not always next to its row ("1.0", "2.0",
    then both titles). The rightmost pieces join first, so a row of short cells becomes one line.
    """
    merged: list[_Line | None] = list(lines)
    for i in sorted(range(len(lines)), key=lambda k: -lines[k].left):
        piece = merged[i]
        if piece is None or len(piece.text) > _MAX_ROW_PIECE_CHARS or " " in piece.text:
            continue
        beside = [j for j, line in enumerate(merged) if line is not None and j != i and _is_beside(piece, line)]
        if beside:
            j = min(beside, key=lambda k: merged[k].left)  # type: ignore[union-attr]
            merged[j] = _joined(piece, merged[j])  # type: ignore[arg-type]
            merged[i] = None
    return [line for line in merged if line is not None]


def _joined(piece: _Line, line: _Line) -> _Line:
    return replace(
        line,
        text=f"{piece.text} {line.text}",
        top=max(piece.top, line.top),
        left=piece.left,
        chars=piece.chars + line.chars,
        caption=piece.caption or line.caption,
    )


def _is_beside(piece: _Line, line: _Line) -> bool:
    """Tell whether ``line`` continues ``piece``'s row to its right, a tab's width away at most."""
    same_row = abs(piece.bottom - line.bottom) <= 0.25 * max(piece.height, line.height)
    return piece.upright and line.upright and same_row and 0 <= line.left - piece.right <= _MAX_ROW_GAP * max(line.size, 1.0)


def _drop_margin_noise(lines: list[_Line]) -> list[_Line]:
    """Drop text set sideways in the margin and a margin column of line numbers, as NIST drafts print."""
    text = [line for line in lines if line.upright and not _LINE_NUMBER.fullmatch(line.text)]
    if not text:
        return lines
    left, right = min(line.left for line in text), max(line.right for line in text)
    in_margin = {id(line) for line in lines if not line.upright and (line.right <= left or line.left >= right)}
    for side in (lambda line: line.right <= left, lambda line: line.left >= right):
        numbers = [line for line in lines if line.upright and _LINE_NUMBER.fullmatch(line.text) and side(line)]
        if _is_line_numbering(numbers):
            in_margin.update(id(line) for line in numbers)
    return [line for line in lines if id(line) not in in_margin]


def _is_line_numbering(numbers: list[_Line]) -> bool:
    values = [int(line.text) for line in sorted(numbers, key=lambda line: -line.top)]
    steps = [b - a for a, b in itertools.pairwise(values)]
    return len(values) >= _MIN_LINE_NUMBERS and all(0 < step <= _MAX_LINE_NUMBER_STEP for step in steps)


def _bookmarks(document: PDFDocument, pages: list[PDFPage]) -> list[_Bookmark]:
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
            bookmarks.append(_Bookmark(" ".join(title.split()), level, page, _destination_top(target)))
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


def _unwrap(bookmarks: list[_Bookmark]) -> list[_Bookmark]:
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


def _first_chapter_page(bookmarks: list[_Bookmark]) -> int:
    """Return the first page a bookmark leads to, a bookmark to the cover (the title's) aside."""
    return min((b.page for b in bookmarks if b.page > 0), default=0)


# Page furniture --------------------------------------------------------------------------------------


def strip_page_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove page numbers and lines repeated at the top or bottom of most pages, or of pages close together.

    A running header can name the document ("NIST SP 800-207", "Annual Report | 4"): it repeats, numbers
    aside, near the edge of most pages. It can also name the chapter ("Chapter 2: ASN.1 structure
    handling"): it repeats word for word on the outermost row of that chapter's pages only, in a font no
    larger than the body text's (a title repeated on the cover and the title page stays).
    """
    edges = [_edge_indexes(page, _EDGE_ROWS) for page in pages]
    heights: dict[str, list[float]] = {}
    for page, indexes in zip(pages, edges, strict=True):
        for key, height in {_fold(page[i].text): page[i].height for i in indexes}.items():
            heights.setdefault(key, []).append(height)
    needed = max(2, math.ceil(_RUNNING_SHARE * len(pages)))
    running = {key: statistics.median(h) for key, h in heights.items() if len(h) >= needed}
    chapter = _chapter_headers(pages)
    return [
        [line for i, line in enumerate(page) if i not in indexes or not _is_furniture(line, running, chapter)]
        for page, indexes in zip(pages, edges, strict=True)
    ]


def _chapter_headers(pages: list[list[_Line]]) -> set[str]:
    """Return the lines printed word for word on the outermost row of two pages at most two apart."""
    body = _body_size(pages)
    found: dict[str, list[int]] = {}
    for number, page in enumerate(pages):
        for text in {page[i].text for i in _edge_indexes(page, 1) if page[i].size <= body}:
            found.setdefault(text, []).append(number)
    return {text for text, numbers in found.items() if any(b - a <= _CHAPTER_HEAD_SPAN for a, b in itertools.pairwise(numbers))}


def _is_furniture(line: _Line, running: dict[str, float], chapter: set[str]) -> bool:
    if _PAGE_NUMBER.fullmatch(line.text) or line.text in chapter:
        return True
    usual_height = running.get(_fold(line.text))
    # The title on the first page, printed larger than the same words in the running header, stays.
    return usual_height is not None and line.height <= (1 + _FONT_CHANGE) * usual_height


def _edge_indexes(page: list[_Line], count: int) -> set[int]:
    """Return the indexes of the lines in the ``count`` highest and lowest rows of a page, where headers and footers sit."""
    rows: list[float] = []
    for top in sorted({round(line.top) for line in page}, reverse=True):
        if not rows or rows[-1] - top > 2:  # tops within two points are one row
            rows.append(top)
    edge_rows = rows[:count] + rows[-count:]
    return {i for i, line in enumerate(page) if any(abs(round(line.top) - row) <= 2 for row in edge_rows)}


def _fold(text: str) -> str:
    return _DIGITS.sub("#", text.casefold())


# Paragraphs ------------------------------------------------------------------------------------------


def _stream(
    pages: list[list[_Line]],
    marks: dict[tuple[int, int], _Mark] | None = None,
    inserts: dict[tuple[int, int], list[Block]] | None = None,
) -> list[Block | list[str]]:
    """Return heading blocks and paragraphs (their lines) in reading order; a paragraph cut by a page break is joined again.

    ``marks`` are the headings found on the pages, by (page, first line); ``inserts`` are headings to place
    before a line, by (page, line), the page's line count meaning its end.
    """
    marks, inserts = marks or {}, inserts or {}
    pitch = _usual_pitch(pages)
    items: list[Block | list[str]] = []
    for number, page in enumerate(pages):
        started: dict[int, list[_Line]] = {}  # the lines of each paragraph begun on this page, by id
        index = 0
        while True:
            items.extend(inserts.get((number, index), ()))
            if index >= len(page):
                break
            mark = marks.get((number, index))
            if mark is not None:
                at = _heading_place(items, started, page[index])
                items[at:at] = [mark.block, [mark.rest]] if mark.rest else [mark.block]
                index += mark.span
                continue
            if _continues(items, page, index, pitch):
                items[-1].append(page[index].text)  # type: ignore[union-attr]
            else:
                items.append([page[index].text])
            started.setdefault(id(items[-1]), []).append(page[index])
            index += 1
    return items


def _heading_place(items: list[Block | list[str]], started: dict[int, list[_Line]], line: _Line) -> int:
    """Return where a heading goes: before the paragraph just read if all of it is printed under the heading.

    pdfminer sometimes reads a centred heading after the short text below it ("Keywords" after the keywords).
    """
    last = items[-1] if items else None
    lines = started.get(id(last), []) if isinstance(last, list) else []
    if lines and len(lines) == len(last) and all(other.top <= line.bottom and _overlap(other, line) for other in lines):  # type: ignore[arg-type]
        return len(items) - 1
    return len(items)


def _continues(items: list[Block | list[str]], page: list[_Line], index: int, pitch: float) -> bool:
    if not items or isinstance(items[-1], Block):
        return False
    if index == 0 or _tops_column(page, index, pitch):
        # A sentence cut by a page or column break goes on at the top of the next page or column.
        return not _SENTENCE_END.search(items[-1][-1]) and (index == 0 or page[index].size == page[index - 1].size)
    return not _starts_paragraph(page[index - 1], page[index], pitch)


def _tops_column(page: list[_Line], index: int, pitch: float) -> bool:
    """Tell whether a line is read after one lower down and starts a column: nothing stands just above it."""
    line = page[index]
    return page[index - 1].top <= line.top and not any(
        0 < other.bottom - line.top <= 2 * pitch and _overlap(other, line) for other in page
    )


def _paragraph_block(lines: list[str], vocabulary: set[str]) -> Block:
    """Return a paragraph as one line; a printed contents list keeps one line per entry for the tree builder."""
    if not any(_LEADERS.search(line) for line in lines):
        return paragraph(_join_lines(join_hyphenated(lines, vocabulary)))
    entries: list[str] = []
    pending: list[str] = []
    for line in lines:
        pending.append(line)
        if _LEADERS.search(line) or _ENTRY_END.search(line):
            entries.append(_join_lines(pending))
            pending = []
    if pending:
        entries.append(_join_lines(pending))
    return Block(PARAGRAPH, tuple(entries))


def _is_contents(block: Block) -> bool:
    """Tell whether a block is (part of) a printed contents list: entries, one at least with dot leaders."""
    lines = block.lines
    return block.kind == PARAGRAPH and any(_LEADERS.search(line) for line in lines) and all(
        _LEADERS.search(line) or _ENTRY_END.search(line) for line in lines
    )


def _join_lines(lines: list[str]) -> str:
    """Join a paragraph's lines with spaces, but without one between two CJK characters ("亚太" + "安全")."""
    text = ""
    for line in lines:
        if not line:
            continue
        if text and not (_CJK.match(text[-1]) and _CJK.match(line[0])):
            text += " "
        text += line
    return text


def _usual_pitch(pages: list[list[_Line]]) -> float:
    """Return the median distance between the tops of consecutive lines in one column of text."""
    pitches = [
        a.top - b.top
        for page in pages
        for a, b in itertools.pairwise(page)
        if 0 < a.top - b.top < 3 * max(a.height, b.height)
    ]
    if len(pitches) >= _MIN_PITCHES:
        return statistics.median(pitches)
    heights = [line.height for page in pages for line in page]
    return _SINGLE_SPACING * statistics.median(heights) if heights else 0.0  # too few lines to measure


def _starts_paragraph(previous: _Line, line: _Line, pitch: float) -> bool:
    gap = previous.top - line.top
    if gap <= 0:
        return True  # the next column, or a box placed higher up the page
    # Both the line's height and the size most of its characters are set in must change: a large bullet
    # or a superscript raises the height alone, a phrase in small capitals lowers the size alone.
    if _changes(previous.height, line.height) and (not previous.size or _changes(previous.size, line.size)):
        return True  # a heading in a larger font, or the text after it
    return bool(pitch) and gap > _PARAGRAPH_GAP * pitch


def _changes(before: float, after: float) -> bool:
    return abs(after - before) > _FONT_CHANGE * max(after, before)


def join_hyphenated(lines: list[str], vocabulary: set[str]) -> list[str]:
    """Rejoin words broken at line ends: "secu-" + "rity" -> "security", "Asia-" + "Pacific" -> "Asia-Pacific".

    A lower-case continuation loses the hyphen unless the document itself prints the hyphenated form
    elsewhere and never the joined one ("multi-" + "layered" stays "multi-layered" if the text says so);
    ``vocabulary`` holds the document's words, casefolded, hyphenated compounds whole.
    """
    joined = list(lines)
    for i in range(len(joined) - 1):
        current, following = joined[i], joined[i + 1]
        if len(current) < 2 or current[-1] not in "-\u2010" or not current[-2].isalpha() or not following[:1].isalpha():
            continue
        stem = current[:-1].rsplit(" ", 1)[-1]
        head, _, rest = following.partition(" ")
        word = head.rstrip(".,;:!?)”’\"'")
        keep = following[0].isupper() or (
            f"{stem}-{word}".casefold() in vocabulary and f"{stem}{word}".casefold() not in vocabulary
        )
        joined[i] = current if keep else current[:-1]
        joined[i] += head
        joined[i + 1] = rest
    return [line for i, line in enumerate(joined) if line or not lines[i]]


# Headings from the outline ---------------------------------------------------------------------------


def _place_bookmarks(pages: list[list[_Line]], bookmarks: list[_Bookmark]) -> _Placed:
    """Find each bookmark's heading on its page.

    One not printed there still heads its page, after the headings of the bookmarks before it on
    the same page, so the outline's order holds.
    """
    placed = _Placed()
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
        placed.marks[(bookmark.page, found.start)] = _Mark(block, found.span)
        placed.used.update((bookmark.page, i) for i in range(found.start, found.start + found.span))
        after = (bookmark.page, found.start + found.span)
    return placed


@dataclass(frozen=True)
class _Printed:
    """Where a bookmark's heading is printed: its first line, how many lines, and a number the bookmark lacks."""

    start: int
    span: int
    label: str = ""


def _find_title(page: list[_Line], bookmark: _Bookmark, taken: set[int]) -> _Printed | None:
    """Return where the bookmark's heading is printed, nearest below the bookmark's destination."""
    target = _letters(bookmark.title)
    found = [m for start in range(len(page)) if (m := _printed_at(page, start, target, taken))]
    if not found or bookmark.top is None:
        return found[0] if found else None
    below = [m for m in found if page[m.start].bottom <= bookmark.top]
    return max(below, key=lambda m: page[m.start].top) if below else found[0]


def _printed_at(page: list[_Line], start: int, target: str, taken: set[int]) -> _Printed | None:
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


def _with_division_line(page: list[_Line], printed: _Printed, target: str, taken: set[int]) -> _Printed:
    above = printed.start - 1
    if printed.label or above < 0 or above in taken or not _DIVISION_LINE.fullmatch(page[above].text):
        return printed
    if target.startswith(_letters(page[above].text)):
        return printed
    return _Printed(above, printed.span + 1, page[above].text)


def _letters(text: str) -> str:
    """Fold a title for comparison: "PILLAR ONE | DEFEND" and "Pillar One: Defend" both give "pilloronedefend"."""
    return "".join(c for c in text.casefold() if c.isalnum())


def _same_title(printed: str, target: str) -> bool:
    extra = printed[len(target):]
    return printed.startswith(target) and (not extra or (extra.isdigit() and len(extra) <= _MAX_FOOTNOTE_DIGITS))


# Headings from fonts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Run:
    """Consecutive lines of one page in one heading style: a heading candidate, wrapped lines and all."""

    page: int
    start: int
    lines: tuple[_Line, ...]
    style: tuple[float, bool, bool]  # size, bold, capitals

    @property
    def text(self) -> str:
        """Return the run's lines joined, as a heading prints them."""
        return _join_lines([line.text for line in self.lines])


def _font_headings(
    pages: list[list[_Line]], region: range, taken: set[tuple[int, int]], flat: bool = False
) -> dict[tuple[int, int], _Mark]:
    """Return the headings set in a larger or bolder font than the body text on the pages of ``region``.

    Bold run-in captions in capitals ("AGENCY:") are headings too. Levels rank the heading styles found,
    largest first; with ``flat`` (front matter before an outline's first chapter, whose headings are
    conventionally top-level) every heading is level 1.
    """
    body = _body_size(pages)
    if not body:
        return {}
    pitch = _body_pitch(pages, body)
    runs = [run for number in region for run in _style_runs(pages[number], number, body)]
    headings = [run for run in runs if _is_heading(run, pages[run.page], body, pitch) and not _overlaps(run, taken)]
    captions = [(n, i) for n in region for i, line in enumerate(pages[n]) if line.caption and (n, i) not in taken]
    # A run-in caption is set like a bold heading in capitals at body size ("AGENCY:" in small capitals).
    styles = {run.style for run in headings} | ({(body, True, True)} if captions else set())
    ranks = _style_ranks(styles, [run for run in headings if run.page != region.start])
    if flat:
        ranks = dict.fromkeys(ranks, 1)
    marks = {(run.page, run.start): _Mark(heading(run.text, ranks[run.style], "font"), len(run.lines)) for run in headings}
    for number, index in captions:
        marks[(number, index)] = _caption_mark(pages[number][index], ranks[(body, True, True)])
    return marks


def _style_ranks(styles: set[tuple[float, bool, bool]], later: list[_Run]) -> dict[tuple[float, bool, bool], int]:
    """Rank heading styles, largest first, bold before regular, capitals before mixed case.

    The largest style, when the first page alone uses it, is the title's: it ranks 1 beside the
    document's top-level headings rather than pushing them down to 2.
    """
    ordered = sorted(styles, reverse=True)
    if len(ordered) > 1 and all(run.style != ordered[0] for run in later):
        return {ordered[0]: 1} | {style: rank for rank, style in enumerate(ordered[1:], 1)}
    return {style: rank for rank, style in enumerate(ordered, 1)}


def _overlaps(run: _Run, taken: set[tuple[int, int]]) -> bool:
    return any((run.page, run.start + i) in taken for i in range(len(run.lines)))


def _caption_mark(line: _Line, level: int) -> _Mark:
    """Return a run-in caption as a heading and the text after it as the start of its paragraph."""
    return _Mark(heading(line.caption.rstrip(":").strip(), level, "font"), 1, line.text[len(line.caption):].strip())


def _body_size(pages: list[list[_Line]]) -> float:
    """Return the font size covering most characters: the body text's."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page:
            sizes[line.size] += line.chars
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _body_pitch(pages: list[list[_Line]], body: float) -> float:
    """Return the usual distance between the baselines of consecutive lines of body text."""
    pitches = [
        a.bottom - b.bottom
        for page in pages
        for a, b in itertools.pairwise(page)
        if a.size == b.size == body and 0 < a.bottom - b.bottom < 2 * body
    ]
    return statistics.median(pitches) if pitches else _SINGLE_SPACING * body


def _style(line: _Line, body: float) -> tuple[float, bool, bool] | None:
    """Return a line's heading style (size, bold, capitals), or None when it is set like body text."""
    capitals = sum(c.isupper() for c in line.text) >= 2 and not any(c.islower() for c in line.text)
    if line.size >= _LARGER * body:
        return (line.size, line.bold, capitals)
    if line.bold and line.size >= _BOLD_SMALLER * body:
        return (body, True, capitals)  # bold at body size, whatever its point size
    return None


def _style_runs(page: list[_Line], number: int, body: float) -> list[_Run]:
    """Group a page's lines in a heading style into runs, a heading wrapped over lines being one run."""
    runs: list[_Run] = []
    for index, line in enumerate(page):
        style = _style(line, body)
        if style is None or line.caption:
            continue
        last = runs[-1] if runs else None
        if last is not None and last.start + len(last.lines) == index and last.style == style and _wraps(last.lines[-1], line):
            runs[-1] = replace(last, lines=(*last.lines, line))
        else:
            runs.append(_Run(number, index, (line,), style))
    return runs


def _wraps(above: _Line, below: _Line) -> bool:
    """Tell whether ``below`` continues ``above``'s heading: the next line down, overlapping it."""
    return 0 < above.bottom - below.bottom <= 1.6 * max(above.size, below.size) and _overlap(above, below)


def _overlap(a: _Line, b: _Line) -> bool:
    return a.left < b.right and b.left < a.right


def _is_heading(run: _Run, page: list[_Line], body: float, pitch: float) -> bool:
    """Tell whether a run in a heading style is a heading: short, not a sentence, standing apart."""
    text = run.text
    if len(run.lines) > _MAX_HEADING_LINES or len(text.split()) > _MAX_HEADING_WORDS or len(text) > _MAX_HEADING_CHARS:
        return False
    if sum(c.isalpha() for c in text) < 2 or _SENTENCE_END.search(text) or text.endswith(",") or _LEADERS.search(text):
        return False  # a sentence, a signature ("Lance T. Gant,"), a contents entry
    if _in_table_row(run.lines[0], page, pitch):
        return False
    below = _text_below(run.lines[-1], page)
    if run.style[0] > body:
        return below is None or _style(below, body) is None or below.size < run.style[0]
    return below is not None and _style(below, body) is None and _apart(run, page, below, pitch * below.size / body)


def _in_table_row(first: _Line, page: list[_Line], pitch: float) -> bool:
    """Tell whether a line is a table cell: other text shares its row on the same side of any column gutter.

    A glossary term's definition or the next cell of a table's header sits beside it; the text of a
    neighbouring column (three-column Federal Register pages) is beyond a gutter no nearby line crosses.
    """
    return any(
        abs(other.bottom - first.bottom) < 1 and not _overlap(first, other) and not _gutter_between(first, other, page, pitch)
        for other in page
        if other is not first
    )


def _gutter_between(a: _Line, b: _Line, page: list[_Line], pitch: float) -> bool:
    """Tell whether no line within a few pitches above or below crosses the space between ``a`` and ``b``."""
    low, high = (a.right, b.left) if a.right <= b.left else (b.right, a.left)
    return not any(
        line.left < low and line.right > high and abs(line.bottom - a.bottom) <= _COLUMN_REACH * pitch for line in page
    )


def _text_below(line: _Line, page: list[_Line]) -> _Line | None:
    """Return the nearest line under ``line`` in its column."""
    under = [other for other in page if other.top <= line.bottom and _overlap(line, other)]
    return max(under, key=lambda other: other.top, default=None)


def _apart(run: _Run, page: list[_Line], below: _Line, pitch: float) -> bool:
    """Tell whether a run at body size stands apart: more than a line's pitch from the text above and below.

    ``pitch`` is the usual pitch of lines the size of the text below: a heading over 8-point regulatory
    text stands as far apart from it as 8-point lines allow, not 9-point ones.
    """
    first, last = run.lines[0], run.lines[-1]
    gap_below = last.bottom - below.bottom
    if not pitch or gap_below < _APART * pitch or gap_below > _HEADED_WITHIN * pitch:
        return False
    if run.start == 0:
        return True
    above = page[run.start - 1]
    gap = above.bottom - first.bottom
    return gap <= 0 or gap >= _APART * pitch  # the top of a column, or a wider gap than between lines
