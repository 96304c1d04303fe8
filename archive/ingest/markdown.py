"""Reduce Markdown (with the inline HTML scrapers leave in it) to plain lines the text rules can read.

Why: the archive stores sanitised text per section, and the plain-text steps (debris, paragraphs,
headings) should see "I. Purpose", not "**I. Purpose**". ATX headings keep their leading hashes,
because ``structure`` uses them; list items keep a bullet so each stays its own paragraph.
"""

from __future__ import annotations

import html
import re

# A thematic break on its own line: "---", "-----", "* * *", "___".
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)
# An image: "![Soldiers march](https://…/x.jpg)" (dropped: the caption is not body text).
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
# A link, possibly wrapped over lines: "[Read the full strategy\nhere](https://…pdf)" -> its text.
_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
# An autolink: "<https://www.defence.gov.au>" -> the address.
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
# A line break tag: "<br>", "<br/>".
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Any other tag, attributes may span lines: "<u>", "</sup>", "<excerpt/>", '<span style="…">'.
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
# A list bullet at the start of a line: "-   *Investing in…*", "* item", "+ item".
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+(?=\S)", re.MULTILINE)
# Emphasis asterisks, not escaped: "***FREE AND OPEN***", "**Strategic Competition. **".
_STARS = re.compile(r"(?<!\\)\*+")
# Emphasis underscores at a word edge: "__Peter Layton__", "_matter omitted_", "___`quote`___";
# underscores inside a word ("snake_case") stay.
_UNDERSCORES = re.compile(r"(?<![\w\\])_+(?=\S)|(?<=\S)(?<!\\)_+(?!\w)")
# Inline code ticks: "`quote`".
_TICKS = re.compile(r"(?<!\\)`+")
# A backslash escape: "7\." -> "7.", "\###" -> "###", "\_" -> "_".
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")
# A blockquote marker: "> quoted".
_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
# Leading indentation: "    civil society*" (list continuation) or " Department of Defence" (Trove text).
_INDENT = re.compile(r"^[ \t]+(?=\S)", re.MULTILINE)

BULLET = "\u2022 "


def markdown_to_text(text: str) -> str:
    """Return ``text`` with Markdown and inline HTML markup removed, headings and bullets kept."""
    text = _RULE.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _BR.sub("\n", text)
    text = _TAG.sub("", text)
    text = _QUOTE.sub("", text)
    text = _BULLET.sub(BULLET, text)
    text = _STARS.sub("", text)
    text = _UNDERSCORES.sub("", text)
    text = _TICKS.sub("", text)
    text = _ESCAPE.sub(lambda m: m.group(1), text)
    text = _INDENT.sub("", text)
    return html.unescape(text)
