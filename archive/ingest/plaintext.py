"""Read a plain-text or reStructuredText file into the block stream, with the metadata its header states.

Plain text states its structure in a few shared conventions, and this reader keeps each as evidence on
the block: reStructuredText underlines ("adornment", ranked by order of first use as docutils ranks
them), headings printed at column 0 over an indented body as RFCs and old reports do ("outdent"), and
lone lines in capitals as constitutions and charters print their articles ("caps"). A PEP/RFC 822
header or an RST field list at the top becomes ``fields``; page furniture of paginated text (form
feeds, running headers and footers, "[Page N]") is removed and a paragraph cut by a page end joined.

Why not docutils: it builds a rendered tree, not lines as printed; it refuses or rewrites text that is
not reStructuredText (an RFC, a constitution) instead of leaving it alone; it halts on inconsistent
title levels and reports every Sphinx role or directive a PEP uses as an error. The conventions read
here are the few line shapes its specification defines, so they are read directly.
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from .blocks import CONTENTS, PARAGRAPH, Block, heading
from .contents import is_contents_line
from .paragraphs import ends_sentence

Fields = dict[str, str | list[str]]


@dataclass(frozen=True)
class TextReading:
    """The blocks of a text file in reading order, and the fields its leading header block states."""

    blocks: tuple[Block, ...]
    fields: Fields = field(default_factory=dict)


def text_blocks(text: str) -> TextReading:
    """Read decoded, normalised text (form feeds and indentation kept) into blocks and header fields."""
    raw = group_blocks(remove_page_furniture(text))
    raw, fields = _take_header(raw)
    if _is_restructured(raw):
        blocks = RstReader().read(raw)
    else:
        blocks = _read_plain(raw)
    return TextReading(tuple(blocks), fields)


# --- pages ------------------------------------------------------------------------------------------

# The page number a footer ends with in RFCs and memos: "Smith   Informational   [Page 5]", "[Page 12]".
_PAGE_MARK = re.compile(r"\[Page \d{1,4}\]$")
# A page number printed alone at a page edge: "- 12 -", "— 3 —", "12", "Page 3", "Page 3 of 40".
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?)$", re.I)
# A run of digits, so that "Memo 9 … [Page 7]" and "… [Page 8]" compare equal as "Memo # … [Page #]".
_DIGITS = re.compile(r"\d+")
_EDGE_LINES = 2  # a running header or footer takes at most this many lines at each page edge
_MIN_RUNNING = 3  # on fewer pages a repeated edge line may be chapter openings ("Chapter 1", "Chapter 2")


def remove_page_furniture(text: str) -> list[str]:
    """Return the lines of ``text`` without page breaks, running headers/footers and page numbers."""
    pages = split_pages(text)
    if len(pages) < 2:
        return pages[0]
    furniture = _running_lines(pages)
    lines: list[str] = []
    for number, page in enumerate(pages):
        body = _trim_page(page, furniture, top=number > 0)
        if not body:
            continue
        if lines and not _continues(lines[-1], body[0]):
            lines.append("")
        lines.extend(body)
    return lines


def split_pages(text: str) -> list[list[str]]:
    """Split ``text`` into pages of lines at form feeds, or failing those after "[Page N]" footers."""
    if "\f" in text:
        return [page.split("\n") for page in text.split("\f")]
    pages: list[list[str]] = [[]]
    for line in text.split("\n"):
        pages[-1].append(line)
        if _PAGE_MARK.search(line.strip()):
            pages.append([])
    return pages if len(pages) > 2 else [text.split("\n")]


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Return the digit-blind shapes of lines printed at the edges of many pages: running headers/footers."""
    counts: Counter[str] = Counter()
    for page in pages:
        filled = [line for line in page if line.strip()]
        counts.update({_shape(line) for line in filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]})
    least = max(_MIN_RUNNING, math.ceil(len(pages) / 3))  # a third: odd and even pages may differ
    return {shape for shape, count in counts.items() if count >= least}


def _shape(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()))


def _is_furniture(line: str, running: set[str]) -> bool:
    stripped = line.strip()
    return _shape(stripped) in running or bool(_PAGE_MARK.search(stripped) or _PAGE_NUMBER.match(stripped))


