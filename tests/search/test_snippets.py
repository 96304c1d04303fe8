from archive.search.snippets import _term, mark_spans, snippet


def test_matching_words_are_marked():
    html = str(snippet("A rebuke of US trade policies.", frozenset({"us"})))
    assert "<mark>US</mark>" in html


def test_text_is_escaped_in_snippets():
    html = str(snippet("<script>alert('US')</script> and the US", frozenset({"us"})))
    assert "<script>" not in html
    assert "&lt;/script&gt;" in html


def test_without_a_match_the_opening_is_shown():
    assert str(snippet("Opening words of the section.", frozenset({"absent"}))).startswith("Opening words")


def test_passages_open_near_each_match_and_stem_forms_are_marked():
    text = ("Opening remarks. " * 30) + "The policies changed. " + ("Filler words here. " * 30) + "One policy stayed."
    html = str(snippet(text, frozenset({"polici"}), width=80))
    assert html.startswith("… ") and "<mark>policies</mark>" in html and "<mark>policy</mark>" in html
    assert html.endswith("<mark>policy</mark> stayed.")


def test_a_match_deep_in_a_long_section_is_found():
    text = "word " * 10_000 + "Natuna"
    assert "<mark>Natuna</mark>" in str(snippet(text, frozenset({"natuna"})))


def test_marks_are_whole_tokens_as_the_analyzer_reads_them():
    text = "U.S. and US\u00a0Security; the S.E.C. in İstanbul (10+1)"
    marked = lambda *terms: [text[start:end] for start, end in mark_spans(text, frozenset(terms))]  # noqa: E731
    assert marked("us") == ["U.S.", "US"]
    assert marked("s") == []  # "S" inside "U.S." and "S.E.C." is no word of its own
    assert marked("secur") == ["Security"]  # after a non-breaking space
    assert marked("sec") == ["S.E.C."]
    assert marked(_term("İstanbul")) == ["İstanbul"]
    assert marked("10+1") == ["10+1"]


def test_exact_phrases_are_marked_whole_and_only_where_whole():
    text = "China and the South China Sea; south of China, the sea."
    marked = [text[start:end] for start, end in mark_spans(text, frozenset(), frozenset({("south", "china", "sea")}))]
    assert marked == ["South China Sea"]
    both = mark_spans(text, frozenset({"china"}), frozenset({("south", "china", "sea")}))
    assert [text[start:end] for start, end in both] == ["China", "South China Sea", "China"]  # no mark inside another
    html = str(snippet(text, frozenset(), phrases=frozenset({("south", "china", "sea")})))
    assert "<mark>South China Sea</mark>" in html and html.count("<mark>") == 1


def test_a_phrase_across_a_paragraph_break_is_marked_word_by_word():
    text = "Claims in the South China\n\nSea were discussed."
    marked = [text[start:end] for start, end in mark_spans(text, frozenset(), frozenset({("south", "china", "sea")}))]
    assert marked == ["South", "China", "Sea"]


def test_a_phrase_found_by_its_longest_word_is_read_back_to_its_first():
    text = "The module is here. Of the module, the rest; the\nmodule again and module alone."
    marked = [text[start:end] for start, end in mark_spans(text, frozenset(), frozenset({("the", "modul")}))]
    assert marked == ["The module", "the module", "the", "module"]
    marked = [text[start:end] for start, end in mark_spans(text, frozenset({"rest"}), frozenset({("the", "modul")}))]
    assert marked == ["The module", "the module", "rest", "the", "module"]


def test_a_limit_keeps_the_first_marks_of_words_and_phrases():
    text = "the module " * 5 + "x" * 50
    assert len(mark_spans(text, frozenset({"modul"}), frozenset({("the", "modul")}), limit=3)) == 3


def test_cjk_words_are_marked_as_written_and_phrases_across_punctuation():
    text = "中国式现代化是现代化。台湾是中国的一部分，台湾问题。中国 国家"
    def marked(terms=(), phrases=()):
        return [text[start:end] for start, end in mark_spans(text, frozenset(terms), frozenset(phrases))]
    assert marked({"台湾"}) == ["台湾", "台湾"]
    assert marked(phrases={("现代", "代化")}) == ["现代化", "现代化"]
    assert marked(phrases={("中国", "国式", "式现", "现代", "代化")}) == ["中国式现代化"]
    assert marked(phrases={("中国", "国家")}) == ["中国 国家"]  # two runs, next to each other
    assert marked({"台湾"}, {("现代", "代化")}) == ["现代化", "现代化", "台湾", "台湾"]


def _passages_of(html: str) -> list[str]:
    """The passages of a snippet as plain text (marks and the ellipses between passages dropped)."""
    import re
    from html import unescape

    plain = unescape(re.sub(r"</?mark>", "", html))
    return [part.strip() for part in plain.split("…") if part.strip()]


def test_passages_whose_windows_overlap_are_joined_never_repeated():
    text = "security " + "filler " * 12 + "region. Common security means respect for all."
    html = str(snippet(text, frozenset({"secur"}), width=80))
    passages = _passages_of(html)
    assert len(passages) == 1, html
    assert passages[0].count("region.") == 1 and passages[0].count("filler") == 12
    assert html.count("<mark>security</mark>") == 2


def test_no_snippet_of_the_seeds_repeats_its_own_text(seeded):
    from archive.models import Section

    queries = [("common", "security", "means"), ("security",), ("security", "framework"), ("china", "asean"),
               ("region",), ("cooperation", "security")]
    checked = 0
    for section in Section.objects.all():
        text = section.text
        for words in queries:
            for fragments in (1, 2, 3):
                html = str(snippet(text, frozenset(_term(word) for word in words), fragments=fragments, width=120))
                position = 0
                for passage in _passages_of(html):
                    found = text.find(passage, position)
                    assert found >= position, (section.pk, words, html)
                    position = found + len(passage)
                checked += 1
    assert checked > 100
