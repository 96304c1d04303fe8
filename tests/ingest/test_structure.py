"""archive/ingest/headings.py and structure.py: which blocks are headings, and the section tree they build.

The two modules are one tree builder; headings are tested through the tree a reader sees.
"""

import pytest

from archive.ingest.blocks import LIST_ITEM, Block, heading, paragraph
from archive.ingest.contents import mark_contents
from archive.ingest.model import ContentsEntry
from archive.ingest.structure import build_structure as build_from_blocks
from tests.ingest.fixtures import all_paragraphs, all_sections, parsed_file
from tests.ingest.structure_reading import STRUCTURE


def build_structure(texts: list[str]):
    """Build the tree of paragraphs as a plain-text reader gives them, each its own block."""
    return build_from_blocks([paragraph(t) for t in texts])


def build_with_contents(texts: list[str]):
    """Build the tree after the contents list among ``texts`` was recognised, as the pipeline does."""
    return build_from_blocks(mark_contents([paragraph(t) for t in texts]))

TEXT = "Body text of some length that ends with a full stop."
FIRST = "First, we should promote common development and lay a solid economic foundation for peace in the region"


def test_an_article_without_headings_is_one_unlabelled_section_with_every_paragraph():
    structure = build_structure(["One.", "Two.", "Three."])
    assert len(structure.sections) == 1
    section = structure.sections[0]
    assert (section.label, section.heading, section.paragraphs) == ("", "", ("One.", "Two.", "Three."))


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


def test_contents_entries_not_in_the_text_are_missing():
    paragraphs = ["Contents", "Preface", "I. Policies", "II. Vision", "Conclusion", "Preface", TEXT, "I. Policies", TEXT]
    structure = build_with_contents(paragraphs)
    assert structure.missing == (ContentsEntry("II", "Vision"), ContentsEntry("", "Conclusion"))


def test_with_a_contents_list_an_unlisted_roman_line_is_not_a_chapter():
    paragraphs = ["Contents", "I. Policies", "I. Policies", TEXT, "II. Something unlisted", TEXT]
    structure = build_with_contents(paragraphs)
    assert [s.label for s in structure.sections] == ["I"]


def test_markdown_headings_nest_by_their_level():
    blocks = [heading("Recommendations", 3, "atx"), paragraph(TEXT), heading("1. Competing Interests", 4, "atx"), paragraph(TEXT)]
    structure = build_from_blocks(blocks)
    (top,) = structure.sections
    assert (top.label, top.heading) == ("", "Recommendations")
    assert [(c.label, c.heading) for c in top.children] == [("1", "Competing Interests")]


def test_article_headings_of_a_treaty_are_sections():
    structure = build_structure(["Preamble text.", "ARTICLE I.", TEXT, "ARTICLE II.", TEXT])
    assert [s.label for s in structure.sections] == ["", "ARTICLE I", "ARTICLE II"]


ZH = "我们要坚持以推动高质量发展为主题，推动经济实现质的有效提升和量的合理增长。"


def test_chinese_numbered_chapters_are_top_level_sections_labelled_by_the_numeral():
    structure = build_structure(["同志们：", ZH, "一、过去五年的工作", ZH, "二、开辟新境界", ZH])
    assert [(s.label, s.heading) for s in structure.sections] == [("", ""), ("一", "过去五年的工作"), ("二", "开辟新境界")]


def test_bracketed_chinese_numerals_nest_under_the_chapter_with_a_run_in_heading():
    structure = build_structure(["一、加快构建新发展格局，着力推动高质量发展", ZH, "（一）构建高水平社会主义市场经济体制。坚持和完善基本制度。",
                                 "（二）建设现代化产业体系。坚持把发展经济的着力点放在实体经济上。", ZH])
    (chapter,) = structure.sections
    assert (chapter.label, chapter.heading, chapter.paragraphs) == ("一", "加快构建新发展格局，着力推动高质量发展", (ZH,))
    first, second = chapter.children
    assert (first.label, first.heading, first.paragraphs) == ("（一）", "构建高水平社会主义市场经济体制", ("坚持和完善基本制度。",))
    assert (second.label, second.heading) == ("（二）", "建设现代化产业体系")
    assert second.paragraphs == ("坚持把发展经济的着力点放在实体经济上。", ZH)


def test_bracketed_subsections_restart_in_each_chapter():
    structure = build_structure(["一、甲", "（一）子甲。正文。", "二、乙", "（一）子乙。正文。", ZH])
    assert [[c.label for c in s.children] for s in structure.sections] == [["（一）"], ["（一）"]]


def test_chinese_numerals_past_ten_keep_the_sequence():
    paragraphs = [p for n in "一 二 三 四 五 六 七 八 九 十 十一 十二".split() for p in (f"{n}、章节{n}", ZH)]
    assert [s.label for s in build_structure(paragraphs).sections][-3:] == ["十", "十一", "十二"]


