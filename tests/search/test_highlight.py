from archive.search.highlight import snippet


def test_matching_words_are_marked():
    html = str(snippet("A rebuke of US trade policies.", frozenset({"us"})))
    assert "<mark>US</mark>" in html


def test_text_is_escaped_in_snippets():
    html = str(snippet("<script>alert('US')</script> and the US", frozenset({"us"})))
    assert "<script>" not in html
    assert "&lt;/script&gt;" in html


def test_without_a_match_the_opening_is_shown():
    assert str(snippet("Opening words of the section.", frozenset({"absent"}))).startswith("Opening words")
