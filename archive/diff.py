"""Word-level differences between two captures of one work, for the comparison page."""

import difflib
import re
from dataclasses import dataclass

# Words with the spacing that follows them, so joined pieces read as the original: "trust gaps, " -> 2 tokens.
_WORD = re.compile(r"\S+\s*")

# Typography that says nothing about the text: curly and angled quotation marks read as straight ones, every
# dash and minus as a hyphen ("--" too), unless the comparison is asked to be exact.
_TYPOGRAPHY = str.maketrans({**dict.fromkeys("‘’‚‛′`", "'"), **dict.fromkeys("“”„‟″«»", '"'),
                             **dict.fromkeys("‐‑‒–—―−", "-")})


def _plain(word: str) -> str:
    return word.strip().translate(_TYPOGRAPHY).replace("--", "-")


@dataclass(frozen=True)
class Piece:
    op: str  # "same", "added" or "removed"
    text: str


@dataclass(frozen=True)
class Diff:
    pieces: list[Piece]
    added_words: int
    removed_words: int


def word_diff(old: str, new: str, *, exact: bool = False) -> Diff:
    """Return the pieces that turn ``old`` into ``new``, word by word: words differing only in their quotation
    marks or dashes count as the same (shown as in ``new``) unless ``exact``."""
    old_words, new_words = _WORD.findall(old), _WORD.findall(new)
    key = str.strip if exact else _plain
    matcher = difflib.SequenceMatcher(a=[key(w) for w in old_words], b=[key(w) for w in new_words], autojunk=False)
    pieces: list[Piece] = []
    added = removed = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            same = "".join(new_words[j1:j2])
            if i2 < len(old_words) and same == same.rstrip():  # the older text goes on after a space: keep it
                same += old_words[i2 - 1][len(old_words[i2 - 1].rstrip()):]
            pieces.append(Piece("same", same))
            continue
        removed_text, added_text, after = "".join(old_words[i1:i2]), "".join(new_words[j1:j2]), ""
        if removed_text and added_text and "\n" in added_text[len(added_text.rstrip()):]:
            # A word replaced at a paragraph's end: the paragraph break follows both, rather than closing the
            # removed word off in a paragraph of its own.
            removed_text, added_text = removed_text.rstrip(), added_text.rstrip()
            after = "".join(new_words[j1:j2])[len(added_text):]
        if removed_text:
            pieces.append(Piece("removed", removed_text))
            removed += i2 - i1
        if added_text:
            pieces.append(Piece("added", added_text))
            added += j2 - j1
        if after:
            pieces.append(Piece("same", after))
    return Diff(pieces, added, removed)
