"""Infer what kind of document a capture is, from its header, its title and its shape.

Why this order: a formal header names the series outright ("Request for Comments: 9876", "Category:
Standards Track", "Resolution adopted by the General Assembly on …", "50 CFR Part 17") and comes first;
then a title that names its genre ("FACT SHEET: …", "Remarks by …", "Fisheries Act 1994", "Regulation (EU)
2019/1150 …", "…条例", "Open Data Standard", "National Water Strategy"); then a proposal
series' own type (a PEP that is not on the standards track is a process document: ``other``); then the
words a text of a kind opens with: an organ's name over a resolution ("The General Assembly,"), normative
language ("This section is normative", "MUST"), an enacting formula ("Be it enacted", "HAVE ADOPTED THIS
REGULATION", "do ordain and establish this Constitution") or articles ("ARTICLE I", "第一条"), a speech's
salutation ("My fellow citizens"); then the words an instrument or a joint statement opens with
("hereinafter referred to as the Participants", "We, the leaders of…"), a release label above the text
("Media Release"), a party as publisher (an election policy), and a text that calls itself a report ("This
brief examines…"); then the formal apparatus of a white paper (a contents list, a preface with Roman
chapters, a government body as issuer); then the marks of a signed commentary: a closing author's note
("The author is a senior fellow…"), an "Opinion" label, or a headline that argues ("…must share the
catch"). Everything else is an ``article``. Editors can correct the kind in admin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Genre words in a title, first match wins: "FACT SHEET: Coastal Resilience Partnership", "Executive Order on …",
# "Pacific Leaders' Joint Statement", "Remarks by Secretary of Commerce …", "Draft Fisheries Treaty …".
_TITLE_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bfact\s+sheet\b", re.I), "fact_sheet"),
    (re.compile(r"\bexecutive\s+order\b", re.I), "executive_order"),
    (re.compile(r"\btreaty\b", re.I), "treaty"),
    (re.compile(r"\b(?:joint\s+)?statement\b|\bdeclaration\b|\bcommuniqu[eé]\b", re.I), "statement"),
    (re.compile(r"^(?:remarks|speech|address|keynote)\b|\b(?:remarks\s+(?:by|of)|speech\s+(?:by|at))\b", re.I), "speech"),
    # "Submission to the Minister", "Paper by Pacific Section for …", "Report of the Working Group".
    (re.compile(r"^(?:submission|(?:policy\s+)?paper\s+(?:by|on|for)|report\s+(?:of|by|on)|memorandum)\b", re.I), "report"),
    # Chinese genre words: "中国的海洋渔业" is no cue, but "《中国的海洋渔业》白皮书", "中法联合声明",
    # "在全国渔业工作会议上的讲话", "中法建交公报", "2019年政府工作报告" are.
    (re.compile(r"白皮书"), "white_paper"),
    (re.compile(r"条约|协定"), "treaty"),
    (re.compile(r"声明|公报|宣言"), "statement"),
    (re.compile(r"讲话|致辞|演讲"), "speech"),
    (re.compile(r"报告"), "report"),
)
# A Chinese subtitle naming the genre, first in the opening: "——在全省渔业工作会议上的报告",
# "——在全国海洋工作会议上的讲话" (the dash-led line under a title says what the text is).
_GENRE_LINE = re.compile(r"^[—–-]*\s*[^\s。！？]{1,60}?(报告|讲话|致辞|演讲)(?=\s|$)")
_GENRE_KINDS = {"报告": "report", "讲话": "speech", "致辞": "speech", "演讲": "speech"}

# The opening words of an instrument: "(hereinafter referred to as “the Parties”)",
# "The Parties to this Treaty, Recalling…", "Have agreed as follows:", "Have reached the following understanding:".
_INSTRUMENT = re.compile(
    r"\bhereinafter\s+referred\s+to\b|^the\s+(?:high\s+contracting\s+)?parties\s+to\s+this\b"
    r"|\bha(?:ve|s)\s+(?:agreed|reached\s+the\s+following)\b",
    re.I | re.M,
)
# A joint statement speaking for its signatories: "We, the leaders of Norway, …", "We, Prime Minister Halvorsen…".
_JOINT_VOICE = re.compile(r"^We,\s+(?:the\s+)?[A-Z]")
# A release label printed above the text: "Ministry of Fisheries Media Release", "Press Release", "Joint Statement".
_RELEASE_LABEL = re.compile(r"\b(?:media|press|news)\s+release\b|\bstatement\b", re.I)
# A text calling itself a report: "This brief examines…", "This chapter reviews…", "this report assesses",
# "现在，我代表省人民政府向大会作报告" ("I now make a report to the assembly").
_SELF_REPORT = re.compile(
    r"\bthis\s+(?:report|brief|chapter|study|working\s+paper|policy\s+paper)\b|向[^，。！？\s]{1,20}作[^，。！？\s]{0,6}报告",
    re.I,
)
# A headline that argues rather than reports: "Ports and fleets must share the catch", "Why X should …".
_ARGUING_TITLE = re.compile(r"\b(?:must|should|ought\s+to|needs\s+to|time\s+to)\b", re.I)
# A headline that reports what someone argued: "…, says minister", "PM urges…" (a news report, not an opinion).
_REPORTED = re.compile(r"\b(?:says?|said|urges?|warns?|calls?\s+for)\b", re.I)
# A political party as publisher: an election policy, neither a government paper nor a plain statement.
_PARTY = re.compile(r"\bParty\b|\bCoalition\b")
# Header lines (``Shape.cues``) that name a series or genre, first match wins: "Resolution adopted by the General
# Assembly on 9 December 2024", "symbol: A/RES/78/121"; "Request for Comments: 9876", "Category: Standards Track",
# "NIST Special Publication 800-555"; "50 CFR Part 17", "Proposed Rules", "ACTION: Final rule.".
_HEADER_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:Resolution|Decision)\s+adopted\s+by\b|^resolution\s+\d|\b[A-Z]/RES/\d", re.I), "resolution"),
    (re.compile(r"^(?:Request\s+for\s+Comments|Internet-Draft|W3C\s)|Standards\s+Track|\bSpecial\s+Publication\b", re.I),
     "standard"),
    (re.compile(r"\bCFR\s+Parts?\b|^(?:Proposed\s+Rules|Rules\s+and\s+Regulations)$|^\d{4}\s+CHAPTER\s+\d+$"
                r"|^ACTION:\s*(?:(?:Interim\s+)?final\s+rule|proposed\s+rule|notice\s+of\s+proposed\s+rulemaking)", re.I),
     "legislation"),
)
# Titles that name an instrument or a standard: "Fisheries Act 1994", "Civil Rights Act of 1964", "Regulation (EU)
# 2019/1150 of …", "Directive 2011/83/EU of …", "The Constitution of …", "中华人民共和国…条例", "…的规定", "…法";
# "Open Data Standard", "Framework for Managing …", "Style Guide for C Code", "… Guidelines".
_INSTRUMENT_TITLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(
        r"\bAct\s+(?:of\s+)?\d{4}\b|^(?:(?:Council|Commission)\s+)?(?:(?:Implementing|Delegated)\s+)?"
        r"(?:Regulation|Directive|Decision)\s+(?:\([A-Z]{2,8}\)\s+)?"
        r"(?:No\s+)?\d{2,4}/\d+|^(?:The\s+)?Constitution\b|\bConstitution\s+of\s+(?:the\s+)?[A-Z]"
        r"|(?:宪法|法|条例|规定|办法|细则|规则)(?:（[^）]*）)?$"
    ), "legislation"),
    (re.compile(r"\bStandards?$|^Framework\s+for\b|\bStyle\s+Guide\b|\bGuidelines\b|\bSpecification\b"
                r"|^(?:ISO(?:/IEC)?|IEC|IEEE(?:\s+Std)?|ANSI|BS|EN|DIN|ETSI\s+[A-Z]{2})\s+\d"), "standard"),
    (re.compile(r"\b(?:Inaugural|Farewell|Commencement|State\s+of\s+the\s+Union)\s+Address\b"), "speech"),
)
# A title naming a government strategy: "National Water Strategy", "…海洋强国战略的意见", "…发展规划"; a plan
# ("Digital Economy Action Plan", "…行动计划") when a body issued it.
_STRATEGY_TITLE = re.compile(r"\bStrateg(?:y|ies)\b|战略|规划")
_PLAN_TITLE = re.compile(r"\bPlan\b|计划")
# The series field of an enhancement proposal: "pep: 9999", "dep: 0012" (a process or informational one is ``other``).
_PROPOSAL = re.compile(r"^(?:pep|dep|kep|jep|bip|eip|rfc)\s*:\s*\d", re.I)
# Openings of a kind, first match wins: a resolution under its organ ("The General Assembly,"); normative language
# ("This section is normative.", "… MUST NOT …"); an enacting formula or articles ("Be it enacted", "HAVE ADOPTED THIS
# REGULATION:", "do ordain and establish this Constitution", "ARTICLE I", "Article 1", "第一条"); a speech's
# salutation ("My fellow citizens,", "Ladies and gentlemen,", "同志们、朋友们：").
_OPENINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^The\s+(?:General\s+Assembly|Security\s+Council|[A-Z][\w ]{2,40}?\s+Council|Conference\s+of\s+the\s+"
                r"Parties)\s*,?\s*$", re.M), "resolution"),
    (re.compile(r"\b(?:is|are)\s+normative\b|\b(?:MUST|SHALL)(?:\s+NOT)?\b.*\b(?:MUST|SHALL|SHOULD)(?:\s+NOT)?\b",
                re.S), "standard"),
    (re.compile(r"\bBe\s+it\s+enacted\b|\bHA(?:VE|S)\s+ADOPTED\s+TH(?:IS|E\s+PRESENT)\s+[A-Z]+|\bordain\s+and\s+establish\b"
                r"|\bhereby\s+enact(?:s|ed)?\b|^(?:ARTICLE|Article)\s+(?:[IVXLC]+|\d+)\.?\s*$|^第[一二三四五六七八九十]+条", re.M),
     "legislation"),
    (re.compile(r"^(?:My\s+)?(?:fellow\s+(?:citizens|Americans|countrymen)|Ladies\s+and\s+gentlemen|Mr\.?\s+President"
                r"|Excellenc(?:y|ies)|Distinguished\s+guests|Dear\s+(?:friends|colleagues))\b|^同志们、朋友们", re.I | re.M),
     "speech"),
)

# An issuing body of a government, whose papers are white papers: "State Council Information Office", "Ministry of
# Defence", "Department of Foreign Affairs" (a standards body or a community issues other kinds).
_GOVERNMENT_BODY = re.compile(r"\b(?:Information\s+Office|Ministry|Department|State\s+Council|Government|Cabinet)\b|国务院|部$")

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
    cues: tuple[str, ...] = ()  # header lines naming the series or genre (``metadata.Header.cues``)
    authors: tuple[str, ...] = ()
    headings: int = 0  # how many headings the section tree has


# A news story rarely has this many headings; guidance, manuals and plans do.
_MIN_DOCUMENT_HEADINGS = 5


def infer_kind(shape: Shape) -> str:
    """Return the most likely kind (one of ``model.KINDS``) for a document of this shape."""
    return _formal_kind(shape) or _genre_kind(shape)


def _formal_kind(shape: Shape) -> str:
    """Return the kind a header, a title or an opening names by a convention of that kind, else ""."""
    for pattern, kind in _HEADER_CUES:
        if any(pattern.search(cue) for cue in shape.cues):
            return kind
    for pattern, kind in _TITLE_CUES + _INSTRUMENT_TITLES:
        if pattern.search(shape.title):
            return kind
    signed = shape.authors or shape.author_note or shape.section_labels
    issued_plan = _PLAN_TITLE.search(shape.title) and shape.issuer
    if (_STRATEGY_TITLE.search(shape.title) or issued_plan) and not signed:
        return "strategy"  # a strategy a government issues; a signed piece about one is commentary
    if any(_PROPOSAL.match(cue) for cue in shape.cues):
        return "other"
    opening = shape.opening.strip()
    for pattern, kind in _OPENINGS:
        if pattern.search(opening):
            return kind
    return ""


def _genre_kind(shape: Shape) -> str:
    """Return the kind the genre marks of the text suggest, ``article`` when none does."""
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
    has_chapters = shape.has_preface and shape.roman_chapters >= _MIN_CHAPTERS
    if _GOVERNMENT_BODY.search(shape.issuer) or has_chapters:
        return "white_paper"  # a contents list alone makes a manual or a report as much as a white paper
    if shape.author_note or shape.section_labels:
        return "opinion"
    if _ARGUING_TITLE.search(shape.title) and not _REPORTED.search(shape.title):
        return "opinion"
    if shape.headings >= _MIN_DOCUMENT_HEADINGS and not (shape.authors or shape.publisher):
        return "other"  # a text of many sections that nobody signs and no outlet publishes is no news story
    return "article"