def test_chinese_enumerations_inside_a_chapter_stay_paragraphs():
    dash = "——必须坚持人民至上。人民性是马克思主义的本质属性。"
    long_first = "（一）我们要坚持以推动高质量发展为主题，把实施扩大内需战略同深化供给侧结构性改革有机结合起来。"
    sentence = "一、二、三、四、五庭共同主办，法律出版社出版。"
    structure = build_structure(["一、甲", dash, long_first, sentence, "（三）没有第二项。正文。", ZH])
    (chapter,) = structure.sections
    assert chapter.children == ()
    assert chapter.paragraphs == (dash, long_first, sentence, "（三）没有第二项。正文。", ZH)


def test_a_chinese_chapter_out_of_sequence_is_a_paragraph():
    structure = build_structure(["四、加快构建新发展格局", ZH])
    assert structure.sections[0].paragraphs == ("四、加快构建新发展格局", ZH)


def test_a_chinese_line_ending_a_sentence_is_not_a_chapter():
    structure = build_structure(["一、我们召开了七次全会，作出了决定。", ZH])
    assert structure.sections[0].label == ""


def test_the_congress_report_has_fifteen_chapters_with_their_subsections():
    from archive.ingest.jsonlines import read_jsonlines
    from tests.ingest.fixtures import CORPUS

    _, text = read_jsonlines((CORPUS / "cn-cpc-2022-20th-congress-report-zh.jsonl").read_text(encoding="utf-8"))
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    sections = build_structure(paragraphs).sections
    assert [s.label for s in sections[1:]] == "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五".split()
    assert [len(s.children) for s in sections[1:]] == [0, 0, 0, 5, 4, 4, 4, 5, 4, 4, 4, 0, 0, 0, 7]
    assert sections[13].heading == "坚持和完善“一国两制”，推进祖国统一"


# --- One rule per test: which blocks are headings and how deep they sit (archive/ingest/structure.py) ---


def tree(sections) -> list:
    """Return a section tree as nested (label, heading, children) tuples, leaving out a leading unlabelled section."""
    return [(s.label, s.heading, tree(s.children)) for s in sections if s.label or s.heading or s.children]


def outline(blocks: list) -> list:
    return tree(build_from_blocks(blocks).sections)


def flat(blocks: list) -> list[tuple[str, str]]:
    return [(s.label, s.heading) for s in all_sections(build_from_blocks(blocks).sections)]


# Decimal numbering


def test_decimal_depth_nests_headings_whatever_markdown_level_they_were_set_at():
    blocks = [
        heading("1. Introduction", 2, "atx"),
        paragraph(TEXT),
        heading("1.1 Scope", 2, "atx"),
        paragraph(TEXT),
        heading("1.1.1 Terms", 1, "atx"),
        paragraph(TEXT),
        heading("2. Protocol", 3, "atx"),
        paragraph(TEXT),
    ]
    assert outline(blocks) == [("1", "Introduction", [("1.1", "Scope", [("1.1.1", "Terms", [])])]), ("2", "Protocol", [])]


def test_decimal_headings_of_an_unranked_format_nest_by_depth_alone():
    blocks = [
        heading("4. Handshake Protocol", 1, "tag"),
        paragraph(TEXT),
        heading("4.2 Extensions", 1, "tag"),
        paragraph(TEXT),
        heading("4.2.11. Pre-Shared Key Extension", 1, "tag"),
        paragraph(TEXT),
        heading("5. Record Protocol", 1, "tag"),
        paragraph(TEXT),
    ]
    assert outline(blocks) == [
        ("4", "Handshake Protocol", [("4.2", "Extensions", [("4.2.11", "Pre-Shared Key Extension", [])])]),
        ("5", "Record Protocol", []),
    ]


def test_1_0_is_chapter_1_with_1_1_under_it_and_2_0_beside_it():
    blocks = [
        heading("1.0 Framework Introduction", 1, "font"),
        paragraph(TEXT),
        heading("1.1 Overview", 2, "font"),
        paragraph(TEXT),
        heading("2.0 Framework Basics", 1, "font"),
        paragraph(TEXT),
    ]
    assert outline(blocks) == [("1.0", "Framework Introduction", [("1.1", "Overview", [])]), ("2.0", "Framework Basics", [])]


def test_1_0_printed_as_plain_text_opens_chapter_1():
    texts = ["1.0 Framework Introduction", TEXT, "1.1 Overview", TEXT, "2.0 Framework Basics", TEXT]
    assert tree(build_structure(texts).sections) == [
        ("1.0", "Framework Introduction", [("1.1", "Overview", [])]),
        ("2.0", "Framework Basics", []),
    ]


def test_an_appendix_sits_beside_the_chapters_with_a_1_under_it():
    blocks = [
        heading("1. Introduction", 1, "tag"),
        paragraph(TEXT),
        heading("1.1 Scope", 1, "tag"),
        paragraph(TEXT),
        heading("Appendix A. State Machine", 1, "tag"),
        paragraph(TEXT),
        heading("A.1. Client", 1, "tag"),
        paragraph(TEXT),
        heading("A.2. Server", 1, "tag"),
        paragraph(TEXT),
    ]
    assert outline(blocks) == [
        ("1", "Introduction", [("1.1", "Scope", [])]),
        ("Appendix A", "State Machine", [("A.1", "Client", []), ("A.2", "Server", [])]),
    ]


