"""The ingestion chain: raw bytes and a file name in, one ParsedDocument out.

size check -> what the file is -> its reader turns it into a stream of blocks carrying the format's own
evidence (``blocks``): plain text and reStructuredText (``plaintext``), Markdown (``markdown``), a web
page (``html``), a PDF (``pdf``), a JSON Lines export. Then, the same for every format: debris ->
header metadata -> contents list -> paragraphs -> author's note -> section tree (``structure``) -> kind.
Each step is a pure function in its own module; this one only wires them together and decides what
the file may be.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath

from .blocks import CONTENTS, HEADING, LIST_ITEM, LITERAL, PARAGRAPH, TABLE, Block, paragraph
from .boilerplate import strip_debris
from .contents import mark_contents
from .decode import MAX_BYTES, check_size, decode
from .frontmatter import FrontMatter, split_front_matter
from .html import HTML_SUFFIXES, declared_charset, looks_like_html, read_page_blocks
from .jsonlines import JSONL_SUFFIXES, read_jsonlines
from .kinds import Shape, infer_kind
from .language import document_language
from .longtext import split_long, split_long_lines
from .markdown import BULLET, markdown_blocks
from .metadata import Header, read_header, split_author_note
from .model import IngestError, ParsedDocument, ParsedSection
from .normalise import normalise
from .numbering import read_label
from .paragraphs import join_block
from .pdf import pdf_blocks
from .plaintext import text_blocks
from .structure import build_structure

TEXT_SUFFIXES = frozenset({".txt", ".text", ".rst", ""})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
PDF_SUFFIXES = frozenset({".pdf"})

# Paragraphs at the top of the body that kind inference reads for genre cues ("We, the leaders of…").
_OPENING_PARAGRAPHS = 3

# What ParsedDocument.encoding says for a PDF: its text has no single charset ("file --mime" says the same).
PDF_ENCODING = "binary"


@dataclass(frozen=True)
class Source:
    """A file read into blocks, with what its format said about it."""

    blocks: tuple[Block, ...]
    front: FrontMatter | None = None
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    standfirst: str = ""  # a summary the format declares apart from the text (a web page's description)


def parse(raw: bytes, filename: str = "", max_bytes: int = MAX_BYTES) -> ParsedDocument:
    """Parse one file into a document; raise IngestError with a one-line reason when it cannot be."""
    check_size(raw, max_bytes)  # before anything reads the bytes: a 50 MB upload costs nothing
    kind = file_kind(filename, raw)
    if kind == "pdf":
        source = _read_pdf(raw)
    elif kind == "html":
        source = _read_html(raw, max_bytes)
    elif kind == "jsonl":
        source = _read_jsonl(raw, max_bytes)
    else:
        source = _read_text(raw, max_bytes, markdown=kind == "markdown")
    return _parse_source(source)


def file_kind(filename: str, raw: bytes) -> str:
    """Return "pdf", "html", "jsonl", "markdown" or "text" from the file's name and first bytes."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in PDF_SUFFIXES or raw.startswith(b"%PDF-"):
        return "pdf"
    if suffix in HTML_SUFFIXES or (suffix in TEXT_SUFFIXES and looks_like_html(raw)):
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise IngestError(f"unsupported file type: {suffix}")


def _read_text(raw: bytes, max_bytes: int, markdown: bool) -> Source:
    decoded = decode(raw, max_bytes)
    warnings = list(decoded.warnings)
    text = split_long_lines(normalise(decoded.text))
    front, text, front_warning = split_front_matter(text)
    if front_warning:
        warnings.append(front_warning)
    if markdown:
        return Source(tuple(markdown_blocks(text)), front, decoded.encoding, tuple(warnings))
    reading = text_blocks(text)
    if reading.fields and front is None:
        front = FrontMatter(reading.fields)
    return Source(reading.blocks, front, decoded.encoding, tuple(warnings))


def _read_html(raw: bytes, max_bytes: int) -> Source:
    decoded = decode(raw, max_bytes, declared=declared_charset(raw))
    page = read_page_blocks(decoded.text)
    return Source(page.blocks, page.front, decoded.encoding, decoded.warnings, normalise(page.description))


def _read_pdf(raw: bytes) -> Source:
    # A PDF's text is not normalised, but its bookmarks and fonts can map a character to NUL: it prints nothing,
    # and PostgreSQL cannot store it in a text column.
    blocks = (replace(b, lines=tuple(line.replace("\x00", "") for line in b.lines)) for b in pdf_blocks(raw))
    return Source(tuple(blocks), encoding=PDF_ENCODING)


def _read_jsonl(raw: bytes, max_bytes: int) -> Source:
    decoded = decode(raw, max_bytes)
    front, text = read_jsonlines(decoded.text)
    return Source(text_blocks(split_long_lines(normalise(text))).blocks, front, decoded.encoding, decoded.warnings)


