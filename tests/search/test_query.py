"""parse_query: each element of the syntax, each limit and each message, without an index."""

import re

import pytest
from whoosh import query as wq

from archive.search.query import QueryError, parse_query
from archive.search.whoosh.parser import build_parser
from archive.search.query.lucene import MAX_EXPANSIONS


def _parser():
    """The parser the Whoosh engine reads queries with."""
    from haystack import connections

    return connections["default"].get_backend().query_parser()


def text(query: str) -> str:
    return parse_query(query).text


def engine_query(query: str) -> wq.Query:
    """The query the engine will run, read by the parser it is configured with."""
    return _parser().parse(f"({text(query)})")


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "title:", "((((", "x" * 5000, "   ", 'title: "x"', "(a))(", "()"],
)
def test_malformed_queries_get_a_message(query):
    with pytest.raises(QueryError) as error:
        parse_query(query)
    assert str(error.value)
    assert "Traceback" not in str(error.value)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type a word"),
        ("x" * 501, "the limit is 500"),
        ("x" * 5000, "5,000 characters"),
        ('"trust gaps', "quotation mark is not closed"),
        ("(trust gaps", "brackets do not match"),
        ("trust) (gaps", "brackets do not match"),
        ("title:", '"title:" needs something'),
        ("author: Lu", '"author:" needs something'),
        ("year:abc", "year: takes a year"),
        ("date:[x TO y]", "date: takes a year, a month or a day"),
        ("date:2024-02-30", "is not a date"),
        ("year:[2020 TO 2017]", "ends before it starts"),
        ("[2017 TO 2020]", "Only year: and date: take a range"),
        ("title:[a TO c]", "Only year: and date: take a range"),
        ("kind:memo", "kind: is one of"),
        ("se*", "at least 3 letters before the * or ?"),
        ("*curity", "at least 3 letters before the * or ?"),
        ("title:*", "at least 3 letters before the * or ?"),
        ("Asia-Pac*", "A wildcard works within one word"),
        ("Cambodia~3", "at most 2 differences"),
        ('"trust gaps"~80', "at most 50 apart"),
        ("secur* polic* cooper* digit* asea*", "at most 4 wildcard or fuzzy words"),
        ("(" * 11 + "trust" + ")" * 11, "nested too deeply"),
        (" ".join(f"w{n}" for n in range(41)), "too many words"),
        ("?????", "nothing to search for"),
        ("~ - + ^", "nothing to search for"),
    ],
)
def test_each_problem_has_its_own_message(query, message):
    with pytest.raises(QueryError, match=r"(?i)" + re.escape(message)):
        parse_query(query)


def test_words_are_all_required():
    assert engine_query("trust gaps") == wq.And([wq.Term("text", "trust"), wq.Term("text", "gap")])


def test_curly_quotes_work_as_quotes():
    assert parse_query("“sovereign states”").text == '"sovereign states"'


@pytest.mark.parametrize("query", ["‘sovereign states’", "«sovereign states»", "„sovereign states“", "'sovereign states'"])
def test_every_kind_of_quotation_mark_makes_a_phrase(query):
    assert text(query) == '"sovereign states"'


def test_a_curly_apostrophe_inside_a_word_is_not_a_quote():
    assert text("China’s policies") == '"China\'s" policies'


def test_a_possessive_is_a_phrase_of_its_parts():
    assert engine_query("China's") == wq.Phrase("text", ["china", "s"])


@pytest.mark.parametrize("query", ["Asia-Pacific", "Jakarta-Bandung"])
def test_hyphenated_words_are_phrases_of_their_parts(query):
    assert text(query) == f'"{query}"'
    assert isinstance(engine_query(query), wq.Phrase)


def test_a_leading_hyphen_excludes():
    assert engine_query("security -Cambodia") == wq.And([wq.Term("text", "secur"), wq.Not(wq.Term("text", "cambodia"))])


def test_minus_works_inside_brackets_and_before_phrases_and_fields():
    assert engine_query("(security -Cambodia)") == engine_query("security NOT Cambodia")
    assert engine_query('-"naval base"') == wq.Not(wq.Phrase("text", ["naval", "base"]))
    assert engine_query("-title:digital") == wq.Not(wq.Term("title", "digit"))


