"""Wildcard and fuzzy words fitted to the words as written, for text fields that hold stems.

Text fields hold stems ("security" -> "secur"), so ``securit*`` or ``securty~`` compared with them
found nothing. The backend compares each with the documents' words as written (the unstemmed
spelling field) and searches the stems of the words it fits.
"""

import copy
import itertools

from whoosh import query as wq
from whoosh.fields import TEXT

from archive.search.query_limits import MAX_EXPANSIONS
from archive.search.spelling import SPELLING_FIELD  # the documents' words as written


def is_word_pattern(node: wq.Query, schema) -> bool:
    """A wildcard, prefix or fuzzy word in a stemmed text field."""
    return (
        isinstance(node, (wq.Prefix, wq.Wildcard, wq.FuzzyTerm))
        and node.fieldname != SPELLING_FIELD
        and isinstance(schema[node.fieldname] if node.fieldname in schema else None, TEXT)
    )


def replace_leaves(node: wq.Query, replacements: dict[int, wq.Query]) -> wq.Query:
    """The query with the leaves named (by id) replaced; Whoosh's ``apply`` builds new parents."""
    if node.is_leaf():
        return replacements.get(id(node), node)
    return node.apply(lambda child: replace_leaves(child, replacements))


def written_stems(pattern: wq.Query, reader, schema) -> list[str]:
    """The stems of the written words (at most MAX_EXPANSIONS) ``pattern`` fits, read from ``reader``."""
    as_written = copy.copy(pattern)
    as_written.fieldname = SPELLING_FIELD
    field, found = schema[pattern.fieldname], set()
    for word in itertools.islice(as_written._btexts(reader), MAX_EXPANSIONS):
        found.update(field.process_text(word.decode() if isinstance(word, bytes) else word, mode="query"))
    return sorted(found)
