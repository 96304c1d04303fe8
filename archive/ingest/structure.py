"""Build the section tree from a document's paragraphs.

Why trust the document's own contents list: it names the real chapters, so a short numbered line in
the body cannot pose as one, and a chapter it lists that the capture lacks is reported as missing
instead of silently absent. Without a contents list a heading must look like one: a short line with
no sentence-final full stop, followed by text, and numbered in sequence ("I." then "II.", "1." then
"2."). "First, we should promote…" and long numbered sentences stay paragraphs. Nothing is dropped:
text before the first heading becomes an unlabelled leading section, and a document without headings
is one unlabelled section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import ContentsEntry, ParsedSection
from .paragraphs import ends_sentence

# "I. China's Policies and Positions on Asia-Pacific Security Cooperation" -> ("I", "China's Policies…").
_ROMAN = re.compile(r"^([IVXLC]{1,7})\.\s+(\S.*)$")
# "1. Concept of Common, Comprehensive, Cooperative and Sustainable Security" -> ("1", "Concept of…").
_ARABIC = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
# "ARTICLE I.", "Article 3 - Scope", "Chapter II: Security", "PART 2" -> ("ARTICLE I", "").
_DIVISION = re.compile(
    r"^((?i:article|section|chapter|part)\s+(?:[IVXLC]{1,7}|\d{1,3}))\.?(?:\s*[-—–:.]\s*|\s+|$)(.*)$"
)
# A Markdown heading: "### A Strategy for Worrying Times", "#### 1. Competing Interests and Priorities".
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)[\s#]*$")
# A chapter numbered with Chinese numerals and the enumeration comma: "一、过去五年的工作和新时代十年的伟大变革",
# "十五、坚定不移全面从严治党…" -> ("一", "过去五年…").
_CJK_CHAPTER = re.compile(r"^([〇零一二两三四五六七八九十百]{1,4})、\s*(\S.*)$")
# A subsection with its Chinese numeral in brackets, full- or half-width, usually with a run-in heading:
# "（一）构建高水平社会主义市场经济体制。坚持和完善社会主义基本经济制度…" -> ("一", "构建…。坚持…").
_CJK_BRACKETED = re.compile(r"^[（(]([〇零一二两三四五六七八九十百]{1,4})[）)]\s*(\S.*)$")
# Where a Chinese sentence or clause ends: "。", "！", "？", "；", and "，"/"：" inside a would-be heading.
_CJK_SENTENCE_END = re.compile(r"[。！？；]")
_CJK_CLAUSE_MARK = re.compile(r"[，：；]")
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "百": 100}
_MAX_CJK_HEADING_CHARS = 40  # "推进国家安全体系和能力现代化，坚决维护国家安全和社会稳定" has 28
_MAX_CJK_RUN_IN_CHARS = 30  # "坚持不懈用新时代中国特色社会主义思想凝心铸魂" has 22
# A contents list's own heading: "Contents", "Table of Contents", "CONTENTS".
_CONTENTS = re.compile(r"^(?:table\s+of\s+)?contents$", re.I)
# Dot leaders and page numbers after a contents entry: "Preface ........ 3".
_PAGE_NUMBER = re.compile(r"[\s.·…]+\d{1,4}$")
# Quote and dash variants folded when comparing a heading with its contents entry.
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

# Headings printed without a number, as top-level sections: "Preface", "Conclusion".
NAMED_SECTIONS = frozenset(
    "preface foreword introduction conclusion conclusions epilogue afterword postscript".split()
    + ["concluding remarks", "executive summary", "background", "summary", "recommendations"]
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_MAX_HEADING_CHARS = 150
_MAX_HEADING_WORDS = 20


@dataclass(frozen=True)
class Heading:
    """A recognised heading: its label as printed, its text, and its depth (1 = top level)."""

    label: str
    heading: str
    level: int
    numbering: str = ""  # "roman", "arabic", "division", "named", "markdown", "cjk" or "cjk_bracketed"
    rest: str = ""  # the text after a run-in heading: "（一）构建…体制。坚持…" -> "坚持…"


@dataclass(frozen=True)
class Structure:
    """The section tree and what the document's contents list says about it."""

    sections: tuple[ParsedSection, ...]
    contents: tuple[ContentsEntry, ...] = ()
    missing: tuple[ContentsEntry, ...] = ()


@dataclass
class _Node:
    label: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def freeze(self) -> ParsedSection:
        return ParsedSection(self.label, self.heading, tuple(self.paragraphs), tuple(c.freeze() for c in self.children))


