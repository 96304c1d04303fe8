"""Recognise the lines of a byline: names, "By …" lines, a publisher in brackets, a dateline's place.

Why its own module: a byline arrives in several shapes — "By MEI LING TAN (Harbour Daily Global)" on
one line, or a bare name, "(The Harbour Times)" and a place on lines of their own above the date, or
only a speaker named in the title ("Remarks by Secretary of Commerce Dana Whitfield on …"). The
header reader (``metadata``) decides where the byline is; this module only says what a line is.
"""

from __future__ import annotations

import re

# "By MEI LING TAN (Harbour Daily Global)", "By Harold J. Brenner and Sofia Alvarenga".
_BYLINE = re.compile(r"^By\s+(?P<names>[^()]{2,100}?)\s*(?:\((?P<org>[^()]{2,60})\))?$")
# Separators between names: "A, B and C", "A & B".
NAME_SEPARATOR = re.compile(r"\s*(?:,|\band\b|&)\s*")
# One person's name: "Mei Ling Tan", "Harold J. Brenner", "MEI LING TAN", "Sofia de Alvarenga",
# "Robert T. Lindqvist Jr.".
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|bin|binti|al|da|di|le|la)){0,4}$")
# A publisher alone in brackets under a byline, possibly after a wire service: "(The Harbour Times)",
# "(ANN/The Coastal Herald)".
_PUBLISHER_LINE = re.compile(r"^\(((?:[A-Z]{2,8}\s*/\s*)?(?:The\s+)?[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,5})\)$")
# A dateline's place: "Jakarta", "Karachi, Pakistan", "Washington, DC", "Beijing, China".
_PLACE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?$")
# A speaker named in a speech's title: "Remarks by Secretary of Commerce Dana Whitfield on the …",
# "Speech by Prime Minister Helen Marsh at the Harbour Security Forum".
_SPEAKER = re.compile(
    r"^(?:Remarks|Speech|Address|Keynote(?:\s+Address)?|Statement)\s+(?:by|of)\s+(?P<who>[^,:;]+?)"
    r"\s+(?:on|at|to|before|in|for|during|and|with)\s"
)
# Office words before a speaker's name: "National Security Advisor", "Secretary of State", "Prime Minister".
_OFFICE_WORDS = frozenset(
    "president vice prime minister secretary deputy assistant under national security advisor adviser "
    "ambassador counselor counsellor director general special envoy representative foreign defense defence "
    "state press senior chief of the for and commerce treasury trade u.s. us senator governor chairman "
    "chairwoman premier chancellor spokesperson spokesman first lady".split()
)
# A name as an RFC header prints it, initials first: "D. Hallam", "P. Okafor-Lee", "JM. Le Gall", "S. Varga, Ed.".
_INITIALLED_NAME = re.compile(
    r"^(?:[A-Z][A-Za-z]?\.[\s-]?){1,3}[A-Z][\w'’-]+(?:\s(?:[A-Z][\w'’-]+|de|van|von|der|le|la))?(?:,\s*Ed\.?)?$"
)
# A contact address after a name in an author field: " <ada@example.org>", " (tomas@example.org)".
_CONTACT = re.compile(r"\s*[<(][^<>()\s]+@[^<>()\s]+[>)]")
# A label introducing the authors of a title page or a header: "Authors:", "Author: Lena Hartwig", "Written by".
_AUTHOR_LABEL = re.compile(r"^(?:Authors?(?:\(s\))?|Written\s+by|Prepared\s+by)\s*:\s*(?P<names>.*)$", re.I)
# An acronym in front of a speaker's office: "NSC Spokesperson Marcus Ellery", "USTR Priya Raman".
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
# One name of a run of names printed without separators: a given name, an optional initial, a surname: "Anna Berg",
# "Carl J. Weston", "Jean-Luc Picard".
_RUN_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s[A-Z]\.)?\s[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?")
# Two to twelve such names in a row: "Anna Berg Oliver Kent Tom Hale Sean Dorsey".
_NAME_RUN = re.compile(rf"(?:{_RUN_NAME.pattern}\s){{1,11}}{_RUN_NAME.pattern}")
# A catalogue's inverted personal name: "Fenwick, Alice", "McAllister, Rowan", "Okoro, Grace Adaeze".
_INVERTED = re.compile(r"^([A-Z][\w'’-]+),\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})$")
_MAX_NAME_WORDS = 4
# Han characters: CJK unified ideographs, extension A and the compatibility block.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A person's name as Chinese and Japanese official texts print it alone under the title: two to four Han characters,
# often spaced out to a fixed width with ideographic or ordinary spaces ("习　近　平", "王　　毅", "习近平").
_CJK_NAME = re.compile(rf"[{_HAN}](?:[ \u3000]*[{_HAN}]){{1,3}}")
# Short lines of Han characters alone that are no one's name: headings that open or close a text (前言, 目录, 结束语,
# 総則), a salutation printed without its colon (同志们), a document type (通知, 决定).
_CJK_NOT_NAMES = frozenset(
    "前言 引言 导言 导论 绪论 绪言 序言 序 序文 前文 目录 目次 摘要 提要 内容提要 概要 概述 总论 总则 総則 附则 附則 "
    "结束语 结语 结论 结论与建议 后记 跋 致谢 谢辞 附件 附录 附表 说明 编者按 按语 题记 注释 参考文献 "
    "正文 全文 背景 声明 公告 通告 通知 通报 决定 决议 意见 报告 批复 纪要 讲话 致辞 贺信 "
    "同志们 朋友们 女士们 先生们 各位 各位代表".split()
)
# The last characters of a body's name rather than a person's: 国务院, 外交部, 中共中央, 人民政府, 委员会.
_CJK_BODY_END = re.compile(r"(?:中央|政府|院|部|委|局|厅|署|办|会|室|处|所|社|党|省|市|县|区)$")
# Chinese numerals and the words of a numbered division: "十二", "第一章" are labels, not names.
_CJK_LABEL = re.compile(r"^第?[〇○零一二两三四五六七八九十百千]+(?:编|編|部分|章|节|節|条|款)?$")


def byline_names(line: str) -> tuple[tuple[str, ...], str] | None:
    """Return (authors, bracketed organisation) for a "By …" line, or None if ``line`` is not one."""
    match = _BYLINE.match(line)
    if not match:
        return None
    names = [n.strip() for n in NAME_SEPARATOR.split(match.group("names")) if n.strip()]
    if not names or not all(_NAME.match(n) for n in names):
        return None  # "By the authority vested in me…" is a sentence, not a byline
    return tuple(title_case_name(n) for n in names), (match.group("org") or "").strip()


def publisher_line(line: str) -> str:
    """Return the publisher of a bracketed line such as "(ANN/The Coastal Herald)", else ""."""
    match = _PUBLISHER_LINE.match(line)
    return match.group(1) if match else ""


def is_name(line: str) -> bool:
    """Tell whether ``line`` is a person's name alone: two to four capitalised words, no comma."""
    words = line.split()
    return 2 <= len(words) <= _MAX_NAME_WORDS and bool(_NAME.match(line)) and "&" not in line


def is_place(line: str) -> bool:
    """Tell whether ``line`` could be a dateline's place: "Jakarta", "Karachi, Pakistan"."""
    return bool(_PLACE.match(line))


def speaker_in_title(title: str) -> str:
    """Return the person a speech title names ("Remarks by … Dana Whitfield on …" -> "Dana Whitfield"), or ""."""
    match = _SPEAKER.match(title)
    if not match:
        return ""
    words = match.group("who").split()
    while words and (words[0].casefold() in _OFFICE_WORDS or _ACRONYM.match(words[0])):
        words.pop(0)
    name = " ".join(words)
    return name if is_name(name) else ""


def inverted_name(creator: str) -> str:
    """Return a catalogue's "Surname, Given" as "Given Surname" ("Fenwick, Alice" -> "Alice Fenwick"), else ""."""
    match = _INVERTED.match(creator.strip())
    return title_case_name(f"{match.group(2)} {match.group(1)}") if match else ""


def title_case_name(name: str) -> str:
    """Return ``name`` in title case if it was printed in capitals ("MEI LING TAN" -> "Mei Ling Tan")."""
    name = " ".join(name.split())
    return name.title() if name.isupper() else name


def initialled_name(text: str) -> str:
    """Return an RFC-style name with initials ("D. Hallam", "S. Varga, Ed.") without its role, else ""."""
    text = " ".join(text.split())
    if not _INITIALLED_NAME.match(text):
        return ""
    return re.sub(r",\s*Ed\.?$", "", text)


def author_field_names(value: str) -> tuple[str, ...]:
    """Return the people an author field lists ("Ada Lindqvist <ada@example.org>, Tomas Brandt"), in order.

    An entry that is not a person's name (a collective such as "The core developers") is left out: organisations
    are issuers, never authors.
    """
    names = [title_case_name(n) for n in NAME_SEPARATOR.split(_CONTACT.sub("", value)) if n.strip()]
    return tuple(n for n in names if is_name(n) or initialled_name(n))


def without_contact(value: str) -> str:
    """Return an author field's value without e-mail addresses: "Lena Hartwig <lena@example.org>" -> "Lena Hartwig"."""
    return " ".join(_CONTACT.sub("", value).split()).strip(" ,;")


def author_label(line: str) -> tuple[str, ...] | None:
    """Return the names after an "Authors:" label (empty when they follow on the next lines), or None if no label."""
    match = _AUTHOR_LABEL.match(line.strip())
    if not match:
        return None
    return author_field_names(match.group("names"))


def names_in_line(line: str) -> tuple[str, ...]:
    """Return the names a line lists: one name ("Anna Berg"), or a title page's list that a reader ran together
    ("Anna Berg Oliver Kent Tom Hale" -> three names, each a given name, an optional initial and a
    surname); () when the line is not only names."""
    line = " ".join(line.split())
    if is_name(line) and len(line.split()) <= 3:
        return (title_case_name(line),)
    if _NAME_RUN.fullmatch(line):
        return tuple(title_case_name(m.group()) for m in _RUN_NAME.finditer(line))
    return (title_case_name(line),) if is_name(line) else ()


def cjk_name(line: str) -> str:
    """Return the name a line under a Chinese or Japanese title prints alone ("习　近　平" -> "习近平"), else "".

    Two to four Han characters once the spaces that set them to width are removed; a heading or salutation word
    (前言, 结束语, 同志们), a body's name (国务院) or a numbered label (第一章) is not a name, nor is a line with any
    punctuation ("同志们：" is a salutation, its colon says so).
    """
    line = line.strip()
    if not _CJK_NAME.fullmatch(line):
        return ""
    name = "".join(line.split())
    if name in _CJK_NOT_NAMES or _CJK_BODY_END.search(name) or _CJK_LABEL.match(name):
        return ""
    return name
