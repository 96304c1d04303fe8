"""Read Markdown (with the inline HTML scrapers leave in it) into a stream of blocks, and into plain lines.

Why markdown-it-py: it is a complete CommonMark parser (plus the GFM tables and strikethrough real
captures use), so emphasis, escapes, links wrapped over lines, nested lists, code and HTML blocks are
read the way a renderer reads them, not guessed back by patterns. ``markdown_blocks`` keeps what the
format says: a heading's level and how it was marked, a list item apart from running text, table rows.
It adds three conventions CommonMark lacks but captures rely on: kramdown headings without a space
after the hashes ("##07 Delivery and funding"), a short line wholly in bold as a heading (scraped
pages set their headings so), and pandoc/kramdown attribute lines ("{: .action-lead-body}") that are
not text. Footnotes ("[^2]", "[^2]: Resolution 68/1.") stay text: CommonMark would read a definition
whose text is one word as a link reference and drop it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from markdown_it.rules_block import reference
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from .blocks import LIST_ITEM, LITERAL, PARAGRAPH, TABLE, TABLE_CELL_SEPARATOR, Block, heading, paragraph

BULLET = "\u2022 "
# Kept around an italic paragraph so the header can read it as a standfirst; ``paragraphs`` removes it.
ITALIC_MARK = "_"

# A bold line longer than this is emphasised text, not a heading.
_MAX_BOLD_HEADING_WORDS = 12
# A setext "heading" longer than this, or over several lines, is a paragraph followed by a rule: scraped
# captures put "---" straight under their last paragraph.
_MAX_SETEXT_WORDS = 20

# A kramdown ATX heading without a space after two to six hashes: "##07 Delivery and funding",
# "####Action 03: Shared…", "#####Graduate Scheme and Early Careers". A single "#" is left alone:
# "#MeToo" opening a line is a hashtag. "\###" (an escaped end-of-release mark) does not start with "#".
_UNSPACED_ATX = re.compile(r"^( {0,3}#{2,6})(?=[^#\s])", re.MULTILINE)
# A line that is markup for the site generator, not text: a kramdown/pandoc attribute list
# ("{: .action-lead-body}", "{:toc}", "{#intro .lead}") or a Jekyll Liquid tag ("{% include note.html %}").
_GENERATOR_LINE = re.compile(r"\{[:#.][^{}]*\}|\{%.*%\}")
# The same at the end of a heading: "## Scope {#scope}", "### Notes {: .no_toc}".
_TRAILING_ATTRIBUTES = re.compile(r"\s*\{[:#.][^{}]*\}\s*$")
# Emphasis markers left unmatched by a scraper that cut bold across lines: "IV. STRENGTHEN REGIONAL
# PARTNERSHIPS**", "**" alone. CommonMark keeps them as text; no reader wants them.
_STRAY_STARS = re.compile(r"\*{2,}")
# A run of one punctuation mark longer than any rule or underline a page prints ("#####…" over megabytes):
# cut to a printable width, as the Markdown parser reads every such mark one by one.
_MAX_RUN = 80
_LONG_RUN = re.compile(r"([^\w\s])\1{%d,}" % _MAX_RUN)
# A line of nothing but spaces, no-break spaces included: scrapers put "\u00a0" lines between paragraphs.
_BLANK_LINE = re.compile(r"^[^\S\n]+$", re.MULTILINE)
# A line break tag: "<br>", "<br/>", "<BR />".
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# An HTML heading element: "h2".
_HTML_HEADING = re.compile(r"h([1-6])")
# Elements that end a line of text inside an HTML block: a cell, a paragraph, a list item, a line break.
_HTML_BREAKING = frozenset(
    "address article aside blockquote br caption dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
# Any tag, attributes may span lines: "<u>", "</sup>", '<span style="…">' (for HTML lxml cannot parse).
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
# Block tokens whose lines are literal: a hash opening one of their lines is not a heading.
_LITERAL_TOKENS = frozenset({"fence", "code_block", "html_block"})
_EMPHASIS = frozenset({"em_open", "em_close", "strong_open", "strong_close"})
_BREAKS = frozenset({"softbreak", "hardbreak"})


def _reference_unless_footnote(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Read a link reference definition, but leave a footnote definition ("[^2]: A/79/552.") as text."""
    if state.src.startswith("[^", state.bMarks[start] + state.tShift[start]):
        return False
    return reference(state, start, end, silent)


