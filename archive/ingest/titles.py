"""Choose a document's title from what a capture offers: a front-matter title, its "description", a printed line.

Why: reposting sites abbreviate titles ("NZ's View On FJ's Fisheries") and keep the full one in the
description, or split one title in two ("Across Two Channels" + "Norway's Maritime Culture…");
catalogues add a full stop and editors a footnote marker ("…the Pacific Islands[1]"). These rules
only read the strings, so the header reader stays about where lines are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A footnote marker after a title: "…and the Pacific Islands[1]", "…Treaty [12]".
_FOOTNOTE_MARK = re.compile(r"\s*\[\d{1,3}\]$")
# A relevance note an EU act prints after its title: "(Text with EEA relevance)", "(Codification)".
_TITLE_NOTE = re.compile(r"\s*\((?:Text\s+with\s+[A-Z]{2,5}\s+relevance|Codification|Recast)\)$", re.I)
# Frequent words that do not make two titles share a subject.
_STOP_STEMS = frozenset("with from that this their about after into over under between".split())
# A description longer than this, or ending a sentence, is a standfirst, not a title.
_MAX_TITLE_WORDS = 20


# A subtitle printed under a Chinese title after a double dash (破折号): "——在中国共产党第二十次全国代表大会上的报告".
_DASH_SUBTITLE = re.compile(r"^(?:——|－－)\s*(?P<text>[^—－\s].{0,149})$")


def dash_subtitle(line: str) -> str:
    """Return the subtitle a line opening with a double dash prints ("——在…上的报告" -> "在…上的报告"), else "".

    The convention of Chinese speeches and reports: the occasion under the title. A line that ends a sentence
    ("——我们推动了…。") is a dash-led point of the text, not a subtitle.
    """
    match = _DASH_SUBTITLE.match(line.strip())
    if not match or match.group("text").rstrip().endswith(("。", "！", "？", "；", ".", "!", "?", ";")):
        return ""
    return match.group("text").strip()


def clean_title(title: str) -> str:
    """Drop a footnote marker and a cataloguer's full stop from a title: "…Pacific Islands[1]" -> "…Pacific Islands"."""
    title = _TITLE_NOTE.sub("", _FOOTNOTE_MARK.sub("", title.strip()))
    if title.endswith(".") and not title.endswith("..") and not re.search(r"\b(?:[A-Za-z]\.){2,}$", title):
        title = title[:-1]
    return title


def title_and_description(title: str, description: str) -> tuple[str, str]:
    """Return (title, subtitle) from a site's short title and its "description".

    A description that is a sentence is the standfirst.
    A description sharing words with the title is the full title the site abbreviated ("NZ's View On FJ's
    Fisheries" / "New Zealand's View on Fiji's Fisheries is Good for…"); one sharing none is the title's second
    half ("Across Two Channels" / "Norway's Maritime Culture…"), printed after a colon.
    """
    if len(description.split()) > _MAX_TITLE_WORDS or description.rstrip().endswith((".", "!")):
        return title, description  # a sentence: the standfirst
    if not title:
        return description, ""
    if _content_words(title) & _content_words(description):
        return description, ""
    return f"{title}: {description}", ""


def _content_words(text: str) -> set[str]:
    # Compare on five-letter stems so "Improve" meets "Improving" and "China" meets "Chinese".
    return {w.casefold()[:5] for w in re.findall(r"[^\W\d_]{4,}", text.replace("’", "'"))} - _STOP_STEMS


