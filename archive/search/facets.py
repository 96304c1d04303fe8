"""Facets: narrowing a search by what a researcher already knows, with a count beside each value.

Values within one facet are alternatives (kind is an opinion OR an article); facets combine with
AND. Every filter is a query string on an unanalysed index field, so any engine reads it.
"""

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from archive.models import DocumentKind, language_name
from archive.search.engine import AUTHORS, DECADE, KIND, LANGUAGE, PUBLISHER, YEAR, YEAR_EXACT, exact

# The facet's name in URLs and the API -> the unanalysed index field that is counted and filtered on.
FACET_FIELDS = {
    "kind": exact(KIND),
    "publisher": exact(PUBLISHER),
    "author": exact(AUTHORS),
    "year": YEAR_EXACT,
    "decade": DECADE,
    "language": exact(LANGUAGE),
}
FACET_LABELS = {
    "kind": "Kind",
    "publisher": "Publisher",
    "author": "Author",
    "year": "Year",
    "decade": "Decade",
    "language": "Language",
}
# Years are listed one by one up to this many; beyond it the decades say more.
MAX_YEARS_SHOWN = 12
MAX_VALUES_SHOWN = 15
MAX_FILTER_VALUES = 20


@dataclass(frozen=True)
class SearchFilters:
    """What the researcher narrowed the search to: facet values, and a range of years."""

    values: tuple[tuple[str, tuple[str, ...]], ...] = ()
    year_from: int | None = None
    year_to: int | None = None

    def selected(self, name: str) -> tuple[str, ...]:
        return dict(self.values).get(name, ())

    def narrow_queries(self) -> list[str]:
        """One engine query string per active filter."""
        narrows = [
            "%s:(%s)" % (FACET_FIELDS[name], " OR ".join(_quoted(value) for value in chosen))
            for name, chosen in self.values
        ]
        if self.year_from is not None or self.year_to is not None:
            low = self.year_from if self.year_from is not None else 1
            high = self.year_to if self.year_to is not None else 9999
            narrows.append(f"{YEAR}:[{min(low, high)} TO {max(low, high)}]")
        return narrows

    def params(self) -> list[tuple[str, str]]:
        pairs = [(name, value) for name, chosen in self.values for value in chosen]
        if self.year_from is not None:
            pairs.append(("from", str(self.year_from)))
        if self.year_to is not None:
            pairs.append(("to", str(self.year_to)))
        return pairs

    def toggled(self, name: str, value: str) -> "SearchFilters":
        """These filters with ``value`` of facet ``name`` switched on or off."""
        current = dict(self.values)
        chosen = current.get(name, ())
        current[name] = tuple(v for v in chosen if v != value) if value in chosen else chosen + (value,)
        return replace(self, values=tuple((n, current[n]) for n in FACET_FIELDS if current.get(n)))

    def __bool__(self) -> bool:
        return bool(self.values) or self.year_from is not None or self.year_to is not None


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    toggle_params: str  # the query string that switches this value on or off, the rest kept


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)


def facets_from_counts(counts: dict[str, list[tuple[str, int]]], filters: SearchFilters) -> list[Facet]:
    """Turn the engine's counts (index field -> values and counts) into facets to show; years give way to
    decades when they are many."""
    by_name = {name: _counts_for(counts, field) for name, field in FACET_FIELDS.items()}
    hidden = "decade" if len(by_name["year"]) <= MAX_YEARS_SHOWN else "year"
    facets = []
    for name, values in by_name.items():
        if name == hidden and not filters.selected(name):
            continue
        chosen = filters.selected(name)
        if name in ("year", "decade"):
            values = sorted(values, key=lambda item: item[0], reverse=True)
        shown = values[:MAX_VALUES_SHOWN]
        shown += [(value, count) for value, count in values[MAX_VALUES_SHOWN:] if value in chosen]
        facets.append(
            Facet(
                name=name,
                label=FACET_LABELS[name],
                values=[
                    FacetValue(
                        value=value,
                        label=_label(name, value),
                        count=count,
                        selected=value in chosen,
                        toggle_params=urlencode(filters.toggled(name, value).params()),
                    )
                    for value, count in shown
                ],
            )
        )
    return [facet for facet in facets if facet.values]


def _counts_for(counts: dict, field: str) -> list[tuple[str, int]]:
    found = counts.get(field) or []
    return [(str(value), count) for value, count in found if value not in (None, "")]


def _label(name: str, value: str) -> str:
    if name == "kind":
        return dict(DocumentKind.choices).get(value, value.replace("_", " ").capitalize())
    if name == "language":
        return language_name(value)
    return value


def _quoted(value: str) -> str:
    return '"%s"' % value.replace("\\", " ").replace('"', " ")