def test_a_1_printed_as_plain_text_after_appendix_a_is_its_subsection():
    texts = [
        "1. Introduction",
        TEXT,
        "2. Protocol",
        TEXT,
        "Appendix A. State Machine",
        TEXT,
        "A.1. Client",
        TEXT,
        "A.2. Server",
        TEXT,
    ]
    assert tree(build_structure(texts).sections)[-1] == (
        "Appendix A",
        "State Machine",
        [("A.1", "Client", []), ("A.2", "Server", [])],
    )


def test_a_numbered_paragraph_is_a_heading_only_when_it_continues_its_sequence():
    texts = ["1. Introduction", TEXT, "2. Scope", TEXT, "4. Terms", TEXT, "2.2 Definitions", TEXT]
    assert [s.label for s in all_sections(build_structure(texts).sections)] == ["1", "2"]


def test_a_numbered_line_that_reads_as_a_clause_is_not_a_heading():
    texts = ["1. Introduction", TEXT, "2. Understand user needs. Research to develop a deep knowledge of who the users are", TEXT]
    assert [s.label for s in build_structure(texts).sections] == ["1"]


# Ranking by first appearance


def test_a_style_first_seen_under_a_numbered_heading_nests_in_it():
    blocks = [heading("I. Policies", 0, "caps"), paragraph(TEXT), heading("Scope of this paper", 0, "bold"), paragraph(TEXT)]
    assert outline(blocks) == [("I", "Policies", [("", "Scope of this paper", [])])]


def test_a_style_first_seen_under_an_unnumbered_heading_sits_beside_it():
    blocks = [
        heading("Preface", 1, "font"),
        paragraph(TEXT),
        heading("I. Policies", 2, "bold"),
        paragraph(TEXT),
        heading("II. Vision", 2, "bold"),
        paragraph(TEXT),
    ]
    assert outline(blocks) == [("", "Preface", []), ("I", "Policies", []), ("II", "Vision", [])]


def test_which_of_two_styles_ranks_higher_is_learnt_from_the_one_seen_first():
    caps_first = [
        heading("I. Alpha", 0, "caps"),
        paragraph(TEXT),
        heading("Scope", 0, "bold"),
        paragraph(TEXT),
        heading("II. Beta", 0, "caps"),
        paragraph(TEXT),
        heading("Reach", 0, "bold"),
        paragraph(TEXT),
    ]
    bold_first = [
        heading("A. Alpha", 0, "bold"),
        paragraph(TEXT),
        heading("SCOPE", 0, "caps"),
        paragraph(TEXT),
        heading("B. Beta", 0, "bold"),
        paragraph(TEXT),
        heading("REACH", 0, "caps"),
        paragraph(TEXT),
    ]
    assert outline(caps_first) == [("I", "Alpha", [("", "Scope", [])]), ("II", "Beta", [("", "Reach", [])])]
    assert outline(bold_first) == [("A", "Alpha", [("", "SCOPE", [])]), ("B", "Beta", [("", "REACH", [])])]


def test_a_number_continuing_an_open_heading_is_its_sibling_however_the_format_set_it():
    blocks = [
        heading("I. Policies", 1, "font"),
        paragraph(TEXT),
        heading("1. Concept", 2, "bold"),
        paragraph(TEXT),
        heading("II. Vision", 2, "bold"),
        paragraph(TEXT),
    ]
    assert outline(blocks) == [("I", "Policies", [("1", "Concept", [])]), ("II", "Vision", [])]


def test_a_markdown_atx_heading_ranks_on_the_same_scale_as_a_setext_one():
    blocks = [
        heading("Introduction", 2, "setext"),
        paragraph(TEXT),
        heading("Details", 3, "atx"),
        paragraph(TEXT),
        heading("Next steps", 2, "setext"),
        paragraph(TEXT),
    ]
    assert outline(blocks) == [("", "Introduction", [("", "Details", [])]), ("", "Next steps", [])]


def test_a_pdf_bookmarks_level_is_the_rank_itself():
    blocks = [
        heading("PILLAR ONE | DEFEND CRITICAL INFRASTRUCTURE", 1, "outline"),
        paragraph(TEXT),
        heading("Strategic Objective 1.1: Establish Requirements", 2, "outline"),
        paragraph(TEXT),
        heading("PILLAR TWO | DISRUPT THREAT ACTORS", 1, "outline"),
        paragraph(TEXT),
    ]
    assert outline(blocks) == [
        ("PILLAR ONE", "DEFEND CRITICAL INFRASTRUCTURE", [("Strategic Objective 1.1", "Establish Requirements", [])]),
        ("PILLAR TWO", "DISRUPT THREAT ACTORS", []),
    ]


# Named divisions


