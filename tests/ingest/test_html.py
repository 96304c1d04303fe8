"""archive/ingest/html.py and the web-page path of ``parse``: main text and metadata of saved pages."""

import pytest

from archive.ingest import IngestError, PartialDate, parse
from archive.ingest.html import declared_charset, looks_like_html
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
