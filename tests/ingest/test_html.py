"""archive/ingest/html.py and the web-page path of ``parse``: main text, blocks and metadata of saved pages."""

from pathlib import Path

import pytest

from archive.ingest import IngestError, PartialDate, parse
from archive.ingest.blocks import CONTENTS, HEADING
from archive.ingest.html import declared_charset, looks_like_html, read_page_blocks
from tests.ingest.fixtures import all_paragraphs

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<title>ASEAN and China agree on a maritime code | The Straits Times</title>
<meta property="og:title" content="ASEAN and China agree on a maritime code">
<meta property="og:site_name" content="The Straits Times">
<meta property="og:url" content="https://www.straitstimes.com/asia/asean-china-code">
<meta property="og:description" content="Negotiators close two decades of talks with a text both sides can sign">
<meta property="article:published_time" content="2024-05-16T08:30:00+08:00">
<meta property="article:author" content="Tan Hui Yee">
<meta name="author" content="Tan Hui Yee">
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/asia">Asia</a></li><li><a href="/world">World</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<div class="share-bar"><a href="https://facebook.com/share">Share on Facebook</a>
<a href="https://twitter.com/intent">Share on X</a> <a href="mailto:">Email this article</a></div>
<main>
<article>
<h1>ASEAN and China agree on a maritime code</h1>
<p class="byline">By Tan Hui Yee</p>
<p>JAKARTA – Foreign ministers of the Association of Southeast Asian Nations and China on Thursday agreed on
the text of a code of conduct for the South China Sea, closing more than two decades of negotiations that had
repeatedly stalled over the scope of the document.</p>
<p>The agreement, announced after a day of talks in Jakarta, commits the parties to notify each other of large
exercises and to refrain from occupying uninhabited features, officials said.</p>
<h2>What the code covers</h2>
<p>The code applies to all waters claimed by the parties, a formula that allowed negotiators to sidestep
disputes over the legal basis of the competing claims. It sets up a hotline between the foreign ministries.</p>
<p>Analysts said the text falls short of what the Philippines and Vietnam had sought, because it is not
legally binding and contains no mechanism for settling disputes.</p>
<h2>What happens next</h2>
<p>The code must now be ratified by each member state before it enters into force, a process that diplomats
expect to take at least two years given the parliamentary procedures in several countries.</p>
<p>“This is a beginning, not an end,” Indonesia’s foreign minister told reporters after the meeting, adding
that trust would be built through practice rather than through texts alone, in café-style talks.</p>
</article>
<aside class="related"><h3>Related articles</h3><ul>
<li><a href="/a">Philippines protests Chinese coast guard manoeuvres near Second Thomas Shoal again</a></li>
<li><a href="/b">Vietnam expands its outposts in the Spratlys, satellite images show</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><div class="comment">
<p>Great news for the region, finally some progress after all these years!</p></div></section>
</main>
<footer><p>Copyright © 2024 SPH Media Limited. All rights reserved.</p>
<p><a href="/terms">Terms of use</a> | <a href="/privacy">Privacy policy</a></p></footer>
</body>
</html>
"""


def news_page(charset: str = "utf-8") -> str:
    return NEWS_PAGE.replace("{charset}", charset)


class TestNewsPage:
    """A saved news page with navigation, a share bar, related articles, comments and a footer."""

    doc = parse(news_page().encode("utf-8"), "asean-code.html")

    def test_title_comes_from_the_page_metadata_without_the_site_suffix(self):
        assert self.doc.title == "ASEAN and China agree on a maritime code"

    def test_author_site_name_date_and_url_come_from_og_and_article_tags(self):
        assert self.doc.authors == ("Tan Hui Yee",)
        assert self.doc.publisher == "The Straits Times"
        assert self.doc.date == PartialDate(2024, 5, 16)
        assert self.doc.source_url == "https://www.straitstimes.com/asia/asean-china-code"

    def test_the_description_is_the_subtitle_not_part_of_the_title(self):
        assert self.doc.subtitle == "Negotiators close two decades of talks with a text both sides can sign"

    def test_h2_headings_become_sections_as_in_markdown(self):
        assert [(s.label, s.heading) for s in self.doc.sections] == [
            ("", ""),
            ("", "What the code covers"),
            ("", "What happens next"),
        ]
        assert self.doc.sections[0].paragraphs[0].startswith("JAKARTA – Foreign ministers")
        assert self.doc.sections[2].paragraphs[-1].endswith("in café-style talks.")

    def test_navigation_share_bar_related_articles_comments_and_footer_do_not_survive(self):
        text = "\n".join(all_paragraphs(self.doc))
        for debris in ("Subscribe", "Share on Facebook", "Email this article", "Related articles", "Second Thomas",
                       "Spratlys", "Great news for the region", "Copyright", "SPH Media", "Privacy policy"):
            assert debris not in text

    def test_the_byline_is_not_a_paragraph(self):
        assert not any(p.startswith("By Tan Hui Yee") for p in all_paragraphs(self.doc))


def test_a_page_in_the_charset_its_meta_tag_declares_is_read_in_it():
    raw = news_page("windows-1252").encode("cp1252")
    doc = parse(raw, "page.htm")
    assert doc.encoding == "cp1252"
    assert "Indonesia’s foreign minister" in doc.sections[-1].paragraphs[-1]
    assert "café-style" in doc.sections[-1].paragraphs[-1]


def test_a_gb2312_page_is_read_as_gb18030_its_superset():
    page = news_page("gb2312").replace("in café-style talks", "在雅加达举行的会谈中").replace("café", "")
    doc = parse(page.encode("gb18030"), "page.html")
    assert doc.encoding == "gb18030"
    assert "在雅加达举行的会谈中" in doc.sections[-1].paragraphs[-1]


def test_a_page_without_a_published_date_gets_none_not_the_footer_year():
    page = news_page().replace('<meta property="article:published_time" content="2024-05-16T08:30:00+08:00">', "")
    assert parse(page.encode(), "page.html").date is None


@pytest.mark.parametrize("filename", ["capture.txt", ""])
def test_html_bytes_are_read_as_a_web_page_whatever_the_name(filename):
    doc = parse(news_page().encode(), filename)
    assert doc.title == "ASEAN and China agree on a maritime code"
    assert doc.publisher == "The Straits Times"


@pytest.mark.parametrize(
    "body", ["", "<nav><a href='/'>Home</a> <a href='/login'>Log in</a></nav>", "<script>render()</script>"]
)
def test_a_page_with_no_article_text_is_refused_in_one_line(body):
    page = f"<!DOCTYPE html><html><head><title>x</title></head><body>{body}</body></html>"
    with pytest.raises(IngestError, match="^no (article|body) text found") as error:
        parse(page.encode(), "empty.html")
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<!DOCTYPE html>\n<html>", True),
        (b"\xef\xbb\xbf  <html lang='en'>", True),
        (b"<!-- saved from url=(0042)https://www.example.org/ -->\n<html>", True),
        ("<!DOCTYPE html><html>".encode("utf-16-le"), True),
        (b"A title\n\nText that mentions <html> in passing.", False),
        (b"<p>a fragment</p>", False),
    ],
)
def test_html_is_recognised_only_when_the_bytes_clearly_start_a_page(head, expected):
    assert looks_like_html(head) is expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="gb2312">', "gb2312"),
        (b"<meta charset=utf-8>", "utf-8"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "windows-1252"),
        (b"<html><head><title>none</title>", None),
    ],
)
def test_the_declared_charset_is_read_from_either_meta_form(head, expected):
    assert declared_charset(b"<!DOCTYPE html><html><head>" + head) == expected


# ---------------------------------------------------------------------------------------------------
# read_page_blocks: the block reader and the repaired web-page metadata.

STRUCTURE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "structure"
HEADLINE = "Japan's exports rise for third month as chip demand recovers"
ARTICLE = """<p>TOKYO – Japan's exports rose for a third straight month in March as demand for chips and
chip-making equipment recovered, government data showed on Wednesday, easing worries about the export-reliant
economy as the central bank weighs its next policy move.</p>
<p>Exports climbed 7.3 per cent from a year earlier, the finance ministry said, beating the median forecast of
economists. Shipments to China, the country's biggest trading partner, rose for the first time in five months.</p>
<h2>Chips lead the recovery</h2>
<p>Semiconductor equipment accounted for most of the gain, the data showed, while car exports to the United
States slipped after a strong run last year that had been driven by a weaker yen and pent-up demand.</p>
<p>Economists said the figures support the view that the economy will return to growth in the current quarter,
although they cautioned that weak consumption at home remains the main drag on the recovery.</p>
"""


def ledger_page(head: str, byline: str = "", after: str = "") -> str:
    """A news page of a made-up site: logo link, navigation, related links, a footer with a copyright range."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body>