def _trim_page(page: list[str], running: set[str], top: bool) -> list[str]:
    """Return the page's lines without furniture at its edges and without blank lines around them.

    ``top`` is false for the first page, whose top carries the title block: a title repeated as the
    running header stays there once.
    """
    start, end = 0, len(page)
    for _ in range(_EDGE_LINES):
        start = _skip_blank(page, start, end, 1)
        if top and start < end and _is_furniture(page[start], running):
            start += 1
        end = _skip_blank(page, end - 1, start - 1, -1) + 1
        if end > start and _is_furniture(page[end - 1], running):
            end -= 1
    start = _skip_blank(page, start, end, 1)
    end = _skip_blank(page, end - 1, start - 1, -1) + 1
    return page[start:end]


def _skip_blank(lines: list[str], index: int, stop: int, step: int) -> int:
    while index != stop and not lines[index].strip():
        index += step
    return index


# A bulleted list item: "o  Foo", "-  Bar", "• Baz", "* Qux".
_BULLET = re.compile(r"^[-*+o•]\s")
# A line that opens a list item, which never continues the line before it: "o  Foo", "-  Bar", "2. Baz", "(a) Qux".
_ITEM_START = re.compile(r"^(?:[-*+o•]|\d{1,3}[.)]|\(?[a-z0-9]{1,3}\))\s")


def _continues(last: str, first: str) -> bool:
    """Tell whether the first line of a page continues the paragraph the previous page ended with."""
    if ends_sentence(last.strip()) or _ITEM_START.match(first.strip()):
        return False
    return _indent(first) >= _indent(last) and not _is_caps_line(first.strip())


# --- blocks -----------------------------------------------------------------------------------------

# A line of one repeated punctuation character: a reStructuredText adornment or transition, "=====", "----".
_RUN = re.compile(rf"^([{re.escape(string.punctuation)}])\1+$")
# A line repeating the previous non-blank line is capture debris (a headline printed twice at the top of a
# capture); only lines up to this long are dropped.
_MAX_DUPLICATE_LEN = 300


def group_blocks(lines: list[str]) -> list[list[str]]:
    """Split lines into blocks at blank lines, keeping indentation; drop a line repeating the previous one.

    The repeated line may stand across a blank line (a scraped title printed twice); adornment lines are
    exempt because an RST underline is legitimately followed by an identical overline.
    """
    blocks: list[list[str]] = []
    current: list[str] = []
    previous = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            if current:
                blocks.append(current)
                current = []
            continue
        if line == previous and len(line) <= _MAX_DUPLICATE_LEN and not _RUN.match(line):
            continue
        current.append(raw.rstrip())
        previous = line
    if current:
        blocks.append(current)
    return blocks


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


def _stripped(lines: list[str]) -> tuple[str, ...]:
    return tuple(line.strip() for line in lines)


# --- header -----------------------------------------------------------------------------------------

# A PEP / RFC 822 header line: "PEP: 999", "Title: Widget Protocol", "Post-History: 01-Jan-2020".
_MAIL_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9-]{0,30}):(?:\s+(.*))?$")
# An RST field list line: ":DEP: 0099", ":Author: Jane Doe", ":Implementation Team: Jane Doe, others".
_RST_FIELD = re.compile(r"^:([^:`\s][^:`]{0,40}):(?:\s+(.*))?$")
_AUTHOR_KEYS = frozenset({"author", "authors"})
_HEADER_BLOCKS = 3  # an overlined title, a subtitle and the field block, at most, open a document


def _take_header(raw: list[list[str]]) -> tuple[list[list[str]], Fields]:
    """Read a leading PEP/RFC 822 header or RST field list into fields; an overlined title stays a block."""
    fields: Fields = {}
    titles: list[str] = []  # a second overlined title straight after the first is its subtitle (docutils)
    for index, block in enumerate(raw[:_HEADER_BLOCKS]):
        adorned = _adornment(block)
        if adorned and adorned.overlined:
            titles.append(adorned.text)
            continue
        parsed = read_fields(block)
        if parsed is None:
            break
        fields.update(parsed)
        raw = raw[:index] + raw[index + 1:]
        break
    named = dict(zip(("title", "subtitle"), titles))
    return raw, {**named, **fields}


