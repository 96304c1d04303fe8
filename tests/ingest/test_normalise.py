"""archive/ingest/normalise.py: uniform text for the parsed document."""

from archive.ingest.normalise import normalise


def test_decomposed_accents_are_composed_to_nfc():
    assert normalise("cafe\u0301") == "caf\u00e9"


def test_no_break_and_narrow_spaces_become_plain_spaces():
    assert normalise("United\u00a0States\u202fof") == "United States of"


def test_soft_hyphens_zero_width_spaces_and_word_joiners_are_removed():
    assert normalise("Pre\u00adsident Biden-\u2060Harris zero\u200bwidth") == "President Biden-Harris zerowidth"


def test_zero_width_joiners_that_scripts_need_are_kept():
    assert normalise("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") == "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"


def test_crlf_and_lone_cr_become_lf():
    assert normalise("one\r\ntwo\rthree\u2028four") == "one\ntwo\nthree\nfour"


def test_trailing_spaces_are_stripped_from_every_line():
    assert normalise("Print Mail   \nText\t \n") == "Print Mail\nText\n"
