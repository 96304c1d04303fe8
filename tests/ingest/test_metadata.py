"""archive/ingest/metadata.py: title, byline, dates, issuer, edition and the author's note."""

import pytest

from archive.ingest.blocks import HEADING, Block, heading, paragraph
from archive.ingest.frontmatter import FrontMatter, split_front_matter
from archive.ingest.metadata import read_header, split_author_note, title_case_name
from archive.ingest.model import PartialDate
from tests.ingest.structure_reading import header_of



def blocks(line_groups: list[list[str]]) -> list[Block]:
    """Paragraph blocks of the given lines, as a plain-text reader gives them."""
    return [paragraph(*lines) for lines in line_groups]


BODY = ["China and Southeast Asian nations are not only close neighbors geographically,", "but also online."]


def test_the_first_line_is_the_title_and_the_rest_is_body():
    header, body = read_header(blocks([["No digital strings attached"], BODY]))
    assert header.title == "No digital strings attached"
    assert body == blocks([BODY])


def test_a_byline_in_capitals_gives_title_cased_authors_and_the_publisher_without_its_edition():
    header, _ = read_header(blocks([["No digital strings attached"], ["By LU CHUANYING (China Daily Global)"], BODY]))
    assert header.authors == ("Lu Chuanying",)
    assert header.publisher == "China Daily"


def test_a_byline_with_several_names_gives_several_authors():
    header, _ = read_header(blocks([["Title here"], ["By Gregory B. Poling and Andreyka Natalegawa"], BODY]))
    assert header.authors == ("Gregory B. Poling", "Andreyka Natalegawa")


def test_a_sentence_starting_with_by_is_not_a_byline():
    line = "By the authority vested in me as President by the Constitution, it is hereby ordered:"
    header, body = read_header(blocks([["Executive Order"], [line]]))
    assert header.authors == ()
    assert body == blocks([[line]])


def test_an_updated_line_gives_the_date_to_the_day():
    header, _ = read_header(blocks([["Title here"], ["Updated: 2024-05-16"], BODY]))
    assert header.date == PartialDate(2024, 5, 16)


def test_a_printed_month_is_preferred_to_the_web_page_update_date():
    header, _ = read_header(blocks([["2017"], ["A white paper"], ["Updated: Jan 11, 2017"], ["January 2017"], BODY]))
    assert header.date == PartialDate(2017, 1)
    assert header.date.precision == "month"


def test_an_issuing_body_after_the_title_is_the_issuer_without_a_leading_the():
    header, _ = read_header(blocks([["A white paper"], ["The State Council Information Office of the People's Republic of China"]]))
    assert header.issuer == "State Council Information Office of the People's Republic of China"


def test_a_release_heading_is_not_an_issuer():
    header, _ = read_header(blocks([["A release"], ["Department of Defence Media Release"], BODY]))
    assert header.issuer == ""


def test_an_edition_line_is_the_edition():
    header, _ = read_header(blocks([["A white paper"], ["First Edition 2017"], ["Contents"]]))
    assert header.edition == "First Edition 2017"


def test_a_one_line_block_without_a_full_stop_under_the_title_is_the_subtitle():
    standfirst = "As the world is mired in turmoil, cooperation in the virtual space will help stabilize Asia"
    header, body = read_header(blocks([["No digital strings attached"], [standfirst], BODY]))
    assert header.subtitle == standfirst
    assert body == blocks([BODY])


def test_a_subtitle_on_the_line_below_the_title_in_the_same_block_is_the_subtitle():
    standfirst = "Beijing and Southeast Asian capitals can build confidence by upholding local autonomy"
    header, _ = read_header(blocks([["To align security interests", standfirst], BODY]))
    assert header.subtitle == standfirst


def test_a_hard_wrapped_first_body_line_is_not_taken_for_a_subtitle():
    first = "Last month, Cambodia allowed foreign warships from multiple nations to access its"
    header, body = read_header(blocks([["To align security interests"], [first, "Ream naval base."]]))
    assert header.subtitle == ""
    assert body == blocks([[first, "Ream naval base."]])


def test_one_word_site_sections_above_the_headline_are_not_the_title():
    header, _ = read_header(blocks([["Opinion", "Academia", "PLA in the new era", "Chen Yongjing"]]))
    assert header.title == "PLA in the new era"
    assert header.section_labels == ["Opinion"]


