"""Pseudo-relevance feedback (RM3): a question in prose, widened by the words of its best answers.

A long question rarely uses every word its best documents use ("heat transfer" asked, "thermal"
answered). RM3 takes the first ranking's top documents as if a researcher had marked them relevant,
estimates the words they share (each document's word frequencies, weighted by its score), and mixes the
most likely of those words into the question, the question's own words keeping ``original_weight``.
A document is read through its title and its best-matching sections, so a long white paper lends the
words of the passages that answered, not of its preface.

It costs two more engine queries and a read of a few sections, so ``ranking.py`` asks for it only for
questions of 5 to 16 content words, where it measured well, and an expansion is remembered for the next
page of the same question.
"""

import threading
from collections import Counter, OrderedDict, defaultdict

from archive.models import Document, Section
from archive.search.analysis import COMMON_WORDS, archive_analyzer
from archive.search.engine import DOCUMENT_ID, DOCUMENTS, SECTIONS, Search, search_engine
from archive.search.ranking import RankingSettings

SECTIONS_PER_DOCUMENT = 3
_ANALYZER = archive_analyzer()  # the index's own: feedback words are weighed as the engine stems them

_EXPANSIONS: OrderedDict = OrderedDict()  # (query, settings, archive state) -> expanded weights
_EXPANSIONS_LOCK = threading.Lock()
EXPANSIONS_KEPT = 500


def expanded_weights(
    first_query: str, weights: dict[str, float], ranking: RankingSettings, *, archive_state: tuple = ()
) -> dict[str, float]:
    """``weights`` (word -> weight) mixed with the feedback words of ``first_query``'s top documents.

    Remembered per process for the same query, settings and ``archive_state`` (the archive's size, say):
    the next page of results, a facet or a sort reuse the expansion instead of searching twice again.
    """
    key = (first_query, ranking, archive_state)
    with _EXPANSIONS_LOCK:  # requests run in threads: the cache is read and trimmed by one at a time
        remembered = _EXPANSIONS.get(key)
        if remembered is not None:
            _EXPANSIONS.move_to_end(key)
            return dict(remembered)
    expanded = _expand(first_query, weights, ranking)
    with _EXPANSIONS_LOCK:
        _EXPANSIONS[key] = expanded
        while len(_EXPANSIONS) > EXPANSIONS_KEPT:
            _EXPANSIONS.popitem(last=False)
    return dict(expanded)


def forget_expansions() -> None:
    """Drop every remembered expansion (after the archive has changed under the same size, say)."""
    with _EXPANSIONS_LOCK:
        _EXPANSIONS.clear()


def _expand(first_query: str, weights: dict[str, float], ranking: RankingSettings) -> dict[str, float]:
    first = search_engine().search(Search(DOCUMENTS, first_query, stop=ranking.feedback_documents, time_limited=False))
    top = [(hit.pk, hit.score) for hit in first.hits]
    total_score = sum(score for _, score in top)
    if not top or total_score <= 0:
        return weights
    analyzer = _ANALYZER
    texts = _feedback_texts(first_query, [pk for pk, _ in top])
    relevance: Counter = Counter()
    written: dict[str, Counter] = defaultdict(Counter)  # stem -> the forms it was written in
    for pk, score in top:
        stems = []
        for token in analyzer(texts.get(pk, ""), chars=True, mode="index"):
            word = texts[pk][token.startchar : token.endchar].lower()
            if word in COMMON_WORDS or not word.isalpha():
                continue
            stems.append(token.text)
            written[token.text][word] += 1
        for stem, count in Counter(stems).items():
            relevance[stem] += (score / total_score) * count / len(stems)
    chosen = dict(relevance.most_common(ranking.feedback_terms))
    if not chosen:
        return weights
    chosen_total, original_total = sum(chosen.values()), sum(weights.values())
    stem_of = {word: _stem(analyzer, word) for word in weights}
    mixed = {word: ranking.original_weight * weight for word, weight in weights.items()}
    by_stem = {stem: word for word, stem in stem_of.items()}
    for stem, value in chosen.items():
        word = by_stem.get(stem) or written[stem].most_common(1)[0][0]
        mixed[word] = mixed.get(word, 0.0) + (1 - ranking.original_weight) * original_total * value / chosen_total
    return mixed


def _feedback_texts(query: str, ids: list[int]) -> dict[int, str]:
    """Each document's title and its best-matching sections (by the engine), as one text."""
    among = "%s:(%s)" % (DOCUMENT_ID, " OR ".join(map(str, ids)))
    sections = search_engine().search(Search(SECTIONS, query, filters=(among,), stop=SECTIONS_PER_DOCUMENT * len(ids), time_limited=False))
    chosen: dict[int, list[int]] = defaultdict(list)
    for hit in sections.hits:
        if len(chosen[hit.document_id]) < SECTIONS_PER_DOCUMENT:
            chosen[hit.document_id].append(hit.pk)
    text_of = dict(Section.objects.filter(pk__in=[pk for pks in chosen.values() for pk in pks]).values_list("pk", "text"))
    titles = dict(Document.objects.filter(pk__in=ids).values_list("pk", "title"))
    return {pk: "\n".join([titles.get(pk, "")] + [text_of.get(s, "") for s in chosen.get(pk, [])]) for pk in ids}


def _stem(analyzer, word: str) -> str:
    stems = [token.text for token in analyzer(word)]
    return stems[0] if stems else word
