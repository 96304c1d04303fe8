"""The stream of blocks every reader turns its file into, carrying what the format itself says.

Why a stream of typed blocks and not plain lines: a file's format often states its structure outright
(an ``<h2>``, a Markdown ``##``, a reStructuredText underline, a PDF bookmark, a larger bold font, a
contents list). Flattening to lines and guessing headings back from the words throws that evidence
away. Each reader (``plaintext``, ``markdown``, ``html``, ``pdf``) keeps it on the block, and one tree
builder (``structure``) reads every format's blocks the same way; where a format says nothing
(scraped plain text), the tree builder falls back on numbering schemes and line shape.

A reader drops page furniture (running headers, page numbers, form feeds) itself: only it knows where
pages end. It never drops body text.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a block is, as far as its format tells.
HEADING = "heading"  # marked as a heading by the format (h1–h6, "##", an underline, a bookmark, a font)
PARAGRAPH = "paragraph"  # running text; its lines may still hold several paragraphs (hard-wrapped captures)
LIST_ITEM = "list_item"  # one item of a bulleted or numbered list
TABLE = "table"  # a table: one line per row, cells separated by TABLE_CELL_SEPARATOR
CONTENTS = "contents"  # one entry of the document's own table of contents, as printed

BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, TABLE, CONTENTS)

TABLE_CELL_SEPARATOR = " | "

# The evidence of a PARAGRAPH whose lines are literal (code, a figure): kept as printed, never a heading.
LITERAL = "literal"


@dataclass(frozen=True)
class Block:
    """One block of a document, in reading order.

    ``lines`` are the block's lines as printed (a heading is normally one line, its label included:
    "7.3.2. Key Rotation"). ``level`` is the heading rank the format gives, 1 being the
    highest rank the format can express (``<h1>``, ``#``, the first underline style seen, a top-level
    bookmark, the largest heading font); 0 when the format gives none. ``evidence`` names what made the
    reader call it a heading ("tag", "atx", "setext", "adornment", "outline", "font", "bold", "class",
    "caps"), for the tree builder to weigh and for tests to explain.
    """

    kind: str
    lines: tuple[str, ...]
    level: int = 0
    evidence: str = ""

    @property
    def text(self) -> str:
        """Return the block's lines joined into one line with single spaces."""
        return " ".join(" ".join(self.lines).split())


def heading(text: str, level: int = 0, evidence: str = "") -> Block:
    """Return a heading block of one line."""
    return Block(HEADING, (" ".join(text.split()),), level, evidence)


def paragraph(*lines: str) -> Block:
    """Return a paragraph block of the given lines."""
    return Block(PARAGRAPH, tuple(lines))
