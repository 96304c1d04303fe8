"""archive/ingest/html_metadata.py: the metadata a web page declares, repaired where the libraries go wrong.

Read through ``read_page_blocks``, whose front matter is this module's answer.
"""

from pathlib import Path

import pytest

from archive.ingest import parse
from archive.ingest.html import read_page_blocks
from tests.ingest.html_samples import HEADLINE, STRUCTURE, ledger_page, news_page


def test_metadata_comes_from_the_og_and_article_tags():
    page = read_page_blocks(news_page())
    assert page.front.fields == {
        "title": "ASEAN and China agree on a maritime code",
        "publisher": "The Straits Times",
        "date": "2024-05-16",
        "source_url": "https://www.straitstimes.com/asia/asean-china-code",
        "authors": ["Tan Hui Yee"],
        "language": "en",
    }
    assert page.description == "Negotiators close two decades of talks with a text both sides can sign"


@pytest.mark.parametrize(
    "head",
    [
        # og:title keeps the site's name after a bar; plain trafilatura keeps it in the title
        f'<meta property="og:title" content="{HEADLINE} | Pacific Ledger"><meta property="og:site_name" content="Pacific Ledger">',
        f"<title>Pacific Ledger :: Markets :: {HEADLINE}</title>",  # the name is the logo's alt text
        f'<title>{HEADLINE} — PacificLedger</title><link rel="canonical" href="https://pacificledger.example/a">',
        f"<title>{HEADLINE} · Pacific Ledger</title>",
    ],
)
def test_the_title_loses_the_sites_name_before_or_after_it(head):
    assert read_page_blocks(ledger_page(head)).front.fields["title"] == HEADLINE


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="author" content="Pacific Ledger Staff">',  # plain trafilatura: "Pacific Ledger Staff"
        '<meta property="og:site_name" content="Pacific Ledger"><meta name="author" content="Pacific Ledger">',
        '<meta name="author" content="Editorial Board">',
    ],
)
def test_an_author_that_is_the_site_or_a_label_is_no_author(head):
    assert "authors" not in read_page_blocks(ledger_page(f"<title>{HEADLINE}</title>{head}")).front.fields


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("<p>Mariko Sato</p><p>Wednesday 17 April 2024, 9:12 am</p>", "2024-04-17"),  # a dateline under the byline
        ("<p>Published 17 April 2024</p><p>Updated 19 April 2024</p>", "2024-04-17"),
        ("<p>Mariko Sato</p>", None),  # plain trafilatura: 2019-01-01, the copyright footer's first year
        ("<p>Embargoed until 17 April 2031</p>", None),  # a date in the future is no publication date
    ],
)
def test_a_printed_date_is_found_but_never_a_copyright_year_or_a_future_date(byline, expected):
    fields = read_page_blocks(ledger_page(f"<title>{HEADLINE}</title>", byline)).front.fields
    assert fields.get("date") == expected


def test_a_declared_date_wins_over_dates_printed_in_the_page():
    head = (f"<title>{HEADLINE}</title>"
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-04-16T22:00:00Z"}</script>')
    page = read_page_blocks(ledger_page(head, "<p>Updated 19 April 2024</p>"))
    assert page.front.fields["date"] == "2024-04-16"


def test_a_page_without_a_published_date_gets_none_not_the_footer_year():
    page = news_page().replace('<meta property="article:published_time" content="2024-05-16T08:30:00+08:00">', "")
    assert parse(page.encode(), "page.html").date is None


@pytest.fixture(scope="module")
def structure_pages():
    names = ["au-marriage-act-1961-compilation-2004.html", "eu-dir-2002-58-eprivacy-consolidated-2009.html",
             "eu-reg-2022-868-data-governance-act.html", "rfc8446-auth48-xml2rfc.html"]
    return {name: read_page_blocks((STRUCTURE / name).read_bytes().decode("utf-8")) for name in names}


def test_the_rfc_gets_its_declared_title_month_and_creator_not_trafilaturas_guesses(structure_pages):
    # plain trafilatura: title "Abstract", author "Certificate Authorities", date 2010-02-04 (from a reference)
    assert structure_pages["rfc8446-auth48-xml2rfc.html"].front.fields == {
        "title": "The Transport Layer Security (TLS) Protocol Version 1.3",
        "date": "2018-08",
        "creators": ["Rescorla, E."],
        "language": "en",
    }


def test_a_catalogue_number_or_file_name_as_page_title_gives_way_to_the_documents_title(structure_pages):
    # <title>L_2022152EN.01000101.xml</title> and "Consolidated TEXT: 32002L0058 — EN — 19.12.2009"
    dga = structure_pages["eu-reg-2022-868-data-governance-act.html"].front.fields
    assert dga["title"].startswith("REGULATION (EU) 2022/868 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL")
    eprivacy = structure_pages["eu-dir-2002-58-eprivacy-consolidated-2009.html"].front.fields
    assert eprivacy["title"].startswith("DIRECTIVE 2002/58/EC OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL")
    assert eprivacy["publisher"] != "19.12.2009"  # trafilatura's site name for it


def test_a_page_without_a_title_takes_its_first_heading_and_no_date_cited_in_its_text(structure_pages):
    # htmldate's extensive search returns 1995-04-18, a date in an amendment note
    assert structure_pages["au-marriage-act-1961-compilation-2004.html"].front.fields == {"title": "MARRIAGE ACT 1961"}


def test_a_chinese_title_with_a_year_is_no_catalogue_number():
    body = "<h1>第一章 总纲</h1><p>" + "中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。" * 3 + "</p>"
    page = read_page_blocks(f"<!DOCTYPE html><html><head><title>中华人民共和国宪法 2018</title></head><body>{body}</body></html>")
    assert page.front.fields["title"] == "中华人民共和国宪法 2018"


PAGE = """<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title></head><body>
<header><a href="/">{site}</a></header>
<article><h1>{headline}</h1><p>Posted: 03/04/2023 5:42 PM</p>
<p>The county board voted on Friday night to move the start of the school day later for every high school.</p>
<p>Parents who spoke at the meeting were split over what the change would mean for bus routes and sport.</p>
<p>The district will publish the new timetable before the end of the spring term, the board said.</p></article>
</body></html>"""


def test_a_chinese_sites_underscore_between_headline_and_name_is_not_part_of_the_title():
    markup = PAGE.format(lang="zh-CN", title="多地出台秋粮收购新政_东方日报网", site="东方日报网", headline="多地出台秋粮收购新政")
    assert read_page_blocks(markup).front.fields["title"] == "多地出台秋粮收购新政"


US_PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "web" / "09-us-numeric-date.html"


def test_the_page_declares_its_language_and_a_month_first_language_settles_a_numeric_date():
    markup = US_PAGE.read_text(encoding="utf-8")  # lang="en-US", "Posted: 03/04/2023"
    assert read_page_blocks(markup).front.fields["language"] == "en-US"
    assert parse(markup.encode(), US_PAGE.name).date.iso() == "2023-03-04"


def test_a_day_first_language_reads_the_same_numeric_date_as_3_april():
    markup = US_PAGE.read_text(encoding="utf-8").replace('lang="en-US"', 'lang="en-GB"')
    assert parse(markup.encode(), US_PAGE.name).date.iso() == "2023-04-03"
