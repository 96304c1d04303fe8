"""Move the note about the author that closes a commentary out of the body.

Why: "The author is a senior fellow…", "The writer, a retired diplomat, is…" or a contributor's
biography ("Marta Kowalczyk is the head of…") describe the writer, not the subject; kept in the body
they would be searched and cited as the text. Only the last few paragraphs are examined, so a
sentence about an author early in the text stays where it is.

Why the byline's names: a closing paragraph about someone else ("Major-General Ian Ferrier is the
Chief of Navy…" in a news report) is text, not a note. A note about the author is about THE author of the
piece: it says "The author/writer is…", or it opens with a name the byline gives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The author's note closing an opinion piece: "The author is a senior fellow…", "— The writers are…".
_AUTHOR_NOTE = re.compile(r"^[(\-—–\s]*The\s+(?:authors?|writers?)(?:\s*,[^,.]{1,80},)?\s+(?:is|are|was|were)\b")
# A contributor's biography when the byline is unknown: a name, then what the person is or has: "Marta Kowalczyk is the
# head of the Maritime… Program", "Alan Hargreave OBE is Principal Adviser to…", "Rhys Calder has a doctorate from…".
_AUTHOR_BIO = re.compile(
    r"^(?!The\s|This\s|These\s|Our\s)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]*){1,3}(?:\s+[A-Z]{2,5})?\s+(?:is|was|has|holds)\s"
    r"[^.]{0,160}?\b(?i:fellow|director|professor|research|adviser|advisor|scholar|doctorate|associate|program"
    r"|manager|analyst|lecturer|editor|correspondent|journalist|ambassador|counsel|expert|chair)"
)
# An honorific before a name: "Dr Rhys Calder", "Prof. Jane Smith".
_HONORIFIC = r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs|Mx)\.?\s+)?"
# What follows the name in a biography, after letters such as "OBE": "is", "was", "has", "holds", "serves as".
_BIO_VERB = r"(?:\s+[A-Z]{2,5})?,?\s+(?:is|was|has|holds|serves|teaches|works|writes|leads|heads)\b"
_AUTHOR_NOTE_WINDOW = 3


def split_author_note(paragraphs: list[str], authors: Sequence[str] | None = None) -> tuple[list[str], str]:
    """Move a closing note about the author out of the body; return (body paragraphs, note).

    ``authors`` are the byline's names: a biography must open with one of them. With ``None`` (the byline is not
    known to the caller) any person's name followed by a role may open it.
    """
    start = max(1, len(paragraphs) - _AUTHOR_NOTE_WINDOW)  # a note closes a text: it is never all of it
    for index in range(start, len(paragraphs)):
        if _AUTHOR_NOTE.match(paragraphs[index]) or _is_biography(paragraphs[index], authors):
            return paragraphs[:index], " ".join(paragraphs[index:])
    return paragraphs, ""


def _is_biography(paragraph: str, authors: Sequence[str] | None) -> bool:
    """Tell whether a paragraph opens as a biography of one of ``authors`` ("Rhys Calder has a doctorate…")."""
    if authors is None:
        return bool(_AUTHOR_BIO.match(paragraph))
    return any(
        re.match(f"{_HONORIFIC}(?i:{re.escape(name)}){_BIO_VERB}", paragraph) for name in authors if name.strip()
    )
