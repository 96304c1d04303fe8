"""The engine contract: everything the archive's search features ask of a full-text engine.

Features (results, search within, related documents, spelling, ranking, feedback, index sync and
checks) call only ``search_engine()`` and the methods below, never an engine's own API. The engine is
named in settings (``SEARCH_ENGINE``, set from ``SEARCH_URL``): the archive's Whoosh engine on disk by
default (``archive.search.whoosh``), or any haystack backend such as Elasticsearch 7 or Solr
(``archive.search.haystack_engine``). An engine that cannot serve a feature says so in ``unsupported``,
and the feature does without it rather than guessing.

Every engine holds two indexes: ``DOCUMENTS`` decides which documents match, their order and the
facet counts; ``SECTIONS`` says where in a document its words are. Queries are in the Lucene syntax
``archive.search.query`` writes, over the field names below.
"""

import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache, wraps

from django.conf import settings
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)

# The two indexes, named as haystack names their models' content types ("archive.document").
DOCUMENTS, SECTIONS = "document", "section"

# Field names every engine indexes (archive/search_indexes.py declares them), in one place.
ENTRY_ID = "django_id"  # an entry's primary key (haystack's name for it)
TEXT = "text"  # the full text, analysed; the default field of every query
TITLE = "title"
AUTHORS = "authors"
PUBLISHER = "publisher"
KIND = "kind"
YEAR = "year"
DATE = "date"
LANGUAGE = "language"
YEAR_EXACT = "year_exact"  # the year as a facet value ("2017")
DECADE = "decade"  # "2010s"
DOCUMENT_ID = "document_id"  # a section's document
SPELLING = "spelling"  # the documents' words as written, unstemmed: corrections and wildcard words
TEXT_FIELDS = (TEXT, TITLE)  # the fields whose words are marked in snippets


def exact(field_name: str) -> str:
    """The unanalysed twin haystack indexes beside a faceted field ("kind" -> "kind_exact"): counted and filtered on."""
    return f"{field_name}_exact"


# Features an engine may declare it does not serve (``SearchEngine.unsupported``).
SPELLING_CORRECTIONS = "spelling corrections"
WORD_STATISTICS = "word statistics"  # without them, a question's words are weighed alike
STALE_CHECK = "stale entry check"  # without it, check_index finds missing and orphaned entries only
TIME_LIMIT = "time limit"  # without it, a search runs to its end and never reports stopping early


class Unsupported(NotImplementedError):
    """An engine was asked for a feature it declares it does not serve."""


class EngineUnavailable(RuntimeError):
    """The engine cannot answer: its index is missing, damaged or unreachable. Pages that need it answer 503;
    pages that only use it on the side (related documents) leave that part out; ``check_index`` rebuilds it."""


# What researchers are told meanwhile (pages and the API answer 503 with it).
SEARCH_UNAVAILABLE = (
    "Search is unavailable just now: the search index cannot be read. Documents can still be browsed and read; "
    "please try searching again later."
)


def guarded(method):
    """An engine method whose own failures (anything but a query's QueryError or Unsupported) are logged and
    raised as EngineUnavailable: a damaged index must never read as a researcher's mistake, nor end in a 500."""
    from archive.search.query.lucene import QueryError

    @wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (QueryError, Unsupported, EngineUnavailable):
            raise
        except Exception as error:
            log.exception("The search engine failed in %s", method.__name__)
            raise EngineUnavailable(f"The search index cannot be read ({type(error).__name__}: {error})") from error

    return call


@dataclass(frozen=True)
class Search:
    """One search of one index."""

    index: str  # DOCUMENTS or SECTIONS
    query: str  # Lucene syntax over the field names above; "*" for every entry
    filters: tuple[str, ...] = ()  # queries every hit must also match (facet filters, a document's id)
    facets: tuple[str, ...] = ()  # fields whose values are counted over every hit
    sort: str = ""  # a field to sort by, "-" first for descending; "" for relevance
    start: int = 0
    stop: int = 10
    # Held to the engine's time limit (TIME_LIMIT): a query typed with operators, fields, patterns or proximity,
    # whose cost the commonest words can blow up. A query of plain words is never cut short, so its ranking
    # does not depend on how busy the machine is.
    time_limited: bool = True


