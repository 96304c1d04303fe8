"""archive/ingest/dates.py: dates with the precision printed."""

import pytest

from archive.ingest.dates import labelled_date, parse_date
from archive.ingest.model import PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January 2017", PartialDate(2017, 1)),
        ("2017", PartialDate(2017)),
        ("Thu, August 4, 2022", PartialDate(2022, 8, 4)),
        ("2024-05-16", PartialDate(2024, 5, 16)),
        ("(October 12, 2022)", PartialDate(2022, 10, 12)),
        ("2024-04-24 12:00:00 +0800", PartialDate(2024, 4, 24)),
    ],
)
def test_a_date_line_is_read_with_its_printed_precision(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["First Edition 2017", "May 2014 at the summit in Shanghai", "PACC 263 /00", "1 2 3", ""])
def test_a_line_that_is_not_only_a_date_is_not_a_date(text):
    assert parse_date(text) is None


def test_a_labelled_web_page_date_is_read_after_its_label():
    assert labelled_date("Updated: 2024-05-16") == PartialDate(2024, 5, 16)
    assert labelled_date("Updated: Jan 11, 2017") == PartialDate(2017, 1, 11)


def test_an_unlabelled_line_is_not_a_labelled_date():
    assert labelled_date("January 2017") is None


def test_a_dateline_with_a_place_gives_its_date():
    from archive.ingest.dates import dateline_date
    assert dateline_date("20 May 2023, Hiroshima") == PartialDate(2023, 5, 20)
    assert dateline_date("Karachi, Pakistan") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-12-17", PartialDate(2022, 12, 17)),
        ("17 December 2022", PartialDate(2022, 12, 17)),
        ("December 17, 2022", PartialDate(2022, 12, 17)),
        ("Dec. 2022", PartialDate(2022, 12)),
        ("2022年10月16日", PartialDate(2022, 10, 16)),
        ("（2018年1月2日）", PartialDate(2018, 1, 2)),
        ("二〇一八年一月二日", PartialDate(2018, 1, 2)),
        ("05-Jul-2001", PartialDate(2001, 7, 5)),
        ("19.12.2009", PartialDate(2009, 12, 19)),
        ("3.6.2022", PartialDate(2022, 6, 3)),  # dotted numeric dates are written day first
        ("[23rd May 2018]", PartialDate(2018, 5, 23)),
        ("MARCH 2023", PartialDate(2023, 3)),
    ],
)
def test_every_common_spelling_of_a_date_is_read(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["version 4.6.2.0", "1.3 2018", "2018.12", "1995/96", "31.02.2020", "Version 1.1"])
def test_version_numbers_and_impossible_dates_are_not_dates(text):
    assert parse_date(text) is None


def test_a_copyright_footer_and_a_version_number_give_no_date_inside_a_line():
    from archive.ingest.dates import find_dates
    assert find_dates("© 2024 The Jakarta Post. All rights reserved.") == []
    assert find_dates("Copyright (C) The Internet Society (1999).") == []
    assert find_dates("Framework version 2018-04 update") == []


def test_dates_are_found_inside_a_line_with_their_printed_precision():
    from archive.ingest.dates import find_dates
    found = find_dates("Resolution adopted by the General Assembly on 26 November 2025")
    assert [f.date for f in found] == [PartialDate(2025, 11, 26)]
    assert [f.date for f in find_dates("1986年2月18日 国务院发布")] == [PartialDate(1986, 2, 18)]


def test_a_line_of_nothing_but_dates_gives_all_of_them():
    from archive.ingest.dates import dates_only
    assert dates_only("MARCH 2023 March 1, 2023") == [PartialDate(2023, 3), PartialDate(2023, 3, 1)]
    assert dates_only("Category: Standards Track August 2018") == []