def build_structure(paragraphs: list[str], markdown: bool = False) -> Structure:
    """Return the section tree of ``paragraphs``, using the document's contents list when it has one."""
    body, contents = split_contents(paragraphs)
    headings = _find_headings(body, contents, markdown)
    roots: list[_Node] = []
    stack: list[tuple[int, _Node]] = []
    for index, text in enumerate(body):
        found = headings.get(index)
        if found is None:
            if not stack:
                roots.append(_Node("", ""))
                stack.append((1, roots[-1]))
            stack[-1][1].paragraphs.append(text)
            continue
        node = _Node(found.label, found.heading, [found.rest] if found.rest else [])
        while stack and stack[-1][0] >= found.level:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(node)
        stack.append((found.level, node))
    if not roots:
        roots.append(_Node("", ""))
    seen = {_key(h.label, h.heading) for h in headings.values()}
    missing = tuple(e for e in contents if _key(e.label, e.heading) not in seen)
    return Structure(tuple(n.freeze() for n in roots), contents, missing)


def split_contents(paragraphs: list[str]) -> tuple[list[str], tuple[ContentsEntry, ...]]:
    """Remove a "Contents" list from ``paragraphs``; return (the other paragraphs, its entries)."""
    start = next((i for i, p in enumerate(paragraphs) if _CONTENTS.match(p)), None)
    if start is None:
        return paragraphs, ()
    entries: list[ContentsEntry] = []
    end = start + 1
    while end < len(paragraphs) and _entry_shaped(paragraphs[end]):
        entry = parse_heading_text(_PAGE_NUMBER.sub("", paragraphs[end]))
        if entries and _key(entry.label, entry.heading) == _key(entries[0].label, entries[0].heading):
            break  # the first entry again: the list is over and the text begins
        entries.append(entry)
        end += 1
    if not entries:
        return paragraphs, ()
    return paragraphs[:start] + paragraphs[end:], tuple(entries)


def parse_heading_text(text: str) -> ContentsEntry:
    """Split a heading line into its label as printed and its text: "II. China's…" -> ("II", "China's…")."""
    for pattern in (_DIVISION, _ROMAN, _ARABIC):
        match = pattern.match(text)
        if match:
            return ContentsEntry(match.group(1), match.group(2).strip())
    return ContentsEntry("", text.strip())


def _find_headings(body: list[str], contents: tuple[ContentsEntry, ...], markdown: bool) -> dict[int, Heading]:
    listed = {_key(e.label, e.heading) for e in contents} | {_key("", e.heading) for e in contents}
    md_levels = [len(m.group(1)) for p in body if markdown and (m := _MD_HEADING.match(p)) and m.group(2)]
    top_md = min(md_levels, default=1)
    headings: dict[int, Heading] = {}
    previous: dict[str, int] = {}  # the last number seen per numbering style, for sequence checks
    chapter = ""  # numbering of the current top-level heading
    for index, text in enumerate(body):
        is_last = index == len(body) - 1
        found = _markdown_heading(text, top_md) if markdown else None
        if found is None and not is_last:
            found = _cjk_heading(text, previous, chapter) or _plain_heading(text, listed, previous, chapter)
        if found is None:
            continue
        if found.numbering == "arabic" and chapter in ("roman", "division"):
            found = Heading(found.label, found.heading, 2, "arabic")
        elif found.numbering == "markdown" and not found.label and found.level == 1 and chapter in ("roman", "division"):
            found = Heading("", found.heading, 2, "markdown")  # "**Trusted Technology Leadership**" under "II."
        if found.level == 1:
            chapter = found.numbering
            previous.pop("arabic", None)  # subsections restart at 1 in each chapter
            previous.pop("cjk_bracketed", None)
        if found.numbering in ("roman", "arabic"):
            previous[found.numbering] = _number(found.label)
        elif found.numbering.startswith("cjk"):
            previous[found.numbering] = _cjk_number(found.label)
        headings[index] = found
    return headings


def _markdown_heading(text: str, top_level: int) -> Heading | None:
    match = _MD_HEADING.match(text)
    if not match or not match.group(2):
        return None
    entry = parse_heading_text(match.group(2))
    return Heading(entry.label, entry.heading, len(match.group(1)) - top_level + 1, "markdown")


