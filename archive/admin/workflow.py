"""The editors' workflow in the document admin: bulk state changes, and who may make them.

Roles are groups made by a migration (Editor, Contributor, Viewer); what each may do follows from its
permissions, decided here and nowhere else. Whoever may change documents may move drafts and documents in
review between those two states; only a holder of ``archive.publish_document`` may publish, withdraw, or
change a document that is (or was) public. A refused request is a 403, never a form silently ignored.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.text import capfirst

from archive import services
from archive.models import Document, DocumentStatus

PUBLISH_PERMISSION = "archive.publish_document"
# The states anyone who may change documents may set; every other needs PUBLISH_PERMISSION.
OPEN_STATES = frozenset({DocumentStatus.DRAFT, DocumentStatus.IN_REVIEW})


def may_publish(user) -> bool:
    """Whether the user may publish and withdraw: the Editor role, or a superuser."""
    return user.has_perm(PUBLISH_PERMISSION)


def settable_states(user) -> frozenset[str]:
    """The states the user may put a document in."""
    return frozenset(DocumentStatus.values) if may_publish(user) else OPEN_STATES


def may_change(user, document: Document) -> bool:
    """Whether the user may change this document at all (the change permission aside): a Contributor only
    a draft or a document in review. ``document`` is as stored: the admin reads it before any form applies."""
    return may_publish(user) or document.pk is None or document.status in OPEN_STATES


def may_transition(user, document: Document, to: str) -> bool:
    return may_change(user, document) and to in settable_states(user)


class WorkflowFormMixin(forms.ModelForm):
    """The change form's Status follows the workflow: a state the document cannot reach is refused, with why."""

    def clean_status(self) -> str:
        status = self.cleaned_data["status"]
        if self.instance.pk is not None and (error := services.transition_error(self.instance.status, status)):
            raise forms.ValidationError(error)
        return status


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Reason for withdrawal",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text="Shown to readers at each document's address, which stays as a notice of the withdrawal.",
        max_length=2000,
    )


class WorkflowAdminMixin:
    """Bulk actions for each step of the workflow, the Status field limited to the user's role, and 403s."""

    def has_publish_permission(self, request) -> bool:
        """Read by the actions marked ``permissions=["publish"]``: only these are offered to the user."""
        return may_publish(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_change(request.user, obj))

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status":
            states = settable_states(request.user)
            kwargs["choices"] = [(value, label) for value, label in DocumentStatus.choices if value in states]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request) -> dict:
        initial = super().get_changeform_initial_data(request)
        return initial if may_publish(request.user) else {"status": DocumentStatus.DRAFT, **initial}

    def get_fieldsets(self, request, obj=None):
        withdrawal = ("Withdrawal", {
            "fields": ["withdrawn_reason", "withdrawn_at"],
            "description": "A withdrawn document leaves search, lists, feeds and the API; its address says why.",
        })
        return [*super().get_fieldsets(request, obj), withdrawal]

    def get_readonly_fields(self, request, obj=None):
        own = ["withdrawn_at"] if may_publish(request.user) else ["withdrawn_reason", "withdrawn_at"]
        return [*super().get_readonly_fields(request, obj), *own]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        posted = request.POST.get("status") if request.method == "POST" else None
        if posted is not None and posted not in settable_states(request.user):
            raise PermissionDenied("Only an editor who may publish can publish or withdraw a document.")
        return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and self._refused_actions(request):
            raise PermissionDenied("That action is not one your role may take.")
        return super().changelist_view(request, extra_context)

    def _refused_actions(self, request) -> set[str]:
        """Actions posted that exist but are not offered to this user (Django would ignore them silently)."""
        known = {name for name, _ in self.admin_site.actions} | set(self.actions)  # the admin names its actions
        return (set(request.POST.getlist("action")) & known) - set(self.get_actions(request))

    @admin.action(description="Submit selected documents for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._transition(request, queryset, DocumentStatus.IN_REVIEW)

    @admin.action(description="Publish selected documents", permissions=["publish"])
    def publish(self, request, queryset):
        self._transition(request, queryset, DocumentStatus.PUBLISHED)

    @admin.action(description="Return selected documents to draft", permissions=["change"])
    def return_to_draft(self, request, queryset):
        self._transition(request, queryset, DocumentStatus.DRAFT)

    @admin.action(description="Withdraw selected documents…", permissions=["publish"])
    def withdraw(self, request, queryset):
        """Ask for the reason on a page of its own, as Django's delete asks for confirmation; then withdraw."""
        form = WithdrawForm(request.POST if "post" in request.POST else None)
        if form.is_valid():
            self._transition(request, queryset, DocumentStatus.WITHDRAWN, form.cleaned_data["reason"])
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Withdraw documents",
            "subtitle": None,
            "opts": self.model._meta,
            "documents": queryset,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/archive/document/withdraw.html", context)

    def _transition(self, request, queryset, to: str, reason: str = "") -> None:
        """Move the selected documents the user may move; report how many changed, and why others did not."""
        documents = list(queryset)
        allowed = [document for document in documents if may_transition(request.user, document, to)]
        outcome = services.documents_transition(documents=allowed, to=to, reason=reason)
        label = DocumentStatus(to).label.lower()
        done = {
            DocumentStatus.DRAFT: "returned to draft",
            DocumentStatus.IN_REVIEW: "submitted for review",
        }.get(to, label)
        self.message_user(request, f"{_count(len(outcome.changed))} {done}.", messages.SUCCESS)
        if outcome.unchanged:
            already = f"{_count(len(outcome.unchanged))} already {label}: left as it was."
            self.message_user(request, already, messages.INFO)
        for pk, why in outcome.refused:
            self.message_user(request, f"#{pk} left as it was: {why}", messages.WARNING)
        if refused := len(documents) - len(allowed):
            self.message_user(
                request,
                f"{capfirst(_count(refused))} left as it was: only an editor who may publish can change a published "
                "or withdrawn document.",
                messages.WARNING,
            )


def _count(n: int) -> str:
    return f"{n} document{'s' if n != 1 else ''}"
