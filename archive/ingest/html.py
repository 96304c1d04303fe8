"""Read a saved web page: its text as blocks with the structure its markup states, and its metadata.

Two readings, because pages come in two kinds. A long document (a law, an RFC, a standard) must be read
whole, headings and contents list included; trafilatura, built to find the article inside a news page,
prunes such documents (measured below). A news page needs boilerplate removal (navigation, share bars,
related links, comment threads), a hard, well-studied problem trafilatura solves across thousands of
site layouts. So ``read_page_blocks`` walks the whole page itself (``html_blocks``) and asks trafilatura
only which blocks are the article; it cuts the page to those blocks when that removes boilerplate
without cutting prose. The page's metadata is read by ``html_metadata``.

Before any of that, the pipeline asks this module whether bytes are a web page at all and which charset
the page declares, as a browser's pre-scan does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import lxml.html
import trafilatura
from lxml import etree

from .blocks import CONTENTS, HEADING, Block
from .frontmatter import FrontMatter
from .html_blocks import Reading, compact, from_trafilatura, read_blocks
from .html_metadata import page_front_matter
from .model import IngestError

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

# The HTML5 pre-scan window: browsers look for a charset declaration in the first 1024 bytes.
_PRESCAN_BYTES = 1024

# A charset declaration, in either form a page uses: '<meta charset="gb2312">' or
# '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'.
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)

# The opening of an HTML document, after an optional BOM, blanks and comments (an Internet Explorer
# "<!-- saved from url=(0042)https://… -->" comes first): "<!DOCTYPE html>", "<html lang=\"en\">".
_HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]", re.IGNORECASE)

_NO_TEXT = "no article text found in the web page (it may be a menu, a login wall or a page built by scripts)"


def looks_like_html(raw: bytes) -> bool:
    """Tell whether ``raw`` is clearly an HTML document, whatever the file's name."""
    head = raw[:_PRESCAN_BYTES]
    if head.count(b"\x00") > len(head) // 4:
        head = head.replace(b"\x00", b"")  # UTF-16 text: keep the ASCII bytes
    head = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    return head.startswith(b"<") and bool(_HTML_START.search(head))


def declared_charset(raw: bytes) -> str | None:
    """Return the charset named in the page's first kilobyte (``<meta charset>``), or None."""
    match = _META_CHARSET.search(raw[:_PRESCAN_BYTES])
    return match.group(1).decode("ascii") if match else None


# ---------------------------------------------------------------------------------------------------
# The block reader: the whole page, or the article trafilatura finds in it.

# Measured on the structure corpus and on news pages: trafilatura cut 57% of the prose of an AustLII act,
# 79% of a consolidated EUR-Lex directive and 28% of an xml2rfc RFC; on news pages what it removes is share
# bars, bylines, link lists and comment threads, and none of the article's prose.
_MIN_PROSE_WORDS = 12  # a block this long that trafilatura dropped is text, unless it is mostly links
_MAX_PRUNED_SHARE = 0.15  # more prose than this dropped: trafilatura cut the document, read it whole
# Less boilerplate than this removed (0 to 2% on the EUR-Lex texts and the RFC, 20% on a news page): nothing
# gained by cutting, and the whole reading keeps more evidence.
_MIN_BOILERPLATE_SHARE = 0.03
_MAX_LINK_SHARE = 0.5
_MIN_MATCH_CHARS = 40  # a shorter block counts as kept only if trafilatura kept it as a block of its own


@dataclass(frozen=True)
class PageBlocks:
    """A web page as the block stream the tree builder reads, and the metadata the page declares."""

    blocks: tuple[Block, ...]
    front: FrontMatter
    description: str = ""  # the page's summary (og:description): a standfirst, never part of the title
    whole_page: bool = True  # read whole (a long document), or cut to trafilatura's main text (an article page)


def read_page_blocks(markup: str) -> PageBlocks:
    """Read a web page into blocks and metadata; raise IngestError when it has no text.

    Both readings come from our own walk of the page, so that headings marked by tags or classes and
    contents lists survive either way; trafilatura only decides which blocks are the article.
    """
    tree = _parse(markup)
    document = _extract(markup)
    whole = read_blocks(_content_root(tree))
    if not any(b.kind != CONTENTS for b in whole.blocks):
        raise IngestError(_NO_TEXT)  # whatever trafilatura finds then is a menu or a footer
    kept = _kept_by_trafilatura(whole, document)
    keep_whole = kept is None or _keep_whole_page(whole, kept)
    blocks = _whole_page(whole, kept) if keep_whole else _main_text(whole, kept)
    front = page_front_matter(tree, markup, document, blocks, keep_whole)
    description = " ".join((document.description or "").split()) if document is not None else ""
    return PageBlocks(blocks, front, description, keep_whole)


