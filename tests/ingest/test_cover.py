"""archive/ingest/cover.py: statements on a cover or first page, and at the end, read without leaving the body."""

from archive.ingest.blocks import heading, paragraph
from archive.ingest.cover import closing_dates, cover_line, read_cover
from archive.ingest.model import PartialDate
from tests.ingest.structure_reading import read_blocks

LONG = ("This publication has been developed by the Institute in accordance with its statutory responsibilities under "
        "the Act of 2014, and is responsible for developing standards and guidelines for federal systems.")


def test_a_rules_agency_field_names_the_issuer_without_acronyms():
    facts = cover_line("AGENCY: Federal Aviation Administration (FAA), DOT. ACTION: Notice of proposed rulemaking (NPRM).")
    assert facts.issuer == "Federal Aviation Administration"
    assert facts.cues == ("ACTION: Notice of proposed rulemaking (NPRM).",)


def test_compilation_notes_give_the_compilation_date_and_who_prepared_it():
    text = ("This compilation was prepared on 18 August 2004 taking into account amendments up to Act No. 126 of 2004 "
            "Prepared by the Office of Legislative Drafting, Attorney-General's Department, Canberra")
    facts = cover_line(text)
    assert facts.versions == (PartialDate(2004, 8, 18),)
    assert facts.publisher == "Office of Legislative Drafting, Attorney-General's Department"


def test_an_enacting_formula_in_capitals_names_the_legislator():
    facts = cover_line("THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,")
    assert facts.issuer == "The European Parliament and the Council of the European Union"


def test_the_cover_gives_a_date_alone_on_a_line_and_the_body_its_series_spells_out():
    blocks = [heading("Zero Trust Architecture", 1, "font"), paragraph("August 2020"),
              paragraph("National Institute of Standards and Technology Walter Copan, NIST Director"),
              paragraph("U.S. Department of Commerce Wilbur L. Ross, Jr., Secretary"), paragraph(LONG)]
    facts = read_cover(blocks, "Zero Trust Architecture", series=("NIST Special Publication 800-207",))
    assert facts.dates == (PartialDate(2020, 8),)
    assert facts.issuer == "National Institute of Standards and Technology"


def test_a_body_named_after_the_first_full_paragraph_is_not_on_the_cover():
    blocks = [paragraph("A title"), paragraph(LONG), paragraph("Department of Homeland Security")]
    assert read_cover(blocks, "A title").issuer == ""


def test_a_last_updated_line_at_the_end_is_a_closing_date():
    assert closing_dates([paragraph("Text."), paragraph("Last updated: 23 July 2015")]) == [PartialDate(2015, 7, 23)]


def test_a_real_act_compilation_names_its_date_and_preparer():
    blocks, _, _ = read_blocks("au-marriage-act-1961-compilation-2004.html")
    facts = read_cover(blocks, "Marriage Act 1961")
    assert facts.versions == (PartialDate(2004, 8, 18),)
    assert facts.publisher == "Office of Legislative Drafting, Attorney-General's Department"
