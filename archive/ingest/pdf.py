"""Read the text layer of a PDF as plain text the text chain can parse: paragraphs, no page furniture.

Why pdfminer.six: its layout analysis gives every text line with its position and size, so paragraph
and heading breaks can be read from the page geometry (a larger gap, a larger font) instead of guessed
from the words; it orders multi-column pages and reads the CJK encodings Chinese PDFs use. pypdf is
faster but gives lines without geometry, so "I. Strategic Environment" would be glued to the text under it.

Why strip page furniture here: a running header ("Defence Policy Review 2024") or a page number ("- 3 -",
"Page 3 of 12") repeats at the top or bottom of most pages and would otherwise land in the middle of
paragraphs. Why rejoin hyphens here: only in a PDF is "secu-" at a line end almost always typesetting.
"""

from __future__ import annotations

import io
import math
import re
import statistics
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTPage, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

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

# Lines examined at each edge of a page for running headers and footers.
_EDGE_LINES = 2
# A line at the edge of at least this share of the pages (and of two pages at least) is page furniture.
_RUNNING_SHARE = 0.5
# A gap between lines this much larger than the usual line pitch, or a font this much larger or smaller
# than the line before, starts a new paragraph.
_PARAGRAPH_GAP = 1.35
_FONT_CHANGE = 0.15
# With fewer line pairs than this the usual pitch is taken to be single spacing: 1.2 times the line height.
_MIN_PITCHES = 5
_SINGLE_SPACING = 1.2


@dataclass(frozen=True)
class _Line:
    text: str
    top: float
    bottom: float
    height: float


def pdf_to_text(raw: bytes) -> str:
    """Return the text of a PDF with blank lines between paragraphs; raise IngestError when there is none."""
    if b"%PDF-" not in raw[:1024]:
        raise IngestError("the file is not a PDF (it does not start with %PDF)")
    pages = strip_page_furniture(_read_pages(raw))
    paragraphs = _paragraphs(pages)
    if not any(c.isalpha() for lines in paragraphs for line in lines for c in line):
        raise IngestError(NO_TEXT)
    vocabulary = {w.casefold() for lines in paragraphs for line in lines for w in _WORD.findall(line)}
    # One line per paragraph: the geometry already decided where paragraphs end, so the text chain's
    # guess from sentence ends ("…partners." + "The region…") must not split them again.
    return "\n\n".join(_join_lines(join_hyphenated(lines, vocabulary)) for lines in paragraphs)


def _paragraphs(pages: list[list[_Line]]) -> list[list[str]]:
    """Group the lines of all pages into paragraphs; a paragraph cut by a page break is joined again."""
    pitch = _usual_pitch(pages)
    paragraphs: list[list[str]] = []
    for page in pages:
        for index, line in enumerate(page):
            if index == 0:
                continues = bool(paragraphs) and not _SENTENCE_END.search(paragraphs[-1][-1])
            else:
                continues = not _starts_paragraph(page[index - 1], line, pitch)
            if continues:
                paragraphs[-1].append(line.text)
            else:
                paragraphs.append([line.text])
    return paragraphs


def _join_lines(lines: list[str]) -> str:
    """Join a paragraph's lines with spaces, but without one between two CJK characters ("亚太" + "安全")."""
    text = ""
    for line in lines:
        if text and not (_CJK.match(text[-1]) and _CJK.match(line[0])):
            text += " "
        text += line
    return text


def _read_pages(raw: bytes) -> list[list[_Line]]:
    try:
        return [_page_lines(page) for page in extract_pages(io.BytesIO(raw), laparams=LAParams())]
    except PDFPasswordIncorrect:
        raise IngestError("the PDF is protected by a password; remove the password and import it again") from None
    except PDFEncryptionError:
        raise IngestError("the PDF is encrypted in a way that cannot be read; save an unencrypted copy") from None
    except Exception:  # pdfminer raises many types (PSEOF, KeyError, TypeError…) on damaged files
        raise IngestError("the PDF is damaged and could not be read") from None


def _page_lines(page: LTPage) -> list[_Line]:
    lines: list[_Line] = []
    for element in page:
        if isinstance(element, LTTextContainer):
            for line in element:
                text = " ".join(line.get_text().split()) if isinstance(line, LTTextLine) else ""
                if text:
                    lines.append(_Line(text, line.y1, line.y0, line.height))
    return lines


def strip_page_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove page numbers and lines repeated at the top or bottom of most pages."""
    edges = [_edge_indexes(page) for page in pages]
    heights: dict[str, list[float]] = {}
    for page, indexes in zip(pages, edges):
        for key, height in {_fold(page[i].text): page[i].height for i in indexes}.items():
            heights.setdefault(key, []).append(height)
    needed = max(2, math.ceil(_RUNNING_SHARE * len(pages)))
    running = {key: statistics.median(h) for key, h in heights.items() if len(h) >= needed}
    return [[line for i, line in enumerate(page) if i not in indexes or not _is_furniture(line, running)]
            for page, indexes in zip(pages, edges)]


def _is_furniture(line: _Line, running: dict[str, float]) -> bool:
    if _PAGE_NUMBER.fullmatch(line.text):
        return True
    usual_height = running.get(_fold(line.text))
    # The title on the first page, printed larger than the same words in the running header, stays.
    return usual_height is not None and line.height <= (1 + _FONT_CHANGE) * usual_height


def _edge_indexes(page: list[_Line]) -> set[int]:
    """Return the indexes of the highest and the lowest lines on a page, where headers and footers sit."""
    by_height = sorted(range(len(page)), key=lambda i: page[i].top)
    return set(by_height[:_EDGE_LINES]) | set(by_height[-_EDGE_LINES:])


def _fold(text: str) -> str:
    return _DIGITS.sub("#", text.casefold())


def _usual_pitch(pages: list[list[_Line]]) -> float:
    """Return the median distance between the tops of consecutive lines in one column of text."""
    pitches = [
        a.top - b.top
        for page in pages
        for a, b in zip(page, page[1:])
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
    if abs(line.height - previous.height) > _FONT_CHANGE * max(line.height, previous.height):
        return True  # a heading in a larger font, or the text after it
    return bool(pitch) and gap > _PARAGRAPH_GAP * pitch


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