def _make_parser() -> MarkdownIt:
    """Return a CommonMark parser with GFM tables and strikethrough, keeping footnote definitions."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    parser.block.ruler.at("reference", _reference_unless_footnote)
    return parser


_PARSER = _make_parser()


def markdown_blocks(text: str) -> list[Block]:
    """Return the blocks of a Markdown text (front matter already removed), in reading order."""
    text = _BLANK_LINE.sub("", re.sub(r"\r\n?", "\n", text))
    text = _LONG_RUN.sub(lambda m: m.group(1) * _MAX_RUN, text)
    text = _space_unspaced_headings(text)
    return list(_node_blocks(SyntaxTreeNode(_PARSER.parse(text))))


def _space_unspaced_headings(text: str) -> str:
    """Put a space after the hashes of kramdown headings ("##09 Principles" -> "## 09 Principles").

    Lines inside code and HTML blocks are left as they are: "##include" in a code sample is code.
    """
    if not _UNSPACED_ATX.search(text):
        return text
    literal = {
        number
        for token in _PARSER.parse(text)
        if token.type in _LITERAL_TOKENS and token.map
        for number in range(*token.map)
    }
    lines = text.split("\n")
    return "\n".join(line if n in literal else _UNSPACED_ATX.sub(r"\1 ", line) for n, line in enumerate(lines))


def _node_blocks(node: SyntaxTreeNode) -> Iterator[Block]:
    """Yield the blocks of one node of the syntax tree and of its children."""
    kind = node.type
    if kind == "heading":
        yield from _heading_blocks(node)
    elif kind == "paragraph":
        yield from _paragraph_blocks(node)
    elif kind == "list_item":
        yield from _list_item_blocks(node)
    elif kind == "table":
        yield from _table_blocks(node)
    elif kind in ("fence", "code_block"):
        yield from _text_blocks(node.content.split("\n"), LITERAL)
    elif kind == "html_block":
        yield from _html_blocks(node.content)
    elif kind != "hr":  # the document, a block quote, a list: their children in order; a rule vanishes
        for child in node.children:
            yield from _node_blocks(child)


def _heading_blocks(node: SyntaxTreeNode) -> Iterator[Block]:
    """Yield an ATX or setext heading, or a paragraph when a setext underline was a rule under running text."""
    lines = _inline_lines(_inline_tokens(node))
    text = _TRAILING_ATTRIBUTES.sub("", " ".join(line for line, _ in lines)).strip()
    setext = node.markup in ("=", "-")
    if setext and (len(lines) > 1 or len(text.split()) > _MAX_SETEXT_WORDS):
        yield from _paragraph_blocks(node)
    elif text:
        yield heading(text, int(node.tag[1:]), "setext" if setext else "atx")


def _paragraph_blocks(node: SyntaxTreeNode) -> Iterator[Block]:
    """Yield a paragraph's lines, a wholly bold short line among them as a heading of its own."""
    tokens = _inline_tokens(node)
    if _is_pull_quote(tokens):
        return
    lines = _inline_lines(tokens)
    if lines and _is_italic(tokens):
        texts = [line for line, _ in lines]
        texts[0] = ITALIC_MARK + texts[0]
        texts[-1] += ITALIC_MARK
        yield paragraph(*texts)
        return
    pending: list[str] = []
    for line, bold in lines:
        if bold and _is_bold_heading(line):
            if pending:
                yield paragraph(*pending)
                pending = []
            yield heading(line, 0, "bold")
        else:
            pending.append(line)
    if pending:
        yield paragraph(*pending)


def _list_item_blocks(item: SyntaxTreeNode) -> Iterator[Block]:
    """Yield one list item (an ordered one with its marker as printed), then what it nests."""
    children = list(item.children)
    lines: list[str] = []
    while children and children[0].type == "paragraph":
        lines += [line for line, _ in _inline_lines(_inline_tokens(children.pop(0)))]
    marker = f"{item.info}{item.markup}" if item.info else ""  # "3." or "3)"; a bullet item has no info
    if marker:
        lines = [f"{marker} {lines[0]}", *lines[1:]] if lines else [marker]
    if lines:
        yield Block(LIST_ITEM, tuple(lines), 0, "bold" if _is_bold_item(item) else "")
    for child in children:
        yield from _node_blocks(child)


def _table_blocks(table: SyntaxTreeNode) -> Iterator[Block]:
    """Yield a GFM table as one block, a line per row, cells joined by the table cell separator."""
    rows = []
    for row in table.walk():
        if row.type == "tr":
            cells = [" ".join(line for line, _ in _inline_lines(_inline_tokens(cell))) for cell in row.children]
            if any(cells):
                rows.append(TABLE_CELL_SEPARATOR.join(cells))
    if rows:
        yield Block(TABLE, tuple(rows))


