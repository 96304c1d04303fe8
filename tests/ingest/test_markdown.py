"""archive/ingest/markdown.py: Markdown and inline HTML read into blocks (and, for now, into plain lines)."""

import json
import re
from pathlib import Path

import pytest

from archive.ingest.blocks import HEADING, LIST_ITEM, LITERAL, PARAGRAPH, TABLE, TABLE_CELL_SEPARATOR, Block
from archive.ingest.frontmatter import split_front_matter
from archive.ingest.markdown import ITALIC_MARK, markdown_blocks
from tests.ingest.fixtures import CORPUS, SHARED


def texts(markdown: str) -> list[str]:
    """Return the text of each block ``markdown_blocks`` reads from ``markdown``."""
    return [block.text for block in markdown_blocks(markdown)]


def test_emphasis_is_removed():
    assert texts("**2.** **CONNECTED** and ***FREE AND OPEN*** and __Peter Layton__") == [
        "2. CONNECTED and FREE AND OPEN and Peter Layton"
    ]


def test_underscores_inside_a_word_stay():
    assert texts("see snake_case_name") == ["see snake_case_name"]


def test_a_link_wrapped_over_two_lines_keeps_its_text():
    assert texts("[Read the full strategy\nhere](https://example.gov/x.pdf)") == ["Read the full strategy here"]


def test_inline_html_tags_vanish_and_entities_are_decoded():
    assert texts("21<sup>st</sup> century **<u>COOPERATION</u>**") == ["21st century COOPERATION"]
    assert texts("Asia &amp; Pacific&nbsp;x") == ["Asia & Pacific x"]  # a no-break space is a space in block text


def test_an_escaped_full_stop_is_a_full_stop():
    assert texts("7\\. The Chinese") == ["7. The Chinese"]


def test_a_bullet_item_is_a_list_item_without_its_bullet():
    (item,) = markdown_blocks("-   *Investing in democratic institutions*")
    assert (item.kind, item.text) == (LIST_ITEM, "Investing in democratic institutions")


def test_a_thematic_break_vanishes():
    assert texts("text\n\n---\n\nbio") == ["text", "bio"]


def test_unmatched_bold_markers_left_by_a_scraper_vanish():
    assert texts("II. BUILD U.S. CAPACITY IN THE PACIFIC**\n\n**\nAccelerating AI Adoption**") == [
        "II. BUILD U.S. CAPACITY IN THE PACIFIC", "Accelerating AI Adoption"
    ]


def test_a_pull_quote_in_emphasised_code_is_dropped():
    assert texts("Text.\n\n___`The solution is denial`___\n\nMore.") == ["Text.", "More."]


def test_an_unnumbered_bold_line_becomes_a_heading_and_a_numbered_one_too():
    first, _ = markdown_blocks("**<u>INVESTING AT HOME</u>**  \nText.")
    assert (first.kind, first.text, first.evidence) == (HEADING, "INVESTING AT HOME", "bold")
    first, _ = markdown_blocks("**I. Purpose**  \nThe purpose.")
    assert (first.kind, first.text) == (HEADING, "I. Purpose")


# markdown_blocks: the stream of blocks the tree builder reads.

STRUCTURE = SHARED / "corpus" / "structure"
# A Markdown heading line as printed: "## 一、受理和管辖", "####Action 01: …", "#### <a name="x"></a> 5.1.1 Memorized…".
_ATX_LINE = re.compile(r"^ {0,3}#{1,6}")
# A setext underline: "============", "------------".
_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)\s*$")
# An HTML tag inside a printed heading: '<a name="memsecret"></a>'.
_TAG = re.compile(r"<[^>]+>")


def _blocks_of(path: Path) -> list[Block]:
    """Return the blocks of a Markdown file, its front matter split off as the pipeline does."""
    _, rest, _ = split_front_matter(path.read_text(encoding="utf-8"))
    return markdown_blocks(rest)


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def _outline_nodes(nodes: list[dict]) -> list[dict]:
    return [n for node in nodes for n in (node, *_outline_nodes(node["children"]))]


