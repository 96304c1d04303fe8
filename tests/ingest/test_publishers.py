"""archive/ingest/publishers.py: one name per publisher, from a byline or from the capture's address."""

from archive.ingest.publishers import expand_abbreviations, publisher_for_url, same_publisher, split_publisher


def test_a_known_host_and_its_subdomains_name_the_publisher():
    assert publisher_for_url("https://bidenwhitehouse.archives.gov/briefing-room/x/") == "The White House"
    assert publisher_for_url("http://www.thejakartapost.com/opinion/2022/08/03/a.html") == "The Jakarta Post"


def test_an_unknown_host_gives_no_publisher():
    assert publisher_for_url("https://example.org/a") == ""
    assert publisher_for_url("not a url") == ""


def test_a_wire_prefix_and_an_edition_suffix_are_split_off():
    assert split_publisher("ANN/The Straits Times") == ("The Straits Times", "")
    assert split_publisher("China Daily Global") == ("China Daily", "China Daily Global")


def test_catalogue_abbreviations_and_capitals_are_spelled_out():
    assert expand_abbreviations("DEPT OF DEFENCE") == "Department of Defence"
    assert expand_abbreviations("Dept of Defence") == "Department of Defence"


def test_a_leading_the_does_not_make_two_publishers():
    assert same_publisher("The Jakarta Post", "jakarta post")


def test_a_bodys_name_loses_the_acronyms_and_the_city_printed_after_it():
    from archive.ingest.publishers import body_name
    assert body_name("Federal Aviation Administration (FAA), DOT.") == "Federal Aviation Administration"
    assert body_name("the Office of Legislative Drafting, Attorney-General's Department, Canberra") == (
        "Office of Legislative Drafting, Attorney-General's Department")
    assert body_name("Department of Defence") == "Department of Defence"


def test_official_hosts_name_their_publishers():
    assert publisher_for_url("https://eur-lex.europa.eu/eli/reg/2022/868/oj/eng") == "EUR-Lex"
    assert publisher_for_url("https://digitallibrary.un.org/record/4093123") == "United Nations"
