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
# (Bounded lengths keep a long run of "[" linear rather than quadratic.)
_LINK = re.compile(r"\[([^\[\]]{0,500})\]\([^)\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)")
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

# A line wholly in bold, a heading in a scraped page: "**I. Purpose**  ", "**<u>INVESTING AT HOME</u>**  ",
# "**The Quad’s positive, practical agenda**  " (its text often follows on the next line, after a hard break).
_BOLD_LINE = re.compile(r"^[ \t]*\*\*(?!\*)(?P<inner>[^*\n]{1,200}?)\*\*[ \t]*$", re.MULTILINE)
# A label opening a numbered heading: "I. ", "2. ", "A. ".
_LABELLED = re.compile(r"^(?:[IVXLC]{1,7}|\d{1,3}|[A-Z])\.\s")
_MAX_BOLD_HEADING_WORDS = 12
# A paragraph set wholly in italics, as a standfirst under a title: "_With its first-ever National Defence
# Strategy, Australia aims…_", "*A 21<sup>st</sup>-Century Partnership for the Pacific, the\nIndo-Pacific, and the World*".
_ITALIC_PARAGRAPH = re.compile(r"(?P<d>[_*])(?![_*\s])(?P<inner>[^_*]+?)(?<![\s\\])(?P=d)", re.S)
# A pull quote: a paragraph wholly in emphasised code, repeating the text beside it: "___`The solution to…`___".
_PULL_QUOTE = re.compile(r"[_*]{1,3}`[^`]+`[_*]{1,3}", re.S)
# Paragraph breaks: one or more blank lines.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

BULLET = "\u2022 "
# Kept around an italic paragraph so the header can read it as a standfirst; ``paragraphs`` removes it.
ITALIC_MARK = "_"


def markdown_to_text(text: str) -> str:
    """Return ``text`` with Markdown and inline HTML markup removed, headings and bullets kept.

    A paragraph wholly in italics keeps one ``ITALIC_MARK`` at each end (a standfirst candidate);
    a pull quote in emphasised code is dropped.
    """
    return "\n\n".join(_paragraph_to_text(p) for p in _PARAGRAPH_BREAK.split(text))


def _paragraph_to_text(paragraph: str) -> str:
    stripped = paragraph.strip()
    if _PULL_QUOTE.fullmatch(stripped):
        return ""
    italic = _ITALIC_PARAGRAPH.fullmatch(stripped)
    if italic:
        return ITALIC_MARK + _inline_to_text(italic.group("inner")).strip() + ITALIC_MARK
    return _inline_to_text(paragraph)


def _inline_to_text(text: str) -> str:
    text = _BOLD_LINE.sub(_bold_line, text)
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


def _bold_line(match: re.Match[str]) -> str:
    """Set a bold line apart as its own paragraph; mark it as a heading if it carries no label of its own.

    A numbered bold line ("I. Purpose") is left to ``structure``'s numbering rules; an unnumbered one
    ("INVESTING AT HOME") has nothing but its boldness to show it is a heading, so it becomes "### …".
    """
    inner = _TAG.sub("", match.group("inner")).strip()
    words = len(inner.split())
    heading = (
        0 < words <= _MAX_BOLD_HEADING_WORDS and not _LABELLED.match(inner) and not inner.endswith((".", ":", ";", ","))
    )
    return f"\n\n{'### ' if heading else ''}{inner}\n\n"