def test_division_words_nest_headings_the_format_set_alike():
    blocks = [
        heading("Part I—Preliminary", 3, "tag"),
        heading("SECT 1 Short title", 3, "tag"),
        paragraph(TEXT),
        heading("Part III—Void marriages", 3, "tag"),
        heading("Division 1—Marriages before 1985", 3, "tag"),
        heading("SECT 22 Application", 3, "tag"),
        paragraph(TEXT),
        heading("Division 2—Later marriages", 3, "tag"),
        heading("SECT 23A Application of Division", 3, "tag"),
        paragraph(TEXT),
        heading("Part IV—Solemnization", 3, "tag"),
        paragraph(TEXT),
    ]
    assert outline(blocks) == [
        ("Part I", "Preliminary", [("SECT 1", "Short title", [])]),
        (
            "Part III",
            "Void marriages",
            [
                ("Division 1", "Marriages before 1985", [("SECT 22", "Application", [])]),
                ("Division 2", "Later marriages", [("SECT 23A", "Application of Division", [])]),
            ],
        ),
        ("Part IV", "Solemnization", []),
    ]


def test_bracketed_points_found_by_shape_nest_inside_a_section():
    blocks = [
        heading("PART 39—AIRWORTHINESS DIRECTIVES", 0, "caps"),
        paragraph(TEXT),
        heading("§ 39.13 Amended", 0, "bold"),
        paragraph(TEXT),
        paragraph("(a) Comments Due Date"),
        paragraph(TEXT),
        paragraph("(b) Affected ADs"),
        paragraph(TEXT),
    ]
    assert outline(blocks) == [
        (
            "PART 39",
            "AIRWORTHINESS DIRECTIVES",
            [("§ 39.13", "Amended", [("(a)", "Comments Due Date", []), ("(b)", "Affected ADs", [])])],
        )
    ]


def test_a_label_only_heading_takes_the_line_after_it_as_its_heading():
    blocks = [
        heading("CHAPTER I", 0, "class"),
        paragraph("General provisions"),
        heading("Article 1", 0, "class"),
        paragraph("Subject matter"),
        paragraph(TEXT),
    ]
    assert outline(blocks) == [("CHAPTER I", "General provisions", [("Article 1", "Subject matter", [])])]


def test_the_title_line_taken_by_a_label_only_heading_is_not_kept_again_as_a_paragraph():
    structure = build_from_blocks([paragraph("Annex"), paragraph("Doha Political Declaration"), paragraph(TEXT)])
    assert structure.sections[0].paragraphs == (TEXT,)


# Run-in divisions


def test_a_run_in_section_is_a_section_with_an_empty_heading_and_its_text_as_first_paragraph():
    structure = build_from_blocks(
        [
            heading("ARTICLE. I.", 0, "caps"),
            paragraph("SECTION. 1. All legislative Powers shall be vested in a Congress."),
            paragraph("SECTION. 2. The House shall be composed of Members."),
            paragraph(TEXT),
        ]
    )
    first, second = structure.sections[0].children
    assert (first.label, first.heading, first.paragraphs) == (
        "SECTION. 1",
        "",
        ("All legislative Powers shall be vested in a Congress.",),
    )
    assert (second.label, second.heading, second.paragraphs) == (
        "SECTION. 2",
        "",
        ("The House shall be composed of Members.", TEXT),
    )


def test_a_chinese_article_is_a_run_in_section_with_its_text_as_first_paragraph():
    structure = build_structure(
        ["第一条　为了规范管理，制定本规定。", "第二条 本规定适用于全国。", "第三条　本规定自发布之日起施行。"]
    )
    assert [(s.label, s.heading, s.paragraphs) for s in structure.sections] == [
        ("第一条", "", ("为了规范管理，制定本规定。",)),
        ("第二条", "", ("本规定适用于全国。",)),
        ("第三条", "", ("本规定自发布之日起施行。",)),
    ]


def test_a_sentence_opening_with_a_division_label_stays_a_paragraph():
    structure = build_structure(
        ["Article 1 Scope", TEXT, "Article 2 shall apply to all data held by public sector bodies.", TEXT]
    )
    (article,) = structure.sections
    assert article.paragraphs == (TEXT, "Article 2 shall apply to all data held by public sector bodies.", TEXT)


def test_a_heading_shaped_last_line_is_a_paragraph_but_a_run_in_division_there_is_a_section():
    ending = build_structure(["I. Policies", TEXT, "II. Vision"])
    run_in = build_structure(["I. Policies", TEXT, "SECTION. 1. All legislative Powers shall be vested in a Congress."])
    assert ending.sections[-1].paragraphs[-1] == "II. Vision"
    assert [(c.label, c.paragraphs) for c in run_in.sections[0].children] == [
        ("SECTION. 1", ("All legislative Powers shall be vested in a Congress.",))
    ]


def test_a_heading_the_format_marked_is_a_section_even_as_the_last_block():
    blocks = [paragraph("I. Policies"), paragraph(TEXT), heading("II. Vision", 2, "atx")]
    assert [s.label for s in build_from_blocks(blocks).sections] == ["I", "II"]


