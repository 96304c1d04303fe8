"""archive/ingest/structure.py: the section tree, guided by the document's own contents list."""

from archive.ingest.blocks import heading, paragraph
from archive.ingest.contents import mark_contents
from archive.ingest.model import ContentsEntry
from archive.ingest.structure import build_structure as build_from_blocks


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
