"""archive/ingest/byline.py: what one line of a byline is."""

from archive.ingest.byline import byline_names, inverted_name, is_name, is_place, publisher_line, speaker_in_title


def test_a_by_line_gives_names_and_the_bracketed_organisation():
    assert byline_names("By LU CHUANYING (China Daily Global)") == (("Lu Chuanying",), "China Daily Global")
    assert byline_names("By the authority vested in me as President") is None


def test_a_bracketed_publisher_line_may_name_a_wire_service_first():
    assert publisher_line("(The Jakarta Post)") == "The Jakarta Post"
    assert publisher_line("(ANN/The Straits Times)") == "ANN/The Straits Times"


def test_names_and_places_are_told_apart_by_shape():
    assert is_name("Vincent Fabian Thomas")
    assert not is_name("Jakarta") and not is_name("Asia & Pacific")
    assert is_place("Karachi, Pakistan") and is_place("Jakarta")


def test_a_speech_title_names_its_speaker_without_the_office():
    assert speaker_in_title("Remarks by National Security Advisor Jake Sullivan on the NSS") == "Jake Sullivan"
    assert speaker_in_title("Quad Leaders’ Joint Statement") == ""


def test_a_catalogue_name_is_turned_round():
    assert inverted_name("Howard, John") == "John Howard"
    assert inverted_name("Liberal Party of Australia") == ""
