"""Build the section tree from a document's blocks, the same way for every format.

Which blocks are headings is ``headings``' job. How deep each sits: a decimal label says it outright (4.2.11
is three levels deep), as does a PDF bookmark; other headings are ranked the reStructuredText way, by order of
first appearance of their style — a style first seen under a numbered heading nests in it, one first seen under
an unnumbered heading (a preface, a preamble) sits beside it. Headings the format set alike (all ``<h3>``, all
capitals) are siblings unless their division words say otherwise (a Part holds Divisions holds sections).

Nothing is dropped: text before the first heading is an unlabelled leading section, a document without headings
is one unlabelled section, and the contents list's entries the body lacks are reported as missing (a partial
capture).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import CONTENTS, Block
from .contents import entries_of
from .headings import Heading, entry_key, family, find_headings
from .model import ContentsEntry, ParsedSection
from .numbering import (
    APPENDIX,
    CJK,
    CJK_BRACKETED,
    CJK_DIVISION,
    CJK_DIVISION_TIERS,
    DECIMAL,
    DIVISION,
    DIVISION_TIERS,
    PAREN,
    PAREN_TIER,
    Label,
)

_LEADING = 0  # the rank of the unlabelled section holding the text before the first heading


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
    label_scheme: str = ""

    def freeze(self) -> ParsedSection:
        children = tuple(c.freeze() for c in self.children)
        return ParsedSection(self.label, self.heading, tuple(self.paragraphs), children, self.label_scheme if self.label else "")


def build_structure(blocks: list[Block]) -> Structure:
    """Return the section tree of ``blocks``, using the document's contents list when it has one."""
    contents = entries_of(blocks)
    body = [b for b in blocks if b.kind != CONTENTS]
    headings = find_headings(body, contents)
    ranks = rank_headings(headings)
    titles = {index + 1 for index, found in headings.items() if found.titled_by_next}
    roots: list[_Node] = []
    stack: list[tuple[int, _Node]] = []
    for index, block in enumerate(body):
        found = headings.get(index)
        if index in titles:
            continue
        if found is None:
            if not stack:
                roots.append(_Node("", ""))
                stack.append((_LEADING, roots[-1]))
            stack[-1][1].paragraphs.append(block.text)
            continue
        node = _Node(found.label.label, found.label.text, [found.rest] if found.rest else [], label_scheme=found.label.scheme)
        rank = ranks[index]
        while stack and (stack[-1][0] >= rank or stack[-1][0] == _LEADING):
            stack.pop()
        (stack[-1][1].children if stack else roots).append(node)
        stack.append((rank, node))
    if not roots:
        roots.append(_Node("", ""))
    seen = {entry_key(h.label.label, h.label.text) for h in headings.values()} | {entry_key("", h.label.text) for h in headings.values()}
    missing = tuple(e for e in contents if entry_key(e.label, e.heading) not in seen)
    return Structure(tuple(n.freeze() for n in roots), contents, missing)


def rank_headings(headings: dict[int, Heading]) -> dict[int, int]:
    """Return each heading's depth (1 = top level) by the rules in the module docstring."""
    ranking = _Ranking()
    ranks: dict[int, int] = {}
    for index in sorted(headings):
        found = headings[index]
        rank = ranking.rank(found)
        while ranking.stack and ranking.stack[-1][0] >= rank:
            ranking.stack.pop()
        ranking.stack.append((rank, found))
        ranks[index] = rank
    return ranks


