"""archive/ingest/kinds.py: the kind of a document from its title and shape."""

import pytest

from archive.ingest.kinds import Shape, infer_kind
from archive.ingest.model import KINDS


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("FACT SHEET: Indo-Pacific Strategy of the United States", "fact_sheet"),
        ("Executive Order on Addressing the Threat from Securities Investments", "executive_order"),
        ("Quad Leaders’ Joint Statement", "statement"),
        ("Remarks by National Security Advisor Jake Sullivan", "speech"),
        ("Draft Security Treaty Between Australia, New Zealand and the United States", "treaty"),
    ],
)
def test_a_genre_named_in_the_title_gives_the_kind(title, kind):
    assert infer_kind(Shape(title=title)) == kind
    assert kind in KINDS


def test_a_contents_list_makes_a_white_paper():
    assert infer_kind(Shape(title="China's Policies", has_contents=True)) == "white_paper"


def test_a_preface_with_roman_chapters_makes_a_white_paper():
    assert infer_kind(Shape(title="China's Policies", has_preface=True, roman_chapters=3)) == "white_paper"


def test_an_issuing_body_makes_a_white_paper():
    assert infer_kind(Shape(title="China's Policies", issuer="State Council Information Office")) == "white_paper"


def test_an_author_note_makes_a_signed_commentary_an_opinion():
    assert infer_kind(Shape(title="No digital strings attached", author_note="The author is …")) == "opinion"


def test_an_opinion_section_label_makes_an_opinion():
    assert infer_kind(Shape(title="PLA in the new era", section_labels=("Opinion",))) == "opinion"


def test_anything_else_is_an_article():
    assert infer_kind(Shape(title="Jakarta-Bandung high-speed railway pushed back to 2023")) == "article"
