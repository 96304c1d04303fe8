"""Reading the query syntax ``archive.search.query`` writes: Whoosh's parser, bounded, and what it asks for.

Every engine is sent the same Lucene syntax; this parser is how the Whoosh engine runs it, and how any
engine's queries are checked and their words to mark found (``read_marks``). Expanding words (wildcards,
fuzzy words) are capped, and fitted to the words as written rather than to their stems; exact phrases
and near pairs are checked by binary search in sorted positions.
"""

import copy
import itertools
from bisect import bisect_left, bisect_right

from whoosh import fields as wf
from whoosh import query as wq
from whoosh.qparser import (
    EveryPlugin,
    FuzzyTermPlugin,
    OperatorsPlugin,
    QueryParser,
    SingleQuotePlugin,
)
from whoosh.qparser import syntax
from whoosh.matching import NullMatcher, WrappingMatcher
from whoosh.query.spans import Span, SpanNear2
from whoosh.reading import IndexReader

from archive.search.analysis import archive_analyzer
from archive.search.engine import AUTHORS, DATE, KIND, PUBLISHER, SPELLING, TEXT, TEXT_FIELDS, TITLE, YEAR, QueryMarks
from archive.search.query.lucene import MAX_EXPANSIONS, MAX_FUZZY_DISTANCE, QueryError


def build_parser(schema: wf.Schema, default_field: str) -> QueryParser:
    """Return the Whoosh parser for queries made by ``parse_query``: the engine must read them with this one."""
    parser = _BoundedParser(default_field, schema=schema, group=syntax.AndGroup)
    # Lucene has no 'single quoted' terms, and a bare * must not mean "everything". Boosts (word^2) stay for
    # queries built in code (related documents); parse_query never writes one.
    for plugin in (SingleQuotePlugin, EveryPlugin):
        parser.remove_plugin_class(plugin)
    # Whoosh's PlusMinusPlugin only works in a flat top-level group (haystack wraps queries in brackets,
    # where it raises NotImplementedError) and makes "+a b" optional: read a leading - as NOT instead.
    parser.replace_plugin(
        OperatorsPlugin(AndNot=None, AndMaybe=None, Not=r"(^|(?<=(\s|[()])))(NOT(?=\s)|-(?=[^\s\-]))")
    )
    parser.add_plugin(FuzzyTermPlugin())
    return parser


# Whoosh has no knob for how many index words a wildcard or fuzzy term expands to (MultiTerm.matcher
# ORs every one of them), so the expanding queries are replaced by subclasses that stop at MAX_EXPANSIONS.


class _CappedPrefix(wq.Prefix):
    def _btexts(self, ixreader):
        return itertools.islice(super()._btexts(ixreader), MAX_EXPANSIONS)


class _CappedWildcard(wq.Wildcard):
    def _btexts(self, ixreader):
        return itertools.islice(super()._btexts(ixreader), MAX_EXPANSIONS)

    def normalize(self):
        return _bounded(super().normalize())


class _CappedFuzzyTerm(wq.FuzzyTerm):
    def _btexts(self, ixreader):
        # A segment reader's terms_within walks the field's spelling graph and finds nothing in a field
        # indexed without one (spelling=False): compare the words under the shared prefix instead.
        return itertools.islice(
            IndexReader.terms_within(ixreader, self.fieldname, self.text, self.maxdist, prefix=self.prefixlength),
            MAX_EXPANSIONS,
        )


# Whoosh checks a phrase by pairing every position of each word with the next word's (a Span object
# each): a phrase of very common words ("the following example", "in the") took seconds on a large
# index. Exact phrases, and pairs of words near each other, are checked instead by binary search in
# sorted positions.


class _ExactPhrase(wq.Phrase):
    def matcher(self, searcher, context=None):
        near_pair = len(self.words) == 2 and self.slop > 1
        if (self.slop != 1 and not near_pair) or self.fieldname not in searcher.schema:
            return super().matcher(searcher, context)
        field, reader = searcher.schema[self.fieldname], searcher.reader()
        matchers = []
        for word in self.words:
            try:
                btext = field.to_bytes(word)
            except ValueError:
                return NullMatcher()
            if (self.fieldname, btext) not in reader:
                return NullMatcher()
            matchers.append(wq.Term(self.fieldname, btext).matcher(searcher, context))
        matcher = _NearPairMatcher(matchers, self.slop) if near_pair else _ExactPhraseMatcher(matchers)
        return WrappingMatcher(matcher, boost=self.boost) if self.boost != 1.0 else matcher


