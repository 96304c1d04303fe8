"""The document form's widgets: authors as a list of names, the date with its precision, the raw source
wrapped in a block styled by a static file, with an editors' plain-text view."""

import datetime

import pytest

from archive import selectors
from archive.admin.widgets import AuthorsField, PreciseDate, PreciseDateField
from archive.models import DatePrecision, Document
from tests.admin.conftest import post_change


# Authors


def test_authors_are_read_one_name_per_line_blank_lines_dropped():
    assert AuthorsField(required=False).clean("Mei Ling Tan\r\n\r\n  Lu   Chuanying \n") == ["Mei Ling Tan", "Lu Chuanying"]


def test_authors_typed_as_the_old_json_list_are_still_read():
    assert AuthorsField(required=False).clean('["Mei Ling Tan", "Lu Chuanying"]') == ["Mei Ling Tan", "Lu Chuanying"]


def test_the_change_page_shows_authors_one_per_line_for_the_script_to_list(editor_client, seeded):
    document = seeded["003"].document
    Document.objects.filter(pk=document.pk).update(authors=["Mei Ling Tan", "Lu Chuanying"])
    page = editor_client.get(f"/admin/archive/document/{document.pk}/change/").content.decode()
    assert "data-author-list" in page
    assert ">\nMei Ling Tan\nLu Chuanying</textarea>" in page
    assert "archive/admin-authors.js" in page


def test_authors_posted_one_per_line_are_stored_as_a_list_and_marked_edited(editor_client, fresh_seeded):
    document = fresh_seeded["002"].document
    response = post_change(editor_client, document, authors="Lu Chuanying\nMei Ling Tan")
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.authors == ["Lu Chuanying", "Mei Ling Tan"]
    assert "authors" in document.edited_fields


# The date and its precision


@pytest.mark.parametrize(
    "parts, expected",
    [
        (["2017", "", ""], PreciseDate(datetime.date(2017, 1, 1), DatePrecision.YEAR)),
        (["2017", "4", ""], PreciseDate(datetime.date(2017, 4, 1), DatePrecision.MONTH)),
        (["2017", "4", "16"], PreciseDate(datetime.date(2017, 4, 16), DatePrecision.DAY)),
        (["", "", ""], None),
    ],
)
def test_the_precision_follows_what_is_filled_in(parts, expected):
    assert PreciseDateField(required=False).clean(parts) == expected


@pytest.mark.parametrize(
    "parts, message",
    [
        (["", "4", ""], "Give the year"),
        (["2017", "", "16"], "A day needs its month"),
        (["2017", "2", "30"], "February 2017 has no day 30"),
    ],
)
def test_an_incomplete_or_impossible_date_is_refused_with_a_reason(parts, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        PreciseDateField(required=False).clean(parts)
    assert message in str(refused.value)


def test_a_month_precision_date_is_shown_as_its_year_and_month(editor_client, seeded):
    document = seeded["003"].document  # the 2017 white paper, dated "January 2017"
    assert (document.date, document.date_precision) == (datetime.date(2017, 1, 1), DatePrecision.MONTH)
    form = editor_client.get(f"/admin/archive/document/{document.pk}/change/").context["adminform"].form
    assert form["date"].field.widget.decompress(form["date"].value()) == [2017, 1, None]
    assert 'name="date_precision"' not in str(form)


def test_a_year_alone_is_saved_with_year_precision_and_marked_edited(editor_client, fresh_seeded):
    document = fresh_seeded["002"].document
    response = post_change(editor_client, document, date_year="2019", date_month="", date_day="")
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.date, document.date_precision) == (datetime.date(2019, 1, 1), DatePrecision.YEAR)
    assert "date" in document.edited_fields
    assert document.date_display == "2019"


def test_an_unchanged_form_changes_neither_date_nor_authors(editor_client, fresh_seeded):
    document = fresh_seeded["003"].document
    before = (document.date, document.date_precision, document.authors)
    assert post_change(editor_client, document).status_code == 302
    document.refresh_from_db()
    assert (document.date, document.date_precision, document.authors) == before
    assert not {"date", "authors"} & set(document.edited_fields)


# The raw source


def test_the_raw_source_is_a_styled_block_without_inline_style(editor_client, seeded):
    document = seeded["003"].document
    page = editor_client.get(f"/admin/archive/document/{document.pk}/change/").content.decode()
    assert '<pre class="raw-source" tabindex="0" role="region"' in page
    assert "style=" not in page.split('id="content-main"')[1]  # the CSP would block it
    assert "archive/admin-document.css" in page
    assert f'href="/admin/archive/document/{document.pk}/source.txt">Show as text</a>' in page


def test_show_as_text_answers_the_raw_source_as_plain_text(editor_client, seeded):
    document = seeded["003"].document
    response = editor_client.get(f"/admin/archive/document/{document.pk}/source.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == selectors.source_text(document.source)
    assert "Improving the Regional Security Framework" in response.content.decode()


def test_show_as_text_is_for_editors_only(client, seeded):
    document = seeded["003"].document
    response = client.get(f"/admin/archive/document/{document.pk}/source.txt")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_document_typed_in_admin_has_no_text_view(editor_client, db):
    document = Document.objects.create(title="Typed by hand")
    assert editor_client.get(f"/admin/archive/document/{document.pk}/source.txt").status_code == 404


def test_the_public_source_download_is_unchanged(client, seeded):
    document = seeded["003"].document
    response = client.get(f"/documents/{document.pk}/source")
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content == document.source.raw


def test_the_document_list_shows_each_date_as_precisely_as_it_is_known(editor_client, seeded):
    page = editor_client.get("/admin/archive/document/").content.decode()
    assert '<td class="field-precise_date">January 2017</td>' in page  # the white paper, not "Jan. 1, 2017"
    assert '<td class="field-precise_date">16 May 2024</td>' in page
