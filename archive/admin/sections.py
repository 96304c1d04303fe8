"""The "Sections" outline of a document: its section tree, edited one operation at a time.

Every change is one POST naming one operation on one section (move up or down, indent, outdent, move
before/after/inside another, split, merge with the next, add, edit, delete), handed to a service in
``archive.services`` and answered with a redirect back to the same section: the page works without
JavaScript. static/archive/admin/section_outline.js adds drag and drop (SortableJS) and Alt+Arrow keys,
which post the same operations.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse

from archive import selectors, services
from archive.admin.access import permitted_document
from archive.models import Document, Section
from archive.section_edits import OutlineError, Where

# Operation name -> what the editor is told once it is done.
DONE = {
    "up": "moved up",
    "down": "moved down",
    "indent": "indented: it is now a subsection of the section before it",
    "outdent": "outdented: it now follows the section it was part of",
    "move": "moved",
    "split": "split in two: the new section follows it, without a heading yet",
    "merge": "merged with the section after it",
}


@dataclass(frozen=True)
class OutlineRow:
    """A section in the outline, with what its buttons can do: the first of its siblings cannot move up
    or be indented, the last cannot move down, and the document's last section has none to merge."""

    node: selectors.SectionNode
    first: bool
    last: bool
    final: bool


def outline_rows(roots: list[selectors.SectionNode]) -> list[OutlineRow]:
    """The tree in reading order, each section knowing whether it is the first or last of its siblings."""
    ends: dict[int, tuple[bool, bool]] = {}
    levels = [roots]
    while levels:
        siblings = levels.pop()
        for index, node in enumerate(siblings):
            ends[node.section.pk] = (index == 0, index == len(siblings) - 1)
            levels.append(node.children)
    nodes = selectors.reading_order(roots)
    return [OutlineRow(node, *ends[node.section.pk], final=node is nodes[-1]) for node in nodes]


