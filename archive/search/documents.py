"""Search grouped per document: which documents match, and where in each one.

The document index decides which documents match, their order and the facet counts (a document
matches even when its words fall in different sections, or only in its title or authors); the
section index then finds the matching sections of the documents on the page only, for snippets that
link to their anchors. Both go through haystack's SearchQuerySet, so another engine needs no change.
"""

import re
from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from haystack.query import SearchQuerySet

from archive.models import Document, Section
from archive.search.facets import HAYSTACK_FACET_NAMES, Facet, SearchFilters, facets_from_counts
from archive.search.highlight import snippet
from archive.search.query import COMMON_WORDS, ParsedQuery, parse_query
from archive.search.spelling import suggest
from archive.selectors import public_documents

PER_PAGE = 10
MAX_PER_PAGE = 100
SECTIONS_PER_DOCUMENT = 3
# The best section hits of a page's documents read back from the engine: enough for three per
# document nearly always (counts come from a facet, not from reading every hit).
SECTION_HITS_PER_PAGE = 60
SORTS = {"relevance": None, "newest": "-date", "oldest": "date"}
WORD = re.compile(r"\w+")
# What a hit shows of its section: the text for the snippet, the anchor, and the heading path (two
# levels of parents read in the same query; deeper ones, rare, are read when the path is built).
SHOWN_SECTION_FIELDS = (
    "document_id", "label", "heading", "text", "anchor",
    "parent__label", "parent__heading", "parent__parent__label", "parent__parent__heading", "parent__parent__parent_id",
)
SORT_LABELS = {"relevance": "Most relevant", "newest": "Newest first", "oldest": "Oldest first"}


@dataclass(frozen=True)
class SectionHit:
    section: Section
    snippet: SafeString

    @property
    def heading_path(self) -> str:
        """"II › 1. Concept of …": where the section sits in its document."""
        chain, parent = [], self.section.parent
        while parent is not None:
            chain.insert(0, parent.label or parent.heading)
            parent = parent.parent
        own = ". ".join(part for part in (self.section.label, self.section.heading) if part)
        return " › ".join(chain + [own or "Full text"])


@dataclass
class DocumentHit:
    document: Document
    sections: list[SectionHit] = field(default_factory=list)
    more_sections: int = 0
    partial: bool = False  # matches some of the words only (shown after the documents matching all)


