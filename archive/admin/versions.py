"""Versions management in the document admin: unlink a capture, choose the canonical capture (buttons on the
change page, each with a confirmation page), and link documents the importer split, as captures of one text
or drafts of one work (change-list actions whose confirmation page asks which document the others join).

Every change goes through the services, which remember it as an editor's choice: re-parses keep it.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from archive import services
from archive.admin.access import permitted_document
from archive.models import Document

# Operation in the address -> (service, page title, what the page explains, button, message once done).
OPERATIONS = {
    "unlink": (
        services.capture_unlink,
        "Unlink this capture",
        "It becomes a document of its own, listed and searchable; the other captures stay linked together "
        "(if it was the canonical capture, the fullest other capture is shown in its place).",
        "Yes, unlink it",
        "unlinked: it is a document of its own now",
    ),
    "canonical": (
        services.capture_make_canonical,
        "Make this the canonical capture",
        "It is shown for its text on public pages and in search; the capture shown now and the other captures "
        "are kept as captures of it, and the work's drafts are linked to it.",
        "Yes, make it canonical",
        "is now the canonical capture of its text",
    ),
}
LINKS = {
    "captures": ("captures of one text", "The canonical capture (shown on public pages and in search)"),
    "drafts": ("drafts of one work", "The draft the work is filed under (all drafts stay listed and searchable)"),
}


class VersionsMixin:
    """Adds versions management to the document admin."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.versions_view)
        urls = [path("<path:object_id>/versions/<str:operation>/", view, name="archive_document_versions")]
        return urls + super().get_urls()

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return super().get_fieldsets(request, obj)
        return [*super().get_fieldsets(request, obj), ("Versions", {"fields": [self._panel(request, obj)]})]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if obj is None else [*fields, self._panel(request, obj)]

    def _panel(self, request, obj) -> str:
        # Readonly fields see only the document: the editor's permission picks the panel with or without buttons.
        return "versions_manage" if self.has_change_permission(request, obj) else "versions_list"

    @staticmethod
    def _captures(document: Document):
        shown = document.version_of or document
        return [shown, *shown.versions.order_by("pk")]

    @admin.display(description="Captures of this text")
    def versions_list(self, document: Document):
        captures = self._captures(document)
        if len(captures) == 1:
            return "No other capture of this text."
        return format_html_join(
            ", ",
            '<a href="{}">#{} {}</a>{}',
            (
                (
                    reverse("admin:archive_document_change", args=[capture.pk]),
                    capture.pk,
                    capture.title,
                    " (canonical)" if capture.version_of_id is None else "",
                )
                for capture in captures
            ),
        )

    @admin.display(description="Captures of this text")
    def versions_manage(self, document: Document):
        buttons = []
        if document.version_of_id is not None or document.versions.exists():
            buttons.append(("unlink", "Unlink this capture…"))
        if document.version_of_id is not None:
            buttons.append(("canonical", "Make this the canonical capture…"))
        links = format_html_join(
            " ",
            '<a class="button" href="{}">{}</a>',
            ((reverse("admin:archive_document_versions", args=[document.pk, name]), label) for name, label in buttons),
        )
        return format_html("{}<p>{}</p>", self.versions_list(document), links) if buttons else self.versions_list(document)

    def versions_view(self, request, object_id, operation):
        """Confirm (GET) and carry out (POST) one versions operation on one document."""
        if operation not in OPERATIONS:
            raise Http404("No such versions operation.")
        document = permitted_document(self, request, object_id, change=True)
        service, title, explanation, button, done = OPERATIONS[operation]
        if request.method == "POST":
            try:
                service(document=document)
            except services.LinkError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(request, f"“{document.title}” (#{document.pk}) {done}.", messages.SUCCESS)
            return redirect("admin:archive_document_change", document.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "original": document,
            "explanation": explanation,
            "button": button,
            "captures": self._captures(document),
        }
        return TemplateResponse(request, "admin/archive/document/versions_confirm.html", context)

    @admin.action(permissions=["publish"], description="Link selected documents as captures of one text…")
    def link_as_captures(self, request, queryset):
        return self._link(request, queryset, "captures")

    @admin.action(permissions=["publish"], description="Link selected documents as drafts of one work…")
    def link_as_drafts(self, request, queryset):
        return self._link(request, queryset, "drafts")

    def _link(self, request, queryset, as_: str):
        """Ask which document the others join (Django's confirmation-page pattern: "post" once confirmed)."""
        documents = list(queryset.order_by("pk"))
        if len(documents) < 2:
            self.message_user(request, "Select two or more documents to link.", messages.WARNING)
            return None
        chosen = next((d for d in documents if str(d.pk) == request.POST.get("canonical")), None)
        if request.POST.get("post") and chosen is not None:
            try:
                services.documents_link(documents=documents, as_=as_, canonical=chosen)
            except services.LinkError as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            listed = ", ".join(f"#{document.pk}" for document in documents)
            self.message_user(request, f"Linked {listed} as {LINKS[as_][0]}, under #{chosen.pk} “{chosen.title}”.")
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"Link {len(documents)} documents as {LINKS[as_][0]}",
            "opts": self.model._meta,
            "documents": documents,
            "action": f"link_as_{as_}",
            "legend": LINKS[as_][1],
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "default": next((d for d in documents if d.version_of_id is None), documents[0]).pk,
        }
        return TemplateResponse(request, "admin/archive/document/link_confirm.html", context)
