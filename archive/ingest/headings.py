"""Tell which of a document's blocks are headings, whatever its format.

Those the format marked (a tag, "##", an underline, a bookmark, a font) are headings unless their text is
something else set large (a caption, a cover date, a note, a title carried over a page). Paragraphs are
headings when they follow a numbering scheme in sequence and are shaped like a heading (short, no
sentence-final full stop, or a short title closed by one): "7." with no "6." before it, or a long numbered
sentence, stays a paragraph. Entries of the document's own contents list are headings wherever the body
prints them. Run-in divisions ("SECTION. 1. All legislative Powers…", "第一条　为了…") are headings with an
empty heading and their text as a first paragraph. Points a line ending in a colon announces, and points
following each other with no text between, are a list, not subsections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .blocks import HEADING, LIST_ITEM, LITERAL, PARAGRAPH, Block
from .contents import CAPTION
from .dates import parse_date
from .model import ContentsEntry
from .numbering import (
    APPENDIX,
    APPENDIX_LETTERS,
    CJK,
    CJK_BRACKETED,
    CJK_DIVISION,
    DECIMAL,
    DIVISION,
    FULLWIDTH,
    LETTER,
    PAREN,
    ROMAN,
    UNNUMBERED,
    Label,
    read_label,
)
from .paragraphs import ends_sentence

# Headings printed without a number that open or close a document: "Preface", "Conclusion", "Abstract".
NAMED_SECTIONS = frozenset(
    "preface foreword introduction conclusion conclusions epilogue afterword postscript abstract preamble "
    "acknowledgements acknowledgments references glossary bibliography".split()
    + ["concluding remarks", "executive summary", "background", "summary", "recommendations"]
)
# Where a Chinese sentence or clause ends: "。", "！", "？", "；".
_CJK_SENTENCE_END = re.compile(r"[。！？；]")
_CJK_CLAUSE_MARK = re.compile(r"[，：；]")
# A Chinese, Japanese or Korean character.
_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Quote and dash variants folded when comparing a heading with its contents entry.
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
# Divisions whose number may run into their text ("SECTION. 4. The Harbour Board…", "第一条　为了…"): the
# separator after the label must be a full stop, a colon, an ideographic space or a dash, never a plain space
# ("Article 3 shall apply" is a sentence).
_RUN_IN_SEPARATOR = re.compile(r"^\s*(?:[.:—–]|\u3000)|^\s{2,}")
_RUN_IN_WORDS = frozenset({"section", "sect", "sec", "article", "art", "§", "条", "款"})

# A reference note set like a heading: "(OJ L 304, 22.11.2011, p. 64)", "(Text with EEA relevance)".
_BRACKETED_NOTE = re.compile(r"\([^()]*\)")
# A sentence end inside a line, followed by the next sentence: "needs. Research".
_INNER_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z])")
# Evidence a reader inferred from typography rather than read from markup: weighed by the text's shape too.
_GUESSED_EVIDENCE = frozenset({"font", "bold", "caps", "outdent"})
_MIN_SPACED_LETTERS = 4
# A heading or table title carried over a page: "COMPLIANCE COSTS—Continued", "Table 2 (continued)".
_CONTINUED = re.compile(r"(?:[—–-]\s*|\(\s*)continued\)?$", re.I)
# A chapter's number in a contents list: "1", "12" (not "1.2" or "A.1").
_CHAPTER_NUMBER = re.compile(r"\d{1,3}")
# Points that a line ending in a colon announces as a list: "(a)", "A.", "（一）".
_ITEM_SCHEMES = frozenset({PAREN, LETTER, CJK_BRACKETED})
# How a line announcing a list ends: "…the following:", "…如下各项：".
_ANNOUNCING = (":", "：")
_MIN_LIST_ITEMS = 3
_MAX_FULL_STOP_TITLE_WORDS = 10
# Words a title leaves in lower case: "Interpretation of Sections 15 and 16".
_MINOR_WORDS = frozenset("with from into onto upon over under than that this these those their about".split())
_MIN_NUMBERED_PARAGRAPHS = 5
_MIN_NUMBERED_SECTIONS = 3
# Evidence read from type alone: a larger or bolder font.
_TYPESET_EVIDENCE = frozenset({"font", "bold"})
_MAX_GROUPING_WORDS = 12
_MAX_HEADING_CHARS = 150
_MAX_HEADING_WORDS = 20
_MAX_FORMAT_HEADING_CHARS = 300
_MAX_CJK_HEADING_CHARS = 60
_MAX_CJK_RUN_IN_CHARS = 30  # "坚持绿色发展理念推动海洋渔业高质量发展" has 19
# Format evidence that marks a heading without giving its rank; such headings are weighed by shape too.
_WEAK_EVIDENCE = frozenset({"bold", "caps", "outdent"})
# Evidence that ranks on one scale: a Markdown "###" sits under a setext "---" heading (level 2).
_EVIDENCE_FAMILIES = {"atx": "markdown", "setext": "markdown"}


@dataclass(frozen=True)
class Heading:
    """A recognised heading: its label, its text, and what the tree builder knows of its place."""

    label: Label
    family: str  # headings of one family are ranked against each other ("decimal", "atx", "division:article"…)
    order: int = 0  # the rank within its family: decimal depth, a tag's or bookmark's level; 0 when unordered
    rest: str = ""  # the text after a run-in heading: "第一条　为了…" -> "为了…"
    absolute: bool = False  # a bookmark's level is the rank itself
    evidence: str = ""  # the block's format evidence, if the format marked it ("atx", "tag"…)
    level: int = 0  # the block's format level, 0 when the format gave none
    titled_by_next: bool = False  # a label alone ("Annex") whose title is the next block, not a paragraph


def find_headings(body: list[Block], contents: tuple[ContentsEntry, ...] = ()) -> dict[int, Heading]:
    """Return the headings among ``body``'s blocks by index, with label-only headings joined to their title line."""
    listed = {entry_key(e.label, e.heading) for e in contents} | {entry_key("", e.heading) for e in contents if e.heading}
    sequence = _Sequence(chapters_listed=any(_CHAPTER_NUMBER.fullmatch(e.label) for e in contents))
    numbered = sum(1 for b in body if b.kind in (PARAGRAPH, LIST_ITEM) and read_label(b.text).scheme == DECIMAL)
    headings: dict[int, Heading] = {}
    skip: set[int] = set()
    enumeration = ""  # the scheme of the items a line ending in a colon announced ("…as follows:" / "(a) …")
    for index, block in enumerate(body):
        if index in skip:
            continue
        is_last = index == len(body) - 1
        found = _format_heading(block) or _shape_heading(block, listed, sequence, bool(contents))
        if found is not None and not found.evidence and found.label.scheme in _ITEM_SCHEMES:
            if index and body[index - 1].text.endswith(_ANNOUNCING):
                enumeration = found.label.scheme
            if found.label.scheme == enumeration:
                continue  # an item of the list the line before announced, not a subsection
        elif found is not None:
            enumeration = ""
        if found is None and _heads_numbered_paragraphs(body, index, numbered):
            found = Heading(Label("", block.text), "grouping")
        if found is None or (is_last and block.kind != HEADING and not found.rest):
            continue  # a heading-shaped last line closes the text; a run-in division carries its own
        if not found.label.text and not found.rest and found.label.label and index + 1 < len(body):
            title = _title_line(body[index + 1])
            if title:  # "Annex" / "Harbour Declaration on Fisheries…", "CHAPTER I" / "General provisions"
                found = replace(found, label=replace(found.label, text=title), titled_by_next=True)
                skip.add(index + 1)
        sequence.accept(found.label)
        headings[index] = found
    return _without_typeset_lead_ins(_without_bare_lists(headings))


