"""Editors in Django admin: documents with their sections, filters, the raw source read-only."""

import pytest
from django.contrib.auth.models import User

from archive.search.documents import search_documents


@pytest.fixture
def editor_client(client, seeded):
    editor = User.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    return client


def test_changelist_filters_by_kind_and_year(editor_client):
    response = editor_client.get("/admin/archive/document/", {"kind__exact": "white_paper", "year": "2017"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "China&#x27;s Policies on Asia-Pacific Security Cooperation" in page
    assert "No digital strings attached" not in page


def test_change_page_shows_sections_in_order_and_the_raw_source_escaped(editor_client, seeded):
    document = seeded["003"].document
    page = editor_client.get(f"/admin/archive/document/{document.pk}/change/").content.decode()
    assert page.index("Preface") < page.index("Improving the Regional Security Framework")
    assert "1 2 3 &gt;" in page  # the raw capture, debris and all, shown as text


def test_editor_correction_is_saved_remembered_and_indexed(editor_client, seeded):
    document = seeded["002"].document
    url = f"/admin/archive/document/{document.pk}/change/"
    form = editor_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(_inline_management(editor_client.get(url)))
    data["title"] = "No digital strings attached (corrected)"
    data["authors"] = '["Lu Chuanying"]'
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    assert document.title.endswith("(corrected)")
    assert "title" in document.edited_fields
    assert search_documents('"strings attached corrected"').count == 1


def _inline_management(response) -> dict:
    """The inline formsets' current values, as the browser would post them back."""
    data = {}
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
        for form in formset.formset.forms:
            for name in form.fields:
                value = form[name].value()
                if value is not None and value is not False:
                    data[f"{form.prefix}-{name}"] = value
    return data


def test_editor_imports_files_by_upload(client, search_index):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from archive.models import Document
    from tests.conftest import seed_path

    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "pw"))
    good = SimpleUploadedFile("002.txt", seed_path("002").read_bytes())
    empty = SimpleUploadedFile("empty.txt", b"")
    response = client.post("/admin/archive/document/import/", {"files": [good, empty]}, follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert any(text.startswith("002.txt: imported") for text in shown)
    assert any(text.startswith("empty.txt: failed") for text in shown)
    assert Document.objects.count() == 1
    assert search_documents("Chuanying").count == 1
