"""Infer what kind of document a capture is, from its title and its shape.

Why this order: a title that names its genre ("FACT SHEET: …", "Remarks by …") is the strongest
signal; then the formal apparatus of a white paper (a contents list, a preface with Roman chapters,
an issuing body); then the marks of a signed commentary. A signed piece that closes with an author's
note ("The author is deputy director…") or sits under an "Opinion" label is an ``opinion``; everything
else is an ``article``. Editors can correct the kind in admin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Genre words in a title, first match wins: "FACT SHEET: Indo-Pacific Strategy", "Executive Order on …",
# "Quad Leaders' Joint Statement", "Remarks by National Security Advisor …", "Draft Security Treaty …".
_TITLE_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bfact\s+sheet\b", re.I), "fact_sheet"),
    (re.compile(r"\bexecutive\s+order\b", re.I), "executive_order"),
    (re.compile(r"\btreaty\b", re.I), "treaty"),
    (re.compile(r"\b(?:joint\s+)?statement\b|\bdeclaration\b|\bcommuniqu[eé]\b", re.I), "statement"),
    (re.compile(r"^(?:remarks|speech|address|keynote)\b|\b(?:remarks\s+(?:by|of)|speech\s+(?:by|at))\b", re.I), "speech"),
)

# Chapters a white paper needs besides its preface before its shape alone marks it.
_MIN_CHAPTERS = 2


@dataclass(frozen=True)
class Shape:
    """The facts about a parsed document that hint at its kind."""

    title: str
    has_contents: bool = False
    has_preface: bool = False
    roman_chapters: int = 0
    issuer: str = ""
    author_note: str = ""
    section_labels: tuple[str, ...] = ()


def infer_kind(shape: Shape) -> str:
    """Return the most likely kind (one of ``model.KINDS``) for a document of this shape."""
    for pattern, kind in _TITLE_CUES:
        if pattern.search(shape.title):
            return kind
    if shape.has_contents or shape.issuer or (shape.has_preface and shape.roman_chapters >= _MIN_CHAPTERS):
        return "white_paper"
    if shape.author_note or shape.section_labels:
        return "opinion"
    return "article"

