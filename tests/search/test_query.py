import pytest

from archive.search.query import QueryError, parse_query


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "title:", "((((", "x" * 5000, "   ", 'title: "x"', "(a))(", "()"],
)
def test_malformed_queries_get_a_message(query):
    with pytest.raises(QueryError) as error:
        parse_query(query)
    assert str(error.value)
    assert "Traceback" not in str(error.value)


def test_curly_quotes_work_as_quotes():
    assert parse_query("“sovereign states”").text == '"sovereign states"'


def test_unknown_field_is_read_as_a_word():
    assert parse_query("note: trust").text == "note trust"


def test_known_field_maps_to_index_field():
    assert parse_query("author:Lu").text == "authors:Lu"


def test_terms_under_not_are_not_highlighted():
    parsed = parse_query("security NOT Cambodia")
    assert "secur" in parsed.terms
    assert "cambodia" not in parsed.terms


def test_phrase_words_are_highlight_terms():
    assert {"sovereign", "state"} <= parse_query('"sovereign states"').terms
