"""Read dates as precisely as they are printed: "April 2016" is a month, not 1 April 2016.

Why a list of spellings before python-dateutil: dateutil reads almost anything as a date ("1.3 2018" becomes
January 2018, a version number a day), so a text is a date only when it has one of the spellings documents
print ("2022-12-17", "17 December 2022", "December 17, 2022", "Dec. 2022", "14-Mar-2003", "01.07.2016",
"2021年3月5日"); dateutil then reads the month names. Why two defaults: dateutil fills missing parts from a
default datetime; parsing twice with defaults that differ in every field shows which parts were printed.

Why the day/month order is settled, never guessed: "03-02-2020" is 3 February in most of the world and March 2
in the United States. A document's other dates settle it ("01.07.2016" can only be day first), then its
language or country; when nothing does, only the year is certain and only the year is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from dateutil import parser

from .model import PartialDate

DAY_FIRST = "dmy"
MONTH_FIRST = "mdy"

_DEFAULT_A = datetime(1, 1, 1)
_DEFAULT_B = datetime(2, 2, 2)

# A year in a plausible range for a policy archive: "1787", "2017" (not "0263", not a page count "4020").
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
# An English month name, abbreviated or not, with an optional dot: "Dec.", "Sept", "December", "MARCH".
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
# A day of the month, possibly ordinal: "4", "17th", "1st".
_DAY = r"(?:[0-3]?\d(?:st|nd|rd|th)?)"
# A weekday before a date: "Thursday, ", "Thu, ", "Mon. ".
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
# Spellings with a month name: "17 December 2022", "17th of December, 2022", "December 17, 2022", "Dec. 2022",
# "14-Mar-2003", each possibly after a weekday ("Monday, May 20, 2019").
_WORDY = (
    rf"{_WEEKDAY}(?:{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|{_MONTH},?\s+{_YEAR}|{_DAY}-{_MONTH}-{_YEAR})"
)
# Year first, one separator throughout: "2022-12-17", "2022-12", "2022/12/17", "2022.12.17".
_YEAR_FIRST = rf"(?P<y>{_YEAR})(?P<s>[-/.])(?P<m>[01]?\d)(?:(?P=s)(?P<d>[0-3]?\d))?"
# Day and month first, one separator throughout, order to be settled: "01.07.2016", "03-02-2020", "14/08/2001".
_NUMERIC = rf"(?P<a>[0-3]?\d)(?P<t>[-/.])(?P<b>[01]?\d)(?P=t)(?P<ny>{_YEAR})"
# Chinese and Japanese dates in Arabic or Chinese numerals: "2021年3月5日", "2019年6月", "二〇一九年六月三日" (zero
# also typed as "○", a white circle); full-width digits ("２０２２年") are read as digits first (``_DIGITS``).
_CJK_NUMBER = "〇○零一二三四五六七八九十"
# A Japanese era year: "令和5年" is 2023, "平成元年" (the era's first year) 1989.
_ERA = r"(?P<era>明治|大正|昭和|平成|令和)\s*(?P<ey>元|\d{1,2}|[一二三四五六七八九十]{1,3})"
_CJK_YEAR = rf"(?:(?P<cy>{_YEAR}|[{_CJK_NUMBER}]{{4}})|{_ERA})\s*年"
_CJK = (
    rf"{_CJK_YEAR}\s*(?P<cm>\d{{1,2}}|[{_CJK_NUMBER}]{{1,2}})\s*月"
    rf"(?:\s*(?P<cd>\d{{1,2}}|[{_CJK_NUMBER}]{{1,3}})\s*[日号])?"
)
# Korean: "2023년 4월 1일", "2023년 4월".
_KOREAN = rf"(?P<ky>{_YEAR})\s*년\s*(?P<km>\d{{1,2}})\s*월(?:\s*(?P<kd>\d{{1,2}})\s*일)?"
_SPELLINGS = re.compile(rf"(?P<wordy>{_WORDY})|{_YEAR_FIRST}|{_NUMERIC}|{_CJK}|{_KOREAN}", re.I)
# A year alone in Chinese, Japanese or Korean, read only as a whole line ("2022年", "二〇二二年", "令和5年", "2023년"):
# inside a sentence such a year ("2022年以来") is no date of the text.
_CJK_YEAR_LINE = re.compile(rf"{_CJK_YEAR}|(?P<ky>{_YEAR})\s*년")
# Full-width digits, as Chinese and Japanese texts print them: "２０２２" is read as "2022" (same length, so places in
# the text stay where they were).
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_ERA_START = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
# A date spelling inside a longer text, not glued to other digits or Latin letters: "… on 9 December 2024",
# "根据2011年1月8日《…》修订" (Chinese runs words and dates together).
_IN_TEXT = re.compile(rf"(?<![A-Za-z0-9./-])(?:{_SPELLINGS.pattern})(?![A-Za-z0-9/-]|\.\d)", re.I)
# Words that make the number after them a version or a copyright year, not a date: "version 4.6.2.0",
# "v2.1", "© 2024", "Copyright 2019–2024", "(c) 2020".
_NOT_A_DATE_BEFORE = re.compile(r"(?:\bversion|\bv|\brelease|\brev\.?|©|\bcopyright|\(c\))\s*$", re.I)
# A copyright footer anywhere in a line: its years are never the document's date.
_COPYRIGHT = re.compile(r"©|\bcopyright\b|\(c\)\s*\d{4}", re.I)
# A label in front of a date on a web page: "Updated: 2021-05-16", "Published on Mar 3, 2021", "Date:".
_LABEL = re.compile(r"^(updated|last\s+updated|published|posted|released|issued|date|dated)(\s+on)?\s*:?\s+", re.I)
# A date wrapped in brackets, as in a speech transcript, under a Chinese title or as an act's date of assent:
# "(March 14, 2019)", "（2019年6月3日）", "[23rd May 2018]".
_BRACKETS = re.compile(r"^[(（\[](.*)[)）\]]$")
# Time-of-day tails that we do not need: "2021-09-14 08:30:00 +0800" -> "2021-09-14", "2021-09-14T08:30Z".
_ISO_TIME = re.compile(r"^(\d{4}-\d{2}(?:-\d{2})?)(?:[T ]\d.*)?$")
# A bare year: "2017".
_BARE_YEAR = re.compile(_YEAR)
# A place beside a date in a dateline: "14 June 2019, Tampere", "Washington, DC, June 9, 2020".
_PLACE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}")
# What may stand between dates on a line made only of dates: "APRIL 2017 April 3, 2017", "2018-08-07 / 2018".
_BETWEEN_DATES = re.compile(r"[\s,;/|()（）·–—-]*")
# Language tags of the one large country that writes month first: "en-US", "en_us".
_MONTH_FIRST_LANGUAGES = re.compile(r"^en[-_]us\b", re.I)
# Hosts of United States bodies, which write month first: "whitehouse.gov", "nist.gov", "army.mil", "ca.us".
_MONTH_FIRST_HOST = re.compile(r"\.(?:gov|mil|us)$")
# A country-code host outside the United States, which writes day first: "dfat.gov.au", "gov.uk", "europa.eu".
_COUNTRY_HOST = re.compile(r"\.(?!us$)[a-z]{2}$")

_CJK_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_MAX_DATE_LINE = 40
_MAX_DATELINE = 80


@dataclass(frozen=True)
class FoundDate:
    """A date found inside a text, with where it was printed."""

    start: int
    end: int
    date: PartialDate


def parse_date(text: str, order: str | None = None) -> PartialDate | None:
    """Return the date that ``text`` consists of, with the precision printed, or None.

    ``order`` (``DAY_FIRST`` or ``MONTH_FIRST``) settles an all-numeric date such as "03-02-2020"; without it
    such a date keeps only its year.
    """
    text = text.translate(_DIGITS).strip().rstrip(".").strip()
    bracketed = _BRACKETS.match(text)
    if bracketed:
        text = bracketed.group(1).strip()
    iso = _ISO_TIME.match(text)
    if iso:
        text = iso.group(1)
    if not text or len(text) > _MAX_DATE_LINE:
        return None
    if _BARE_YEAR.fullmatch(text):
        return PartialDate(int(text))
    year_only = _CJK_YEAR_LINE.fullmatch(text)
    if year_only:
        return PartialDate(_cjk_year(year_only))
    match = _SPELLINGS.fullmatch(text)
    return _read_match(match, order) if match else None


def find_dates(text: str, order: str | None = None) -> list[FoundDate]:
    """Return the dates printed inside ``text`` ("Resolution adopted … on 9 December 2024"), in order.

    A copyright line has none, and a number after "version" or "v" is no date.
    """
    if _COPYRIGHT.search(text):
        return []
    text = text.translate(_DIGITS)
    found = []
    for match in _IN_TEXT.finditer(text):
        if _NOT_A_DATE_BEFORE.search(text[: match.start()]):
            continue
        date = _read_match(_SPELLINGS.fullmatch(match.group()), order)
        if date:
            found.append(FoundDate(match.start(), match.end(), date))
    return found


def dates_only(text: str, order: str | None = None) -> list[PartialDate]:
    """Return the dates of a line made of nothing but dates ("APRIL 2017 April 3, 2017"), else []."""
    found = find_dates(text, order)
    rest, last = [], 0
    for item in found:
        rest.append(text[last:item.start])
        last = item.end
    rest.append(text[last:])
    if not found or not all(_BETWEEN_DATES.fullmatch(part) for part in rest):
        return []
    return [item.date for item in found]


def most_precise(dates: Iterable[PartialDate]) -> PartialDate | None:
    """Return the most precise of ``dates``, the first printed among equals, or None."""
    return max(dates, key=lambda d: (d.month is not None, d.day is not None), default=None)


def date_order(texts: Iterable[str], language: str = "", url: str = "") -> str | None:
    """Settle whether all-numeric dates are day or month first, from the document's own dates, then its
    language, then its host's country; None when nothing settles it."""
    votes = {DAY_FIRST: 0, MONTH_FIRST: 0}
    for text in texts:
        for match in _IN_TEXT.finditer(text):
            spelled = _SPELLINGS.fullmatch(match.group())
            if spelled and spelled.group("a"):
                first, second = int(spelled.group("a")), int(spelled.group("b"))
                if first > 12 >= second:
                    votes[DAY_FIRST] += 1
                elif second > 12 >= first:
                    votes[MONTH_FIRST] += 1
    if votes[DAY_FIRST] != votes[MONTH_FIRST]:
        return max(votes, key=votes.__getitem__)
    return _order_from_language(language) or _order_from_host(url)