class _Ranking:
    """What ranking has learnt so far: each family's offset, the outermost division tier per family, what is open."""

    def __init__(self) -> None:
        self.offsets: dict[str, int] = {}
        self.tiers: dict[str, int] = {}
        self.stack: list[tuple[int, Heading]] = []

    def rank(self, found: Heading) -> int:
        """Return the rank of the next heading, learning its family's offset on first sight."""
        if found.absolute:
            return found.order
        sibling = _numbered_sibling(found, self.stack)
        if sibling is not None:
            return sibling  # "II." continues an open "I.", however differently the format set the two
        if found.family == "named":
            return 1
        if found.family == APPENDIX:  # an appendix sits beside the chapters: "Appendix A" beside "9."
            return self.offsets.get(DECIMAL, 0) + 1
        if found.family not in self.offsets:
            first = _first_rank(found, self.stack)
            # Decimal depth counts from 1 whatever level appears first ("1.1" before any "1"); a format's
            # levels are relative ("###" may be a document's top level).
            self.offsets[found.family] = first - (1 if found.family == DECIMAL and _beside(self.stack) else found.order)
        rank = max(1, found.order + self.offsets[found.family])
        lead = _numbered_lead(found, self.stack)
        if lead is not None:
            return lead + 1  # "**Shared Research Facilities**" under "**II. Fields of Work**"
        tier = _tier(found.label)
        if not tier:
            return rank
        if found.label.scheme == DIVISION:  # headings set alike (all <h3>) nest by their words: Part > Division
            rank += max(0, tier - self.tiers.setdefault(found.family, tier))
        for open_rank, open_heading in self.stack:
            if _tradition(open_heading.label) != _tradition(found.label) or not _tier(open_heading.label):
                continue
            if _tier(open_heading.label) < tier:
                rank = max(rank, open_rank + 1)  # an article opened under a section sits in it
            elif _tier(open_heading.label) > tier:
                rank = min(rank, open_rank)  # a part closes the enumerated chapters open before it
        return rank


def _numbered_lead(found: Heading, stack: list[tuple[int, Heading]]) -> int | None:
    """Return the rank of the open numbered heading an unnumbered one set in the same unranked style belongs to.

    Where a format marks headings without ranking them (bold lines, class names), a numbered heading ("II. Fields
    of Work") holds the unnumbered ones after it; unnumbered ones before any number stay beside (a preamble).
    """
    if found.label.label or found.level or not found.evidence or family(found.label) == "named":
        return None
    for rank, open_heading in reversed(stack):
        if open_heading.family == found.family and open_heading.label.label:
            return rank
    return None


def _numbered_sibling(found: Heading, stack: list[tuple[int, Heading]]) -> int | None:
    """Return the rank of an open heading that ``found``'s number follows in the same scheme ("I." for "II.")."""
    label = found.label
    if not label.number or label.scheme == DECIMAL:
        return None
    for rank, open_heading in reversed(stack):
        other = open_heading.label
        if other.scheme == label.scheme and other.word == label.word and other.number:
            return rank if label.number[0] == other.number[0] + 1 else None
    return None


def _beside(stack: list[tuple[int, Heading]]) -> bool:
    """Tell whether a new family sits beside what is open (nothing, or an unnumbered heading) rather than in it."""
    return not stack or not stack[-1][1].label.label


def _first_rank(found: Heading, stack: list[tuple[int, Heading]]) -> int:
    """Return the rank of the first heading of a family: where the format puts it, else by what is open.

    A style first seen under a numbered heading nests in it; under an unnumbered one (a preface) it sits
    beside it. Where the format ranks both ("####" under "###"), the format decides.
    """
    if found.level:
        for rank, open_heading in reversed(stack):
            if open_heading.evidence == found.evidence and open_heading.level:
                if open_heading.level < found.level:
                    return rank + 1
                if open_heading.level == found.level:
                    return rank
    if not stack:
        return 1
    rank, top = stack[-1]
    return rank + 1 if top.label.label else rank


def _tier(label: Label) -> int:
    """Return where a label's division sits in its tradition's order (0 when it has no place): Part above section."""
    if label.scheme == CJK_DIVISION:
        return CJK_DIVISION_TIERS.get(label.word, 0)
    if label.scheme in (CJK, CJK_BRACKETED):
        return CJK_DIVISION_TIERS[label.scheme]
    if label.scheme == DIVISION:
        return DIVISION_TIERS.get(label.word, 0)
    if label.scheme == PAREN:
        return PAREN_TIER
    return 0


def _tradition(label: Label) -> str:
    """Return the tradition whose division order a label follows: Chinese, or the Latin "Part … § … (a)"."""
    if label.scheme in (CJK, CJK_BRACKETED, CJK_DIVISION):
        return "cjk"
    return "latin" if label.scheme in (DIVISION, PAREN) else label.scheme
