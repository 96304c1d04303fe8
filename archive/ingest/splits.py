"""Rejoin words that a web page's typography split over two lines before any line is judged.

Why at the line level, before debris removal: a drop cap is printed as its own element, so a
scraper emits "A" then "pril 2, 2019 marked…"; left alone, the lone "A" looks like the "A A A"
text-size widget and would be dropped, and the sentence would lose its first letter. Superscript
ordinals ("70" / "th") are split the same way. Both are rejoined here without a space.
"""

from __future__ import annotations

import re

# A drop cap: a single capital letter alone on a line ("A", "T", "C").
_DROP_CAP = re.compile(r"[A-Z]")
# The rest of the word after a drop cap starts in lower case: "pril 2, 2019 marked the 70", "oday marks…".
_CONTINUATION = re.compile(r"[a-z]")
# A superscript ordinal suffix alone on a line: "th", "st", "nd", "rd".
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)")
# A line ending in a number that takes that suffix: "…marked the 70", "By the 21".
_ENDS_IN_NUMBER = re.compile(r"\d$")


def rejoin_splits(lines: list[str]) -> list[str]:
    """Return ``lines`` with drop caps and superscript ordinals glued back onto their words.

    The result has as many lines as ``lines``: a line glued onto its neighbour is left blank, so callers
    can still tell which line of the input each output line is.
    """
    out = list(lines)
    last = -1  # the output line a suffix would be glued onto
    for index in range(len(out)):
        stripped = out[index].strip()
        following = out[index + 1].strip() if index + 1 < len(out) else ""
        if _DROP_CAP.fullmatch(stripped) and _CONTINUATION.match(following):
            out[index], out[index + 1] = stripped + following, ""  # "A" + "ug. 1, 2022…" -> "Aug. 1, 2022…"
        elif _ORDINAL_SUFFIX.fullmatch(stripped) and last >= 0 and _ENDS_IN_NUMBER.search(out[last].rstrip()):
            out[last], out[index] = out[last].rstrip() + stripped, ""  # "…the 95" + "th" -> "…the 95th"
            continue
        if out[index].strip():
            last = index
    return out
