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


def test_a_cjk_run_is_indexed_as_its_overlapping_pairs_each_at_its_own_position():
    found = [(token.text, token.pos, token.startchar, token.endchar)
             for token in archive_analyzer()("中国式现代化", positions=True, chars=True)]
    assert found == [("中国", 0, 0, 2), ("国式", 1, 1, 3), ("式现", 2, 2, 4), ("现代", 3, 3, 5), ("代化", 4, 4, 6)]
    assert tokens("台") == ["台"] and tokens("東南アジア") == ["東南", "南ア", "アジ", "ジア"]
    assert tokens("경제협력") == ["경제", "제협", "협력"]


def test_latin_text_splits_as_before_and_apart_from_cjk_beside_it():
    text = "U.S. policies on China's 10+1 ASEAN合作, e.g. Asia-Pacific"
    assert tokens(text) == ["us", "polici", "on", "china", "s", "10+1", "asean", "合作", "eg", "asia", "pacif"]
    positions = [(t.startchar, t.endchar) for t in archive_analyzer()("U.S. ASEAN合作", chars=True)]
    assert positions == [(0, 4), (5, 10), (10, 12)]


def test_a_typed_query_keeps_a_cjk_run_whole_for_the_engine_to_read_as_a_phrase():
    from archive.search.analysis import query_words

    assert query_words("ASEAN 10+1 合作 中国式现代化 U.S.") == ["asean", "10+1", "合作", "中国式现代化", "us"]