class _ExactPhraseMatcher(SpanNear2.SpanNear2Matcher):
    def __init__(self, ms, slop=1, ordered=True, mindist=1):
        super().__init__(ms, slop=1, ordered=True, mindist=1)

    def copy(self):
        return self.__class__([m.copy() for m in self.ms])

    def _get_spans(self):
        positions = [matcher.value_as("positions") for matcher in self.ms]
        rarest = min(range(len(positions)), key=lambda i: len(positions[i]))
        starts = [p - rarest for p in positions[rarest] if p >= rarest]
        for offset, found in enumerate(positions):
            if offset != rarest:
                starts = [start for start in starts if _contains(found, start + offset)]
            if not starts:
                return []
        return [Span(start, start + len(positions) - 1) for start in starts]


class _NearPairMatcher(SpanNear2.SpanNear2Matcher):
    """Two words, the second at most ``slop`` positions after the first ("trust gaps"~5, and the ranking's
    pairs of neighbouring query words): each position of the first is looked up in the second's by binary
    search, where Whoosh pairs every position with every other."""

    def __init__(self, ms, slop):
        super().__init__(ms, slop=slop, ordered=True, mindist=1)

    def copy(self):
        return self.__class__([m.copy() for m in self.ms], self.slop)

    def _get_spans(self):
        first, second = (matcher.value_as("positions") for matcher in self.ms)
        spans = []
        for position in first:
            index = bisect_right(second, position)
            if index < len(second) and second[index] - position <= self.slop:
                spans.append(Span(position, second[index]))
        return spans


def with_exact_phrases(node: wq.Query) -> wq.Query:
    """The same query, its exact phrases checked by ``_ExactPhrase`` (what the engine runs)."""
    if type(node) is wq.Phrase:
        return _ExactPhrase(node.fieldname, node.words, node.slop, node.boost, node.char_ranges)
    return node if node.is_leaf() else node.apply(with_exact_phrases)


def _contains(sorted_positions, position: int) -> bool:
    index = bisect_left(sorted_positions, position)
    return index < len(sorted_positions) and sorted_positions[index] == position


class _BoundedParser(QueryParser):
    def parse(self, text, normalize=True, debug=False):
        return _bounded(super().parse(text, normalize=normalize, debug=debug))

    def term_query(self, fieldname, text, termclass, boost=1.0, tokenize=True, removestops=True):
        # A pattern or fuzzy word stays as typed (lowercased): the engine matches it against the words
        # as written ("securit*", "securty~" -> "security"), which stemming would have made unfindable.
        field = self.schema[fieldname] if self.schema and fieldname in self.schema else None
        if issubclass(termclass, (wq.Wildcard, wq.FuzzyTerm)) and isinstance(field, wf.TEXT):
            return termclass(fieldname, text.lower(), boost=boost)
        return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)


def _bounded(node: wq.Query) -> wq.Query:
    """Cap every expanding term; a fuzzy term gets at most 2 edits and a 1–2 letter prefix in common."""
    if isinstance(node, wq.FuzzyTerm):
        distance = min(node.maxdist, MAX_FUZZY_DISTANCE)
        prefix = max(node.prefixlength, _fuzzy_prefix(distance))
        return _CappedFuzzyTerm(node.fieldname, node.text, node.boost, distance, prefix)
    if isinstance(node, wq.Prefix):
        return _CappedPrefix(node.fieldname, node.text, node.boost)
    if isinstance(node, wq.Wildcard) and not isinstance(node, _CappedWildcard):
        return _CappedWildcard(node.fieldname, node.text, node.boost)
    if isinstance(node, wq.Every):
        return wq.NullQuery
    if node.is_leaf():
        return node
    return node.apply(_bounded)


def _fuzzy_prefix(distance: int) -> int:
    return 1 if distance <= 1 else 2


