from archive.search.analysis import archive_analyzer


def tokens(text: str) -> list[str]:
    return [token.text for token in archive_analyzer()(text)]


def test_stop_words_and_short_tokens_are_kept():
    assert tokens("US May a I") == ["us", "mai", "a", "i"]


def test_dotted_acronym_meets_its_plain_spelling():
    assert tokens("U.S.") == tokens("US")


def test_joined_numbers_stay_one_token():
    assert "10+1" in tokens("the 10+1 dialogue")


def test_words_are_stemmed_so_plurals_match():
    assert tokens("securities") == tokens("security")
