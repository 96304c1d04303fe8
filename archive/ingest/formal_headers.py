"""Recognise the formal headers that whole families of documents print above their text.

Why conventions and not guesses from layout: standards bodies, the United Nations, official gazettes and Chinese
legislation each print a fixed header that names the issuer, the date and the series in fixed places (an RFC's
two-column first page, a UN resolution's masthead and "Resolution adopted by the General Assembly on …", the
Federal Register's agency block, "1994年7月5日 国务院发布" under a Chinese title). Read by their convention these
lines give exact metadata; read as ordinary lines they become titles and bylines by mistake.

These lines belong to the header and are consumed with it; statements on a cover or first page that stay in the
body ("AGENCY: …", "This compilation was prepared on …") are read by ``cover``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .byline import initialled_name
from .dates import dates_only, find_dates, parse_date
from .model import PartialDate


@dataclass(frozen=True)
class Facts:
    """What one formal header line (or an RFC header block) says about the document."""

    authors: tuple[str, ...] = ()
    issuer: str = ""
    organ: str = ""  # an organ of the body in the masthead: "General Assembly" under "United Nations"
    publisher: str = ""
    dates: tuple[PartialDate, ...] = ()  # dates printed for the text itself
    versions: tuple[PartialDate, ...] = ()  # dates of acts on the text (adopted, amended, compiled): the latest is its date
    cues: tuple[str, ...] = ()  # lines that name the document's genre or series ("Category: Standards Track")
    title: str = ""


# A left-column field of an RFC or Internet-Draft first page, with the values it takes, so that what follows on the
# same line is the right column: "Request for Comments: 9876", "Obsoletes: 4101, 5210", "Category: Standards
# Track", "ISSN: 2070-1721", "Intended status: Informational", "Expires: 3 March 2019", "Internet-Draft".
_RFC_FIELD = re.compile(
    r"^(?:(?:Request\s+for\s+Comments|Obsoletes|Updates|BCP|STD|FYI|Replaces):\s*(?:RFCs?\s*)?\d+(?:,\s*(?:RFC\s*)?\d+)*"
    r"|(?:Category|Intended\s+status):\s*(?:Standards\s+Track|Informational|Experimental|Best\s+Current\s+Practice"
    r"|Historic|Proposed\s+Standard)"
    r"|ISSN:\s*\d{4}-\d{3}[\dX]|Expires:\s*(?:[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
    r"|Internet-Draft)(?=\s|$)",
    re.I,
)
# The fields that make a block an RFC header: "Request for Comments: 9876", "Internet-Draft".
_RFC_MARK = re.compile(r"^(?:Request\s+for\s+Comments:\s*\d+|Internet-Draft)\b", re.I)
# Two columns kept apart by a run of spaces, when a reader kept the layout: "Network Working Group      D. Hallam".
_COLUMN_GAP = re.compile(r"\S(\s{3,}|\t+|\s\|\s)\S")

# The masthead of a United Nations document: "United Nations".
_UN_MASTHEAD = re.compile(r"^United Nations$")
# The issuing organ beside the distribution mark: "General Assembly Distr.: General 9 December 2024".
_UN_DISTRIBUTION = re.compile(r"^(?P<organ>[A-Z][\w ]*?)?\s*Distr\.?:\s*(?:General|Limited|Restricted)\b(?P<rest>.*)$")
# The session and agenda line: "Seventy-eighth session Agenda item 17 (a) Macroeconomic policy questions…",
# "Seventy-ninth session", "Agenda item 41".
_UN_SESSION = re.compile(
    r"^(?:[A-Z][a-z]+(?:-[a-z]+)?(?:st|nd|rd|th)|\d{1,3}(?:st|nd|rd|th))\s+(?:(?:regular|special|emergency)\s+)*session"
    r"(?:\s+Agenda\s+items?\s+\d.*)?$|^Agenda\s+items?\s+\d"
)
# The adoption line: "Resolution adopted by the General Assembly on 9 December 2024", "Adopted by the Security Council
# at its 9479th meeting, on 15 November 2023".
_UN_ADOPTED = re.compile(
    r"^(?:(?:Resolution|Decision)\s+)?adopted\s+by\s+the\s+(?P<organ>[A-Z][\w ]+?)(?:\s+at\s+its\s+[^,]+)?,?\s+on\s+"
    r"(?P<date>.+?)\.?$",
    re.I,
)
# A resolution's symbol or number line: "S/RES/2712 (2023)", "Resolution 2712 (2023)", "A/RES/78/121".
_RESOLUTION_SYMBOL = re.compile(r"^(?:[A-Z]{1,2}/RES/[\d/]+(?:\s*\(\d{4}\))?|Resolution\s+\d{1,5}\s*\(\d{4}\))$")
# The committee reference under it: "[without reference to a Main Committee (A/78/L.33)]", "[on the report of the Second
# Committee (A/78/411, para. 9)]".
_UN_REFERENCE = re.compile(r"^\[(?:without\s+reference\s+to|on\s+the\s+report\s+of)\b.*\]$", re.I)
# A resolution's number and title: "78/121. Strengthening coordination of emergency …", "77/182. Oceans and the law of the sea …".
_RESOLUTION_TITLE = re.compile(r"^(?P<number>\d{1,3}/\d{1,4})\.\s+(?P<title>\S.*)$")

# The Federal Register masthead, alone or as its running header: "Federal Register", "Federal Register / Vol. 84,
# No. 97 / Monday, May 20, 2019 / Rules and Regulations".
_GAZETTE_MASTHEAD = re.compile(
    r"^(?P<name>Federal Register)(?:\s*/\s*Vol\.\s*\d+,\s*No\.\s*\d+\s*/\s*(?P<date>[^/]+?)\s*/\s*(?P<section>.+))?$"
)
# A gazette's volume and issue: "Vol. 84, No. 97".
_GAZETTE_ISSUE = re.compile(r"^Vol\.\s*\d+,\s*No\.\s*\d+$")
# The sections of a gazette issue: "Proposed Rules", "Rules and Regulations", "Presidential Documents".
_GAZETTE_SECTION = re.compile(r"^(?:Proposed\s+Rules|Rules\s+and\s+Regulations|Presidential\s+Documents)$")
# The gazette's note on its section: "This section of the FEDERAL REGISTER contains notices to the public of …".
_GAZETTE_NOTE = re.compile(r"^This\s+section\s+of\s+the\s+FEDERAL\s+REGISTER\s+contains\b")
# A citation of the code a rule amends: "50 CFR Part 17", "40 CFR Parts 52 and 81".
_CODE_CITATION = re.compile(r"^\d{1,2}\s+CFR\s+(?:Parts?|Chapter)\s+[\w ,]+$")
# Docket and regulation identifiers: "[Docket No. FWS–2019–0042; Unit …]", "RIN 1018–BD12", "[FR Doc. …]",
# "BILLING CODE 4333–15–P".
_DOCKET = re.compile(r"^\[(?:Docket|FR\s+Doc|EPA-|Release\s+No)\b.*\]$|^RIN\s+\d{4}[-–]\w{4}$|^BILLING\s+CODE\s+[\d–-]+\w?$")
# A numbered act's chapter line under its title: "2018 CHAPTER 12" (an Act of the UK Parliament), "No. 119, 1988".
_ACT_NUMBER = re.compile(r"^\d{4}\s+CHAPTER\s+\d+$|^No\.\s*\d+,\s*\d{4}$")
# A Chinese official document's number: "国发〔2018〕12号", "中发〔2018〕1号".
_CN_DOCUMENT_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号$")
# Issuing bodies alone on a line under a Chinese title: "中共中央 国务院", "国务院办公厅", "最高人民法院".
_CN_ORGAN = r"[^\s，。、《》（）：]{0,20}(?:中央|国务院|法院|检察院|委员会|常委会|部|局|署|厅|办公室|政府|银行)"
_CN_ORGANS_LINE = re.compile(rf"^{_CN_ORGAN}(?:[\s、]+{_CN_ORGAN}){{0,3}}$")

# An official journal's masthead, alone or as the header row of its page: "Official Journal of the European Union",
# "7.9.2018 | EN | Official Journal of the European Union | L 226/3".
_JOURNAL = re.compile(
    r"^(?:[^|]{0,30}\|\s*)*(?P<name>Official\s+(?:Journal|Gazette)\s+of\s+(?:the\s+)?[A-Z][\w ]+?)(?:\s*\|.*)?$"
)
# A consolidated legal text's identifier line: "02011L0083 — EN — 28.05.2022 — 003.001" (CELEX number, language, date
# of the consolidation).
_CONSOLIDATION = re.compile(r"^0\d{4}[A-Z]\d{4}\s*[—–-]\s*[A-Z]{2}\s*[—–-]\s*(?P<date>\d{1,2}\.\d{1,2}\.\d{4})\b")

# A numbered series line above a title: "NIST Special Publication 800-555", "Technical Report No. 12",
# "Working Paper 2019-03", "NISTIR 8286".
_SERIES = re.compile(
    r"^(?:[A-Z]{2,8}\s+)?(?:Special\s+Publication|Technical\s+(?:Report|Note)|Interagency\s+(?:or\s+Internal\s+)?Report"
    r"|Working\s+Paper|Discussion\s+Paper|Occasional\s+Paper|Research\s+Report|Policy\s+Brief)\s+(?:No\.\s*)?"
    r"[\w.-]*\d[\w.-]*$|^[A-Z]{2,6}IR\s+\d+[\w.-]*$"
)
# A standards body's status line: "W3C Recommendation 21 May 2024", "W3C Working Draft, 3 March 2025".
_STANDARD_STATUS = re.compile(
    r"^W3C\s+(?:Candidate\s+|Proposed\s+)?(?:Recommendation|Working\s+Draft|Working\s+Group\s+Note|Statement)\b(?=[\s,]|$)"
)
# A version line under a title, perhaps with its date: "Version 1.1", "Revision 2", "Version 4, 12 March 2009".
_VERSION = re.compile(r"^(?:Version|Revision|Rev\.|Release)\s+\d+(?:\.\d+)*[a-z]?(?:,\s*(?P<date>[^,]{4,40}))?$", re.I)

# What a Chinese issuance line says was done: adopted (通过), issued (发布, 印发, 颁布), promulgated (公布),
# in force (施行), amended (修正, 修订), approved (批准).
_CN_ACT = "通过|发布|公布|施行|印发|颁布|修正|修订|批准"
# Ordinals and sessions around an issuing body: "第五届" (5th), "第五次会议" (5th session), "第1587次会议",
# "令第215号" (decree No. 215), "公告" (announcement).
_CN_SESSION = re.compile(r"第[\d一二三四五六七八九十百零〇]+(?:届|次会议|号)|令$|公告$|会议$")
# The state's name in front of a body: "中华人民共和国国务院" -> "国务院".
_CN_STATE = re.compile(r"^中华人民共和国")

_MAX_RFC_HEADER_LINES = 30


def rfc_header(lines: Sequence[str]) -> Facts | None:
    """Read an RFC or Internet-Draft first-page header: the stream at top left, fields below it, authors with their
    organisations and the date in the right column. None when ``lines`` are not such a header."""
    lines = [line.strip() for line in lines if line.strip()]
    if not lines or len(lines) > _MAX_RFC_HEADER_LINES or not any(_RFC_MARK.match(l) for l in lines[:4]):
        return None
    stream, right = _split_columns(lines[0], first=True)
    cues = []
    rights = [right]
    for line in lines[1:]:
        field, rest = _split_columns(line, first=False)
        if field:
            cues.append(field)
        rights.append(rest)
    authors, dates = [], []
    for item in filter(None, rights):
        name = initialled_name(item)
        if name:
            authors.append(name)
        else:
            dates.extend(dates_only(item))
    return Facts(authors=tuple(authors), issuer=stream, dates=tuple(dates[:1]), cues=tuple(cues))


def header_line(line: str, order: str | None = None) -> Facts | None:
    """Return what a formal header line says (a UN masthead, a gazette's agency block, a Chinese issuance line…),
    or None when ``line`` is not one."""
    line = line.strip()
    for reader in (_un_line, _gazette_line, _series_line, _chinese_issuance):
        facts = reader(line, order)
        if facts is not None:
            return facts
    return None


def _split_columns(line: str, first: bool) -> tuple[str, str]:
    """Split an RFC header line into its left-column text and its right-column text."""
    gap = _COLUMN_GAP.search(line)
    if gap:
        left, right = line[: gap.start(1)].strip(), line[gap.end(1):].strip()
        return (left if first or _RFC_FIELD.match(left) else ""), right
    if first:
        words = line.split()
        for cut in range(len(words) - 1, 0, -1):
            if initialled_name(" ".join(words[cut:])):
                return " ".join(words[:cut]), " ".join(words[cut:])
        return line, ""
    field = _RFC_FIELD.match(line)
    return (field.group(), line[field.end():].strip()) if field else ("", line)


def _un_line(line: str, order: str | None) -> Facts | None:
    if _UN_MASTHEAD.match(line):
        return Facts(publisher="United Nations")
    distribution = _UN_DISTRIBUTION.match(line)
    if distribution:
        return Facts(organ=(distribution.group("organ") or "").strip())  # the distribution date is not the text's
    adopted = _UN_ADOPTED.match(line)
    if adopted:
        date = parse_date(adopted.group("date"), order)
        return Facts(organ=adopted.group("organ"), versions=(date,) if date else (), cues=(line,))
    numbered = _RESOLUTION_TITLE.match(line)
    if numbered:
        return Facts(title=numbered.group("title"), cues=(f"resolution {numbered.group('number')}",))
    if _RESOLUTION_SYMBOL.match(line):
        return Facts(cues=(line,))
    if _UN_SESSION.match(line) or _UN_REFERENCE.match(line):
        return Facts()
    return None


def _gazette_line(line: str, order: str | None) -> Facts | None:
    masthead = _GAZETTE_MASTHEAD.match(line)
    if masthead:
        date = parse_date(masthead.group("date") or "", order)
        section = masthead.group("section")
        return Facts(publisher=masthead.group("name"), dates=(date,) if date else (), cues=(section,) if section else ())
    journal = _JOURNAL.match(line)
    if journal:
        dates = tuple(found.date for found in find_dates(line, order))
        return Facts(publisher=journal.group("name"), dates=dates[:1])
    consolidation = _CONSOLIDATION.match(line)
    if consolidation:
        date = parse_date(consolidation.group("date"), order)
        return Facts(versions=(date,) if date else ())
    if _GAZETTE_SECTION.match(line) or _CODE_CITATION.match(line) or _ACT_NUMBER.match(line):
        return Facts(cues=(line,))
    if _GAZETTE_ISSUE.match(line) or _GAZETTE_NOTE.match(line) or _DOCKET.match(line):
        return Facts()
    return None


def _series_line(line: str, order: str | None) -> Facts | None:
    version = _VERSION.match(line)
    if version and version.group("date"):
        date = parse_date(version.group("date"), order)
        return Facts(dates=(date,) if date else (), cues=(line,))
    if _SERIES.match(line) or version or _CN_DOCUMENT_NUMBER.match(line):
        return Facts(cues=(line,))
    status = _STANDARD_STATUS.match(line)
    if status:
        return Facts(dates=tuple(found.date for found in find_dates(line, order))[:1], cues=(status.group(),))
    return None


def _chinese_issuance(line: str, order: str | None) -> Facts | None:
    """Read "1994年7月5日 国务院发布", "（1997年4月9日中华人民共和国国务院令第215号公布 根据…修订）", "中共中央 国务院"."""
    text = line.strip("（）() \u3000")
    if _CN_ORGANS_LINE.match(text):
        return Facts(issuer=_CN_STATE.sub("", text))
    found = find_dates(text, order)
    if not found or found[0].start != 0:
        return None
    act = re.search(_CN_ACT, text[found[0].end:])
    if not act:
        return None
    body = text[found[0].end:found[0].end + act.start()].strip(" \u3000")
    body = _CN_STATE.sub("", body)
    while _CN_SESSION.search(body):
        body = _CN_SESSION.sub("", body).strip()
    return Facts(issuer=body, versions=tuple(item.date for item in found))
