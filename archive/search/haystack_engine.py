"""The engine contract served by any haystack backend: Elasticsearch 7 or Solr for an archive that outgrows
one machine (several nodes, shards, replicas), through haystack's own backends and their public API.

What such an engine does not serve is declared in ``unsupported``, and the features do without it:
- spelling corrections ("did you mean" is not offered);
- word statistics (a question's words are weighed alike; the engine's own idf still weighs them);
- the stale-entry check (``check_index`` finds missing and orphaned entries only);
- the time limit (a search runs to its end).

Queries are the same Lucene syntax as on Whoosh, checked (and their words to mark found) by the
archive's Whoosh parser over the same field names; related documents are haystack's ``more_like_this``.
"""

from collections.abc import Iterable

from haystack import connections
from haystack.fields import FacetField
from haystack.models import SearchResult
from haystack.query import SearchQuerySet

from archive.models import Document, Section
from archive.search.engine import (
    DOCUMENTS,
    SECTIONS,
    SPELLING_CORRECTIONS,
    STALE_CHECK,
    TIME_LIMIT,
    WORD_STATISTICS,
    Hit,
    Matches,
    QueryMarks,
    Search,
    SearchEngine,
    StoredEntry,
    Unsupported,
    guarded,
)
from archive.search.whoosh.parser import read_marks, standalone_parser

MODELS = {DOCUMENTS: Document, SECTIONS: Section}
# Entries written per update while rebuilding, and read per page while listing them.
BATCH_SIZE = 500


class HaystackEngine(SearchEngine):
    """Any haystack backend, through the connection ``alias`` of ``HAYSTACK_CONNECTIONS``."""

    unsupported = frozenset({SPELLING_CORRECTIONS, WORD_STATISTICS, STALE_CHECK, TIME_LIMIT})

    def __init__(self, alias: str = "default"):
        self.alias = alias
        self._parser = None

    def backend(self):
        """haystack's backend for this connection (one per thread, as haystack keeps them)."""
        return connections[self.alias].get_backend()

    def search_index(self, index: str):
        return connections[self.alias].get_unified_index().get_index(MODELS[index])

    # ------------------------------------------------------------------ reading
    @guarded
    def search(self, search: Search) -> Matches:
        """Through haystack's SearchQuerySet, which words each backend's facets and paging its own way."""
        matches = SearchQuerySet(using=self.alias).models(MODELS[search.index])
        query = search.query.strip()
        matches = matches.all() if query in ("*", "*:*") else matches.raw_search(query)
        for narrow in search.filters:
            matches = matches.narrow(narrow)
        faceted = {self._facet_name(field): field for field in search.facets}
        for name in faceted:
            matches = matches.facet(name)
        if search.sort:
            matches = matches.order_by(search.sort)
        results = list(matches[search.start : search.stop]) if search.stop > search.start else []
        counts = matches.facet_counts().get("fields", {}) if faceted else {}
        return Matches(
            hits=[
                Hit(int(result.pk), result.score or 0.0, _document_id(result) if search.index == SECTIONS else None)
                for result in results
            ],
            total=matches.count(),
            facets={field: [(str(value), count) for value, count in counts.get(name, [])] for name, field in faceted.items()},
        )

    def _facet_name(self, field: str) -> str:
        """The name haystack facets an index field by: a faceted field's twin by the field it copies
        ("kind_exact" -> "kind"), any other field by its own name."""
        declared = connections[self.alias].get_unified_index().all_searchfields()[field]
        return declared.get_facet_for_name() if isinstance(declared, FacetField) else field

    @guarded
    def read_query(self, query: str) -> QueryMarks:
        if self._parser is None:
            self._parser = standalone_parser()
        return read_marks(self._parser, query)

    @guarded
    def similar_documents(self, document, text: str, limit: int) -> list[int]:
        similar = SearchQuerySet(using=self.alias).models(Document).more_like_this(document)
        return [int(result.pk) for result in similar[:limit]]

    # ------------------------------------------------------------------ writing
    @guarded
    def apply(self, *, documents: Iterable, sections: Iterable, removals: Iterable[str]) -> None:
        backend = self.backend()
        for index, objects in ((DOCUMENTS, list(documents)), (SECTIONS, list(sections))):
            if objects:
                backend.update(self.search_index(index), objects)
        for identifier in removals:
            backend.remove(identifier)

    @guarded
    def rebuild(self, index: str, objects: Iterable) -> int:
        backend, search_index = self.backend(), self.search_index(index)
        backend.clear(models=[MODELS[index]])
        batch, count = [], 0
        for obj in objects:
            batch.append(obj)
            if len(batch) == BATCH_SIZE:
                backend.update(search_index, batch)
                count, batch = count + len(batch), []
        if batch:
            backend.update(search_index, batch)
        return count + len(batch)

    @guarded
    def clear(self) -> None:
        self.backend().clear()

    @guarded
    def stored_entries(self) -> dict[str, StoredEntry]:
        """Every entry's identifier, read page by page; an engine that will not page that deep says so."""
        entries: dict[str, StoredEntry] = {}
        for index, model in MODELS.items():
            everything = SearchQuerySet(using=self.alias).models(model).all()
            total, read = everything.count(), 0
            while read < total:
                page = list(everything[read : read + BATCH_SIZE])
                if not page:
                    break
                for result in page:
                    held = entries.setdefault(f"{result.app_label}.{result.model_name}.{result.pk}", StoredEntry(copies=0))
                    held.copies += 1
                read += len(page)
            if read < total:
                raise Unsupported(f"listing every entry of the {index} index ({read:,} of {total:,} could be read)")
        return entries


def _document_id(result: SearchResult) -> int | None:
    value = result.get_additional_fields().get("document_id")
    return int(value) if value is not None else None
