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


def test_the_opening_of_an_instrument_makes_a_treaty():
    opening = "The Government of Japan (hereinafter referred to collectively as the “Participants”);"
    assert infer_kind(Shape(title="U.S. – Japan Technology Prosperity Deal", opening=opening)) == "treaty"


def test_signatories_speaking_as_we_make_a_statement():
    assert infer_kind(Shape(title="Camp David Principles", opening="We, Prime Minister Kishida Fumio, affirm")) == (
        "statement")


def test_a_media_release_label_makes_a_statement_even_with_an_issuer():
    shape = Shape(title="Defence recognises anniversary", issuer="Department of Defence",
                  section_labels=("Department of Defence Media Release",))
    assert infer_kind(shape) == "statement"


def test_a_party_as_publisher_makes_an_election_policy_other():
    assert infer_kind(Shape(title="Strengthening defences", has_contents=True, publisher="Liberal Party")) == "other"


def test_a_text_calling_itself_a_brief_is_a_report():
    assert infer_kind(Shape(title="Improving Cooperation", opening="This brief addresses the gaps.")) == "report"


def test_a_submission_to_cabinet_is_a_report():
    assert infer_kind(Shape(title="Submission to Cabinet")) == "report"


def test_an_arguing_headline_is_an_opinion_but_a_reported_one_is_not():
    assert infer_kind(Shape(title="China and Asean must close trust gaps")) == "opinion"
    assert infer_kind(Shape(title="China must act, says minister")) == "article"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("《新时代的中国国防》白皮书", "white_paper"),
        ("中华人民共和国和美利坚合众国联合公报", "statement"),
        ("在庆祝中国共产党成立100周年大会上的讲话", "speech"),
        ("2023年政府工作报告", "report"),
    ],
)
def test_a_chinese_genre_word_in_the_title_gives_the_kind(title, kind):
    assert infer_kind(Shape(title=title)) == kind


def test_a_dash_led_chinese_subtitle_naming_a_report_makes_a_report_even_from_a_party():
    opening = "——在中国共产党第二十次全国代表大会上的报告 （2022年10月16日） 同志们："
    shape = Shape(title="高举中国特色社会主义伟大旗帜", opening=opening, publisher="Communist Party of China")
    assert infer_kind(shape) == "report"


def test_a_dash_led_chinese_subtitle_naming_a_speech_makes_a_speech():
    assert infer_kind(Shape(title="标题", opening="——在庆祝大会上的讲话 同志们：")) == "speech"


def test_a_chinese_text_that_says_it_reports_to_a_congress_is_a_report():
    opening = "同志们： 现在，我代表第十九届中央委员会向大会作报告。"
    assert infer_kind(Shape(title="高举中国特色社会主义伟大旗帜", opening=opening)) == "report"


def test_a_report_mentioned_inside_a_sentence_is_no_genre_line():
    assert infer_kind(Shape(title="标题", opening="他看了报告。 然后离开了。")) == "article"
