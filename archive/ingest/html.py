"""Read a saved web page: its main text with headings, and the metadata the page declares about itself.

Why trafilatura and not our own scraping: telling an article from its navigation, share bars, comment
threads and "related articles" boxes is a hard, well-studied problem; trafilatura solves it across
thousands of site layouts and reads OpenGraph, ``article:`` and JSON-LD metadata. We ask it for text
that keeps headings as Markdown ("## What the code covers"), so the Markdown path recovers sections as
it does for a Markdown capture, and we map its metadata onto front matter, which the header reader
already trusts first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import trafilatura

from .frontmatter import FrontMatter
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
