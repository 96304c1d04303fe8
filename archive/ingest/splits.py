"""Rejoin words that a web page's typography split over two lines before any line is judged.

Why at the line level, before debris removal: a drop cap is printed as its own element, so a
scraper emits "A" then "ug. 1, 2022 marked…"; left alone, the lone "A" looks like the "A A A"
text-size widget and would be dropped, and the sentence would lose its first letter. Superscript
ordinals ("95" / "th") are split the same way. Both are rejoined here without a space.
"""

from __future__ import annotations

import re

# A drop cap: a single capital letter alone on a line ("A", "T", "C").
_DROP_CAP = re.compile(r"[A-Z]")
# The rest of the word after a drop cap starts in lower case: "ug. 1, 2022 marked the 95", "oday marks…".
_CONTINUATION = re.compile(r"[a-z]")
# A superscript ordinal suffix alone on a line: "th", "st", "nd", "rd".
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)")
# A line ending in a number that takes that suffix: "…marked the 95", "Since the 18".
_ENDS_IN_NUMBER = re.compile(r"\d$")


def rejoin_splits(lines: list[str]) -> list[str]:
    """Return ``lines`` with drop caps and superscript ordinals glued back onto their words."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if _DROP_CAP.fullmatch(stripped) and _CONTINUATION.match(following):
            out.append(stripped + following)  # "A" + "ug. 1, 2022…" -> "Aug. 1, 2022…"
            index += 2
            continue
        if _ORDINAL_SUFFIX.fullmatch(stripped) and out and _ENDS_IN_NUMBER.search(out[-1].rstrip()):
            out[-1] = out[-1].rstrip() + stripped  # "…the 95" + "th" -> "…the 95th"
            index += 1
            continue
        out.append(line)
        index += 1
    return out