def test_plus_means_required_as_every_word_is():
    assert text("+trust +gaps") == "trust gaps"


def test_a_lone_negation_searches_everything_without_the_word():
    assert engine_query("-Cambodia") == wq.Not(wq.Term("text", "cambodia"))


def test_or_and_brackets():
    assert engine_query("(Cambodia OR Vietnam) naval") == wq.And(
        [wq.Or([wq.Term("text", "cambodia"), wq.Term("text", "vietnam")]), wq.Term("text", "naval")]
    )


def test_operators_that_join_nothing_are_words():
    assert text("trust AND") == "trust and"
    assert text("AND OR NOT") == "and or not"
    assert text("NOT") == "not"


def test_a_double_negative_cancels_out():
    assert text("NOT -Cambodia") == "Cambodia"


def test_proximity_is_a_phrase_with_slop():
    assert engine_query('"align interests"~3') == wq.Phrase("text", ["align", "interest"], slop=3)


def test_trailing_star_is_a_bounded_prefix_query():
    query = engine_query("secur*")
    assert isinstance(query, wq.Prefix) and query.text == "secur"


def test_question_mark_inside_a_word_is_a_wildcard_but_at_its_end_punctuation():
    assert isinstance(engine_query("wom?n"), wq.Wildcard)
    assert text("What is ASEAN?") == "What is ASEAN"


def test_fuzzy_words_get_a_shared_prefix():
    one, two = engine_query("Cambodai~1"), engine_query("Cambodai~2")
    assert (one.maxdist, one.prefixlength) == (1, 1)
    assert (two.maxdist, two.prefixlength) == (2, 2)
    assert text("Cambodai~") == "Cambodai~1"  # explicit, so every engine reads the same distance


def test_short_fuzzy_words_are_read_literally():
    assert text("Xi~") == "Xi"


def test_expanding_queries_are_capped():
    from archive.search.whoosh.parser import _CappedFuzzyTerm, _CappedPrefix, _CappedWildcard

    assert all(
        isinstance(engine_query(query), cls)
        for query, cls in [("secur*", _CappedPrefix), ("wom?n", _CappedWildcard), ("Cambodai~1", _CappedFuzzyTerm)]
    )
    assert MAX_EXPANSIONS <= 500


def test_the_parser_refuses_what_parse_query_never_writes():
    parser = build_parser(_parser().schema, "text")
    assert parser.parse("*") is wq.NullQuery or not list(parser.parse("*").leaves())
    assert parser.parse("Cambodai~9").maxdist == 2


def test_unknown_field_is_read_as_a_word():
    assert parse_query("note: trust").text == "note trust"
    assert text("a:b:c") == "a b c"


def test_known_field_maps_to_index_field():
    assert parse_query("author:Lu").text == "authors:Lu"
    assert text('title:"security vision"') == 'title:"security vision"'
    assert text("publisher:(China Daily)") == "(publisher:China publisher:Daily)"


@pytest.mark.parametrize(
    "query", ["kind:white_paper", "kind:white paper", 'kind:"white paper"', "kind:White_Paper", "kind:white papers"]
)
def test_kind_accepts_the_value_or_its_label(query):
    assert text(query) == "kind:white_paper"


def test_kind_in_brackets():
    assert text("kind:(opinion OR article)") == "(kind:opinion OR kind:article)"


def test_year_and_its_range():
    assert text("year:2024") == "year:2024"
    assert text("year:[2017 TO 2020]") == "year:[2017 TO 2020]"
    assert text("year:[2017 TO *]") == "year:[2017 TO 9999]"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:2017", "date:[2017-01-01 TO 2017-12-31]"),
        ("date:2017-01", "date:[2017-01-01 TO 2017-01-31]"),
        ("date:2024-05-16", "date:[2024-05-16 TO 2024-05-16]"),
        ("date:[2017 TO 2020]", "date:[2017-01-01 TO 2020-12-31]"),
        ("date:[2024-02 TO *]", "date:[2024-02-01 TO 9999-12-31]"),
    ],
)
def test_dates_become_day_ranges(query, expected):
    assert text(query) == expected


def test_us_may_acronyms_and_joined_numbers_are_words():
    assert {"us", "mai", "10+1"} <= parse_query("US May U.S. 10+1").terms  # "may" is stemmed


