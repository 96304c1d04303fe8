"""Join the lines of a block into paragraphs.

Why: captures break text in two opposite ways. Copy-paste from a browser hard-wraps sentences
mid-line ("…to visit its" / "Kiel harbour base…"), while scrapers put one paragraph per line with no
blank line between. A line that ends a sentence therefore ends a paragraph, and a line that does not
is joined with the next. Blocks themselves end at blank lines, which the readers keep as block breaks.
"""

from __future__ import annotations

import re

from .markdown import BULLET, ITALIC_MARK

# The end of a sentence, allowing closing quotes or brackets: "…dialogue.", "…of Asia.'", "…(EEZ).”", "by:".
_SENTENCE_END = re.compile(r"[.!?:…][\"'”’)\]]*$")
# A final word that ends with a dot but not a sentence: "the U.S.", "Mr.", "e.g.", "No.".
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Vol|Art|Sec|Gen|Lt|Col|Prof|Jr|Sr|vs|etc|Jan|Feb|Mar|Apr"
    r"|Aug|Sept?|Oct|Nov|Dec)\.)$"
)
# A line that starts a list item: "• Investing…" (from Markdown), "- item", "* item", "1) item".
_LIST_ITEM = re.compile(rf"^(?:{re.escape(BULLET.strip())}|[-*+])\s|^\(?[a-z0-9]{{1,3}}\)\s")
# A word broken by a hyphen at the end of a line: "multi-" + "layered" -> "multi-layered".
_HYPHEN_END = re.compile(r"[a-z]-$")
# A line that starts with punctuation closing the previous one, left by an inline link or italic title
# the scraper put on its own line: "…ambassador of Norway to the Nordic Council" / ".",
# "A Fair Share of the Catch" / ", the report is available…".
_CLOSING_PUNCTUATION = re.compile(r"^[,.;:!?)\]”’]")

# A Chinese, Japanese or Korean character or full-width punctuation mark: "中", "。", "（".
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")
# Chinese punctuation that closes a sentence or clause at a line end: "。", "！", "？", "；", "：", "”".
_CJK_CLOSING = re.compile(r"[。！？；：…”’」』）]")
# A Chinese line shorter than this share of its block's widest line stops before the width: it ends there.
_SHORT_CJK_LINE = 0.7


def join_block(block: list[str]) -> list[str]:
    """Join the lines of one block into paragraphs.

    Chinese text is not wrapped at word breaks, so a line ending in Chinese punctuation, or a Chinese
    line well short of the block's width (a heading: "一、推进渔业转型发展的重要意义"), ends its paragraph.
    """
    paragraphs: list[str] = []
    current = ""
    if block and block[0].startswith(ITALIC_MARK) and block[-1].endswith(ITALIC_MARK) and len("".join(block)) > 2:
        block = [block[0][1:], *block[1:-1], block[-1][:-1]] if len(block) > 1 else [block[0][1:-1]]
    width = max((len(line) for line in block), default=0)
    previous = ""
    for line in block:
        ends = _ends_paragraph(current, line) or _ends_cjk_line(previous, width)
        if current and (_LIST_ITEM.match(line) or ends):
            paragraphs.append(current)
            current = ""
        current = _glue(current, line)
        previous = line
    if current:
        paragraphs.append(current)
    return [" ".join(p.split()) for p in paragraphs]


def _ends_cjk_line(line: str, width: int) -> bool:
    """Tell whether a line of Chinese text ends its paragraph: with closing punctuation, or well short of the width."""
    if not line or not _CJK.match(line[-1]):
        return False
    return bool(_CJK_CLOSING.match(line[-1])) or len(line) < _SHORT_CJK_LINE * width


def unmark_italic(text: str) -> str:
    """Remove the marks ``markdown`` keeps around a wholly italic paragraph: "_With its…_" -> "With its…"."""
    if len(text) > 2 and text.startswith(ITALIC_MARK) and text.endswith(ITALIC_MARK):
        return text[1:-1].strip()
    return text


def ends_sentence(text: str) -> bool:
    """Tell whether ``text`` ends with sentence-final punctuation (not an abbreviation such as "U.S.")."""
    return bool(_SENTENCE_END.search(text)) and not _ABBREVIATION.search(text)


def _ends_paragraph(current: str, next_line: str) -> bool:
    # A sentence end followed by a lower-case word is a wrapped sentence after all: "…No.\nfive".
    return ends_sentence(current) and not next_line[:1].islower()


def _glue(current: str, line: str) -> str:
    if not current:
        return line
    if _CJK.match(current[-1]) and _CJK.match(line[0]):
        return current + line  # "亚太" + "安全": Chinese takes no space between wrapped lines
    if _HYPHEN_END.search(current) and line[:1].islower():
        return current + line
    if _CLOSING_PUNCTUATION.match(line):
        return current + line
    return f"{current} {line}"
