"""Read a saved web page: its text as blocks with the structure its markup states, and its metadata.

Two readings, because pages come in two kinds. A long document (a law, an RFC, a standard) must be read
whole, headings and contents list included; trafilatura, built to find the article inside a news page,
prunes such documents (measured below). A news page needs boilerplate removal (navigation, share bars,
related links, comment threads), a hard, well-studied problem trafilatura solves across thousands of
site layouts. So ``read_page_blocks`` walks the whole page itself (``html_blocks``) and asks trafilatura
only which blocks are the article; it cuts the page to those blocks when that removes boilerplate
without cutting prose. ``read_page`` is the older reader, which hands trafilatura's Markdown to the
Markdown path; the pipeline uses it until it reads blocks.

Metadata is what the page declares (OpenGraph, ``article:``, Dublin Core, JSON-LD, ``<time>``), read
partly by trafilatura and htmldate, and repaired where they go wrong on real pages: the site's name left
in the title, a catalogue number or file name as title, a copyright year or a date cited in the text
as publication date, the site's name or "Staff" as author. The result is front matter, which the header
reader already trusts first.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from .blocks import CONTENTS, HEADING, Block
from .frontmatter import FrontMatter
from .html_blocks import Reading, from_trafilatura, read_blocks
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

# Authors as trafilatura joins them: "Tan Hui Yee; Lu Chuanying".
_AUTHOR_SEPARATOR = re.compile(r"\s*;\s*")

_NO_TEXT = "no article text found in the web page (it may be a menu, a login wall or a page built by scripts)"


@dataclass(frozen=True)
class Page:
    """The main text of a web page as Markdown, and its metadata as the front matter the pipeline reads."""

    text: str
    front: FrontMatter
    description: str = ""  # the page's summary (og:description): a standfirst, never part of the title


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


def read_page(markup: str) -> Page:
    """Extract the main text and metadata of a web page; raise IngestError when it has no article text."""
    document = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_formatting=True,  # headings come out as "## …", which the Markdown path turns into sections
        include_tables=True,
        include_images=False,
        include_links=False,
        # Only dates the page declares or prints as such: the extensive search reads "© 2024" in a footer
        # as 1 January 2024.
        date_extraction_params={"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()},
    )
    text = (document.text or "") if document is not None else ""
    if not text.strip():
        raise IngestError(_NO_TEXT)
    return Page(text=text, front=_front_matter(document), description=" ".join((document.description or "").split()))


def _front_matter(document: trafilatura.settings.Document) -> FrontMatter:
    fields: dict[str, str | list[str]] = {}
    for key, value in (
        ("title", document.title),
        ("publisher", document.sitename or document.hostname),
        ("date", document.date),
        ("source_url", document.url),
    ):
        if value and value.strip():
            fields[key] = " ".join(value.split())
    authors = [a for a in _AUTHOR_SEPARATOR.split(document.author or "") if a.strip()]
    if authors:
        fields["authors"] = authors
    return FrontMatter(fields)


# ---------------------------------------------------------------------------------------------------
# The block reader.

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
    front = _page_front_matter(tree, markup, document, blocks, keep_whole)
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
    return trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_formatting=True,
        include_tables=True,
        include_images=False,
        include_links=False,
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
    found = _compact(" ".join(b.text for b in main))
    if not found:
        return None
    units = {_compact(b.text) for b in main} | {_compact(line) for b in main for line in b.lines}
    texts = (_compact(b.text) for b in whole.blocks)
    return tuple(t in units or (len(t) >= _MIN_MATCH_CHARS and t in found) for t in texts)


def _keep_whole_page(whole: Reading, kept: tuple[bool, ...]) -> bool:
    """Tell whether to keep the whole page rather than cut it to trafilatura's main text.

    Whole, when trafilatura dropped prose (it prunes long documents), or when it removed next to nothing.
    """
    kept_chars = pruned = boilerplate = 0
    for block, is_kept, furniture, links in zip(whole.blocks, kept, whole.furniture, whole.link_share):
        size = len(_compact(block.text))
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


def _compact(text: str) -> str:
    return "".join(text.casefold().split())


def _words(el: etree._Element) -> int:
    return len(" ".join(el.itertext()).split())


# ---------------------------------------------------------------------------------------------------
# Metadata the page declares, repaired where trafilatura's reading goes wrong on real pages.

# Separators between a page's title and its site's name: "Headline - Site", "Site | Headline",
# "Headline — Site", "Site :: Headline", "Headline · Site", "Headline|Site".
_TITLE_SEPARATOR = re.compile(r"\s+(?:[-–—|·•»/]|::)\s+|\s*\|\s*")
# A word of a title that is not a catalogue number, date or file name: "Consolidated", "Directive".
_TITLE_WORD = re.compile(r"^[^\W\d_][^\W\d]{2,}\W*$")
# A run of Chinese, Japanese or Korean characters long enough to be words: "数字经济发展规划".
_CJK_WORDS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{4,}")
# A copyright notice and its years: "© 2024", "Copyright © 2019–2024", "(c) 2021-2023".
_COPYRIGHT = re.compile(r"(?:©|\bcopyright\b|\(c\))\D{0,40}?((?:19|20)\d\d)(?:\s*[-–—]\s*((?:19|20)\d\d))?", re.I)
# A declared date of month or year precision that htmldate does not read: dct.issued "2018-08".
_PARTIAL_DATE = re.compile(r"^((?:19|20)\d\d)(?:-(\d\d))?$")
# The date at the start of a <time datetime>: "2024-05-16T08:30:00+08:00" -> "2024-05-16".
_ISO_DATE = re.compile(r"^((?:19|20)\d\d-\d\d(?:-\d\d)?)")
# Host labels that say nothing about the site: "www.", "m.", and second-level suffixes such as ".co.uk".
_HOST_NOISE = frozenset({"www", "m", "amp", "com", "co", "org", "net", "gov", "edu", "ac", "int"})
# Words of a byline that name no one: "Staff", "Editorial Board", "News Desk", "Admin".
_GENERIC_AUTHOR_WORDS = frozenset(
    "admin administrator staff editor editors editorial team desk newsroom news web online digital guest "
    "contributor contributors correspondent correspondents reporter reporters writer writers author authors "
    "unknown anonymous board office press service wire agencies the our by and of".split()
)
_AUTHOR_META = ("author", "article:author", "citation_author", "parsely-author", "sailthru.author", "byl")
_CREATOR_META = ("dc.creator", "dcterms.creator", "dct.creator")
_DATE_META_WORDS = ("date", "issued", "published", "created")
# "By Tan Hui Yee" in a byl meta tag; several authors joined by ";", "&" or "and".
_BY = re.compile(r"^by\s+", re.I)
_AUTHORS_SPLIT = re.compile(r"\s*(?:;|&|\band\b)\s*")


def _page_front_matter(
    tree: lxml.html.HtmlElement, markup: str, document: trafilatura.settings.Document | None,
    blocks: tuple[Block, ...], whole: bool,
) -> FrontMatter:
    """Map the page's metadata onto front matter; a whole document gets only what its page declares."""
    names = _site_names(tree, document)
    fields: dict[str, str | list[str]] = {}
    authors, creators = _page_people(tree, document, names, whole)
    for key, value in (
        ("title", _page_title(tree, document, blocks, names)),
        ("publisher", _publisher(tree, document)),
        ("date", _page_date(tree, markup, whole)),
        ("source_url", document.url if document is not None else ""),
        ("authors", authors),
        ("creators", creators),
    ):
        if value:
            fields[key] = value if isinstance(value, list) else " ".join(value.split())
    return FrontMatter(fields)


