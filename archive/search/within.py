"""Search within one document: which of its sections match, how often, with the words marked in place.

The section index decides which sections match (the same query language and engine as the archive's
search); the words to mark come from the parsed query and are found in each matching section's plain
text with the archive analyzer, so "policies" is marked for "policy" exactly as the engine matched it.
The document page shows its sections through ``sections_view``: each with its match and the matching
sections before and after it (the section tree itself stays structural).
"""

from dataclasses import dataclass
from functools import cached_property

from django.utils.safestring import SafeString

from archive.models import Document, Section
from archive.sanitize import clean_marked_body, clean_snippet
from archive.search.engine import DOCUMENT_ID, SECTIONS, Search, search_engine
from archive.search.query import ParsedQuery, parse_query
from archive.search.snippets import mark_spans, marked_paragraphs, marked_passages, marked_text
from archive.selectors import SectionNode, reading_order

# A document has at most a few thousand sections; this bounds the engine's answer all the same.
MAX_SECTIONS = 5000
SNIPPET_CHARS = 220
# Marks in one section's text: a word found a hundred thousand times in a 10 MB section is marked where a
# reader starts, and the count says there are more.
MAX_MARKS_PER_SECTION = 1000


@dataclass
class SectionMatch:
    section: Section
    terms: frozenset[str]
    heading_spans: list[tuple[int, int]]
    text_spans: list[tuple[int, int]]  # at most MAX_MARKS_PER_SECTION
    more: bool = False  # the text has more matches than are marked

    @property
    def hits(self) -> int:
        """Marks in the heading and the text (a word, or a whole phrase); "more" says when there were more."""
        return len(self.heading_spans) + len(self.text_spans)

    @cached_property
    def heading(self) -> SafeString:
        """The heading with the words marked."""
        return clean_snippet(marked_text(self.section.heading, self.heading_spans))

    @cached_property
    def body(self) -> SafeString:
        """The whole body re-rendered from the text as paragraphs, every word marked, sanitised."""
        return clean_marked_body(marked_paragraphs(self.section.text, self.text_spans))

    @cached_property
    def snippet(self) -> SafeString:
        """A passage of the text around its first mark (the opening when only the heading matched)."""
        return marked_passages(self.section.text, iter(self.text_spans), fragments=1, width=SNIPPET_CHARS)


@dataclass(frozen=True)
class WithinResult:
    query: str  # the query as typed, for the search box
    terms: frozenset[str]
    sections: list[SectionMatch]  # in reading order

    @property
    def count(self) -> int:
        """Marks (words, or whole phrases) in all matching sections."""
        return sum(match.hits for match in self.sections)

    @property
    def more(self) -> bool:
        """Some section has more matches than are marked (and counted)."""
        return any(match.more for match in self.sections)


def search_within(document: Document, raw_query: str) -> WithinResult:
    """Find the document's sections matching a query; raises QueryError when the query cannot be read."""
    parsed = parse_query(raw_query)
    matches = search_engine().search(
        Search(
            SECTIONS,
            parsed.text,
            filters=(f"{DOCUMENT_ID}:{document.pk}",),
            stop=MAX_SECTIONS,
            time_limited=not parsed.loosenable,
        )
    )
    ids = [hit.pk for hit in matches.hits]
    # Reading order, and only what the database still holds for this document (the index may lag).
    sections = Section.objects.filter(document=document, pk__in=ids, captured=True).order_by("path")
    return WithinResult(query=raw_query.strip(), terms=parsed.terms, sections=[_match(s, parsed) for s in sections])


def _match(section: Section, parsed: ParsedQuery) -> SectionMatch:
    """The section's marks: every one in the heading, the first MAX_MARKS_PER_SECTION in the text."""
    spans = mark_spans(section.text, parsed.terms, parsed.phrases, limit=MAX_MARKS_PER_SECTION + 1)
    return SectionMatch(
        section,
        parsed.terms,
        mark_spans(section.heading, parsed.terms, parsed.phrases),
        spans[:MAX_MARKS_PER_SECTION],
        more=len(spans) > MAX_MARKS_PER_SECTION,
    )


@dataclass(frozen=True)
class SectionView:
    """A section as the document page shows it: its place in the tree and, when the page searches within
    the document, its match and the matching sections before and after it in reading order."""

    node: SectionNode
    match: SectionMatch | None = None
    previous: SectionMatch | None = None
    next: SectionMatch | None = None

    @property
    def section(self) -> Section:
        return self.node.section

    @property
    def children(self) -> list[SectionNode]:
        return self.node.children

    @property
    def closes(self) -> range:
        return self.node.closes


def sections_view(roots: list[SectionNode], result: WithinResult | None) -> list[SectionView]:
    """Every section of a document's tree in reading order, each with its match (if any) and its neighbours'."""
    matches = result.sections if result else []
    position = {match.section.pk: index for index, match in enumerate(matches)}
    views = []
    for node in reading_order(roots):
        index = position.get(node.section.pk)
        if index is None:
            views.append(SectionView(node))
            continue
        previous = matches[index - 1] if index > 0 else None
        following = matches[index + 1] if index + 1 < len(matches) else None
        views.append(SectionView(node, matches[index], previous, following))
    return views
