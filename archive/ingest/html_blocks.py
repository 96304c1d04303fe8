"""Turn an HTML element tree into the stream of blocks, keeping what the markup says about structure.

Why walk the tree ourselves (with lxml, the parser trafilatura itself stands on) instead of asking
trafilatura for text: trafilatura is built to find the article inside a news page and prunes long
documents (it kept 40% of an AustLII act and none of the headings of an xml2rfc RFC or a EUR-Lex
regulation). A law or a standard must be read whole, and its structure is in the markup: ``<h1>``–``<h6>``
tags, or, where a publishing system uses none, CSS classes named for titles (``oj-ti-art``,
``title-article-norm``). Those class names follow a naming convention, not one site's list: a class
part ``ti``, ``title`` or ``heading`` marks a title, ``sti``/``stitle``/``subtitle`` its subtitle. ``hd``
is no title part: EUR-Lex names with it the running header of the printed page ("oj-hd-date", the
page's date) and table-header labels ("hd-modifiers").

The walker also drops what is not the document (scripts, forms, the page's navigation, header and
footer, "Back to Top" links, consolidation markers such as "►M2 … ◄") and turns a table of contents
(entries that link to anchors inside the page) into CONTENTS blocks, so that the tree builder can use
its entries but never mistakes them for headings or text.
"""

from __future__ import annotations

import re
from collections import Counter
from copy import deepcopy
from dataclasses import dataclass, field

from lxml import etree

from .blocks import CONTENTS, HEADING, LIST_ITEM, LITERAL, PARAGRAPH, TABLE, TABLE_CELL_SEPARATOR, Block

# Elements that start and end a block of text; anything else flows inline (including unknown tags such
# as AustLII's <part> or <def>).
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details div dl dt fieldset figcaption figure footer "
    "h1 h2 h3 h4 h5 h6 header hr li main menu nav ol p pre section summary table tbody td tfoot th thead "
    "tr ul".split()
)
# Elements whose content is never document text.
_SKIP_TAGS = frozenset(
    "head title meta link script style noscript template svg math iframe object embed canvas audio video "
    "button select option input textarea".split()
)
_MAX_FORM_WORDS = 60  # a search box or sign-up form; ASP.NET pages wrap the whole page in one <form>
_HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}
_LIST_TAGS = frozenset({"ul", "ol", "menu"})
# Sectioning elements: a <header>/<footer> inside one belongs to it (an article's headline and byline),
# one outside them is the page's own banner or footer.
_SECTIONING = frozenset({"article", "section", "main"})

# Class-name parts that name a title or a subtitle, read from names such as "oj-ti-art", "doc-ti",
# "title-article-norm", "oj-sti-art", "stitle-article-norm", "ArticleHeading" (camelCase split).
_TITLE_PARTS = frozenset({"ti", "title", "heading"})
_SUBTITLE_PARTS = frozenset({"sti", "stitle", "subtitle", "subheading"})
# A class part that only numbers or places members of one family: "oj-ti-section-1"/"oj-ti-section-2",
# "title-doc-first"/"title-doc-last".
_VARIANT_PART = re.compile(r"^(?:\d+|first|last|start|end|cont|continued)$")
# Class and id parts that name page furniture around an article: "comment-list", "related-posts",
# "share-bar", "social", "newsletter-signup". Used to measure boilerplate and, with trafilatura's agreement,
# to drop a menu's list of links; never to drop prose.
_FURNITURE_PARTS = frozenset(
    "comment comments related share sharing social newsletter subscribe cookie cookies banner breadcrumb "
    "breadcrumbs sidebar widget promo advert ad ads sponsor sponsored recommended trending popular "
    "footer header nav menu masthead".split()
)
_MAX_CLASS_HEADING_WORDS = 40
_MAX_TERM_WORDS = 12  # a <dt> this short is a term or a marker run into its <dd>
_MIN_CONTENTS_RUN = 3  # entries linking into the page before they count as a contents list
_CONTENTS_LINK_SHARE = 0.5  # share of an entry's text inside links to anchors of the page
_MAX_LABEL_CHARS = 12  # text outside the link of a contents entry: "3.1.4.", "Appendix B."
_MAX_DEPTH = 150  # beyond this nesting (unclosed <font> tags), an element's text is read flat: no deep recursion