def _printed_heading_lines(path: Path) -> list[str]:
    """Return the lines the file marks as headings (ATX hashes or a setext underline), tags removed."""
    lines = path.read_text(encoding="utf-8").split("\n")
    marked = [line for n, line in enumerate(lines) if _ATX_LINE.match(line) or (
        n + 1 < len(lines) and line.strip() and _UNDERLINE.match(lines[n + 1]) and lines[n + 1].strip() != "---")]
    return [_squeezed(_TAG.sub("", line)) for line in marked]


def _markdown_heading_nodes(path: Path) -> list[dict]:
    """Return the outline nodes the file prints as Markdown headings (not run-in articles or plain lines)."""
    outline = json.loads(path.with_name(path.name + ".outline.json").read_text(encoding="utf-8"))
    printed = _printed_heading_lines(path)
    return [n for n in _outline_nodes(outline) if n["heading"] and any(
        _squeezed(n["label"]) in line and _squeezed(n["heading"]) in line for line in printed)]


HEADED_FILES = sorted(p for p in STRUCTURE.glob("*.md") if p.name != "README.md" and _markdown_heading_nodes(p))


def test_the_structure_corpus_has_markdown_headed_files_of_every_heading_style():
    assert len(HEADED_FILES) >= 7  # setext (AU), spaced and unspaced ATX (NIST, UK), Chinese ATX (4 laws)


@pytest.mark.parametrize("path", HEADED_FILES, ids=lambda p: p.name[:40])
def test_every_markdown_heading_of_the_outline_is_a_heading_block(path: Path):
    headings = [_squeezed(b.text) for b in _blocks_of(path) if b.kind == HEADING]
    missing = [f"{n['label']} {n['heading']}" for n in _markdown_heading_nodes(path)
               if not any(_squeezed(n["label"]) in h and _squeezed(n["heading"]) in h for h in headings)]
    assert missing == []


@pytest.fixture(scope="module")
def nist() -> list[Block]:
    return _blocks_of(STRUCTURE / "nist-sp-800-63b-section5-authenticators.md")


@pytest.fixture(scope="module")
def uk() -> list[Block]:
    return _blocks_of(STRUCTURE / "uk-government-digital-strategy-2012-ch09-principles-and-actions.md")


def test_an_atx_heading_keeps_its_label_and_level_and_loses_its_anchors(nist):
    headings = [b for b in nist if b.kind == HEADING]
    assert headings[0] == Block(HEADING, ("5 Authenticator and Verifier Requirements",), 2, "atx")
    assert Block(HEADING, ("5.1.1 Memorized Secrets",), 4, "atx") in headings
    assert Block(HEADING, ("5.1.5.1 Multi-Factor OTP Authenticators",), 4, "atx") in headings  # anchor after the number


def test_an_html_table_inside_markdown_gives_its_text_without_tags_or_images(nist):
    text = next(b.text for b in nist if b.text.startswith("A Memorized Secret authenticator"))
    assert "<" not in text and "password" in text and text.endswith("A memorized secret is something you know.")


def test_kramdown_headings_without_a_space_are_headings_at_the_level_of_their_hashes(uk):
    headings = [b for b in uk if b.kind == HEADING]
    assert headings[0] == Block(HEADING, ("09 Principles and actions",), 2, "atx")
    assert headings[2].lines[0].startswith("Action 01: Departmental") and headings[2].level == 4
    assert Block(HEADING, ("Fast Stream and Future Leaders",), 5, "atx") in headings


def test_kramdown_attribute_lines_are_dropped_and_the_link_before_them_kept(uk):
    texts = [line for b in uk for line in b.lines]
    assert not any(line.startswith("{:") for line in texts)
    assert texts.count("Read how departments are responding to this action »") == 14


def test_a_gfm_table_is_one_block_with_a_line_per_row(uk):
    table = next(b for b in uk if b.kind == TABLE)
    assert table.lines[0] == TABLE_CELL_SEPARATOR.join(["Transformation Programme", "Department", "Description", "Status"])
    assert len(table.lines) == 8 and table.lines[-1].startswith("Land Registry | BIS")


def test_bullet_items_are_list_items_without_bullets(uk):
    items = [b for b in uk if b.kind == LIST_ITEM]
    assert len(items) == 77
    assert items[0].lines == ("departments will have in place engaged, active,", "board-level leadership of service transformation")