def _without_bare_lists(headings: dict[int, Heading]) -> dict[int, Heading]:
    """Drop runs of bracketed or lettered points that follow each other with no text between: a list.

    "(一)推进装置" / "(二)控制装置" / "(三)导航装置" name items; a subsection opens text. Found by shape only.
    """
    dropped: set[int] = set()
    run: list[int] = []
    for index in [*sorted(headings), -1]:
        found = headings.get(index)
        item = found is not None and not found.evidence and not found.rest and found.label.scheme in _ITEM_SCHEMES
        if run and not (item and index == run[-1] + 1 and found.label.scheme == headings[run[0]].label.scheme):
            if len(run) >= _MIN_LIST_ITEMS:
                dropped.update(run)
            run = []
        if item:
            run.append(index)
    return {i: h for i, h in headings.items() if i not in dropped}


def _without_typeset_lead_ins(headings: dict[int, Heading]) -> dict[int, Heading]:
    """Drop unnumbered lines set in a heading's type between a document's numbered sections.

    Where sections are numbered ("2.2 Assessment Levels"), an unnumbered line in a large or bold
    font inside them ("Level 1: Initial", "Oversight of fishing quotas") is a run-in lead or a term, not a
    section; front matter before the first numbered section and back matter after the last stay.
    """
    numbered = [i for i, h in headings.items() if h.family == DECIMAL]
    if len(numbered) < _MIN_NUMBERED_SECTIONS:
        return headings
    first, last = min(numbered), max(numbered)
    return {
        i: h for i, h in headings.items()
        if not (first < i < last and h.evidence in _TYPESET_EVIDENCE and not h.label.label and h.family != "named")
    }