@dataclass
class SearchPage:
    query: str
    count: int
    page: int
    per_page: int
    results: list[DocumentHit]
    sort: str = "relevance"
    filters: SearchFilters = field(default_factory=SearchFilters)
    facets: list[Facet] = field(default_factory=list)
    partial_count: int = 0
    suggestion: str = ""
    # The engine stopped a search at its time limit: results and counts are those found by then.
    stopped_early: bool = False

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def search_documents(
    raw_query: str,
    *,
    page: int = 1,
    per_page: int = PER_PAGE,
    filters: SearchFilters | None = None,
    sort: str = "relevance",
) -> SearchPage:
    """Run a researcher's query; raises QueryError when it cannot be read."""
    parsed = parse_query(raw_query)
    filters = filters or SearchFilters()
    sort = sort if sort in SORTS else "relevance"
    per_page = min(max(1, per_page), MAX_PER_PAGE)
    matches = _document_matches(parsed.text, filters, sort)
    # One engine call: the page, the exact count and the facet counts come back together.
    first = max(0, page - 1) * per_page
    page_results = list(matches[first : first + per_page])
    count = matches.count()
    if page_results == [] and count and page > 1:  # past the end: show the last page instead
        page = -(-count // per_page)
        first = (page - 1) * per_page
        page_results = list(matches[first : first + per_page])
    page = max(1, min(page, -(-count // per_page) or 1))
    result = SearchPage(
        query=parsed.text,
        count=count,
        page=page,
        per_page=per_page,
        results=_hits([int(r.pk) for r in page_results]),
        sort=sort,
        filters=filters,
        facets=facets_from_counts(matches.facet_counts(), filters),
        stopped_early=_stopped_early(matches),
    )
    if count < per_page and page == 1:
        _add_partial_matches(result, parsed, filters, sort)
    if count == 0:
        result.suggestion = suggest(
            parsed, has_results=lambda text: _document_matches(text, filters, sort, facets=False).count() > 0
        )
    result.stopped_early |= _attach_sections(result.results, parsed)
    return result


def _document_matches(query_text: str, filters: SearchFilters, sort: str, *, facets: bool = True) -> SearchQuerySet:
    matches = SearchQuerySet().models(Document).raw_search(query_text)
    for narrow in filters.narrow_queries():
        matches = matches.narrow(narrow)
    for facet_name in HAYSTACK_FACET_NAMES.values() if facets else ():
        matches = matches.facet(facet_name)
    if SORTS[sort]:
        matches = matches.order_by(SORTS[sort])
    return matches


def _hits(ids: list[int], *, partial: bool = False) -> list[DocumentHit]:
    documents = public_documents().order_by().in_bulk(ids)  # the engine's order is kept below
    return [DocumentHit(documents[pk], partial=partial) for pk in ids if pk in documents]


def _add_partial_matches(result: SearchPage, parsed: ParsedQuery, filters: SearchFilters, sort: str) -> None:
    """Fill a short first page with documents that contain some of the words, most of them first."""
    loose_text = _loose_query(parsed)
    if not loose_text:
        return
    loose = _document_matches(loose_text, filters, sort, facets=False)
    found = {hit.document.pk for hit in result.results}
    wanted = result.per_page - len(result.results)
    ids = [int(r.pk) for r in loose[: wanted + len(found)] if int(r.pk) not in found][:wanted]
    result.partial_count = max(0, loose.count() - len(found))
    result.results += _hits(ids, partial=True)
    result.stopped_early |= _stopped_early(loose)


def _loose_query(parsed: ParsedQuery) -> str:
    """Any of the query's words, the commonest English words left out: "" when that means no more than the query."""
    if not parsed.loosenable:
        return ""
    words = list(dict.fromkeys(word.lower() for typed in parsed.words for word in WORD.findall(typed)))
    meaningful = [word for word in words if word not in COMMON_WORDS] or words
    if len(meaningful) < 2:
        return ""
    excluded = [word for typed in parsed.excluded for word in WORD.findall(typed)]
    return "(%s)%s" % (" OR ".join(meaningful), "".join(f" NOT {word}" for word in excluded))


def _stopped_early(matches: SearchQuerySet) -> bool:
    """Whether the engine cut this (already run) search short; engines without a time limit never do."""
    return getattr(matches.query, "stopped_early", False)


def _attach_sections(hits: list[DocumentHit], parsed: ParsedQuery) -> bool:
    """Give each document its best matching sections; return whether the engine stopped early."""
    if not hits:
        return False
    by_document = {hit.document.pk: hit for hit in hits}
    query_text = parsed.text
    if any(hit.partial for hit in hits):
        query_text = _loose_query(parsed) or query_text
    section_matches = (
        SearchQuerySet()
        .models(Section)
        .raw_search(query_text)
        .narrow("document_id:(%s)" % " OR ".join(str(pk) for pk in by_document))
        .facet("document_id")  # how many sections match in each document, counted in the same pass
    )
    chosen: dict[int, list[int]] = {pk: [] for pk in by_document}
    for result in section_matches[:SECTION_HITS_PER_PAGE]:
        document_id = int(result.document_id)
        if document_id in chosen and len(chosen[document_id]) < SECTIONS_PER_DOCUMENT:
            chosen[document_id].append(int(result.pk))
    for value, count in section_matches.facet_counts().get("fields", {}).get("document_id", []):
        if int(value) in by_document:
            by_document[int(value)].more_sections = max(0, count - len(chosen[int(value)]))
    # order_by(): the model's ordering would only cost compiling and sorting here.
    sections = (
        Section.objects.select_related("parent__parent")
        .only(*SHOWN_SECTION_FIELDS)
        .order_by()
        .in_bulk([pk for pks in chosen.values() for pk in pks])
    )
    for document_id, pks in chosen.items():
        by_document[document_id].sections = [
            SectionHit(sections[pk], snippet(sections[pk].text, parsed.terms, phrases=parsed.phrases))
            for pk in pks
            if pk in sections
        ]
    return _stopped_early(section_matches)


