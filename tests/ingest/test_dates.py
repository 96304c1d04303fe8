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