# Consolidation markers of EUR-Lex texts, which say which act inserted a passage: "▼B", "►M2", "◄",
# "►C1" in "►M3 Penalties ◄".
_AMENDMENT_MARKER = re.compile(r"[►▼▶▲]\s?[A-Z]{1,2}\d{0,3}\b|◄")
# A link that only returns to the top of the page: "Back to Top", "Top", "↑ top".
_BACK_TO_TOP = re.compile(r"^\W*(?:back\s+to\s+)?top(?:\s+of\s+(?:the\s+)?page)?\W*$", re.IGNORECASE)
# A permalink mark beside a heading: "¶" (Sphinx), "#", "§", "🔗".
_SELF_LINK = re.compile(r"^[\s¶#§🔗\u2693]*$")
# A bullet or dash printed before a heading: "- SECT 12A" (AustLII), "• Overview".
_LEADING_BULLET = re.compile(r"^[-–•·▪]\s+")
# A list marker alone in a table cell, a <dt> or a grid column: "(1)", "(a)", "(iv)", "(aa)", "1.", "1a.",
# "a)", "iv.", "—", "•"; never a word ("Text.").
_MARKER = re.compile(
    r"^(?:\((?:\d{1,3}[a-z]?|[A-Za-z]{1,2}|[ivxlcIVXLC]{1,6})\)|(?:\d{1,3}[a-z]?|[A-Za-z]|[ivxlcIVXLC]{1,6})[.)]"
    r"|[-–—•·▪*])$"
)
# Splits "ArticleHeading" or "legPartTitle" into its words.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True)
class Reading:
    """The blocks of a page, with what each block's surroundings say about it, for measuring boilerplate."""

    blocks: tuple[Block, ...]
    furniture: tuple[bool, ...]  # per block: inside a container named as page furniture ("comments", "related")
    link_share: tuple[float, ...]  # per block: share of its text inside links to other pages


@dataclass
class _Draft:
    """A block being built, with the evidence the post-passes need."""

    kind: str
    lines: list[str]
    level: int = 0
    evidence: str = ""
    family: str = ""  # the class family of a class heading ("oj-ti-section")
    subtitle: bool = False
    anchor_chars: int = 0  # characters inside links to anchors of this page
    link_chars: int = 0  # characters inside links to other pages
    chars: int = 0
    furniture: bool = False


@dataclass
class _Buffer:
    """Inline text gathered for the block being read, split into lines at <br>."""

    lines: list[list[str]] = field(default_factory=lambda: [[]])
    anchor_chars: int = 0
    link_chars: int = 0
    chars: int = 0

    def add(self, text: str, link: str = "") -> None:
        self.lines[-1].append(text)
        count = len("".join(text.split()))
        self.chars += count
        if link == "anchor":
            self.anchor_chars += count
        elif link == "page":
            self.link_chars += count

    def text_lines(self) -> list[str]:
        cleaned = (" ".join(_AMENDMENT_MARKER.sub(" ", "".join(line)).split()) for line in self.lines)
        return [line for line in cleaned if line]


def read_blocks(root: etree._Element) -> Reading:
    """Read ``root`` (a page's <body> or <main>) into blocks in reading order."""
    walker = _Walker(_page_anchors(root))
    walker.visit(root, 0)
    walker.flush()
    walker.release_prefix()
    drafts = _merge_class_headings(_mark_contents(walker.drafts))
    _drop_running_title(drafts)
    blocks = tuple(_block(d) for d in drafts)
    furniture = tuple(d.furniture for d in drafts)
    share = tuple(d.link_chars / d.chars if d.chars else 0.0 for d in drafts)
    return Reading(blocks, furniture, share)


