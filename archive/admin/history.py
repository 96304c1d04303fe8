"""A document's history in the admin: every revision with who, when and why, two revisions compared
field by field, and one reverted through the services (so edited fields and the index follow).

The records are django-simple-history's (``Document.history``, ``Section.history``); its history list
and revert form are replaced by pages whose values are the archive's own: long text as a word diff
rendered through ``archive.sanitize``, and a revert that changes metadata only, as ``document_revert`` says.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.safestring import SafeString
from simple_history.admin import SimpleHistoryAdmin

from archive import services
from archive.admin.access import permitted_document
from archive.diff import word_diff
from archive.models import Document, Section
from archive.request_params import record_id
from archive.sanitize import diff_html

# Text longer than this reads better as a word diff than as two whole values side by side.
WORD_DIFF_FROM_CHARS = 120
# Section changes listed under a document's revisions, newest first; older ones are in the database.
SECTION_CHANGES_SHOWN = 50


@dataclass(frozen=True)
class FieldChange:
    """One field of two revisions: its label, both values as an editor reads them, and a word diff for long text."""

    label: str
    old: str
    new: str
    diff: SafeString | None = None


def readable_value(field: models.Field, value) -> str:
    """A stored value as the change form shows it: a choice's label, a list of names joined, "—" for nothing."""
    if value in (None, "", []):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        return f"#{value}"  # another document, by the number the admin lists it under
    if isinstance(field, models.JSONField):
        return "; ".join(str(item) for item in value) if isinstance(value, list) else str(value)
    if isinstance(field, models.BooleanField):
        return "yes" if value else "no"
    return str(value)


def revision_changes(older, newer, fields: tuple[str, ...] | None = None) -> list[FieldChange]:
    """What changed between two history records of one document (only ``fields``, if named), in model order."""
    changed = set(newer.diff_against(older, included_fields=fields).changed_fields)
    changes = []
    for field in Document._meta.concrete_fields:
        if field.name not in changed:
            continue
        old, new = getattr(older, field.attname), getattr(newer, field.attname)
        long_text = isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > WORD_DIFF_FROM_CHARS
        changes.append(
            FieldChange(
                label=str(field.verbose_name).capitalize(),
                old=readable_value(field, old),
                new=readable_value(field, new),
                diff=diff_html(word_diff(old, new, exact=True).pieces) if long_text else None,
            )
        )
    return changes


def section_changes(document_id: int, limit: int = SECTION_CHANGES_SHOWN) -> list:
    """The latest section records of a document, each with the fields it changed since that section's last one."""
    records = list(
        Section.history.filter(document_id=document_id).select_related("history_user").order_by("-history_id")[:limit]
    )
    for record in records:
        record.changed_labels = []
        previous = record.prev_record if record.history_type == "~" else None  # a query each: changes only
        if previous is not None:
            changed = record.diff_against(previous).changed_fields
            record.changed_labels = [str(Section._meta.get_field(name).verbose_name) for name in changed]
    return records


class DocumentHistoryAdmin(SimpleHistoryAdmin):
    """The history pages of the document admin: list, comparison of two revisions, and revert."""

    object_history_template = "admin/archive/document/history.html"
    history_list_per_page = 50

    def get_urls(self):
        # Before simple-history's own: its revert address, <id>/history/<revision>/, would take "compare".
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.history_compare_view),
            name="archive_document_history_compare",
        )
        return [compare, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        """The revisions, newest first, with each one's changes; and the latest section changes."""
        document_id = record_id(unquote(object_id))
        if document_id is None:  # simple-history would hand "x" to the database
            raise Http404
        context = {"section_changes": section_changes(document_id)}
        return super().history_view(request, object_id, extra_context={**context, **(extra_context or {})})

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Each revision's changes from the one before, valued as the comparison page values them."""
        records = list(historical_records)
        for newer, older in zip(records, records[1:]):
            newer.history_delta_changes = [
                {"field": change.label, "old": change.old, "new": change.new} for change in revision_changes(older, newer)
            ]

    def history_compare_view(self, request, object_id):
        """Two revisions chosen on the history page, field by field; long text as a word diff."""
        document = permitted_document(self, request, object_id, change=False)
        revisions = Document.history.filter(id=document.pk)
        chosen = [record_id(request.GET.get(name, "")) for name in ("older", "newer")]
        if None in chosen:
            messages.warning(request, "Choose two revisions to compare.")
            return redirect("admin:archive_document_history", document.pk)
        older, newer = sorted((get_object_or_404(revisions, history_id=pk) for pk in chosen), key=_revision_order)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Compare revisions: {document}",
            "opts": self.model._meta,
            "object": document,
            "older": older,
            "newer": newer,
            "older_heading": f"Revision {older.history_id}",
            "newer_heading": f"Revision {newer.history_id}",
            "changes": revision_changes(older, newer),
        }
        return render(request, "admin/archive/document/history_compare.html", context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Revert: the fields a revision would put back, then ``services.document_revert`` on POST."""
        document = permitted_document(self, request, object_id, change=request.method == "POST")
        if (revision_id := record_id(str(version_id))) is None:
            raise Http404
        revision = get_object_or_404(Document.history.filter(id=document.pk), history_id=revision_id)
        if request.method == "POST":
            reverted = services.document_revert(document=document, revision=revision)
            message = f"Reverted: {', '.join(reverted)}." if reverted else "Nothing to revert: the values are the same."
            messages.success(request, message)
            return redirect("admin:archive_document_change", document.pk)
        current = Document.history.filter(id=document.pk).order_by("-history_id").first()
        context = {
            **self.admin_site.each_context(request),
            "title": f"Revert: {document}",
            "opts": self.model._meta,
            "object": document,
            "revision": revision,
            "changes": revision_changes(current, revision, services.METADATA_FIELDS) if current else [],
            "can_revert": self.has_change_permission(request, document),
        }
        return render(request, "admin/archive/document/history_revert.html", context)


def _revision_order(record) -> tuple:
    return record.history_date, record.history_id
