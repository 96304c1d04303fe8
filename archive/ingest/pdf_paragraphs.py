"""Join a PDF's lines into paragraphs in reading order, with the headings found on its pages in their place.

Paragraph breaks come from the page geometry: a gap wider than the usual distance between lines, a
change of font size, a new column. A sentence cut by a page or column break is joined again, and so is a
word hyphenated at a line end: only in a PDF is "secu-" at a line end almost always typesetting. A
printed contents list keeps one line per entry for the tree builder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .blocks import PARAGRAPH, Block, paragraph
from .pdf_lines import Line, join_lines, overlaps, usual_pitch

# The end of a sentence, allowing closing quotes: "…partners.", "…alone.”", "…两年。". A page that ends
# without one ends in the middle of a paragraph.
SENTENCE_END = re.compile(r"[.!?:;。！？：；][\"'”’)\]」』）]*$")
# A contents entry's dot leaders and page number: "Introduction ........ 1", "3.3 Sampling Method......15",
# "…Retention of Audit Records . 12", "Preface . . . . . iii".
LEADERS = re.compile(r"(?:(?:\.\s*){2,}|\s\.\s+)(?:\d{1,4}|[ivxlc]{1,6})$")
# A contents entry whose title left no room for leaders: "6.3 Data and … Records Management Framework 33".
_ENTRY_END = re.compile(r"\s(?:\d{1,4}|[ivxlc]{1,6})$")
# A word, hyphenated compounds whole: "security", "multi-layered", "Indo-Pacific".
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

# A gap between lines this much larger than the usual line pitch, or a font this much larger or smaller
# than the line before, starts a new paragraph.
_PARAGRAPH_GAP = 1.35
_FONT_CHANGE = 0.15


@dataclass(frozen=True)
class Mark:
    """A heading found on a page: the block to emit, how many lines it replaces, and text run in after it."""

    block: Block
    span: int = 1
    rest: str = ""


def read_paragraphs(
    pages: list[list[Line]], marks: dict[tuple[int, int], Mark], inserts: dict[tuple[int, int], list[Block]]
) -> list[Block]:
    """Return the pages as paragraph blocks, with the headings of ``marks`` and ``inserts`` in their places.

    ``marks`` are the headings found on the pages, by (page, first line), each standing for the lines it
    spans; ``inserts`` are headings to place before a line, by (page, line), the page's line count meaning
    its end.
    """
    items = _stream(pages, marks, inserts)
    vocabulary = _vocabulary(item for item in items if isinstance(item, list))
    blocks: list[Block] = []
    for item in items:
        block = item if isinstance(item, Block) else _paragraph_block(item, vocabulary)
        if blocks and _is_contents(block) and _is_contents(blocks[-1]):
            block = Block(PARAGRAPH, blocks.pop().lines + block.lines)  # a contents list spaced out: one block
        blocks.append(block)
    return blocks


def _stream(
    pages: list[list[Line]], marks: dict[tuple[int, int], Mark], inserts: dict[tuple[int, int], list[Block]]
) -> list[Block | list[str]]:
    """Return heading blocks and paragraphs (their lines) in reading order; a paragraph cut by a page break is joined again."""
    pitch = usual_pitch(pages)
    items: list[Block | list[str]] = []
    for number, page in enumerate(pages):
        started: dict[int, list[Line]] = {}  # the lines of each paragraph begun on this page, by id
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


def _heading_place(items: list[Block | list[str]], started: dict[int, list[Line]], line: Line) -> int:
    """Return where a heading goes: before the paragraph just read if all of it is printed under the heading.

    pdfminer sometimes reads a centred heading after the short text below it ("Keywords" after the keywords).
    """
    last = items[-1] if items else None
    lines = started.get(id(last), []) if isinstance(last, list) else []
    if lines and len(lines) == len(last) and all(other.top <= line.bottom and overlaps(other, line) for other in lines):  # type: ignore[arg-type]
        return len(items) - 1
    return len(items)


def _continues(items: list[Block | list[str]], page: list[Line], index: int, pitch: float) -> bool:
    if not items or isinstance(items[-1], Block):
        return False
    if index == 0 or _tops_column(page, index, pitch):
        # A sentence cut by a page or column break goes on at the top of the next page or column.
        return not SENTENCE_END.search(items[-1][-1]) and (index == 0 or page[index].size == page[index - 1].size)
    return not _starts_paragraph(page[index - 1], page[index], pitch)


def _tops_column(page: list[Line], index: int, pitch: float) -> bool:
    """Tell whether a line is read after one lower down and starts a column: nothing stands just above it."""
    line = page[index]
    return page[index - 1].top <= line.top and not any(
        0 < other.bottom - line.top <= 2 * pitch and overlaps(other, line) for other in page
    )


def _starts_paragraph(previous: Line, line: Line, pitch: float) -> bool:
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


def _vocabulary(paragraphs: Iterable[list[str]]) -> set[str]:
    return {w.casefold() for lines in paragraphs for line in lines for w in _WORD.findall(line)}


def _paragraph_block(lines: list[str], vocabulary: set[str]) -> Block:
    """Return a paragraph as one line; a printed contents list keeps one line per entry for the tree builder."""
    if not any(LEADERS.search(line) for line in lines):
        return paragraph(join_lines(join_hyphenated(lines, vocabulary)))
    entries: list[str] = []
    pending: list[str] = []
    for line in lines:
        pending.append(line)
        if LEADERS.search(line) or _ENTRY_END.search(line):
            entries.append(join_lines(pending))
            pending = []
    if pending:
        entries.append(join_lines(pending))
    return Block(PARAGRAPH, tuple(entries))


def _is_contents(block: Block) -> bool:
    """Tell whether a block is (part of) a printed contents list: entries, one at least with dot leaders."""
    lines = block.lines
    return block.kind == PARAGRAPH and any(LEADERS.search(line) for line in lines) and all(
        LEADERS.search(line) or _ENTRY_END.search(line) for line in lines
    )


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
