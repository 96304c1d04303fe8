"""The ranking metrics, on rankings small enough to check by hand."""

import math

import pytest

from bench import metrics

# Relevant: a (gain 3), c (gain 1), e (gain 2). Ranking: a x c y z ...
GRADES = {"a": 3, "c": 1, "e": 2, "n": 0}
RANKING = ["a", "x", "c", "y", "z"]


def test_average_precision_averages_precision_at_each_relevant_rank_over_all_relevant():
    # a at 1 -> 1/1, c at 3 -> 2/3, e never found -> 0; over 3 relevant.
    assert metrics.average_precision(RANKING, GRADES) == pytest.approx((1 + 2 / 3) / 3)


def test_average_precision_counts_only_the_top_depth():
    assert metrics.average_precision(RANKING, GRADES, depth=2) == pytest.approx(1 / 3)


def test_average_precision_is_zero_without_relevant_documents():
    assert metrics.average_precision(RANKING, {"n": 0}) == 0.0


def test_precision_at_k_counts_empty_places_as_misses():
    assert metrics.precision_at(RANKING, GRADES, k=10) == pytest.approx(2 / 10)
    assert metrics.precision_at(RANKING, GRADES, k=2) == pytest.approx(1 / 2)


def test_ndcg_divides_the_graded_dcg_by_the_ideal_ordering():
    dcg = 3 / math.log2(2) + 1 / math.log2(4)
    ideal = 3 / math.log2(2) + 2 / math.log2(3) + 1 / math.log2(4)
    assert metrics.ndcg_at(RANKING, GRADES, k=10) == pytest.approx(dcg / ideal)


def test_ndcg_is_one_for_the_ideal_ranking_and_zero_for_no_hits():
    assert metrics.ndcg_at(["a", "e", "c"], GRADES) == pytest.approx(1.0)
    assert metrics.ndcg_at(["x", "y"], GRADES) == 0.0
    assert metrics.ndcg_at([], GRADES) == 0.0


def test_reciprocal_rank_is_one_over_the_first_relevant_rank():
    assert metrics.reciprocal_rank(["x", "y", "c"], GRADES) == pytest.approx(1 / 3)
    assert metrics.reciprocal_rank(["x", "n"], GRADES) == 0.0


def test_a_document_ranked_twice_counts_once_at_its_best_rank():
    assert metrics.precision_at(["a", "a", "a"], GRADES, k=3) == pytest.approx(1 / 3)
    assert metrics.average_precision(["x", "a", "a", "c"], GRADES) == pytest.approx((1 / 2 + 2 / 3) / 3)


@pytest.mark.parametrize(("code", "gain"), [(1, 4), (2, 3), (3, 2), (4, 1), (-1, 1), (5, 0)])
def test_cranfield_codes_map_to_gains(code, gain):
    assert metrics.cranfield_gain(code) == gain


def test_mean_of_nothing_is_zero():
    assert metrics.mean([]) == 0.0
    assert metrics.mean([0.5, 1.0]) == pytest.approx(0.75)

