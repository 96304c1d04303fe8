"""make bench-web: the comparison rules on made-up readings, the page sets, and a run that never fails on a wrong field."""

import json

import pytest

from archive.ingest import ParsedSection
from bench import web_metadata as web
from bench.web_metadata import Expected, Reading, is_right, score

PAGE = Expected(
    name="made-up", group=web.WRITTEN, path=web.FIXTURES / "made-up.html",
    title="Port strike ends after union’s 9% offer", authors=("Liam O’Connor", "Ana Lima"), date="2022-12",
    body=("rolling stoppages", "Rosters the sticking point", "never printed"), debris=("Subscribe now",),
    also={"title": ["Strike ends"]},
)


@pytest.mark.parametrize(
    ("title", "right"),
    [
        ("PORT STRIKE ENDS AFTER UNION'S 9% OFFER", True),  # capitals and a straight quote: the same title
        ("Port  strike ends after\nunion’s 9% offer", True),  # layout only
        ("Strike ends", True),  # an ``also`` value
        ("Port strike ends after union’s 9% offer | The Harbour Times", False),  # the site's name left in
        ("", False),
    ],
)
def test_a_title_is_right_whatever_its_case_and_layout_but_not_with_the_sites_name(title, right):
    assert is_right(PAGE, "title", title) is right


@pytest.mark.parametrize(
    ("authors", "right"),
    [
        (("Liam O'Connor", "Ana Lima"), True),
        (("Ana Lima", "Liam O’Connor"), False),  # printed order counts
        (("Liam O’Connor",), False),  # one author missing
        (("liam o’connor", "ana lima"), False),  # names keep their case
        (("By Liam O’Connor", "Ana Lima"), False),
    ],
)
def test_authors_are_the_whole_list_in_printed_order(authors, right):
    assert is_right(PAGE, "authors", authors) is right


@pytest.mark.parametrize(("date", "right"), [("2022-12", True), ("2022-12-01", False), ("2022", False), (None, False)])
def test_a_date_is_right_only_at_the_precision_the_page_prints(date, right):
    assert is_right(PAGE, "date", date) is right


def test_a_page_printing_no_date_wants_none_and_a_copyright_year_is_wrong():
    undated = Expected("u", web.WRITTEN, PAGE.path, "t", (), None)
    assert is_right(undated, "date", None) and is_right(undated, "date", "")
    assert not is_right(undated, "date", "2023-01-01")


def test_a_score_counts_fields_body_phrases_kept_and_debris_kept():
    reading = Reading("Strike ends", ("Liam O’Connor",), "2022-12",
                      "After a fortnight of ROLLING stoppages… Rosters the sticking point. Subscribe now")
    result = score(PAGE, reading)
    assert result.right == {"title": True, "authors": False, "date": True}
    assert (result.kept, result.phrases, result.debris_kept, result.debris) == (2, 3, 1, 1)


def test_an_extractor_that_gave_up_gets_every_field_wrong_even_an_empty_one():
    undated = Expected("u", web.WRITTEN, PAGE.path, "", (), None)
    assert score(undated, Reading(error="IngestError: no article text found")).right == dict.fromkeys(web.FIELDS, False)


def test_trafilaturas_author_string_is_split_on_semicolons():
    assert web.authors_of("Priya Raman; Tomás Ruiz") == ("Priya Raman", "Tomás Ruiz")
    assert web.authors_of(None) == ()


def test_the_archives_text_is_every_label_heading_and_paragraph_in_order():
    tree = (ParsedSection("", "", ("Lead.",)), ParsedSection("2", "Findings", ("One.",), (ParsedSection("2.1", "Sub", ("Two.",)),)))
    assert web.section_text(tree) == "Lead. 2 Findings One. 2.1 Sub Two."


def test_the_real_pages_body_phrases_are_their_outline_headings():
    outline = [{"label": "1", "heading": "Scope", "children": [{"label": "(a)", "heading": ""}]}, {"label": "", "heading": "Annex"}]
    assert web.outline_headings(outline) == ["Scope", "Annex"]


def test_every_written_page_has_its_html_and_a_full_expectation():
    pages = web.synthetic_pages()
    assert sum(page.group == web.WRITTEN for page in pages) >= 20
    for page in pages:
        assert page.path.exists(), page.name
        assert page.title and page.body, page.name
        assert page.date is None or len(page.date) in (7, 10), page.name


@pytest.mark.skipif(not web.STRUCTURE.exists(), reason="needs ../shared/corpus/structure")
def test_the_real_pages_are_the_structure_corpus_html_files_with_their_golden_metadata():
    pages = {page.name: page for page in web.real_pages()}
    assert "rfc8446-auth48-xml2rfc.html" in pages and all(page.group == web.REAL for page in pages.values())
    assert pages["rfc8446-auth48-xml2rfc.html"].date == "2018-08"
    assert len(pages["rfc8446-auth48-xml2rfc.html"].body) > 50


def test_a_run_reports_both_extractors_says_which_pages_are_synthetic_and_survives_wrong_expectations(tmp_path):
    source = web.FIXTURES / "01-uk-news-title-dash-time"
    (tmp_path / "wrong.html").write_bytes(source.with_suffix(".html").read_bytes())
    (tmp_path / "wrong.json").write_text(json.dumps({"title": "Not this page", "authors": ["Nobody"], "date": "1999-01-01",
                                                     "body": ["not in the page"]}), encoding="utf-8")
    text = web.report(web.synthetic_pages(tmp_path))
    assert "SYNTHETIC" in text and "archive" in text and "trafilatura" in text
    assert "tad body 0/1" in text  # every field wrong, for both extractors, and still a report
    title_row = next(line for line in text.splitlines() if line.startswith("title") and "all (1)" in line)
    assert title_row.split()[-4:] == ["0/1", "0%", "0/1", "0%"]


def test_the_command_exits_zero(capsys):
    assert web.main(["--only", "01-uk-news"]) == 0
    assert "01-uk-news-title-dash-time" in capsys.readouterr().out
