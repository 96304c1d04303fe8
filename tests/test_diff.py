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
