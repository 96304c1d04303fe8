"""archive/ingest/plaintext.py: plain text and reStructuredText read into blocks carrying their evidence."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from archive.ingest.blocks import CONTENTS, HEADING, PARAGRAPH, Block
from archive.ingest.decode import decode
from archive.ingest.frontmatter import split_front_matter
from archive.ingest.normalise import normalise
from archive.ingest.plaintext import TextReading, group_blocks, split_authors, text_blocks
from tests.ingest.fixtures import seed_path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
STRUCTURE = SHARED / "corpus" / "structure"


def _text(path: Path) -> str:
    """Return a file's text as the pipeline hands it to the reader: decoded, normalised, front matter split."""
    return split_front_matter(normalise(decode(path.read_bytes()).text))[1]


def _read(name: str) -> TextReading:
    return text_blocks(_text(STRUCTURE / name))


def _outline(name: str) -> list[tuple[str, str, int]]:
    """Return the expected headings of a structure document as (label, heading, depth), depth first."""
    def walk(nodes: list[dict], depth: int) -> list[tuple[str, str, int]]:
        return [row for n in nodes for row in [(n["label"], n["heading"], depth), *walk(n["children"], depth + 1)]]
    return walk(json.loads((STRUCTURE / f"{name}.outline.json").read_text()), 1)


def _headings(reading: TextReading) -> list[Block]:
    return [block for block in reading.blocks if block.kind == HEADING]


def _all_lines(reading: TextReading) -> list[str]:
    return [line for block in reading.blocks for line in block.lines]


@pytest.fixture(scope="module")
def rfc8446() -> TextReading:
    return _read("rfc8446.txt")


@pytest.fixture(scope="module")
def rfc2616() -> TextReading:
    return _read("rfc2616.txt")


@pytest.fixture(scope="module")
def dep10() -> TextReading:
    return _read("django-dep-0010-new-governance.txt")


@pytest.fixture(scope="module")
def pep8() -> TextReading:
    return _read("pep-0008-style-guide.txt")


# --- reStructuredText --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["pep-0008-style-guide.txt", "pep-0013-python-language-governance.txt",
                                  "pep-0609-pypa-governance.txt", "pep-0842-module-exports.txt"])
def test_every_pep_section_title_is_a_heading_ranked_by_its_underline_style(name):
    expected = [(heading, depth) for _, heading, depth in _outline(name)]
    assert [(b.text, b.level) for b in _headings(_read(name))] == expected
    assert {b.evidence for b in _headings(_read(name))} == {"adornment"}


def test_the_overlined_title_leads_at_level_one_and_sections_rank_below_it(dep10):
    headings = _headings(dep10)
    assert (headings[0].text, headings[0].level) == ("DEP 0010: New governance for the Django project", 1)
    expected = [(heading, depth + 1) for _, heading, depth in _outline("django-dep-0010-new-governance.txt")]
    assert [(b.text, b.level) for b in headings[1:]] == expected


def test_the_same_underline_character_ranks_by_first_appearance_not_by_a_fixed_table():
    pep609_tilde = {b.level for b in _headings(_read("pep-0609-pypa-governance.txt")) if b.text == "Leaving PyPA"}
    assert pep609_tilde == {3}  # "'" came first there; in PEP 8 "~" is level 3
    made_up = text_blocks("One\n~~~\n\nText.\n\nTwo\n===\n\nText.\n\nThree\n~~~~~\n")
    assert [(b.text, b.level) for b in _headings(made_up)] == [("One", 1), ("Two", 2), ("Three", 1)]


def test_overline_and_underline_is_a_different_style_from_underline_alone():
    reading = text_blocks("=====\nTitle\n=====\n\n---\nSub\n---\n\nSection\n=======\n\nText.\n")
    assert [(b.text, b.level) for b in _headings(reading)] == [("Title", 1), ("Sub", 2), ("Section", 3)]
    assert reading.fields == {"title": "Title", "subtitle": "Sub"}


