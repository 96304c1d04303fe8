"""Fields of the document form as an editor thinks of them: authors as a list of names, the date with its
precision (a year, a month or a day), and the raw source as a wrapped, scrollable block with a text view.

Every widget works without JavaScript: the author list is a textarea of one name per line, which
``static/archive/admin-authors.js`` turns into rows with add, remove and move buttons. The styles are a
static file (``static/archive/admin-document.css``): the archive's CSP allows no inline style.
"""

import calendar
import json
from dataclasses import dataclass
import datetime

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html

from archive import selectors
from archive.models import DatePrecision, Document, SourceFile

ADMIN_CSS = "archive/admin-document.css"


class AuthorsWidget(forms.Textarea):
    """One name per line; the script shows it as a list of name inputs and writes the lines back."""

    class Media:
        css = {"all": [ADMIN_CSS]}
        js = ["archive/admin-authors.js"]

    def __init__(self, attrs=None):
        super().__init__({"rows": 4, "cols": 60, "data-author-list": "", **(attrs or {})})


class AuthorsField(forms.Field):
    """Author names in printed order, stored as the JSON list the model keeps; blank lines are dropped."""

    widget = AuthorsWidget
    default_validators = [ProhibitNullCharactersValidator()]  # PostgreSQL's JSON refuses them

    def run_validators(self, value) -> None:
        for name in value:  # each name, as a CharField would check it
            super().run_validators(name)

    def prepare_value(self, value) -> str:
        if isinstance(value, list | tuple):
            return "\n".join(str(name) for name in value)
        return value or ""

    def to_python(self, value) -> list[str]:
        if isinstance(value, str) and value.lstrip().startswith("["):
            value = self._json_list(value)  # typed as the raw JSON editors used to type
        if isinstance(value, list | tuple):
            return [" ".join(str(name).split()) for name in value if str(name).strip()]
        lines = (value or "").replace("\r\n", "\n").split("\n")
        return [" ".join(line.split()) for line in lines if line.strip()]

    @staticmethod
    def _json_list(value: str) -> list | str:
        try:
            names = json.loads(value)
        except ValueError:
            return value
        return names if isinstance(names, list) else value

    def has_changed(self, initial, data) -> bool:
        return self.to_python(initial or []) != self.to_python(data)


@dataclass(frozen=True)
class PreciseDate:
    """A date and how much of it is known; the model stores the first of the period with its precision.

    Not a tuple: ``MultiWidget`` would take a tuple's items as its inputs' values.
    """

    date: datetime.date
    precision: str


class PreciseDateWidget(forms.MultiWidget):
    """Year, month and day inputs side by side, each named for screen readers and by its placeholder."""

    class Media:
        css = {"all": [ADMIN_CSS]}

    def __init__(self, attrs=None):
        months = [("", "Month —"), *((str(number), calendar.month_name[number]) for number in range(1, 13))]
        widgets = {
            "year": forms.NumberInput(
                attrs={"min": 1, "max": 9999, "placeholder": "Year", "aria-label": "Year", "class": "precise-date-year"}
            ),
            "month": forms.Select(choices=months, attrs={"aria-label": "Month", "class": "precise-date-month"}),
            "day": forms.NumberInput(
                attrs={"min": 1, "max": 31, "placeholder": "Day", "aria-label": "Day", "class": "precise-date-day"}
            ),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value) -> list:
        if value is None:
            return [None, None, None]
        known, precision = (value.date, value.precision) if isinstance(value, PreciseDate) else (value, DatePrecision.DAY)
        month = known.month if precision != DatePrecision.YEAR else None
        day = known.day if precision == DatePrecision.DAY else None
        return [known.year, month, day]


