"""archive/ingest/html_blocks.py: the block stream of an HTML page, on real laws and RFCs and on small pages."""

import json
import re
from pathlib import Path

import lxml.html
import pytest

from archive.ingest.blocks import CONTENTS, HEADING, LIST_ITEM, PARAGRAPH, TABLE
from archive.ingest.html_blocks import from_trafilatura, read_blocks

STRUCTURE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "structure"


def blocks_of(markup: str):
    return read_blocks(lxml.html.document_fromstring(markup).body).blocks


def read_file(name: str):
    return read_blocks(lxml.html.document_fromstring((STRUCTURE / name).read_bytes()).body).blocks


def outline(name: str) -> list[str]:
    """Return the expected headings of a structure-corpus file as "label heading", depth first."""
    def walk(nodes):
        for node in nodes:
            yield f"{node['label']} {node['heading']}".strip()
            yield from walk(node.get("children", []))

    return list(walk(json.loads((STRUCTURE / f"{name}.outline.json").read_text(encoding="utf-8"))))


def same_heading(text: str) -> str:
    """Fold what the outlines normalise: case, dashes, the dot after a label ("4.2.11." -> "4.2.11")."""
    text = re.sub(r"(?<=\w)\.(?=\s)", "", text, count=1)
    return " ".join(re.sub(r"[—–-]", " ", text).casefold().split())


def headings(blocks) -> list[str]:
    return [b.text for b in blocks if b.kind == HEADING]


def assert_outline_in_order(blocks, name: str) -> None:
    found = [same_heading(h) for h in headings(blocks)]
    positions = [found.index(same_heading(e)) if same_heading(e) in found else -1 for e in outline(name)]
    assert -1 not in positions, [e for e, p in zip(outline(name), positions) if p == -1]
    assert positions == sorted(positions)


@pytest.fixture(scope="module")
def rfc():
    return read_file("rfc8446-auth48-xml2rfc.html")


@pytest.fixture(scope="module")
def marriage_act():
    return read_file("au-marriage-act-1961-compilation-2004.html")


@pytest.fixture(scope="module")
def data_governance_act():
    return read_file("eu-reg-2022-868-data-governance-act.html")


@pytest.fixture(scope="module")
def eprivacy():
    return read_file("eu-dir-2002-58-eprivacy-consolidated-2009.html")


class TestXml2rfcPage:
    """Every heading is a flat <h1>; the contents list is nested <ul> of links to the sections."""

    def test_every_section_heading_is_read_in_order_with_its_number(self, rfc):
        assert_outline_in_order(rfc, "rfc8446-auth48-xml2rfc.html")
        assert "4.2.11. Pre-Shared Key Extension" in headings(rfc)

    def test_the_contents_list_becomes_contents_entries_not_headings(self, rfc):
        contents = [b for b in rfc if b.kind == CONTENTS]
        assert len(contents) == 122  # every <li> of the printed contents, "E.1.3. 0-RTT" included
        assert contents[0].text == "1. Introduction" and contents[0].level == 1
        assert any(b.text == "4.2.11. Pre-Shared Key Extension" and b.level == 3 for b in contents)
        assert len(headings(rfc)) == len(set(headings(rfc)))  # the contents never repeat a heading

    def test_headings_carry_the_tag_rank_and_evidence(self, rfc):
        section = next(b for b in rfc if b.kind == HEADING and b.text == "1. Introduction")
        assert (section.level, section.evidence) == (1, "tag")

    def test_figures_keep_their_lines(self, rfc):
        figure = next(b for b in rfc if b.kind == PARAGRAPH and any("ClientHello" in line for line in b.lines)
                      and len(b.lines) > 5)
        assert all("\n" not in line for line in figure.lines)


class TestAustliiAct:
    """Every heading is <H3> with the act's name repeated above it, wrapped with <br>, with "Back to Top" links."""

    def test_parts_divisions_and_sections_are_headings_in_order(self, marriage_act):
        assert_outline_in_order(marriage_act, "au-marriage-act-1961-compilation-2004.html")
        assert {b.level for b in marriage_act if b.kind == HEADING} == {3}

    def test_the_repeated_act_name_is_dropped_from_each_heading_but_the_first(self, marriage_act):
        assert headings(marriage_act)[:4] == [
            "MARRIAGE ACT 1961", "Compilation Information", "Long Title", "Part I—Preliminary",
        ]
        assert "SECT 1 Short title [see Note 1]" in headings(marriage_act)
        assert "SECT 99 Solemnizing marriage where notice or declaration not given or made etc." in headings(marriage_act)

    def test_back_to_top_links_are_not_text(self, marriage_act):
        assert not any("Back to Top" in line for b in marriage_act for line in b.lines)

    def test_subsections_keep_their_numbers_run_into_the_text(self, marriage_act):
        assert any(b.kind == LIST_ITEM and b.text.startswith("(2) The remaining provisions of this Act") for b in marriage_act)


