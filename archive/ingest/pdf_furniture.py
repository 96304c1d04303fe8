"""Remove the page furniture of a PDF: page numbers, and running headers and footers.

Why the PDF reader does it: a running header ("Defence Policy Review 2024"), a chapter's running header
("Chapter 2: ASN.1 structure handling") or a page number ("- 3 -", "Page 3 of 12") repeats at the edge
of many pages and would otherwise land in the middle of paragraphs; only the PDF reader knows where
pages and their edges are.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics

from .pdf_lines import Line, body_size

# A page number on its own line: "3", "- 3 -", "— 12 —", "Page 3", "PAGE 3 of 12", "3 / 12", "iv". Lower-case
# Roman numerals only ("II" alone may be a chapter label), and at most three digits ("2017" may be a date).
_PAGE_NUMBER = re.compile(r"(?:[Pp]age\s+|PAGE\s+)?[-–—]?\s*(?:\d{1,3}|[ivxlc]{1,6})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?")
# Digits folded out of a running header, so "Annual Report | 4" and "Annual Report | 5" are the same line.
_DIGITS = re.compile(r"\d+")

# Lines examined at each edge of a page for running headers and footers, counted in rows (a header set as
# "March 9, 2017   Harbour Safety Guide   Version 2.0" is three lines on one row).
_EDGE_ROWS = 2
# A line at the edge of at least this share of the pages (and of two pages at least) is page furniture,
# and so is one printed word for word at the edge of two pages at most this far apart (a chapter's header).
_RUNNING_SHARE = 0.5
_CHAPTER_HEAD_SPAN = 2
# A line with a running header's words, set more than this share taller than the header, is a title (the
# cover's): it stays.
_TALLER = 0.15


def strip_page_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove page numbers and lines repeated at the top or bottom of most pages, or of pages close together.

    A running header can name the document ("SP 800-12 Rev. 1", "Annual Report | 4"): it repeats, numbers
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


def _chapter_headers(pages: list[list[Line]]) -> set[str]:
    """Return the lines printed word for word on the outermost row of two pages at most two apart."""
    body = body_size(pages)
    found: dict[str, list[int]] = {}
    for number, page in enumerate(pages):
        for text in {page[i].text for i in _edge_indexes(page, 1) if page[i].size <= body}:
            found.setdefault(text, []).append(number)
    return {text for text, numbers in found.items() if any(b - a <= _CHAPTER_HEAD_SPAN for a, b in itertools.pairwise(numbers))}


def _is_furniture(line: Line, running: dict[str, float], chapter: set[str]) -> bool:
    if _PAGE_NUMBER.fullmatch(line.text) or line.text in chapter:
        return True
    usual_height = running.get(_fold(line.text))
    # The title on the first page, printed larger than the same words in the running header, stays.
    return usual_height is not None and line.height <= (1 + _TALLER) * usual_height


def _edge_indexes(page: list[Line], count: int) -> set[int]:
    """Return the indexes of the lines in the ``count`` highest and lowest rows of a page, where headers and footers sit."""
    rows: list[float] = []
    for top in sorted({round(line.top) for line in page}, reverse=True):
        if not rows or rows[-1] - top > 2:  # tops within two points are one row
            rows.append(top)
    edge_rows = rows[:count] + rows[-count:]
    return {i for i, line in enumerate(page) if any(abs(round(line.top) - row) <= 2 for row in edge_rows)}


def _fold(text: str) -> str:
    return _DIGITS.sub("#", text.casefold())
