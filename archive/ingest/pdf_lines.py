"""Read the text lines of a PDF's pages, each with its position, size and font, as pdfminer lays them out.

Why pdfminer.six: its layout analysis gives every text line with its position, size and font, so paragraph
and heading breaks can be read from the page geometry (a larger gap, a larger or bolder font) instead of
guessed from the words; it orders multi-column pages and reads the CJK encodings Chinese PDFs use. pypdf is
faster but gives lines without geometry or fonts, so "I. Strategic Environment" would be glued to the text
under it.

A line is kept as the page prints it, not as pdfminer first cuts it: without the spaces pdfminer guesses
inside letter-spaced words, with a section number or bullet set apart by a tab joined to the rest of its
row, and without a margin column of line numbers or a note set sideways in the margin (both would be
joined to the rows beside them). The measures the other PDF modules share, the body text's font size and
the usual distance between lines, are taken here too.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTAnno, LTChar, LTPage, LTTextContainer, LTTextLine
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

# A Chinese, Japanese or Korean character or full-width punctuation mark: "中", "。", "（".
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")
# A line number printed in the margin of a draft: "1", "27", "1043".
_LINE_NUMBER = re.compile(r"\d{1,4}")
# A font name that names a bold face: "TimesNewRomanPS-BoldMT", "Arial,Bold", "Montserrat-SemiBold",
# "Helvetica-Black", "ABCDEF+Garamond-Bold".
_BOLD_FONT = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
# A run-in caption closing with a colon: "AGENCY:", "FOR FURTHER INFORMATION CONTACT:".
_CAPTION = re.compile(r"\w[\w ,&'’()/-]*:")
_MAX_CAPTION_WORDS = 6

# The narrowest gap between words, in font sizes, where a PDF prints its spaces as characters.
_SPACE_WIDTH = 0.25
# A piece of a line set apart by a tab (a section number, a bullet) is at most this long and this far,
# in font sizes, from the rest of its row.
_MAX_ROW_PIECE_CHARS = 8
_MAX_ROW_GAP = 4.0
# A margin column of line numbers has at least this many, counting down the page in steps of about one.
_MIN_LINE_NUMBERS = 5
_MAX_LINE_NUMBER_STEP = 2
# With fewer line pairs than this the usual pitch is taken to be single spacing: 1.2 times the line height.
_MIN_PITCHES = 5
_SINGLE_SPACING = 1.2


@dataclass(frozen=True)
class Line:
    """One printed line of a page: its text, where it stands, and the style most of its characters are set in."""

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
    caption: str = ""  # the bold run-in caption it opens with: "AGENCY:" of "AGENCY: Fish and Wildlife…"


def read_lines(pages: list[PDFPage]) -> list[list[Line]]:
    """Return the lines of every page in reading order; pdfminer's errors on a damaged page pass through."""
    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    lines = []
    for page in pages:
        interpreter.process_page(page)
        lines.append(_page_lines(device.get_result()))
    return lines


def _page_lines(page: LTPage) -> list[Line]:
    lines = [
        _line(item)
        for element in page
        if isinstance(element, LTTextContainer)
        for item in element
        if isinstance(item, LTTextLine)
    ]
    return _merge_row_pieces(_drop_margin_noise([line for line in lines if line is not None]))


def _line(item: LTTextLine) -> Line | None:
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
    return Line(text, item.y1, item.y0, item.height, item.x0, item.x1, size, bold, len(glyphs), upright, caption)


def _line_text(item: LTTextLine) -> str:
    """Return a line's text, without the spaces pdfminer guessed inside letter-spaced words ("Govern ance").

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
    # ordinary case ends a list's term ("Authority: 16 U.S.C. 1531") or introduces a list ("Submit to:").
    return run if run.isupper() else ""


def _drop_margin_noise(lines: list[Line]) -> list[Line]:
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


def _is_line_numbering(numbers: list[Line]) -> bool:
    values = [int(line.text) for line in sorted(numbers, key=lambda line: -line.top)]
    steps = [b - a for a, b in itertools.pairwise(values)]
    return len(values) >= _MIN_LINE_NUMBERS and all(0 < step <= _MAX_LINE_NUMBER_STEP for step in steps)


def _merge_row_pieces(lines: list[Line]) -> list[Line]:
    """Join a short piece set apart by a tab to the rest of its row: "1.0" + "Programme Overview", "•" + "Risk…".

    pdfminer reads such a piece as a line of its own, and not always next to its row ("1.0", "2.0",
    then both titles). The rightmost pieces join first, so a row of short cells becomes one line.
    """
    merged: list[Line | None] = list(lines)
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


def _joined(piece: Line, line: Line) -> Line:
    return replace(
        line,
        text=f"{piece.text} {line.text}",
        top=max(piece.top, line.top),
        left=piece.left,
        chars=piece.chars + line.chars,
        caption=piece.caption or line.caption,
    )


def _is_beside(piece: Line, line: Line) -> bool:
    """Tell whether ``line`` continues ``piece``'s row to its right, a tab's width away at most."""
    same_row = abs(piece.bottom - line.bottom) <= 0.25 * max(piece.height, line.height)
    return piece.upright and line.upright and same_row and 0 <= line.left - piece.right <= _MAX_ROW_GAP * max(line.size, 1.0)


def body_size(pages: list[list[Line]]) -> float:
    """Return the font size covering most characters: the body text's."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page:
            sizes[line.size] += line.chars
    return sizes.most_common(1)[0][0] if sizes else 0.0


def body_pitch(pages: list[list[Line]], body: float) -> float:
    """Return the usual distance between the baselines of consecutive lines of body text."""
    pitches = [
        a.bottom - b.bottom
        for page in pages
        for a, b in itertools.pairwise(page)
        if a.size == b.size == body and 0 < a.bottom - b.bottom < 2 * body
    ]
    return statistics.median(pitches) if pitches else _SINGLE_SPACING * body


def usual_pitch(pages: list[list[Line]]) -> float:
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


def overlaps(a: Line, b: Line) -> bool:
    """Tell whether two lines share some width of the page: one stands above the other, not beside it."""
    return a.left < b.right and b.left < a.right


def join_lines(lines: list[str]) -> str:
    """Join a paragraph's lines with spaces, but without one between two CJK characters ("亚太" + "安全")."""
    text = ""
    for line in lines:
        if not line:
            continue
        if text and not (_CJK.match(text[-1]) and _CJK.match(line[0])):
            text += " "
        text += line
    return text