def read_fields(block: list[str]) -> Fields | None:
    """Return the fields of a header block ("Key: value" or ":Key: value" lines), or None if it is not one."""
    pattern = _RST_FIELD if block[0].startswith(":") else _MAIL_FIELD
    pairs: list[list[str]] = []
    for line in block:
        match = pattern.match(line)
        if match:
            pairs.append([match.group(1), match.group(2) or ""])
        elif pairs and line[:1] in " \t":
            pairs[-1][1] += "\n" + line.strip()
        else:
            return None
    if pattern is _MAIL_FIELD and len(pairs) < 2:
        return None  # one "Note: …" line opening a text is prose, not a header
    return {" ".join(key.lower().split()): _field_value(key, value) for key, value in pairs}


def _field_value(key: str, value: str) -> str | list[str]:
    if key.lower() in _AUTHOR_KEYS:
        return split_authors(value)
    return " ".join(value.split())


# Where one author ends and the next begins: a comma, semicolon or line end outside <…> and (…).
_AUTHOR_SEPARATOR = re.compile(r"[,;\n](?![^<]*>)(?![^(]*\))")
# The same where authors are separated by semicolons, so commas stay inside names: "Doe, Jane; Roe, Richard".
_SEMICOLON_SEPARATOR = re.compile(r"[;\n](?![^<]*>)(?![^(]*\))")
# An address in angle brackets: "Jane Doe <jane@example.org>" -> "Jane Doe".
_ANGLE_ADDRESS = re.compile(r"<[^>]*>")
# The older PEP form, address first and name in brackets: "jane@example.org (Jane Doe)" -> "Jane Doe".
_ADDRESS_THEN_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")


def split_authors(value: str) -> list[str]:
    """Split an Author value into names, dropping e-mail addresses.

    Why not ``email.utils.getaddresses``: it reads a bare name ("Jane Doe") as a broken address
    and returns "Jane"; PEP and docinfo author lists are names first.
    """
    separator = _SEMICOLON_SEPARATOR if ";" in value else _AUTHOR_SEPARATOR
    names = []
    for part in separator.split(value):
        part = " ".join(part.split())
        older = _ADDRESS_THEN_NAME.match(part)
        name = older.group(1) if older else " ".join(_ANGLE_ADDRESS.sub("", part).split())
        if name:
            names.append(name)
    return names


# --- reStructuredText -------------------------------------------------------------------------------

_SHORT_UNDERLINE = 4
"""An underline shorter than its title still counts from this many characters: docutils renders those
as sections (with a warning about the length), and below it a run is indistinguishable from a rule
("---"), an ellipsis ("...") or a dash ("--") printed under a line of text."""


class _Title(NamedTuple):
    """An RST section title: how many lines it takes, its style and its text."""

    lines: int
    overlined: bool
    char: str
    text: str


def _adornment(block: list[str]) -> _Title | None:
    """Return the section title the block opens with: a title line underlined (and maybe overlined)."""
    if len(block) >= 3 and _RUN.match(block[0]) and block[2] == block[0] and block[1].strip():
        title = block[1].strip()  # an overlined title may be inset: "=====" / "  Title  " / "====="
        if len(block[0]) >= len(title) and not _RUN.match(title):
            return _Title(3, True, block[0][0], title)
    if len(block) >= 2 and _RUN.match(block[1]) and block[0] == block[0].lstrip() and not _RUN.match(block[0]):
        title, line = block[0], block[1]
        if len(line) >= len(title) or len(line) >= _SHORT_UNDERLINE:
            return _Title(2, False, line[0], title)
    return None


def _is_restructured(raw: list[list[str]]) -> bool:
    """Tell whether the text uses reStructuredText markup: a section title or an explicit ".. name::"."""
    return any(_adornment(block) or _DIRECTIVE.match(block[0].strip()) for block in raw)


# A directive: ".. note::", ".. code-block:: python", ".. contents:: Table of Contents" -> name, argument.
_DIRECTIVE = re.compile(r"^\.\.\s+([A-Za-z][\w:+.-]*)::(?:\s+(.*))?$")
# A footnote or citation: ".. [2] A style guide", ".. [#note] Text" -> kept as "[2] A style guide".
_FOOTNOTE = re.compile(r"^\.\.\s+\[")
# A directive option right under its directive: ":depth: 3", ":local:", ":caption: Example".
_OPTION = re.compile(r"^:[\w -]+:(?:\s|$)")
# Directives whose whole output is generated, not written: a contents list, numbering, an index, an image.
_SILENT = frozenset({"contents", "sectnum", "section-numbering", "index", "toctree", "meta", "highlight",
                     "include", "raw", "image", "role", "default-role", "title", "header", "footer",
                     "target-notes", "tabularcolumns"})