def _meta(tree: lxml.html.HtmlElement, *names: str) -> list[str]:
    """Return the contents of the page's <meta> tags named (name, property or itemprop) among ``names``."""
    wanted = {n.casefold() for n in names}
    values = []
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").casefold()
        content = " ".join((meta.get("content") or "").split())
        if key in wanted and content:
            values.append(content)
    return values


def _site_names(tree: lxml.html.HtmlElement, document: trafilatura.settings.Document | None) -> list[str]:
    """Return what the site calls itself: og:site_name, its host name, the text of its home links."""
    names = _meta(tree, "og:site_name", "application-name")
    if document is not None and document.sitename and _has_words(document.sitename):
        names.append(document.sitename)
    host = _host(tree, document)
    if host:  # "straitstimes.com" -> "straitstimes", "data.europa.eu" -> "data", "europa"
        names += [host, *(label for label in host.split(".")[:-1] if label not in _HOST_NOISE)]
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        if href in ("/", "./", "index.html") or "home" in (link.get("rel") or "") or (host and _is_home(href, host)):
            names += [" ".join(link.text_content().split()), link.get("title") or ""]
            names += [img.get("alt") or "" for img in link.iter("img")]
    return [n for n in names if n and len(n.split()) <= 6]


def _host(tree: lxml.html.HtmlElement, document: trafilatura.settings.Document | None) -> str:
    if document is not None and document.hostname:
        return document.hostname.casefold().removeprefix("www.")
    for url in _meta(tree, "og:url") + [el.get("href") or "" for el in tree.xpath("//link[@rel='canonical']")]:
        if urlsplit(url).hostname:
            return urlsplit(url).hostname.removeprefix("www.")
    return ""


