"""Recognise a document's own table of contents, so it is used as evidence and never kept as sections.

Why before paragraphs are joined: a printed contents list is a run of short lines ("1.  Introduction
. . . . . 5") in one block; joined into a paragraph it could no longer be read entry by entry. Two shapes
are recognised, both common to every kind of document: a "Contents" / "Table of Contents" / "目录" line
followed by entry-shaped lines, and — with no such line — a run of lines ending in dot leaders and page
numbers. Readers that know a contents list structurally (an HTML table-of-contents list) emit CONTENTS
blocks themselves. Lists of figures and tables are recognised the same way but are not section entries.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .blocks import CONTENTS, HEADING, Block
from .model import ContentsEntry
from .numbering import read_label
from .paragraphs import ends_sentence

# A contents list's own heading: "Contents", "Table of Contents", "TABLE OF CONTENTS", "目录", "目 录".
CONTENTS_TITLE = re.compile(r"^(?:table\s+of\s+contents|contents|目\s*录)\s*:?$", re.I)
# A list of figures, tables or appendices, printed like a contents list: "List of Figures", "LIST OF TABLES".
_OTHER_LIST_TITLE = re.compile(r"^list\s+of\s+(?:figures|tables|illustrations|boxes|exhibits|appendices|annexes)$", re.I)
# Dot leaders and a page number (Arabic or small Roman) ending an entry: "Introduction . . . . . . 5",
# "Preface ........ iii", "1.0 Programme Overview ................................................. 1".
# A number after a single space is part of the entry ("Article 5"); a small Roman numeral is a page ("Preface iii");
# a long title's leader may shrink to one dot glued to the page ("…Retention of Audit Records.57").
PAGE_REFERENCE = re.compile(
    r"(?:\s*(?:\.\s*){2,}|\s*[·…]+\s*|\s{2,})(?:\d{1,4}|[ivxlc]{1,6})$|\s+[ivxlc]{2,6}$|(?<=[a-z]{2})\.\d{1,4}$"
)
# Visible leaders and a page number, the sure sign of a contents line: "Abstract . . . . . 1", "Scope ..12",
# "Conditions · · · 7", and a long title's leader squeezed to one dot glued to its page: "…Review Dates.89".
_LEADERS = re.compile(r"(?:\.\s*){2,}(?:\d{1,4}|[ivxlc]{1,6})$|[·…]{3,}\s*\d{1,4}$|(?<=[a-z]{2})\.\d{1,4}$")
# A caption of a figure or table, as printed under it or listed in a list of figures: "Figure 1: Stages of the
# Review Process", "Table C-2: Summary of Open Findings", "Table 2 …" ("Table A" is a heading).
CAPTION = re.compile(r"^(?:figure|fig\.|table|box|exhibit|chart|map)\s+[A-Z]?[-.]?\d", re.I)

# A list bullet before a contents entry, as a generated table of contents prints it: "* 1. About", "- 2. Scope".
_BULLET = re.compile(r"^[*•+\-–]\s+")
_MIN_LEADER_RUN = 3
_MAX_ENTRY_CHARS = 200
_MAX_ENTRY_WORDS = 25


def mark_contents(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with contents lists turned into CONTENTS blocks, one per entry, and their titles dropped."""
    lines = [(b, i, line) for b, block in enumerate(blocks) for i, line in enumerate(block.lines)]
    marked: dict[tuple[int, int], str] = {}  # (block, line) -> entry text, "" for a dropped list title
    index = 0
    while index < len(lines):
        end = _list_end(blocks, lines, index)
        if end > index:
            for b, i, text in lines[index:end]:
                marked[(b, i)] = "" if _is_list_title(text) else _entry_text(text)
            index = end
        else:
            index += 1
    if not marked:
        return blocks
    return _rebuild(blocks, marked)


def is_contents_line(line: str) -> bool:
    """Tell whether a printed line is a contents entry: its text, then dot leaders and a page number."""
    return bool(_LEADERS.search(line.rstrip()))


def entries_of(blocks: list[Block]) -> tuple[ContentsEntry, ...]:
    """Return the section entries among the CONTENTS blocks: label and heading as printed, without page numbers."""
    entries = []
    for block in blocks:
        if block.kind != CONTENTS or CAPTION.match(block.text):
            continue
        label = read_label(_entry_text(block.text))
        entries.append(ContentsEntry(label.label, label.text))
    return tuple(entries)


def _list_end(blocks: list[Block], lines: list[tuple[int, int, str]], start: int) -> int:
    """Return where a contents list starting at ``start`` ends, or ``start`` when none starts there.

    After a "Contents" title, entries run while whole blocks are entry-shaped and until the first entry
    comes round again (the body's own first heading); a list a reader already recognised only loses its
    title. Without a title, three lines or more with dot leaders and page numbers make a list.
    """
    b, _, text = lines[start]
    if blocks[b].kind == CONTENTS:
        return start
    if _is_list_title(text):
        end = start + 1
        if end < len(lines) and blocks[lines[end][0]].kind == CONTENTS:
            return end
        first, leaders = "", False
        while end < len(lines) and _entry_shaped(lines[end][2]) and _block_of_entries(blocks[lines[end][0]]):
            entry, led = _key(_entry_text(lines[end][2])), bool(_LEADERS.search(lines[end][2]))
            if (first and entry == first and not led) or (leaders and not led) or blocks[lines[end][0]].kind == HEADING:
                break  # the first entry again, a line without the page numbers the others had, a heading: the body
            first, leaders = first or entry, leaders or led
            end += 1
        return end if end > start + 1 else start
    end = start
    while end < len(lines) and blocks[lines[end][0]].kind != CONTENTS and _LEADERS.search(lines[end][2]):
        end += 1
    return end if end - start >= _MIN_LEADER_RUN else start


def _block_of_entries(block: Block) -> bool:
    """Tell whether every line of a block could be a contents entry (a wrapped paragraph has a sentence end)."""
    return all(_entry_shaped(line) for line in block.lines)


def _is_list_title(text: str) -> bool:
    return bool(CONTENTS_TITLE.match(text.strip()) or _OTHER_LIST_TITLE.match(text.strip()))


def _entry_shaped(text: str) -> bool:
    if _LEADERS.search(text):
        return len(text) <= 2 * _MAX_ENTRY_CHARS
    entry = " ".join(PAGE_REFERENCE.sub("", text.strip()).split())
    return (
        0 < len(entry) <= _MAX_ENTRY_CHARS
        and len(entry.split()) <= _MAX_ENTRY_WORDS
        and not (ends_sentence(entry) and not entry.endswith("?"))
        and not entry.endswith((",", ";"))
        and not CONTENTS_TITLE.match(entry)
    )


def _entry_text(text: str) -> str:
    """Return an entry as printed, without its page number, final dot or list bullet ("* 1.1. Scope" -> "1.1. Scope")."""
    return _BULLET.sub("", " ".join(PAGE_REFERENCE.sub("", text.strip()).split())).rstrip(" .")


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _rebuild(blocks: list[Block], marked: dict[tuple[int, int], str]) -> list[Block]:
    out: list[Block] = []
    for b, block in enumerate(blocks):
        kept: list[str] = []
        for i, line in enumerate(block.lines):
            if (b, i) not in marked:
                kept.append(line)
                continue
            if kept:
                out.append(replace(block, lines=tuple(kept)))
                kept = []
            if marked[(b, i)]:
                out.append(Block(CONTENTS, (marked[(b, i)],)))
        if kept:
            out.append(replace(block, lines=tuple(kept)))
    return out
