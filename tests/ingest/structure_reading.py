"""Real documents of ../shared/corpus/structure read into blocks by the archive's own readers, for header tests."""

from __future__ import annotations

import contextlib
import io
from functools import cache
from pathlib import Path

from archive.ingest.blocks import Block
from archive.ingest.boilerplate import strip_debris
from archive.ingest.decode import decode
from archive.ingest.frontmatter import FrontMatter, split_front_matter
from archive.ingest.metadata import Header, read_header
from archive.ingest.normalise import normalise
from tests.ingest.fixtures import SHARED

STRUCTURE = SHARED / "corpus" / "structure"


@cache
def read_blocks(name: str) -> tuple[tuple[Block, ...], FrontMatter | None, str]:
    """Return a structure document's blocks without debris, its front matter and the URL its debris named."""
    path = STRUCTURE / name
    blocks, front = _reader_blocks(path)
    cleaned = strip_debris(blocks)
    return cleaned.blocks, front, cleaned.source_url


@cache
def header_of(name: str) -> tuple[Header, tuple[Block, ...]]:
    """Return the header read from a structure document and its body blocks."""
    blocks, front, url = read_blocks(name)
    header, body = read_header(list(blocks), front, url)
    return header, tuple(body)


def _reader_blocks(path: Path) -> tuple[list[Block], FrontMatter | None]:
    raw = path.read_bytes()
    if path.suffix == ".pdf":
        # The PDF tests' own reading, once a session: pdfminer takes seconds on a real PDF.
        from tests.ingest.pdf_samples import structure_pdf

        with contextlib.redirect_stderr(io.StringIO()):  # pdfminer's notice about the PDF's extraction flag
            return list(structure_pdf(path.name)), None
    if path.suffix == ".html":
        from archive.ingest.html import declared_charset, read_page_blocks

        page = read_page_blocks(decode(raw, declared=declared_charset(raw)).text)
        return list(page.blocks), page.front
    front, text, _ = split_front_matter(normalise(decode(raw).text))
    if path.suffix == ".md":
        from archive.ingest.markdown import markdown_blocks

        return list(markdown_blocks(text)), front
    from archive.ingest.plaintext import text_blocks

    reading = text_blocks(text)
    return list(reading.blocks), front or (FrontMatter(dict(reading.fields)) if reading.fields else None)
