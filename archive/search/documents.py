"""Search grouped per document: which documents match, and where in each one.

The document index decides which documents match and in what order (a document matches even when
its words fall in different sections, or only in its title or authors); the section index then
finds the matching sections of the documents on the page, for snippets that link to their anchors.
"""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from haystack.query import SearchQuerySet

from archive.models import Document, Section
from archive.search.highlight import snippet
from archive.search.query import ParsedQuery, parse_query
from archive.selectors import public_documents

PER_PAGE = 10
SECTIONS_PER_DOCUMENT = 3
# Enough section hits to fill every document on a page; more only refine the "N more" count.
SECTION_HITS_PER_PAGE = 300


@dataclass(frozen=True)
class SectionHit:
    section: Section
    snippet: SafeString


@dataclass
class DocumentHit:
    document: Document
    sections: list[SectionHit] = field(default_factory=list)
    more_sections: int = 0


@dataclass
class SearchPage:
    query: str
    count: int
    page: int
    per_page: int
    results: list[DocumentHit]

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def search_documents(raw_query: str, *, page: int = 1, per_page: int = PER_PAGE) -> SearchPage:
    """Run a researcher's query; raises QueryError when it cannot be read."""
    parsed = parse_query(raw_query)
    matches = SearchQuerySet().models(Document).raw_search(parsed.text)
    count = matches.count()
    page = min(max(1, page), max(1, -(-count // per_page)))
    start = (page - 1) * per_page
    ids = [int(result.pk) for result in matches[start : start + per_page]]
    documents = public_documents().in_bulk(ids)
    hits = [DocumentHit(documents[pk]) for pk in ids if pk in documents]
    _attach_sections(hits, parsed)
    return SearchPage(query=parsed.text, count=count, page=page, per_page=per_page, results=hits)


def _attach_sections(hits: list[DocumentHit], parsed: ParsedQuery) -> None:
    if not hits:
        return
    by_document = {hit.document.pk: hit for hit in hits}
    section_matches = (
        SearchQuerySet()
        .models(Section)
        .raw_search(parsed.text)
        .filter(document_id__in=list(by_document))[:SECTION_HITS_PER_PAGE]
    )
    chosen: dict[int, list[int]] = {pk: [] for pk in by_document}
    for result in section_matches:
        document_id = int(result.document_id)
        if document_id not in chosen:
            continue
        if len(chosen[document_id]) < SECTIONS_PER_DOCUMENT:
            chosen[document_id].append(int(result.pk))
        else:
            by_document[document_id].more_sections += 1
    sections = Section.objects.select_related("parent").in_bulk([pk for pks in chosen.values() for pk in pks])
    for document_id, pks in chosen.items():
        by_document[document_id].sections = [
            SectionHit(sections[pk], snippet(sections[pk].text, parsed.terms)) for pk in pks if pk in sections
        ]
