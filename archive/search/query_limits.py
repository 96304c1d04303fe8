"""The bounds every query is held to, and the error that says which one a query broke.

The numbers are in one place because three modules enforce them: ``query`` (length), ``query_reading``
(words, brackets, wildcards, fuzziness, proximity) and ``query_parser`` (how far a wildcard expands).
"""

MAX_QUERY_LENGTH = 500
# A question or passage pasted in as prose (MIN_PROSE_WORDS words or more, no operator, field or pattern)
# may be longer: its repeated and commonest words are dropped before it is read.
MAX_PROSE_LENGTH = 1000
MIN_PROSE_WORDS = 6
MAX_CLAUSES = 40  # words, phrases and field values in one query
MAX_DEPTH = 10  # brackets inside brackets
MAX_EXPANDING = 4  # wildcard and fuzzy words in one query
MAX_EXPANSIONS = 200  # index words one wildcard or fuzzy word may stand for (the rest are ignored)
MIN_WILDCARD_PREFIX = 3  # literal characters before the first * or ?
MAX_FUZZY_DISTANCE = 2
MAX_SLOP = 50  # "trust gaps"~50: words at most this far apart


class QueryError(ValueError):
    """A query that cannot be read; the message tells the researcher how to fix it."""