# Directives whose content is code or a formula: kept as printed, never searched for headings.
_LITERAL = frozenset({"code", "code-block", "sourcecode", "literalinclude", "parsed-literal", "math", "productionlist",
                      "doctest", "testcode", "testoutput"})
# Directives whose argument is a path or a language, not text a reader sees.
_MACHINE_ARGUMENT = _LITERAL | {"figure"}

_BODY, _DROP, _LITERAL_TEXT = "body", "drop", "literal"


class RstReader:
    """Read reStructuredText blocks: titles ranked by style, directives and literal blocks by indentation.

    A directive, comment or "::" opens a context that covers every following block indented deeper than
    it; the contexts nest (a code block inside a note), so they are kept on a stack.
    """

    def __init__(self) -> None:
        self.styles: dict[tuple[str, bool], int] = {}
        self.stack: list[tuple[int, str]] = []
        self.out: list[Block] = []

    def read(self, raw: list[list[str]]) -> list[Block]:
        """Return the blocks of the given raw blocks (lines with their indentation)."""
        for block in raw:
            indent = _indent(block[0])
            while self.stack and indent <= self.stack[-1][0]:
                self.stack.pop()
            mode = self.stack[-1][1] if self.stack else _BODY
            if mode == _LITERAL_TEXT:
                self.out.append(Block(PARAGRAPH, _stripped(block), evidence="literal"))
            elif mode == _BODY:
                self._body_block(block, indent)
        return self.out

    def _body_block(self, block: list[str], indent: int) -> None:
        if block[0].lstrip().startswith(".."):
            self._explicit_markup(block, indent)
            return
        title = _adornment(block)
        if title:
            level = self.styles.setdefault((title.char, title.overlined), len(self.styles) + 1)
            self.out.append(heading(title.text, level, "adornment"))
            block = block[title.lines:]
        if len(block) == 1 and _RUN.match(block[0].strip()) and len(block[0].strip()) >= _SHORT_UNDERLINE:
            return  # a transition: a horizontal rule, no text
        if block:
            self._paragraph(block, indent)

    def _paragraph(self, block: list[str], indent: int) -> None:
        if _is_contents(block):
            self.out.extend(_contents_entries(block))
            return
        lines = list(_stripped(block))
        if lines[-1].endswith("::"):
            self.stack.append((indent, _LITERAL_TEXT))  # "Example::" then an indented literal block
            lines[-1] = _expand_literal_marker(lines[-1])
            lines = [line for line in lines if line]
        if lines:
            self.out.append(Block(PARAGRAPH, tuple(lines)))

    def _explicit_markup(self, block: list[str], indent: int) -> None:
        """Read ".." units: directives, targets, substitutions, footnotes and comments."""
        units: list[list[str]] = []
        for line in block:
            if not units or (_indent(line) <= indent and line.lstrip().startswith("..")):
                units.append([line])
            else:
                units[-1].append(line)
        for unit in units:
            self._unit(unit, indent, last=unit is units[-1])

    def _unit(self, unit: list[str], indent: int, last: bool) -> None:
        head = unit[0].strip()
        directive = _DIRECTIVE.match(head)
        if directive:
            self._directive(directive.group(1).lower(), directive.group(2) or "", unit[1:], indent, last)
        elif _FOOTNOTE.match(head):
            self.out.append(Block(PARAGRAPH, (head[2:].strip(), *_stripped(unit[1:]))))  # a footnote: "[2] Hartwig's…"
        elif not head.startswith("..") or head[2:3] not in ("", " "):
            self.out.append(Block(PARAGRAPH, _stripped(unit)))  # ".." glued to text is not markup
        elif last and not (head == ".." and len(unit) == 1):
            self.stack.append((indent, _DROP))  # a comment or target continues in deeper-indented blocks

    def _directive(self, name: str, argument: str, content: list[str], indent: int, last: bool) -> None:
        mode = _DROP if name in _SILENT else _LITERAL_TEXT if name in _LITERAL else _BODY
        while content and _OPTION.match(content[0].strip()):
            content = content[1:]
        lines: list[str] = [argument] if argument and name not in _MACHINE_ARGUMENT else []
        lines += _stripped(content)
        if mode != _DROP and lines:
            evidence = "literal" if mode == _LITERAL_TEXT else ""
            self.out.append(Block(PARAGRAPH, tuple(lines), evidence=evidence))
        if last:
            self.stack.append((indent, mode))


