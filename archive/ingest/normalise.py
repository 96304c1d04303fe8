"""Make decoded text uniform so that later steps compare and split it reliably.

Why: the same sentence arrives with different bytes (NFD accents, no-break spaces, soft hyphens left
by word processors, CRLF from Windows, trailing blanks from scrapers). The stored raw bytes stay
untouched elsewhere; only the parsed text is normalised.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that are invisible in print and only get in the way of matching and searching:
# soft hyphen ("Pre\u00adsident"), zero-width space, word joiner ("Biden-\u2060Harris") and a byte-order mark
# that survived inside the text. Zero-width (non-)joiners stay: Persian, Indic scripts and emoji need them.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"), None)

# Spaces that print as a space: no-break, en/em/thin/hair, figure, narrow no-break, medium mathematical.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u1680\u202f\u205f" + "".join(map(chr, range(0x2000, 0x200B)))), " ")

# Line and paragraph separators (U+2028, U+2029), lone CR and CRLF all become LF.
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")

# Trailing spaces and tabs before a newline or the end, e.g. "logo   \n".
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


def normalise(text: str) -> str:
    """Return ``text`` in NFC with invisible characters removed, plain spaces, LF line ends, no trailing blanks."""
    text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_INVISIBLE).translate(_SPACES)
    return _TRAILING_SPACE.sub("", text)
