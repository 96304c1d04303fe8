"""Read the label a heading is printed with, and the numbering scheme it belongs to.

Why one module for every scheme: the tree builder needs three things from a label whatever the
document's tradition — where the label ends and the heading text begins, which scheme it follows
(so headings of one scheme can be ranked together), and its number (so a sequence can be checked:
"7." with no "6." before it is a numbered paragraph, not a heading). Schemes covered: decimal at any
depth with or without a trailing dot (1 / 1.1 / 7.3.2. / 1.0 / A.1), Roman (II.), letters (A. / (a)),
named divisions (Article 5, CHAPTER II, Part IA, SECT 5A, SECTION. 1., Strategic Goal 2.3, Annex,
Appendix A), and Chinese (一、 / （一） / 第三章 / 第十二条 / 附件).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Schemes: what a label's numbering follows.
DECIMAL = "decimal"  # "1", "7.3.2.", "1.0", "A.1" (an appendix's subsection)
ROMAN = "roman"  # "II."
LETTER = "letter"  # "A." / "B)"
PAREN = "paren"  # "(a)", "(1)", "(iv)"
DIVISION = "division"  # "Article 5", "CHAPTER II", "Part IA", "Strategic Goal 2.3"
APPENDIX = "appendix"  # "Appendix A", "Annex", "Schedule 3", "附件"
CJK = "cjk"  # "一、"
CJK_BRACKETED = "cjk_bracketed"  # "（一）"
CJK_DIVISION = "cjk_division"  # "第三章", "第十二条", "第一部分"
FULLWIDTH = "fullwidth"  # "1．" — a Chinese provision number, never a heading by shape alone
UNNUMBERED = ""

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# Where an appendix's letter counts from in a decimal number: "A.1" is (1001, 1), after any chapter number.
APPENDIX_LETTERS = 1000
# Single letters read as Roman numerals, not as list letters: "I. Purpose", "V. Outlook" ("C." is a letter).
_ROMAN_LETTERS = frozenset("IVX")
_NUMBER_WORDS = {
    w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)
}
_CJK_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "百": 100}
_CJK_NUMERAL = "〇○零一二两三四五六七八九十百"

# Words naming a division of a text, in the conventional order of legislative drafting (a book holds parts,
# a part chapters…). Article and section share a tier: which holds the other differs by tradition.
DIVISION_TIERS = {
    "book": 1, "volume": 1, "part": 2, "title": 3, "pillar": 3, "chapter": 4, "subchapter": 5, "division": 6,
    "subdivision": 7, "section": 8, "sect": 8, "sec": 8, "§": 8, "article": 8, "art": 8, "objective": 8, "action": 8,
    "principle": 8, "goal": 8, "recommendation": 8, "rule": 8, "regulation": 8, "clause": 9, "subsection": 9,
    "amendment": 8, "step": 8, "phase": 8, "stage": 8, "module": 8, "unit": 8, "lecture": 8,
}
# Lettered and numbered points in brackets, "(a)", sit inside sections and clauses.
PAREN_TIER = 10
# Back matter and preambles that sit beside the main divisions, whatever those are.
APPENDIX_WORDS = ("appendix", "appendices", "annex", "annexes", "schedule", "attachment", "exhibit", "addendum")
# Chinese divisions, outermost first: 编 (book), 部分 (part), 章 (chapter), 节 (section), then the enumerated
# chapters of a policy text (一、), 条 (article), 款 (clause), and bracketed points ((一)). An 一、 chapter
# holds articles (a judicial interpretation's "一、审查和登记" holds 第一条…) and sits inside a 部分.
# Japanese and traditional Chinese write 編 and 節 for 编 and 节 ("第1章　総則" / "第1節　目的").
CJK_DIVISION_TIERS = {
    "编": 10, "編": 10, "部分": 20, "章": 30, "节": 40, "節": 40, CJK: 45, "条": 50, "款": 60, CJK_BRACKETED: 70,
}

# A decimal label: "7.3.2." / "1.0" / "12.4.1.3" / "A.1" / "B.3.1.1" then the heading: "7.3.2.  Key
# Rotation". One to three digits per part, so a year ("2025 review of…") is no label.
_DECIMAL = re.compile(r"^((?:\d{1,3}|[A-Z])(?:\.\d{1,3})*)\.?(?=\s|$)\s*(.*)$")
# A Roman numeral with its dot or bracket: "II. Regional Outlook", "IV) Outlook".
_ROMAN = re.compile(r"^([IVXLC]{1,7})[.)]\s+(\S.*)$")
# A capital letter with its dot or bracket: "A. Background", "B) Scope".
_LETTER = re.compile(r"^([A-Z])[.)]\s+(\S.*)$")
# A bracketed letter, number or small Roman numeral: "(a) Effective Date", "(1) General", "(iv) …".
_PAREN = re.compile(r"^(\((?:[a-z]{1,2}|\d{1,3}|[ivx]{1,5})\))\s*(\S.*)?$")
# A named division: one or two words, the last a division word, then its number: "Article 5", "CHAPTER II",
# "Part IA", "SECT 5A", "SECT 41CB", "SECTION. 1.", "Strategic Goal 2.3:", "Action 01:", "PILLAR ONE |", "§ 17.11".
_DIVISION = re.compile(
    r"^((?:[A-Z][A-Za-z]+\s+)?([A-Za-z]+)\.?\s+(\d{1,3}(?:\.\d{1,3})*[A-Za-z]{0,2}|[IVXLC]{1,7}[A-Z]?|[A-Z]"
    r"|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))|§+\s*\d[\d.]*)"
    r"(?:\s*[.:|—–-]+\s*|\s+|$)(.*)$"
)
# An appendix, annex or schedule, numbered or not: "Appendix A—Acronyms", "Annex", "Schedule 3 Fees",
# "The Schedule—Fees payable…", "附件：".
_APPENDIX = re.compile(
    r"^((?i:(?:the\s+)?(?:appendix|annex|schedule|attachment|exhibit|addendum)\b)(?:\s+(?:[A-Z]{1,2}|\d{1,3}|[IVXLC]{1,6})\b)?"
    r"|附件\s*[" + _CJK_NUMERAL + r"\d]*)\s*[.:：—–-]*\s*(.*)$"
)
# "一、过去三年的工作回顾" -> ("一", "过去三年的工作回顾").
_CJK = re.compile(r"^([" + _CJK_NUMERAL + r"]{1,4})、\s*(.*)$")
# "（一）基本原则。…" or "(三)举证责任" -> ("（一）", "基本原则。…").
_CJK_BRACKETED = re.compile(r"^([（(][" + _CJK_NUMERAL + r"]{1,4}[）)])\s*(.*)$")
# "第一章 总纲", "第十二条　国家…", "第一部分", "第1節　計画の目的" -> ("第一章", "总纲").
_CJK_DIVISION = re.compile(r"^(第[" + _CJK_NUMERAL + r"\d]{1,5}(编|編|部分|章|节|節|条|款))[\s　]*(.*)$")
# A Chinese provision number: "3．申报" (full-width dot).
_FULLWIDTH = re.compile(r"^(\d{1,3})．\s*(.*)$")


@dataclass(frozen=True)
class Label:
    """A heading line split into its label as printed and its text, with the label's scheme and number."""

    label: str
    text: str
    scheme: str = UNNUMBERED
    number: tuple[int, ...] = ()  # (7, 3, 2) for "7.3.2"; (5,) for "Article 5"; () when unnumbered
    word: str = ""  # the division word ("article", "chapter", "章") or appendix word

    @property
    def depth(self) -> int:
        """Return how deep a decimal label is: "7" -> 1, "7.3.2" -> 3, "1.0" -> 1, "A.1" -> 2."""
        parts = list(self.number)
        while len(parts) > 1 and parts[-1] == 0:
            parts.pop()  # "1.0" is chapter 1
        return len(parts)


