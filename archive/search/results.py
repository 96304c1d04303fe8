"""Search results grouped per document: which documents match, and where in each one.

The document index decides which documents match, their order and the facet counts (a document
matches even when its words fall in different sections, or only in its title or authors); the
section index then finds the matching sections of the documents on the page only, for snippets that
link to their anchors. Both are searches of the engine contract (``archive/search/engine.py``).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from archive.models import Document, Section
from archive.search.engine import DOCUMENT_ID, DOCUMENTS, ENTRY_ID, SECTIONS, WORD_STATISTICS, Matches, Search, search_engine
from archive.search.facets import FACET_FIELDS, Facet, SearchFilters, facets_from_counts
from archive.search.feedback import expanded_weights
from archive.search.query import ParsedQuery, parse_query
from archive.search.ranking import (
    content_words,
    is_ranked,
    ranked_query,
    ranking_settings,
    section_query,
    word_weights,
)
from archive.search.snippets import snippet
from archive.search.spelling import suggest
from archive.selectors import public_documents

PER_PAGE = 10
MAX_PER_PAGE = 100
SECTIONS_PER_DOCUMENT = 3
# The best section hits of a page's documents read back from the engine: enough for three per
# document nearly always (counts come from a facet, not from reading every hit).
SECTION_HITS_PER_PAGE = 60
SORTS = {"relevance": None, "newest": "-date", "oldest": "date"}
# What a hit shows of its section: the text for the snippet, the anchor, and the heading path (two
# levels of parents read in the same query; deeper ones, rare, are read when the path is built).
SHOWN_SECTION_FIELDS = (
    "document_id", "label", "label_scheme", "heading", "text", "anchor",
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
        section = self.section
        own = f"{section.printed_label}{' ' if section.label_gap and section.heading else ''}{section.heading}"
        return " › ".join(chain + [own or "Full text"])


@dataclass
class DocumentHit:
    document: Document
    sections: list[SectionHit] = field(default_factory=list)
    more_sections: int = 0
    partial: bool = False  # has some of the query's words, not all


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
    partial_count: int = 0  # results with some of the words only (``count`` have them all)
    suggestion: str = ""
    # The engine stopped a search at its time limit: results and counts are those found by then.
    stopped_early: bool = False

    @property
    def total(self) -> int:
        """Every result of the ranked list, with all of the words or some."""
        return self.count + self.partial_count

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

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
    """Run a researcher's query; raises QueryError when it cannot be read.

    Plain words are ranked as one weighted list (``archive/search/ranking.py``); the page still says
    how many results contain every word, and marks those that contain only some of them.
    """
    parsed = parse_query(raw_query)
    filters = filters or SearchFilters()
    sort = sort if sort in SORTS else "relevance"
    per_page = min(max(1, per_page), MAX_PER_PAGE)
    read = reading(parsed)
    # One engine call: the page, the exact count and the facet counts come back together.
    first = max(0, page - 1) * per_page
    matches = _document_matches(read.documents, filters, sort, first, first + per_page, limited=read.limited)
    total = matches.total
    if not matches.hits and total and page > 1:  # past the end: show the last page instead
        page = -(-total // per_page)
        first = (page - 1) * per_page
        matches = _document_matches(read.documents, filters, sort, first, first + per_page, limited=read.limited)
    page = max(1, min(page, -(-total // per_page) or 1))
    ids = [hit.pk for hit in matches.hits]
    with_every_word, stopped = _with_every_word(read, filters, ids, total)
    result = SearchPage(
        query=parsed.text,
        count=with_every_word.count,
        page=page,
        per_page=per_page,
        results=[DocumentHit(document, partial=document.pk not in with_every_word.on_page) for document in _documents(ids)],
        sort=sort,
        filters=filters,
        facets=facets_from_counts(matches.facets, filters),
        partial_count=total - with_every_word.count,
        stopped_early=matches.stopped_early or stopped,
    )
    if result.count == 0:
        result.suggestion = suggest(
            parsed, has_results=lambda text: _document_matches(text, filters, sort, facets=False).total > 0
        )
    result.stopped_early |= _attach_sections(result.results, parsed, read.sections, read.limited)
    return result


EXPORT_BATCH = 100


def matching_documents(
    raw_query: str, *, limit: int, filters: SearchFilters | None = None, sort: str = "relevance"
) -> Iterator[Document]:
    """Every public document a search finds, in its order, up to ``limit``: read from the engine a batch at a
    time, so an export streams (raises QueryError before the first, when the query cannot be read)."""
    read = reading(parse_query(raw_query))
    filters = filters or SearchFilters()
    sort = sort if sort in SORTS else "relevance"

    def documents() -> Iterator[Document]:
        for start in range(0, limit, EXPORT_BATCH):
            stop = min(start + EXPORT_BATCH, limit)
            matches = _document_matches(read.documents, filters, sort, start, stop, facets=False, limited=read.limited)
            yield from _documents([hit.pk for hit in matches.hits])
            if stop >= matches.total or not matches.hits:
                return

    return documents()


@dataclass(frozen=True)
class Reading:
    """The query read three ways (the same text three times when it is not plain words)."""

    documents: str  # ranks every result
    sections: str  # picks the best sections of the page's documents
    every_word: str  # the results with every word and phrase: counted, and marked on the page
    limited: bool = True  # held to the engine's time limit: not for plain words (``Search.time_limited``)


def reading(parsed: ParsedQuery) -> Reading:
    """A query of plain words weighed as ``archive/search/ranking.py`` says; any other query as typed."""
    if not is_ranked(parsed):
        return Reading(parsed.text, parsed.text, parsed.text, limited=not parsed.loosenable)
    ranking = ranking_settings()
    words = content_words(parsed)
    engine = search_engine()
    statistics = engine.word_statistics(set(words)) if engine.serves(WORD_STATISTICS) else None
    weights = own = word_weights(words, statistics, ranking)
    shape = {"phrases": parsed.quoted, "excluded": parsed.excluded}
    if ranking.feedback and ranking.feedback_min_words <= len(weights) <= ranking.feedback_max_words:
        first = ranked_query(words, weights, ranking, **shape)
        state = (statistics.documents, statistics.words) if statistics else ()
        weights = expanded_weights(first, weights, ranking, archive_state=state)
    # Sections are picked by the question's own words: they show where its words are.
    return Reading(ranked_query(words, weights, ranking, **shape), section_query(own, **shape), parsed.text, limited=False)


@dataclass(frozen=True)
class _EveryWord:
    count: int  # results with every word of the query
    on_page: frozenset[int]  # the page's documents among them


def _with_every_word(read: Reading, filters: SearchFilters, ids: list[int], total: int) -> tuple[_EveryWord, bool]:
    """Which results contain every word: counted by the strict reading, and asked of the page's documents only
    when some on the page may lack a word. Also returns whether the engine stopped either search early."""
    if read.documents == read.every_word:
        return _EveryWord(total, frozenset(ids)), False
    strict = _document_matches(read.every_word, filters, "relevance", facets=False, limited=read.limited)
    count = strict.total
    if count == 0 or not ids:
        return _EveryWord(count, frozenset()), strict.stopped_early
    if count == total:
        return _EveryWord(count, frozenset(ids)), strict.stopped_early
    on_page = _document_matches(
        read.every_word, filters, "relevance", 0, len(ids), facets=False, among=ids, limited=read.limited
    )
    return _EveryWord(count, frozenset(hit.pk for hit in on_page.hits)), strict.stopped_early or on_page.stopped_early


def _document_matches(
    query_text: str,
    filters: SearchFilters,
    sort: str,
    start: int = 0,
    stop: int = 0,
    *,
    facets: bool = True,
    among: list[int] | None = None,
    limited: bool = True,
) -> Matches:
    """The documents matching ``query_text`` and ``filters`` (only those ``among`` these ids, if given)."""
    narrows = list(filters.narrow_queries())
    if among is not None:
        narrows.append("%s:(%s)" % (ENTRY_ID, " OR ".join(map(str, among))))
    search = Search(
        DOCUMENTS,
        query_text,
        filters=tuple(narrows),
        facets=tuple(FACET_FIELDS.values()) if facets else (),
        sort=SORTS[sort] or "",
        start=start,
        stop=stop,
        time_limited=limited,
    )
    return search_engine().search(search)


def _documents(ids: list[int]) -> list[Document]:
    """The public documents with these ids, in this order."""
    documents = public_documents().order_by().in_bulk(ids)  # the engine's order is kept below
    return [documents[pk] for pk in ids if pk in documents]


def _attach_sections(hits: list[DocumentHit], parsed: ParsedQuery, query_text: str, limited: bool) -> bool:
    """Give each document its best matching sections; return whether the engine stopped early."""
    if not hits:
        return False
    by_document = {hit.document.pk: hit for hit in hits}
    section_matches = search_engine().search(
        Search(
            SECTIONS,
            query_text,
            filters=("%s:(%s)" % (DOCUMENT_ID, " OR ".join(str(pk) for pk in by_document)),),
            facets=(DOCUMENT_ID,),  # how many sections match in each document, counted in the same pass
            stop=SECTION_HITS_PER_PAGE,
            time_limited=limited,
        )
    )
    chosen: dict[int, list[int]] = {pk: [] for pk in by_document}
    for hit in section_matches.hits:
        if hit.document_id in chosen and len(chosen[hit.document_id]) < SECTIONS_PER_DOCUMENT:
            chosen[hit.document_id].append(hit.pk)
    for value, count in section_matches.facets.get(DOCUMENT_ID, []):
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
    return section_matches.stopped_early


