"""Pseudo-relevance feedback: a question widened by the words its best answers share."""

import pytest

from archive.search.feedback import expanded_weights, forget_expansions
from archive.search.ranking import RankingSettings

FEEDBACK = RankingSettings(feedback_documents=2, feedback_terms=8, original_weight=0.6)
QUESTION = "(laminar^1 OR boundary^1 OR heated^1)"


PLATES = {
    "Heated plates": "Laminar boundary layers over heated plates: skin friction and heat transfer measured.",
    "Boundary layers": "The laminar boundary layer thickens; skin friction falls as heat transfer grows.",
    "Unrelated": "Budget tables for the fiscal year.",
}


@pytest.fixture
def plates(search_index):
    from archive.services import document_import

    forget_expansions()
    for title, text in PLATES.items():
        document_import(raw=f"{title}\n\n{text}\n".encode(), file_name=f"{title}.txt")


def test_the_words_the_best_answers_share_join_the_question(plates):
    weights = expanded_weights(QUESTION, {"laminar": 1.0, "boundary": 1.0, "heated": 1.0}, FEEDBACK)
    assert {"friction", "skin", "transfer"} <= set(weights)
    assert "budget" not in weights  # the unrelated document is not among the best answers
    # The question keeps its share, and the whole keeps the question's scale.
    assert sum(weights.values()) == pytest.approx(3.0)
    assert all(weights[word] >= 0.6 for word in ("laminar", "boundary", "heated"))


def test_a_feedback_word_is_written_as_the_documents_write_it(plates):
    # Words, never the index's stems ("boundari", "measur"): the query stays readable and any engine stems it.
    weights = expanded_weights(QUESTION, {"laminar": 1.0, "boundary": 1.0, "heated": 1.0}, FEEDBACK)
    written = set(" ".join(PLATES.values()).lower().replace(":", " ").replace(";", " ").replace(".", " ").split())
    assert set(weights) <= written | {"laminar", "boundary", "heated"}


def test_a_question_that_finds_nothing_is_left_as_it_was(plates):
    weights = {"zeppelin": 1.0, "airship": 1.0}
    assert expanded_weights("(zeppelin^1 OR airship^1)", weights, FEEDBACK) == weights


def test_the_next_page_of_a_question_reuses_its_expansion(plates, django_assert_num_queries):
    words = {"laminar": 1.0, "boundary": 1.0, "heated": 1.0}
    first = expanded_weights(QUESTION, words, FEEDBACK, archive_state=(3, 40))
    with django_assert_num_queries(0):  # no sections read again
        assert expanded_weights(QUESTION, words, FEEDBACK, archive_state=(3, 40)) == first
    with django_assert_num_queries(2):  # the archive changed: read afresh (the best sections, the titles)
        expanded_weights(QUESTION, words, FEEDBACK, archive_state=(4, 52))
