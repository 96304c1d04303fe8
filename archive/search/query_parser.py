"""The Whoosh parser that reads the syntax ``parse_query`` writes, with every expanding term capped.

The engine and ``parse_query`` must read a query the same way, so both get their parser from
``build_parser``.
"""

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

from archive.search.query_limits import MAX_EXPANSIONS, MAX_FUZZY_DISTANCE


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
