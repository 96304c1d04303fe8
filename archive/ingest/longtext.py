"""Keep lines and paragraphs to a bounded size by splitting over-long ones at sentence boundaries.

Why: a capture can be one enormous line (a scraper that dropped every line break, a 2 MB export),
and a paragraph of megabytes is useless to a reader, to a search snippet and to the section index.
Splitting the lines early also bounds what every later pattern has to scan, so no step can be made
slow by a single line. A split falls after a sentence; failing that at a space; failing that anywhere.
"""

from __future__ import annotations

import re

MAX_PARAGRAPH_CHARS = 4000
"""A paragraph or line longer than this is split; real paragraphs, even in treaties, stay well below it."""

# The end of a sentence followed by the start of the next: "…the region. The code…", "…said.” Analysts…",
# "…两年。各方…" (CJK full stops need no space after them).
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|[。！？；][\"”’」』）]*")


def split_long_lines(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> str:
    """Return ``text`` with every line over ``limit`` characters split into paragraphs (blank line between)."""
    if len(text) <= limit or all(len(line) <= limit for line in text.split("\n")):
        return text
    return "\n".join("\n\n".join(split_long(line, limit)) for line in text.split("\n"))


def split_long(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """Split ``text`` into pieces of at most ``limit`` characters, after a sentence where possible."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        end = _last_sentence_break(window)
        if end is None:
            space = window.rfind(" ", limit // 2)
            end = space + 1 if space > 0 else limit
        piece = text[start:start + end].strip()
        if piece:
            pieces.append(piece)
        start += end
    rest = text[start:].strip()
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def _last_sentence_break(window: str) -> int | None:
    """Return the offset just after the last sentence end in the second half of ``window``, or None."""
    last = None
    for match in _SENTENCE_BREAK.finditer(window, len(window) // 2):
        last = match.end()
    return last if last and last < len(window) else None
