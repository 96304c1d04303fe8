""""Did you mean": offered when a query finds nothing, and only when the correction finds something."""

from archive.search.results import search_documents


def test_a_misspelt_word_gets_a_correction_that_finds_documents(seeded):
    page = search_documents("Cambodai")
    assert page.count == 0
    assert page.suggestion == "Cambodia"  # written as the word was typed
    assert search_documents(page.suggestion).count == 1


def test_only_the_unknown_word_is_corrected(seeded):
    page = search_documents("naval Cambodai")
    assert page.suggestion.lower() == "naval cambodia"


def test_no_suggestion_when_the_correction_would_find_nothing_either(seeded):
    # Both words have close spellings in the archive, but no document holds the two together.
    assert search_documents("Cambodai Prefaec").suggestion == ""


def test_no_suggestion_when_the_query_finds_documents(seeded):
    assert search_documents("Cambodia").suggestion == ""


def test_nonsense_gets_no_suggestion(seeded):
    assert search_documents("qqxjzvw").suggestion == ""