class TestEurLexClassHeadings:
    """No <h1>–<h6>: titles are <p class="oj-ti-art"> with the subtitle in the next element."""

    def test_chapters_and_articles_are_headings_with_their_titles_joined(self, data_governance_act):
        assert_outline_in_order(data_governance_act, "eu-reg-2022-868-data-governance-act.html")
        assert "CHAPTER I General provisions" in headings(data_governance_act)
        assert "Article 5 Conditions for re-use" in headings(data_governance_act)
        assert {b.evidence for b in data_governance_act if b.kind == HEADING} == {"class"}

    def test_the_document_title_lines_are_one_heading_before_the_recitals(self, data_governance_act):
        title = headings(data_governance_act)[0]
        assert title.startswith("REGULATION (EU) 2022/868 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 30 May 2022")

    def test_recitals_and_points_laid_out_in_tables_are_list_items_with_their_markers(self, data_governance_act):
        items = [b.text for b in data_governance_act if b.kind == LIST_ITEM]
        assert any(t.startswith("(1) The Treaty on the Functioning of the European Union") for t in items)
        assert any(t.startswith("(a) conditions for the re-use, within the Union") for t in items)

    def test_consolidated_text_headings_lose_their_amendment_markers(self, eprivacy):
        assert_outline_in_order(eprivacy, "eu-dir-2002-58-eprivacy-consolidated-2009.html")
        assert "Article 4 Security of processing" in headings(eprivacy)
        assert not any(re.search("[►▼◄]", line) for b in eprivacy for line in b.lines)

    def test_numbered_paragraphs_in_grid_columns_keep_their_numbers(self, eprivacy):
        assert any(b.text.startswith("1a. Without prejudice to Directive 95/46/EC") for b in eprivacy)


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"


def test_a_title_class_followed_by_its_subtitle_is_one_heading():
    blocks = blocks_of(page(
        '<p class="ti-art">Article 5</p><div class="eli-title"><p class="sti-art">Conditions for re-use</p></div>'
        '<p class="normal">Text of the article.</p>'
    ))
    assert blocks[0] == blocks[0].__class__(HEADING, ("Article 5 Conditions for re-use",), 0, "class")
    assert blocks[1].kind == PARAGRAPH


@pytest.mark.parametrize("name", ["doc-title", "SectionHeading", "title_part", "section-ti-1"])
def test_class_names_with_a_title_part_mark_headings(name):
    assert blocks_of(page(f'<div class="{name}">Scope</div><p>Body text.</p>'))[0].kind == HEADING


@pytest.mark.parametrize("name", ["entitled", "ticket", "titles-list", "oj-hd-date"])
def test_class_names_without_a_title_part_do_not(name):
    assert blocks_of(page(f'<p class="{name}">3.6.2022</p><p>Body text.</p>'))[0].kind == PARAGRAPH


def test_a_title_class_on_a_container_of_paragraphs_is_not_a_heading():
    blocks = blocks_of(page('<div class="article-title"><p>First paragraph.</p><p>Second.</p></div>'))
    assert [b.kind for b in blocks] == [PARAGRAPH, PARAGRAPH]


def test_a_word_style_contents_of_linked_paragraphs_is_contents():
    blocks = blocks_of(page(
        '<p class="MsoToc1"><a href="#_Toc1">1. Introduction</a></p>'
        '<p class="MsoToc1"><a href="#_Toc2">2. Scope</a></p>'
        '<p class="MsoToc2"><a href="#_Toc3">2.1 Definitions</a></p>'
        '<h1><a name="_Toc1"></a>1. Introduction</h1><p>See <a href="#_Toc2">section 2</a> for the scope.</p>'
    ))
    assert [b.kind for b in blocks] == [CONTENTS, CONTENTS, CONTENTS, HEADING, PARAGRAPH]
    assert blocks[2].text == "2.1 Definitions"