def test_front_matter_gives_title_date_authors_and_description_as_subtitle():
    front, _, _ = split_front_matter(
        "---\ntitle: Between Two Reefs\nauthor: Gregory B. Poling and Andreyka Natalegawa\n"
        "date: 2025-12-02 12:00:00 +0800\ndescription: \"Indonesia’s Strategic Culture\"\n---\n"
    )
    header, body = read_header(blocks([["# Between Two Reefs"], BODY]), front)
    assert header.title == "Between Two Reefs: Indonesia’s Strategic Culture"  # a description sharing no word
    assert header.authors == ("Gregory B. Poling", "Andreyka Natalegawa")
    assert header.date == PartialDate(2025, 12, 2)
    assert body == blocks([BODY])


def test_a_description_sharing_words_with_a_short_front_matter_title_is_the_full_title():
    front, _, _ = split_front_matter(
        "---\ntitle: JP’s Stance On TW’s Security\n"
        "description: \"Japan’s Stance on Taiwan’s Security is Good for the Status Quo\"\n---\n"
    )
    header, _ = read_header(blocks([BODY]), front)
    assert header.title == "Japan’s Stance on Taiwan’s Security is Good for the Status Quo"


def test_a_news_byline_of_bare_lines_gives_standfirst_author_publisher_and_date():
    block = ["Opinion", "Academia", "PLA in the new era", "Humanitarian-relief cooperation has become a highlight.",
             "Chen Yongjing", "(The Jakarta Post)", "Jakarta", "Thu, August 4, 2022"]
    header, body = read_header(blocks([block, BODY]))
    assert header.subtitle == "Humanitarian-relief cooperation has become a highlight."
    assert header.authors == ("Chen Yongjing",)
    assert header.publisher == "The Jakarta Post"
    assert header.date == PartialDate(2022, 8, 4)
    assert body == blocks([BODY])


def test_a_name_and_a_dateline_place_before_the_date_are_author_and_place():
    block = ["A decade of progress", "The BRI's inclusive ethos extends to all nations.", "Imran Khalid",
             "Karachi, Pakistan", "Mon, October 16, 2023"]
    header, _ = read_header(blocks([block, BODY]), source_url="http://www.thejakartapost.com/opinion/2023/10/16/a.html")
    assert header.authors == ("Imran Khalid",)
    assert header.publisher == "The Jakarta Post"


def test_held_lines_without_a_byline_after_them_stay_in_the_body():
    first = "The Government of the United States of America, represented by the"
    header, body = read_header(blocks([["Technology Deal"], [first, "Office of Science and Technology Policy, and Japan,"]]))
    assert header.subtitle == "" and header.issuer == ""
    assert body[0].lines[0] == first


def test_a_syndicated_story_names_its_publisher_and_the_site_it_was_captured_from():
    block = ["China issues White Paper", "Elizabeth Law", "(ANN/The Straits Times)", "Beijing", "Wed, September 27, 2023"]
    header, _ = read_header(blocks([block, BODY]), source_url="http://www.thejakartapost.com/world/2023/09/27/x.html")
    assert (header.publisher, header.site) == ("The Straits Times", "The Jakarta Post")


def test_a_byline_edition_is_kept_as_the_edition():
    header, _ = read_header(blocks([["No digital strings attached"], ["By LU CHUANYING (China Daily Global)"], BODY]))
    assert header.edition == "China Daily Global"


def test_a_date_printed_in_the_document_wins_over_the_front_matter_posting_date():
    front, _, _ = split_front_matter("---\ntitle: Remarks by National Security Advisor Jake Sullivan on the NSS\n"
                                     "date: '2022-10-13'\n---\n")
    header, _ = read_header(blocks([["(October 12, 2022)"], BODY]), front)
    assert header.date == PartialDate(2022, 10, 12)
    assert header.authors == ("Jake Sullivan",)


def test_a_catalogue_record_gives_authors_publisher_and_issuer():
    front, _, _ = split_front_matter('---\ntitle: "Strengthening defences."\ncreators:\n  - "Howard, John"\n'
                                     '  - "Liberal Party of Australia"\nsource: "DEPT OF DEFENCE"\n---\n')
    header, _ = read_header(blocks([BODY]), front)
    assert header.title == "Strengthening defences"
    assert header.authors == ("John Howard",)
    assert header.publisher == "Liberal Party of Australia"
    assert header.issuer == "Department of Defence"


def test_a_wholly_italic_block_under_the_title_is_the_standfirst():
    header, body = read_header(blocks([["Title here"], ["_Can the strategy address the problems?_"], BODY]))
    assert header.subtitle == "Can the strategy address the problems?"
    assert body == blocks([BODY])


