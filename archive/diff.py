"""Word-level differences between two captures of one work, for the comparison page."""

import difflib
import re
from dataclasses import dataclass

# Words with the spacing that follows them, so joined pieces read as the original: "trust gaps, " -> 2 tokens.
_WORD = re.compile(r"\S+\s*")


@dataclass(frozen=True)
class Piece:
    op: str  # "same", "added" or "removed"
    text: str


@dataclass(frozen=True)
class Diff:
    pieces: list[Piece]
    added_words: int
    removed_words: int


def word_diff(old: str, new: str) -> Diff:
    """Return the pieces that turn ``old`` into ``new``, word by word."""
    old_words, new_words = _WORD.findall(old), _WORD.findall(new)
    matcher = difflib.SequenceMatcher(a=[w.strip() for w in old_words], b=[w.strip() for w in new_words], autojunk=False)
    pieces: list[Piece] = []
    added = removed = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece("same", "".join(new_words[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", "".join(old_words[i1:i2])))
            removed += i2 - i1
        if j2 > j1:
            pieces.append(Piece("added", "".join(new_words[j1:j2])))
            added += j2 - j1
    return Diff(pieces, added, removed)
