"""haystack's Whoosh backend, reshaped for the archive's sizes: few documents, many sections.

What changes from haystack's own backend, and why:
- one physical Whoosh index per model ("document", "section") in the same directory: a document
  search reads only the documents' postings, not the hundred times longer sections' ones;
- every text field uses ``archive_analyzer`` (keeps "US", "May", "U.S.", "10+1"); facet fields are
  unanalysed columns (facets come back as printed, sorting and counting read a column);
- a search is one Whoosh query: model and narrowing filters are ANDed into it instead of haystack's
  extra unlimited queries, and searchers are pooled across requests (opening one copies segments);
  it stops at a time limit with what it found, and says so (``stopped_early``);
- wildcard and fuzzy words are fitted to the words as written, not to their stems;
- writes take the index lock with a timeout and retry instead of failing or silently queueing;
  ``apply`` writes a whole transaction's changes in one commit per index, merging the smallest
  segments so that their number stays bounded; ``rebuild`` writes a whole index through one writer.

haystack's own ``SearchQuerySet`` API keeps working on it: ``all()`` and a query naming no model search
both indexes and merge the hits by score; ``more_like_this()`` reads the key terms of the instance's
prepared text (the text is not stored); ``spelling_suggestion()`` corrects words against the documents'
words as written (where the connection sets ``INCLUDE_SPELLING``, as haystack asks). What it cannot
serve raises ``SearchBackendError`` saying so: ``highlight()`` (no stored text to highlight; the archive
marks words itself), sorting across both models, and ``commit=False`` (every write commits at once).
"""

import logging
import math
import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils.encoding import force_str
from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack import connections as haystack_connections
from haystack.exceptions import SearchBackendError, SkipDocument
from haystack.fields import FacetField
from haystack.models import SearchResult
from haystack.utils import get_identifier
from whoosh import query as wq
from whoosh import collectors, scoring, sorting
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import KEYWORD, NUMERIC, STORED, TEXT
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.index import EmptyIndexError, LockError

from whoosh.reading import SegmentReader

from archive.search.analysis import archive_analyzer, spelling_analyzer
from archive.search.engine import SPELLING
from archive.search.whoosh.parser import build_parser, is_word_pattern, replace_leaves, with_exact_phrases, written_stems
from archive.search.whoosh.searchers import Deadline, SearcherPool, note_engine_call

log = logging.getLogger(__name__)

LOCK_TIMEOUT_SECONDS = 30.0
# Memory a bulk writer may use before it spills sorted runs to disk (bounded rebuilds).
REBUILD_LIMIT_MB = 128
# Processes that analyse and write a rebuild's entries (each its own segment) while this one reads the rows.
REBUILD_PROCESSES = max(1, min(4, os.cpu_count() or 1))


class ArchiveBM25F(scoring.BM25F):
    """BM25F with BM25's own inverse document frequency, log(1 + (N - n + 0.5) / (n + 0.5)).

    Whoosh's default, log(N / (n + 1)) + 1, is flatter: a word in half the documents keeps a third of
    the weight of a word in one, so in a question of many words the common ones outvote the rare ones
    that name its subject.
    """

    def idf(self, searcher, fieldname, text):
        documents = searcher.doc_count()
        containing = searcher.doc_frequency(fieldname, text)
        return math.log(1 + (documents - containing + 0.5) / (containing + 0.5))


# K1 1.2 and B 0.75, BM25's usual values: with BM25's idf, K1 2.0 was no better on the tuning halves
# of Cranfield and CACM (`make bench-relevance`).
WEIGHTING = ArchiveBM25F(B=0.75, K1=1.2)
# One engine search stops here with what it found (a results page makes two, rarely four).
SEARCH_TIME_LIMIT_SECONDS = 0.3
OPERATOR_WORDS = {"AND", "OR", "NOT", "TO"}
# The indexes the archive keeps, one per model; their files are named after them.
MODEL_INDEXES = ("document", "section")
# Key terms of a text that find the entries most like it (related documents, more_like_this).
KEY_TERMS = 25
# Parsed query strings kept per process (each a small tree of Whoosh query objects).
PARSED_QUERIES_KEPT = 1000


_POOL = SearcherPool(WEIGHTING)


def _index_name(content_type: str) -> str:
    """"archive.section" -> "section": each model has its own Whoosh index."""
    return content_type.rsplit(".", 1)[-1]


