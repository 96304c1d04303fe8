"""Facets and filters: counts beside the results, values combined, a range of years."""

import pytest

from archive.search.results import search_documents
from archive.search.facets import SearchFilters, facets_from_counts

BRIEFS = [
    # (file name, kind, publisher, author, date)
    ("a.md", "opinion", "The Jakarta Post", "Dino Patti Djalal", "2015-03-02"),
    ("b.md", "opinion", "China Daily", "Lu Chuanying", "2024-05-16"),
    ("c.md", "article", "The Jakarta Post", "Ina Parlina", "2019-07-09"),
    ("d.md", "white_paper", "", "", "2017-01-11"),
]


TOPICS = [
    "Fishing fleets crowd the Natuna waters as patrols thin out over the monsoon months.",
    "Port investment in Piraeus and Gwadar shows how shipping lanes follow long-term loans.",
    "Coast guards from four countries rehearsed search and rescue drills near Palawan island.",
    "Undersea cables carry most of the region's data and have become a quiet strategic concern.",
]


def brief(kind: str, publisher: str, author: str, date: str, number: int) -> bytes:
    lines = ["---", f"title: Maritime brief {number}", f"date: {date}", f"kind: {kind}"]
    lines += [f"publisher: {publisher}"] if publisher else []
    lines += [f"author: {author}"] if author else []
    lines += ["---", "", f"# Maritime brief {number}", "", f"Maritime matters. {TOPICS[number]}", ""]
    return "\n".join(lines).encode()


@pytest.fixture
def briefs(search_index):
    from archive.services import document_import

    return [
        document_import(raw=brief(*fields[1:], number), file_name=fields[0]).document
        for number, fields in enumerate(BRIEFS)
    ]


def facet(page, name: str) -> dict[str, int]:
    found = next((f for f in page.facets if f.name == name), None)
    return {value.value: value.count for value in found.values} if found else {}


def test_facets_count_the_matching_documents(briefs):
    page = search_documents("maritime")
    assert page.count == 4
    assert facet(page, "publisher") == {"The Jakarta Post": 2, "China Daily": 1}
    assert facet(page, "author")["Lu Chuanying"] == 1
    assert facet(page, "year") == {"2015": 1, "2017": 1, "2019": 1, "2024": 1}
    assert sum(facet(page, "kind").values()) == 4


def test_values_of_one_facet_are_alternatives_and_facets_combine(briefs):
    both_papers = SearchFilters(values=(("publisher", ("The Jakarta Post", "China Daily")),))
    assert search_documents("maritime", filters=both_papers).count == 3
    jakarta_2019 = SearchFilters(values=(("publisher", ("The Jakarta Post",)), ("year", ("2019",))))
    page = search_documents("maritime", filters=jakarta_2019)
    assert [hit.document.title for hit in page.results] == ["Maritime brief 2"]
    # The counts shown are those of the narrowed results, and the chosen value is marked.
    assert facet(page, "publisher") == {"The Jakarta Post": 1}
    assert next(f for f in page.facets if f.name == "year").values[0].selected


def test_a_range_of_years_narrows_by_date(briefs):
    page = search_documents("maritime", filters=SearchFilters(year_from=2016, year_to=2020))
    assert sorted(hit.document.title for hit in page.results) == ["Maritime brief 2", "Maritime brief 3"]
    reversed_range = search_documents("maritime", filters=SearchFilters(year_from=2020, year_to=2016))
    assert reversed_range.count == 2


def test_sort_by_newest_and_oldest(briefs):
    newest = [hit.document.title for hit in search_documents("maritime", sort="newest").results]
    assert newest == ["Maritime brief 1", "Maritime brief 2", "Maritime brief 3", "Maritime brief 0"]
    oldest = [hit.document.title for hit in search_documents("maritime", sort="oldest").results]
    assert oldest == list(reversed(newest))


def test_filters_become_one_query_per_facet_and_a_year_range():
    filters = SearchFilters(values=(("kind", ("opinion", "article")),), year_to=2020)
    assert filters.selected("kind") == ("opinion", "article")
    assert filters.narrow_queries() == ['kind_exact:("opinion" OR "article")', "year:[1 TO 2020]"]


def test_a_quotation_mark_in_a_value_cannot_break_the_filter_query():
    filters = SearchFilters(values=(("publisher", ('Evil" OR kind:x',)),))
    assert filters.narrow_queries() == ['publisher_exact:("Evil  OR kind:x")']


def test_toggling_a_value_keeps_the_other_filters():
    filters = SearchFilters(values=(("kind", ("opinion",)),), year_from=2017)
    assert filters.toggled("kind", "article").params() == [("kind", "opinion"), ("kind", "article"), ("from", "2017")]
    assert filters.toggled("kind", "opinion").params() == [("from", "2017")]


def test_many_years_are_shown_as_decades():
    years = [(str(year), 1) for year in range(1990, 2010)]
    counts = {"year_exact": years, "decade": [("1990s", 10), ("2000s", 10)]}
    facets = facets_from_counts(counts, SearchFilters())
    names = [f.name for f in facets]
    assert "decade" in names and "year" not in names
