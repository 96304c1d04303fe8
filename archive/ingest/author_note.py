"""Move the note about the author that closes a commentary out of the body.

Why: "The author is deputy director…", "The writer, a senior colonel, is…" or a contributor's
biography ("Daniel Byman is the director of…") describe the writer, not the subject; kept in the body
they would be searched and cited as the text. Only the last few paragraphs are examined, so a
sentence about an author early in the text stays where it is.
"""

from __future__ import annotations

import re

# The author's note closing an opinion piece: "The author is deputy director…", "— The writers are…".
_AUTHOR_NOTE = re.compile(r"^[(\-—–\s]*The\s+(?:authors?|writers?)\b[^.]{0,80}?\s(?:is|are|was|were)\b")
# A contributor's biography closing a reposted commentary: "Daniel Byman is the director of the Warfare…
# Program", "Charles Parton OBE is Chief Adviser to…", "Peter Layton has a doctorate from…".
_AUTHOR_BIO = re.compile(
    r"^(?!The\s|This\s|These\s|Our\s)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]*){1,3}(?:\s+[A-Z]{2,5})?\s+(?:is|was|has|holds)\s"
    r"[^.]{0,160}?\b(?i:fellow|director|professor|research|adviser|advisor|scholar|doctorate|associate|program"
    r"|manager|analyst|lecturer|editor|correspondent|journalist|ambassador|counsel|expert|chair)"
)
_AUTHOR_NOTE_WINDOW = 3


def split_author_note(paragraphs: list[str]) -> tuple[list[str], str]:
    """Move a closing "The author is …" note out of the body; return (body paragraphs, note)."""
    start = max(0, len(paragraphs) - _AUTHOR_NOTE_WINDOW)
    for index in range(start, len(paragraphs)):
        if _AUTHOR_NOTE.match(paragraphs[index]) or _AUTHOR_BIO.match(paragraphs[index]):
            return paragraphs[:index], " ".join(paragraphs[index:])
    return paragraphs, ""
