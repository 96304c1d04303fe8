"""archive/ingest/boilerplate.py: page debris removed by pattern lists, not per-file rules."""

import pytest

from archive.ingest.blocks import paragraph
from archive.ingest.boilerplate import strip_debris
from tests.ingest.fixtures import seed_path

BODY = ("Last month, Cambodia allowed foreign warships from multiple nations to access its Ream naval base. " * 4).strip()


def strip_lines(lines: list[str]):
    """Strip debris from lines as a plain-text reader hands them over: blocks split at blank lines."""
    blocks, current = [], []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(paragraph(*current))
            current = []
    return strip_debris(blocks)


@pytest.mark.parametrize(
    "widget",
    [
        "nav search",
        "search",
        "close",
        "logo",
        "Print Mail   Large Medium Small",
        "Share - WeChat",
        "Copyright©2024 China Daily. All rights reserved.",
        "京ICP备13028878号-6",
        "京公网安备 11010502032503号 京公网安备 11010502032503号",
        "govt.chinadaily.com.cn",
        "app-storeplay-store",
        "[ Defence Home ] [ back to top ]",
        "* * *",
    ],
)
def test_a_widget_or_footer_line_is_dropped(widget):
    assert strip_lines([BODY, widget, "The end."]).lines == (BODY, "The end.")


def test_an_address_line_is_dropped_and_kept_as_the_source_url():
    cleaned = strip_lines(["http://www.thejakartapost.com/opinion/2022/08/03/pla.html", BODY])
    assert cleaned.lines == (BODY,)
    assert cleaned.source_url == "http://www.thejakartapost.com/opinion/2022/08/03/pla.html"


def test_a_print_widget_glued_to_a_date_line_is_cut_off_and_the_date_kept():
    assert strip_lines(["Updated: Jan 11, 2017 Print"]).lines == ("Updated: Jan 11, 2017",)


def test_sentences_that_mention_search_or_printing_are_kept():
    line = "The search for a code of conduct will close gaps, and we print the logo."
    assert strip_lines([line]).lines == (line,)


@pytest.mark.parametrize(
    "marker", ["Related Articles", "Comments", "No comments yet...", "Try Our AI Features", "DOWNLOAD THE APP",
               "Orange background", "More in Opinion"]
)
def test_a_tail_marker_after_the_body_drops_everything_from_it_to_the_end(marker):
    cleaned = strip_lines([BODY, "", marker, "", "Another article's headline", "Its full text goes too."])
    assert cleaned.lines == (BODY,)


def test_a_tail_marker_before_any_body_text_does_not_cut_the_document():
    cleaned = strip_lines(["Comments", BODY])
    assert BODY in cleaned.lines


def test_a_heading_with_background_in_it_does_not_cut_the_document():
    cleaned = strip_lines([BODY, "Historical Background", "More text."])
    assert cleaned.lines == (BODY, "Historical Background", "More text.")


def test_a_pagination_bar_is_dropped_and_marks_the_capture_as_one_page_of_several():
    cleaned = strip_lines([BODY, "1 2 3 >"])
    assert cleaned.lines == (BODY,)
    assert cleaned.paginated


def test_a_row_of_figures_is_not_a_pagination_bar():
    cleaned = strip_lines([BODY, "4 17 9"])
    assert cleaned.lines == (BODY, "4 17 9")
    assert not cleaned.paginated


def test_a_capture_without_a_pagination_bar_is_not_marked_paginated():
    assert not strip_lines([BODY]).paginated


def test_seed_000_loses_its_related_articles_and_app_promotion():
    text = "\n".join(strip_lines(seed_path("000").read_text(encoding="utf-8").split("\n")).lines)
    for debris in ("More must be done in Hong Kong's cybercrime campaign", "Daily8", "DOWNLOAD THE APP",
                   "South China Morning Post", "logo"):
        assert debris not in text
    assert "commitment to multilateral dialogue." in text


