"""Remove debris that spans several lines and can sit in the middle of the body.

Why separate from the single-line patterns in ``boilerplate``: a newsletter sign-up box, a "Read
also:" link or a photo caption is only recognisable by a marker line plus its neighbours (the box's
name above "Every Thursday", the headline under "Read also:", the caption before "(AFP/Lin Hua)").
Each rule names the marker and how far the block reaches, so the same rule serves every news site
that embeds such widgets; the text around them is kept, so a paragraph interrupted by a box closes up.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# The cadence line of a newsletter box: "Every Thursday", "Every Monday", "Every weekday morning", "Daily".
_NEWSLETTER_START = re.compile(
    r"every\s+(?:day|week|weekday|morning|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|evening))?",
    _I,
)
# The last line of a newsletter box: "View More Newsletter", "Please check your email for your newsletter
# subscription.", "Thank you for signing up!", "for signing up our newsletter!".
_NEWSLETTER_END = re.compile(
    r"view\s+more\s+newsletters?|please\s+check\s+your\s+(?:e-?mail|inbox).*|(?:thank\s+you\s+)?for\s+signing\s+up.*",
    _I,
)
_NEWSLETTER_SPAN = 16
# The newsletter's name above its cadence line: "Viewpoint", "Prospects", "The Daily Brief".
_BOX_NAME = re.compile(r"[\w'’&-]+(?:\s+[\w'’&-]+){0,3}")

# A link to another article inside the body; the next line is that article's headline:
# "Read also:", "Also read:", "See also:", "Read more:" (with its colon; without it, it opens a tail).
_RELATED_LINK = re.compile(r"(?:read|see)\s+also\s*:?|also\s+read\s*:?|read\s+more\s*:", _I)

# A photo credit closing a caption: "(Reuters/Tom Wexler)", "(AFP/Lin Hua)", "(Antara/Rizky Pratama)",
# "(State Press Office/Dewi Kartika)", "(JP/Budi Santoso)".
_CREDIT = r"\((?:[A-Z][\w.&'’-]*)(?:\s+[A-Z][\w.&'’-]*){0,4}/[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\)"
# A caption with its credit at the end of the line: "…in Shanghai, May 4, 2018. (Reuters/Tom Wexler)".
_CAPTION = re.compile(rf"(?:\S+\s+){{4}}.*{_CREDIT}")
# A credit alone on a line, under a caption line that ended with its full stop.
_CREDIT_LINE = re.compile(_CREDIT)


def drop_blocks(lines: list[str]) -> set[int]:
    """Return the indexes of ``lines`` in newsletter boxes, in-body "Read also:" links and captioned photo credits."""
    drop: set[int] = set()
    for index, line in enumerate(lines):
        text = line.strip()
        if _NEWSLETTER_START.fullmatch(text):
            drop.update(_newsletter_box(lines, index))
        elif _RELATED_LINK.fullmatch(text):
            drop.add(index)
            following = _next_nonblank(lines, index)
            if following is not None:
                drop.add(following)
        elif _CAPTION.fullmatch(text):
            drop.add(index)
        elif _CREDIT_LINE.fullmatch(text):
            previous = _previous_nonblank(lines, index)
            if previous is not None and lines[previous].strip().endswith("."):
                drop.update((previous, index))  # "A cyclist rides past… on March 2, 2022." / "(AFP/Lin Hua)"
    return drop


def _newsletter_box(lines: list[str], start: int) -> range:
    end = start
    for index in range(start + 1, min(len(lines), start + _NEWSLETTER_SPAN)):
        if _NEWSLETTER_END.fullmatch(lines[index].strip()):
            end = index
    first = start
    previous = _previous_nonblank(lines, start)
    if previous is not None and _BOX_NAME.fullmatch(lines[previous].strip()):
        first = previous
    return range(first, end + 1)


def _next_nonblank(lines: list[str], index: int) -> int | None:
    return next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)


def _previous_nonblank(lines: list[str], index: int) -> int | None:
    return next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