def test_a_closing_contributor_biography_is_an_author_note():
    bio = "Daniel Byman is the director of the Warfare, Irregular Threats, and Terrorism Program at CSIS."
    assert split_author_note(["First.", "Second.", bio]) == (["First.", "Second."], bio)


def test_a_closing_author_note_is_moved_out_of_the_body():
    note = "The author is deputy director and senior fellow of the Institute. The views do not reflect China Daily."
    body, found = split_author_note(["First.", "Second.", note])
    assert body == ["First.", "Second."]
    assert found == note


def test_a_sentence_about_the_author_early_in_the_text_is_not_an_author_note():
    text = ["The author is mentioned here.", "Two.", "Three.", "Four."]
    assert split_author_note(text) == (text, "")


def test_names_printed_in_capitals_are_title_cased_and_others_kept():
    assert title_case_name("LU CHUANYING") == "Lu Chuanying"
    assert title_case_name("Gregory B. Poling") == "Gregory B. Poling"


# --- headers of real documents of many conventions (../shared/corpus/structure) ---------------------------------

_IETF = "Internet Engineering Task Force (IETF)"


@pytest.mark.parametrize(
    ("name", "title", "authors", "issuer", "publisher", "date"),
    [
        ("rfc8446.txt", "The Transport Layer Security (TLS) Protocol Version 1.3", ("E. Rescorla",), _IETF, _IETF, "2018-08"),
        ("pep-0008-style-guide.txt", "Style Guide for Python Code",
         ("Guido van Rossum", "Barry Warsaw", "Alyssa Coghlan"), "", "", "2001-07-05"),
        ("pep-0013-python-language-governance.txt", "Python Language Governance", (),
         "The Python core team and community", "The Python core team and community", "2018-12-16"),
        ("django-dep-0010-new-governance.txt", "DEP 0010: New governance for the Django project", ("James Bennett",),
         "", "", "2018-09-22"),
        ("us-constitution.txt", "", (), "", "", None),
        ("cn-2018-01-02-xiangcun-zhenxing-yijian.txt", "中共中央 国务院关于实施乡村振兴战略的意见", (),
         "中共中央 国务院", "中共中央 国务院", "2018-01-02"),
        ("cn-constitution-2018.md", "中华人民共和国宪法", (), "全国人民代表大会", "全国人民代表大会", "2018-03-11"),
        ("cn-2002-08-22-daodan-chukou-guanzhi-tiaoli.md", "中华人民共和国导弹及相关物项和技术出口管制条例", (),
         "国务院", "国务院", "2002-08-22"),
        ("un-a-res-80-11-peacebuilding-architecture-review.md",
         "2025 review of the United Nations peacebuilding architecture", (), "United Nations General Assembly",
         "United Nations", "2025-11-26"),
        ("au-dto-digital-transformation-plan.md", "Digital Transformation Plan", (), "", "", "2015-07-23"),
        ("nist-sp-800-63b-section5-authenticators.md", "Authenticator and Verifier Requirements", (), "", "", None),
        ("us-wh-2021-11-23-statement-us-lithuania-indo-pacific.md",
         "Statement by NSC Spokesperson Emily Horne on the U.S.-Lithuania Strategic Dialogue on the Indo-Pacific",
         ("Emily Horne",), "", "The White House", "2021-11-23"),
        ("us-federal-register-2020-17221.pdf", "Airworthiness Directives; The Boeing Company Airplanes", (),
         "Federal Aviation Administration", "Federal Register", "2020-08-06"),
    ],
)
def test_a_real_documents_header_gives_title_authors_issuer_publisher_and_date(name, title, authors, issuer, publisher,
                                                                                date):
    header, _ = header_of(name)
    got = (header.title, header.authors, header.issuer, header.publisher, header.date.iso() if header.date else None)
    assert got == (title, authors, issuer, publisher, date)


def test_a_resolution_is_dated_by_its_adoption_not_by_its_distribution():
    header, body = header_of("un-a-res-80-23-ai-nuclear-command-control.md")
    assert header.date == PartialDate(2025, 12, 1)  # "Distr.: General 3 December 2025" is the distribution date
    assert body[0].text == "The General Assembly,"


def test_a_chapter_heading_titles_a_chapter_file_and_stays_its_first_section():
    header, body = header_of("uk-government-digital-strategy-2012-ch09-principles-and-actions.md")
    assert header.title == "Principles and actions"
    assert body[0].kind == HEADING and body[0].text == "09 Principles and actions"