class _Walker:
    """Walk the tree once, emitting drafts; inline text accumulates until a block boundary."""

    def __init__(self, anchors: frozenset[str]) -> None:
        self.anchors = anchors
        self.drafts: list[_Draft] = []
        self.buffer = _Buffer()
        self.kind = PARAGRAPH  # what the buffer becomes: LIST_ITEM inside <li>
        self.prefix = ""  # a marker or term (<dt>, a marker cell) run into the next text block
        self.list_depth = 0
        self.link = ""  # "anchor" or "page" while inside a link
        self.furniture = 0  # nesting of containers named as furniture

    def visit(self, el: etree._Element, depth: int) -> None:
        tag = _tag(el)
        if tag and not _skipped(el, tag):
            self._element(el, tag, depth)
        if el.tail and depth:
            self.buffer.add(el.tail, self.link)

    def _element(self, el: etree._Element, tag: str, depth: int) -> None:
        if depth > _MAX_DEPTH:
            self.buffer.add(" ".join(el.itertext()), self.link)
        elif tag in _HEADING_TAGS or (el.get("role") == "heading" and el.get("aria-level", "").isdigit()):
            self._heading(el, _HEADING_TAGS.get(tag) or int(el.get("aria-level", "0")), "tag")
        elif tag == "pre":
            self._pre(el)
        elif tag == "table":
            self._table(el, depth)
        elif tag == "br":
            self.buffer.lines.append([])
        elif tag == "a":
            self._link(el, depth)
        elif tag in ("nav", "header", "footer") and not self._kept_furniture(el, tag):
            return
        elif tag in ("p", "div") and _title_class(el):
            self._heading(el, 0, "class")
        else:
            self._container(el, tag, depth)

    def _container(self, el: etree._Element, tag: str, depth: int) -> None:
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
        saved = (self.kind, self.list_depth, self.furniture)
        self.list_depth += tag in _LIST_TAGS
        self.kind = LIST_ITEM if tag in ("li", "dd") else PARAGRAPH if block else self.kind
        self.furniture += _furniture_named(el)
        if tag == "dt":
            self._term(el)
        else:
            self._children(el, depth)
        if block:
            self.flush()
        self.kind, self.list_depth, self.furniture = saved

    def _children(self, el: etree._Element, depth: int) -> None:
        if el.text:
            self.buffer.add(el.text, self.link)
        for child in el:
            self.visit(child, depth + 1)

    def _link(self, el: etree._Element, depth: int) -> None:
        if _self_link(el, "a", heading=False):
            return  # "Back to Top": navigation, not text
        href = (el.get("href") or "").strip()
        saved = self.link
        fragment = href.partition("#")[2]
        if href and not self.link:
            self.link = "anchor" if href.startswith("#") or fragment in self.anchors else "page"
        self._children(el, depth)
        self.link = saved

    def _kept_furniture(self, el: etree._Element, tag: str) -> bool:
        """Keep a <nav> that lists anchors of this page (a contents list) and an article's own header/footer."""
        if tag == "nav":
            return _anchor_link_share(el, self.anchors) >= _CONTENTS_LINK_SHARE
        return any(_tag(a) in _SECTIONING for a in el.iterancestors())

    def _term(self, el: etree._Element) -> None:
        """Hold a short <dt> ("(1)", "client:") to run it into its <dd>, as the page shows it."""
        lines = _inline_lines(el)
        text = " ".join(lines)
        self.release_prefix()
        if len(text.split()) > _MAX_TERM_WORDS:
            self.drafts.append(_Draft(PARAGRAPH, lines))
        else:
            self.prefix = text

    def _heading(self, el: etree._Element, level: int, evidence: str) -> None:
        self.flush()
        self.release_prefix()
        lines = [_LEADING_BULLET.sub("", line) for line in _inline_lines(el, heading=True)]
        lines = [line for line in lines if line]
        if not lines:
            return
        draft = _Draft(HEADING, lines, level, evidence, furniture=bool(self.furniture))
        if evidence == "class":
            draft.family, draft.subtitle = _class_family(el)
        self.drafts.append(draft)

    def _pre(self, el: etree._Element) -> None:
        self.flush()
        self.release_prefix()
        lines = [line.rstrip() for line in "".join(el.itertext()).expandtabs().split("\n")]
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        if lines:
            self.drafts.append(_Draft(PARAGRAPH, lines, evidence=LITERAL, furniture=bool(self.furniture)))

    def _table(self, el: etree._Element, depth: int) -> None:
        """Read a data table as rows; read a layout table (markers beside text, EUR-Lex points) as text."""
        self.flush()
        rows = [[c for c in row if _tag(c) in ("td", "th")] for row in _own_rows(el)]
        texts = [[" ".join(_inline_lines(c)) for c in row] for row in rows]
        if not all(_layout_row(row) for row in texts):
            lines = [TABLE_CELL_SEPARATOR.join(t for t in row if t) for row in texts if any(row)]
            if lines:
                self.release_prefix()
                self.drafts.append(_Draft(TABLE, lines, furniture=bool(self.furniture)))
            return
        for cells, row in zip(rows, texts):
            for cell in (c for c, t in zip(cells, row) if t):
                self._container(cell, "div", depth + 1)  # a marker cell is held and run into the next

    def release_prefix(self) -> None:
        """Emit a held marker or term that no text followed as a paragraph of its own."""
        if self.prefix:
            self.drafts.append(_Draft(PARAGRAPH, [self.prefix]))
            self.prefix = ""

    def flush(self) -> None:
        """End the block being read: its text becomes a paragraph or list item."""
        buffer, self.buffer = self.buffer, _Buffer()
        lines = buffer.text_lines()
        if not lines:
            return
        if len(lines) == 1 and _MARKER.match(lines[0]):
            self.release_prefix()
            self.prefix = lines[0]  # "(a)" in its own cell, span or grid column: printed beside its text
            return
        kind = self.kind
        if self.prefix:
            lines[0] = f"{self.prefix} {lines[0]}"
            kind, self.prefix = LIST_ITEM, ""
        level = self.list_depth if kind == LIST_ITEM else 0
        self.drafts.append(_Draft(
            kind, lines, level, anchor_chars=buffer.anchor_chars, link_chars=buffer.link_chars, chars=buffer.chars,
            furniture=bool(self.furniture),
        ))
        if self.kind == LIST_ITEM:
            self.kind = PARAGRAPH  # later paragraphs of the same item continue it