def test_an_all_numeric_date_keeps_only_its_year_until_its_order_is_settled():
    from archive.ingest.dates import DAY_FIRST, MONTH_FIRST
    assert parse_date("03-02-2020") == PartialDate(2020)
    assert parse_date("03-02-2020", DAY_FIRST) == PartialDate(2020, 2, 3)
    assert parse_date("03-02-2020", MONTH_FIRST) == PartialDate(2020, 3, 2)
    assert parse_date("13-02-2020") == PartialDate(2020, 2, 13)  # only one reading exists


def test_the_order_is_settled_by_the_documents_other_dates_then_its_language_then_its_host():
    from archive.ingest.dates import DAY_FIRST, MONTH_FIRST, date_order
    assert date_order(["Issued 20/09/2000, effective 03/10/2000"]) == DAY_FIRST
    assert date_order(["Filed 8/15/2020"], "en-GB") == MONTH_FIRST  # the document outweighs its language
    assert date_order(["no dates"], "en-US") == MONTH_FIRST
    assert date_order(["no dates"], "de") == DAY_FIRST
    assert date_order(["no dates"], "", "https://www.dfat.gov.au/news") == DAY_FIRST
    assert date_order(["no dates"], "", "https://www.nist.gov/news") == MONTH_FIRST
    assert date_order(["no dates"], "en", "https://example.com/") is None


def test_a_real_release_settles_its_own_day_month_order():
    from archive.ingest.dates import DAY_FIRST, date_order
    from tests.ingest.fixtures import CORPUS
    text = (CORPUS / "au-pr-2000-09-20-defence-east-timor-peacekeeping-anniversary.txt").read_text(encoding="utf-8")
    assert date_order(text.splitlines()) == DAY_FIRST  # "20/09/2000 Departmental 263/00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年10月16日", PartialDate(2022, 10, 16)),
        ("2022年10月", PartialDate(2022, 10)),
        ("2022年", PartialDate(2022)),
        ("2022 年 10 月 16 日", PartialDate(2022, 10, 16)),
        ("２０２２年１０月１６日", PartialDate(2022, 10, 16)),  # full-width digits
        ("（２０２２年１０月）", PartialDate(2022, 10)),
        ("（2022年10月16日）", PartialDate(2022, 10, 16)),  # full-width brackets
        ("(2022年10月16日)", PartialDate(2022, 10, 16)),  # ASCII brackets
        ("二〇二二年十月十六日", PartialDate(2022, 10, 16)),
        ("二〇二二年十月", PartialDate(2022, 10)),
        ("二〇二二年", PartialDate(2022)),
        ("二○二二年十二月三十一日", PartialDate(2022, 12, 31)),  # zero typed as a white circle
        ("一九九九年零月", None),
        ("二零二零年二月三十日", None),  # no such day
        ("令和5年4月1日", PartialDate(2023, 4, 1)),  # a Japanese era year
        ("令和元年5月1日", PartialDate(2019, 5, 1)),  # the era's first year
        ("平成三十一年四月三十日", PartialDate(2019, 4, 30)),
        ("令和５年", PartialDate(2023)),
        ("2023년 4월 1일", PartialDate(2023, 4, 1)),
        ("2023년 4월", PartialDate(2023, 4)),
    ],
)
def test_chinese_japanese_and_korean_dates_keep_their_printed_precision(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2022年以来", "2022年工作要点", "十月十六日", "第二十次全国代表大会"])
def test_a_cjk_line_that_is_more_than_a_date_is_not_a_date(text):
    assert parse_date(text) is None


def test_cjk_dates_inside_a_line_are_found_in_full_width_digits_and_era_years_too():
    from archive.ingest.dates import find_dates
    text = "根据２０１１年１月８日《决定》修订，令和5年4月1日施行，2022年以来"
    found = find_dates(text)
    assert [f.date for f in found] == [PartialDate(2011, 1, 8), PartialDate(2023, 4, 1)]
    assert text[found[0].start:found[0].end] == "２０１１年１月８日"  # places in the line as printed
