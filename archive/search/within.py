"""Search within one document: which of its sections match, how often, with the words marked in place.

The section index decides which sections match (the same query language and engine as the archive's
search); the words to mark come from the parsed query and are found in each matching section's plain
text with the archive analyzer, so "policies" is marked for "policy" exactly as the engine matched it.
Matching sections come a page at a time (``SECTIONS_PER_PAGE``, in reading order): only the page's sections
are read and marked, so a word found in every section of a huge document costs one page of work, and a
reader moves on with "later matching sections". The document page shows its sections through
``sections_view``: each with its match and links to the matching sections before and after it, on this page
or the next (the section tree itself stays structural).
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
SECTIONS_PER_PAGE = 50
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
class MatchLink:
    """Where a matching section is: its anchor, on which page of matches."""

    anchor: str
    page: int


@dataclass(frozen=True)
class WithinResult:
    query: str  # the query as typed, for the search box
    terms: frozenset[str]
    sections: list[SectionMatch]  # this page's, in reading order
    page: int = 1
    pages: int = 1
    total_sections: int = 0  # matching sections on every page
    before: MatchLink | None = None  # the last matching section of the page before
    after: MatchLink | None = None  # the first of the page after

    @property
    def count(self) -> int:
        """Marks (words, or whole phrases) in this page's matching sections."""
        return sum(match.hits for match in self.sections)

    @property
    def first_number(self) -> int:
        """The place of this page's first section among all matching sections, counted from 1."""
        return (self.page - 1) * SECTIONS_PER_PAGE + 1

    @property
    def last_number(self) -> int:
        return self.first_number + len(self.sections) - 1

    @property
    def more(self) -> bool:
        """Some section has more matches than are marked (and counted)."""
        return any(match.more for match in self.sections)


def search_within(document: Document, raw_query: str, page: int = 1) -> WithinResult:
    """One page of the document's sections matching a query; raises QueryError when the query cannot be read.

    A page past the last gives the last (the result says which it is), as the archive's search does."""
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
    found = Section.objects.filter(document=document, pk__in=ids, captured=True).order_by("path")
    in_order = list(found.values_list("pk", "anchor"))
    pages = max(1, -(-len(in_order) // SECTIONS_PER_PAGE))
    page = min(max(1, page), pages)
    start, end = (page - 1) * SECTIONS_PER_PAGE, page * SECTIONS_PER_PAGE
    on_page = found.filter(pk__in=[pk for pk, _ in in_order[start:end]])
    return WithinResult(
        query=raw_query.strip(),
        terms=parsed.terms,
        sections=[_match(section, parsed) for section in on_page],
        page=page,
        pages=pages,
        total_sections=len(in_order),
        before=MatchLink(in_order[start - 1][1], page - 1) if start > 0 else None,
        after=MatchLink(in_order[end][1], page + 1) if end < len(in_order) else None,
    )


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
    the document, its match and where the matching sections before and after it in reading order are."""

    node: SectionNode
    match: SectionMatch | None = None
    previous: MatchLink | None = None
    next: MatchLink | None = None

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
    """Every section of a document's tree in reading order, each with its match on this page of matches (if
    any) and where its neighbours are (the first and last of the page link to the pages beside it)."""
    if result is None:
        return [SectionView(node) for node in reading_order(roots)]
    matches = result.sections
    links = [result.before, *(MatchLink(match.section.anchor, result.page) for match in matches), result.after]
    position = {match.section.pk: index for index, match in enumerate(matches)}
    views = []
    for node in reading_order(roots):
        index = position.get(node.section.pk)
        if index is None:
            views.append(SectionView(node))
        else:
            views.append(SectionView(node, matches[index], links[index], links[index + 2]))
    return views