def _tag(el: etree._Element) -> str:
    """Return the lower-case local name of an element, "" for comments and processing instructions."""
    if not isinstance(el.tag, str):
        return ""
    return el.tag.rpartition("}")[2].lower()  # "{http://www.w3.org/1999/xhtml}p" in an XHTML tree -> "p"


def _skipped(el: etree._Element, tag: str) -> bool:
    if tag in _SKIP_TAGS or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if tag == "form":
        return len(" ".join(el.itertext()).split()) <= _MAX_FORM_WORDS
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _class_parts(el: etree._Element) -> list[list[str]]:
    """Return each class name of ``el`` split into lower-case parts: "oj-ti-art" -> ["oj", "ti", "art"]."""
    names = (el.get("class") or "").split()
    return [[p for p in re.split(r"[-_\s]+", _CAMEL.sub(" ", n).lower().replace("sub-title", "subtitle")) if p]
            for n in names]


def _title_class(el: etree._Element) -> bool:
    """Tell whether ``el`` is a title by its class name and holds a heading's text, not a container of blocks."""
    if not any(set(parts) & (_TITLE_PARTS | _SUBTITLE_PARTS) for parts in _class_parts(el)):
        return False
    if any(_tag(d) in _BLOCK_TAGS for d in el.iterdescendants()):
        return False  # a wrapper such as EUR-Lex's <div class="eli-title"> around the real title
    words = len(" ".join(el.itertext()).split())
    return 0 < words <= _MAX_CLASS_HEADING_WORDS


def _class_family(el: etree._Element) -> tuple[str, bool]:
    """Return the title class without its variant part ("oj-ti-section-2" -> "oj-ti-section"), and if it is a subtitle."""
    for parts in _class_parts(el):
        if set(parts) & _SUBTITLE_PARTS:
            return "", True
        if set(parts) & _TITLE_PARTS:
            while len(parts) > 1 and _VARIANT_PART.match(parts[-1]):
                parts = parts[:-1]
            return "-".join(parts), False
    return "", False


def _furniture_named(el: etree._Element) -> bool:
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    parts = {p for p in re.split(r"[-_\s]+", _CAMEL.sub(" ", names).lower()) if p}
    return bool(parts & _FURNITURE_PARTS)


def _page_anchors(root: etree._Element) -> frozenset[str]:
    """Return the ids and anchor names a link can target inside this page."""
    tree = root.getroottree()
    return frozenset(v for el in tree.iter() if isinstance(el.tag, str) for v in (el.get("id"), el.get("name")) if v)


def _anchor_link_share(el: etree._Element, anchors: frozenset[str]) -> float:
    """Return the share of ``el``'s text inside links to anchors of this page."""
    total = len("".join("".join(el.itertext()).split()))
    hrefs = ((a, a.get("href") or "") for a in el.iter("a"))
    inside = sum(
        len("".join("".join(a.itertext()).split()))
        for a, href in hrefs
        if href.startswith("#") or (href.partition("#")[2] or "\0") in anchors
    )
    return inside / total if total else 0.0


def _inline_lines(el: etree._Element, heading: bool = False) -> list[str]:
    """Return the visible text of ``el`` as lines (split at <br> and inner blocks), without self-links."""
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = _tag(node)
        if tag and not _skipped(node, tag) and not _self_link(node, tag, heading):
            if tag == "br" or tag in _BLOCK_TAGS:
                pieces.append("\n")
            pieces.append(node.text or "")
            for child in node:
                walk(child)
            if tag in _BLOCK_TAGS:
                pieces.append("\n")
        if node is not el:
            pieces.append(node.tail or "")

    walk(el)
    text = _AMENDMENT_MARKER.sub(" ", "".join(pieces))
    return [line for line in (" ".join(part.split()) for part in text.split("\n")) if line]


def _self_link(node: etree._Element, tag: str, heading: bool) -> bool:
    """Tell whether ``node`` is a "Back to Top" link, or a "¶" permalink inside a heading."""
    if tag != "a" or not node.get("href"):
        return False
    text = " ".join(node.text_content().split())
    if _BACK_TO_TOP.match(text) and "#" in node.get("href", ""):
        return True
    return heading and node.get("href", "").startswith("#") and bool(_SELF_LINK.match(text))


