"""archive/ingest/markdown.py: Markdown and inline HTML reduced to plain lines."""

from archive.ingest.markdown import BULLET, markdown_to_text


def test_emphasis_is_removed():
    assert markdown_to_text("**2.** **CONNECTED** and ***FREE AND OPEN*** and __Peter Layton__") == (
        "2. CONNECTED and FREE AND OPEN and Peter Layton"
    )


def test_underscores_inside_words_are_kept():
    assert markdown_to_text("see snake_case_name") == "see snake_case_name"


def test_a_link_wrapped_over_two_lines_becomes_its_text():
    assert markdown_to_text("[Read the full strategy\nhere](https://example.gov/x.pdf)") == "Read the full strategy\nhere"


def test_inline_html_tags_are_removed_and_their_text_kept():
    assert markdown_to_text("21<sup>st</sup> century **<u>COOPERATION</u>**") == "21st century COOPERATION"


def test_html_entities_are_decoded():
    assert markdown_to_text("Asia &amp; Pacific&nbsp;") == "Asia & Pacific\u00a0"


def test_backslash_escapes_are_resolved():
    assert markdown_to_text("7\\. The Chinese") == "7. The Chinese"


def test_list_bullets_become_one_bullet_character():
    assert markdown_to_text("-   *Investing in democratic institutions*") == f"{BULLET}Investing in democratic institutions"


def test_thematic_breaks_become_blank_lines():
    assert markdown_to_text("text\n\n---\n\nbio") == "text\n\n\n\nbio"


def test_atx_headings_keep_their_hashes():
    assert markdown_to_text("### A Strategy for **Worrying** Times") == "### A Strategy for Worrying Times"


def test_a_wholly_italic_paragraph_keeps_one_mark_at_each_end():
    assert markdown_to_text("*A 21<sup>st</sup>-Century Partnership for the\nPacific*") == (
        "_A 21st-Century Partnership for the\nPacific_")


def test_a_pull_quote_in_emphasised_code_is_dropped():
    assert markdown_to_text("Text.\n\n___`The solution is denial`___\n\nMore.") == "Text.\n\n\n\nMore."


def test_an_unnumbered_bold_line_becomes_a_heading_and_a_numbered_one_its_own_paragraph():
    assert "### INVESTING AT HOME" in markdown_to_text("**<u>INVESTING AT HOME</u>**  \nText.")
    assert markdown_to_text("**I. Purpose**  \nThe purpose.").split("\n\n")[1] == "I. Purpose"