class PreciseDateField(forms.MultiValueField):
    """A year, a year and month, or a full date: the precision is what is filled in."""

    widget = PreciseDateWidget
    default_error_messages = {
        "needs_year": "Give the year, or leave the whole date empty.",
        "needs_month": "A day needs its month.",
        "no_such_day": "%(month)s %(year)s has no day %(day)s.",
    }

    def __init__(self, **kwargs):
        fields = (
            forms.IntegerField(min_value=1, max_value=9999),
            forms.TypedChoiceField(choices=[(str(n), str(n)) for n in range(1, 13)], coerce=int, empty_value=None),
            forms.IntegerField(min_value=1, max_value=31),
        )
        super().__init__(fields, require_all_fields=False, **kwargs)
        for field in fields:
            field.required = False

    def compress(self, data_list) -> PreciseDate | None:
        year, month, day = (list(data_list) + [None, None, None])[:3]
        if year is None and month is None and day is None:
            return None
        if year is None:
            raise ValidationError(self.error_messages["needs_year"], code="needs_year")
        if month is None:
            if day is not None:
                raise ValidationError(self.error_messages["needs_month"], code="needs_month")
            return PreciseDate(datetime.date(year, 1, 1), DatePrecision.YEAR)
        if day is None:
            return PreciseDate(datetime.date(year, month, 1), DatePrecision.MONTH)
        if day > calendar.monthrange(year, month)[1]:
            params = {"month": calendar.month_name[month], "year": year, "day": day}
            raise ValidationError(self.error_messages["no_such_day"], code="no_such_day", params=params)
        return PreciseDate(datetime.date(year, month, day), DatePrecision.DAY)


class DocumentWidgetsForm(forms.ModelForm):
    """The document form's authors and date fields; the date's precision is set from what the editor filled in.

    No ``Meta``: the admin builds the form's fields (see ``DocumentForm``); ``date_precision`` is not one of
    them, the date field carries it.
    """

    authors = AuthorsField(
        required=False,
        help_text="Author names in printed order. Without JavaScript: one name per line.",
    )
    date = PreciseDateField(
        required=False,
        label="Date",
        help_text="Publication date: the year only, the year and month, or the full date, as far as it is known.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.date is not None:
            self.initial["date"] = PreciseDate(self.instance.date, self.instance.date_precision)

    def clean_date(self) -> datetime.date | None:
        precise = self.cleaned_data.get("date")
        if precise is None:
            self.instance.date_precision = DatePrecision.DAY  # the model's default, for an undated document
            return None
        self.instance.date_precision = precise.precision
        return precise.date


def raw_source_html(source: SourceFile):
    """The raw file, escaped, in a wrapped block of limited height, with a link to read it as plain text."""
    address = reverse("admin:archive_document_source_text", args=[source.document_id])
    return format_html(
        '<pre class="raw-source" tabindex="0" role="region" aria-label="Raw source of {}">{}</pre>'
        '<p class="raw-source-link"><a href="{}">Show as text</a></p>',
        source.file_name,
        selectors.source_text(source),
        address,
    )


class DocumentWidgetsAdmin(admin.ModelAdmin):
    """The document list's date as precisely as it is known, and the editors' plain-text view of the raw source."""

    class Media:
        css = {"all": [ADMIN_CSS]}

    @admin.display(description="date", ordering="date")
    def precise_date(self, document: Document) -> str:
        """"January 2017" for a month-precision date, not "Jan. 1, 2017", which names a day nobody knows."""
        return document.date_display or "—"

    def get_urls(self):
        source = path(
            "<path:object_id>/source.txt",
            self.admin_site.admin_view(self.source_text_view),
            name="archive_document_source_text",
        )
        return [source, *super().get_urls()]

    def source_text_view(self, request, object_id):
        """The raw file as text/plain, decoded as the change page shows it."""
        document: Document | None = self.get_object(request, object_id)
        if document is None or not self.has_view_or_change_permission(request, document):
            raise Http404
        source = document.source_file
        if source is None:
            raise Http404("This document was typed in the admin: it has no raw source.")
        response = HttpResponse(selectors.source_text(source), content_type="text/plain; charset=utf-8")
        response["X-Content-Type-Options"] = "nosniff"
        return response