# Small words a title-cased line keeps in lower case, unless first: "Submission to the Minister", "Paper by Pacific Section…".
_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or per the to upon via vs with".split())
# English words of two letters; any other two capitals are an acronym ("UN", "EU", "US" as the country).
_TWO_LETTER_WORDS = frozenset("am an as at be by do go he if in is it me my no of oh on or ox so to up we".split())
# A word kept as printed when a title in capitals is title-cased: an acronym without vowels ("NSC", "DFAT" has one, so
# only "NSW"-like ones), a Roman numeral ("XIV"), a word with digits ("2019/1150", "A/RES/78"), dotted initials ("U.S.").
_KEEP_CAPS = re.compile(r"^(?:[B-DF-HJ-NP-TV-XZ]{2,}|[IVXLC]+|.*\d.*|(?:[A-Z]\.)+)$")
# A title whose first line is set in capitals, three words or more before the rest in lower case: "DIRECTIVE
# 2011/83/EU OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 25 October 2011 on …".
_CAPITALS_LEAD = re.compile(r"^((?:[^\sa-z]+\s+){2,}[^\sa-z]+)\s+(?=[a-z])")
# Trailing punctuation a catalogue or an extraction leaves after a title: "…fisheries cooperation :", "…2023 ;".
_TRAILING_MARK = re.compile(r"\s+[:;,]$")
# A chapter or section number in front of a heading: "5 Sampling…", "07 Delivery…", "5.1. Scope", "Chapter 3:".
_CHAPTER_LABEL = re.compile(r"^(?:(?:Chapter|Section|Part)\s+)?\d{1,2}(?:\.\d{1,2})*\.?(?:\s*[:.—–-])?\s+(?=[^\W\d_])", re.I)
# Headings that open a text and never title it: "PREAMBLE", "Abstract", "Table of Contents", "序言", "前言", "目录".
_GENERIC_HEADING = re.compile(
    r"^(?:preamble|abstract|summary|executive\s+summary|introduction|foreword|preface|contents|table\s+of\s+contents"
    r"|status\s+of\s+this\s+memo|copyright\s+notice|acknowledge?ments?|note\s+to\s+readers.*|compilation\s+information"
    r"|long\s+title|序言|前言|目录|摘要|引言)$",
    re.I,
)
# The issuing bodies a Chinese official title names before "关于" (concerning): "中共中央 国务院关于推进…的意见",
# "最高人民法院关于适用…的解释"; the name ends with an organ word (中央, 国务院, 法院, 委员会, 部, 局, 厅, 政府…).
_CN_ISSUER = re.compile(
    r"^(?P<who>[^\s，。、《》（）]{0,20}(?:中央|国务院|法院|检察院|委员会|常委会|部|局|署|厅|办公室|政府|银行|总局|大会)"
    r"(?:[\s、][^\s，。、《》（）]{0,20}(?:中央|国务院|法院|检察院|委员会|部|局|署|厅|办公室|政府))*)关于"
)
# The bodies an instrument's title names: "Regulation (EU) 2021/1234 of the European Parliament and of the Council of
# 14 April 2021 on …" -> "European Parliament" and "Council".
_BODY_WORDS = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4}"
_TITLE_BODIES = re.compile(rf"\bof\s+the\s+(?P<first>{_BODY_WORDS})(?:\s+and\s+of\s+the\s+(?P<second>{_BODY_WORDS}))?\s+of\s+\d")

# An instrument named after the body that made it: "Council Regulation (EC) No 1234/2007 …", "Commission Implementing
# Regulation (EU) 2019/1793 …" -> "Council", "Commission".
_LEADING_BODY = re.compile(
    r"^(?P<body>Council|Commission|European\s+Commission|European\s+Central\s+Bank)\s+(?:(?:Implementing|Delegated)\s+)?"
    r"(?:Regulation|Directive|Decision|Recommendation)\b"
)


def display_title(title: str, acronyms: frozenset[str] = frozenset()) -> str:
    """Return a title as the archive shows it: without a trailing " :" and in title case if printed in capitals.

    The capitals stay in the source text; a list of "SUBMISSION TO THE MINISTER" and "Submission to the Minister" reads as
    one list only if both are shown the same way. Words the text itself prints in capitals (``acronyms``) stay so.
    """
    title = _TRAILING_MARK.sub("", clean_title_notes(" ".join(title.split())))
    if is_capitals(title):
        return title_case(title, acronyms)
    lead = _CAPITALS_LEAD.match(title)
    if lead:  # "REGULATION (EU) 2021/1234 OF THE COUNCIL of 14 April 2021 on …": the document type line in capitals
        return title_case(lead.group(1), acronyms) + title[lead.end(1):]
    return title