def _text_blocks(lines: Sequence[str], evidence: str = "") -> Iterator[Block]:
    """Yield the non-blank lines of a code block (evidence ``LITERAL``) or an HTML block as one paragraph."""
    kept = tuple(line.strip() for line in lines if line.strip())
    if kept:
        yield Block(PARAGRAPH, kept, 0, evidence)


def _html_blocks(markup: str) -> Iterator[Block]:
    """Yield an HTML block as its text: a heading when it is one heading element, else a paragraph.

    lxml rather than a pattern: tags with attributes over several lines, entities and comments are
    read as a browser reads them.
    """
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):  # an XML declaration or nothing to parse
        yield from _text_blocks(_TAG.sub("", markup).split("\n"))
        return
    etree.strip_elements(root, "script", "style", with_tail=False)
    elements = [e for e in root if isinstance(e.tag, str)]
    rank = _HTML_HEADING.fullmatch(elements[0].tag.lower()) if len(elements) == 1 else None
    if rank and not (root.text or "").strip() and not (elements[0].tail or "").strip():
        if text := " ".join(elements[0].text_content().split()):
            yield heading(text, int(rank.group(1)), "tag")  # '<h2 id="scope">Scope</h2>' on its own
        return
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _HTML_BREAKING:
            element.tail = "\n" + (element.tail or "")
    yield from _text_blocks(root.text_content().split("\n"))


def _inline_tokens(node: SyntaxTreeNode) -> list[Token]:
    """Return the inline tokens of a paragraph, heading or table cell (none for an empty cell)."""
    inline = next((child for child in node.children if child.type == "inline"), None)
    return list(inline.token.children or []) if inline is not None and inline.token else []


def _inline_lines(tokens: Sequence[Token]) -> list[tuple[str, bool]]:
    """Return the lines of inline content as (text without markup, whether it is wholly bold).

    Soft and hard breaks end a line; links keep their text, images and inline HTML tags vanish,
    code keeps its text. Blank lines and site generator lines ("{: .action-dep-response}") are dropped.
    """
    lines: list[tuple[str, bool]] = []
    parts: list[str] = []
    strong = 0
    unbolded = False  # some visible text of this line lies outside bold, or bold runs on from the line above
    for token in [*tokens, Token("softbreak", "", 0)]:
        if token.type in _BREAKS or (token.type == "html_inline" and _BR.fullmatch(token.content.strip())):
            line = " ".join("".join(parts).split())
            if line and not _GENERATOR_LINE.fullmatch(line):
                lines.append((line, not unbolded and not strong))  # bold wrapped on to the next line is no heading
            parts, unbolded = [], bool(strong)
        elif token.type in ("strong_open", "strong_close"):
            strong += 1 if token.type == "strong_open" else -1
        elif token.type in ("text", "code_inline"):
            parts.append(_STRAY_STARS.sub("", token.content) if token.type == "text" else token.content)
            unbolded = unbolded or (not strong and bool(token.content.strip()))
    return lines


def _is_bold_item(item: SyntaxTreeNode) -> bool:
    """Tell whether a list item is one short wholly bold line, set like a heading ("1.  ***FREE AND OPEN***")."""
    paragraphs = [child for child in item.children if child.type == "paragraph"]
    lines = _inline_lines(_inline_tokens(paragraphs[0])) if len(paragraphs) == 1 else []
    return len(lines) == 1 and lines[0][1] and _is_bold_heading(lines[0][0])


def _is_bold_heading(line: str) -> bool:
    """Tell whether a wholly bold line is short enough, and unpunctuated enough, to be a heading."""
    return 0 < len(line.split()) <= _MAX_BOLD_HEADING_WORDS and not line.endswith((".", ":", ";", ","))


def _shape(tokens: Sequence[Token]) -> list[Token]:
    """Return the tokens that give a paragraph its shape: no blank text, no line breaks."""
    return [t for t in tokens if t.type not in _BREAKS and not (t.type == "text" and not t.content.strip())]


def _is_italic(tokens: Sequence[Token]) -> bool:
    """Tell whether a paragraph is one italic span from start to end, with no bold inside (a standfirst)."""
    shape = _shape(tokens)
    depth = 0
    for index, token in enumerate(shape):
        if token.type.startswith("strong"):
            return False
        depth += {"em_open": 1, "em_close": -1}.get(token.type, 0)
        if depth == 0 and index < len(shape) - 1:
            return False
    return bool(shape) and shape[0].type == "em_open"


def _is_pull_quote(tokens: Sequence[Token]) -> bool:
    """Tell whether a paragraph is only emphasised code ("___`The solution to…`___"), a repeated pull quote."""
    shape = _shape(tokens)
    kinds = [t.type for t in shape]
    return kinds.count("code_inline") == 1 and len(kinds) > 1 and set(kinds) <= _EMPHASIS | {"code_inline"}
