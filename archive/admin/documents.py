"""The document admin, assembled from its parts (history, widgets, workflow, imports, versions, the Sections
outline): the list with its filters and actions, the change form, and the raw source read-only."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models
from django.db.models.functions import ExtractYear
from django.shortcuts import redirect

from archive import selectors, services
from archive.admin.history import DocumentHistoryAdmin
from archive.admin.imports import ImportFilesMixin, ReprocessActionsMixin
from archive.admin.sections import SectionTreeMixin
from archive.admin.versions import VersionsMixin
from archive.admin.widgets import DocumentWidgetsAdmin, DocumentWidgetsForm, raw_source_html
from archive.admin.workflow import WorkflowAdminMixin, WorkflowFormMixin
from archive.models import Document, SourceFile
from archive.request_params import record_id


class YearFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            Document.objects.exclude(date=None).annotate(y=ExtractYear("date")).values_list("y", flat=True).distinct()
        )
        return [(str(year), str(year)) for year in sorted(set(years), reverse=True)]

    def queryset(self, request, queryset):
        try:
            year = int(self.value() or "")
        except ValueError:  # no year chosen, or one int() cannot read ("²" passes isdigit())
            return queryset
        return queryset.filter(date__year=year) if 1 <= year <= 9999 else queryset.none()


class PublisherFilter(admin.AllValuesFieldListFilter):
    """Publishers as recorded; documents without one are offered as "(none)", not as a link without text."""

    def choices(self, changelist):
        for choice in super().choices(changelist):
            yield {**choice, "display": choice["display"] or "(none)"}


class SourceFileInline(admin.StackedInline):
    model = SourceFile
    extra = 0
    can_delete = False
    fields = ["file_name", "media_type", "size", "sha256", "imported_at", "raw_text"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="Raw source, exactly as imported")
    def raw_text(self, source: SourceFile):
        # An unsaved row exists only when a posted form claims more files than the document has.
        return raw_source_html(source) if source.pk else "—"


class DocumentForm(WorkflowFormMixin, DocumentWidgetsForm):
    """The change form; a draft link is filed under the work's first draft, as imports file it.

    No ``Meta``: the admin builds the fields, so its widgets and ``formfield_overrides`` apply.
    """

    def clean_draft_of(self) -> Document | None:
        """Link to the first draft of the chosen document's work: the draft list reads links to it only.

        An editor may pick any draft (or a capture of one) of the work they mean. Pointing at this
        document or a draft filed under it would make a loop; and a first draft that others are filed
        under would leave them behind, so those are relinked first.
        """
        chosen = self.cleaned_data.get("draft_of")
        if chosen is None or chosen.pk == self.instance.draft_of_id:
            return chosen
        first = selectors.draft_work_of(chosen)
        own = self.instance.pk
        if own is not None and own in (chosen.pk, first):
            raise forms.ValidationError(f"#{chosen.pk} is this document or a draft of its own work.")
        if own is not None and (filed := sorted(self.instance.other_drafts.values_list("pk", flat=True))):
            listed = ", ".join(f"#{pk}" for pk in filed)
            raise forms.ValidationError(f"Other drafts are filed under this one ({listed}): link them first.")
        return chosen if first == chosen.pk else Document.objects.get(pk=first)


@admin.register(Document)
class DocumentAdmin(
    DocumentHistoryAdmin,
    DocumentWidgetsAdmin,
    WorkflowAdminMixin,
    ImportFilesMixin,
    ReprocessActionsMixin,
    VersionsMixin,
    SectionTreeMixin,
    admin.ModelAdmin,
):
    form = DocumentForm
    # Every action, each offered only to users with the permissions its decorator names. Those that change what
    # the public sees (publishing, links between captures, re-parsing) need the publish permission: Editors.
    actions = [
        "submit_for_review", "publish", "return_to_draft", "withdraw",  # workflow.py
        "link_as_captures", "link_as_drafts",  # versions.py
        "reparse_selected", "reindex_selected",  # imports.py
    ]
    list_display = ["title", "kind", "publisher", "precise_date", "status", "complete", "version_of", "draft_of"]
    # Both links are nullable, which a bare select_related() skips: one query per row without this.
    list_select_related = ["version_of", "draft_of"]
    list_filter = ["kind", ("publisher", PublisherFilter), "status", YearFilter, "complete"]
    search_fields = ["title", "subtitle", "publisher", "issuer", "authors"]
    date_hierarchy = "date"
    raw_id_fields = ["version_of", "draft_of"]
    fieldsets = [
        (None, {"fields": ["title", "subtitle", "kind", "status"]}),
        ("Attribution", {"fields": ["authors", "publisher", "issuer", "edition", "author_note"]}),
        ("Date and source", {"fields": ["date", "language", "source_url"]}),
        ("Capture and drafts", {"fields": ["complete", "version_of", "draft_of"]}),
    ]
    inlines = [SourceFileInline]
    # A source URL typed without a scheme is https (Django 6's default, adopted now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    change_list_template = "admin/archive/document/change_list.html"

    def changelist_view(self, request, extra_context=None):
        """A selection or a filter the database cannot read (a selected "x", a NUL that PostgreSQL refuses in a
        filter or the search box) gets a message, not a server error."""
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME) if request.method == "POST" else []
        if any(record_id(value) is None for value in selected):
            self.message_user(request, "The selection could not be read: choose the documents again.", messages.ERROR)
            return redirect(request.get_full_path())
        if any("\x00" in value for values in request.GET.lists() for value in values[1]):
            self.message_user(request, "A filter or search could not be read: it held a NUL character.", messages.ERROR)
            return redirect(request.path)
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        services.document_save(document=obj, changed_fields=form.changed_data if change else [])

    def delete_model(self, request, obj):
        services.document_delete(document=obj)

    def delete_queryset(self, request, queryset):
        for document in queryset:
            services.document_delete(document=document)
