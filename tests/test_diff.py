from archive.diff import word_diff
from archive.sanitize import diff_html


def test_changed_words_are_marked_added_and_removed():
    diff = word_diff("Vietnam has been open about its ties.", "Vietnam has been candid about its ties.")
    assert (diff.added_words, diff.removed_words) == (1, 1)
    html = str(diff_html(diff.pieces))
    assert "<del>open </del>" in html and "<ins>candid </ins>" in html


def test_identical_texts_have_no_changes():
    diff = word_diff("Same words here.", "Same words here.")
    assert (diff.added_words, diff.removed_words) == (0, 0)


def test_diff_text_is_escaped():
    html = str(diff_html(word_diff("a", "a <script>x</script>").pieces))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_quotation_marks_and_dashes_that_differ_only_in_style_are_the_same_unless_exact():
    old = "Beijing's \"unilateral bullying\" - a rebuke -- of 2017-2018."
    new = "Beijing’s “unilateral bullying” – a rebuke — of 2017–2018."
    assert (word_diff(old, new).added_words, word_diff(old, new).removed_words) == (0, 0)
    assert "".join(piece.text for piece in word_diff(old, new).pieces) == new  # shown as the newer text has it
    exact = word_diff(old, new, exact=True)
    assert exact.added_words == exact.removed_words == 6
    # A real change still shows, and an apostrophe is not ignored when it is a letter's worth of difference.
    assert word_diff("its view", "it’s view").added_words == 1


def test_a_changed_quotation_mark_at_a_paragraphs_end_does_not_split_the_paragraph():
    diff = word_diff('He said "no"\n\nNext paragraph.', "He said “no”\n\nNext paragraph.", exact=True)
    html = str(diff_html(diff.pieces))
    assert html == "He said <del>\"no\"</del><ins>“no”</ins><br><br>Next paragraph."


def test_side_by_side_rows_pair_the_paragraphs():
    from archive.sanitize import diff_side_html

    diff = word_diff("One old.\n\nTwo same.\n\nThree gone", "One new.\n\nTwo same.\n\nThree")
    rows = [(str(left), str(right)) for left, right in diff_side_html(diff.pieces)]
    assert rows == [
        ("One <del>old.</del>", "One <ins>new.</ins>"),
        ("Two same.", "Two same."),
        ("Three <del>gone</del>", "Three "),
    ]