class SectionOperationForm(forms.Form):
    """One operation on one section of the document, as the outline's buttons (and its script) post it."""

    op = forms.ChoiceField(choices=[(name, name) for name in DONE])
    section = forms.ModelChoiceField(queryset=Section.objects.none())
    at = forms.IntegerField(required=False, min_value=2, help_text="split before this paragraph")
    target = forms.ModelChoiceField(queryset=Section.objects.none(), required=False)
    where = forms.ChoiceField(choices=[(where.value, where.value) for where in Where], required=False)

    def __init__(self, *args, document: Document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = self.fields["target"].queryset = document.sections.all()

    def clean(self):
        data = super().clean()
        if data.get("op") == "split" and not data.get("at"):
            raise forms.ValidationError("Choose the paragraph to split before.")
        if data.get("op") == "move" and not (data.get("target") and data.get("where")):
            raise forms.ValidationError("A move names the section to move next to, and where.")
        return data


class SectionForm(forms.ModelForm):
    """A section's label, heading, text and whether the capture holds it; the text is stored as paragraphs and
    its body built from it."""

    class Meta:
        model = Section
        fields = ["label", "label_scheme", "heading", "text", "captured"]
        widgets = {"text": forms.Textarea(attrs={"rows": 16, "cols": 90})}


class SectionAddForm(SectionForm):
    after = forms.ModelChoiceField(
        queryset=Section.objects.none(),
        required=False,
        empty_label="At the end of the document",
        label="Place",
        help_text="The new section follows the chosen one (and its subsections) at its level.",
    )

    class Meta(SectionForm.Meta):
        fields = ["after", *SectionForm.Meta.fields]
        widgets = {"text": forms.Textarea(attrs={"rows": 6, "cols": 90})}

    def __init__(self, *args, document: Document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["after"].queryset = document.sections.order_by("path")
        self.fields["after"].label_from_instance = lambda section: f"After {'— ' * section.depth}{section}"


class SectionTreeMixin:
    """Adds the "Sections" outline (and its edit, add and delete pages) under each document in admin."""

    def get_urls(self):
        view = self.admin_site.admin_view
        urls = [
            path("<int:object_id>/sections/", view(self.sections_view), name="archive_document_sections"),
            path("<int:object_id>/sections/add/", view(self.section_add_view), name="archive_document_section_add"),
            path(
                "<int:object_id>/sections/<int:section_id>/",
                view(self.section_change_view),
                name="archive_document_section_change",
            ),
            path(
                "<int:object_id>/sections/<int:section_id>/delete/",
                view(self.section_delete_view),
                name="archive_document_section_delete",
            ),
        ]
        return urls + super().get_urls()

    def sections_view(self, request, object_id: int):
        """The outline; a POST applies one operation and comes back to the section it moved.

        Users who may only view the document (a Viewer, a Contributor on a published document) read the
        outline without its controls.
        """
        if request.method != "POST":
            document = permitted_document(self, request, object_id, change=False)
            return self._outline_page(request, document, editable=self.has_change_permission(request, document))
        document = permitted_document(self, request, object_id, change=True)
        form = SectionOperationForm(request.POST, document=document)
        if not form.is_valid():
            errors = "; ".join(message for messages_ in form.errors.values() for message in messages_)
            self.message_user(request, f"Nothing changed: {errors}", messages.ERROR)
            return HttpResponseRedirect(self._outline_url(document))
        focus = self._apply(request, form.cleaned_data)
        return HttpResponseRedirect(self._outline_url(document, focus))

    def _outline_page(self, request, document: Document, *, editable: bool):
        context = {
            **self._context(request, document, "Sections"),
            "rows": outline_rows(selectors.section_tree(document)),
            "add_form": SectionAddForm(document=document) if editable else None,
            "editable": editable,
        }
        return render(request, "admin/archive/document/sections.html", context)

    def _apply(self, request, data) -> Section:
        """Run the operation through its service; return the section the outline should show focused."""
        section, op = data["section"], data["op"]
        name = str(section)
        try:
            if op in services.SECTION_MOVES:
                services.section_shift(section=section, direction=op)
            elif op == "move":
                services.section_move(section=section, target=data["target"], where=Where(data["where"]))
            elif op == "split":
                services.section_split(section=section, at_paragraph=data["at"])
            else:
                services.section_merge_next(section=section)
        except OutlineError as refused:
            self.message_user(request, f"Nothing changed: {refused}", messages.ERROR)
            return section
        self.message_user(request, f"“{name}” {DONE[op]}.", messages.SUCCESS)
        return section

    def section_change_view(self, request, object_id: int, section_id: int):
        """Edit a section's label, heading and text."""
        document = permitted_document(self, request, object_id, change=True)
        section = get_object_or_404(Section, pk=section_id, document=document)
        form = SectionForm(request.POST or None, instance=section)
        if request.method == "POST" and form.is_valid():
            services.section_update(section=section, **form.cleaned_data)
            self.message_user(request, f"“{section}” saved.", messages.SUCCESS)
            return HttpResponseRedirect(self._outline_url(document, section))
        context = {**self._context(request, document, f"Edit section “{section}”"), "form": form, "section": section}
        return render(request, "admin/archive/document/section_form.html", context)

    def section_add_view(self, request, object_id: int):
        """Add a section after another, or at the end of the document."""
        document = permitted_document(self, request, object_id, change=True)
        form = SectionAddForm(request.POST or None, document=document)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            fields = {name: data[name] for name in SectionForm.Meta.fields}
            added = services.section_add(document=document, after=data["after"], **fields)
            self.message_user(request, f"“{added}” added.", messages.SUCCESS)
            return HttpResponseRedirect(self._outline_url(document, added))
        context = {**self._context(request, document, "Add a section"), "form": form, "section": None}
        return render(request, "admin/archive/document/section_form.html", context)

    def section_delete_view(self, request, object_id: int, section_id: int):
        """Ask first, then delete a section with its subsections."""
        document = permitted_document(self, request, object_id, change=True)
        section = get_object_or_404(Section, pk=section_id, document=document)
        if request.method == "POST":
            name = str(section)
            removed = services.section_delete(section=section)
            self.message_user(request, f"“{name}” deleted, with {len(removed) - 1} subsection(s).", messages.SUCCESS)
            return HttpResponseRedirect(self._outline_url(document))
        below = [node.section for node in selectors.reading_order(selectors.section_tree(document))]
        subsections = [row for row in below if row.path.startswith(section.path + ".")]
        context = {
            **self._context(request, document, f"Delete section “{section}”?"),
            "section": section,
            "subsections": subsections,
        }
        return render(request, "admin/archive/document/section_delete.html", context)

    def _context(self, request, document: Document, title: str) -> dict:
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "original": document,
            "document": document,
            "outline_url": self._outline_url(document),
        }

    def _outline_url(self, document: Document, focus: Section | None = None) -> str:
        url = reverse("admin:archive_document_sections", args=[document.pk])
        # The fragment names the title link: browsers focus a focusable fragment target, with or without script.
        return f"{url}?focus={focus.pk}#section-{focus.pk}-title" if focus is not None else url