def _plain_heading(text: str, listed: set[str], previous: dict[str, int], chapter: str) -> Heading | None:
    if text.endswith(":") and " ".join(text[:-1].casefold().split()) in NAMED_SECTIONS:
        return Heading("", text[:-1].strip(), 1, "named")  # "Background:" above a press release's notes
    if not _entry_shaped(text):
        return None
    entry = parse_heading_text(text)
    if listed:
        if _key(entry.label, entry.heading) in listed or (not entry.label and _key("", entry.heading) in listed):
            return Heading(entry.label, entry.heading, 1, _numbering(text, entry))
        if _numbering(text, entry) != "arabic" or chapter not in ("roman", "division", "named"):
            return None  # with a contents list, only subsections of a listed chapter are found by shape
    numbering = _numbering(text, entry)
    if numbering == "named":
        return Heading("", entry.heading, 1, numbering)
    if numbering in ("roman", "arabic") and _number(entry.label) not in (1, previous.get(numbering, 0) + 1):
        return None  # out of sequence: "7. …" with no "6." before it is a numbered paragraph
    if numbering in ("roman", "division", "arabic"):
        return Heading(entry.label, entry.heading, 1, numbering)
    return None


def _cjk_heading(text: str, previous: dict[str, int], chapter: str) -> Heading | None:
    """Recognise "一、标题" as a chapter and "（一）标题。正文…" as a subsection (a chapter without "一、" ones).

    A chapter heading is a short line with no full stop; a bracketed heading may run into its text, and
    then its first sentence is the heading if short and without commas. Numbers must follow in sequence,
    so "（三）" with no "（二）" before it, or a long enumerated sentence, stays a paragraph.
    """
    chapter_match = _CJK_CHAPTER.match(text)
    if chapter_match:
        label, heading = chapter_match.groups()
        if len(heading) > _MAX_CJK_HEADING_CHARS or _CJK_SENTENCE_END.search(heading):
            return None
        return _in_sequence(Heading(label, heading.strip(), 1, "cjk"), previous)
    bracketed = _CJK_BRACKETED.match(text)
    if not bracketed:
        return None
    label, body = bracketed.groups()
    level = 2 if chapter == "cjk" else 1
    end = _CJK_SENTENCE_END.search(body)
    if end is None:
        if len(body) > _MAX_CJK_HEADING_CHARS:
            return None
        return _in_sequence(Heading(label, body.strip(), level, "cjk_bracketed"), previous)
    heading, rest = body[: end.start()].strip(), body[end.end():].strip()
    if not heading or len(heading) > _MAX_CJK_RUN_IN_CHARS or _CJK_CLAUSE_MARK.search(heading):
        return None
    return _in_sequence(Heading(label, heading, level, "cjk_bracketed", rest), previous)


def _in_sequence(found: Heading, previous: dict[str, int]) -> Heading | None:
    number = _cjk_number(found.label)
    return found if number in (1, previous.get(found.numbering, 0) + 1) else None


def _cjk_number(label: str) -> int:
    """Read a Chinese numeral: "一" -> 1, "十" -> 10, "十五" -> 15, "二十一" -> 21, "一百零一" -> 101."""
    total = digit = 0
    for char in label:
        if char in _CJK_UNITS:
            total += (digit or 1) * _CJK_UNITS[char]
            digit = 0
        else:
            digit = _CJK_DIGITS.get(char, 0)
    return total + digit


def _numbering(text: str, entry: ContentsEntry) -> str:
    if _DIVISION.match(text):
        return "division"
    if entry.label and entry.label[0] in _ROMAN_VALUES and _ROMAN.match(text):
        return "roman"
    if entry.label:
        return "arabic"
    return "named" if " ".join(entry.heading.casefold().split()) in NAMED_SECTIONS else ""


def _entry_shaped(text: str) -> bool:
    """Tell whether ``text`` is short and unpunctuated enough to be a heading or a contents entry."""
    entry = parse_heading_text(text)
    words = entry.heading.split()
    return (
        0 < len(text) <= _MAX_HEADING_CHARS
        and len(words) <= _MAX_HEADING_WORDS
        and not (entry.heading and ends_sentence(entry.heading) and not entry.heading.endswith("?"))
        and not entry.heading.endswith((",", ";"))
    )


def _number(label: str) -> int:
    digits = label.split()[-1] if label else ""
    if digits.isdigit():
        return int(digits)
    total = 0
    for char, following in zip(digits, digits[1:] + " "):
        value = _ROMAN_VALUES.get(char, 0)
        total += -value if value < _ROMAN_VALUES.get(following, 0) else value
    return total


def _key(label: str, heading: str) -> str:
    return f"{label.casefold()}|{' '.join(heading.translate(_FOLD).casefold().split()).rstrip('.:')}"
