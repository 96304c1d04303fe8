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
    def search(self, search: Search) -> Matches:
        answer = self.backend().search(
            "*:*" if search.query.strip() in ("*", "*:*") else f"({search.query})",
            models=[MODELS[search.index]],
            narrow_queries=set(search.filters),
            facets={name: {} for name in search.facets} or None,
            sort_by=[search.sort] if search.sort else None,
            start_offset=search.start,
            end_offset=search.stop,
            result_class=SearchResult,
        )
        return self._matches(search, answer)

    def _matches(self, search: Search, answer: dict, stopped_early: bool = False) -> Matches:
        hits = [
            Hit(int(result.pk), result.score or 0.0, _document_id(result) if search.index == SECTIONS else None)
            for result in answer.get("results", [])
        ]
        fields = (answer.get("facets") or {}).get("fields", {})
        facets = {name: [(str(value), count) for value, count in fields.get(name, [])] for name in search.facets}
        return Matches(hits=hits, total=answer.get("hits", 0), facets=facets, stopped_early=stopped_early)

    def read_query(self, query: str) -> QueryMarks:
        if self._parser is None:
            self._parser = standalone_parser()
        return read_marks(self._parser, query)

    def similar_documents(self, document, text: str, limit: int) -> list[int]:
        similar = SearchQuerySet(using=self.alias).models(Document).more_like_this(document)
        return [int(result.pk) for result in similar[:limit]]

    # ------------------------------------------------------------------ writing
    def apply(self, *, documents: Iterable, sections: Iterable, removals: Iterable[str]) -> None:
        backend = self.backend()
        for index, objects in ((DOCUMENTS, list(documents)), (SECTIONS, list(sections))):
            if objects:
                backend.update(self.search_index(index), objects)
        for identifier in removals:
            backend.remove(identifier)

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

    def clear(self) -> None:
        self.backend().clear()

    def stored_entries(self) -> dict[str, StoredEntry]:
        """Every entry's identifier, read page by page; an engine that will not page that deep says so."""
        entries: dict[str, StoredEntry] = {}
        for index, model in MODELS.items():
            start, total, read = 0, None, 0
            while total is None or start < total:
                matches = self.backend().search(
                    "*:*", models=[model], start_offset=start, end_offset=start + BATCH_SIZE, result_class=SearchResult
                )
                total = matches.get("hits", 0)
                results = matches.get("results", [])
                if not results:
                    break
                for result in results:
                    identifier = f"{result.app_label}.{result.model_name}.{result.pk}"
                    held = entries.setdefault(identifier, StoredEntry(copies=0))
                    held.copies += 1
                read += len(results)
                start += BATCH_SIZE
            if total and read < total:
                raise Unsupported(f"listing every entry of the {index} index ({read:,} of {total:,} could be read)")
        return entries


def _document_id(result: SearchResult) -> int | None:
    value = result.get_additional_fields().get("document_id")
    return int(value) if value is not None else None