# Chinese divisions


CN = "国家厉行节约，反对浪费。"


def test_chinese_chapters_hold_sections_that_hold_articles():
    blocks = [
        heading("第一章 总纲", 2, "atx"),
        paragraph("第一条 " + CN),
        heading("第二章 国家机构", 2, "atx"),
        heading("第一节 全国人民代表大会", 3, "atx"),
        paragraph("第二条 " + CN),
        paragraph("第三条 " + CN),
        heading("第二节 国务院", 3, "atx"),
        paragraph("第四条 " + CN),
        heading("第三章 国旗", 2, "atx"),
        paragraph("第五条 " + CN),
    ]
    assert outline(blocks) == [
        ("第一章", "总纲", [("第一条", "", [])]),
        (
            "第二章",
            "国家机构",
            [
                ("第一节", "全国人民代表大会", [("第二条", "", []), ("第三条", "", [])]),
                ("第二节", "国务院", [("第四条", "", [])]),
            ],
        ),
        ("第三章", "国旗", [("第五条", "", [])]),
    ]


def test_chinese_sections_set_like_their_chapters_still_nest_in_them():
    blocks = [
        heading("第一章 国家机构", 2, "atx"),
        heading("第一节 全国人民代表大会", 2, "atx"),
        paragraph("第一条 " + CN),
        heading("第二章 国旗", 2, "atx"),
        paragraph("第二条 " + CN),
    ]
    assert outline(blocks) == [
        ("第一章", "国家机构", [("第一节", "全国人民代表大会", [("第一条", "", [])])]),
        ("第二章", "国旗", [("第二条", "", [])]),
    ]


def test_an_enumerated_chinese_chapter_holds_articles_and_sits_inside_a_part():
    texts = [
        "第一部分 总则",
        "一、受理和管辖",
        "第一条　" + CN,
        "第二条　" + CN,
        "二、举证责任",
        "第三条　" + CN,
        "第二部分 其他",
        "一、其他事项",
        "第四条　" + CN,
    ]
    assert tree(build_structure(texts).sections) == [
        (
            "第一部分",
            "总则",
            [("一", "受理和管辖", [("第一条", "", []), ("第二条", "", [])]), ("二", "举证责任", [("第三条", "", [])])],
        ),
        ("第二部分", "其他", [("一", "其他事项", [("第四条", "", [])])]),
    ]


def test_a_part_closes_the_enumerated_chapters_open_before_it():
    texts = ["附件", "一、前言", CN, "二、定义", CN, "第一部分", "一、完整系统", CN, "第二部分", "一、组件", CN]
    assert tree(build_structure(texts).sections) == [
        (
            "附件",
            "",
            [
                ("一", "前言", []),
                ("二", "定义", []),
                ("第一部分", "", [("一", "完整系统", [])]),
                ("第二部分", "", [("一", "组件", [])]),
            ],
        )
    ]


def test_a_one_sentence_chinese_chapter_continuing_the_chapters_is_a_chapter_with_an_empty_heading():
    structure = build_structure(["一、总则", "第一条　" + CN, "二、附则", "第二条　" + CN, "三、本规定自发布之日起施行。"])
    last = structure.sections[-1]
    assert (last.label, last.heading, last.paragraphs) == ("三", "", ("本规定自发布之日起施行。",))


def test_a_one_sentence_chinese_line_starting_a_count_is_an_enumerated_sentence():
    structure = build_structure(["一、本规定自发布之日起施行。", CN])
    assert (structure.sections[0].label, structure.sections[0].paragraphs) == ("", ("一、本规定自发布之日起施行。", CN))


def test_a_bracketed_chinese_item_ending_in_a_semicolon_stays_a_paragraph_of_an_enumeration():
    items = [
        "（一）全国分为省、自治区、直辖市；",
        "（二）省、自治区分为自治州、县、自治县、市；",
        "（三）县、自治县分为乡、民族乡、镇。",
    ]
    (chapter,) = build_structure(["一、行政区域", *items, CN]).sections
    assert (chapter.children, chapter.paragraphs) == ((), (*items, CN))


def test_a_full_width_provision_number_is_never_a_heading_by_shape():
    (chapter,) = build_structure(["一、总则", "1．培训", "2．考核", CN]).sections
    assert (chapter.children, chapter.paragraphs) == ((), ("1．培训", "2．考核", CN))


# Lines that are not sections


@pytest.mark.parametrize(
    "text",
    [
        "Figure 1: Core Zero Trust Logical Components",
        "Table B-1: Summary of Identified Deployment Gaps",
        "August 2020",
        "(OJ L 201, 31.7.2002, p. 37)",
        "(Text with EEA relevance)",
        "c o m p u t e r   s e c u r i t y",
        "ESTIMATED COSTS—Continued",
        "Table 2 (continued)",
    ],
)
def test_a_caption_date_bracketed_note_letter_spaced_line_or_continued_heading_is_no_section_but_is_kept(text):
    structure = build_from_blocks(
        [heading("Introduction", 1, "font"), paragraph(TEXT), heading(text, 1, "font"), paragraph(TEXT)]
    )
    (section,) = structure.sections
    assert (section.heading, section.children, section.paragraphs) == ("Introduction", (), (TEXT, " ".join(text.split()), TEXT))


