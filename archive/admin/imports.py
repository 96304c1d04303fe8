"""Importing files from the admin, and re-processing chosen documents (re-parse, re-index) from the list.

Each upload is imported whole or not at all, with a result per file. With JavaScript the page posts one file
per request to a JSON endpoint (static/archive/admin/import.js), so any number of files of any size go up
one by one with a progress bar; without it, the form posts them all at once and each gets a message.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, TooManyFilesSent
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from archive import services
from archive.ingest.html import HTML_SUFFIXES
from archive.ingest.jsonlines import JSONL_SUFFIXES
from archive.ingest.pipeline import MARKDOWN_SUFFIXES, PDF_SUFFIXES, TEXT_SUFFIXES
from archive.models import DocumentStatus
from archive.search.sync.writes import IMPORT_BATCH_DOCUMENTS, IndexUpdates

# What the import page says it takes: the formats archive.ingest reads, by the file names it knows them by.
IMPORT_FORMATS = [
    ("text", TEXT_SUFFIXES),
    ("Markdown", MARKDOWN_SUFFIXES),
    ("HTML", HTML_SUFFIXES),
    ("PDF", PDF_SUFFIXES),
    ("JSON Lines", JSONL_SUFFIXES),
]
LEVELS = {"imported": messages.SUCCESS, "duplicate": messages.WARNING, "failed": messages.ERROR}


@dataclass(frozen=True)
class UploadResult:
    """One file's result, as a message (no JavaScript) or a result line (JSON)."""

    file_name: str
    status: str  # "imported", "duplicate" or "failed"
    text: str
    document_url: str = ""

    def as_json(self) -> dict:
        return {"file_name": self.file_name, "status": self.status, "text": self.text, "url": self.document_url}


def formats_described() -> str:
    """ "text (.txt, .text, .rst), Markdown (.md, .markdown), …": the page names every format that imports."""
    return ", ".join(
        f"{name} ({', '.join(sorted(suffix for suffix in suffixes if suffix))})" for name, suffixes in IMPORT_FORMATS
    )


class ImportFilesMixin:
    """Adds the "Import files" page, and its one-file endpoint, to the document admin."""

    def get_urls(self):
        urls = [
            path("import/", self.admin_site.admin_view(self.import_view), name="archive_document_import"),
            path(
                "import/file/",
                self.admin_site.admin_view(require_POST(self.import_file_view)),
                name="archive_document_import_file",
            ),
        ]
        return urls + super().get_urls()

    def import_view(self, request):
        """Upload files: each is imported whole or not at all, with a message per file."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            try:
                uploads = request.FILES.getlist("files")
            except TooManyFilesSent:
                limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
                self.message_user(
                    request,
                    f"At most {limit:,} files can be uploaded at once (ARCHIVE_MAX_UPLOAD_FILES): upload them in "
                    "smaller groups, or import a folder with `manage.py import_documents`.",
                    messages.ERROR,
                )
                return redirect("admin:archive_document_import")
            with IndexUpdates(batch=IMPORT_BATCH_DOCUMENTS) as index_updates:
                for upload in uploads:
                    result = self._import_upload(request, upload, index_updates)
                    self.message_user(request, result.text, LEVELS[result.status])
            return redirect("admin:archive_document_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": "Import documents",
            "opts": self.model._meta,
            "formats": formats_described(),
            "can_publish": self._can_publish(request),
            "file_endpoint": reverse("admin:archive_document_import_file"),
        }
        return render(request, "admin/archive/document/import.html", context)

    def import_file_view(self, request):
        """Import the one file posted (the page's script sends each file on its own): its result as JSON."""
        if not self.has_add_permission(request):
            return JsonResponse({"error": "You may not add documents."}, status=403)
        upload = request.FILES.get("file")
        if upload is None:
            return JsonResponse({"error": "No file was posted (field “file”)."}, status=400)
        return JsonResponse(self._import_upload(request, upload, None).as_json())

    def _can_publish(self, request) -> bool:
        return request.user.has_perm("archive.publish_document")

    def _import_upload(self, request, upload, index_updates) -> UploadResult:
        # The file name leads in quotes: the admin's messages capitalise their first letter ("Dup.txt").
        name = upload.name
        if too_large := services.size_error(upload.size):
            return UploadResult(name, "failed", f"“{name}”: failed — {too_large}")
        draft = request.POST.get("draft") == "on" or not self._can_publish(request)
        status = DocumentStatus.DRAFT if draft else DocumentStatus.PUBLISHED
        outcome = services.document_import(
            raw=upload.read(), file_name=name, index_updates=index_updates, status=status
        )
        document = outcome.document
        detail = outcome.error or (document.title if document else "")
        if outcome.status == "imported":
            detail = f"#{document.pk} {detail}{' (draft)' if draft else ''}"
            self.log_addition(request, document, f"Imported from the file “{name}”{' as a draft' if draft else ''}.")
        notes = "".join(f" ({warning})" for warning in outcome.warnings)
        url = reverse("admin:archive_document_change", args=[document.pk]) if document else ""
        return UploadResult(name, outcome.status, f"“{name}”: {outcome.status} — {detail}{notes}", url)


class ReprocessActionsMixin:
    """Change-list actions: re-parse chosen documents from their raw files, or write them to the index again."""

    @admin.action(permissions=["publish"], description="Re-parse selected documents from their raw files")
    def reparse_selected(self, request, queryset):
        """Run the current parser again (as `manage.py reparse`); editors' corrections and links are kept."""
        for document in queryset.order_by("pk"):
            if document.source_file is None:
                self.message_user(request, f"#{document.pk} “{document.title}”: no raw file to re-parse.", messages.WARNING)
                continue
            outcome = services.document_reparse(document=document)
            kept = f"; kept the editor's {', '.join(outcome.kept)}" if outcome.kept else ""
            relinked = f"; relinked {', '.join(f'#{pk}' for pk in outcome.relinked)}" if outcome.relinked else ""
            level = messages.ERROR if outcome.status == "failed" else messages.SUCCESS
            text = f"#{document.pk} “{document.title}”: re-parsed, {outcome.status}{kept}{relinked} {outcome.error}"
            self.message_user(request, text.rstrip(), level)

    @admin.action(permissions=["change"], description="Re-index selected documents")
    def reindex_selected(self, request, queryset):
        """Write the documents to the search index again, from the database, and say which are searchable."""
        documents = list(queryset.order_by("pk"))
        try:
            outcomes = services.documents_reindex(documents=documents)
        except Exception as error:  # the engine's own errors: the editor hears of them, the index stays as it was
            self.message_user(request, f"The index could not be written: {error}", messages.ERROR)
            return
        for document, outcome in zip(documents, outcomes):
            state = "searchable" if outcome.searchable else "not public (a draft or a hidden capture): kept out of search"
            self.message_user(request, f"#{document.pk} “{document.title}”: re-indexed, {state}.", messages.SUCCESS)
