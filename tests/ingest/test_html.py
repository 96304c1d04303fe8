"""archive/ingest/html.py and the web-page path of ``parse``: what is a web page, its charset, and which of its
blocks are the text (the whole page for a law or an RFC, the article for a news page)."""

import pytest

from archive.ingest import IngestError, PartialDate, parse
from archive.ingest.blocks import CONTENTS, HEADING
from archive.ingest.html import declared_charset, looks_like_html, read_page_blocks
from tests.ingest.fixtures import all_paragraphs
from tests.ingest.html_samples import HEADLINE, STRUCTURE, ledger_page, news_page


class TestNewsPage:
    """A saved news page with navigation, a share bar, related articles, comments and a footer, through ``parse``."""

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


class TestNewsPageBlocks:
    """The news page above, read as blocks: trafilatura's main text."""

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


def test_the_block_reader_reads_the_decoded_text_whatever_charset_the_page_declared():
    page = read_page_blocks(news_page("gb2312").replace("in café-style talks", "在雅加达举行的会谈中"))
    assert page.blocks[-1].text.endswith("在雅加达举行的会谈中.")


@pytest.mark.parametrize("filename", ["capture.txt", ""])
def test_html_bytes_are_read_as_a_web_page_whatever_the_name(filename):
    doc = parse(news_page().encode(), filename)
    assert doc.title == "ASEAN and China agree on a maritime code"
    assert doc.publisher == "The Straits Times"


@pytest.mark.parametrize(
    "body", ["", "<nav><a href='/'>Home</a> <a href='/login'>Log in</a></nav>", "<script>render()</script>"]
)
def test_a_page_with_no_text_is_refused_in_one_line(body):
    page = f"<!DOCTYPE html><html><head><title>x</title></head><body>{body}</body></html>"
    for read in (lambda: read_page_blocks(page), lambda: parse(page.encode(), "empty.html")):
        with pytest.raises(IngestError, match="^no article text found in the web page") as error:
            read()
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


def test_a_long_comment_thread_does_not_pull_the_page_into_a_whole_reading():
    comment = "<div class='comment'><p>{} I have followed these figures for years and the trend is clear enough.</p></div>"
    thread = "<section id='comments'>" + "".join(comment.format(f"Reader {n}:") for n in range(30)) + "</section>"
    page = read_page_blocks(ledger_page(f"<title>{HEADLINE}</title>", after=thread))
    assert not page.whole_page
    assert not any("Reader" in b.text for b in page.blocks)
    assert "Chips lead the recovery" in [b.text for b in page.blocks if b.kind == HEADING]


@pytest.mark.parametrize(
    "name",
    ["au-marriage-act-1961-compilation-2004.html", "eu-dir-2002-58-eprivacy-consolidated-2009.html",
     "eu-reg-2022-868-data-governance-act.html", "rfc8446-auth48-xml2rfc.html"],
)
def test_laws_and_rfcs_are_read_whole(name):
    assert read_page_blocks((STRUCTURE / name).read_bytes().decode("utf-8")).whole_page


def test_an_rfc_keeps_every_heading_and_its_contents_list():
    rfc = read_page_blocks((STRUCTURE / "rfc8446-auth48-xml2rfc.html").read_bytes().decode("utf-8"))
    assert sum(b.kind == HEADING for b in rfc.blocks) == 140  # 138 sections, the title, "Table of Contents"
    assert sum(b.kind == CONTENTS for b in rfc.blocks) == 122


def test_a_law_inside_a_sites_menus_is_read_whole_without_the_menus_link_lists():
    raw = (STRUCTURE / "eu-dir-2002-58-eprivacy-consolidated-2009.html").read_text(encoding="utf-8")
    menu = "<ul>" + "".join(f'<li><a href="/topic/{n}">Topic {n} of the site menu</a></li>' for n in range(40)) + "</ul>"
    chrome = f'<div class="site-menu">{menu}</div><div class="sidebar"><h3>Quick links</h3>{menu}</div>'
    page = read_page_blocks(raw.replace("<body>", f"<body>{chrome}", 1))
    assert page.whole_page
    assert sum(b.text.startswith("Article ") for b in page.blocks if b.kind == HEADING) == 23
    assert not any("of the site menu" in b.text for b in page.blocks)