def test_setext_headings_have_level_one_for_equals_and_two_for_dashes():
    blocks = _blocks_of(STRUCTURE / "au-dto-digital-service-standard.md")
    assert blocks[0] == Block(HEADING, ("Digital Service Standard",), 1, "setext")
    assert Block(HEADING, ("The Criteria",), 2, "setext") in blocks


def test_ordered_items_keep_their_printed_numbers():
    items = [b for b in _blocks_of(STRUCTURE / "au-dto-digital-service-standard.md") if b.kind == LIST_ITEM]
    assert [b.lines[0].split()[0] for b in items] == [f"{n}." for n in range(1, 15)]
    assert items[0].lines[0] == "1. Understand user needs. Research to develop a deep knowledge"


def test_chinese_headings_keep_their_numbering():
    blocks = _blocks_of(STRUCTURE / "cn-constitution-2018.md")
    headings = [b for b in blocks if b.kind == HEADING]
    assert Block(HEADING, ("第一章 总纲",), 2, "atx") in headings
    assert Block(HEADING, ("第一节 全国人民代表大会",), 3, "atx") in headings
    assert not any("INFO END" in line for b in blocks for line in b.lines)  # an HTML comment is no text


def test_an_escaped_end_of_release_mark_is_text_not_a_heading():
    blocks = _blocks_of(STRUCTURE / "us-wh-2021-11-23-statement-us-lithuania-indo-pacific.md")
    assert [b.kind for b in blocks] == [PARAGRAPH] * len(blocks)
    assert blocks[-1].lines == ("###",)
    assert blocks[0].lines[-1] == "technologies, as well as cyber and hybrid threats."  # the no-break-space line ends it


def test_footnote_definitions_and_markers_stay_text():
    blocks = _blocks_of(STRUCTURE / "un-a-res-80-11-peacebuilding-architecture-review.md")
    lines = [line for b in blocks for line in b.lines]
    assert "[^2]: A/79/552-S/2024/767." in lines  # one word after the colon: CommonMark would take it for a link
    assert sum(line.startswith("[^") for line in lines) == 4
    assert markdown_blocks("As agreed.[^3]\n\n[^3]: A/79/609.") == [
        Block(PARAGRAPH, ("As agreed.[^3]",)), Block(PARAGRAPH, ("[^3]: A/79/609.",))]


def test_a_resolution_numbers_its_operative_paragraphs_as_list_items():
    blocks = _blocks_of(STRUCTURE / "un-a-res-80-11-peacebuilding-architecture-review.md")
    items = [b for b in blocks if b.kind == LIST_ITEM]
    assert len(items) == 30 and items[0].lines[0].startswith("1. ")
    assert not any(b.kind == HEADING for b in blocks)


def test_a_rule_under_a_scraped_paragraph_is_not_a_setext_heading():
    blocks = _blocks_of(CORPUS / "jp-article_22-xi-thought-on-diplomacy-opinion.md")
    assert not any(b.kind == HEADING for b in blocks)
    assert sum(len(b.lines) for b in blocks) > 40  # one real paragraph per line, kept apart


def test_short_bold_lines_of_a_scraped_page_are_headings_and_the_text_after_them_a_paragraph():
    blocks = _blocks_of(CORPUS / "us-wh-2025-10-28-us-japan-technology-prosperity-deal.md")
    at = blocks.index(Block(HEADING, ("I. Purpose",), 0, "bold"))
    assert blocks[at + 1].kind == PARAGRAPH
    assert Block(HEADING, ("Trusted Technology Leadership",), 0, "bold") in blocks
    fact_sheet = _blocks_of(CORPUS / "us-wh-2022-10-12-national-security-strategy-fact-sheet.md")
    assert Block(HEADING, ("INVESTING AT HOME",), 0, "bold") in fact_sheet  # "**<u>INVESTING AT HOME</u>**"


def test_bold_wrapped_over_several_lines_is_emphasis_not_a_heading():
    blocks = _blocks_of(CORPUS / "us-wh-2022-09-29-us-pacific-island-partnership-roadmap.md")
    assert [b.text for b in blocks if b.kind == HEADING] == ["I. STRENGTHEN AND SUPPORT U.S.-PACIFIC ISLANDS PARTNERSHIP"]