# Segments an index keeps before an update merges its smallest ones.
SEGMENTS_KEPT = 6


def merge_smallest(writer, segments):
    """Whoosh merge policy: once an index has more than SEGMENTS_KEPT segments, merge the smallest together.

    Every update commits a new segment, and a search reads every segment. Whoosh's default policy
    (MERGE_SMALL) lets segments of a few thousand entries pile up to twenty and more before it merges
    them (its bound follows the Fibonacci numbers), so an archive updated batch by batch or document by
    document slowed down as it grew. Merging the smallest ones keeps the count bounded, and an entry
    is rewritten about log(n) times over the index's life.
    """
    if len(segments) <= SEGMENTS_KEPT:
        return segments
    ordered = sorted(segments, key=lambda segment: segment.doc_count_all())
    merged = len(segments) - SEGMENTS_KEPT + 1
    for segment in ordered[:merged]:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return ordered[merged:]


class ArchiveWhooshBackend(WhooshSearchBackend):
    # ------------------------------------------------------------------ schema and set-up
    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field_class in fields.values():
            name = field_class.index_fieldname
            if not field_class.indexed and not field_class.is_multivalued:
                schema.remove(name)
                schema.add(name, STORED())
            elif name == SPELLING:
                # Unstemmed words, for "did you mean"; no positions, no scoring.
                schema.remove(name)
                schema.add(name, TEXT(analyzer=spelling_analyzer(), phrase=False, stored=False))
            elif isinstance(field_class, FacetField):
                schema.remove(name)
                if field_class.is_multivalued:
                    schema.add(name, KEYWORD(commas=True, lowercase=False, scorable=False))
                else:
                    schema.add(name, WHOOSH_ID(sortable=True))
            elif field_class.field_type == "integer":
                # A column too: facets count and sorts read it rather than walking the postings.
                schema.remove(name)
                schema.add(name, NUMERIC(numtype=int, stored=field_class.stored, sortable=True))
            elif isinstance(schema[name], TEXT) or (field_class.is_multivalued and field_class.indexed):
                # Multi-valued fields (authors) are searched word by word, like any text.
                schema.remove(name)
                schema.add(
                    name,
                    # A word the analyzer splits (a CJK run into its pairs) is searched as the phrase of its parts.
                    TEXT(stored=field_class.stored, analyzer=archive_analyzer(), field_boost=field_class.boost,
                         multitoken_query="phrase"),
                )
        return content_field_name, schema

    def setup(self):
        from haystack import connections

        if self.use_file_storage:
            os.makedirs(self.path, exist_ok=True)
            self.storage = FileStorage(self.path)
        else:
            self.storage = RamStorage()
        fields = connections[self.connection_alias].get_unified_index().all_searchfields()
        self.content_field_name, self.schema = self.build_schema(fields)
        self.parser = build_parser(self.schema, self.content_field_name)
        self._parsed: dict[str, wq.Query] = {}
        self._written_words: dict[tuple, list[str]] = {}  # a pattern's stems, per index generation
        self.indexes = {}
        for model in connections[self.connection_alias].get_unified_index().get_indexed_models():
            name = _index_name(model._meta.label_lower)
            try:
                # Opened with the current schema, never the pickled one: an index written by an
                # earlier version still opens (rebuild_index then brings it up to date).
                self.indexes[name] = self.storage.open_index(name, schema=self.schema)
            except EmptyIndexError:
                self.indexes[name] = self.storage.create_index(self.schema, indexname=name)
        self.setup_complete = True

    def _ensure_setup(self) -> None:
        if not self.setup_complete:
            self.setup()

    def _pool_key(self, name: str) -> str:
        return f"{self.path or id(self.storage)}:{name}"

    # ------------------------------------------------------------------ writing
    def update(self, index, iterable, commit=True):
        _commits_at_once(commit)
        self.apply(updates=[(index, list(iterable))], removals=[])

    def remove(self, obj_or_string, commit=True):
        _commits_at_once(commit)
        self.apply(updates=[], removals=[get_identifier(obj_or_string)])

    def apply(self, *, updates, removals) -> None:
        """Write updates and removals in one commit per index, waiting for the lock rather than losing them."""
        self._ensure_setup()
        work: dict[str, tuple[list, list]] = {}
        for identifier in removals:
            work.setdefault(_index_name(identifier.rsplit(".", 1)[0]), ([], []))[0].append(identifier)
        for index, objs in updates:
            if objs:
                work.setdefault(_index_name(index.get_model()._meta.label_lower), ([], []))[1].append((index, objs))
        for name in sorted(work):  # always the same order: two writers never wait on each other crosswise
            identifiers, batches = work[name]
            writer = self._writer(name)
            try:
                # One searcher finds every entry to replace; update_document would open one per entry.
                with writer.searcher() as searcher:
                    for identifier in identifiers:
                        writer.delete_by_term(ID, identifier, searcher=searcher)
                    for index, objs in batches:
                        for doc in self._prepared(index, objs):
                            writer.delete_by_term(ID, doc[ID], searcher=searcher)
                            writer.add_document(**doc)
            except Exception:
                writer.cancel()
                raise
            writer.commit(mergetype=merge_smallest)

    def rebuild(self, index, objects: Iterable) -> int:
        """Replace one model's index with ``objects``, written through a single writer; return the count."""
        self._ensure_setup()
        name = _index_name(index.get_model()._meta.label_lower)
        self.indexes[name] = self.storage.create_index(self.schema, indexname=name)
        writer = self.indexes[name].writer(limitmb=REBUILD_LIMIT_MB, procs=REBUILD_PROCESSES, multisegment=True)
        count = 0
        try:
            for doc in self._prepared(index, objects):
                writer.add_document(**doc)
                count += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return count

    def _prepared(self, index, objs: Iterable) -> Iterator[dict]:
        for obj in objs:
            try:
                doc = index.full_prepare(obj)
            except SkipDocument:
                continue
            yield {key: self._from_python(value) for key, value in doc.items() if key != "boost"}

    def _writer(self, name: str):
        """Open a writer, retrying while another process holds the lock."""
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while True:
            try:
                self.indexes[name] = self.indexes[name].refresh()
                return self.indexes[name].writer(timeout=1.0)
            except LockError:
                if time.monotonic() > deadline:
                    raise
                log.info("Whoosh index %r is locked by another writer; waiting", name)

    def clear(self, models=None, commit=True):
        self._ensure_setup()
        names = list(self.indexes) if models is None else [_index_name(m._meta.label_lower) for m in models]
        for name in names:
            writer = self._writer(name)  # wait for a running writer instead of pulling files from under it
            writer.cancel()
            self.indexes[name] = self.storage.create_index(self.schema, indexname=name)
        _POOL.clear()

    def delete_index(self):
        self.clear()

    def reset(self) -> None:
        """Both indexes started again from nothing, whatever state their files are in (a damaged table of
        contents, a segment gone): their files are deleted without being read, then empty indexes created."""
        _POOL.clear()
        if self.use_file_storage and os.path.isdir(self.path):
            for file_name in os.listdir(self.path):
                if any(file_name.startswith((f"_{name}_", f"{name}_")) for name in MODEL_INDEXES):
                    os.remove(os.path.join(self.path, file_name))
        self.setup_complete = False
        self.setup()

    def optimize(self):
        self._ensure_setup()
        for name in self.indexes:
            self.indexes[name].optimize()

    # ------------------------------------------------------------------ reading
    def search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        facets=None,
        narrow_queries=None,
        models=None,
        result_class=None,
        highlight=False,
        spelling_query=None,
        time_limited=True,
        **kwargs,
    ):
        """One Whoosh query per index: the query ANDed with the narrowing filters, counted exactly.

        A search of several models (haystack's ``all()``, a query naming no model) searches each one's
        index and merges the hits by score.
        """
        self._ensure_setup()
        if highlight:
            raise SearchBackendError(
                "highlight() is not supported: the archive's index does not store the text; "
                "archive.search.snippets marks the words in the text read from the database"
            )
        query_string = force_str(query_string).strip()
        names = sorted({_index_name(m._meta.label_lower) for m in models}) if models else sorted(self.indexes)
        if len(names) > 1 and sort_by:
            raise SearchBackendError("Sorting is supported within one model only: name it with models()")
        # haystack asks for everything with "*" (a browse with facets, say).
        parts = [wq.Every() if query_string in ("*", "*:*") else self._parse(query_string)]
        parts += [self._parse(force_str(narrow)) for narrow in sorted(narrow_queries or ())]
        if any(part is wq.NullQuery for part in parts):
            answers = []
        else:
            whoosh_query = with_exact_phrases(self.on_written_words(wq.And(parts) if len(parts) > 1 else parts[0]))
            # Each index is read to end_offset, so that the merged hits are the best ones of all.
            first = (start_offset or 0) if len(names) == 1 else 0
            answers = [
                self._run(name, whoosh_query, first, end_offset, sort_by=sort_by, facets=facets, limited=time_limited)
                for name in names
            ]
        page = [hit for answer in answers for hit in answer.page]
        if len(names) > 1:
            page = sorted(page, key=lambda hit: -hit[1])[start_offset or 0 : end_offset]
        suggestion = None
        if spelling_query or self.include_spelling:
            suggestion = self.create_spelling_suggestion(spelling_query or query_string)
        return {
            "results": [self._result(stored, score, result_class) for stored, score in page],
            "hits": sum(answer.hits for answer in answers),
            "facets": _merged_facets([answer.facets for answer in answers]) if facets else {},
            "spelling_suggestion": suggestion,
            "stopped_early": any(answer.stopped_early for answer in answers),
        }

    def _run(
        self, name: str, whoosh_query: wq.Query, start: int, end: int | None, *, sort_by, facets, limited: bool = True
    ) -> "_Answer":
        # optimize=False: Whoosh's block-quality skipping would leave the total uncounted, and counting
        # it afterwards runs the whole query a second time.
        search_kwargs = {"limit": max(end or 0, 1), "optimize": False}
        if sort_by:
            reverse = sort_by[0].startswith("-")
            search_kwargs["sortedby"] = [sorting.FieldFacet(field.lstrip("-"), reverse=reverse) for field in sort_by]
        if facets:
            search_kwargs["groupedby"] = [
                sorting.FieldFacet(field, allow_overlap=isinstance(self.schema[field], KEYWORD), maptype=sorting.Count)
                for field in facets
            ]
        with _POOL.borrow(self._pool_key(name), self.indexes[name]) as searcher:
            note_engine_call(name, whoosh_query, search_kwargs)
            results, stopped_early = self._search_within_time(searcher, whoosh_query, search_kwargs, limited)
            return _Answer(
                page=[(hit.fields(), hit.score) for hit in results[start:end]],
                hits=len(results),
                facets=self._facet_counts(results, facets),
                stopped_early=stopped_early,
            )

    def more_like_this(
        self, model_instance, additional_query_string=None, start_offset=0, end_offset=None, models=None,
        limit_to_registered_models=None, result_class=None, **kwargs,
    ):
        """haystack's more_like_this: the entries of the instance's model most like it, by its key terms.

        The text is not stored, so the terms come from the instance's text as indexing prepares it.
        """
        self._ensure_setup()
        index = haystack_connections[self.connection_alias].get_unified_index().get_index(type(model_instance))
        text = index.full_prepare(model_instance)[self.content_field_name]
        name = _index_name(model_instance._meta.label_lower)
        answer = self.similar_to_text(name, text, start_offset or 0, end_offset, exclude=get_identifier(model_instance))
        return {
            "results": [self._result(stored, score, result_class) for stored, score in answer.page],
            "hits": answer.hits,
            "facets": {},
            "spelling_suggestion": None,
        }

    def similar_to_text(self, name: str, text: str, start: int, end: int | None, *, exclude: str = "") -> "_Answer":
        """The entries of index ``name`` that best match the key terms of ``text`` (not the one ``exclude`` names)."""
        self._ensure_setup()
        weights = self.key_terms(name, text, KEY_TERMS)
        if not weights:
            return _Answer(page=[], hits=0, facets={}, stopped_early=False)
        query = wq.Or([wq.Term(self.content_field_name, stem, boost=weight) for stem, weight in weights.items()])
        if exclude:
            query = wq.AndNot(query, wq.Term(ID, exclude))
        return self._run(name, query, start, end, sort_by=None, facets=None)

    def create_spelling_suggestion(self, query_string: str) -> str:
        """haystack's spelling suggestion: the query with each word the archive does not know corrected."""
        words = [word for word in re.findall(r"[^\W\d_]+", force_str(query_string)) if word not in OPERATOR_WORDS]
        corrections = self.spelling_corrections(None, SPELLING, words)
        return " ".join(corrections.get(word, word) for word in words)

    def on_written_words(self, query: wq.Query) -> wq.Query:
        """The query, each wildcard and fuzzy word in a text field matching the words it fits as written.

        Text fields hold stems ("security" -> "secur"), so ``securit*`` or ``securty~`` compared with
        them found nothing. Each is compared with the documents' words as written (the unstemmed
        spelling field) and replaced by the stems of the words it fits (at most MAX_EXPANSIONS), which
        match every form of those words. A pattern that fits no written word is left as it was, for
        what the spelling field leaves out (words with digits, words of one or two letters).
        """
        self._ensure_setup()
        patterns = [leaf for leaf in query.leaves() if is_word_pattern(leaf, self.schema)]
        if not patterns:
            return query
        with _POOL.borrow(self._pool_key("document"), self.indexes["document"]) as searcher:
            reader = searcher.reader()
            expanded = {id(leaf): self._with_written_words(leaf, reader) for leaf in patterns}
        return replace_leaves(query, expanded)

    def _with_written_words(self, pattern: wq.Query, reader) -> wq.Query:
        key = (reader.generation(), type(pattern), pattern.fieldname, pattern.text,
               getattr(pattern, "maxdist", 0), getattr(pattern, "prefixlength", 0))
        stems = self._written_words.get(key)
        if stems is None:
            if len(self._written_words) >= PARSED_QUERIES_KEPT:
                self._written_words.clear()
            stems = self._written_words[key] = written_stems(pattern, reader, self.schema)
        if not stems:
            return pattern
        return wq.Or([wq.Term(pattern.fieldname, stem, boost=pattern.boost) for stem in stems])

    def _parse(self, text: str) -> wq.Query:
        """The Whoosh query for ``text``, remembered: a results page parses its query for documents and
        again for their sections, and researchers page through and refine the same query. Parsed
        queries are never changed in place (Whoosh builds new ones), so sharing them is safe."""
        parsed = self._parsed.get(text)
        if parsed is None:
            if len(self._parsed) >= PARSED_QUERIES_KEPT:
                self._parsed.clear()
            parsed = self._parsed[text] = self.parser.parse(text)
        return parsed

    @staticmethod
    def _search_within_time(searcher, whoosh_query, search_kwargs: dict, limited: bool = True):
        """Search, but stop after SEARCH_TIME_LIMIT_SECONDS with what was found by then: (results, stopped early).

        A researcher waiting on a pathological query (a phrase of the commonest words, many times
        over) gets the documents found so far, and is told so, rather than a page that never comes.
        A search that is not ``limited`` (plain words) runs to its end.
        """
        if not limited:
            results = searcher.search(whoosh_query, **search_kwargs)
            return results, False
        limited = Deadline(searcher.collector(**search_kwargs), SEARCH_TIME_LIMIT_SECONDS)
        try:
            searcher.search_with_collector(whoosh_query, limited)
        except collectors.TimeLimit:
            log.warning("Search stopped after %.1f s, results partial: %.200r", SEARCH_TIME_LIMIT_SECONDS, whoosh_query)
            return limited.results(), True
        return limited.results(), False

    @staticmethod
    def _facet_counts(results, facets) -> dict:
        if not facets:
            return {}
        fields = {}
        for name in facets:
            counts = results.groups(name)
            fields[name] = sorted(
                ((value, count) for value, count in counts.items() if value not in (None, "")),
                key=lambda item: (-item[1], item[0]),
            )
        return {"fields": fields, "dates": {}, "queries": {}}

    def _result(self, stored: dict, score: float, result_class) -> SearchResult:
        app_label, model_name = stored[DJANGO_CT].split(".")
        extra = {key: value for key, value in stored.items() if key not in (DJANGO_CT, DJANGO_ID, ID)}
        return (result_class or SearchResult)(app_label, model_name, stored[DJANGO_ID], score or 0, **extra)

    def spelling_corrections(self, model, field: str, words: Iterable[str]) -> dict[str, str]:
        """The closest known word for each word the index does not know (edit distance up to 2), read from
        ``model``'s index (the document index when None)."""
        self._ensure_setup()
        name = _index_name(model._meta.label_lower) if model else "document"
        corrections = {}
        with _POOL.borrow(self._pool_key(name), self.indexes[name]) as searcher:
            corrector = searcher.corrector(field)
            for word in words:
                lowered = word.lower()
                if not lowered.isalpha() or len(lowered) < 3 or searcher.doc_frequency(field, lowered):
                    continue
                for distance in (1, 2):
                    found = corrector.suggest(lowered, limit=1, maxdist=distance, prefix=1)
                    if found:
                        corrections[word] = found[0]
                        break
        return corrections

    def word_statistics(self, model, words: Iterable[str]) -> tuple[int, int, dict[str, tuple[int, int]]]:
        """The model index's documents and words, and for each word: (documents containing it, its occurrences)."""
        self._ensure_setup()
        name = _index_name(model._meta.label_lower)
        field = self.content_field_name
        analyzer = self.schema[field].analyzer
        counts = {}
        with _POOL.borrow(self._pool_key(name), self.indexes[name]) as searcher:
            for word in words:
                stems = [token.text for token in analyzer(word)]
                if len(stems) == 1:
                    counts[word] = (searcher.doc_frequency(field, stems[0]), searcher.frequency(field, stems[0]))
            return searcher.doc_count(), searcher.field_length(field), counts

    def query_parser(self):
        """The parser this backend reads queries with (``archive.search.whoosh.parser.build_parser``)."""
        self._ensure_setup()
        return self.parser

    def key_terms(self, name: str, text: str, count: int) -> dict[str, float]:
        """The ``count`` stems that best characterise ``text`` against index ``name``, with their weights."""
        self._ensure_setup()
        with _POOL.borrow(self._pool_key(name), self.indexes[name]) as searcher:
            if not searcher.doc_count():  # Whoosh's key-term weighting divides by the index's size
                return {}
            return dict(searcher.key_terms_from_text(self.content_field_name, text, numterms=count))

    def stored_fields(self) -> Iterator[dict]:
        """The stored values of every live entry of every index (deleted entries are skipped).

        The "id" field's lexicon would be quicker, but it still lists the terms of deleted entries until
        their segment is merged, so it would hide a missing entry; stored fields list live entries only.
        """
        self._ensure_setup()
        for name in sorted(self.indexes):
            with self.indexes[name].refresh().reader() as reader:
                yield from reader.all_stored_fields()

    def stored_field_names(self) -> list[str]:
        self._ensure_setup()
        return self.schema.stored_names()

    def stored_form(self, value):
        """A prepared value as the index stores it (and ``stored_fields`` gives it back)."""
        return self._from_python(value)

    def index_counts(self) -> dict[str, int]:
        """Live entries per model index."""
        self._ensure_setup()
        return {name: index.refresh().doc_count() for name, index in self.indexes.items()}


