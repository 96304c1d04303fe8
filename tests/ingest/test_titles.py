"""archive/ingest/titles.py: how a title is shown, and what a title says about its issuer."""

import pytest

from archive.ingest.titles import (
    acronyms_in, chapter_heading, clean_title, display_title, is_generic_heading, issuer_in_title, title_and_description,
)


@pytest.mark.parametrize(
    ("printed", "shown"),
    [
        ("SUBMISSION TO CABINET", "Submission to Cabinet"),
        ("PAPER BY EAST ASIA SECTION FOR PLIMSOLL AND LOOMES", "Paper by East Asia Section for Plimsoll and Loomes"),
        ("MARRIAGE ACT 1961", "Marriage Act 1961"),
        ("US POLICY IN THE UN", "US Policy in the UN"),  # two-letter acronyms stay
        ("AMENDMENT XIV", "Amendment XIV"),  # Roman numerals stay
        ("FACT SHEET: Indo-Pacific Strategy of the United States", "FACT SHEET: Indo-Pacific Strategy of the United States"),
        ("PLA in the new era", "PLA in the new era"),
    ],
)
def test_a_title_in_capitals_is_shown_in_title_case_and_others_as_printed(printed, shown):
    assert display_title(printed) == shown


def test_a_document_type_line_in_capitals_before_the_rest_of_the_title_is_title_cased():
    printed = ("REGULATION (EU) 2022/868 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 30 May 2022 on European data "
               "governance (Data Governance Act) (Text with EEA relevance)")
    assert display_title(printed) == ("Regulation (EU) 2022/868 of the European Parliament and of the Council of 30 May "
                                      "2022 on European data governance (Data Governance Act)")


def test_a_stray_colon_after_a_catalogued_title_is_dropped():
    assert display_title("2025 review of the United Nations peacebuilding architecture :") == (
        "2025 review of the United Nations peacebuilding architecture")


def test_a_numbered_chapter_heading_splits_into_label_and_heading():
    assert chapter_heading("5 Authenticator and Verifier Requirements") == ("5", "Authenticator and Verifier Requirements")
    assert chapter_heading("09 Principles and actions") == ("09", "Principles and actions")
    assert chapter_heading("2025 review of the United Nations") == ("", "2025 review of the United Nations")


@pytest.mark.parametrize("heading", ["PREAMBLE", "Abstract", "Table of Contents", "Status of This Memo", "序言"])
def test_headings_that_open_many_texts_are_generic(heading):
    assert is_generic_heading(heading)


def test_a_real_title_is_not_generic():
    assert not is_generic_heading("Zero Trust Architecture")


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        ("中共中央 国务院关于实施乡村振兴战略的意见", "中共中央 国务院"),
        ("最高人民法院关于审理票据纠纷案件若干问题的规定", "最高人民法院"),
        ("关于实行专业技术职务聘任制度的规定", ""),
        ("Directive 2002/58/EC of the European Parliament and of the Council of 12 July 2002 concerning the processing",
         "European Parliament and Council"),
        ("Council Regulation (EC) No 1234/2007 of 22 October 2007 establishing a common organisation", "Council"),
        ("China's Policies on Asia-Pacific Security Cooperation", ""),
    ],
)
def test_a_title_that_names_its_issuing_body_gives_the_issuer(title, issuer):
    assert issuer_in_title(title) == issuer


def test_a_catalogue_full_stop_and_a_footnote_mark_are_dropped():
    assert clean_title("Strengthening Australia's defences.") == "Strengthening Australia's defences"
    assert clean_title("Security Treaty between Australia and the United States[1]") == (
        "Security Treaty between Australia and the United States")


def test_a_description_that_is_a_sentence_is_the_standfirst():
    assert title_and_description("Title", "A sentence that ends.") == ("Title", "A sentence that ends.")


def test_a_capitals_title_keeps_the_acronyms_its_text_prints_in_capitals():
    acronyms = acronyms_in(["The FAO Code of Conduct applies to all members.", "RULES FOR ALL MEMBERS OF THE BOARD"])
    assert acronyms == frozenset({"FAO"})
    assert display_title("FAO CODE OF CONDUCT", acronyms) == "FAO Code of Conduct"
