"""Search within one document: which of its sections match, how often, with the words marked in place.

The section index decides which sections match (the same query language and engine as the archive's
search); the words to mark come from the parsed query and are found in each matching section's plain
text with the archive analyzer, so "policies" is marked for "policy" exactly as the engine matched it.
"""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from haystack.query import SearchQuerySet

from archive.models import Document, Section
from archive.sanitize import clean_marked_body, clean_snippet
from archive.search.highlight import mark_spans, marked_paragraphs, marked_text, snippet
from archive.search.query import parse_query
from archive.selectors import SectionNode

# A document has at most a few thousand sections; this bounds the engine's answer all the same.
MAX_SECTIONS = 5000


@dataclass(frozen=True)
class SectionMatch:
    section: Section
    hits: int  # marked words in the heading and the text
    heading: SafeString  # the heading with the words marked
    body: SafeString  # the whole body re-rendered from the text, words marked, sanitised


@dataclass(frozen=True)
class WithinResult:
    query: str  # the query as typed, for the search box
    terms: frozenset[str]
    sections: list[SectionMatch]  # in reading order

    @property
    def count(self) -> int:
        """Marked words in all matching sections."""
        return sum(match.hits for match in self.sections)

    @property
    def by_section(self) -> dict[int, SectionMatch]:
        return {match.section.pk: match for match in self.sections}


@dataclass
class MarkedNode:
    """A section-tree node carrying its match, shaped like ``SectionNode`` for the templates."""

    section: Section
    match: SectionMatch | None
    children: list["MarkedNode"] = field(default_factory=list)
    previous: SectionMatch | None = None
    next: SectionMatch | None = None


def search_within(document: Document, raw_query: str) -> WithinResult:
    """Find the document's sections matching a query; raises QueryError when the query cannot be read."""
    parsed = parse_query(raw_query)
    matches = (
        SearchQuerySet().models(Section).raw_search(parsed.text).filter(document_id=document.pk)[:MAX_SECTIONS]
    )
    ids = [int(result.pk) for result in matches]
    # Reading order, and only what the database still holds for this document (the index may lag).
    sections = Section.objects.filter(document=document, pk__in=ids, captured=True).order_by("path")
    return WithinResult(
        query=raw_query.strip(),
        terms=parsed.terms,
        sections=[_marked(section, parsed.terms) for section in sections],
    )


def _marked(section: Section, terms: frozenset[str]) -> SectionMatch:
    body, body_hits = marked_paragraphs(section.text, terms)
    heading_spans = mark_spans(section.heading, terms)
    return SectionMatch(
        section=section,
        hits=body_hits + len(heading_spans),
        heading=clean_snippet(marked_text(section.heading, heading_spans)),
        body=clean_marked_body(body),
    )


def section_snippet(match: SectionMatch, terms: frozenset[str]) -> SafeString:
    """A short passage of a matching section around its first marks, for lists and the API."""
    return snippet(match.section.text, terms, fragments=1)


def marked_tree(nodes: list[SectionNode], result: WithinResult | None) -> list[SectionNode] | list[MarkedNode]:
    """Pair each node of a section tree with its match, and each match with its neighbours in reading order."""
    if result is None:
        return nodes
    by_section = result.by_section
    order = {match.section.pk: index for index, match in enumerate(result.sections)}

    def pair(node: SectionNode) -> MarkedNode:
        match = by_section.get(node.section.pk)
        marked = MarkedNode(node.section, match, [pair(child) for child in node.children])
        if match is not None:
            index = order[node.section.pk]
            marked.previous = result.sections[index - 1] if index > 0 else None
            marked.next = result.sections[index + 1] if index + 1 < len(result.sections) else None
        return marked

    return [pair(node) for node in nodes]
