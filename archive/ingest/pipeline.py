"""The ingestion chain: raw bytes and a file name in, one ParsedDocument out.

decode -> normalise -> front matter -> (Markdown to text) -> debris -> blocks -> header metadata
-> paragraphs -> author's note -> structure -> kind. Each step is a pure function in its own module;
this one only wires them together and decides what the file may be.
"""

from __future__ import annotations

from pathlib import PurePath

from .boilerplate import strip_debris
from .decode import decode
from .frontmatter import split_front_matter
from .jsonlines import JSONL_SUFFIXES, read_jsonlines
from .kinds import Shape, infer_kind
from .markdown import markdown_to_text
from .metadata import read_header, split_author_note
from .model import IngestError, ParsedDocument
from .normalise import normalise
from .paragraphs import join_blocks, split_blocks
from .structure import build_structure

TEXT_SUFFIXES = frozenset({".txt", ".text", ""}) | JSONL_SUFFIXES
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

# Share of CJK characters among letters above which a document is taken to be Chinese.
_CJK_SHARE = 0.3


def parse(raw: bytes, filename: str = "") -> ParsedDocument:
    """Parse one file into a document; raise IngestError with a one-line reason when it cannot be."""
    markdown = _is_markdown(filename)
    decoded = decode(raw)
    warnings = list(decoded.warnings)
    text = normalise(decoded.text)
    if PurePath(filename).suffix.lower() in JSONL_SUFFIXES:
        front, text, front_warning = *read_jsonlines(text), ""
    else:
        front, text, front_warning = split_front_matter(text)
    if front_warning:
        warnings.append(front_warning)
    if markdown:
        text = normalise(markdown_to_text(text))
    cleaned = strip_debris(text.split("\n"))
    header, body_blocks = read_header(split_blocks(cleaned.lines), front, source_url=cleaned.source_url)
    paragraphs, author_note = split_author_note(join_blocks(body_blocks, markdown))
    if not paragraphs:
        raise IngestError("no body text found after removing the title, metadata and page debris")
    structure = build_structure(paragraphs, markdown)
    if cleaned.paginated:
        warnings.append("the capture is one page of a multi-page text (it ends with a page bar such as '1 2 3 >')")
    if cleaned.paywalled:
        warnings.append("the capture stops at a paywall: only the free part of the text is here")
    if structure.missing:
        listed = ", ".join(e.label or e.heading for e in structure.missing)
        warnings.append(f"sections listed in the contents but not in the file: {listed}")
    title = header.title or _fallback_title(paragraphs)
    kind = infer_kind(
        Shape(
            title=title,
            has_contents=bool(structure.contents),
            has_preface=any(s.heading.casefold() == "preface" and not s.label for s in structure.sections),
            roman_chapters=sum(1 for s in structure.sections if s.label and s.label.isupper() and s.label.isalpha()),
            issuer=header.issuer,
            author_note=author_note,
            section_labels=tuple(header.section_labels),
            opening=" ".join([header.subtitle, *paragraphs[:6]]),
            publisher=header.publisher,
        )
    )
    return ParsedDocument(
        title=title,
        sections=structure.sections,
        kind=kind,
        subtitle=header.subtitle,
        authors=header.authors,
        publisher=header.publisher,
        issuer=header.issuer,
        date=header.date,
        edition=header.edition,
        author_note=author_note,
        source_url=header.source_url or cleaned.source_url,
        language=_language(paragraphs),
        contents=structure.contents,
        missing=structure.missing,
        site=header.site,
        complete=not structure.missing and not cleaned.paginated and not cleaned.paywalled,
        encoding=decoded.encoding,
        warnings=tuple(warnings),
    )


def _is_markdown(filename: str) -> bool:
    suffix = PurePath(filename).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return True
    if suffix in TEXT_SUFFIXES:
        return False
    raise IngestError(f"unsupported file type: {suffix}")


def _fallback_title(paragraphs: list[str]) -> str:
    """Use the first words of the text when nothing at the top looked like a title."""
    first = paragraphs[0].split()
    return " ".join(first[:12]) + ("…" if len(first) > 12 else "")


def _language(paragraphs: list[str]) -> str:
    sample = "".join(paragraphs)[:5000]
    letters = [c for c in sample if c.isalpha()]
    cjk = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff")
    return "zh" if letters and cjk / len(letters) > _CJK_SHARE else "en"

