"""archive/ingest/formal_headers.py: the fixed headers of RFCs, UN resolutions, gazettes and Chinese legislation."""

import pytest

from archive.ingest.formal_headers import header_line, rfc_header
from archive.ingest.model import PartialDate
from tests.ingest.structure_reading import read_blocks


def test_an_rfc_first_page_gives_stream_author_and_date_from_its_two_columns():
    blocks, _, _ = read_blocks("rfc8446.txt")
    facts = rfc_header(blocks[0].lines)
    assert facts.issuer == "Internet Engineering Task Force (IETF)"
    assert facts.authors == ("E. Rescorla",)  # "Mozilla" under the name is an affiliation
    assert facts.dates == (PartialDate(2018, 8),)
    assert "Category: Standards Track" in facts.cues


def test_an_older_rfc_header_lists_every_author_in_the_right_column():
    blocks, _, _ = read_blocks("rfc2616.txt")
    facts = rfc_header(blocks[0].lines)
    assert facts.issuer == "Network Working Group"
    assert facts.authors == ("R. Fielding", "J. Gettys", "J. Mogul", "H. Frystyk", "L. Masinter", "P. Leach",
                             "T. Berners-Lee")
    assert facts.dates == (PartialDate(1999, 6),)


def test_columns_kept_apart_by_spaces_are_read_the_same_way():
    lines = ["Network Working Group                      E. Rescorla", "Internet-Draft                         RTFM, Inc.",
             "Intended status: Standards Track           March 3, 2017", "Expires: September 4, 2017"]
    facts = rfc_header(lines)
    assert facts.authors == ("E. Rescorla",)
    assert facts.dates == (PartialDate(2017, 3, 3),)  # the expiry date is a left-column field


def test_a_block_without_an_rfc_field_is_no_rfc_header():
    assert rfc_header(["Network Working Group R. Fielding", "Some text"]) is None


def test_a_un_resolution_header_gives_organ_adoption_date_and_title():
    assert header_line("United Nations").publisher == "United Nations"
    assert header_line("General Assembly Distr.: General 1 December 2025").organ == "General Assembly"
    adopted = header_line("Resolution adopted by the General Assembly on 26 November 2025")
    assert adopted.versions == (PartialDate(2025, 11, 26),) and adopted.organ == "General Assembly"
    assert header_line("80/11. 2025 review of the United Nations peacebuilding architecture").title == (
        "2025 review of the United Nations peacebuilding architecture")
    assert header_line("[without reference to a Main Committee (A/80/L.5)]") is not None


def test_a_security_council_adoption_line_gives_its_meeting_date():
    facts = header_line("Adopted by the Security Council at its 9479th meeting, on 15 November 2023")
    assert facts.organ == "Security Council" and facts.versions == (PartialDate(2023, 11, 15),)


@pytest.mark.parametrize(
    ("line", "issuer", "versions"),
    [
        ("1986年2月18日 国务院发布", "国务院", (PartialDate(1986, 2, 18),)),
        ("2002年8月22日 中华人民共和国国务院令第361号公布", "国务院", (PartialDate(2002, 8, 22),)),
        ("1982年12月4日 第五届全国人民代表大会第五次会议通过", "全国人民代表大会", (PartialDate(1982, 12, 4),)),
        ("（2002年8月22日中华人民共和国国务院令第361号公布 根据2011年1月8日《国务院关于废止和修改部分行政法规的决定》修订）",
         "国务院", (PartialDate(2002, 8, 22), PartialDate(2011, 1, 8))),
        ("中共中央 国务院", "中共中央 国务院", ()),
    ],
)
def test_a_chinese_issuance_line_gives_the_issuing_body_and_the_dates_of_each_act(line, issuer, versions):
    facts = header_line(line)
    assert (facts.issuer, facts.versions) == (issuer, versions)


def test_a_chinese_date_line_without_an_act_is_left_to_the_date_reader():
    assert header_line("（2018年1月2日）") is None


def test_a_gazette_header_names_the_gazette_the_issue_date_and_the_rule_it_amends():
    running = header_line("Federal Register / Vol. 85, No. 152 / Thursday, August 6, 2020 / Proposed Rules")
    assert running.publisher == "Federal Register" and running.dates == (PartialDate(2020, 8, 6),)
    assert header_line("14 CFR Part 39").cues == ("14 CFR Part 39",)
    assert header_line("RIN 2120–AA64") is not None
    assert header_line("[Docket No. FAA–2020–0686; Product Identifier 2019–NM–035–AD]") is not None


def test_an_official_journals_header_row_and_a_consolidations_number_are_header_lines():
    row = header_line("3.6.2022 | EN | Official Journal of the European Union | L 152/1")
    assert row.publisher == "Official Journal of the European Union" and row.dates == (PartialDate(2022, 6, 3),)
    assert header_line("02002L0058 — EN — 19.12.2009 — 002.001").versions == (PartialDate(2009, 12, 19),)


def test_series_and_version_lines_are_cues():
    assert header_line("NIST Special Publication 800-207").cues == ("NIST Special Publication 800-207",)
    assert header_line("Version 1.1").cues == ("Version 1.1",)
    assert header_line("国发〔2018〕12号").cues == ("国发〔2018〕12号",)


@pytest.mark.parametrize("line", ["The General Assembly,", "中华人民共和国宪法", "Zero Trust Architecture", "Abstract"])
def test_ordinary_lines_are_no_formal_header(line):
    assert header_line(line) is None


def test_a_version_line_with_its_date_gives_the_date():
    facts = header_line("Version 4, 12 March 2009")
    assert facts.dates == (PartialDate(2009, 3, 12),) and facts.cues == ("Version 4, 12 March 2009",)