def _commits_at_once(commit: bool) -> None:
    if not commit:
        raise SearchBackendError("commit=False is not supported: every update is committed at once, under the index lock")


@dataclass(frozen=True)
class _Answer:
    page: list[tuple[dict, float]]  # (stored fields, score) of the hits asked for
    hits: int
    facets: dict
    stopped_early: bool


def _merged_facets(counts: list[dict]) -> dict:
    """The facet counts of several indexes added together, commonest first."""
    fields: dict[str, dict] = {}
    for answer in counts:
        for name, values in answer.get("fields", {}).items():
            for value, count in values:
                fields.setdefault(name, {})[value] = fields.setdefault(name, {}).get(value, 0) + count
    return {
        "fields": {name: sorted(values.items(), key=lambda item: (-item[1], item[0])) for name, values in fields.items()},
        "dates": {},
        "queries": {},
    }


class ArchiveWhooshSearchQuery(WhooshSearchQuery):
    """haystack's query, also keeping whether the engine stopped the search at its time limit."""

    stopped_early = False

    def run(self, spelling_query=None, **kwargs):
        # haystack's run(), which drops every key of the engine's answer it does not know.
        search_kwargs = self.build_params(spelling_query=spelling_query)
        search_kwargs.update(kwargs)
        results = self.backend.search(self.build_query(), **search_kwargs)
        self._results = results.get("results", [])
        self._hit_count = results.get("hits", 0)
        self._facet_counts = self.post_process_facets(results)
        self._spelling_suggestion = results.get("spelling_suggestion", None)
        self.stopped_early = results.get("stopped_early", False)


class ArchiveWhooshEngine(BaseEngine):
    backend = ArchiveWhooshBackend
    query = ArchiveWhooshSearchQuery
