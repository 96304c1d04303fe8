"""The engine contract served by the archive's Whoosh backend: every feature, nothing declared unsupported.

Beyond what any haystack backend gives (``HaystackEngine``), Whoosh on disk here also writes a whole
transaction's changes in one commit per index, rebuilds an index through one writer, stops a search
at its time limit, offers spelling corrections and word statistics, gives back every entry's stored
values for the stale-entry check, and finds related documents from the key terms of a sample of the
document (its text is not stored, which haystack's ``more_like_this`` on Whoosh would read).
"""

from collections.abc import Iterable

from haystack.constants import DJANGO_CT, DJANGO_ID, ID

from archive.models import Document
from archive.search.engine import (
    DOCUMENTS,
    SECTIONS,
    SPELLING,
    Hit,
    Matches,
    QueryMarks,
    Search,
    StoredEntry,
    WordStatistics,
    guarded,
)
from archive.search.haystack_engine import MODELS, HaystackEngine
from archive.search.whoosh.parser import read_marks

_IDENTIFYING = {ID, DJANGO_CT, DJANGO_ID}


class WhooshEngine(HaystackEngine):
    """The archive's Whoosh backend (``archive.search.whoosh.backend``) behind the contract."""

    unsupported = frozenset()

    @guarded
    def search(self, search: Search) -> Matches:
        answer = self.backend().search(
            "*" if search.query.strip() in ("*", "*:*") else f"({search.query})",
            models=[MODELS[search.index]],
            narrow_queries=set(search.filters),
            facets=list(search.facets) or None,
            sort_by=[search.sort] if search.sort else None,
            start_offset=search.start,
            end_offset=search.stop,
            time_limited=search.time_limited,
        )
        sections = search.index == SECTIONS
        fields = (answer.get("facets") or {}).get("fields", {})
        return Matches(
            hits=[
                Hit(int(result.pk), result.score or 0.0, int(result.document_id) if sections else None)
                for result in answer["results"]
            ],
            total=answer["hits"],
            facets={name: [(str(value), count) for value, count in fields.get(name, [])] for name in search.facets},
            stopped_early=answer["stopped_early"],
        )

    @guarded
    def read_query(self, query: str) -> QueryMarks:
        backend = self.backend()
        return read_marks(backend.query_parser(), query, on_written_words=backend.on_written_words)

    @guarded
    def similar_documents(self, document, text: str, limit: int) -> list[int]:
        """The documents that best match the key terms of ``text`` (its title, headings and opening words)."""
        answer = self.backend().similar_to_text(DOCUMENTS, text, 0, limit)
        return [int(stored[DJANGO_ID]) for stored, _ in answer.page]

    @guarded
    def spelling_corrections(self, words: Iterable[str]) -> dict[str, str]:
        return self.backend().spelling_corrections(Document, SPELLING, words)

    @guarded
    def word_statistics(self, words: Iterable[str]) -> WordStatistics:
        return WordStatistics(*self.backend().word_statistics(Document, words))

    # ------------------------------------------------------------------ writing
    @guarded
    def apply(self, *, documents: Iterable, sections: Iterable, removals: Iterable[str]) -> None:
        updates = [(self.search_index(DOCUMENTS), list(documents)), (self.search_index(SECTIONS), list(sections))]
        self.backend().apply(updates=updates, removals=list(removals))

    @guarded
    def rebuild(self, index: str, objects: Iterable) -> int:
        return self.backend().rebuild(self.search_index(index), objects)

    @guarded
    def reset(self) -> None:
        self.backend().reset()

    @guarded
    def stored_entries(self) -> dict[str, StoredEntry]:
        """Every live entry with its stored values (deleted entries skipped; an identifier held twice counted)."""
        entries: dict[str, StoredEntry] = {}
        for stored in self.backend().stored_fields():
            identifier = stored.get(ID)
            if identifier is None:
                continue
            held = entries.get(identifier)
            if held is None:
                entries[identifier] = StoredEntry(values=_comparable(stored))
            else:
                held.copies += 1
        return entries

    @guarded
    def expected_values(self, index: str, obj) -> tuple:
        """The stored values indexing ``obj`` now would write, in the form ``stored_entries`` gives them back.

        Prepared whole, text included: the stored fingerprint is a hash of everything an entry indexes.
        """
        backend = self.backend()
        compared = set(backend.stored_field_names()) - _IDENTIFYING
        prepared = self.search_index(index).full_prepare(obj)
        return _comparable({name: backend.stored_form(value) for name, value in prepared.items() if name in compared})


def _comparable(values: dict) -> tuple:
    return tuple(sorted((name, repr(value)) for name, value in values.items() if name not in _IDENTIFYING))