def is_word_pattern(node: wq.Query, schema) -> bool:
    """A wildcard, prefix or fuzzy word in a stemmed text field."""
    return (
        isinstance(node, (wq.Prefix, wq.Wildcard, wq.FuzzyTerm))
        and node.fieldname != SPELLING
        and isinstance(schema[node.fieldname] if node.fieldname in schema else None, wf.TEXT)
    )


def replace_leaves(node: wq.Query, replacements: dict[int, wq.Query]) -> wq.Query:
    """The query with the leaves named (by id) replaced; Whoosh's ``apply`` builds new parents."""
    if node.is_leaf():
        return replacements.get(id(node), node)
    return node.apply(lambda child: replace_leaves(child, replacements))


def written_stems(pattern: wq.Query, reader, schema) -> list[str]:
    """The stems of the written words (at most MAX_EXPANSIONS) ``pattern`` fits, read from ``reader``."""
    as_written = copy.copy(pattern)
    as_written.fieldname = SPELLING
    field, found = schema[pattern.fieldname], set()
    for word in itertools.islice(as_written._btexts(reader), MAX_EXPANSIONS):
        found.update(field.process_text(word.decode() if isinstance(word, bytes) else word, mode="query"))
    return sorted(found)


def read_marks(parser: QueryParser, text: str, *, on_written_words=None) -> QueryMarks:
    """Parse ``text`` as an engine will (haystack wraps a raw query in brackets) and say what it asks for.

    Raises QueryError when it cannot be read or searches for nothing. ``on_written_words`` replaces
    wildcard and fuzzy words by the words they fit, so those are marked too.
    """
    try:
        parsed = parser.parse(f"({text})")
    except Exception as error:  # Whoosh's parser fails with assorted internal errors on odd input.
        raise QueryError("That search could not be read. Try plain words, or a phrase in quotation marks.") from error
    if parsed is wq.NullQuery or not list(parsed.leaves()):
        raise QueryError("There is nothing to search for in that query: add a word or a phrase.")
    marked = list(_positive_marks(on_written_words(parsed) if on_written_words else parsed))
    return QueryMarks(
        terms=frozenset(mark for mark in marked if isinstance(mark, str)),
        phrases=frozenset(mark for mark in marked if isinstance(mark, tuple)),
        only_words=_only_words(parsed),
    )


def _only_words(node: wq.Query) -> bool:
    """True for ANDed words of the text, some perhaps excluded ("Asia-Pacific" reads as a phrase of its parts)."""
    if isinstance(node, wq.And):
        return all(_only_words(child) for child in node.children())
    if isinstance(node, wq.Not):
        return isinstance(node.query, wq.Term) and node.query.fieldname == TEXT
    if isinstance(node, (wq.Term, wq.Phrase)):
        exact = isinstance(node, wq.Phrase) or type(node) is wq.Term  # not a fuzzy or pattern subclass
        return exact and node.fieldname == TEXT and getattr(node, "slop", 1) == 1
    return False


def _positive_marks(node: wq.Query):
    """Yield what a result must or may contain, skipping what is under NOT: a word, or an exact phrase's words.

    Words of a proximity phrase ("trust gaps"~5) are marked one by one, wherever they are.
    """
    if isinstance(node, wq.Not):
        return
    if isinstance(node, wq.Term) and node.fieldname in TEXT_FIELDS:
        yield node.text
    elif isinstance(node, wq.Phrase) and node.fieldname in TEXT_FIELDS:
        if node.slop == 1 and len(node.words) > 1:
            yield tuple(node.words)
        else:
            yield from node.words
    for child in node.children():
        yield from _positive_marks(child)


def _text_field() -> wf.TEXT:
    return wf.TEXT(analyzer=archive_analyzer(), multitoken_query="phrase")


def standalone_parser() -> QueryParser:
    """A parser over the fields every engine indexes, for engines whose own schema Whoosh cannot read."""
    schema = wf.Schema(
        **{TEXT: _text_field(), TITLE: _text_field(), AUTHORS: _text_field(), PUBLISHER: _text_field(),
           KIND: _text_field(), YEAR: wf.NUMERIC(), DATE: wf.DATETIME()}
    )
    return build_parser(schema, TEXT)
