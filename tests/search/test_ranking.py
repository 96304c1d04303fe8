"""The ranking model's pieces: which words carry a question, and the query that weighs them."""

import pytest
from whoosh import fields as wf
from whoosh import query as wq

from archive.search.analysis import archive_analyzer
from archive.search.query import parse_query
from archive.search.whoosh.parser import build_parser
from archive.search.ranking import (
    RankingSettings,
    WordStatistics,
    content_words,
    is_ranked,
    ranked_query,
    ranking_settings,
    section_query,
    word_weights,
)

DEFAULTS = RankingSettings()
# An archive of 1,000 documents and 200,000 words, about aerodynamics.
ARCHIVE = WordStatistics(
    documents=1000,
    words=200_000,
    counts={
        "laminar": (120, 600),  # a term of the field: in an eighth of the documents, five times in each
        "boundary": (300, 900),
        "especially": (15, 15),  # a word of phrasing: rare here, and once where it occurs
        "what": (30, 31),
        "problems": (200, 260),
    },
)


def weights(text: str) -> dict[str, float]:
    return word_weights(content_words(parse_query(text)), ARCHIVE, DEFAULTS)


def test_the_words_that_phrase_a_question_weigh_less_than_those_of_its_subject():
    found = weights("What problems arise especially in the laminar boundary layer")
    assert found["laminar"] > found["boundary"] > found["problems"] > found["what"]
    assert found["especially"] == pytest.approx(DEFAULTS.specificity_floor)
    assert found["what"] < 0.2 * found["laminar"]


def test_a_word_unknown_to_the_language_keeps_its_full_weight():
    # "tss" and "kahn" are no common English words: a name or a term of art is never weighed down.
    found = word_weights(["tss", "laminar"], WordStatistics(1000, 200_000, {"tss": (2, 2)}), DEFAULTS)
    assert found["tss"] == pytest.approx(1.0)


def test_a_word_typed_twice_weighs_twice():
    once, twice = weights("laminar boundary"), weights("laminar boundary laminar")
    assert twice["laminar"] == pytest.approx(2 * once["laminar"])


def test_the_commonest_english_words_are_left_out_unless_nothing_else_is_left():
    assert content_words(parse_query("the flow of the air")) == ["flow", "air"]
    assert content_words(parse_query("to be or not")) == ["to", "be", "or", "not"]


@pytest.mark.parametrize(
    ("text", "ranked"),
    [
        ("laminar boundary layer", True),
        ('"boundary layer" laminar', True),  # a phrase among words: weighed, the phrase counting extra
        ('"boundary layer"', False),  # a phrase alone keeps its meaning: only documents with it
        ("laminar AND boundary", False),
        ("title:laminar boundary", False),
        ("lamin* boundary", False),
        ("laminar", False),  # one word: nothing to weigh against
    ],
)
def test_only_plain_words_are_weighed(text, ranked):
    assert is_ranked(parse_query(text)) is ranked


def _parsed(text: str) -> wq.Query:
    schema = wf.Schema(text=wf.TEXT(analyzer=archive_analyzer()), title=wf.TEXT(analyzer=archive_analyzer()))
    return build_parser(schema, "text").parse(text)


def test_the_ranked_query_is_a_disjunction_any_engine_reads():
    text = ranked_query(
        ["laminar", "boundary", "layer"],
        {"laminar": 1.5, "boundary": 1.0, "layer": 0.5},
        DEFAULTS,
        phrases=("boundary layer",),
        excluded=("turbulent",),
    )
    query = _parsed(text)
    assert isinstance(query, wq.And)
    disjunction, exclusion = list(query.children())
    assert isinstance(disjunction, wq.Or) and isinstance(exclusion, wq.Not)  # excluded words stay excluded
    leaves = {(type(leaf).__name__, leaf.fieldname, getattr(leaf, "text", None)) for leaf in query.leaves()}
    assert ("Term", "text", "laminar") in leaves and ("Term", "title", "laminar") in leaves
    phrases = [node for node in disjunction.children() if isinstance(node, wq.Phrase)]
    # The typed phrase, whole, then each pair of neighbouring words within a few positions.
    assert [(p.words, p.slop) for p in phrases] == [
        (["boundari", "layer"], 1),
        (["laminar", "boundari"], DEFAULTS.proximity_slop),
        (["boundari", "layer"], DEFAULTS.proximity_slop),
    ]
    every = [node for node in disjunction.children() if isinstance(node, wq.And)]
    assert len(every) == 1 and len(list(every[0].leaves())) == 3


def test_a_weight_of_nought_leaves_its_clauses_out():
    text = ranked_query(["a1", "b2"], {"a1": 1.0, "b2": 1.0}, RankingSettings(title_weight=0, proximity_weight=0, all_words_weight=0))
    assert text == "(a1^1 OR b2^1)"


def test_sections_are_found_by_the_weighted_words_and_phrases_alone():
    text = section_query({"laminar": 1.5, "layer": 0.5}, phrases=("boundary layer",), excluded=("turbulent",))
    assert text == '(laminar^1.5 OR layer^0.5 OR "boundary layer") NOT turbulent'


def test_settings_override_the_defaults_and_refuse_unknown_names(settings):
    settings.SEARCH_RANKING = {"feedback": False, "title_weight": 0.5}
    chosen = ranking_settings()
    assert (chosen.feedback, chosen.title_weight, chosen.proximity_weight) == (False, 0.5, DEFAULTS.proximity_weight)
    settings.SEARCH_RANKING = {"title_wieght": 0.5}
    with pytest.raises(ValueError, match="title_wieght"):
        ranking_settings()


def test_words_are_split_as_the_index_splits_them():
    # "U.S." is the index's "us" (one of the commonest words), never the letters "u" and "s"; "10+1" stays whole.
    assert content_words(parse_query("U.S. tariffs on ASEAN 10+1 trade")) == ["tariffs", "asean", "10+1", "trade"]