def read_label(text: str) -> Label:
    """Split ``text`` into its label and heading: "II. Regional…" -> Label("II", "Regional…", ROMAN, (2,))."""
    text = " ".join(text.split())
    for reader in (_cjk_label, _appendix_label, _division_label, _decimal_label, _roman_label, _letter_label, _paren_label):
        found = reader(text)
        if found is not None:
            return found
    return Label("", text)


def _decimal_label(text: str) -> Label | None:
    match = _DECIMAL.match(text)
    if not match:
        return None
    label, rest = match.groups()
    parts = label.split(".")
    if parts[0].isalpha():
        if len(parts) == 1:
            return _roman_label(text) if parts[0] in _ROMAN_LETTERS else _letter_label(text)
        number = (APPENDIX_LETTERS + ord(parts[0]) - ord("A") + 1, *(int(p) for p in parts[1:]))
    else:
        number = tuple(int(p) for p in parts)
    if not rest and len(parts) == 1:
        return None  # a number alone on a line is a page number or a figure, not a heading
    return Label(label, rest.strip(), DECIMAL, number)


def _letter_label(text: str) -> Label | None:
    match = _LETTER.match(text)
    if not match:
        return None
    return Label(match.group(1), match.group(2).strip(), LETTER, (ord(match.group(1)) - ord("A") + 1,))


