"""archive/ingest/longtext.py: over-long lines and paragraphs are split, at sentence ends where possible."""

from archive.ingest.longtext import split_long, split_long_lines

SENTENCE = "The parties agreed to notify each other of large exercises. "


def test_text_within_the_limit_is_returned_whole():
    assert split_long("Short text.", 100) == ["Short text."]
    assert split_long_lines("a\nb\n", 100) == "a\nb\n"


def test_a_long_paragraph_is_split_after_sentences_into_bounded_pieces():
    pieces = split_long(SENTENCE * 50, 500)
    assert all(len(p) <= 500 for p in pieces)
    assert all(p.endswith("exercises.") for p in pieces)
    assert " ".join(pieces) == (SENTENCE * 50).strip()


def test_chinese_text_is_split_after_a_full_stop():
    pieces = split_long("各方同意就大规模演习相互通报。" * 100, 400)
    assert all(len(p) <= 400 and p.endswith("。") for p in pieces)


def test_text_without_sentence_ends_is_split_at_spaces_then_anywhere():
    assert all(len(p) <= 100 and not p.startswith(" ") for p in split_long("word " * 100, 100))
    assert split_long("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]


def test_long_lines_become_separate_paragraphs_with_blank_lines():
    text = split_long_lines("Title\n" + SENTENCE * 20, 300)
    lines = text.split("\n")
    assert lines[0] == "Title"
    assert "" in lines[1:]
    assert max(len(line) for line in lines) <= 300


def test_a_short_paragraph_stays_whole_and_a_long_one_is_split():
    assert split_long("short.", 200) == ["short."]
    assert len(split_long(SENTENCE * 10, 200)) > 1