def _parse(markup: str) -> lxml.html.HtmlElement:
    """Parse decoded markup; the bytes handed to lxml are UTF-8 whatever the page's <meta charset> said."""
    if not markup.strip():
        raise IngestError(_NO_TEXT)
    try:
        return lxml.html.document_fromstring(markup.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as error:
        raise IngestError(f"the web page could not be read as HTML ({error})") from error


def _extract(markup: str) -> trafilatura.settings.Document | None:
    """Return trafilatura's reading of the page: its main text as XML, headings kept as tags, and its metadata."""
    return trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_formatting=True,
        include_tables=True,
        include_images=False,
        include_links=False,
        # Only dates the page declares or prints as such: the extensive search reads "© 2024" in a footer
        # as 1 January 2024.
        date_extraction_params={"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()},
    )


def _content_root(tree: lxml.html.HtmlElement) -> etree._Element:
    """Return the page's one <main> when it holds most of the text, else its <body> (a frameset has none)."""
    body = tree.find("body")
    if body is None:
        return tree
    mains = {id(el): el for el in tree.xpath("//main | //*[@role='main']")}
    if len(mains) == 1:
        main = next(iter(mains.values()))
        if 2 * _words(main) >= _words(body):
            return main
    return body


def _kept_by_trafilatura(whole: Reading, document: trafilatura.settings.Document | None) -> tuple[bool, ...] | None:
    """Tell, block by block, whether trafilatura's main text keeps it; None when it found no main text."""
    if document is None or document.body is None:
        return None
    main = read_blocks(from_trafilatura(document.body)).blocks
    found = compact(" ".join(b.text for b in main))
    if not found:
        return None
    units = {compact(b.text) for b in main} | {compact(line) for b in main for line in b.lines}
    texts = (compact(b.text) for b in whole.blocks)
    return tuple(t in units or (len(t) >= _MIN_MATCH_CHARS and t in found) for t in texts)


def _keep_whole_page(whole: Reading, kept: tuple[bool, ...]) -> bool:
    """Tell whether to keep the whole page rather than cut it to trafilatura's main text.

    Whole, when trafilatura dropped prose (it prunes long documents), or when it removed next to nothing.
    """
    kept_chars = pruned = boilerplate = 0
    for block, is_kept, furniture, links in zip(whole.blocks, kept, whole.furniture, whole.link_share):
        size = len(compact(block.text))
        if block.kind in (HEADING, CONTENTS):
            continue
        if is_kept:
            kept_chars += size
        elif furniture or links >= _MAX_LINK_SHARE or len(block.text.split()) < _MIN_PROSE_WORDS:
            boilerplate += size
        else:
            pruned += size
    if pruned > _MAX_PRUNED_SHARE * (kept_chars + pruned):
        return True
    return boilerplate < _MIN_BOILERPLATE_SHARE * kept_chars


def _whole_page(whole: Reading, kept: tuple[bool, ...] | None) -> tuple[Block, ...]:
    """Keep every block but the link lists of menus and sidebars: named so, mostly links, left out by trafilatura."""
    kept = kept or (False,) * len(whole.blocks)
    return tuple(
        block for block, is_kept, furniture, links in zip(whole.blocks, kept, whole.furniture, whole.link_share)
        if is_kept or not furniture or links < _MAX_LINK_SHARE or block.kind == HEADING
    )


def _main_text(whole: Reading, kept: tuple[bool, ...]) -> tuple[Block, ...]:
    """Keep the blocks trafilatura kept, contents entries, and each heading over kept text."""
    result = []
    for i, (block, is_kept) in enumerate(zip(whole.blocks, kept)):
        if block.kind == HEADING:
            is_kept = is_kept or _heads_kept_text(whole, kept, i)
        if is_kept or block.kind == CONTENTS:
            result.append(block)
    return tuple(result)


def _heads_kept_text(whole: Reading, kept: tuple[bool, ...], heading: int) -> bool:
    """Tell whether the first text under a heading is kept, past sub-headings and a short byline or dateline.

    A chapter heading right above an article heading stays; "More from Markets" above its links does not.
    """
    for i in range(heading + 1, len(whole.blocks)):
        block = whole.blocks[i]
        if block.kind in (HEADING, CONTENTS):
            continue
        if kept[i]:
            return True
        if len(block.text.split()) >= _MIN_PROSE_WORDS or whole.link_share[i] >= _MAX_LINK_SHARE:
            return False
    return False


def _words(el: etree._Element) -> int:
    return len(" ".join(el.itertext()).split())