def acronyms_in(texts: Iterable[str]) -> frozenset[str]:
    """Return the words printed in capitals amid words that are not: "the FAO Fisheries Code applies" -> {"FAO"}.

    A capitals title is shown in title case, but a word its own text writes in capitals among ordinary words is
    an acronym; a word inside a line or run of capitals ("OF THE COUNCIL") is not evidence of anything.
    """
    found: set[str] = set()
    for text in texts:
        words = [w.strip("()[]“”\"'‘’,;:.") for w in text.split()]
        for index, word in enumerate(words):
            if not _ACRONYM.fullmatch(word):
                continue
            neighbours = words[max(0, index - 1):index] + words[index + 1:index + 2]
            if neighbours and not any(_ACRONYM.fullmatch(n) or n.isupper() for n in neighbours):
                found.add(word)
    return frozenset(found)


# A word in capitals, two to six letters: "FAO", "NATO", "GATT".
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def clean_title_notes(title: str) -> str:
    """Drop a note printed after a title: "… (Open Data Act) (Text with EEA relevance)" -> "… (Open Data Act)"."""
    return _TITLE_NOTE.sub("", title)


def is_capitals(text: str) -> bool:
    """Tell whether ``text`` is set in capitals: two words or more, and no lower-case letter."""
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return len(text.split()) >= 2 and bool(letters) and all(c.isupper() for c in letters)


def title_case(text: str, acronyms: frozenset[str] = frozenset()) -> str:
    """Return a line in capitals in title case: "PAPER BY PACIFIC SECTION" -> "Paper by Pacific Section"."""
    words = text.split()
    out = []
    for index, word in enumerate(words):
        core = word.strip("()[]“”\"'‘’,;:")
        if core in acronyms:
            out.append(word)
        elif index and core.lower() in _SMALL_WORDS and not words[index - 1].endswith(":"):
            out.append(word.lower())
        elif _KEEP_CAPS.match(core) or word.startswith("(") and word.rstrip(",;:").endswith(")"):
            out.append(word)  # an acronym, a numeral, or a capital word in brackets: "(EU)", "(IETF)"
        elif len(core) == 2 and core.isalpha() and core.lower() not in _TWO_LETTER_WORDS:
            out.append(word)  # a two-letter acronym: "UN", "EU", "UK", "US"
        else:
            out.append("-".join(_capitalise(part) for part in word.split("-")))
    return " ".join(out)


def chapter_heading(text: str) -> tuple[str, str]:
    """Return (label, heading) of a numbered chapter heading ("07 Delivery and funding" -> ("07", "Delivery…")),
    or ("", text) when it carries no number."""
    match = _CHAPTER_LABEL.match(text)
    if not match:
        return "", text
    return match.group().strip(" :.—–-"), text[match.end():].strip()


def is_generic_heading(text: str) -> bool:
    """Tell whether a heading is one that opens many texts ("Abstract", "PREAMBLE") rather than titling one."""
    return bool(_GENERIC_HEADING.match(" ".join(text.split()).strip(" :")))


def issuer_in_title(title: str) -> str:
    """Return the issuing bodies a title names: "中共中央 国务院关于…" -> "中共中央 国务院"; "Directive … of the
    European Parliament and of the Council of 25 October 2011 …" -> "European Parliament and Council"; else ""."""
    chinese = _CN_ISSUER.match(title.strip())
    if chinese:
        return chinese.group("who")
    leading = _LEADING_BODY.match(title)
    if leading:
        return leading.group("body")
    bodies = _TITLE_BODIES.search(title)
    if not bodies:
        return ""
    return " and ".join(b for b in (bodies.group("first"), bodies.group("second")) if b)


def _capitalise(word: str) -> str:
    for index, char in enumerate(word):
        if char.isalpha():
            return word[:index] + char.upper() + word[index + 1:].lower()
    return word