def test_the_site_navigation_header_and_footer_are_dropped_but_an_articles_header_is_kept():
    blocks = blocks_of(page(
        '<header><a href="/">Home</a><nav><a href="/world">World</a> <a href="/asia">Asia</a></nav></header>'
        '<article><header><h1>Ministers agree a code</h1></header><p>Body text of the article.</p></article>'
        '<footer><p>Copyright © 2024 Example Media</p></footer>'
    ))
    assert [b.text for b in blocks] == ["Ministers agree a code", "Body text of the article."]


def test_a_nav_of_links_into_the_page_is_a_contents_list():
    blocks = blocks_of(page(
        '<nav><ol><li><a href="#s1">Purpose</a></li><li><a href="#s2">Scope</a></li><li><a href="#s3">Terms</a></li>'
        '</ol></nav><h2 id="s1">Purpose</h2><p>Text.</p>'
    ))
    assert [b.kind for b in blocks] == [CONTENTS, CONTENTS, CONTENTS, HEADING, PARAGRAPH]


def test_permalinks_and_anchors_are_dropped_from_headings():
    blocks = blocks_of(page('<h2><a name="x"></a>2. Scope<a class="headerlink" href="#scope">¶</a></h2><p>Text.</p>'))
    assert blocks[0].text == "2. Scope" and blocks[0].level == 2


def test_a_data_table_is_one_block_of_rows():
    blocks = blocks_of(page(
        "<table><tr><th>Country</th><th>Share</th></tr><tr><td>Japan</td><td>12%</td></tr>"
        "<tr><td>Korea</td><td>9%</td></tr></table>"
    ))
    assert blocks == (blocks[0].__class__(TABLE, ("Country | Share", "Japan | 12%", "Korea | 9%")),)


def test_a_definition_list_runs_each_term_into_its_description():
    blocks = blocks_of(page("<dl><dt>client:</dt><dd>The endpoint initiating the connection.</dd>"
                            "<dt>(a)</dt><dd>artificial insemination; and</dd></dl>"))
    assert [(b.kind, b.text) for b in blocks] == [
        (LIST_ITEM, "client: The endpoint initiating the connection."),
        (LIST_ITEM, "(a) artificial insemination; and"),
    ]


def test_nested_list_items_carry_their_depth():
    blocks = blocks_of(page("<ul><li>Goals<ul><li>Secure the supply chain</li></ul></li></ul>"))
    assert [(b.kind, b.level, b.text) for b in blocks] == [(LIST_ITEM, 1, "Goals"), (LIST_ITEM, 2, "Secure the supply chain")]


def test_line_breaks_inside_a_paragraph_are_kept_as_lines():
    assert blocks_of(page("<p>Prepared by the Office<br>Canberra</p>"))[0].lines == ("Prepared by the Office", "Canberra")


def test_hidden_elements_scripts_and_a_search_form_are_not_text():
    blocks = blocks_of(page(
        '<form action="/search"><input name="q"><button>Search</button></form><script>var x = 1;</script>'
        '<div hidden>Cookie settings</div><div style="display: none">Popup</div><p>Body.</p>'
    ))
    assert [b.text for b in blocks] == ["Body."]


def test_a_page_wrapped_whole_in_one_form_is_still_read():
    words = " ".join(["text"] * 80)
    blocks = blocks_of(page(f'<form id="aspnetForm" method="post"><h1>Annual report</h1><p>{words}</p></form>'))
    assert [b.kind for b in blocks] == [HEADING, PARAGRAPH]


def test_an_aria_heading_takes_its_level():
    blocks = blocks_of(page('<div role="heading" aria-level="3">Funding</div><p>Text.</p>'))
    assert (blocks[0].kind, blocks[0].level, blocks[0].evidence) == (HEADING, 3, "tag")


def test_trafilatura_xml_is_read_by_the_same_walker():
    from lxml import etree

    body = etree.fromstring(
        '<body><head rend="h2">What happens next</head><p>The code must be ratified.</p>'
        '<list rend="ul"><item>First step</item></list><table><row><cell>a</cell><cell>b</cell></row></table></body>'
    )
    blocks = read_blocks(from_trafilatura(body)).blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (HEADING, 2, "What happens next"), (PARAGRAPH, 0, "The code must be ratified."),
        (LIST_ITEM, 1, "First step"), (TABLE, 0, "a | b"),
    ]
