"""archive/ingest/jsonlines.py: JSON-lines captures read as front matter plus text, record by record."""

import json

import pytest

from archive.ingest.jsonlines import JSONL_SUFFIXES, read_jsonlines
from archive.ingest.model import IngestError
from tests.ingest.fixtures import CORPUS

REPORT = CORPUS / "cn-cpc-2022-20th-congress-report-zh.jsonl"


def line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_and_ndjson_are_the_suffixes_read():
    assert JSONL_SUFFIXES == {".jsonl", ".ndjson"}


def test_title_url_date_and_author_fields_become_front_matter():
    front, _ = read_jsonlines(line(title="Quad Statement", url="https://example.org/q", date="2023-05-20",
                                   author="Jane Doe", text="The leaders met."))
    assert front.text("title") == "Quad Statement"
    assert front.text("source_url") == "https://example.org/q"
    assert front.text("date") == "2023-05-20"
    assert front.items("author") == ["Jane Doe"]


def test_a_list_of_authors_stays_a_list():
    front, _ = read_jsonlines(line(title="T", authors=["A One", "B Two"], body="Text."))
    assert front.items("author") == ["A One", "B Two"]


def test_text_fields_of_every_line_are_the_body_in_file_order():
    raw = "\n".join([line(title="T", content="First part."), "", line(content="Second part.")])
    assert read_jsonlines(raw)[1] == "First part.\n\nSecond part."


def test_unknown_fields_are_ignored():
    front, text = read_jsonlines(line(title="T", congress=20, type="cpc_congress_report", content="Text."))
    assert set(front.fields) == {"title"}
    assert text == "Text."


def test_without_a_known_text_field_the_longest_long_string_is_the_text():
    long = "A sentence of the document. " * 10
    assert read_jsonlines(line(title="T", note="short", passage=long))[1] == long.strip()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('{"text": "ok"}\n{"text": "broken"\n', "line 2 of the JSON-lines file is not valid JSON"),
        ('{"text": "ok"}\n\n["a", "list"]', "line 3 of the JSON-lines file is not a JSON object"),
        ('{"title": "no text"}', "no text field"),
        ("\n\n", "no records"),
    ],
)
def test_a_malformed_file_gives_a_one_line_error_naming_the_line(raw, message):
    with pytest.raises(IngestError, match=message) as error:
        read_jsonlines(raw)
    assert "\n" not in str(error.value)


def test_a_collection_tag_after_the_title_that_the_text_never_prints_is_dropped():
    front, _ = read_jsonlines(line(title="团结奋斗 (二十大)", content="同志们：现在开会。"))
    assert front.text("title") == "团结奋斗"


def test_a_bracketed_part_the_text_prints_stays_in_the_title():
    front, _ = read_jsonlines(line(title="Draft of Treaty (ANZUS)", content="The ANZUS parties agree."))
    assert front.text("title") == "Draft of Treaty (ANZUS)"


def test_the_title_printed_at_the_top_over_several_lines_is_removed_from_the_text():
    _, text = read_jsonlines(line(title="高举旗帜 团结奋斗", content="高举旗帜\n\n\n\n团结奋斗\n\n——副标题\n\n正文。"))
    assert text == "——副标题\n\n正文。"


def test_line_breaks_around_inline_links_in_chinese_text_are_closed_up():
    _, text = read_jsonlines(line(content="制定\n“十四五”规划和远景目标\n，全面总结。\n\n依照\n宪法\n和\n基本法\n有效实施。"))
    assert text == "制定“十四五”规划和远景目标，全面总结。\n\n依照宪法和基本法有效实施。"


def test_line_breaks_in_english_text_are_left_for_the_paragraph_step():
    _, text = read_jsonlines(line(content="He said “no.”\nThen he left.\n“Yes,” she said."))
    assert text == "He said “no.”\nThen he left.\n“Yes,” she said."


def test_the_congress_report_capture_gives_its_title_url_and_opening():
    front, text = read_jsonlines(REPORT.read_text(encoding="utf-8"))
    assert front.text("title") == "高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗"
    assert front.text("source_url").startswith("https://zh.wikisource.org/wiki/")
    assert text.startswith("——在中国共产党第二十次全国代表大会上的报告\n\n（2022年10月16日）")
    assert "制定“十四五”规划和二〇三五年远景目标，全面总结" in text


def test_a_break_before_a_numbered_heading_or_dash_item_is_kept():
    _, text = read_jsonlines(line(content="前言。\n\n总结如下\n一、过去五年\n（一）构建体制\n——我们创立了思想。"))
    assert text == "前言。\n\n总结如下\n一、过去五年\n（一）构建体制\n——我们创立了思想。"


def test_without_blank_lines_each_chinese_line_is_a_paragraph_and_only_stray_punctuation_is_joined():
    _, text = read_jsonlines(line(content="坚持党的领导\n党的领导是根本\n，必须坚持。\n第二段。"))
    assert text == "坚持党的领导\n党的领导是根本，必须坚持。\n第二段。"
