"""archive/ingest/paragraphs.py: the hard-wrapped lines of a block joined into paragraphs."""

from archive.ingest.paragraphs import ends_sentence, join_block


def test_a_line_that_does_not_end_a_sentence_is_joined_with_the_next():
    block = ["Last month, Cambodia allowed foreign warships to access its", "Ream naval base in a clear bid."]
    joined = "Last month, Cambodia allowed foreign warships to access its Ream naval base in a clear bid."
    assert join_block(block) == [joined]


def test_a_line_broken_before_a_name_is_joined():
    block = ["In April, just before President", "Xi Jinping's Southeast Asian tour , Beijing outlined a",
             "new security doctrine."]
    assert join_block(block) == [
        "In April, just before President Xi Jinping's Southeast Asian tour , Beijing outlined a new security doctrine."
    ]


def test_consecutive_lines_that_end_sentences_are_separate_paragraphs():
    block = ["Russian vessels also docked at Ream.", "The Phnom Penh Post reported it."]
    assert join_block(block) == block


def test_a_sentence_end_followed_by_a_lower_case_line_is_a_wrapped_sentence():
    joined = "agreement in the Congress said so. and more."
    assert join_block(["agreement in the", "Congress said so.", "and more."]) == [joined]


def test_an_abbreviation_at_a_line_end_does_not_end_the_paragraph():
    assert join_block(["bipartisan agreement in the U.S.", "Congress that the United States must, too."]) == [
        "bipartisan agreement in the U.S. Congress that the United States must, too."
    ]


def test_a_word_hyphenated_across_lines_is_rejoined():
    assert join_block(["a multi-", "layered framework."]) == ["a multi-layered framework."]


def test_list_items_are_separate_paragraphs():
    assert join_block(["• Investing in institutions", "• Improving transparency"]) == [
        "• Investing in institutions", "• Improving transparency"]


def test_runs_of_spaces_inside_a_paragraph_collapse():
    assert join_block(["Print   Mail"]) == ["Print Mail"]


def test_closing_quotes_after_the_full_stop_still_end_a_sentence():
    assert ends_sentence("'It is for the people of Asia to run the affairs of Asia.'")
    assert ends_sentence("sovereign states directly concerned”.")
    assert not ends_sentence("access its")


def test_a_line_of_closing_punctuation_is_glued_without_a_space():
    assert join_block(["The writer is ambassador of China to ASEAN", "."]) == [
        "The writer is ambassador of China to ASEAN."]


def test_the_italic_marks_around_a_wholly_italic_block_are_removed():
    assert join_block(["_A 21st-Century Partnership for the", "Pacific_"]) == ["A 21st-Century Partnership for the Pacific"]


def test_chinese_lines_end_their_paragraph_at_closing_punctuation_or_when_short():
    heading, body = "一、新时代实施乡村振兴战略的重大意义", "党的十八大以来，在以习近平同志为核心的党中央坚强领导下，农业农村发展取得了历史性成就。"
    assert join_block([heading, body, body]) == [heading, body, body]


def test_wrapped_chinese_lines_join_without_a_space():
    assert join_block(["我们要坚持以推动高质量发展为主题，推动经济实现质", "的有效提升和量的合理增长。"]) == [
        "我们要坚持以推动高质量发展为主题，推动经济实现质的有效提升和量的合理增长。"
    ]