def _format_heading(block: Block) -> Heading | None:
    """Return the heading a block's format marked, if its text can be a heading."""
    if block.kind != HEADING:
        return None
    text = block.text
    if not text or len(text) > _MAX_FORMAT_HEADING_CHARS or _is_not_a_section(text):
        return None
    label = read_label(text)
    if block.evidence in _WEAK_EVIDENCE and not _heading_shaped(label):
        return None
    if block.evidence in _GUESSED_EVIDENCE and _reads_as_clause(label.text, case=False):
        return None  # a footnote set in a smaller font: "3 Some of the terms used in…"
    if label.scheme == FULLWIDTH:
        label = Label("", text)
    evidence = {"evidence": _EVIDENCE_FAMILIES.get(block.evidence, block.evidence), "level": block.level}
    if block.evidence == "outline":
        return Heading(label, "outline", block.level, absolute=True, **evidence)
    if label.scheme == DECIMAL:
        return Heading(label, DECIMAL, label.depth, **evidence)
    if label.scheme == APPENDIX:
        return Heading(label, APPENDIX, **evidence)
    return Heading(label, f"format:{evidence['evidence']}", block.level, **evidence)


def _shape_heading(block: Block, listed: set[str], sequence: _Sequence, has_contents: bool) -> Heading | None:
    """Return the heading a paragraph is by its numbering and shape, or None."""
    if block.kind not in (PARAGRAPH, LIST_ITEM) or block.evidence == LITERAL:
        return None
    text = block.text
    label = read_label(text)
    if listed and (entry_key(label.label, label.text) in listed or entry_key("", text) in listed):
        return Heading(label, family(label), label.depth if label.scheme == DECIMAL else 0)
    if label.scheme == UNNUMBERED:
        folded = " ".join(text.rstrip(":").casefold().split())
        if folded in NAMED_SECTIONS and (not text.endswith(":") or len(text) < 40) and not has_contents:
            return Heading(Label("", text.rstrip(":").strip()), "named")
        return None
    if label.scheme in (FULLWIDTH,) or not sequence.follows(label):
        return None
    if label.scheme in (CJK, CJK_BRACKETED):
        return _cjk_heading(label, sequence.continues(label))
    run_in = _run_in(text, label)
    if run_in is not None:
        return run_in
    if not _heading_shaped(label):
        if _titled_with_full_stop(label.text):
            label = replace(label, text=label.text[:-1])  # "0. Definitions."
        else:
            return None if has_contents else _run_in_caption(label)
    if _reads_as_clause(label.text):
        return None
    if has_contents and (label.scheme != DECIMAL or (len(label.number) == 1 and sequence.chapters_listed)):
        return None  # the contents list names the chapters; only their numbered subsections are found by shape
    return Heading(label, family(label), label.depth if label.scheme == DECIMAL else 0)


def _is_not_a_section(text: str) -> bool:
    """Tell whether a line set as a heading is something else: a bracketed note, a caption, a date, spaced letters.

    "(OJ L 304, 22.11.2011, p. 64)", "Table C-2: Summary of open findings", "May 2019" on a cover and
    "f i s h e r i e s   r e v i e w" are printed large or bold, but open no section; nor does a heading
    carried over a page ("COMPLIANCE COSTS—Continued").
    """
    words = text.split()
    return bool(
        _BRACKETED_NOTE.fullmatch(text)
        or _CONTINUED.search(text)
        or CAPTION.match(text)
        or parse_date(text)
        or (len(words) >= _MIN_SPACED_LETTERS and sum(len(w) == 1 for w in words) > 0.8 * len(words))
    )


