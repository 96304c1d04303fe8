"""Recognise the lines of a byline: names, "By …" lines, a publisher in brackets, a dateline's place.

Why its own module: a byline arrives in several shapes — "By LU CHUANYING (China Daily Global)" on
one line, or a bare name, "(The Jakarta Post)" and a place on lines of their own above the date, or
only a speaker named in the title ("Remarks by National Security Advisor Jake Sullivan on …"). The
header reader (``metadata``) decides where the byline is; this module only says what a line is.
"""

from __future__ import annotations

import re

# "By LU CHUANYING (China Daily Global)", "By Gregory B. Poling and Andreyka Natalegawa".
_BYLINE = re.compile(r"^By\s+(?P<names>[^()]{2,100}?)\s*(?:\((?P<org>[^()]{2,60})\))?$")
# Separators between names: "A, B and C", "A & B".
NAME_SEPARATOR = re.compile(r"\s*(?:,|\band\b|&)\s*")
# One person's name: "Lu Chuanying", "Gregory B. Poling", "LU CHUANYING", "Andreyka de Natalegawa",
# "Joseph R. Biden Jr.".
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|bin|binti|al|da|di|le|la)){0,4}$")
# A publisher alone in brackets under a byline, possibly after a wire service: "(The Jakarta Post)",
# "(ANN/The Straits Times)".
_PUBLISHER_LINE = re.compile(r"^\(((?:[A-Z]{2,8}\s*/\s*)?(?:The\s+)?[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,5})\)$")
# A dateline's place: "Jakarta", "Karachi, Pakistan", "Washington, DC", "Beijing, China".
_PLACE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?$")
# A speaker named in a speech's title: "Remarks by National Security Advisor Jake Sullivan on the …",
# "Speech by Prime Minister Anthony Albanese at the Shangri-La Dialogue".
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
# A catalogue's inverted personal name: "Howard, John", "McMahon, William", "Ardern, Jacinda Kate".
_INVERTED = re.compile(r"^([A-Z][\w'’-]+),\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})$")
_MAX_NAME_WORDS = 4


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
    """Return the publisher of a bracketed line such as "(ANN/The Straits Times)", else ""."""
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
    """Return the person a speech title names ("Remarks by … Jake Sullivan on …" -> "Jake Sullivan"), or ""."""
    match = _SPEAKER.match(title)
    if not match:
        return ""
    words = match.group("who").split()
    while words and words[0].casefold() in _OFFICE_WORDS:
        words.pop(0)
    name = " ".join(words)
    return name if is_name(name) else ""


def inverted_name(creator: str) -> str:
    """Return a catalogue's "Surname, Given" as "Given Surname" ("Howard, John" -> "John Howard"), else ""."""
    match = _INVERTED.match(creator.strip())
    return title_case_name(f"{match.group(2)} {match.group(1)}") if match else ""


def title_case_name(name: str) -> str:
    """Return ``name`` in title case if it was printed in capitals ("LU CHUANYING" -> "Lu Chuanying")."""
    name = " ".join(name.split())
    return name.title() if name.isupper() else name
