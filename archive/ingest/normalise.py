"""Make decoded text uniform so that later steps compare and split it reliably.

Why: the same sentence arrives with different bytes (NFD accents, no-break spaces, soft hyphens left
by word processors, CRLF from Windows, trailing blanks from scrapers, "&amp;" left by a scraper that
escaped twice, "â€™" from a page that was UTF-8 but read as cp1252 somewhere upstream). The stored raw
bytes stay untouched elsewhere; only the parsed text is normalised.

Why ftfy only on suspicious lines: ftfy is careful (it leaves correct text alone) but slow, about
half a second per megabyte; mojibake of UTF-8 always shows a Latin-1 letter from the UTF-8 lead-byte
range followed by a continuation-byte character, so lines without that pair are skipped.
"""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy

# Characters that are invisible in print and only get in the way of matching and searching:
# soft hyphen ("Pre\u00adsident"), zero-width space, word joiner ("Biden-\u2060Harris") and a byte-order mark
# that survived inside the text. Zero-width (non-)joiners stay: Persian, Indic scripts and emoji need them.
# NUL too, which a JSON string can carry ("\u0000") and PostgreSQL cannot store in a text column.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff\x00"), None)

# Spaces that print as a space: no-break, en/em/thin/hair, figure, narrow no-break, medium mathematical.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u1680\u202f\u205f" + "".join(map(chr, range(0x2000, 0x200B)))), " ")

# Typographic ligatures PDFs are full of: "ﬁnance" must be found by a search for "finance".
_LIGATURES = {ord(k): v for k, v in {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}.items()}

# Line and paragraph separators (U+2028, U+2029), lone CR and CRLF all become LF.
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")

# A run of two or more spaces or tabs after a visible character: "Print Mail   Large" -> "Print Mail Large".
# Leading indentation stays (Markdown and front matter read it). Runs are collapsed because later steps
# treat them as one space anyway, and a megabyte-long run would make some of their patterns quadratic.
_INNER_SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}")

# An HTML entity with its closing semicolon, as scrapers leave them: "&amp;", "&nbsp;", "&#8217;", "&#x2019;".
# Without the semicolon it is text ("AT&T", "R&D", "&copy" in prose), so it is left alone.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# Mojibake of UTF-8 read as cp1252 or Latin-1: a lead byte shown as "Â".."ô" then a continuation byte shown
# as one of \x80-\xbf or a cp1252 punctuation mark: "â€™" (’), "Ã©" (é), "Â£" (£), "ä¸­" (中); or a
# bare C1 control ("\x93quoted\x94"), which is cp1252 punctuation read as Latin-1.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|[\u0080-\u009f]"
)

# ftfy's repairs minus those that would change correct text: curly quotes stay curly, full-width Chinese
# punctuation ("，", "（") stays full-width, entities are handled above, line breaks and NFC below.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    fix_line_breaks=False,
    fix_latin_ligatures=False,
    normalization=None,
    explain=False,
)


def normalise(text: str) -> str:
    """Return ``text`` repaired and in NFC: no mojibake or entities, invisible characters removed, plain spaces,
    LF line ends, no trailing blanks."""
    text = _LINE_BREAKS.sub("\n", text)
    text = repair_mojibake(text)
    text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_INVISIBLE).translate(_SPACES).translate(_LIGATURES)
    text = _INNER_SPACE_RUN.sub(" ", text)
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as cp1252 or Latin-1 ("â€™" -> "’"), line by line, leaving correct lines alone."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _MOJIBAKE_HINT.search(line):
            lines[index] = ftfy.fix_text(line, _FTFY)
    return "\n".join(lines)