def _own_rows(table: etree._Element) -> list[etree._Element]:
    """Return the rows of ``table`` itself, not of tables nested in its cells."""
    return [row for row in table.iter("tr") if next(row.iterancestors("table"), None) is table]


def _layout_row(cells: list[str]) -> bool:
    """Tell whether a row lays text out rather than holding data: one filled cell, or a marker and its text."""
    filled = [c for c in cells if c]
    return len(filled) <= 1 or (len(filled) == 2 and bool(_MARKER.match(filled[0])))


def _mark_contents(drafts: list[_Draft]) -> list[_Draft]:
    """Turn runs of entries that mostly link to anchors of the page into CONTENTS blocks."""
    def is_entry(d: _Draft) -> bool:
        if d.kind not in (PARAGRAPH, LIST_ITEM) or not d.anchor_chars:
            return False  # the label beside the link ("B.2.1." of "B.2.1. Keys") may outweigh a short title
        return d.chars - d.anchor_chars <= _MAX_LABEL_CHARS or d.anchor_chars / d.chars >= _CONTENTS_LINK_SHARE

    start = 0
    while start < len(drafts):
        end = start
        while end < len(drafts) and is_entry(drafts[end]):
            end += 1
        if end - start >= _MIN_CONTENTS_RUN:
            for d in drafts[start:end]:
                d.kind, d.lines = CONTENTS, [" ".join(d.lines)]
        start = max(end, start + 1)
    return drafts


def _merge_class_headings(drafts: list[_Draft]) -> list[_Draft]:
    """Join a class title with the title right after it when it is its subtitle or the same family of title.

    "Article 12" + subtitle "Reporting duties" -> "Article 12 Reporting duties";
    "CHAPTER III" (oj-ti-section-1) + "Funding" (oj-ti-section-2) -> "CHAPTER III Funding".
    """
    merged: list[_Draft] = []
    for d in drafts:
        last = merged[-1] if merged else None
        if (
            last is not None and last.evidence == "class" and d.evidence == "class" and not last.subtitle
            and (d.subtitle or (d.family and d.family == last.family))
        ):
            last.lines = [" ".join(last.lines + d.lines)]
            continue
        merged.append(d)
    return merged


def _drop_running_title(drafts: list[_Draft]) -> None:
    """Drop a first line repeated atop most multi-line headings ("PRIVACY ACT 1988<br>- SECT 6"): a running title."""
    multi = [d for d in drafts if d.kind == HEADING and len(d.lines) > 1]
    firsts = Counter(d.lines[0] for d in multi)
    if not firsts:
        return
    line, count = firsts.most_common(1)[0]
    if count >= 3 and count * 2 >= len(multi):
        for d in multi:
            if d.lines[0] == line:
                d.lines = d.lines[1:]


def _block(d: _Draft) -> Block:
    if d.kind == HEADING:
        return Block(HEADING, (_LEADING_BULLET.sub("", " ".join(" ".join(d.lines).split())),), d.level, d.evidence)
    if d.kind == CONTENTS:
        return Block(CONTENTS, tuple(d.lines), d.level, "links")
    return Block(d.kind, tuple(d.lines), d.level if d.kind == LIST_ITEM else 0, d.evidence)


# trafilatura's XML names for the HTML elements the walker knows: <head rend="h2">, <list>/<item>,
# <row>/<cell>, <lb/>, <hi rend="#b">.
_TRAFILATURA_TAGS = {
    "list": "ul", "item": "li", "row": "tr", "cell": "td", "lb": "br", "quote": "blockquote",
    "hi": "span", "ref": "a", "graphic": "img", "del": "s",
}


def from_trafilatura(body: etree._Element) -> etree._Element:
    """Return a copy of trafilatura's XML main text with HTML element names, so one walker reads both."""
    root = deepcopy(body)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "head":
            rend = el.get("rend", "")
            el.tag = rend if rend in _HEADING_TAGS else "h2"
        elif el.tag == "code":
            el.tag = "pre" if el.getparent() is None or el.getparent().tag in ("body", "div", "quote") else "code"
        elif el.tag == "ref":
            el.tag = "a"
            el.set("href", el.get("target", ""))
        else:
            el.tag = _TRAFILATURA_TAGS.get(el.tag, el.tag)
    return root


def compact(text: str) -> str:
    """Fold text for telling whether two readings of a page print the same words: case and spacing aside."""
    return "".join(text.casefold().split())
