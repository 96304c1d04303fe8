"""The import page (files uploaded from the admin, each imported whole or not at all, a result per file), its
one-file JSON endpoint, and the re-parse and re-index actions of the document list."""

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import Document, DocumentStatus
from archive.search.results import search_documents
from tests.conftest import seed_path

IMPORT = "/admin/archive/document/import/"
IMPORT_FILE = "/admin/archive/document/import/file/"


@pytest.fixture
def editor(client, db):
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "pw"))
    return client


def staff_client(client, *codenames: str):
    """A client logged in as staff holding only the document permissions named."""
    user = User.objects.create_user("staff", "staff@example.org", "pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="archive", codename__in=codenames))
    client.force_login(user)
    return client


def shown_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_editor_imports_files_by_upload(editor, search_index):
    good = SimpleUploadedFile("002.txt", seed_path("002").read_bytes())
    empty = SimpleUploadedFile("empty.txt", b"")
    response = editor.post(IMPORT, {"files": [good, empty]}, follow=True)
    shown = shown_messages(response)
    assert any(text.startswith("“002.txt”: imported") for text in shown)
    assert any(text.startswith("“empty.txt”: failed") for text in shown)
    assert Document.objects.count() == 1
    assert search_documents("Chuanying").count == 1


def test_file_names_are_shown_exactly_as_given(editor, search_index):
    response = editor.post(IMPORT, {"files": [SimpleUploadedFile("dup.txt", b"A note\n\nSome text.\n")]}, follow=True)
    page = response.content.decode()
    assert "“dup.txt”: imported" in page
    assert "Dup.txt" not in page


def test_the_page_names_every_format_that_imports_and_its_place_in_the_admin(editor):
    page = editor.get(IMPORT).content.decode()
    for name in ("text (.rst, .text, .txt)", "Markdown (.markdown, .md)", "HTML (.htm, .html, .xhtml)", "PDF (.pdf)"):
        assert name in page
    breadcrumbs = page[page.index('<div class="breadcrumbs">'):]
    breadcrumbs = breadcrumbs[: breadcrumbs.index("</div>")]
    assert [part.split(">")[-1].strip() for part in breadcrumbs.split("</a>")] == ["Home", "Policy archive", "Documents", "&rsaquo; Import"]


def test_users_who_may_not_add_documents_are_refused_the_page_and_the_upload(client, search_index):
    staff = staff_client(client, "view_document", "change_document")
    upload = SimpleUploadedFile("002.txt", seed_path("002").read_bytes())
    assert staff.get(IMPORT).status_code == 403
    assert staff.post(IMPORT, {"files": [upload]}).status_code == 403
    assert staff.post(IMPORT_FILE, {"file": upload}).status_code == 403
    assert Document.objects.count() == 0


def test_import_as_draft_keeps_documents_out_of_public_search(editor, search_index):
    upload = SimpleUploadedFile("002.txt", seed_path("002").read_bytes())
    response = editor.post(IMPORT, {"files": [upload], "draft": "on"}, follow=True)
    assert any(text.startswith("“002.txt”: imported") and "(draft)" in text for text in shown_messages(response))
    assert Document.objects.get().status == DocumentStatus.DRAFT
    assert search_documents("Chuanying").count == 0


def test_a_user_who_may_not_publish_always_imports_drafts(client, search_index):
    staff = staff_client(client, "view_document", "add_document")
    upload = SimpleUploadedFile("002.txt", seed_path("002").read_bytes())
    assert 'id="import-draft" name="draft" checked disabled' in staff.get(IMPORT).content.decode()
    assert staff.post(IMPORT_FILE, {"file": upload}).json()["status"] == "imported"  # no "draft" posted
    assert Document.objects.get().status == DocumentStatus.DRAFT


def test_each_import_writes_a_log_entry_naming_the_file(editor, search_index):
    editor.post(IMPORT, {"files": [SimpleUploadedFile("002.txt", seed_path("002").read_bytes())]})
    entry = LogEntry.objects.get()
    assert entry.action_flag == ADDITION
    assert entry.object_id == str(Document.objects.get().pk)
    assert entry.get_change_message() == "Imported from the file “002.txt”."


def test_the_one_file_endpoint_answers_each_files_result_as_json(editor, search_index):
    upload = SimpleUploadedFile("002.txt", seed_path("002").read_bytes())
    first = editor.post(IMPORT_FILE, {"file": upload}).json()
    document = Document.objects.get()
    assert first == {
        "file_name": "002.txt",
        "status": "imported",
        "text": f"“002.txt”: imported — #{document.pk} No digital strings attached",
        "url": f"/admin/archive/document/{document.pk}/change/",
    }
    upload.seek(0)
    assert editor.post(IMPORT_FILE, {"file": upload}).json()["status"] == "duplicate"
    assert editor.get(IMPORT_FILE).status_code == 405
    assert editor.post(IMPORT_FILE, {}).status_code == 400


def test_an_editor_uploads_more_than_a_hundred_files_at_once(editor, search_index):
    files = [
        SimpleUploadedFile(f"note-{n:03d}.txt", f"Maritime note {n}\n\nPatrols near reef {n} were reported on day {n}.\n".encode())
        for n in range(120)
    ]
    response = editor.post(IMPORT, {"files": files}, follow=True)
    assert response.status_code == 200
    shown = shown_messages(response)
    assert sum(text.startswith("“note-") and ": imported" in text for text in shown) == 120
    assert Document.objects.count() == 120 and search_documents("reef").total == 120


def test_too_many_files_at_once_get_a_message_not_a_bare_400(editor, search_index, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    files = [SimpleUploadedFile(f"n{n}.txt", b"Note\n\nText.\n") for n in range(4)]
    response = editor.post(IMPORT, {"files": files}, follow=True)
    assert response.status_code == 200
    assert any("At most 3 files can be uploaded at once" in text for text in shown_messages(response))
    assert Document.objects.count() == 0


def run_action(client, action: str, documents) -> list[str]:
    data = {"action": action, "_selected_action": [document.pk for document in documents]}
    return shown_messages(client.post("/admin/archive/document/", data, follow=True))


def test_reparse_action_reports_each_document_and_keeps_an_editors_correction(editor, fresh_seeded):
    article, paper = fresh_seeded["002"].document, fresh_seeded["003"].document
    Document.objects.filter(pk=article.pk).update(title="Corrected", edited_fields=["title"])
    shown = run_action(editor, "reparse_selected", [article, paper])
    assert f"#{article.pk} “Corrected”: re-parsed, unchanged; kept the editor's title" in shown
    assert f"#{paper.pk} “{paper.title}”: re-parsed, unchanged" in shown
    assert Document.objects.get(pk=article.pk).title == "Corrected"


def test_reindex_action_writes_the_database_state_and_says_what_is_searchable(editor, fresh_seeded):
    article, capture = fresh_seeded["002"].document, fresh_seeded["000"].document
    Document.objects.filter(pk=article.pk).update(title="Strings renamed")  # an UPDATE reaches no index
    assert search_documents('"strings renamed"').count == 0
    shown = run_action(editor, "reindex_selected", [article, capture])
    assert f"#{article.pk} “Strings renamed”: re-indexed, searchable." in shown
    assert any(text.startswith(f"#{capture.pk} ") and "kept out of search" in text for text in shown)
    assert search_documents('"strings renamed"').count == 1
