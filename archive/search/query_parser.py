"""The Whoosh parser that reads the syntax ``parse_query`` writes, with every expanding term capped.

The engine and ``parse_query`` must read a query the same way, so both get their parser from
``build_parser``.
"""

import itertools

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


class _BoundedParser(QueryParser):
    def parse(self, text, normalize=True, debug=False):
        return _bounded(super().parse(text, normalize=normalize, debug=debug))


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
