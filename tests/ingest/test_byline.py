"""archive/ingest/byline.py: what one line of a byline is."""

import pytest

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


def test_an_office_acronym_before_a_speakers_office_is_not_part_of_the_name():
    title = "Statement by NSC Spokesperson Emily Horne on the U.S.-Lithuania Strategic Dialogue on the Indo-Pacific"
    assert speaker_in_title(title) == "Emily Horne"


def test_an_rfc_header_name_keeps_its_initials_and_drops_the_editor_role():
    from archive.ingest.byline import initialled_name
    assert initialled_name("E. Rescorla") == "E. Rescorla"
    assert initialled_name("T. Berners-Lee") == "T. Berners-Lee"
    assert initialled_name("M. Thomson, Ed.") == "M. Thomson"
    assert initialled_name("UC Irvine") == "" and initialled_name("June 1999") == ""


def test_an_author_field_gives_people_without_their_addresses_and_no_collectives():
    from archive.ingest.byline import author_field_names
    field = "Guido van Rossum <guido@python.org>, Barry Warsaw <barry@python.org>, Alyssa Coghlan <ncoghlan@gmail.com>"
    assert author_field_names(field) == ("Guido van Rossum", "Barry Warsaw", "Alyssa Coghlan")
    assert author_field_names("The Python core team and community") == ()


def test_an_authors_label_gives_the_names_after_it_or_announces_a_list():
    from archive.ingest.byline import author_label
    assert author_label("Authors: Jane Smith and John Doe") == ("Jane Smith", "John Doe")
    assert author_label("Authors:") == ()
    assert author_label("Authority") is None


def test_a_title_page_list_run_together_on_one_line_is_split_into_names():
    from archive.ingest.byline import names_in_line
    assert names_in_line("Scott Rose Oliver Borchert Stu Mitchell Sean Connelly") == (
        "Scott Rose", "Oliver Borchert", "Stu Mitchell", "Sean Connelly")
    assert names_in_line("Paul A. Grassi James L. Fenton") == ("Paul A. Grassi", "James L. Fenton")
    assert names_in_line("Vincent Fabian Thomas") == ("Vincent Fabian Thomas",)
    assert names_in_line("This publication is available free of charge") == ()



@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("习　近　平", "习近平"),  # spaced out with ideographic spaces, as official texts print a name under a title
        ("习近平", "习近平"),
        ("习 近 平", "习近平"),  # ordinary spaces
        ("王　　毅", "王毅"),  # a two-character name padded to three characters' width
        ("欧阳修", "欧阳修"),
        ("岸田文雄", "岸田文雄"),  # a Japanese name in kanji
    ],
)
def test_a_cjk_name_alone_on_its_line_is_read_without_its_spacing(line, name):
    from archive.ingest.byline import cjk_name
    assert cjk_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "前言", "引言", "目录", "结束语", "结语", "序言", "总则", "附件",  # headings that open or close a text
        "同志们：", "同志们", "各位代表：",  # salutations
        "国务院", "外交部", "中共中央",  # bodies, not people
        "第一章", "十二",  # labels
        "习", "中华人民共和国宪法",  # too short, too long
        "习近平：", "习近平同志说", "Xi Jinping", "はじめに", "2022年",
    ],
)
def test_headings_salutations_bodies_and_labels_are_no_cjk_names(line):
    from archive.ingest.byline import cjk_name
    assert cjk_name(line) == ""