def _heads_numbered_paragraphs(body: list[Block], index: int, numbered: int) -> bool:
    """Tell whether a short unnumbered line titles the numbered paragraphs that follow it.

    Resolutions, declarations and reports of numbered paragraphs group them under plain lines: "Fisheries
    management" above "13. Encourages…", "Follow-up" above "41. We commit…". Only in a text of several
    numbered paragraphs, and only right above one.
    """
    block = body[index]
    if numbered < _MIN_NUMBERED_PARAGRAPHS or block.kind != PARAGRAPH or index + 1 >= len(body):
        return False
    following = body[index + 1]
    label = read_label(block.text)
    return (
        label.scheme == UNNUMBERED
        and not _is_not_a_section(block.text)
        and following.kind in (PARAGRAPH, LIST_ITEM)
        and read_label(following.text).scheme == DECIMAL
        and len(block.text.split()) <= _MAX_GROUPING_WORDS
        and block.text[:1].isupper()
        and not block.text.endswith((":", ",", ";"))
        and _heading_shaped(label)
    )


def _run_in(text: str, label: Label) -> Heading | None:
    """Return a run-in division ("SECTION. 4. The Harbour Board…") as a heading with an empty text, or None."""
    if label.word not in _RUN_IN_WORDS or not label.text:
        return None
    if _heading_shaped(label) and label.scheme != CJK_DIVISION:
        return None  # "Article 5 Conditions for licensing" is captioned; a Chinese 条 never is
    after = text[len(label.label):]
    if label.word in ("条", "款") or _RUN_IN_SEPARATOR.match(after):
        return Heading(Label(label.label, "", label.scheme, label.number, label.word), family(label), 0, label.text)
    return None


def _cjk_heading(label: Label, continues: bool) -> Heading | None:
    """Return "一、标题" or "（一）标题。正文…" as a heading; a run-in heading's first sentence is its text.

    A chapter that is one sentence ("十二、本规定自发布之日起施行。") is a chapter with an empty heading when
    it continues the chapters before it; starting a count, it is an enumerated sentence.
    """
    end = _CJK_SENTENCE_END.search(label.text)
    if end is None:  # a heading alone on its line is a short phrase: "（三）基本原则", not "（一）…系统，它…"
        if label.scheme == CJK_BRACKETED and _CJK_CLAUSE_MARK.search(label.text):
            return None
        return Heading(label, family(label))
    if label.scheme == CJK:  # a chapter is never captioned run-in; a sentence continuing the chapters is one
        return Heading(replace(label, text=""), family(label), 0, label.text) if continues else None
    heading, rest = label.text[: end.start()].strip(), label.text[end.end():].strip()
    if end.group() == "；" or not heading or len(heading) > _MAX_CJK_RUN_IN_CHARS or _CJK_CLAUSE_MARK.search(heading):
        return None  # "（一）沿海省、自治区、直辖市；" is an item of an enumeration
    return Heading(Label(label.label, heading, label.scheme, label.number), family(label), 0, rest)


def _title_line(block: Block) -> str:
    """Return the text of a block that can be the title under a label-only heading ("Annex" / its title)."""
    if block.kind not in (HEADING, PARAGRAPH):
        return ""
    label = read_label(block.text)
    if label.scheme != UNNUMBERED or not _heading_shaped(label):
        return ""
    return block.text


def _heading_shaped(label: Label) -> bool:
    """Tell whether a label's text is short and unpunctuated enough to be a heading."""
    text = label.text
    if _CJK_CHAR.search(text):
        return len(text) <= _MAX_CJK_HEADING_CHARS and not _CJK_SENTENCE_END.search(text[:-1] if text else text) and not text.endswith(("。", "；"))
    return (
        len(text) <= _MAX_HEADING_CHARS
        and len(text.split()) <= _MAX_HEADING_WORDS
        and not (text and ends_sentence(text) and not text.endswith("?"))
        and not text.endswith((",", ";"))
    )


def _run_in_caption(label: Label) -> Heading | None:
    """Return a numbered paragraph opening with a short title as a heading with that title and the rest as text.

    "2. Grant of Licence. Subject to the terms of…" is section 2, "Grant of Licence"; "2. The Parties will consult.
    Each shall…" opens with a sentence, not a title.
    """
    first = _INNER_SENTENCE_END.search(label.text)
    if first is None or not _titled_with_full_stop(label.text[: first.start() + 1]):
        return None
    title, rest = label.text[: first.start()], label.text[first.end():].strip()
    return Heading(replace(label, text=title), family(label), label.depth if label.scheme == DECIMAL else 0, rest)


def _titled_with_full_stop(text: str) -> bool:
    """Tell whether a numbered line is a short title closed by a full stop, as licences and statutes print them.

    "0. Definitions.", "3. Protecting Users' Legal Rights From Anti-Circumvention Law." are headings; "7. The
    Parties will consult." is a sentence: its words are not capitalised as a title's are.
    """
    if not text.endswith(".") or text.endswith("..") or ends_sentence(text[:-1]):
        return False
    words = text[:-1].split()
    if not 0 < len(words) <= _MAX_FULL_STOP_TITLE_WORDS or _INNER_SENTENCE_END.search(text[:-1]):
        return False
    content = [w for w in words if len(w) > 3 and w[:1].isalpha() and w.casefold() not in _MINOR_WORDS]
    return bool(content) and all(w[:1].isupper() for w in content)