def labelled_date(line: str, order: str | None = None) -> PartialDate | None:
    """Return the date of a labelled web-page line such as "Updated: 2021-05-16", or None."""
    match = _LABEL.match(line)
    if not match:
        return None
    return parse_date(line[match.end():], order)


def dateline_date(line: str, order: str | None = None) -> PartialDate | None:
    """Return the date of a dateline that names a place before or after it ("14 June 2019, Tampere")."""
    if len(line) > _MAX_DATELINE:
        return None
    parts = [part.strip() for part in line.split(",")]
    for cut in range(1, len(parts)):
        head, tail = ", ".join(parts[:cut]), ", ".join(parts[cut:])
        if all(_PLACE.fullmatch(p) for p in parts[cut:]):
            found = parse_date(head, order)
            if found:
                return found
        if all(_PLACE.fullmatch(p) for p in parts[:cut]):
            found = parse_date(tail, order)
            if found:
                return found
    return None


def _read_match(match: re.Match[str], order: str | None) -> PartialDate | None:
    if match.group("wordy"):
        return _read_wordy(match.group("wordy"))
    if match.group("y"):
        if match.group("s") != "-" and not match.group("d"):
            return None  # "2018.12", "1995/96": a decimal number or a span of years, not a month
        return _checked(int(match.group("y")), int(match.group("m")), _int(match.group("d")))
    if match.group("cy") or match.group("era"):
        return _checked(_cjk_year(match), _cjk_int(match.group("cm")), _cjk_int(match.group("cd")))
    if match.group("ky"):
        return _checked(int(match.group("ky")), int(match.group("km")), _int(match.group("kd")))
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("ny"))
    if match.group("t") == "." and order is None:
        order = DAY_FIRST  # "01.07.2016", "7.9.2018": dotted numeric dates are written day first
    if first == second or order == DAY_FIRST or (order is None and first > 12):
        return _checked(year, second, first)
    if order == MONTH_FIRST or (order is None and second > 12):
        return _checked(year, first, second)
    return PartialDate(year)  # "03-02-2020" with nothing to settle the order: only the year is certain