def _is_home(href: str, host: str) -> bool:
    parts = urlsplit(href)
    return (parts.hostname or "").removeprefix("www.") == host and parts.path in ("", "/")


def _page_title(
    tree: lxml.html.HtmlElement, document: trafilatura.settings.Document | None,
    blocks: tuple[Block, ...], names: list[str],
) -> str:
    """Return the page's title without its site's name; the top heading when the title is a catalogue entry."""
    h1s = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    og_titles = _meta(tree, "og:title", "twitter:title")
    page_title = tree.findtext(".//title") or ""
    candidates = og_titles + [page_title, (document.title or "") if document is not None else ""]
    for candidate in (" ".join(c.split()) for c in candidates):
        title = _without_site_name(candidate, names, [h for h in h1s + og_titles if h])
        if title and not _catalogue_like(title):
            return title
    return next((h for h in h1s if h), next((b.text for b in blocks if b.kind == HEADING), ""))


def _without_site_name(title: str, names: list[str], headings: list[str]) -> str:
    """Drop the site's name at either end ("Site :: Section :: Headline"); prefer a heading equal to a part left."""
    spans, at = [], 0
    for separator in _TITLE_SEPARATOR.finditer(title):
        spans.append((at, separator.start()))
        at = separator.end()
    spans.append((at, len(title)))
    while len(spans) > 1 and _is_site_name(title[slice(*spans[-1])], names):
        spans.pop()
    while len(spans) > 1 and _is_site_name(title[slice(*spans[0])], names):
        spans.pop(0)
    keys = {_compact(h): h for h in headings}
    for i in range(len(spans)):
        for j in range(len(spans) - 1, i - 1, -1):
            heading = keys.get(_compact(title[spans[i][0]:spans[j][1]]))
            if heading:
                return heading
    return title[spans[0][0]:spans[-1][1]]


def _is_site_name(part: str, names: list[str]) -> bool:
    """Tell whether a title's end part is the site's name ("The Straits Times" for straitstimes.com)."""
    key = re.sub(r"\W", "", part.casefold())
    keys = {re.sub(r"\W", "", n.casefold()) for n in names}
    return bool(key) and (key in keys or key.removeprefix("the") in keys)


def _catalogue_like(title: str) -> bool:
    """Tell whether a title is a catalogue number or file name: "Consolidated TEXT: 32016R0679 — EN — 04.05.2016"."""
    if _CJK_WORDS.search(title):
        return False  # Chinese, Japanese and Korean titles do not separate their words with spaces
    tokens = title.split()
    coded = any(any(c.isdigit() for c in t) for t in tokens)
    return coded and sum(1 for t in tokens if _TITLE_WORD.match(t)) < 3


