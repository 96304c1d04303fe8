"""Infer what kind of document a capture is, from its title and its shape.

Why this order: a title that names its genre ("FACT SHEET: …", "Remarks by …") is the strongest
signal; then the words an instrument or a joint statement opens with ("hereinafter referred to as the
Participants", "We, the leaders of…"), a release label above the text ("Media Release"), a party as
publisher (an election policy), and a text that calls itself a report ("This brief addresses…"); then
the formal apparatus of a white paper (a contents list, a preface with Roman chapters, an issuing
body); then the marks of a signed commentary: a closing author's note ("The author is deputy
director…"), an "Opinion" label, or a headline that argues ("…must close trust gaps"). Everything
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
    # "Submission to Cabinet", "Paper by East Asia Section for …", "Report of the Working Group".
    (re.compile(r"^(?:submission|(?:policy\s+)?paper\s+(?:by|on|for)|report\s+(?:of|by|on)|memorandum)\b", re.I), "report"),
    # Chinese genre words: "新时代的中国国防" is no cue, but "《新时代的中国国防》白皮书", "中美联合声明",
    # "在庆祝中国共产党成立100周年大会上的讲话", "中美建交公报", "2023年政府工作报告" are.
    (re.compile(r"白皮书"), "white_paper"),
    (re.compile(r"条约|协定"), "treaty"),
    (re.compile(r"声明|公报|宣言"), "statement"),
    (re.compile(r"讲话|致辞|演讲"), "speech"),
    (re.compile(r"报告"), "report"),
)
# A Chinese subtitle naming the genre, first in the opening: "——在中国共产党第二十次全国代表大会上的报告",
# "——在庆祝中国共产党成立100周年大会上的讲话" (the dash-led line under a title says what the text is).
_GENRE_LINE = re.compile(r"^[—–-]*\s*[^\s。！？]{1,60}?(报告|讲话|致辞|演讲)(?=\s|$)")
_GENRE_KINDS = {"报告": "report", "讲话": "speech", "致辞": "speech", "演讲": "speech"}

# The opening words of an instrument: "(hereinafter referred to collectively as the “Participants”)",
# "The Parties to this Treaty, Reaffirming…", "Have agreed as follows:", "Have reached the following recognition:".
_INSTRUMENT = re.compile(
    r"\bhereinafter\s+referred\s+to\b|^the\s+(?:high\s+contracting\s+)?parties\s+to\s+this\b"
    r"|\bha(?:ve|s)\s+(?:agreed|reached\s+the\s+following)\b",
    re.I | re.M,
)
# A joint statement speaking for its signatories: "We, the leaders of Japan, …", "We, Prime Minister Kishida…".
_JOINT_VOICE = re.compile(r"^We,\s+(?:the\s+)?[A-Z]")
# A release label printed above the text: "Department of Defence Media Release", "Press Release", "Joint Statement".
_RELEASE_LABEL = re.compile(r"\b(?:media|press|news)\s+release\b|\bstatement\b", re.I)
# A text calling itself a report: "This brief addresses…", "This chapter traces…", "this report assesses",
# "现在，我代表第十九届中央委员会向大会作报告" ("I now make a report to the congress").
_SELF_REPORT = re.compile(
    r"\bthis\s+(?:report|brief|chapter|study|working\s+paper|policy\s+paper)\b|向[^，。！？\s]{1,20}作[^，。！？\s]{0,6}报告",
    re.I,
)
# A headline that argues rather than reports: "China and Asean must close trust gaps", "Why X should …".
_ARGUING_TITLE = re.compile(r"\b(?:must|should|ought\s+to|needs\s+to|time\s+to)\b", re.I)
# A headline that reports what someone argued: "…, says minister", "PM urges…" (a news report, not an opinion).
_REPORTED = re.compile(r"\b(?:says?|said|urges?|warns?|calls?\s+for)\b", re.I)
# A political party as publisher: an election policy, neither a government paper nor a plain statement.
_PARTY = re.compile(r"\bParty\b|\bCoalition\b")

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
    opening: str = ""  # the first paragraphs (and standfirst) of the body
    publisher: str = ""


def infer_kind(shape: Shape) -> str:
    """Return the most likely kind (one of ``model.KINDS``) for a document of this shape."""
    for pattern, kind in _TITLE_CUES:
        if pattern.search(shape.title):
            return kind
    genre = _GENRE_LINE.match(shape.opening.strip())
    if genre:
        return _GENRE_KINDS[genre.group(1)]
    if _INSTRUMENT.search(shape.opening):
        return "treaty"
    if _JOINT_VOICE.match(shape.opening.strip()) or any(_RELEASE_LABEL.search(label) for label in shape.section_labels):
        return "statement"
    if _PARTY.search(shape.publisher):
        return "other"
    if _SELF_REPORT.search(shape.opening):
        return "report"
    if shape.has_contents or shape.issuer or (shape.has_preface and shape.roman_chapters >= _MIN_CHAPTERS):
        return "white_paper"
    if shape.author_note or shape.section_labels:
        return "opinion"
    if _ARGUING_TITLE.search(shape.title) and not _REPORTED.search(shape.title):
        return "opinion"
    return "article"