def _expand_literal_marker(line: str) -> str:
    """Print a paragraph's closing "::" as docutils does: "Example::" -> "Example:", "Example ::" -> "Example"."""
    if line == "::" or line.endswith(" ::"):
        return line[:-2].rstrip()
    return line[:-1]


# --- plain text -------------------------------------------------------------------------------------

# A centred heading: indented at least this far past the margin, its two margins equal within a share of the width.
_MIN_CENTRED_INDENT = 8
_CENTRED_TOLERANCE = 0.15
_MAX_CENTRED_WORDS = 12
# A section number opening a heading: "3.2.7.  Key Rotation", "12.4.1.1 Changes…", "A.1.  Sender",
# "Appendix B.  Test Vectors", "9 Appendices".
_NUMBERED = re.compile(r"^(?:(?:Appendix|Annex|Section|Chapter|Part)\s+)?(?:\d{1,3}|[A-Z])(?:\.\d{1,3})*\.?\s+\S")
# Marks of ASCII art and figures, not of headings: box drawing, "|" or "^" standing alone, "--", "->", "+--".
_ART = re.compile(r"[\u2500-\u257f]|--|->|<-|[=_~+*]{2,}|(?:^|\s)[|^v+*<>=](?:\s|$)")
# The section number of a numbered heading, as _NUMBERED reads it: "3.2.7. ", "Appendix B. ", "9 ".
_NUMBERED_LABEL = re.compile(r"^(?:(?:Appendix|Annex|Section|Chapter|Part)\s+)?(?:\d{1,3}|[A-Z])(?:\.\d{1,3})*\.?\s+")
_MAX_HEADING_CHARS = 100
_MAX_HEADING_WORDS = 15
_MAX_CAPS_WORDS = 12
_MIN_CAPS_HEADINGS = 3  # one line in capitals is a shouted title or a warning; three make a convention
_WIDTH_PERCENTILE = 0.95  # the right margin: most lines stop short of it, a few over-long ones pass it
_INDENTED_SHARE = 0.5  # above this share of indented lines, column 0 marks headings (RFCs, old reports)


@dataclass(frozen=True)
class _Layout:
    """What the whole text says about how its headings are set: indentation, width, capitals."""

    margin: int  # the indentation of the least indented lines: "column 0" of this text
    width: int  # the right margin lines wrap at
    outdent: bool  # the body is indented, so lines at the margin are headings (RFCs, old reports)
    caps: bool  # lone lines in capitals recur: they are headings (constitutions, charters)


def _read_plain(raw: list[list[str]]) -> list[Block]:
    """Read blocks of plain text: contents entries, outdented and capitalised headings, paragraphs."""
    layout = _layout(raw)
    blocks: list[Block] = []
    for block in raw:
        split = _outdented_heading(block, layout) if layout.outdent else None
        if _is_contents(block):
            blocks.extend(_contents_entries(block))
        elif split:
            blocks.append(heading(" ".join(_stripped(split[0])), 0, "outdent"))
            if split[1]:
                blocks.append(Block(PARAGRAPH, _stripped(split[1])))
        elif layout.caps and len(block) == 1 and _is_caps_line(block[0].strip()):
            blocks.append(heading(block[0], 0, "caps"))
        elif len(block) == 1 and not layout.outdent and _is_centred(block[0], layout):
            blocks.append(heading(block[0], 0, "centred"))
        else:
            blocks.append(Block(PARAGRAPH, _stripped(block)))
    return blocks