def test_a_bold_line_reading_as_a_sentence_is_no_heading():
    blocks = [
        heading("Overview", 0, "bold"),
        paragraph(TEXT),
        heading("This line is set in bold and reads as a whole sentence.", 0, "bold"),
        paragraph(TEXT),
    ]
    assert flat(blocks) == [("", "Overview")]


def test_unnumbered_typeset_lines_between_numbered_sections_are_not_sections_but_front_and_back_matter_are():
    blocks = [
        heading("Executive Summary", 1, "font"),
        paragraph(TEXT),
        heading("1.0 Introduction", 1, "font"),
        paragraph(TEXT),
        heading("Governance of risk", 2, "bold"),
        paragraph(TEXT),
        heading("1.1 Background", 2, "font"),
        paragraph(TEXT),
        heading("Tier 1: Partial", 2, "font"),
        paragraph(TEXT),
        heading("2.0 Basics", 1, "font"),
        paragraph(TEXT),
        heading("Closing remarks", 1, "font"),
        paragraph(TEXT),
    ]
    assert flat(blocks) == [
        ("", "Executive Summary"),
        ("1.0", "Introduction"),
        ("1.1", "Background"),
        ("2.0", "Basics"),
        ("", "Closing remarks"),
    ]


def test_short_unnumbered_lines_above_numbered_paragraphs_title_them():
    operative = [f"{n}. Calls upon Member States to support the work of the Commission in all its forms." for n in range(1, 7)]
    texts = [
        "The General Assembly,",
        "Recalling its resolutions on the matter,",
        "Peacebuilding financing",
        *operative[:3],
        "Follow-up",
        *operative[3:],
    ]
    structure = build_structure(texts)
    assert [(s.heading, len(s.paragraphs)) for s in structure.sections] == [
        ("", 2),
        ("Peacebuilding financing", 3),
        ("Follow-up", 3),
    ]


def test_a_line_above_a_numbered_paragraph_titles_nothing_in_a_text_of_few_numbered_paragraphs():
    texts = [
        "Peacebuilding financing",
        "1. Calls upon Member States to support the work of the Commission in all its forms.",
        TEXT,
    ]
    assert build_structure(texts).sections[0].heading == ""


def test_a_line_ending_in_a_colon_above_numbered_paragraphs_is_their_lead_in_not_their_title():
    operative = [f"{n}. Calls upon Member States to support the work of the Commission in all its forms." for n in range(1, 7)]
    assert build_structure(["The Assembly decides as follows:", *operative]).sections[0].heading == ""


# Contents lists


def test_a_contents_entry_is_a_heading_wherever_the_body_prints_it():
    structure = build_with_contents(["Contents", "Background", "Findings", "Background", TEXT, "Findings", TEXT])
    assert [(s.heading, s.paragraphs) for s in structure.sections] == [("Background", (TEXT,)), ("Findings", (TEXT,))]


def test_with_a_contents_list_naming_the_chapters_only_their_numbered_subsections_are_found_by_shape():
    texts = [
        "Contents",
        "1 Introduction",
        "2 Protocol",
        "1 Introduction",
        TEXT,
        "1.1 Scope",
        TEXT,
        "2 Protocol",
        TEXT,
        "3 Unlisted",
        TEXT,
    ]
    assert tree(build_with_contents(texts).sections) == [("1", "Introduction", [("1.1", "Scope", [])]), ("2", "Protocol", [])]


def test_the_contents_list_is_never_a_section_and_its_entries_are_not_paragraphs():
    structure = build_with_contents(["Contents", "1 Introduction", "2 Protocol", "1 Introduction", TEXT, "2 Protocol", TEXT])
    assert structure.contents == (ContentsEntry("1", "Introduction"), ContentsEntry("2", "Protocol"))
    assert [(s.label, s.paragraphs) for s in structure.sections] == [("1", (TEXT,)), ("2", (TEXT,))]


def test_a_list_item_is_weighed_like_a_paragraph():
    blocks = [heading("I. Policies", 1, "tag"), paragraph(TEXT), Block(LIST_ITEM, ("II. Vision",)), paragraph(TEXT)]
    assert flat(blocks) == [("I", "Policies"), ("II", "Vision")]


# Real documents, each parsed once for this module


def _parsed(name: str):
    return parsed_file(STRUCTURE / name)


@pytest.fixture(scope="module")
def pep8():
    return _parsed("pep-0008-style-guide.txt")


@pytest.fixture(scope="module")
def eu_regulation():
    return _parsed("eu-reg-2022-868-data-governance-act.html")


@pytest.fixture(scope="module")
def cn_constitution():
    return _parsed("cn-constitution-2018.md")


