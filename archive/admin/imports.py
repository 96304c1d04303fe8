"""Importing files from the admin: each upload is imported whole or not at all, with a message per file."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import TooManyFilesSent
from django.shortcuts import redirect, render
from django.urls import path

from archive import services
from archive.search.sync.writes import IMPORT_BATCH_DOCUMENTS, IndexUpdates


class ImportFilesMixin:
    """Adds the "Import files" page to the document admin."""

    def get_urls(self):
        urls = [
            path("import/", self.admin_site.admin_view(self.import_view), name="archive_document_import"),
        ]
        return urls + super().get_urls()

    def import_view(self, request):
        """Upload files: each is imported whole or not at all, with a message per file."""
        if request.method == "POST" and self.has_add_permission(request):
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
                    self._import_upload(request, upload, index_updates)
            return redirect("admin:archive_document_changelist")
        context = {**self.admin_site.each_context(request), "title": "Import documents", "opts": self.model._meta}
        return render(request, "admin/archive/document/import.html", context)

    def _import_upload(self, request, upload, index_updates) -> None:
        if too_large := services.size_error(upload.size):
            self.message_user(request, f"{upload.name}: failed — {too_large}", messages.ERROR)
            return
        outcome = services.document_import(raw=upload.read(), file_name=upload.name, index_updates=index_updates)
        level = {"imported": messages.SUCCESS, "duplicate": messages.WARNING}.get(outcome.status, messages.ERROR)
        detail = outcome.error or (outcome.document.title if outcome.document else "")
        notes = "".join(f" ({warning})" for warning in outcome.warnings)
        self.message_user(request, f"{upload.name}: {outcome.status} — {detail}{notes}", level)