def test_a_pep_header_becomes_fields_with_authors_split_and_addresses_dropped(pep8):
    assert pep8.fields["title"] == "Style Guide for Python Code"
    assert pep8.fields["author"] == ["Guido van Rossum", "Barry Warsaw", "Alyssa Coghlan"]
    assert pep8.fields["created"] == "05-Jul-2001"
    assert pep8.fields["post-history"] == "05-Jul-2001, 01-Aug-2013"
    assert not any(line.startswith(("PEP:", "Author:", "Created:")) for line in _all_lines(pep8))
    assert pep8.blocks[0].text == "Introduction"


def test_a_field_list_under_the_title_becomes_fields_and_the_title_is_one_too(dep10):
    assert dep10.fields["title"] == "DEP 0010: New governance for the Django project"
    assert dep10.fields["author"] == ["James Bennett"]
    assert dep10.fields["created"] == "2018-09-22"
    assert dep10.fields["status"] == "Final"
    assert not any(line.startswith(":") for line in _all_lines(dep10))


def test_a_contents_directive_produces_nothing_and_a_note_keeps_its_text(dep10):
    lines = _all_lines(dep10)
    assert "Table of Contents" not in " ".join(lines)
    assert not any(line.startswith("..") or line in (":depth: 3", ":local:") for line in lines)
    assert dep10.blocks[1].lines[0].startswith("This is a historical document")


def test_code_blocks_stay_as_printed_and_are_marked_literal():
    reading = _read("pep-0842-module-exports.txt")
    literal = [b for b in reading.blocks if b.evidence == "literal"]
    assert ("# spam.py", "from mypackage export name") in [b.lines for b in literal]
    assert all(b.kind == PARAGRAPH for b in literal)
    assert not any(line.startswith(".. code-block") for line in _all_lines(reading))


def test_a_literal_block_after_a_double_colon_is_never_searched_for_headings():
    reading = text_blocks("Intro\n=====\n\nFor example::\n\n    Title\n    =====\n\nAfter.\n")
    assert [b.text for b in _headings(reading)] == ["Intro"]
    assert reading.blocks[1].lines == ("For example:",)
    assert reading.blocks[2] == Block(PARAGRAPH, ("Title", "====="), evidence="literal")
    assert reading.blocks[3].lines == ("After.",)


def test_comments_targets_and_transitions_vanish_and_footnotes_stay():
    text = ("Intro\n=====\n\n.. a comment\n   spanning two lines\n\nText.\n\n----------\n\n"
            ".. _PyPI: https://pypi.org\n\n.. [2] A style guide\n   http://example.org/guide.txt\n")
    reading = text_blocks(text)
    assert [b.lines for b in reading.blocks[1:]] == [("Text.",), ("[2] A style guide", "http://example.org/guide.txt")]


def test_an_admonition_argument_is_text_but_a_code_language_is_not():
    reading = text_blocks("Intro\n=====\n\n.. note:: Read this\n   carefully.\n\n.. code-block:: python\n\n   x = 1\n")
    assert [(b.lines, b.evidence) for b in reading.blocks[1:]] == [
        (("Read this", "carefully."), ""), (("x = 1",), "literal")]


def test_an_underline_shorter_than_its_title_counts_from_four_characters():
    assert [b.text for b in _headings(text_blocks("A long section title\n----\n\nText.\n"))] == [
        "A long section title"]
    assert _headings(text_blocks("A long section title\n---\n\nText.\n")) == []


# --- paginated text with outdented headings ---------------------------------------------------------

def _numbered(label: str, heading: str) -> set[str]:
    return {f"{label}. {heading}", f"{label} {heading}"} if label else {heading}


@pytest.mark.parametrize("fixture", ["rfc8446", "rfc2616"])
def test_every_rfc_heading_is_an_outdent_heading_in_order(fixture, request):
    reading = request.getfixturevalue(fixture)
    headings = [b.text for b in _headings(reading)]
    assert headings[headings.index("Table of Contents") - 1] in {"Abstract", "Copyright Notice"}
    headings.remove("Table of Contents")  # a heading, left for the tree builder to drop with its list
    expected = _outline(f"{fixture}.txt")
    assert len(headings) == len(expected)
    assert all(text in _numbered(label, heading) for text, (label, heading, _) in zip(headings, expected))
    assert {b.evidence for b in _headings(reading)} == {"outdent"}