def test_seed_003_loses_its_footer_and_share_widgets():
    cleaned = strip_lines(seed_path("003").read_text(encoding="utf-8").split("\n"))
    text = "\n".join(cleaned.lines)
    for debris in ("1 2 3 >", "Copyright", "京ICP", "Share - WeChat", "govt.chinadaily.com.cn", "Print"):
        assert debris not in text
    assert cleaned.paginated


@pytest.mark.parametrize("widget", ["Gift Full Article", "Gift Premium Articles", "to Anyone", "Email", "X", "A"])
def test_gift_share_and_text_size_widgets_are_dropped(widget):
    assert strip_lines([BODY, widget, "The end."]).lines == (BODY, "The end.")


def test_a_drop_cap_and_a_superscript_ordinal_are_rejoined():
    cleaned = strip_lines(["A", "ug. 1, 2022 marked the 95", "th", "anniversary."])
    assert cleaned.lines == ("Aug. 1, 2022 marked the 95th", "anniversary.")


def test_a_newsletter_box_inside_the_body_is_dropped_with_its_name():
    box = ["Viewpoint", "Every Thursday", "Whether you're looking to broaden your horizons, read it.",
           "View More Newsletter", "Sign Up", "Thank You", "for signing up our newsletter!", "View More Newsletter"]
    assert strip_lines([BODY, *box, "The end."]).lines == (BODY, "The end.")


def test_a_read_also_link_and_its_headline_are_dropped():
    assert strip_lines([BODY, "Read also:", "Govt to pour Rp 4.3T into railway", "The end."]).lines == (
        BODY, "The end.")


def test_a_photo_caption_with_its_credit_is_dropped():
    caption = "Soldiers march past Tiananmen Square in Beijing, Oct. 1, 2019. (Reuters/Jason Lee)"
    assert strip_lines([caption, BODY]).lines == (BODY,)
    assert strip_lines(["A man walks past the logo on October 15, 2023.", "(AFP/Jade Gao)", BODY]).lines == (BODY,)


def test_a_paywall_label_is_dropped_and_marks_the_capture():
    cleaned = strip_lines(["Premium", BODY])
    assert cleaned.lines == (BODY,)
    assert cleaned.paywalled


def test_a_press_release_contact_footer_ends_the_text():
    assert strip_lines([BODY, "Contact:", "Tina Turner 0410 626742"]).lines == (BODY,)


ZH_BODY = "同志们！党用伟大奋斗创造了百年伟业，也一定能用新的伟大奋斗创造新的伟业。" * 10


@pytest.mark.parametrize(
    "chrome",
    [
        "姊妹计划 : 数据项",
        "取自“https://zh.wikisource.org/w/index.php?title=高举&oldid=1”",
        'Retrieved from "https://en.wikisource.org/w/index.php?title=X&oldid=1"',
        "本页面最后编辑于2023年5月1日 (星期一) 08:15。",
        "This page was last edited on 1 May 2023, at 08:15.",
        "Public domain",
        "↑",
    ],
)
def test_wiki_page_chrome_lines_are_dropped(chrome):
    assert strip_lines([ZH_BODY, chrome, "完。"]).lines == (ZH_BODY, "完。")


@pytest.mark.parametrize(
    "licence",
    [
        "本作品来自1949年10月1日（含）之后的中国共产党文件。根据《刑事审判参考》指导案例第680号[",
        "本作品在全世界都属于公有领域，因为作者逝世已经超过100年。",
        "This work is in the public domain in the United States because it is a work of the U.S. government.",
        "This work is licensed under the Creative Commons Attribution-ShareAlike 4.0 License.",
    ],
)
def test_a_wikisource_licence_box_and_everything_after_it_go(licence):
    lines = [ZH_BODY, "", licence, "CPC 1", "]，中国共产党的中央组织制定的公文，所以属于公有领域。", "", "false"]
    assert strip_lines(lines).lines == (ZH_BODY,)


def test_a_sentence_about_a_work_in_the_body_is_kept():
    line = "本作品描写了农村的变化。"  # "This work depicts change in the countryside": no licence words
    assert line in strip_lines([ZH_BODY, line, "完。"]).lines