def test_an_rfc_title_is_read_after_its_header_and_the_body_starts_at_abstract():
    header, body = header_of("rfc2616.txt")
    assert header.title == "Hypertext Transfer Protocol -- HTTP/1.1"
    assert len(header.authors) == 7 and header.issuer == "Network Working Group"
    assert "Standards Track" in " ".join(header.cues)


def test_a_generic_first_heading_is_no_title_and_stays_in_the_body():
    header, body = read_header([heading("PREAMBLE", 0, "caps"), paragraph("We the People of the United States…")])
    assert header.title == ""
    assert body[0].text == "PREAMBLE"


def test_a_cover_that_sets_one_title_word_per_line_gives_one_title():
    header, _ = read_header(blocks([["NATIONAL"], ["CYBERSECURITY"], ["STRATEGY"], ["MARCH 2023"], BODY]))
    assert header.title == "National Cybersecurity Strategy"
    assert header.date == PartialDate(2023, 3)


def test_a_title_line_that_cannot_end_a_title_goes_on_over_the_next():
    header, _ = read_header(blocks([["Framework for Improving"], ["Critical Infrastructure Cybersecurity"],
                                    ["Version 1.1"], ["National Institute of Standards and Technology"], BODY]))
    assert header.title == "Framework for Improving Critical Infrastructure Cybersecurity"
    assert header.issuer == header.publisher == "National Institute of Standards and Technology"


def test_a_printed_title_replaces_a_bookmark_title_that_adds_the_series_number():
    header, _ = read_header([heading("NIST SP 800-207, Zero Trust Architecture", 1, "outline"),
                             paragraph("NIST Special Publication 800-207"), heading("Zero Trust Architecture", 1, "font"),
                             paragraph("Scott Rose Oliver Borchert Stu Mitchell Sean Connelly"),
                             paragraph("This publication is available free of charge from: https://doi.org/10.6028/x")])
    assert header.title == "Zero Trust Architecture"
    assert header.authors == ("Scott Rose", "Oliver Borchert", "Stu Mitchell", "Sean Connelly")


def test_names_listed_one_per_line_under_the_title_are_its_authors():
    header, body = read_header(blocks([["A Study of Things"], ["Jane Smith"], ["John Doe"], BODY]))
    assert header.authors == ("Jane Smith", "John Doe")
    assert body == blocks([BODY])


def test_names_after_an_authors_label_are_the_authors():
    header, _ = read_header(blocks([["A Study of Things"], ["Authors:", "Jane Smith", "John Doe"], BODY]))
    assert header.authors == ("Jane Smith", "John Doe")


def test_the_latest_amendment_dates_the_text_as_published():
    header, _ = read_header(blocks([["# 某某条例"], ["2000年2月24日 最高人民法院审判委员会第1102次会议通过"],
                                    ["2020年12月23日 最高人民法院审判委员会第1823次会议通过"], BODY]))
    assert header.date == PartialDate(2020, 12, 23)
    assert header.issuer == header.publisher == "最高人民法院审判委员会"


def test_an_issuer_with_no_other_publisher_is_the_publisher():
    header, _ = read_header(blocks([["A white paper"], ["The State Council Information Office of the People's Republic of China"], BODY]))
    assert header.publisher == "State Council Information Office of the People's Republic of China"


def test_a_title_in_capitals_is_shown_in_title_case():
    header, _ = read_header(blocks([["SUBMISSION TO CABINET"], BODY]))
    assert header.title == "Submission to Cabinet"


def test_an_all_numeric_date_is_read_in_the_order_the_documents_other_dates_settle():
    header, _ = read_header(blocks([["A release"], ["03/10/2000"], BODY, ["Issued on 20/09/2000."]]))
    assert header.date == PartialDate(2000, 10, 3)


def test_a_biography_of_someone_other_than_the_author_is_body_text():
    note = "Lieutenant-General Peter Cosgrove is the director of the Army's research program."
    assert split_author_note(["First.", "Second.", note], ("Jane Smith",)) == (["First.", "Second.", note], "")


def test_a_biography_that_opens_with_the_bylines_name_is_the_author_note():
    bio = "Dr Peter Layton has a doctorate from the University of New South Wales."
    assert split_author_note(["First.", bio], ("Peter Layton",)) == (["First."], bio)