def _roman_label(text: str) -> Label | None:
    match = _ROMAN.match(text)
    if not match:
        return None
    return Label(match.group(1), match.group(2).strip(), ROMAN, (roman_value(match.group(1)),))


def _paren_label(text: str) -> Label | None:
    match = _PAREN.match(text)
    if not match:
        return None
    inner = match.group(1)[1:-1]
    value = int(inner) if inner.isdigit() else ord(inner[0]) - ord("a") + 1 if len(inner) == 1 else roman_value(inner.upper())
    return Label(match.group(1), (match.group(2) or "").strip(), PAREN, (value,))


def _division_label(text: str) -> Label | None:
    match = _DIVISION.match(text)
    if not match:
        return None
    label, word, number, rest = match.group(1), (match.group(2) or "§").casefold(), match.group(3), match.group(4)
    if word != "§" and word not in DIVISION_TIERS:
        return None
    label = label.rstrip(" .:|—–-")
    if word == "§":
        label = "§ " + label.lstrip("§ ")  # "§17.11" as a PDF's text layer runs it together: "§ 17.11"
    return Label(label, rest.strip(), DIVISION, (division_value(number or label.lstrip("§ ")),), word)


def _appendix_label(text: str) -> Label | None:
    match = _APPENDIX.match(text)
    if not match:
        return None
    label, rest = match.group(1).strip(), match.group(2).strip()
    parts = [p for p in label.split() if p.casefold() != "the"]
    word = parts[0].casefold() if label[0].isascii() else "附件"
    number = (division_value(parts[1]),) if len(parts) > 1 else ()
    if len(parts) > 1 and len(parts[1]) == 1 and parts[1].isalpha():
        number = (APPENDIX_LETTERS + number[0],)  # "Appendix B" numbers its sections "B.1": they share a number
    return Label(label, rest, APPENDIX, number, word)


def _cjk_label(text: str) -> Label | None:
    for pattern, scheme in ((_CJK, CJK), (_CJK_BRACKETED, CJK_BRACKETED), (_FULLWIDTH, FULLWIDTH)):
        match = pattern.match(text)
        if match:
            label, rest = match.groups()
            digits = label.strip("（）()")
            value = int(digits) if digits.isdigit() else cjk_value(digits)
            return Label(label, rest.strip(), scheme, (value,))
    match = _CJK_DIVISION.match(text)
    if match:
        label, word, rest = match.groups()
        inner = label[1:-len(word)]
        value = int(inner) if inner.isdigit() else cjk_value(inner)
        return Label(label, rest.strip(), CJK_DIVISION, (value,), word)
    return None


def roman_value(numeral: str) -> int:
    """Read a Roman numeral: "IV" -> 4, "XXVII" -> 27."""
    total = 0
    for char, following in zip(numeral, numeral[1:] + " "):
        value = _ROMAN_VALUES.get(char, 0)
        total += -value if value < _ROMAN_VALUES.get(following, 0) else value
    return total


def division_value(number: str) -> int:
    """Read a division's number: "5" -> 5, "II" -> 2, "IA" -> 1, "5A" -> 5, "ONE" -> 1, "1.1" -> 1."""
    head = number.split(".")[0]
    digits = re.match(r"\d+", head)
    if digits:
        return int(digits.group())
    if head.casefold() in _NUMBER_WORDS:
        return _NUMBER_WORDS[head.casefold()]
    roman = re.match(r"[IVXLC]+", head)
    if roman and roman_value(roman.group()):
        return roman_value(roman.group())
    return ord(head[0].upper()) - ord("A") + 1 if head[:1].isalpha() else 0


def cjk_value(numeral: str) -> int:
    """Read a Chinese numeral: "一" -> 1, "十" -> 10, "十五" -> 15, "二十一" -> 21, "一百零一" -> 101."""
    total = digit = 0
    for char in numeral:
        if char in _CJK_UNITS:
            total += (digit or 1) * _CJK_UNITS[char]
            digit = 0
        else:
            digit = _CJK_DIGITS.get(char, 0)
    return total + digit