<header class="site-header"><a href="/" class="logo"><img src="/logo.svg" alt="Pacific Ledger"></a>
<nav><ul><li><a href="/markets">Markets</a></li><li><a href="/asia">Asia</a></li><li><a href="/opinion">Opinion</a></li>
<li><a href="/newsletters">Newsletters</a></li></ul></nav></header>
<main><article><h1>{HEADLINE}</h1>{byline}{ARTICLE}</article>
<aside class="related"><h3>More from Markets</h3><ul>
<li><a href="/m/1">Yen slides to a 34-year low against the dollar as traders test officials</a></li>
<li><a href="/m/2">Bank of Japan keeps rates on hold, signals patience on further tightening</a></li></ul></aside>
{after}</main>
<footer><p>Copyright © 2019–2024 Pacific Ledger Media Group. All rights reserved.</p>
<p><a href="/terms">Terms</a> | <a href="/privacy">Privacy</a></p></footer></body></html>"""


class TestNewsPageBlocks:
    """The news page above, read as blocks: trafilatura's main text, the page's own metadata."""

    page = read_page_blocks(news_page())

    def test_the_main_text_is_taken_without_the_pages_boilerplate(self):
        assert not self.page.whole_page
        text = " ".join(b.text for b in self.page.blocks)
        for debris in ("Subscribe", "Share on Facebook", "Related articles", "Great news", "Copyright", "By Tan"):
            assert debris not in text

    def test_headings_keep_their_tag_level(self):
        assert [(b.level, b.text) for b in self.page.blocks if b.kind == HEADING] == [
            (1, "ASEAN and China agree on a maritime code"), (2, "What the code covers"), (2, "What happens next"),
        ]

    def test_metadata_comes_from_the_og_and_article_tags(self):
        assert self.page.front.fields == {
            "title": "ASEAN and China agree on a maritime code",
            "publisher": "The Straits Times",
            "date": "2024-05-16",
            "source_url": "https://www.straitstimes.com/asia/asean-china-code",
            "authors": ["Tan Hui Yee"],
        }
        assert self.page.description == "Negotiators close two decades of talks with a text both sides can sign"


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
        ("<p>Mariko Sato</p><p>Wednesday 17 April 2024, 9:12 am</p>", "2024-04-17"),  # read_page found none
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


def test_a_long_comment_thread_does_not_pull_the_page_into_a_whole_reading():
    comment = "<div class='comment'><p>{} I have followed these figures for years and the trend is clear enough.</p></div>"
    thread = "<section id='comments'>" + "".join(comment.format(f"Reader {n}:") for n in range(30)) + "</section>"
    page = read_page_blocks(ledger_page(f"<title>{HEADLINE}</title>", after=thread))
    assert not page.whole_page
    assert not any("Reader" in b.text for b in page.blocks)
    assert "Chips lead the recovery" in [b.text for b in page.blocks if b.kind == HEADING]


@pytest.mark.parametrize(
    "body", ["", "<nav><a href='/'>Home</a> <a href='/login'>Log in</a></nav>", "<script>render()</script>"]
)
def test_a_page_with_no_text_is_refused_in_one_line_by_the_block_reader(body):
    with pytest.raises(IngestError, match="^no article text found") as error:
        read_page_blocks(f"<!DOCTYPE html><html><head><title>x</title></head><body>{body}</body></html>")
    assert "\n" not in str(error.value)


@pytest.fixture(scope="module")
def structure_pages():
    names = ["au-marriage-act-1961-compilation-2004.html", "eu-dir-2002-58-eprivacy-consolidated-2009.html",
             "eu-reg-2022-868-data-governance-act.html", "rfc8446-auth48-xml2rfc.html"]
    return {name: read_page_blocks((STRUCTURE / name).read_bytes().decode("utf-8")) for name in names}


def test_laws_and_rfcs_are_read_whole_with_their_headings(structure_pages):
    for name, page in structure_pages.items():
        assert page.whole_page, name
    rfc = structure_pages["rfc8446-auth48-xml2rfc.html"]
    assert sum(b.kind == HEADING for b in rfc.blocks) == 140  # 138 sections, the title, "Table of Contents"
    assert sum(b.kind == CONTENTS for b in rfc.blocks) == 122


def test_the_rfc_gets_its_declared_title_month_and_creator_not_trafilaturas_guesses(structure_pages):
    # plain trafilatura: title "Abstract", author "Certificate Authorities", date 2010-02-04 (from a reference)
    assert structure_pages["rfc8446-auth48-xml2rfc.html"].front.fields == {
        "title": "The Transport Layer Security (TLS) Protocol Version 1.3",
        "date": "2018-08",
        "creators": ["Rescorla, E."],
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


def test_a_law_inside_a_sites_menus_is_read_whole_without_the_menus_link_lists():
    raw = (STRUCTURE / "eu-dir-2002-58-eprivacy-consolidated-2009.html").read_text(encoding="utf-8")
    menu = "<ul>" + "".join(f'<li><a href="/topic/{n}">Topic {n} of the site menu</a></li>' for n in range(40)) + "</ul>"
    chrome = f'<div class="site-menu">{menu}</div><div class="sidebar"><h3>Quick links</h3>{menu}</div>'
    page = read_page_blocks(raw.replace("<body>", f"<body>{chrome}", 1))
    assert page.whole_page
    assert sum(b.text.startswith("Article ") for b in page.blocks if b.kind == HEADING) == 23
    assert not any("of the site menu" in b.text for b in page.blocks)


def test_the_block_reader_reads_the_decoded_text_whatever_charset_the_page_declared():
    page = read_page_blocks(news_page("gb2312").replace("in café-style talks", "在雅加达举行的会谈中"))
    assert page.blocks[-1].text.endswith("在雅加达举行的会谈中.")


def test_a_chinese_title_with_a_year_is_no_catalogue_number():
    body = "<h1>第一章 总纲</h1><p>" + "中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。" * 3 + "</p>"
    page = read_page_blocks(f"<!DOCTYPE html><html><head><title>中华人民共和国宪法 2018</title></head><body>{body}</body></html>")
    assert page.front.fields["title"] == "中华人民共和国宪法 2018"
