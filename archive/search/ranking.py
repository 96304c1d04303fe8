"""How a query of plain words is ranked: one weighted list, whether it has three words or thirty.

A query of plain words (perhaps with quoted phrases and excluded words; no operators, fields or
patterns) is read as a weighted disjunction of its words: every document with any of them is a result,
ranked by BM25F (the engine's weighting) over the text and the title, never by how many of the words it
has. What else enters the score, each part a
setting (``SEARCH_RANKING``) measured by ``make bench-relevance`` on every test collection:

- **Which words carry the question.** The commonest English words are left out. A word's weight is
  scaled down when it is about as common in the archive as in English at large (the general frequency
  from ``wordfreq``): "what", "especially", "concerning", "articles" shape a question in any field,
  while the words of its subject ("eigenvalue", "laminar", "tariff") are far commoner in an archive
  about them than in English. The weight also grows with a word's spread: a word that names a topic
  recurs within the documents that use it, a word of phrasing occurs once where it occurs at all. Both
  come from statistics (the archive's and the language's), never from a list of one collection's phrasing.
- **Documents with every word.** A clause matching only the documents that contain all the words adds
  their score again, scaled, so for a short query they still lead.
- **Phrases.** A phrase typed in quotation marks among other words adds its score again where it is
  found whole; the documents without it still rank by its words, and are counted as lacking some.
- **Words near each other.** Each pair of neighbouring content words in the query adds the pair's score
  again where the two occur within a few words of each other, in the query's order.
- **Pseudo-relevance feedback** (RM3), for questions in prose: see ``archive/search/feedback.py``.

The result is Lucene query syntax over the index's field names, so any engine reads it.
"""

import math
from collections import Counter
from dataclasses import dataclass, fields, replace

from django.conf import settings
from wordfreq import word_frequency

from archive.search.analysis import COMMON_WORDS, query_words
from archive.search.engine import TITLE, WordStatistics
from archive.search.query import ParsedQuery

@dataclass(frozen=True)
class RankingSettings:
    """The ranking's parameters; chosen on the tuning half of every collection's queries (README, Benchmarks)."""

    title_weight: float = 0.3  # a word in the title, on top of the same word in the text
    all_words_weight: float = 0.5  # documents with every word: their score again, times this
    spread_exponent: float = 0.5  # a word's weight: (occurrences / documents containing it) ** this
    # A word's weight times log(its frequency in the archive / in English) / this, between the floor and 1.
    specificity_scale: float = 1.5
    specificity_floor: float = 0.1
    language: str = "en"  # the language whose general word frequencies the archive's are compared with
    phrase_weight: float = 1.0  # a phrase typed in quotation marks, found whole
    proximity_weight: float = 0.6  # a pair of neighbouring query words found near each other
    proximity_slop: int = 3  # "near": at most this many positions apart, in the query's order
    feedback: bool = True  # RM3 expansion of questions in prose (archive/search/feedback.py)
    feedback_min_words: int = 5  # content words a question needs before it is expanded ...
    feedback_max_words: int = 16  # ... and at most this many: a longer one already carries its vocabulary
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


def content_words(parsed: ParsedQuery) -> list[str]:
    """The query's plain words, lowercased, the commonest English words left out (unless nothing else is left)."""
    words = [word for typed in parsed.words for word in query_words(typed)]
    meaningful = [word for word in words if word not in COMMON_WORDS]
    return meaningful or words


def is_ranked(parsed: ParsedQuery) -> bool:
    """Whether the query is plain words that this module weighs (otherwise it runs as typed)."""
    return parsed.loosenable and len(set(content_words(parsed))) > 1


def word_weights(words: list[str], statistics: WordStatistics | None, ranking: RankingSettings) -> dict[str, float]:
    """Each distinct word's weight in the query: times typed, times its spread, times its specificity.

    Without statistics (an engine that does not give them) each word weighs as often as it was typed.
    """
    if statistics is None:
        return dict(Counter(words))
    weights = {}
    for word, typed in Counter(words).items():
        containing, occurrences = statistics.counts.get(word, (0, 0))
        spread = occurrences / containing if containing else 1.0
        weights[word] = typed * spread**ranking.spread_exponent * _specificity(word, occurrences, statistics, ranking)
    return weights


def _specificity(word: str, occurrences: int, statistics: WordStatistics, ranking: RankingSettings) -> float:
    """1 for a word much commoner in the archive than in the language, down to the floor for one no commoner."""
    in_language = word_frequency(word, ranking.language)
    if not occurrences or not statistics.words or not in_language:
        return 1.0  # unknown to the archive (matches nothing) or to the language (a term of art, a name)
    ratio = math.log(occurrences / statistics.words / in_language) / ranking.specificity_scale
    return min(1.0, max(ranking.specificity_floor, ratio))


def ranked_query(
    words: list[str],
    weights: dict[str, float],
    ranking: RankingSettings,
    *,
    phrases: tuple[str, ...] = (),
    excluded: tuple[str, ...] = (),
) -> str:
    """The weighted disjunction of ``weights`` as Lucene syntax; ``words`` (the query's, in order) for the
    every-word and proximity clauses (feedback words join the disjunction only)."""
    clauses = []
    for word, weight in weights.items():
        clauses.append(f"{word}^{weight:.4g}")
        if ranking.title_weight and word in words:  # the query's own words only: feedback words add no title clause
            clauses.append(f"{TITLE}:{word}^{weight * ranking.title_weight:.4g}")
    distinct = list(dict.fromkeys(words))
    if ranking.all_words_weight and len(distinct) > 1:
        every = " AND ".join(f"{word}^{weights[word]:.4g}" for word in distinct)
        clauses.append(f"({every})^{ranking.all_words_weight:.4g}")
    if ranking.phrase_weight:
        clauses += [f'"{phrase}"^{ranking.phrase_weight:.4g}' for phrase in phrases]
    if ranking.proximity_weight:
        pairs = dict.fromkeys((a, b) for a, b in zip(words, words[1:]) if a != b)
        clauses += [
            f'"{a} {b}"~{ranking.proximity_slop}^{ranking.proximity_weight:.4g}'
            for a, b in pairs
        ]
    return "(%s)%s" % (" OR ".join(clauses), _exclusions(excluded))


def section_query(
    weights: dict[str, float], *, phrases: tuple[str, ...] = (), excluded: tuple[str, ...] = ()
) -> str:
    """The lighter disjunction that picks a page's best sections: the weighted words and the phrases only
    (sections have no title, and are read only within the page's documents)."""
    clauses = [f"{word}^{weight:.4g}" for word, weight in weights.items()] + [f'"{phrase}"' for phrase in phrases]
    return "(%s)%s" % (" OR ".join(clauses), _exclusions(excluded))


def _exclusions(excluded: tuple[str, ...]) -> str:
    return "".join(f" NOT {word}" for typed in excluded for word in query_words(typed))
