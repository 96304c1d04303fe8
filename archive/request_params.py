"""Every parameter a page or the JSON API reads from its address, read here, by Django forms: typed, bounded,
and a value that cannot be read refused with a message that names the parameter (a 400, never a 500).

"²" or "①" pass ``str.isdigit()`` but not ``int()``; a form's IntegerField reads what ``int()`` reads and says
"Enter a whole number." for the rest. A repeated parameter counts by its last value, as Django reads it.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict

from archive.selectors import BROWSE_SORTS
from archive.search.facets import FACET_FIELDS, MAX_FILTER_VALUES, SearchFilters
from archive.search.results import MAX_PER_PAGE, PER_PAGE, SORTS

MAX_PAGE = 100_000
MAX_TEXT = 1000  # a facet value, a kind or a publisher: longer is never a value the archive holds
MAX_RECORD_ID = 2**63 - 1  # the largest key a database column holds: past it, SQLite overflows


class BadParameter(ValueError):
    """A parameter whose value cannot be read; the message says which and how to fix it."""


def record_id(text: str) -> int | None:
    """A record's number as typed in an address or posted by a form ("12"); None for anything else ("²", "x",
    forty digits), so a view answers 404 or a message instead of failing on a value the database cannot read."""
    try:
        return forms.IntegerField(min_value=1, max_value=MAX_RECORD_ID).clean(text)
    except ValidationError:
        return None


def query_text(request: HttpRequest) -> str:
    """Read ?q=; characters no page can carry (lone surrogates from a broken encoding) become "?"."""
    return request.GET.get("q", "").encode("utf-8", "replace").decode("utf-8")


def _year() -> forms.IntegerField:
    return forms.IntegerField(required=False, min_value=1, max_value=9999)


class _Params(forms.Form):
    """A form over a query string; ``read`` returns its cleaned values or raises BadParameter."""

    @classmethod
    def read(cls, params: QueryDict) -> dict:
        form = cls(params)
        if not form.is_valid():
            name, errors = next(iter(form.errors.items()))
            raise BadParameter(f"The address's {name}= cannot be read: {errors[0]}")
        return form.cleaned_data


class _PageParams(_Params):
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)


class _SearchParams(_PageParams):
    per_page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PER_PAGE)
    sort = forms.ChoiceField(required=False, choices=[(name, name) for name in SORTS])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from"] = _year()  # "from" cannot be a class attribute's name
        self.fields["to"] = _year()
        for name in FACET_FIELDS:
            self.fields[name] = forms.CharField(required=False, max_length=MAX_TEXT)


class _BrowseParams(_PageParams):
    kind = forms.CharField(required=False, max_length=MAX_TEXT)
    publisher = forms.CharField(required=False, max_length=MAX_TEXT)
    year = _year()
    sort = forms.ChoiceField(required=False, choices=[(name, name) for name in BROWSE_SORTS])


class _CompareParams(_Params):
    exact = forms.TypedChoiceField(required=False, choices=[("0", "0"), ("1", "1")], coerce=int, empty_value=0)
    view = forms.ChoiceField(required=False, choices=[("inline", "inline"), ("side", "side")])


class _CiteParams(_Params):
    section = forms.SlugField(required=False, max_length=80)


@dataclass(frozen=True)
class SearchParams:
    query: str
    page: int
    per_page: int
    sort: str
    filters: SearchFilters


def search_params(request: HttpRequest) -> SearchParams:
    """What a search asks for (the page and the API): raises BadParameter."""
    values = _SearchParams.read(request.GET)
    chosen = {name: _values(request.GET, name) for name in FACET_FIELDS}
    filters = SearchFilters(
        values=tuple((name, values) for name, values in chosen.items() if values),
        year_from=values["from"],
        year_to=values["to"],
    )
    return SearchParams(
        query=query_text(request),
        page=values["page"] or 1,
        per_page=values["per_page"] or PER_PAGE,
        sort=values["sort"] or "relevance",
        filters=filters,
    )


def _values(params: QueryDict, name: str) -> tuple[str, ...]:
    """A facet's chosen values: each trimmed, repeats and empties dropped, at most MAX_FILTER_VALUES."""
    chosen = dict.fromkeys(value.strip()[:MAX_TEXT] for value in params.getlist(name) if value.strip())
    return tuple(chosen)[:MAX_FILTER_VALUES]


def page_param(request: HttpRequest) -> int:
    """The ?page= of an address that reads no other number (the matches within a document); raises BadParameter."""
    return _PageParams.read(request.GET)["page"] or 1


def browse_params(request: HttpRequest) -> dict:
    """What the list of documents asks for: page, kind, publisher, year, sort; raises BadParameter."""
    return _BrowseParams.read(request.GET)


def cite_section_param(request: HttpRequest) -> str:
    """The ?section= of a citation: a section's anchor ("ii-1"), or "" for the whole document; raises BadParameter."""
    return _CiteParams.read(request.GET)["section"] or ""


def compare_params(request: HttpRequest) -> dict:
    """How two captures are compared: exact (1: quotation marks and dashes count), view (inline or side);
    raises BadParameter."""
    values = _CompareParams.read(request.GET)
    return {"exact": bool(values["exact"]), "view": values["view"] or "inline"}