def _parse_source(source: Source) -> ParsedDocument:
    warnings = list(source.warnings)
    cleaned = strip_debris(source.blocks)
    header, body = read_header(list(cleaned.blocks), source.front, cleaned.source_url)
    body = _title_in_body(cleaned.blocks, _without_letterhead(body, header), header.title)
    body = _paragraph_blocks(mark_contents(body))
    texts = [b.text for b in body if b.kind != CONTENTS]
    kept, author_note = split_author_note(texts, header.authors)
    if len(kept) < len(texts):
        body = _without_last(body, len(texts) - len(kept))
    if not any(b.kind != CONTENTS for b in body) and header.subtitle:
        body, header.subtitle = [paragraph(header.subtitle)], ""  # the only text under the title is the text
    paragraphs = [b.text for b in body if b.kind != CONTENTS]
    if not paragraphs and not header.title:
        raise IngestError("no text found after removing the metadata and page debris")
    if not paragraphs:
        # A catalogue record (a title, perhaps authors and a date) is still worth finding: kept, and said.
        warnings.append("only a title was found, no body text: the document is kept as a record of its title")
    structure = build_structure(body)
    if cleaned.paginated:
        warnings.append("the capture is one page of a multi-page text (it ends with a page bar such as '1 2 3 >')")
    if cleaned.paywalled:
        warnings.append("the capture carries a paywall label such as 'Premium'; its text may stop early")
    if structure.missing:
        listed = ", ".join(e.label or e.heading for e in structure.missing)
        warnings.append(f"sections listed in the contents but not in the file: {listed}")
    title = header.title
    if not title:
        warnings.append("the file prints no title; the first words of its text stand in for one")
    subtitle = header.subtitle or _standfirst(source.standfirst, title, paragraphs)
    kind = infer_kind(
        Shape(
            title=title,
            has_contents=bool(structure.contents),
            has_preface=any(s.heading.casefold() == "preface" and not s.label for s in structure.sections),
            roman_chapters=sum(1 for s in structure.sections if s.label and s.label.isupper() and s.label.isalpha()),
            issuer=header.issuer,
            author_note=author_note,
            section_labels=tuple(header.section_labels),
            opening="\n".join([subtitle, *paragraphs[:_OPENING_PARAGRAPHS]]),
            publisher=header.publisher,
            cues=tuple(header.cues),
            authors=header.authors,
            headings=_count_headings(structure.sections),
        )
    )
    return ParsedDocument(
        title=title,
        sections=structure.sections if paragraphs else (),
        kind=kind,
        subtitle=subtitle,
        authors=header.authors,
        publisher=header.publisher,
        site=header.site,
        issuer=header.issuer,
        date=header.date,
        edition=header.edition,
        author_note=author_note,
        source_url=header.source_url or cleaned.source_url,
        language=document_language(_declared_language(source.front), [title, subtitle, *paragraphs]),
        contents=structure.contents,
        missing=structure.missing,
        complete=not (structure.missing or cleaned.paginated or cleaned.paywalled),
        encoding=source.encoding,
        warnings=tuple(warnings),
    )


def _paragraph_blocks(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with one paragraph per block: hard-wrapped lines joined, run-together lines split.

    A list item keeps its printed number ("3. Adopts…") or gets a bullet; each table row is a block of its
    own (kept out of heading detection); an over-long paragraph is split at sentence ends (``longtext``).
    """
    out: list[Block] = []
    for block in blocks:
        if block.kind == PARAGRAPH and block.evidence == LITERAL:
            out.append(block)  # code or a figure: one paragraph as printed, never split at "sentence" ends
            continue
        if block.kind == PARAGRAPH:
            texts = join_block(list(block.lines))
        elif block.kind == LIST_ITEM:
            text = " ".join(join_block(list(block.lines)))
            texts = [text if read_label(text).label else BULLET + text]
        elif block.kind == TABLE:
            out.extend(Block(TABLE, (" ".join(row.split()),)) for row in block.lines if row.strip())
            continue
        else:
            out.append(block)
            continue
        kind = LIST_ITEM if block.kind == LIST_ITEM else PARAGRAPH
        out.extend(Block(kind, (piece,)) for text in texts for piece in split_long(text) if piece)
    return out


def _title_in_body(blocks: Sequence[Block], body: list[Block], title: str) -> list[Block]:
    """Return the body without headings that print the title again, and with a numbered title as its first section.

    A heading repeating the title at the title's rank or without one is a cover or a running title; one
    ranked below it opens the text ("Open Data Plan" under the same title). A numbered title
    ("5 Sampling and Survey Requirements", "07 Delivery and funding") is a chapter of a larger
    work printed alone: it names the file and is the root of its outline.
    """
    folded = _fold(title)
    title_block = next((b for b in blocks if b.kind == HEADING and _fold(b.text) == folded), None)
    if title_block is None or not folded:
        return body
    if read_label(title_block.text).label and title_block not in body:
        return [title_block, *body]
    return [b for b in body if not (b.kind == HEADING and _fold(b.text) == folded and b.level <= title_block.level)]


def _without_letterhead(body: list[Block], header: Header) -> list[Block]:
    """Return the body without headings that only name its issuer or publisher: a letterhead printed on each page."""
    names = {_fold(name) for name in (header.issuer, header.publisher) if name}
    return [b for b in body if not (b.kind == HEADING and _fold(b.text) in names)]


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _count_headings(sections: tuple[ParsedSection, ...]) -> int:
    return sum((1 if s.label or s.heading else 0) + _count_headings(s.children) for s in sections)


def _without_last(blocks: list[Block], count: int) -> list[Block]:
    """Return ``blocks`` without their last ``count`` text blocks (an author's note moved out of the body)."""
    out = list(blocks)
    while count and out:
        if out.pop().kind != CONTENTS:
            count -= 1
    return out


def _standfirst(summary: str, title: str, paragraphs: list[str]) -> str:
    """Use a declared summary as the subtitle unless it only repeats the title or the opening words."""
    folded = " ".join(summary.rstrip(".…").casefold().split())
    if not folded or folded == title.casefold() or paragraphs[0].casefold().startswith(folded):
        return ""
    return summary


def _declared_language(front: FrontMatter | None) -> str:
    """The language the file declares: a page's ``<html lang>``, a front matter's or a JSON record's field."""
    return str(front.text("language", "lang", "inLanguage", "locale")) if front else ""