def _is_centred(line: str, layout: _Layout) -> bool:
    """Tell whether a lone line is a heading centred over the text, as licences and typed reports set them.

    "                    Preamble" over 70-column text is centred: its left margin is wide and about equal to
    the space left after it. A short line of words that ends no sentence.
    """
    text = line.expandtabs(8)
    left = _indent(text) - layout.margin
    right = layout.width - len(text.rstrip())
    words = line.split()
    return (
        layout.width > 0
        and left >= _MIN_CENTRED_INDENT
        and abs(left - right) <= _CENTRED_TOLERANCE * layout.width
        and 0 < len(words) <= _MAX_CENTRED_WORDS
        and next((ch for ch in line if ch.isalpha()), "a").isupper()
        and not ends_sentence(line.strip())
        and not line.rstrip().endswith((",", ";"))
    )


def _layout(raw: list[list[str]]) -> _Layout:
    lines = [line.expandtabs(8) for block in raw for line in block]
    if not lines:
        return _Layout(0, 0, False, False)
    margin = min(_indent(line) for line in lines)
    indented = sum(1 for line in lines if _indent(line) > margin) / len(lines) > _INDENTED_SHARE
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(len(lengths) * _WIDTH_PERCENTILE)]
    caps = sum(1 for block in raw if len(block) == 1 and _is_caps_line(block[0].strip())) >= _MIN_CAPS_HEADINGS
    return _Layout(margin, width, indented, caps and not indented)


def _outdented_heading(block: list[str], layout: _Layout) -> tuple[list[str], list[str]] | None:
    """Return (heading lines, the rest) if a block opens with a heading set at the margin of an indented body.

    A numbered heading may wrap onto an indented second line ("12.4.1.1 Changes to Simplify … Across" /
    "Servers"): only when its first line reaches the right margin; otherwise the indented lines under
    it are text printed directly below the heading.
    """
    first = block[0]
    if _indent(first) > layout.margin:
        return None
    if len(block) == 1:
        return (block, []) if _looks_like_heading(first.strip()) else None
    if not _NUMBERED.match(first) or any(_indent(line) <= layout.margin for line in block[1:]):
        return None
    if len(block) == 2 and _wraps(first, block[1], layout.width):
        joined = " ".join(_stripped(block))
        return (block, []) if _looks_like_heading(joined) else None
    return ([first], block[1:]) if _looks_like_heading(first.strip()) else None


def _wraps(line: str, next_line: str, width: int) -> bool:
    """Tell whether ``line`` ended only because the next word would have passed the right margin."""
    return len(line.expandtabs(8)) + 1 + len(next_line.split()[0]) > width


def _looks_like_heading(text: str) -> bool:
    """Tell whether a short line is a heading rather than a figure, a formula, a list item or a sentence."""
    if len(text) > _MAX_HEADING_CHARS or len(text.split()) > _MAX_HEADING_WORDS or _ART.search(text):
        return False
    if text[-1] in ",;" or text[0].islower() or ends_sentence(text) or _BULLET.match(text):
        return False
    words = _NUMBERED_LABEL.sub("", text)  # "5.1.2 Scope": the section number is not what must be words
    visible = [ch for ch in words if not ch.isspace()]
    letters = sum(ch.isalpha() for ch in visible)
    return letters >= 2 and letters + sum(ch.isdigit() for ch in visible) >= len(visible) / 2


def _is_caps_line(text: str) -> bool:
    """Tell whether a line is a short heading in capitals: "ARTICLE IV", "CHAPTER II", "SCHEDULE"."""
    if len(text.split()) > _MAX_CAPS_WORDS or any(ch.islower() for ch in text):
        return False
    letters = sum(ch.isupper() for ch in text)
    return letters >= 3 and letters > sum(ch.isdigit() for ch in text) and _looks_like_heading(text.rstrip("."))


def _is_contents_entry(line: str) -> bool:
    """Tell whether a line is a contents entry: a title, dot leaders, a page number ("1.1 Purpose.....7")."""
    return is_contents_line(line)


def _is_contents(block: list[str]) -> bool:
    entries = sum(1 for line in block if _is_contents_entry(line.strip()))
    return entries > 0 and entries * 2 >= len(block)


def _contents_entries(block: list[str]) -> list[Block]:
    """Return one CONTENTS block per entry; an entry wrapped over lines ends at its page number."""
    blocks: list[Block] = []
    pending: list[str] = []
    for line in _stripped(block):
        pending.append(line)
        if _is_contents_entry(line):
            blocks.append(Block(CONTENTS, (" ".join(pending),)))
            pending = []
    if pending:
        blocks.append(Block(PARAGRAPH, tuple(pending)))
    return blocks

