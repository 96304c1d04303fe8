"""Read dates as precisely as they are printed: "January 2017" is a month, not 1 January 2017.

Why two defaults: python-dateutil fills missing parts from a default datetime. Parsing twice with
defaults that differ in every field shows which parts the text really gave; a part that changes with
the default was not printed.
"""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser

from .model import PartialDate

_DEFAULT_A = datetime(1, 1, 1)
_DEFAULT_B = datetime(2, 2, 2)

# A printed year in a plausible range: "2017", "1951" (dates in policy archives, not "0263").
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d|2100)\b")
# A label in front of a date on a web page: "Updated: 2024-05-16", "Published on Jan 11, 2017", "Date:".
_LABEL = re.compile(r"^(updated|last\s+updated|published|posted|released|issued|date|dated)(\s+on)?\s*:?\s+", re.I)
# A date wrapped in brackets, as in a speech transcript: "(October 12, 2022)".
_BRACKETS = re.compile(r"^\((.*)\)$")
# Time-of-day tails that dateutil handles but we do not need: "2024-04-24 12:00:00 +0800" -> "2024-04-24".
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}(?:-\d{2})?)(?:[T ]\d.*)?$")

# A place beside a date in a dateline: "20 May 2023, Hiroshima", "Washington, DC, June 3, 2021".
_PLACE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}")

_MAX_DATE_LINE = 40
_MAX_DATELINE = 80


def parse_date(text: str) -> PartialDate | None:
    """Return the date that ``text`` consists of, with the precision printed, or None."""
    text = text.strip().rstrip(".")
    bracketed = _BRACKETS.match(text)
    if bracketed:
        text = bracketed.group(1).strip()
    iso = _ISO_DATE.match(text)
    if iso:
        text = iso.group(1)
    if not text or len(text) > _MAX_DATE_LINE or not _YEAR.search(text):
        return None
    try:
        a = parser.parse(text, default=_DEFAULT_A)
        b = parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError):
        return None
    if a.year != b.year:
        return None
    if a.month != b.month:
        return PartialDate(a.year)
    if a.day != b.day:
        return PartialDate(a.year, a.month)
    return PartialDate(a.year, a.month, a.day)


def labelled_date(line: str) -> PartialDate | None:
    """Return the date of a labelled web-page line such as "Updated: 2024-05-16", or None."""
    match = _LABEL.match(line)
    if not match:
        return None
    return parse_date(line[match.end():])


def dateline_date(line: str) -> PartialDate | None:
    """Return the date of a dateline that names a place before or after it ("20 May 2023, Hiroshima")."""
    if len(line) > _MAX_DATELINE:
        return None
    parts = [part.strip() for part in line.split(",")]
    for cut in range(1, len(parts)):
        head, tail = ", ".join(parts[:cut]), ", ".join(parts[cut:])
        if all(_PLACE.fullmatch(p) for p in parts[cut:]):
            found = parse_date(head)
            if found:
                return found
        if all(_PLACE.fullmatch(p) for p in parts[:cut]):
            found = parse_date(tail)
            if found:
                return found
    return None
