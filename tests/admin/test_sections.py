"""The Sections outline of a document in admin: one operation per POST, handed to the services, and a
redirect back to the section; editors who may not change the document are refused."""

import pytest
from django.contrib.auth.models import Permission, User

from archive.models import Section


def outline_url(document) -> str:
    return f"/admin/archive/document/{document.pk}/sections/"


def anchors(document) -> list[tuple[str, int]]:
    return list(Section.objects.filter(document=document).order_by("path").values_list("anchor", "depth"))


def section(document, anchor: str) -> Section:
    return Section.objects.get(document=document, anchor=anchor)


def test_the_outline_lists_the_tree_in_reading_order_with_a_form_per_section(editor_client, seeded):
    document = seeded["003"].document
    page = editor_client.get(outline_url(document)).content.decode()
    assert page.index("Preface") < page.index("Improving the Regional Security Framework")
    ii = section(document, "ii")
    assert f'<li class="outline-item" id="section-{ii.pk}" data-section="{ii.pk}">' in page
    assert page.count('name="op" value="indent"') == Section.objects.filter(document=document).count()
    assert 'aria-live="polite"' in page


def test_the_change_page_links_the_outline_where_sections_are_edited(editor_client, seeded):
    document = seeded["003"].document
    response = editor_client.get(f"/admin/archive/document/{document.pk}/change/")
    assert f'href="{outline_url(document)}"' in response.content.decode()
    assert not [inline for inline in response.context["inline_admin_formsets"] if inline.formset.model is Section]


def test_a_button_applies_its_operation_and_comes_back_to_the_section(editor_client, fresh_seeded):
    document = fresh_seeded["003"].document
    ii = section(document, "ii")
    response = editor_client.post(outline_url(document), {"section": ii.pk, "op": "indent", "at": "2"})
    assert response.status_code == 302
    assert response["Location"] == f"{outline_url(document)}?focus={ii.pk}#section-{ii.pk}-title"
    assert ("ii", 1) in anchors(document) and ("ii-1", 2) in anchors(document)
    page = editor_client.get(response["Location"]).content.decode()
    assert "indented: it is now a subsection of the section before it" in page


def test_a_drop_posts_a_move_next_to_or_inside_another_section(editor_client, fresh_seeded):
    document = fresh_seeded["003"].document
    preface, ii_2 = section(document, "preface"), section(document, "ii-2")
    editor_client.post(outline_url(document), {"section": preface.pk, "op": "move", "target": ii_2.pk, "where": "inside"})
    assert section(document, "preface").parent_id == ii_2.pk


def test_an_impossible_operation_is_explained_and_changes_nothing(editor_client, fresh_seeded):
    document = fresh_seeded["003"].document
    before = anchors(document)
    response = editor_client.post(outline_url(document), {"section": section(document, "preface").pk, "op": "up"}, follow=True)
    assert "Nothing changed: Preface is already the first at its level." in response.content.decode()
    assert anchors(document) == before


def test_a_section_of_another_document_is_refused(editor_client, fresh_seeded):
    document, other = fresh_seeded["003"].document, fresh_seeded["002"].document
    stranger = Section.objects.filter(document=other).first()
    response = editor_client.post(outline_url(document), {"section": stranger.pk, "op": "down"}, follow=True)
    assert "Nothing changed" in response.content.decode()
    assert editor_client.get(f"{outline_url(document)}{stranger.pk}/").status_code == 404


def test_split_then_edit_the_new_section_s_label_and_heading(editor_client, fresh_seeded):
    document = fresh_seeded["003"].document
    i = section(document, "i")
    editor_client.post(outline_url(document), {"section": i.pk, "op": "split", "at": "5"})
    new = section(document, "text")
    assert (new.depth, new.position) == (0, 2)
    response = editor_client.post(
        f"{outline_url(document)}{new.pk}/",
        {"label": "IA", "label_scheme": "roman", "heading": "Split <em>off</em>", "text": new.text},
    )
    assert response.status_code == 302
    new.refresh_from_db()
    assert (new.label, new.heading, new.anchor) == ("IA", "Split <em>off</em>", "text")
    page = editor_client.get(document.get_absolute_url()).content.decode()
    assert "Split &lt;em&gt;off&lt;/em&gt;" in page and "<em>off</em>" not in page