def test_a_numbered_heading_wrapped_onto_a_second_line_is_one_heading(rfc2616):
    assert "19.6.1.1 Changes to Simplify Multi-homed Web Servers and Conserve IP Addresses" in [
        b.text for b in _headings(rfc2616)]


def test_a_line_printed_under_a_short_numbered_heading_is_not_part_of_it(rfc8446):
    index = next(i for i, b in enumerate(rfc8446.blocks) if b.text == "1.3. Updates Affecting TLS 1.2")
    assert rfc8446.blocks[index + 1].kind == PARAGRAPH  # the file carries a translation line under it


def test_running_headers_footers_and_form_feeds_are_removed(rfc8446, rfc2616):
    for reading, header in ((rfc8446, "RFC 8446 TLS August 2018"), (rfc2616, "RFC 2616 HTTP/1.1 June 1999")):
        lines = _all_lines(reading)
        assert not any("[Page " in line or line == header or "\f" in line for line in lines)


def test_a_paragraph_cut_by_a_page_break_is_joined_back(rfc8446):
    block = next(b for b in rfc8446.blocks if "an active attacker to modify the" in b.text)
    assert "random values without detection" in block.text


def test_column_zero_figure_lines_are_not_headings(rfc8446):
    assert not any("ClientHello" in b.text for b in _headings(rfc8446))


def test_each_printed_contents_entry_is_its_own_block(rfc8446, rfc2616):
    entries = [b for b in rfc8446.blocks if b.kind == CONTENTS]
    assert len(entries) == 122
    assert entries[0].lines == ("1. Introduction ....................................................6",)
    assert len([b for b in rfc2616.blocks if b.kind == CONTENTS]) == 253  # squeezed leaders too: "…Connection ..50", "…Dates.89"
    assert all(len(b.lines) == 1 for b in entries)


_WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]


def _page_body(n: int) -> str:
    """Return body text different on every page, so that only furniture repeats."""
    return f"   The {_WORDS[n]} clause applies to every {_WORDS[n + 1]} record and"


def test_page_furniture_is_found_without_form_feeds_by_its_page_marks():
    pages = [f"{_page_body(n)}\n\n\nSmith            Memo            [Page {n + 1}]\n"
             f"Memo 123             Records             May 2001\n\n\n" for n in range(4)]
    reading = text_blocks("".join(pages) + "   it ends here.\n")
    assert all("[Page" not in line and not line.startswith("Memo 123") for line in _all_lines(reading))
    assert reading.blocks[0].lines[:2] == (_page_body(0).strip(), _page_body(1).strip())
    assert len(reading.blocks) == 1  # no page ended a sentence: one paragraph across all of them


def test_page_numbers_alone_at_page_edges_are_removed():
    text = "\f".join(f"{_page_body(n)} more.\n\n- {n + 1} -\n" for n in range(3))
    assert [b.text for b in text_blocks(text).blocks] == [_page_body(n).strip() + " more." for n in range(3)]


def test_outdented_lines_are_headings_only_when_the_body_is_indented():
    body = "   " + "\n   ".join(["Body text that is indented and wraps", "onto a second line."])
    assert [b.text for b in _headings(text_blocks(f"Scope\n\n{body}\n\nTerms\n\n{body}\n"))] == ["Scope", "Terms"]
    assert _headings(text_blocks("Scope\n\nBody text at the margin.\n\nTerms\n\nMore text.\n")) == []


# --- capitals ---------------------------------------------------------------------------------------

def test_constitution_articles_and_amendments_are_caps_headings():
    reading = _read("us-constitution.txt")
    headings = _headings(reading)
    expected = [label or heading for label, heading, _ in _outline("us-constitution.txt") if "SECTION" not in label]
    assert [b.text for b in headings] == expected
    assert {b.evidence for b in headings} == {"caps"}
    assert any(b.text.startswith("SECTION. 1. All legislative Powers") for b in reading.blocks)


