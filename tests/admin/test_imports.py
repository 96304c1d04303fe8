"""The import page: files uploaded from the admin, each imported whole or not at all, with a message per file."""

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import Document
from archive.search.results import search_documents
from tests.conftest import seed_path


def test_editor_imports_files_by_upload(client, search_index):
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "pw"))
    good = SimpleUploadedFile("002.txt", seed_path("002").read_bytes())
    empty = SimpleUploadedFile("empty.txt", b"")
    response = client.post("/admin/archive/document/import/", {"files": [good, empty]}, follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert any(text.startswith("002.txt: imported") for text in shown)
    assert any(text.startswith("empty.txt: failed") for text in shown)
    assert Document.objects.count() == 1
    assert search_documents("Chuanying").count == 1


def test_an_editor_uploads_more_than_a_hundred_files_at_once(client, search_index):
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "pw"))
    files = [
        SimpleUploadedFile(f"note-{n:03d}.txt", f"Maritime note {n}\n\nPatrols near reef {n} were reported on day {n}.\n".encode())
        for n in range(120)
    ]
    response = client.post("/admin/archive/document/import/", {"files": files}, follow=True)
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert sum(text.startswith("note-") and ": imported" in text for text in shown) == 120
    assert Document.objects.count() == 120 and search_documents("reef").total == 120


def test_too_many_files_at_once_get_a_message_not_a_bare_400(client, search_index, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "pw"))
    files = [SimpleUploadedFile(f"n{n}.txt", b"Note\n\nText.\n") for n in range(4)]
    response = client.post("/admin/archive/document/import/", {"files": files}, follow=True)
    assert response.status_code == 200
    assert any("At most 3 files can be uploaded at once" in str(message) for message in response.context["messages"])
    assert Document.objects.count() == 0