def _reads_as_clause(text: str, case: bool = True) -> bool:
    """Tell whether a numbered line is a clause or a list item, not a heading.

    "(a) the conduct of…; and" starts in lower case (``case``: a heading the format marked may, "3.2.2 http
    URL"); "1. Know your audience. Talk to the people…" holds a whole sentence before more text.
    """
    first = next((c for c in text if c.isalpha()), "")
    if (case and first.islower()) or ";" in text:
        return True
    return any(ends_sentence(text[: m.start() + 1]) for m in _INNER_SENTENCE_END.finditer(text))


def family(label: Label) -> str:
    """Name the family a heading is ranked in by its label alone: "decimal", "division:article", "named"…"""
    if label.scheme == DECIMAL:
        return DECIMAL
    if label.scheme in (DIVISION, CJK_DIVISION):
        return f"division:{label.word}"
    if label.scheme == UNNUMBERED and " ".join(label.text.casefold().split()) in NAMED_SECTIONS:
        return "named"
    return label.scheme or "unnumbered"


class _Sequence:
    """The numbers seen so far per scheme, to tell "7." after "6." (a heading) from a stray numbered line."""

    def __init__(self, chapters_listed: bool = False) -> None:
        self.decimal: dict[int, tuple[int, ...]] = {}
        self.last: dict[str, int] = {}
        self.chapters_listed = chapters_listed  # the contents list names the numbered chapters ("1", "2"…)

    def follows(self, label: Label) -> bool:
        """Tell whether ``label`` continues its scheme's sequence (or starts one at 0 or 1)."""
        if label.scheme == DECIMAL:
            depth = label.depth
            number = label.number[:depth]  # "1.0" is chapter 1
            if depth == 1:
                previous = self.decimal.get(1)
                return number[0] in (0, 1) or (previous is not None and number[0] == previous[0] + 1)
            parent, previous = self.decimal.get(depth - 1), self.decimal.get(depth)
            return (number[-1] == 1 and parent == number[:-1]) or (
                previous is not None and previous[:-1] == number[:-1] and number[-1] == previous[-1] + 1
            )
        if not label.number:
            return label.scheme == APPENDIX
        key = f"{label.scheme}:{label.word}"
        previous = self.last.get(key)
        value = label.number[0] % APPENDIX_LETTERS  # "Appendix A" starts a count as "Appendix 1" does
        return value in (0, 1) or (previous is not None and value in (previous, previous + 1))

    def continues(self, label: Label) -> bool:
        """Tell whether ``label`` is the number after the last one of its scheme (not the start of a count)."""
        previous = self.last.get(f"{label.scheme}:{label.word}")
        return bool(label.number) and previous is not None and label.number[0] == previous + 1

    def accept(self, label: Label) -> None:
        """Record ``label`` as the latest heading of its scheme; deeper decimal levels restart."""
        if label.scheme == DECIMAL or (label.scheme == APPENDIX and label.number and label.number[0] > APPENDIX_LETTERS):
            depth = label.depth if label.scheme == DECIMAL else 1  # "Appendix B" opens the count of "B.1"
            self.decimal[depth] = label.number[:depth]
            for deeper in [d for d in self.decimal if d > depth]:
                del self.decimal[deeper]
            return
        if label.number:
            self.last[f"{label.scheme}:{label.word}"] = label.number[0] % APPENDIX_LETTERS
        if label.scheme == CJK:
            self.last.pop(f"{CJK_BRACKETED}:", None)  # （一） restarts in each chapter
        if label.scheme in (ROMAN, DIVISION, CJK_DIVISION) and label.word not in _RUN_IN_WORDS:
            self.decimal.clear()  # "1." restarts in each chapter
            for key in [k for k in self.last if k.startswith((f"{DIVISION}:section", f"{PAREN}:", f"{LETTER}:"))]:
                del self.last[key]


def entry_key(label: str, heading: str) -> str:
    """Fold a label and heading so a contents entry and the heading the body prints compare equal."""
    return f"{label.casefold().rstrip('.')}|{' '.join(heading.translate(_FOLD).casefold().split()).rstrip('.:')}"