def test_control_characters_and_invisible_marks_are_ignored():
    assert text("trust\x00gaps\u202e\u00ad") == "trust gaps"


def test_lone_surrogates_are_ignored():
    assert text("\ud800security") == "security"


def test_full_width_letters_are_folded():
    assert text("ＡＳＥＡＮ") == "ASEAN"


def test_terms_under_not_are_not_highlighted():
    parsed = parse_query("security NOT Cambodia")
    assert "secur" in parsed.terms
    assert "cambodia" not in parsed.terms
    assert "cambodia" not in parse_query("security -Cambodia").terms


def test_exact_phrases_are_highlighted_whole_and_proximity_words_one_by_one():
    parsed = parse_query('"sovereign states" security Asia-Pacific')
    assert parsed.phrases == {("sovereign", "state"), ("asia", "pacif")}
    assert parsed.terms == {"secur"}
    near = parse_query('"trust gaps"~5')
    assert near.phrases == frozenset() and near.terms == {"trust", "gap"}
    assert parse_query('security -"sovereign states"').phrases == frozenset()


def test_words_are_the_positive_plain_words_in_order():
    parsed = parse_query('trust "naval base" -Cambodia title:digital secur* Asia-Pacific AND')
    assert parsed.words == ("trust", "naval", "base", "Asia-Pacific", "and")


def test_words_can_each_be_searched_on_their_own():
    for word in parse_query("a~~~~9 state/province China’s").words:
        assert parse_query(word).text


def test_only_plain_words_may_be_read_loosely():
    from archive.search.query import parse_query

    assert parse_query("Ream naval base").loosenable
    assert parse_query("(real-gas flow) heat").loosenable
    assert parse_query("Ream -naval base").excluded == ("naval",)
    for query in ['"Ream naval"', "Ream OR naval", "Ream AND naval", "title:Ream", "secur*", "Ream~1"]:
        assert not parse_query(query).loosenable, query


def test_question_marks_around_a_word_are_punctuation():
    from archive.search.query import parse_query

    assert parse_query("?slip? flow").words == ("slip", "flow")


def test_a_long_question_in_prose_drops_its_commonest_words_rather_than_being_refused():
    from archive.search.query import parse_query

    question = "is it possible to determine the forces on a wing " * 5 + "by such a method ."
    parsed = parse_query(question)
    assert "the" not in parsed.words and "wing" in parsed.words and "method" in parsed.words
    with pytest.raises(QueryError):
        parse_query(" OR ".join(f"w{n}" for n in range(45)))


# Questions pasted in prose: punctuation is punctuation, and a long question is read rather than refused.


@pytest.mark.parametrize(
    "question",
    [
        "List all articles on EL1 and ECL (EL1 may be given as EL/1; I don't remember how they did it.",
        'I would like anything on the "new security concept of the Asia-Pacific states',
        "In a message-passing system is there any notion of the types of messages?--i.e. any way to check",
        "Languages that allow definitions of operators like *, + and their overloading rules",
    ],
)
def test_a_question_in_prose_is_read_despite_its_punctuation(question):
    parsed = parse_query(question)
    assert parsed.loosenable and len(parsed.words) >= 5


def test_a_short_query_still_gets_told_about_an_unmatched_bracket_or_quote():
    for query, message in [("(trust gaps", "brackets do not match"), ('"trust gaps', "quotation mark is not closed")]:
        with pytest.raises(QueryError, match=message):
            parse_query(query)


def test_a_pasted_passage_may_run_to_1000_characters():
    passage = " ".join(f"heat transfer {n} in laminar boundary layers of heated plates" for n in range(30))[:1000]
    assert len(passage) == 1000 and parse_query(passage).words
    with pytest.raises(QueryError, match="the limit is 1,000"):
        parse_query(passage + " more")


def test_a_long_question_drops_its_repeated_and_commonest_words_but_keeps_its_phrases():
    question = "The flow of the air and the flow of the water " * 5 + '"shock wave" in the flow of the nozzle'
    parsed = parse_query(question)
    assert parsed.words == ("flow", "air", "water", "shock", "wave", "nozzle")
    assert parsed.quoted == ("shock wave",)
