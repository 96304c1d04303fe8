"""Read the metadata a web page declares, repaired where trafilatura's reading goes wrong on real pages.

What a page declares (OpenGraph, ``article:``, Dublin Core, JSON-LD, ``<time>``) is read partly by
trafilatura and htmldate, well-kept libraries that know the many spellings of these tags, and repaired
where they go wrong on real pages: the site's name left in the title, a catalogue number or file name as
title, a copyright year or a date cited in the text as publication date, the site's name or "Staff" as
author. The result is front matter, which the header reader already trusts first.
"""

from __future__ import annotations

import re
from copy import deepcopy
from datetime import date
from urllib.parse import urlsplit

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from .blocks import HEADING, Block
from .dates import date_order
from .frontmatter import FrontMatter
from .html_blocks import compact

# Separators between a page's title and its site's name: "Headline - Site", "Site | Headline",
# "Headline — Site", "Site :: Headline", "Headline · Site", "Headline|Site", and the underscore Chinese sites put
# between the two: "多地出台秋粮收购新政_东方日报网".
_TITLE_SEPARATOR = re.compile(r"\s+(?:[-–—|·•»/]|::)\s+|\s*\|\s*|(?<=[\u3400-\u9fff])_(?=[\u3400-\u9fff])")
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


def page_front_matter(
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
        ("date", _page_date(tree, markup, whole, _page_language(tree))),
        ("source_url", document.url if document is not None else ""),
        ("language", _page_language(tree)),
        ("authors", authors),
        ("creators", creators),
    ):
        if value:
            fields[key] = value if isinstance(value, list) else " ".join(value.split())
    return FrontMatter(fields)


def _page_language(tree: lxml.html.HtmlElement) -> str:
    """Return the language the page declares (``<html lang="en-US">``, Content-Language), which settles "03/04/2023"."""
    declared = tree.getroottree().getroot().get("lang") or next(iter(_meta(tree, "content-language", "language")), "")
    return declared.strip()


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
    keys = {compact(h): h for h in headings}
    for i in range(len(spans)):
        for j in range(len(spans) - 1, i - 1, -1):
            heading = keys.get(compact(title[spans[i][0]:spans[j][1]]))
            if heading:
                return heading
    return title[spans[0][0]:spans[-1][1]]


def _is_site_name(part: str, names: list[str]) -> bool:
    """Tell whether a title's end part is the site's name ("The Harbour Times" for harbourtimes.com)."""
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


def _page_date(tree: lxml.html.HtmlElement, markup: str, whole: bool, language: str = "") -> str:
    """Return the date the page declares; for an article page, else the date htmldate finds in its text.

    A whole document's text cites many dates (htmldate took one from the reference list of an RFC and
    one from an amendment note of an act), so only its declared date is taken; the header reader still
    reads a date printed at its top. htmldate reads a printed "03/04/2023" day first; a page in a
    month-first language means 4 March.
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
    return _month_first(found, markup) if date_order((), language) == "mdy" else found


def _month_first(found: str, markup: str) -> str:
    """Return htmldate's day-first reading of a printed numeric date read month first, when the page prints it so."""
    year, month, day = found.split("-")
    printed = re.compile(rf"\b0?{int(day)}[/.-]0?{int(month)}[/.-]{year}\b")
    if int(day) > 12 or day == month or not printed.search(markup):
        return found
    return f"{year}-{day}-{month}"


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