def test_an_italic_standfirst_keeps_its_marks_and_pull_quotes_are_dropped():
    blocks = _blocks_of(CORPUS / "oped-2024-04-24-layton-australias-deterrence-rules.md")
    assert blocks[0].lines[0].startswith(ITALIC_MARK + "With its first-ever National Defence Strategy")
    assert blocks[0].lines[-1].endswith("endemic problems?" + ITALIC_MARK)
    assert not any("`" in line or "seen as a strategy of denial that prevents others projecting power against Australia "
                   "from the seas to the north" == line for b in blocks for line in b.lines)
    assert [b.text for b in blocks if b.kind == HEADING] == [
        "A Strategy for Worrying Times", "Tactical or Strategic?", "Bouquets and Brickbats"]


def test_inline_markup_is_removed_from_lines():
    (block,) = markdown_blocks(
        "**2.** *Free* [read\nhere](https://x.gov/a.pdf) ![photo](p.jpg) 21<sup>st</sup> <a name=\"q\"></a>`code`"
        " 7\\. A &amp; B ~~old~~")
    assert block.lines == ("2. Free read", "here 21st code 7. A & B old")


def test_a_heading_loses_inline_markup_and_trailing_attributes():
    assert markdown_blocks("### A Strategy for **Worrying** [Times](#t) {#strategy}") == [
        Block(HEADING, ("A Strategy for Worrying Times",), 3, "atx")]


def test_a_single_hash_glued_to_a_word_is_a_hashtag_and_an_empty_heading_vanishes():
    assert [b.kind for b in markdown_blocks("#MeToo spread fast.\n\n#\n\n##")] == [PARAGRAPH]


def test_code_is_a_literal_paragraph_and_hashes_in_it_are_code():
    assert markdown_blocks("```\n##include <stdio.h>\n\nint x;\n```\n\n    ##indented") == [
        Block(PARAGRAPH, ("##include <stdio.h>", "int x;"), 0, LITERAL), Block(PARAGRAPH, ("##indented",), 0, LITERAL)]


def test_nested_items_are_blocks_of_their_own_after_their_parent():
    blocks = markdown_blocks("3) Adopts the plan;\n   - *first*\n   - second\n4) Decides")
    assert blocks == [Block(LIST_ITEM, ("3) Adopts the plan;",)), Block(LIST_ITEM, ("first",)),
                      Block(LIST_ITEM, ("second",)), Block(LIST_ITEM, ("4) Decides",))]


def test_a_block_quote_gives_its_paragraphs_and_a_rule_vanishes():
    assert markdown_blocks("> Quoted *text*.\n\n---\n\nAfter.") == [
        Block(PARAGRAPH, ("Quoted text.",)), Block(PARAGRAPH, ("After.",))]


def test_a_long_or_punctuated_bold_line_is_emphasis_not_a_heading():
    assert [b.kind for b in markdown_blocks("**Note:**\n\n**" + "word " * 13 + "**")] == [PARAGRAPH, PARAGRAPH]


def test_a_numbered_item_wholly_in_bold_is_marked_as_set_like_a_heading():
    blocks = _blocks_of(CORPUS / "us-wh-2022-02-11-indo-pacific-strategy-fact-sheet.md")
    assert Block(LIST_ITEM, ("1. FREE AND OPEN",), 0, "bold") in blocks  # "1.  ***FREE AND OPEN***"
    assert Block(HEADING, ("2. CONNECTED",), 0, "bold") in blocks  # "**2.** **CONNECTED**", its sibling
    assert all(b.evidence == "" for b in blocks if b.kind == LIST_ITEM and b.text.startswith("Investing"))


def test_an_html_block_that_is_one_heading_element_is_a_heading():
    assert markdown_blocks('<h2 id="scope">Scope &amp; aims</h2>\n\n<div><h3>A</h3><p>Text</p></div>') == [
        Block(HEADING, ("Scope & aims",), 2, "tag"), Block(PARAGRAPH, ("A", "Text"))]


def test_site_generator_lines_are_not_text():
    assert markdown_blocks("Text.\n{: .note}\n\n{% include footer.html %}") == [Block(PARAGRAPH, ("Text.",))]
