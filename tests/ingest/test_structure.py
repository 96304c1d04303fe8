"""archive/ingest/structure.py: the section tree, guided by the document's own contents list."""

from archive.ingest.model import ContentsEntry
from archive.ingest.structure import build_structure, parse_heading_text, split_contents

TEXT = "Body text of some length that ends with a full stop."
FIRST = "First, we should promote common development and lay a solid economic foundation for peace in the region"


def test_an_article_without_headings_is_one_unlabelled_section_with_every_paragraph():
    structure = build_structure(["One.", "Two.", "Three."])
    assert len(structure.sections) == 1
    section = structure.sections[0]
    assert (section.label, section.heading, section.paragraphs) == ("", "", ("One.", "Two.", "Three."))


def test_a_roman_heading_is_split_into_label_and_heading():
    assert parse_heading_text("II. China's Security Vision for the Asia-Pacific Region") == ContentsEntry(
        "II", "China's Security Vision for the Asia-Pacific Region")


def test_roman_chapters_with_arabic_subsections_nest():
    structure = build_structure(["I. Policies", TEXT, "II. Vision", TEXT, "1. Concept", TEXT, "2. Framework", TEXT])
    first, second = structure.sections
    assert (first.label, first.heading) == ("I", "Policies")
    assert [(c.label, c.heading) for c in second.children] == [("1", "Concept"), ("2", "Framework")]


def test_preface_and_conclusion_are_unlabelled_top_level_sections():
    structure = build_structure(["Preface", TEXT, "I. Policies", TEXT, "Conclusion", TEXT])
    assert [(s.label, s.heading) for s in structure.sections] == [("", "Preface"), ("I", "Policies"), ("", "Conclusion")]


def test_text_before_the_first_heading_becomes_a_leading_unlabelled_section():
    structure = build_structure(["An opening remark.", "I. Policies", TEXT])
    assert (structure.sections[0].heading, structure.sections[0].paragraphs) == ("", ("An opening remark.",))


def test_enumerations_and_long_numbered_sentences_stay_paragraphs():
    numbered = "1. The Parties will consult together whenever the territorial integrity of any of them is threatened."
    structure = build_structure(["I. Policies", FIRST + ".", numbered, "Second, partnerships."])
    assert structure.sections[0].paragraphs == (FIRST + ".", numbered, "Second, partnerships.")


def test_a_heading_shaped_last_line_is_a_paragraph():
    structure = build_structure(["I. Policies", TEXT, "II. Vision"])
    assert structure.sections[-1].paragraphs[-1] == "II. Vision"


def test_a_number_out_of_sequence_is_not_a_heading():
    structure = build_structure(["7. Recognition of China", TEXT])
    assert structure.sections[0].heading == ""
    assert structure.sections[0].paragraphs[0] == "7. Recognition of China"


def test_a_contents_list_is_removed_from_the_body_and_read_as_entries():
    body, contents = split_contents(["Contents", "Preface", "I. Policies", "Conclusion", "Preface", TEXT])
    assert contents == (ContentsEntry("", "Preface"), ContentsEntry("I", "Policies"), ContentsEntry("", "Conclusion"))
    assert body == ["Preface", TEXT]


def test_contents_entries_not_in_the_text_are_missing():
    paragraphs = ["Contents", "Preface", "I. Policies", "II. Vision", "Conclusion", "Preface", TEXT, "I. Policies", TEXT]
    structure = build_structure(paragraphs)
    assert structure.missing == (ContentsEntry("II", "Vision"), ContentsEntry("", "Conclusion"))


def test_with_a_contents_list_an_unlisted_roman_line_is_not_a_chapter():
    paragraphs = ["Contents", "I. Policies", "I. Policies", TEXT, "II. Something unlisted", TEXT]
    structure = build_structure(paragraphs)
    assert [s.label for s in structure.sections] == ["I"]


def test_markdown_headings_nest_by_their_level():
    structure = build_structure(["### Recommendations", TEXT, "#### 1. Competing Interests", TEXT], markdown=True)
    (top,) = structure.sections
    assert (top.label, top.heading) == ("", "Recommendations")
    assert [(c.label, c.heading) for c in top.children] == [("1", "Competing Interests")]


def test_article_headings_of_a_treaty_are_sections():
    structure = build_structure(["Preamble text.", "ARTICLE I.", TEXT, "ARTICLE II.", TEXT])
    assert [s.label for s in structure.sections] == ["", "ARTICLE I", "ARTICLE II"]