def _read_wordy(text: str) -> PartialDate | None:
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


def _checked(year: int, month: int, day: int | None) -> PartialDate | None:
    try:
        datetime(year, month, day or 1)
    except ValueError:
        return None  # "2022-13-01", "31.02.2020": digits that are no calendar date
    return PartialDate(year, month, day)


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _cjk_year(match: re.Match[str]) -> int:
    """Return the year of a Chinese, Japanese or Korean date: "2022", "二〇二二", an era's "令和5" (2023), "平成元" (1989)."""
    if match.groupdict().get("ky"):
        return int(match.group("ky"))
    if match.group("cy"):
        return _cjk_int(match.group("cy"))
    year = match.group("ey")
    return _ERA_START[match.group("era")] + (1 if year == "元" else _cjk_int(year)) - 1


def _cjk_int(text: str | None) -> int | None:
    """Read Arabic or Chinese numerals: "16", "十六" -> 16, "二〇一九" -> 2019."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return int("".join(str(_CJK_DIGITS[c]) for c in text))
    tens, _, units = text.partition("十")
    return (_CJK_DIGITS[tens] if tens else 1) * 10 + (_CJK_DIGITS[units] if units else 0)


def _order_from_language(language: str) -> str | None:
    language = language.strip()
    if not language:
        return None
    if _MONTH_FIRST_LANGUAGES.match(language):
        return MONTH_FIRST
    if re.fullmatch(r"en", language, re.I):
        return None  # English alone: British or American
    return DAY_FIRST


def _order_from_host(url: str) -> str | None:
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    if _MONTH_FIRST_HOST.search(host):
        return MONTH_FIRST
    return DAY_FIRST if _COUNTRY_HOST.search(host) else None