@dataclass(frozen=True)
class Hit:
    pk: int
    score: float
    document_id: int | None = None  # a section's document; None for a document


@dataclass(frozen=True)
class Matches:
    hits: list[Hit]  # the hits from ``start`` to ``stop``, best first (or in ``sort`` order)
    total: int  # every hit, counted exactly
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # field -> (value, count), commonest first
    stopped_early: bool = False  # the engine stopped at its time limit: hits and counts are those found by then


@dataclass(frozen=True)
class QueryMarks:
    """What a query, read as the engine reads it, asks for: the words and phrases to mark in results."""

    terms: frozenset[str]  # analysed words a result must or may contain (none from NOT clauses)
    phrases: frozenset[tuple[str, ...]]  # exact phrases, as analysed words
    only_words: bool  # only words and exact phrases of the text (some excluded): nothing a looser reading would betray


@dataclass(frozen=True)
class WordStatistics:
    """The document index's size and, per word, (documents containing it, its occurrences in the text)."""

    documents: int
    words: int
    counts: dict[str, tuple[int, int]]


@dataclass
class StoredEntry:
    """One identifier the index holds ("archive.section.17")."""

    copies: int = 1  # more than one: the index holds the entry twice
    values: tuple | None = None  # what the engine gives back, comparable with ``expected_values``; None if it cannot


class SearchEngine(ABC):
    """A full-text engine holding the archive's two indexes."""

    unsupported: frozenset[str] = frozenset()

    def serves(self, feature: str) -> bool:
        return feature not in self.unsupported

    # ------------------------------------------------------------------ reading
    @abstractmethod
    def search(self, search: Search) -> Matches:
        """Run one search; a query the engine cannot read raises ``archive.search.query.QueryError``."""

    @abstractmethod
    def read_query(self, query: str) -> QueryMarks:
        """Check that ``query`` is readable and searches for something (else ``QueryError``); say what to mark.

        Wildcard and fuzzy words are marked as the words of the archive they stand for.
        """

    @abstractmethod
    def similar_documents(self, document, text: str, limit: int) -> list[int]:
        """Ids of up to ``limit`` documents most like ``document``, whose characteristic ``text`` is given."""

    def spelling_corrections(self, words: Iterable[str]) -> dict[str, str]:
        """The closest known word for each word the archive does not know."""
        raise Unsupported(SPELLING_CORRECTIONS)

    def word_statistics(self, words: Iterable[str]) -> WordStatistics:
        """How common each word is in the document index (words as typed; the engine analyses them)."""
        raise Unsupported(WORD_STATISTICS)

    # ------------------------------------------------------------------ writing
    @abstractmethod
    def apply(self, *, documents: Iterable, sections: Iterable, removals: Iterable[str]) -> None:
        """Index these documents and sections (replacing what the index held for them) and remove the
        entries named by identifier, as one update where the engine allows."""

    @abstractmethod
    def rebuild(self, index: str, objects: Iterable) -> int:
        """Replace a whole index with ``objects``; return how many were written."""

    @abstractmethod
    def clear(self) -> None:
        """Empty both indexes."""

    def reset(self) -> None:
        """Start both indexes again from nothing, whatever state they are in (damaged included)."""
        self.clear()

    @abstractmethod
    def stored_entries(self) -> dict[str, StoredEntry]:
        """Every live entry of both indexes, by identifier."""

    def expected_values(self, index: str, obj) -> tuple | None:
        """What ``stored_entries`` would give back for ``obj`` indexed now; None when the engine gives nothing back."""
        raise Unsupported(STALE_CHECK)


@lru_cache(maxsize=None)
def _engine(path: str, alias: str) -> SearchEngine:
    return import_string(path)(alias)


def search_engine() -> SearchEngine:
    """The engine the settings name (``SEARCH_ENGINE``), over haystack's connection ``SEARCH_CONNECTION``."""
    return _engine(settings.SEARCH_ENGINE, settings.SEARCH_CONNECTION)