@pytest.fixture(scope="module")
def un_resolution():
    return _parsed("un-a-res-80-11-peacebuilding-architecture-review.md")


@pytest.fixture(scope="module")
def marriage_act():
    return _parsed("au-marriage-act-1961-compilation-2004.html")


@pytest.fixture(scope="module")
def us_constitution():
    return _parsed("us-constitution.txt")


@pytest.fixture(scope="module")
def cn_judicial_interpretation():
    return _parsed("cn-spc-piaoju-jiufen-guiding-2020.md")


@pytest.fixture(scope="module")
def cybersecurity_framework():
    return _parsed("nist-cswp-04162018-cybersecurity-framework-1.1.pdf")


@pytest.fixture(scope="module")
def un_declaration():
    return _parsed("un-a-res-80-5-doha-political-declaration.md")


def _find(sections, heading: str):
    return next(s for s in all_sections(sections) if s.heading == heading)


def test_a_peps_underline_levels_nest_its_unnumbered_headings(pep8):
    assert [c.heading for c in _find(pep8.sections, "Code Lay-out").children][:2] == ["Indentation", "Tabs or Spaces?"]
    prescriptive = _find(pep8.sections, "Prescriptive: Naming Conventions")
    assert prescriptive in _find(pep8.sections, "Naming Conventions").children
    assert [c.heading for c in prescriptive.children][:2] == ["Names to Avoid", "ASCII Compatibility"]


