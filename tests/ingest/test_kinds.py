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


def test_a_contents_list_issued_by_a_government_office_makes_a_white_paper():
    shape = Shape(title="Policies on Maritime Cooperation", has_contents=True, issuer="State Council Information Office")
    assert infer_kind(shape) == "white_paper"


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


@pytest.mark.parametrize(
    ("cues", "kind"),
    [
        (("Request for Comments: 8446", "Category: Standards Track"), "standard"),
        (("NIST Special Publication 800-207",), "standard"),
        (("Resolution adopted by the General Assembly on 26 November 2025",), "resolution"),
        (("symbol: A/RES/80/5",), "resolution"),
        (("Proposed Rules", "14 CFR Part 39"), "legislation"),
        (("ACTION: Final rule.",), "legislation"),
        (("2018 CHAPTER 12",), "legislation"),
    ],
)
def test_a_formal_header_names_the_kind_before_the_title_does(cues, kind):
    assert infer_kind(Shape(title="Doha Political Declaration", cues=cues)) == kind
    assert kind in KINDS


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Marriage Act 1961", "legislation"),
        ("Regulation (EU) 2022/868 of the European Parliament and of the Council of 30 May 2022", "legislation"),
        ("Commission Implementing Regulation (EU) 2019/1793 of 22 October 2019", "legislation"),
        ("中华人民共和国导弹及相关物项和技术出口管制条例", "legislation"),
        ("最高人民法院关于审理票据纠纷案件若干问题的规定", "legislation"),
        ("中华人民共和国宪法", "legislation"),
        ("Digital Service Standard", "standard"),
        ("Framework for Improving Critical Infrastructure Cybersecurity", "standard"),
        ("Style Guide for Python Code", "standard"),
        ("ISO/IEC 27001 Information security management systems", "standard"),
        ("National Cybersecurity Strategy", "strategy"),
        ("中共中央 国务院关于实施乡村振兴战略的意见", "strategy"),
        ("Inaugural Address", "speech"),
    ],
)
def test_a_title_naming_an_instrument_a_standard_or_a_strategy_gives_the_kind(title, kind):
    assert infer_kind(Shape(title=title)) == kind


def test_a_signed_piece_about_a_strategy_is_not_a_strategy():
    title = "Australia’s First National Defence Strategy: Deterrence Rules"
    assert infer_kind(Shape(title=title, authors=("Peter Layton",))) == "article"
    assert infer_kind(Shape(title=title, author_note="Peter Layton has a doctorate")) == "opinion"


def test_a_plan_is_a_strategy_only_when_a_body_issued_it():
    assert infer_kind(Shape(title="Digital Economy Action Plan", issuer="Department of Finance")) == "strategy"
    assert infer_kind(Shape(title="Digital Transformation Plan")) == "article"


def test_a_proposal_off_the_standards_track_is_other_and_on_it_a_standard():
    assert infer_kind(Shape(title="Python Language Governance", cues=("pep: 13", "type: Process"))) == "other"
    assert infer_kind(Shape(title="Module Exports", cues=("pep: 842", "type: Standards Track"))) == "standard"


@pytest.mark.parametrize(
    ("opening", "kind"),
    [
        ("The General Assembly,\nReaffirming its commitment", "resolution"),
        ("This section is normative.\nThe verifier SHALL require", "standard"),
        ("PREAMBLE\nWe the People … do ordain and establish this Constitution\nARTICLE I", "legislation"),
        ("Be it enacted by the Parliament of Australia, as follows:", "legislation"),
        ("第一条 为了加强对导弹及相关物项和技术出口的管制，制定本条例。", "legislation"),
        ("My fellow citizens, I stand here today humbled by the task before us", "speech"),
    ],
)
def test_the_opening_words_of_a_kind_give_it(opening, kind):
    assert infer_kind(Shape(title="", opening=opening)) == kind


def test_a_long_sectioned_text_nobody_signs_is_other_not_a_news_article():
    assert infer_kind(Shape(title="Digital Transformation Plan", headings=9)) == "other"


def test_a_signed_piece_with_many_subheadings_stays_an_article():
    assert infer_kind(Shape(title="Inside the plan", headings=9, authors=("Jane Doe",))) == "article"


def test_a_contents_list_alone_does_not_make_a_white_paper():
    assert infer_kind(Shape(title="Harbour Operations Manual", has_contents=True, headings=9)) == "other"