def test_add_places_a_section_after_the_chosen_one(editor_client, fresh_seeded):
    document = fresh_seeded["003"].document
    response = editor_client.post(
        f"{outline_url(document)}add/",
        {"after": section(document, "ii-1").pk, "label": "1a", "label_scheme": "decimal", "heading": "Added", "text": "New words"},
    )
    assert response.status_code == 302
    assert [anchor for anchor, depth in anchors(document) if depth == 1] == ["ii-1", "ii-1a", "ii-2"]


def test_delete_asks_first_then_deletes_with_the_subsections(editor_client, fresh_seeded):
    document = fresh_seeded["003"].document
    ii = section(document, "ii")
    url = f"{outline_url(document)}{ii.pk}/delete/"
    page = editor_client.get(url).content.decode()
    assert "with its 2 subsections" in page and "Improving the Regional Security Framework" in page
    assert section(document, "ii")
    editor_client.post(url)
    assert "ii-1" not in [anchor for anchor, _ in anchors(document)]


@pytest.fixture
def viewer_client(client, db):
    viewer = User.objects.create_user("viewer", password="pw", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_document"))
    client.force_login(viewer)
    return client


@pytest.mark.parametrize("address", ["", "add/", "{pk}/", "{pk}/delete/"])
def test_an_editor_without_change_permission_is_refused(viewer_client, seeded, address):
    document = seeded["003"].document
    url = outline_url(document) + address.format(pk=section(document, "ii").pk)
    if address:
        assert viewer_client.get(url).status_code == 403
    assert viewer_client.post(url, {"section": section(document, "ii").pk, "op": "down"}).status_code == 403


def test_a_user_who_may_only_view_reads_the_outline_without_its_controls(viewer_client, seeded):
    document = seeded["003"].document
    response = viewer_client.get(outline_url(document))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("Preface") < page.index("Improving the Regional Security Framework")
    assert 'name="op"' not in page and "Add a section" not in page and "section_outline.js" not in page


def test_buttons_that_cannot_apply_are_disabled(editor_client, seeded):
    document = seeded["003"].document
    rows = {row.node.section.anchor: row for row in editor_client.get(outline_url(document)).context["rows"]}
    assert (rows["preface"].first, rows["preface"].last) == (True, False)
    assert (rows["ii-1"].first, rows["ii-2"].last) == (True, True)
    assert [anchor for anchor, row in rows.items() if row.final] == ["conclusion"]
    page = editor_client.get(outline_url(document)).content.decode()
    preface_row = page[page.index(f'id="section-{rows["preface"].node.section.pk}"'):page.index(f'id="section-{rows["i"].node.section.pk}"')]
    assert 'value="up" disabled' in preface_row and 'value="outdent" disabled' in preface_row
    assert 'value="down" disabled' not in preface_row


def test_an_editor_fills_in_a_section_the_capture_lacked(editor_client, fresh_seeded, client):
    document = fresh_seeded["003"].document
    missing = Section.objects.filter(document=document, captured=False).order_by("path").first()
    assert missing is not None and missing.text == ""
    edited = {"label": missing.label, "label_scheme": missing.label_scheme, "heading": missing.heading,
              "text": "The chapter's text, typed in from the printed edition.", "captured": "on"}
    response = editor_client.post(f"{outline_url(document)}{missing.pk}/", edited)
    assert response.status_code == 302
    missing.refresh_from_db()
    assert missing.captured and "typed in from the printed edition" in missing.body
    client.logout()
    assert "typed in from the printed edition" in client.get(document.get_absolute_url()).content.decode()
