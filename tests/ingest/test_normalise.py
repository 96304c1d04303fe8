"""archive/ingest/normalise.py: uniform text for the parsed document."""

import pytest

from archive.ingest.normalise import normalise


def test_decomposed_accents_are_composed_to_nfc():
    assert normalise("cafe\u0301") == "caf\u00e9"


def test_no_break_and_narrow_spaces_become_plain_spaces():
    assert normalise("United\u00a0States\u202fof") == "United States of"


def test_soft_hyphens_zero_width_spaces_and_word_joiners_are_removed():
    assert normalise("Pre\u00adsident Biden-\u2060Harris zero\u200bwidth") == "President Biden-Harris zerowidth"


def test_nul_is_removed():
    assert normalise("Maritime\x00 charts\x00") == "Maritime charts"


def test_zero_width_joiners_that_scripts_need_are_kept():
    assert normalise("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") == "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"


def test_crlf_and_lone_cr_become_lf():
    assert normalise("one\r\ntwo\rthree\u2028four") == "one\ntwo\nthree\nfour"


def test_trailing_spaces_are_stripped_from_every_line():
    assert normalise("Print Mail   \nText\t \n") == "Print Mail\nText\n"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("It isnâ€™t over", "It isn’t over"),
        ("â€¢ first point", "• first point"),
        ("the cafÃ© in Paris", "the café in Paris"),
        ("â€œquotedâ€\x9d text", "“quoted” text"),
        ("Â£100 million", "£100 million"),
        ("ä¸­å›½ policy", "中国 policy"),
    ],
)
def test_mojibake_of_utf8_read_as_cp1252_is_repaired(broken, fixed):
    assert normalise(broken) == fixed


@pytest.mark.parametrize(
    "correct",
    [
        "中国的亚太安全合作政策白皮书：（一）坚持共同、综合、合作、可持续的安全观！",
        "Café “quoted” ‘single’ naïve façade, déjà vu — Köln, São Paulo, Zürich.",
        "Fußball 1½ °C ±3 ©2024 ®™ «guillemets» ¿Qué? Ελληνικά Привет мир",
        "It’s the “Indo-Pacific” strategy, isn’t it?",
    ],
)
def test_correct_text_is_left_unchanged(correct):
    assert normalise(correct) == correct


@pytest.mark.parametrize(
    ("escaped", "plain"),
    [
        ("Trade &amp; Security", "Trade & Security"),
        ("United&nbsp;States", "United States"),
        ("China&#8217;s policy", "China’s policy"),
        ("China&#x2019;s policy", "China’s policy"),
        ("Pre&shy;sident", "President"),
    ],
)
def test_html_entities_left_in_text_are_decoded(escaped, plain):
    assert normalise(escaped) == plain


@pytest.mark.parametrize("text", ["AT&T and R&D", "Q&A; more", "a &notanentity here", "fish & chips"])
def test_ampersands_that_are_not_complete_entities_stay(text):
    assert normalise(text) == text


def test_ligatures_from_pdfs_become_letters():
    assert normalise("ﬁnance and ﬂows") == "finance and flows"


def test_runs_of_spaces_inside_a_line_become_one_but_indentation_stays():
    assert normalise("  - item   with    gaps\t\tend") == "  - item with gaps end"


def test_a_megabyte_run_of_spaces_is_normalised_quickly():
    from tests.timing import cost

    with cost() as spent:
        assert normalise("word" + " " * 1_000_000 + "end") == "word end"
    assert spent.within(1), spent
