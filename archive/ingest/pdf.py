"""Read a PDF into the block stream: headings from the PDF's own evidence, paragraphs without page furniture.

One module a step: the lines of every page with their position and font (``pdf_lines``); page numbers
and running headers removed (``pdf_furniture``); headings from the outline, placed where they are
printed (``pdf_outline``), and from the fonts where the outline is silent (``pdf_fonts``); paragraphs
from the line geometry with those headings in place (``pdf_paragraphs``).

Why the outline before the fonts: bookmarks are the author's own table of contents, with depths and exact
titles; font sizes and weights are the evidence left where the outline is silent (a PDF without
bookmarks, the front matter before the first bookmarked chapter).
"""

from __future__ import annotations

import io

from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from .blocks import Block
from .model import IngestError
from .pdf_fonts import font_headings
from .pdf_furniture import strip_page_furniture
from .pdf_lines import Line, read_lines
from .pdf_outline import Bookmark, first_chapter_page, place_bookmarks, read_bookmarks
from .pdf_paragraphs import read_paragraphs

NO_TEXT = "the PDF has no text layer (a scanned image?); run OCR first"


def pdf_blocks(raw: bytes) -> list[Block]:
    """Return a PDF as blocks: headings from its outline (else its fonts), paragraphs from the line geometry."""
    lines, bookmarks = _read(raw)
    pages = strip_page_furniture(lines)
    _require_text(pages)
    placed = place_bookmarks(pages, bookmarks)
    if bookmarks:
        marks = font_headings(pages, range(first_chapter_page(bookmarks)), placed.used, flat=True)
    else:
        marks = font_headings(pages, range(len(pages)), set())
    return read_paragraphs(pages, marks | placed.marks, placed.inserts)


def _read(raw: bytes) -> tuple[list[list[Line]], list[Bookmark]]:
    """Return the lines of every page and the outline; raise IngestError with the reason a PDF cannot be read."""
    if b"%PDF-" not in raw[:1024]:
        raise IngestError("the file is not a PDF (it does not start with %PDF)")
    try:
        document = PDFDocument(PDFParser(io.BytesIO(raw)))
        pages = list(PDFPage.create_pages(document))
        lines = read_lines(pages)
    except PDFPasswordIncorrect:
        raise IngestError("the PDF is protected by a password; remove the password and import it again") from None
    except PDFEncryptionError:
        raise IngestError("the PDF is encrypted in a way that cannot be read; save an unencrypted copy") from None
    except Exception:  # pdfminer raises many types (PSEOF, KeyError, TypeError…) on damaged files
        raise IngestError("the PDF is damaged and could not be read") from None
    return lines, read_bookmarks(document, pages)


def _require_text(pages: list[list[Line]]) -> None:
    if not any(c.isalpha() for page in pages for line in page for c in line.text):
        raise IngestError(NO_TEXT)
