"""Read what a document's cover, first pages and closing lines state about it, without taking them out of the body.

Why apart from the header: some statements that settle metadata sit below the title, among text that belongs to
the body. A rule's preamble opens with "AGENCY: Fish and Wildlife Service, Interior."; an act's compilation
notes say "This compilation was prepared on 3 March 2011 … Prepared by the Office of Parliamentary Counsel";
a standard's second title page prints "May 2019" and "National Institute of Standards and Technology"; an EU
act names its legislator in the enacting formula ("THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN
UNION,"); a web page ends with "Last updated: 9 October 2018". They are read where they are and left in place.
Only the cover is read: the blocks before the first full paragraph of text (and that paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .blocks import Block
from .dates import dates_only, find_dates, labelled_date
from .model import PartialDate
from .formal_headers import Facts
from .paragraphs import ends_sentence
from .publishers import body_name
from .titles import title_case

# The agency field of a rule's preamble, possibly run in with the action: "AGENCY: Fish and Wildlife
# Service, Interior. ACTION: Final rule."
_AGENCY = re.compile(r"^AGENCY:\s*(?P<agency>.+?)(?:\s+ACTION:\s*(?P<action>.+))?$")
# The action field of a rule's preamble: "ACTION: Final rule.", "ACTION: Interim final rule; request for comments."
_ACTION = re.compile(r"^ACTION:\s*\S")
# Statements of when a text was compiled or consolidated: "This compilation was prepared on 3 March 2011",
# "Compilation date: 4 June 2019", "consolidated version of 01.07.2016".
_VERSION_STATEMENT = re.compile(
    r"\b(?:compilation\s+was\s+prepared\s+on|compilation\s+date:|consolidated\s+(?:version|text)\s+(?:of|as\s+at))\s+",
    re.I,
)
# An imprint naming who prepared or published a text: "Prepared by the Office of Parliamentary Counsel, …, Canberra".
_IMPRINT = re.compile(r"\b(?:Prepared|Published|Produced)\s+by\s+(?:the\s+)?(?P<body>[A-Z][^.;]{3,120}?)\s*(?:[.;]|$)")
# An official journal's masthead: "Official Journal of the European Union", "| 7.9.2018 | EN | Official Journal … |".
_JOURNAL = re.compile(
    r"(?:^|\|\s*)(?P<name>Official\s+(?:Journal|Gazette)\s+of\s+(?:the\s+)?[A-Z][\w ]+?)(?:\s*\||\s+[A-Z]\s*\d|$)"
)
# An enacting formula naming the legislator in capitals, ending with a comma: "THE EUROPEAN PARLIAMENT AND THE COUNCIL
# OF THE EUROPEAN UNION,", "THE COUNCIL OF THE EUROPEAN UNION,".
_ENACTING_BODY = re.compile(r"^(?P<body>THE\s+[A-Z][A-Z ,’'-]{6,120}?),$")
# A body's name alone on a cover line: "National Institute of Standards and Technology", "U.S. Department of Commerce".
_BODY_LINE = re.compile(
    r"^(?:[A-Z][\w.’'&-]*\s+|(?:of|and|for|the|on)\s+){0,10}?(?:Institute|Department|Ministry|Office|Agency"
    r"|Administration|Commission|Council|Committee|Bureau|Secretariat)\b(?:\s+(?:of|and|for|the|on|[A-Z][\w.’'&-]*)){0,8}$"
)
# Words that make a line naming a body a release label, not the body: "Ministry of Fisheries Media Release".
_LABEL_WORD = re.compile(r"\b(?:Release|Statement|News|Bulletin|Report|Plan|Strategy)\b", re.I)
# Small words inside a body's name: "Institute of Standards and Technology".
_SMALL_WORDS = frozenset("of and for the on in".split())
# A series' acronym: "NIST" in "NIST Special Publication 800-555", "GAO" in "GAO-19-321".
_ACRONYM = re.compile(r"\b[A-Z]{2,8}\b")

_MAX_COVER_BLOCKS = 40
_FULL_PARAGRAPH_WORDS = 25
_CLOSING_BLOCKS = 3


def read_cover(blocks: Sequence[Block], title: str = "", order: str | None = None, series: Sequence[str] = ()) -> Facts:
    """Return what the cover and first pages state: issuer, publisher, compilation dates, dates alone on a line.

    ``series`` are lines naming the document's series ("NIST Special Publication 800-555"): of the bodies a cover
    names (an author's affiliation, a parent department, the issuer), the one whose initials the series carries
    is the issuer.
    """
    found = Facts()
    body_lines: list[str] = []
    cover = _cover_blocks(blocks)
    for block in cover:
        facts = cover_line(block.text, order)
        if facts:
            found = _add(found, facts)
            continue
        for line in block.lines:
            line = line.strip()
            if not line or line == title:
                continue
            if dates := dates_only(line, order):
                found = _add(found, Facts(dates=tuple(dates)))
            elif _BODY_LINE.match(line) and not ends_sentence(line) and not _LABEL_WORD.search(line):
                body_lines.append(line)
    issuer = _series_body(body_lines, series, " ".join(b.text for b in cover)) if not found.issuer else ""
    return _add(found, Facts(issuer=issuer)) if issuer else found


def cover_line(line: str, order: str | None = None) -> Facts | None:
    """Return what a cover or first-page statement says: "AGENCY: …", "This compilation was prepared on …",
    "Prepared by …", an enacting formula, an official journal's masthead; None for any other line."""
    agency = _AGENCY.match(line)
    if agency:
        action = agency.group("action")
        return Facts(issuer=body_name(agency.group("agency")), cues=(f"ACTION: {action}",) if action else ())
    if _ACTION.match(line):
        return Facts(cues=(line,))
    facts = Facts(versions=_version_dates(line, order))
    imprint, journal, enacting = _IMPRINT.search(line), _JOURNAL.search(line), _ENACTING_BODY.match(line)
    if imprint:
        facts = _add(facts, Facts(publisher=body_name(imprint.group("body"))))
    elif journal:
        facts = _add(facts, Facts(publisher=journal.group("name").strip()))
    elif enacting:
        facts = _add(facts, Facts(issuer=title_case(enacting.group("body").strip(" ,"))))
    return facts if facts != Facts() else None


def closing_dates(blocks: Sequence[Block], order: str | None = None) -> list[PartialDate]:
    """Return labelled dates in the last blocks of a text: "Last updated: 9 October 2018"."""
    dates = []
    for block in blocks[-_CLOSING_BLOCKS:]:
        dates.extend(d for line in block.lines if (d := labelled_date(line.strip(), order)))
    return dates


def _series_body(bodies: list[str], series: Sequence[str], text: str) -> str:
    """Return the body whose initials a series line carries ("NIST Special Publication …" -> "National Institute of
    Standards and Technology", spelled out on a line of its own or anywhere on the cover), or the only body the cover
    names; else ""."""
    acronyms = [word for line in series for word in _ACRONYM.findall(line)]
    for acronym in acronyms:
        for body in bodies:
            if _initials(body.split()) == acronym:
                return body_name(body)
        spelled = _spelled_out(acronym, text.split())
        if spelled:
            return spelled
    return body_name(bodies[0]) if len(set(bodies)) == 1 else ""


def _spelled_out(acronym: str, words: list[str]) -> str:
    """Find the words whose capitals spell ``acronym``: "NIST" in "… National Institute of Standards and Technology …"."""
    for start, word in enumerate(words):
        if word[:1] != acronym[0]:
            continue
        for end in range(start + len(acronym), min(len(words), start + 3 * len(acronym)) + 1):
            span = words[start:end]
            if not span[-1][:1].isupper() or any(not (w[:1].isupper() or w in _SMALL_WORDS) for w in span):
                continue
            if _initials(span) == acronym:
                return " ".join(span).strip(",.;:")
    return ""


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _cover_blocks(blocks: Sequence[Block]) -> list[Block]:
    """Return the blocks up to and including the first full paragraph of text."""
    cover = []
    for block in blocks[:_MAX_COVER_BLOCKS]:
        cover.append(block)
        text = block.text
        if len(text.split()) >= _FULL_PARAGRAPH_WORDS and ends_sentence(text):
            break
    return cover


def _version_dates(line: str, order: str | None) -> tuple[PartialDate, ...]:
    statement = _VERSION_STATEMENT.search(line)
    if statement:
        found = find_dates(line[statement.end():], order)
        return (found[0].date,) if found and found[0].start == 0 else ()
    return ()


def _add(found: Facts, more: Facts) -> Facts:
    """Combine facts: the first issuer and publisher found win; dates, versions and cues accumulate."""
    return Facts(
        authors=found.authors or more.authors,
        issuer=found.issuer or more.issuer,
        publisher=found.publisher or more.publisher,
        dates=found.dates + more.dates,
        versions=found.versions + more.versions,
        cues=found.cues + more.cues,
    )
