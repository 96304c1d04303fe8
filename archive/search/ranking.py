"""How a query of plain words is ranked: one weighted list, whether it has three words or thirty.

A query of plain words (no quotes, operators, fields or patterns) is read as a weighted disjunction of
its words: every document with any of them is a result, ranked by BM25F (the engine's weighting) over
the text and the title, never by how many of the words it has. What else enters the score, each part a
setting (``SEARCH_RANKING``) measured by ``make bench-relevance`` on every test collection:

- **Which words carry the question.** The commonest English words are left out. A content word is
  weighted by how it is spread over the archive: a word that names a topic recurs within the documents
  that use it ("laminar" three times in an abstract), while the words a question is phrased with
  ("articles", "concerning", "especially") occur once where they occur at all. The weight grows with
  the mean number of times a word occurs in the documents that contain it, so the phrasing of a
  question counts for less than its subject, learned from the archive rather than from a word list.
- **Documents with every word.** A clause matching only the documents that contain all the words adds
  their score again, scaled, so for a short query they still lead.
- **Words near each other.** Each pair of neighbouring content words in the query adds the pair's score
  again where the two occur within a few words of each other, in the query's order.
- **Pseudo-relevance feedback** (RM3), for questions in prose: see ``archive/search/feedback.py``.

The result is Lucene query syntax over the index's field names, so any engine behind haystack reads it.
"""

import re
from collections import Counter
from dataclasses import dataclass, fields, replace

from django.conf import settings

from archive.search.query import COMMON_WORDS, ParsedQuery

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class RankingSettings:
    """The ranking's parameters; chosen on the tuning half of every collection's queries (README, Benchmarks)."""

    title_weight: float = 0.3  # a word in the title, on top of the same word in the text
    all_words_weight: float = 0.5  # documents with every word: their score again, times this
    spread_exponent: float = 0.5  # a word's weight: (occurrences / documents containing it) ** this
    proximity_weight: float = 0.6  # a pair of neighbouring query words found near each other
    proximity_slop: int = 3  # "near": at most this many positions apart, in the query's order
    feedback: bool = False  # RM3 expansion of questions in prose (archive/search/feedback.py)
    feedback_min_words: int = 5  # content words a question needs before it is expanded
    feedback_documents: int = 5
    feedback_terms: int = 25
    original_weight: float = 0.6  # the question's own words, against the feedback terms (sum 1)


def ranking_settings() -> RankingSettings:
    """The defaults above, with any overridden by ``settings.SEARCH_RANKING`` (a dict of the same names)."""
    overrides = getattr(settings, "SEARCH_RANKING", None) or {}
    known = {field.name for field in fields(RankingSettings)}
    unknown = set(overrides) - known
    if unknown:
        raise ValueError(f"SEARCH_RANKING has unknown keys: {', '.join(sorted(unknown))}")
    return replace(RankingSettings(), **overrides)


@dataclass(frozen=True)
class WordStatistics:
    """How often the words of a query occur in the document index (from the engine)."""

    documents: int  # documents in the index
    counts: dict[str, tuple[int, int]]  # word as typed -> (documents containing it, occurrences in all)


def content_words(parsed: ParsedQuery) -> list[str]:
    """The query's plain words, lowercased, the commonest English words left out (unless nothing else is left)."""
    words = [word.lower() for typed in parsed.words for word in WORD.findall(typed)]
    meaningful = [word for word in words if word not in COMMON_WORDS]
    return meaningful or words


def is_ranked(parsed: ParsedQuery) -> bool:
    """Whether the query is plain words that this module weighs (otherwise it runs as typed)."""
    return parsed.loosenable and len(set(content_words(parsed))) > 1


def word_weights(words: list[str], statistics: WordStatistics, ranking: RankingSettings) -> dict[str, float]:
    """Each distinct word's weight in the query: times typed, times its spread over the documents using it."""
    weights = {}
    for word, typed in Counter(words).items():
        containing, occurrences = statistics.counts.get(word, (0, 0))
        spread = occurrences / containing if containing else 1.0
        weights[word] = typed * spread**ranking.spread_exponent
    return weights


def ranked_query(
    words: list[str], weights: dict[str, float], excluded: tuple[str, ...], ranking: RankingSettings
) -> str:
    """The weighted disjunction of ``weights`` as Lucene syntax; ``words`` (the query's, in order) for the
    every-word and proximity clauses (feedback words join the disjunction only)."""
    clauses = []
    for word, weight in weights.items():
        clauses.append(f"{word}^{weight:.4g}")
        if ranking.title_weight:
            clauses.append(f"title:{word}^{weight * ranking.title_weight:.4g}")
    distinct = list(dict.fromkeys(words))
    if ranking.all_words_weight and len(distinct) > 1:
        clauses.append("(%s)^%.4g" % (" AND ".join(distinct), ranking.all_words_weight))
    if ranking.proximity_weight:
        pairs = dict.fromkeys((a, b) for a, b in zip(words, words[1:]) if a != b)
        clauses += [f'"{a} {b}"~{ranking.proximity_slop}^{ranking.proximity_weight:.4g}' for a, b in pairs]
    excluded_words = [word for typed in excluded for word in WORD.findall(typed)]
    return "(%s)%s" % (" OR ".join(clauses), "".join(f" NOT {word}" for word in excluded_words))