def _has_words(text: str) -> bool:
    return sum(c.isalpha() for c in text) >= 3


def _publisher(tree: lxml.html.HtmlElement, document: trafilatura.settings.Document | None) -> str:
    """Return the site's declared name, else trafilatura's (never a date: "04.05.2016"), else its host."""
    names = _meta(tree, "og:site_name")
    if document is not None and document.sitename and _has_words(document.sitename):
        names.append(document.sitename)
    return next(iter(names), _host(tree, document))


def _page_date(tree: lxml.html.HtmlElement, markup: str, whole: bool) -> str:
    """Return the date the page declares; for an article page, else the date htmldate finds in its text.

    A whole document's text cites many dates (htmldate took one from the reference list of an RFC and
    one from an amendment note of an act), so only its declared date is taken; the header reader still
    reads a date printed at its top.
    """
    declared = _declared_date(tree)
    if declared or whole:
        return declared
    today = date.today().isoformat()
    found = htmldate.find_date(markup, extensive_search=True, original_date=True, max_date=today) or ""
    if not found or found > today:
        return ""
    if found.endswith("-01-01"):  # htmldate's reading of a bare year
        return "" if found[:4] in _copyright_years(tree) else found[:4]
    return found


def _declared_date(tree: lxml.html.HtmlElement) -> str:
    """Return the date in the page's <head>, JSON-LD or a publication <time>, as precise as given."""
    head = tree.find("head")
    scripts = tree.xpath("//script[@type='application/ld+json']")
    times = tree.xpath("//time[@pubdate] | //time[@itemprop='datePublished'] | //article//time[@datetime]")
    shell = lxml.html.Element("html")
    for part in ([head] if head is not None else []) + scripts + times[:1]:
        shell.append(_copy(part))
    found = htmldate.find_date(shell, extensive_search=False, original_date=True, max_date=date.today().isoformat())
    if found:
        return found
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").casefold()
        match = _PARTIAL_DATE.match((meta.get("content") or "").strip())
        if match and any(word in key for word in _DATE_META_WORDS):
            return match.group(0)
    for time in times:
        match = _ISO_DATE.match(time.get("datetime") or "")
        if match:
            return match.group(1)
    return ""


def _copy(el: etree._Element) -> etree._Element:
    copy = deepcopy(el)
    copy.tail = None
    return copy


def _copyright_years(tree: lxml.html.HtmlElement) -> set[str]:
    text = " ".join(tree.itertext())
    return {year for match in _COPYRIGHT.finditer(text) for year in match.groups() if year}


def _page_people(
    tree: lxml.html.HtmlElement, document: trafilatura.settings.Document | None, names: list[str], whole: bool
) -> tuple[list[str], list[str]]:
    """Return (authors, catalogue creators such as "Postel, J.") declared by the page, or found by trafilatura."""
    creators = [c for c in _meta(tree, *_CREATOR_META) if _names_someone(c, names)]
    authors = _real_authors(_meta(tree, *_AUTHOR_META), names)
    if not authors and not creators and not whole and document is not None and document.author:
        authors = _real_authors([document.author], names)  # a byline trafilatura found in the article
    return authors, creators


def _real_authors(values: list[str], names: list[str]) -> list[str]:
    """Split author fields into names, without "By", URLs (article:author), the site's name or labels."""
    authors = [_BY.sub("", a) for value in values for a in _AUTHORS_SPLIT.split(value) if a.strip()]
    return [a for a in dict.fromkeys(authors) if _names_someone(a, names)]


def _names_someone(author: str, names: list[str]) -> bool:
    """Tell whether a byline names a person or body, not the site itself or a label such as "Staff"."""
    if "@" in author or "://" in author or _is_site_name(author, names):
        return False
    site_words = {w for n in names for w in re.findall(r"[^\W\d_]+", n.casefold())}
    words = re.findall(r"[^\W\d_]+", author.casefold())
    return any(w not in _GENERIC_AUTHOR_WORDS and w not in site_words for w in words)
