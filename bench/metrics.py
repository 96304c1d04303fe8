"""Ranking metrics, as pure functions of one query's ranking and its judgements.

``ranking`` is a list of document keys, best first; ``grades`` maps a judged document to its gain
(documents absent from it are not relevant). Relevance is binary for MAP, P@10 and MRR (gain > 0)
and graded for nDCG@10.

Cranfield codes to gains (``cranfield_gain``): 1 "complete answer" -> 4, 2 "high relevance" -> 3,
3 "useful background" -> 2, 4 "minimum interest" -> 1, i.e. gain = 5 - code. Code -1 appears once per
query and looks like the document the question was written from; the collection's README recommends
counting it as relevant, so it gets gain 1 (relevant, least weight) rather than 0. Code 5 "no interest"
(never present) and anything else get 0.
"""

import math
from collections.abc import Mapping, Sequence

DEPTH = 100  # MAP is computed over the top 100, the depth every system is asked for


def cranfield_gain(code: int) -> int:
    """The graded gain of a Cranfield relevance code (see the module docstring)."""
    if 1 <= code <= 4:
        return 5 - code
    return 1 if code == -1 else 0


def average_precision(ranking: Sequence, grades: Mapping, depth: int = DEPTH) -> float:
    """Mean of the precision at each relevant document's rank, over all relevant documents (0 if none)."""
    relevant = {key for key, gain in grades.items() if gain > 0}
    if not relevant:
        return 0.0
    found, total = 0, 0.0
    for rank, key in enumerate(_unique(ranking)[:depth], start=1):
        if key in relevant:
            found += 1
            total += found / rank
    return total / len(relevant)


def precision_at(ranking: Sequence, grades: Mapping, k: int = 10) -> float:
    """Share of the first ``k`` places held by relevant documents (empty places count as misses)."""
    return sum(1 for key in _unique(ranking)[:k] if grades.get(key, 0) > 0) / k


def ndcg_at(ranking: Sequence, grades: Mapping, k: int = 10) -> float:
    """Graded nDCG: sum of gain / log2(rank + 1) over the top ``k``, divided by the ideal ranking's."""
    ideal = _dcg(sorted((gain for gain in grades.values() if gain > 0), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return _dcg([grades.get(key, 0) for key in _unique(ranking)[:k]]) / ideal


def reciprocal_rank(ranking: Sequence, grades: Mapping, depth: int = DEPTH) -> float:
    """1 / the rank of the first relevant document, 0 if none is in the top ``depth``."""
    for rank, key in enumerate(_unique(ranking)[:depth], start=1):
        if grades.get(key, 0) > 0:
            return 1 / rank
    return 0.0


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _dcg(gains: Sequence[float]) -> float:
    return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, start=1))


def _unique(ranking: Sequence) -> list:
    """The ranking with repeats dropped: a document found twice counts once, at its best rank."""
    return list(dict.fromkeys(ranking))