def test_one_line_in_capitals_is_not_a_convention():
    reading = text_blocks("NOTICE\n\nSome text.\n\nMore text.\n")
    assert _headings(reading) == []


# --- blocks at blank lines, and captures without conventions ----------------------------------------

def test_blank_lines_separate_blocks_and_indentation_is_kept():
    assert group_blocks(["a", "  b", "", "", "c"]) == [["a", "  b"], ["c"]]


def test_a_line_repeating_the_previous_line_is_dropped_even_across_a_blank_line():
    title = "Ministers agree on a maritime code"
    assert group_blocks([title, "", title, "", "Body."]) == [[title], ["Body."]]


def test_an_underline_followed_by_the_same_overline_is_kept():
    assert group_blocks(["One", "===", "", "===", "Two", "==="]) == [["One", "==="], ["===", "Two", "==="]]


_CAPTURES = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus" / "policy").glob("*.txt")) + [
    STRUCTURE / "us-2009-01-20-obama-inaugural-address.txt", STRUCTURE / "cn-2018-01-02-xiangcun-zhenxing-yijian.txt"]


@pytest.mark.parametrize("path", _CAPTURES, ids=lambda p: p.name)
def test_captures_keep_every_line_in_blocks_that_break_only_at_blank_lines(path):
    text = _text(path)
    reading = text_blocks(text)
    assert reading.fields == {}  # no header invented from a first line that happens to hold a colon
    printed = [line.strip() for line in text.split("\n")]
    filled = [line for line in printed if line]
    # Every printed line is kept, in order, but a line printing the one before it again.
    assert _all_lines(reading) == [line for before, line in zip(["", *filled], filled) if line != before]
    at = iter(range(len(printed)))
    spans = [[next(i for i in at if printed[i] == line) for line in block.lines] for block in reading.blocks]
    assert all("" not in printed[span[0]:span[-1] + 1] for span in spans)  # no blank line inside a block
    assert all("" in printed[a[-1] + 1:b[0]] for a, b in itertools.pairwise(spans))  # one between blocks


def test_a_headline_a_capture_prints_twice_is_read_once():
    reading = text_blocks(_text(seed_path("000")))
    title = "To align security interests, China and Asean must close trust gaps"
    assert reading.blocks[0].lines == ("logo", title)
    assert reading.blocks[1].lines[0].startswith("Last month, Cambodia allowed foreign warships")
    assert sum(line == title for line in _all_lines(reading)) == 1


def test_authors_split_in_every_form_peps_use():
    assert split_authors("barry@python.org (Barry Warsaw), Jeremy Hylton <jeremy@alum.mit.edu>") == [
        "Barry Warsaw", "Jeremy Hylton"]
    assert split_authors("Alice Ng; Bob Li, Jr.") == ["Alice Ng", "Bob Li, Jr."]
    assert split_authors("The Python core team and community") == ["The Python core team and community"]


def test_a_single_key_value_line_opening_a_text_is_prose_not_a_header():
    reading = text_blocks("Note: this text starts with a remark.\n\nBody.\n")
    assert reading.fields == {}
    assert reading.blocks[0].lines == ("Note: this text starts with a remark.",)


@pytest.mark.parametrize("text", ["", "\f\f", "::", "..", "=\n", "PEP: 1\nTitle: Only a header\n", ".. note::"])
def test_degenerate_input_reads_without_error(text):
    assert isinstance(text_blocks(text), TextReading)


def test_a_lone_line_centred_over_the_text_is_a_heading():
    body = "\n".join(["  The licence is a free licence for software and other kinds of works, and it"] * 3)
    text = f"{body}\n\n{' ' * 36}Preamble\n\n{body}\n"  # as wide a margin on the left as on the right
    blocks = text_blocks(text).blocks
    assert [(b.kind, b.text, b.evidence) for b in blocks if b.kind == HEADING] == [(HEADING, "Preamble", "centred")]
