"""Choose a document's title from what a capture offers: a front-matter title, its "description", a printed line.

Why: reposting sites abbreviate titles ("JP's Stance On TW's Security") and keep the full one in the
description, or split one title in two ("Between Two Reefs" + "Indonesia's Strategic Culture…");
catalogues add a full stop and editors a footnote marker ("…the United States[1]"). These rules
only read the strings, so the header reader stays about where lines are.
"""

from __future__ import annotations

import re

# A footnote marker after a title: "…and the United States[1]", "…Treaty [12]".
_FOOTNOTE_MARK = re.compile(r"\s*\[\d{1,3}\]$")
# Frequent words that do not make two titles share a subject.
_STOP_STEMS = frozenset("with from that this their about after into over under between".split())
# A description longer than this, or ending a sentence, is a standfirst, not a title.
_MAX_TITLE_WORDS = 20


def clean_title(title: str) -> str:
    """Drop a footnote marker and a cataloguer's full stop from a title: "…United States[1]" -> "…United States"."""
    title = _FOOTNOTE_MARK.sub("", title.strip())
    if title.endswith(".") and not title.endswith("..") and not re.search(r"\b(?:[A-Za-z]\.){2,}$", title):
        title = title[:-1]
    return title


def title_and_description(title: str, description: str) -> tuple[str, str]:
    """Return (title, subtitle) from a site's short title and its "description".

    A description that is a sentence is the standfirst.
    A description sharing words with the title is the full title the site abbreviated ("JP's Stance On TW's
    Security" / "Japan's Stance on Taiwan's Security is Good for…"); one sharing none is the title's second
    half ("Between Two Reefs" / "Indonesia's Strategic Culture…"), printed after a colon.
    """
    if len(description.split()) > _MAX_TITLE_WORDS or description.rstrip().endswith((".", "!")):
        return title, description  # a sentence: the standfirst
    if not title:
        return description, ""
    if _content_words(title) & _content_words(description):
        return description, ""
    return f"{title}: {description}", ""


def _content_words(text: str) -> set[str]:
    # Compare on five-letter stems so "Improve" meets "Improving" and "China" meets "Chinese".
    return {w.casefold()[:5] for w in re.findall(r"[^\W\d_]{4,}", text.replace("’", "'"))} - _STOP_STEMS
