"""Remove the debris web captures carry around the text: widgets, footers, and tails of other articles.

Why a table of patterns and not per-site code: the same few kinds of debris recur on every news site
(navigation words, share buttons, copyright and licence footers, pagination, "Related Articles" tails),
so one mechanism with three pattern lists covers them, and a new site usually needs one new pattern.

- ``DEBRIS_LINES``: a whole line matching one of these is dropped wherever it appears.
- ``TAIL_STARTS``: a line matching one of these starts trailing debris; it and everything after it go.
- ``TRAILING_WIDGETS``: widget words glued to the end of a useful line are cut off ("… Print").
- ``PAYWALL``: a paywall label ("Premium") is dropped and marks the capture as likely cut off where
  the free preview ends.

Multi-line debris (newsletter boxes, captions, "Read also:" links) is handled in ``debris_blocks``,
and drop caps are rejoined (``splits``) first, so a lone "A" left afterwards is the text-size widget.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .blocks import CONTENTS, HEADING, TABLE, Block
from .debris_blocks import drop_blocks
from .splits import rejoin_splits

_I = re.IGNORECASE

DEBRIS_LINES: tuple[re.Pattern[str], ...] = (
    # Navigation and page chrome: "nav search", "search", "close", "logo", "menu", "Log in", "Subscribe".
    re.compile(r"(nav\s+)?search|close|logo|menu|home|log\s*in|sign\s*(in|up)|subscribe|advertisement", _I),
    # Print / mail / text-size widgets: "Print Mail   Large Medium Small", "Change text size".
    re.compile(r"print(\s+mail)?(\s+large\s+medium\s+small)?|change\s+text\s+size|copy\s+link", _I),
    # Share buttons: "Share - WeChat", "Share this article", "Facebook", "WhatApp" (sic, one site's typo), "Email".
    re.compile(
        r"share(\s*-\s*\w+|\s+this\s+article)?|facebook|twitter|linkedin|telegram|whats?app|wechat|weibo|e-?mail", _I
    ),
    # One-glyph widgets: the "A A A" text-size buttons and the "X" share button (drop caps are rejoined first).
    re.compile(r"[AX]"),
    # Gift-article widgets: "Gift Full Article", "Gift Premium Articles", "to Anyone",
    # "Share the best of The Harbour Times with friends, family, or colleagues. As a subscriber, you can gift…".
    re.compile(r"gift\s+(full|premium)\s+articles?|to\s+anyone|share\s+the\s+best\s+of\s.{1,60}\swith\s+friends.*", _I),
    # App-store badges: "app-storeplay-store".
    re.compile(r"app-?store\s*play-?store|app\s+store|google\s+play", _I),
    # Copyright footers: "Copyright©2023 Harbour Daily. All rights reserved.", "© 2024 SCMP".
    re.compile(r"(copyright\s*(©|\(c\))?|©)\s*\d{4}.{0,100}|.{0,100}all\s+rights\s+reserved\.?", _I),
    # Chinese ICP licence and public-security filing lines: "京ICP备12345678号-1",
    # "京公网安备 11010502000001号".
    re.compile(r".{0,4}ICP[备证]\s*\d+号.*|.{0,4}公网安备.*"),
    # A line that is only a host name or an address: "news.harbourdaily.com.cn", "http://www.harbourtimes.com/…".
    re.compile(r"(https?://)?([a-z0-9-]+\.)+[a-z]{2,}(/\S*)?"),
    # Site links in brackets: "[ Ministry Home ] [ back to top ]".
    # (No whitespace around the bracket content is matched separately: nested quantifiers backtrack badly.)
    re.compile(r"(?:\[[^\[\]\n]{1,30}\]\s*)+"),
    # Wiki page chrome around a Wikisource text: "姊妹计划 : 数据项" (sister projects), "取自“https://zh.wikisource.org/w/
    # index.php?title=…”" and "Retrieved from "https://en.wikisource.org/…"", "本页面最后编辑于2023年5月1日 (星期一) 08:15",
    # "This page was last edited on 1 May 2023, at 08:15".
    re.compile(
        r"(?:姊妹计划|sister\s+projects)\s*[:：].*|(?:取自|retrieved\s+from)\s*[“\"]?https?://.*"
        r"|本页面最后(?:编辑|修订)于.*|this\s+page\s+was\s+last\s+(?:edited|modified)\s+on.*",
        _I,
    ),
    # A licence box's caption line, alone: "Public domain", "公有领域".
    re.compile(r"public\s+domain|公有领域", _I),
    # A line with no letter or digit at all: "* * *", "###", "—".
    re.compile(r"[\W_]*"),
)

TAIL_STARTS: tuple[re.Pattern[str], ...] = (
    # "Related Articles", "Related Stories", "Related Article", "Read more", "More in Opinion", "Popular".
    re.compile(r"related\s+(articles?|stories|news|content)|read\s+more|more\s+in\s+\w+|(most\s+)?popular", _I),
    # Comment boxes: "Comments", "No comments yet...", "Leave a comment".
    re.compile(r"comments|no\s+comments\s+yet\W*|leave\s+a\s+(comment|reply)", _I),
    # App and AI promotions of aggregators: "Try Our AI Features", "DOWNLOAD THE APP".
    re.compile(r"try\s+our\s+ai\s+features|download\s+(the|our)\s+app.*|get\s+started\s+now.*", _I),
    # A press release's contact footer: "Contact:", "Media contacts:", "For further information:".
    re.compile(r"(media\s+)?contacts?\s*:|for\s+(further|more)\s+information\s*(contact)?\s*:?", _I),
    # A Wikisource licence box after the text: "本作品来自中华人民共和国成立后的政府文件，依法不受保护…",
    # "本作品在全世界都属于公有领域，因为作者逝世已经超过100年", "This work is in the public domain in the United States
    # because…", "This work is licensed under the Creative Commons…". Its footnotes and template flags follow it.
    re.compile(
        r"本作品.{0,80}(?:公有领域|版权|著作权|许可协议|知识共享|文件).*"
        r"|this\s+(?:work|translation)\s+(?:is|was|has)\b.{0,80}(?:public\s+domain|licen[cs]ed|copyright).*",
        _I,
    ),
    # A colour-swatch alt text that opens an aggregator's footer: "Orange background" (not "Historical background").
    re.compile(r"(orange|white|black|gr[ae]y|blue|red|green|yellow)\s+background", _I),
)

# A paywall label above the text: "Premium", "Subscribers only", "Premium content".
PAYWALL = re.compile(r"premium(\s+content)?|subscribers?\s+only|members\s+only", _I)

# Widget words after a useful line: "Updated: Mar 3, 2021 Print" -> "Updated: Mar 3, 2021".
TRAILING_WIDGETS = re.compile(r"\s+(print|share|print\s+mail)$", _I)

# A pagination bar: "1 2 3 >", "1 2 Next", "‹ 1 2 3 ›": the capture is one page of several.
PAGINATION = re.compile(r"(?:[<‹«]|prev(?:ious)?)?\s*(\d{1,3}(?:\s+\d{1,3})+)\s*(?:[>›»]|next)?", _I)

# Heading evidence of documents rather than web pages: text underlines, outdented and capital headings, PDF
# bookmarks and fonts.
_DOCUMENT_EVIDENCE = frozenset({"adornment", "outdent", "caps", "outline", "font"})

# Text that must precede a tail marker for it to count: a marker in a header is a word, not a footer.
_MIN_BODY_BEFORE_TAIL = 300


@dataclass(frozen=True)
class Cleaned:
    """Blocks without debris, and what the debris told us about the capture."""

    blocks: tuple[Block, ...]
    paginated: bool = False
    source_url: str = ""
    paywalled: bool = False

    @property
    def lines(self) -> tuple[str, ...]:
        """Return the kept lines of every block, in order."""
        return tuple(line for block in self.blocks for line in block.lines)


def strip_debris(blocks: Sequence[Block]) -> Cleaned:
    """Drop debris lines and trailing debris from ``blocks``; report pagination and a source URL.

    The rules read lines, as captures print debris one widget per line; multi-line rules see the lines
    of neighbouring blocks as neighbours. Tables and contents entries are kept as they are.
    """
    lines, owners = _flatten(blocks)
    joined = rejoin_splits(lines)
    dropped = drop_blocks(joined)
    kept: dict[int, list[str]] = {}
    paginated = paywalled = False
    source_url = ""
    body_chars = 0
    for index, line in enumerate(joined):
        owner = owners[index]
        if owner is None or index in dropped:
            continue
        if blocks[owner].kind in (TABLE, CONTENTS):
            kept.setdefault(owner, []).append(line)
            continue
        stripped = line.strip()
        if blocks[owner].kind != HEADING:
            stripped = TRAILING_WIDGETS.sub("", stripped)  # "Key Rotation" is a heading, "… 2021 Print" a widget
        if _matches(TAIL_STARTS, stripped) and body_chars >= _MIN_BODY_BEFORE_TAIL and not _is_document_heading(blocks[owner]):
            break
        if _is_page_bar(stripped):
            paginated = True
            continue
        if PAYWALL.fullmatch(stripped):
            paywalled = True
            continue
        if not stripped or _matches(DEBRIS_LINES, stripped):
            if not source_url and stripped.startswith(("http://", "https://")):
                source_url = stripped
            continue
        kept.setdefault(owner, []).append(stripped)
        body_chars += len(stripped)
    cleaned = tuple(replace(blocks[b], lines=tuple(kept[b])) for b in sorted(kept))
    return Cleaned(cleaned, paginated, source_url, paywalled)


def _flatten(blocks: Sequence[Block]) -> tuple[list[str], list[int | None]]:
    """Return every block's lines with a blank line between blocks, and the block each line came from."""
    lines: list[str] = []
    owners: list[int | None] = []
    for b, block in enumerate(blocks):
        if lines:
            lines.append("")
            owners.append(None)
        lines.extend(block.lines)
        owners.extend([b] * len(block.lines))
    return lines, owners


def _is_document_heading(block: Block) -> bool:
    """Tell whether a block is a heading of a document's own structure (an underline, a bookmark), not a web widget.

    A "Comments" heading underlined in a style guide opens a chapter; on a web page it opens the comment thread.
    """
    return block.kind == HEADING and block.evidence in _DOCUMENT_EVIDENCE


def _is_page_bar(line: str) -> bool:
    match = PAGINATION.fullmatch(line)
    if not match:
        return False
    numbers = [int(n) for n in match.group(1).split()]
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))  # "1 2 3", not a row of figures "4 17 9"


def _matches(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    return any(pattern.fullmatch(line) for pattern in patterns)