def test_an_eu_regulations_chapters_hold_its_articles(eu_regulation):
    chapters = [s for s in eu_regulation.sections if s.label]
    assert [s.label for s in chapters] == [f"CHAPTER {n}" for n in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")]
    assert [(a.label, a.heading) for a in chapters[0].children] == [
        ("Article 1", "Subject matter and scope"),
        ("Article 2", "Definitions"),
    ]
    assert sum(len(c.children) for c in chapters) == 38


def test_the_chinese_constitutions_chapters_hold_sections_that_hold_articles(cn_constitution):
    labels = [s.label for s in cn_constitution.sections]
    assert labels == ["", "第一章", "第二章", "第三章", "第四章"]
    state_organs = cn_constitution.sections[3]
    assert [s.label for s in state_organs.children] == [f"第{n}节" for n in "一二三四五六七八"]
    assert [a.label for a in state_organs.children[0].children][:2] == ["第五十七条", "第五十八条"]
    assert state_organs.children[0].children[0].heading == ""


def test_a_un_resolutions_unnumbered_lines_title_the_numbered_paragraphs_below_them(un_resolution):
    titled = [(s.heading, s.paragraphs[0][:3]) for s in un_resolution.sections if s.heading]
    assert titled == [
        ("Peacebuilding Commission", "1. "),
        ("Peacebuilding financing", "13."),
        ("Department of Political and Peacebuilding Affairs/Peacebuilding Support Office", "24."),
    ]


def test_an_acts_parts_hold_divisions_that_hold_sections_though_all_are_set_alike(marriage_act):
    void = next(s for s in marriage_act.sections if s.label == "Part III")
    assert [d.label for d in void.children] == ["Division 1", "Division 2"]
    assert [s.label for s in void.children[1].children] == ["SECT 23A", "SECT 23B"]


def test_the_us_constitutions_run_in_sections_have_empty_headings_and_keep_their_text(us_constitution):
    article_one = next(s for s in us_constitution.sections if s.label == "ARTICLE I")
    first = article_one.children[0]
    assert (first.label, first.heading) == ("SECTION. 1", "")
    assert first.paragraphs[0].startswith("All legislative Powers herein granted shall be vested in a Congress")
    assert len(article_one.children) == 10


def test_a_judicial_interpretations_enumerated_chapters_hold_its_articles(cn_judicial_interpretation):
    chapters = [s for s in cn_judicial_interpretation.sections if s.label]
    assert [s.label for s in chapters] == list("一二三四五六七八九十")
    assert [a.label for a in chapters[0].children] == [f"第{n}条" for n in "一二三四五六"]


def test_a_frameworks_typeset_lead_ins_are_not_sections_but_its_front_matter_is(cybersecurity_framework):
    headings = [s.heading for s in all_sections(cybersecurity_framework.sections)]
    assert headings[:3] == ["Note to Readers on the Update", "Acknowledgements", "Executive Summary"]
    assert "Tier 1: Partial" not in headings and "Governance of cybersecurity risk" not in headings
    assert any("Tier 1: Partial" in p for p in all_paragraphs(cybersecurity_framework))


def test_a_frameworks_1_0_chapters_hold_their_subsections_and_appendices_sit_beside_them(cybersecurity_framework):
    top = [s.label for s in cybersecurity_framework.sections if s.label]
    assert top == ["1.0", "2.0", "3.0", "4.0", "Appendix A", "Appendix B", "Appendix C"]
    assert [c.label for c in cybersecurity_framework.sections[3].children] == ["1.1", "1.2", "1.3"]


def test_a_frameworks_figure_captions_stay_in_its_text(cybersecurity_framework):
    assert "Figure 1: Framework Core Structure" in all_paragraphs(cybersecurity_framework)
    assert not any(s.heading.startswith("Figure") for s in all_sections(cybersecurity_framework.sections))


def test_a_declarations_annex_takes_its_title_line_once(un_declaration):
    annex = next(s for s in un_declaration.sections if s.label == "Annex")
    assert annex.heading.startswith("Doha Political Declaration")
    assert annex.paragraphs[:1] != (annex.heading,)


def test_points_a_line_ending_in_a_colon_announces_are_items_not_subsections():
    blocks = [paragraph(t) for t in ["一、总则", ZH, "二、能用于下列系统的各项：", "(一)推进装置", "(二)控制装置", "(三)导航装置", ZH]]
    (first, second) = build_from_blocks(blocks).sections
    assert second.children == ()
    assert second.paragraphs[:3] == ("(一)推进装置", "(二)控制装置", "(三)导航装置")


def test_a_bracketed_line_holding_a_clause_is_a_point_not_a_heading():
    point = "（一）安装在飞行器上的跟踪系统，它可提供飞行中位置和速度的实时测量数据"
    structure = build_structure(["一、总则", ZH, point, ZH])
    assert structure.sections[0].children == ()


def test_numbered_titles_closed_by_a_full_stop_are_headings_as_licences_print_them():
    structure = build_structure(["0. Definitions.", TEXT, "1. Source Code.", TEXT, "2. Interpretation of Sections 3 and 4.", TEXT])
    assert [(s.label, s.heading) for s in structure.sections] == [
        ("0", "Definitions"), ("1", "Source Code"), ("2", "Interpretation of Sections 3 and 4")]


def test_a_numbered_sentence_closed_by_a_full_stop_stays_a_paragraph():
    structure = build_structure(["1. The Parties will consult.", TEXT])
    assert structure.sections[0].label == ""


def test_a_short_title_running_into_its_text_opens_a_section():
    structure = build_structure([
        "1. Definitions. In this licence the following words have the meanings given.",
        "2. Grant of Licence. Subject to the terms of this licence, each contributor grants a licence.",
    ])
    first, second = structure.sections
    assert (second.label, second.heading, second.paragraphs) == (
        "2", "Grant of Licence", ("Subject to the terms of this licence, each contributor grants a licence.",))


def test_bracketed_points_following_each_other_with_no_text_between_are_a_list():
    blocks = [paragraph(t) for t in ["一、总则", ZH, "二、推进系统", "(一)推进装置", "(二)控制装置", "(三)导航装置", "三、附则", ZH]]
    sections = build_from_blocks(blocks).sections
    assert [s.label for s in sections] == ["一", "二", "三"]
    assert sections[1].children == () and sections[1].paragraphs == ("(一)推进装置", "(二)控制装置", "(三)导航装置")


# --- the numbering scheme of each label, so a page prints "一、" and "（一）" as written -----------------------------


def _schemes(sections) -> list[tuple[str, str]]:
    return [(s.label, s.label_scheme) for s in all_sections(sections)]


def test_each_section_records_the_scheme_its_label_is_printed_in():
    chinese = build_structure(["同志们：", ZH, "一、加快构建新发展格局", ZH, "（一）构建高水平社会主义市场经济体制。坚持制度。", ZH,
                               "（二）建设现代化产业体系", ZH, "二、实施科教兴国战略", ZH])
    assert _schemes(chinese.sections) == [
        ("", ""), ("一", "cjk"), ("（一）", "cjk_bracketed"), ("（二）", "cjk_bracketed"), ("二", "cjk")]
    english = build_structure(["Preface", TEXT, "I. Policies", TEXT, "II. Vision", TEXT, "1. Concept", TEXT,
                               "(a) Scope", TEXT, "(b) Terms", TEXT])
    assert _schemes(english.sections) == [
        ("", ""), ("I", "roman"), ("II", "roman"), ("1", "decimal"), ("(a)", "paren"), ("(b)", "paren")]
    statute = build_structure(["第一章 总则", ZH, "第一条　为了规范管理，制定本条例。", "第二条　本条例适用于全国。"])
    assert _schemes(statute.sections) == [("第一章", "cjk_division"), ("第一条", "cjk_division"), ("第二条", "cjk_division")]


def test_the_real_congress_report_keeps_bare_labels_with_their_schemes():
    from tests.ingest.fixtures import CORPUS
    doc = parsed_file(CORPUS / "cn-cpc-2022-20th-congress-report-zh.jsonl")
    chapters = [s for s in doc.sections if s.label]
    assert [(s.label, s.label_scheme) for s in chapters[:3]] == [("一", "cjk"), ("二", "cjk"), ("三", "cjk")]
    fourth = chapters[3]
    assert [(s.label, s.label_scheme) for s in fourth.children[:2]] == [("（一）", "cjk_bracketed"), ("（二）", "cjk_bracketed")]
    assert all(s.label_scheme in ("cjk", "cjk_bracketed") for s in all_sections(doc.sections) if s.label)