def test_catalogue_style_author_fields_are_people_not_an_issuer():
    front = FrontMatter({"title": "Maritime law after the ruling", "authors": ["Nakamura, Keiko", "Osei, Kwame"]})
    header, _ = read_header(blocks([BODY]), front)
    assert header.authors == ("Keiko Nakamura", "Kwame Osei")
    assert (header.issuer, header.publisher) == ("", "")


def test_a_sentence_about_what_the_author_thinks_is_not_a_note_about_the_author():
    body = ["First paragraph of the argument.", "The author feels that the interrupt feature which is common is a source of errors."]
    assert split_author_note(body) == (body, "")


def test_a_note_naming_the_writer_in_apposition_is_moved_out():
    body = ["First paragraph.", "The writer, a senior fellow at a maritime institute, is based in Manila."]
    assert split_author_note(body) == (body[:1], body[1])


def test_a_text_of_one_paragraph_is_never_all_author_note():
    assert split_author_note(["The author is a historian of the Pacific war."]) == (["The author is a historian of the Pacific war."], "")


def test_a_title_ending_in_a_gerund_does_not_swallow_the_paragraph_under_it():
    abstract = "In accumulating a sum such as in a numerical integration with a large number of intervals, the sum grows."
    header, body = read_header(blocks([["Reducing Truncation Errors by Programming"], [abstract]]))
    assert header.title == "Reducing Truncation Errors by Programming"
    assert body == blocks([[abstract]])


# --- Chinese and Japanese headers: a dash-led subtitle, a date and a name under the title ----------------------------

_CN_TITLE = "坚持绿色发展 建设美丽乡村"
_CN_BODY = ["现在，我代表本届委员会向大会作报告。", "过去五年，我们坚持稳中求进工作总基调，各项事业取得新的重大成就。"]


@pytest.mark.parametrize(
    ("lines", "subtitle", "date", "authors"),
    [
        # a speech under its title: occasion, date in brackets, the speaker's name spaced out, then the salutation
        (["——在全省农村工作会议上的讲话", "（2021年3月5日）", "李　明　华", "同志们："], "在全省农村工作会议上的讲话",
         PartialDate(2021, 3, 5), ("李明华",)),
        (["——在全省农村工作会议上的讲话", "(二〇二一年三月)", "王　　芳"], "在全省农村工作会议上的讲话",
         PartialDate(2021, 3), ("王芳",)),
        (["２０２１年３月５日", "张伟"], "", PartialDate(2021, 3, 5), ("张伟",)),
        (["二〇二一年", "陈　小　红"], "", PartialDate(2021), ("陈小红",)),
        (["2021年3月"], "", PartialDate(2021, 3), ()),
    ],
)
def test_a_chinese_title_block_gives_subtitle_date_and_speaker(lines, subtitle, date, authors):
    header, body = read_header(blocks([[_CN_TITLE], *([line] for line in lines), _CN_BODY]))
    assert (header.title, header.subtitle, header.date, header.authors) == (_CN_TITLE, subtitle, date, authors)
    assert body[-1].lines == tuple(_CN_BODY)


@pytest.mark.parametrize("first", ["前言", "引言", "目录", "结束语", "结语", "序言", "同志们：", "同志们"])
def test_a_heading_or_salutation_under_a_chinese_title_is_no_author_and_stays_in_the_body(first):
    header, body = read_header(blocks([[_CN_TITLE], ["（2021年3月5日）"], [first], _CN_BODY]))
    assert header.authors == () and header.date == PartialDate(2021, 3, 5)
    assert body[0].text == first


def test_a_dash_led_sentence_of_the_text_is_no_subtitle():
    point = "——我们坚持农业农村优先发展，乡村振兴取得新进展。"
    header, body = read_header(blocks([[_CN_TITLE], [point], _CN_BODY]))
    assert header.subtitle == "" and body[0].text == point


def test_a_name_line_is_read_only_under_a_title():
    header, _ = read_header(blocks([["李　明　华"], _CN_BODY]))
    assert header.authors == ()  # the first line is the title


def test_the_real_congress_report_gives_its_occasion_date_and_speaker():
    from tests.ingest.fixtures import CORPUS, parsed_file
    doc = parsed_file(CORPUS / "cn-cpc-2022-20th-congress-report-zh.jsonl")
    assert doc.title == "高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗"
    assert doc.subtitle == "在中国共产党第二十次全国代表大会上的报告"
    assert doc.date == PartialDate(2022, 10, 16) and doc.date.precision == "day"
    assert doc.authors == ("习近平",)
    assert doc.sections[0].paragraphs[0] == "同志们："  # the salutation opens the text
