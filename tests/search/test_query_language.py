"""The query language against a real Whoosh index holding the four seed captures.

Examples are true of the seeds: the op-ed "To align security interests, China and Asean must close
trust gaps" (no date), the China Daily op-ed "No digital strings attached" by Lu Chuanying
(2024-05-16) and the white paper "China's Policies on Asia-Pacific Security Cooperation" (2017-01).
"""

import pytest
from haystack.query import SearchQuerySet

from archive.models import Document
from archive.search.query import parse_query
from tests.timing import cost

OP_ED = "To align security interests, China and Asean must close trust gaps"
DIGITAL = "No digital strings attached"
WHITE_PAPER = "China's Policies on Asia-Pacific Security Cooperation"


def found(query: str) -> set[str]:
    """Titles of the documents the engine returns for a query read by parse_query."""
    results = SearchQuerySet().models(Document).raw_search(parse_query(query).text)
    ids = [int(result.pk) for result in results]
    return set(Document.objects.filter(pk__in=ids).values_list("title", flat=True))


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("Cambodia digital", set()),
        ("Cambodia OR digital", {OP_ED, DIGITAL}),
        ("(Cambodia OR Guangxi) naval", {OP_ED}),
        ("security NOT Cambodia", {WHITE_PAPER}),
        ("security -Cambodia", {WHITE_PAPER}),
        ("-Cambodia", {DIGITAL, WHITE_PAPER}),
        ('China -"naval base"', {DIGITAL, WHITE_PAPER}),
    ],
)
def test_words_operators_and_exclusion(seeded, query, titles):
    assert found(query) == titles


def test_exact_phrase_and_proximity(seeded):
    assert found('"align interests"') == set()  # the title says "align security interests"
    assert found('"align interests"~3') == {OP_ED}
    assert found('"trust gaps"') == {OP_ED}


@pytest.mark.parametrize(
    "query",
    ["“sovereign states directly concerned”", "‘sovereign states directly concerned’", "«sovereign states directly concerned»"],
)
def test_any_quotation_marks_make_a_phrase(seeded, query):
    assert found(query) == {OP_ED}  # the white paper says "directly involved"


def test_apostrophes_and_hyphens(seeded):
    assert WHITE_PAPER in found("China's")
    assert WHITE_PAPER in found("China’s Asia-Pacific")
    assert found("Jakarta-Bandung") == {OP_ED}
    assert found('"Asia-Pacific Security Cooperation"') == {WHITE_PAPER}


def test_wildcards(seeded):
    assert {OP_ED, WHITE_PAPER} <= found("secur*")
    assert found("Cambod?a") == {OP_ED}
    assert found("Guang*") == {DIGITAL}


def test_fuzzy_words_forgive_a_typo(seeded):
    assert found("Cambodai") == set()
    assert found("Cambodai~1") == {OP_ED}
    assert found("Guangix~1") == {DIGITAL}


def test_patterns_fit_words_as_written_not_their_stems(seeded):
    # The index holds stems ("security" -> "secur"): these fit the written words only.
    assert {OP_ED, WHITE_PAPER} <= found("securit*")
    assert {OP_ED, WHITE_PAPER} <= found("Securty~")
    assert {OP_ED, WHITE_PAPER} <= found("sec?rity")
    assert WHITE_PAPER in found("title:Securit*")
    assert found("Cambod?a") == {OP_ED} and found("Guangx*") == {DIGITAL}  # no wider than the words fitted


def test_pattern_matches_are_highlighted(seeded):
    from archive.search.results import search_documents

    for query in ("securit*", "Securty~"):
        snippets = [str(s.snippet) for hit in search_documents(query).results for s in hit.sections]
        assert any("<mark>security</mark>" in snippet.lower() for snippet in snippets), query


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("title:digital", {DIGITAL}),
        ('title:"trust gaps"', {OP_ED}),
        ("author:Chuanying", {DIGITAL}),
        ('publisher:"China Daily"', {DIGITAL}),
        ("kind:white_paper", {WHITE_PAPER}),
        ("kind:white paper", {WHITE_PAPER}),
        ('kind:"White paper" security', {WHITE_PAPER}),
        ("kind:opinion", {OP_ED, DIGITAL}),
        ("year:2024", {DIGITAL}),
        ("year:2017 security", {WHITE_PAPER}),
        ("date:[2017 TO 2020]", {WHITE_PAPER}),
        ("date:2024-05", {DIGITAL}),
        ("date:[2020 TO *]", {DIGITAL}),
        ("year:[2017 TO 2024] -digital", {WHITE_PAPER}),
    ],
)
def test_fields(seeded, query, titles):
    assert found(query) == titles


def test_us_may_and_dotted_acronyms(seeded):
    assert DIGITAL in found("US")
    assert WHITE_PAPER in found("May 2014")


def test_terms_to_highlight_match_the_indexed_words(seeded):
    from archive.search.snippets import snippet

    parsed = parse_query("“sovereign states” -Cambodia")
    marked = str(snippet("disputes should be resolved by sovereign states directly concerned", parsed.terms, phrases=parsed.phrases))
    assert "<mark>sovereign states</mark>" in marked


@pytest.mark.parametrize("query", ["secur*", "Cambodai~2", '"China Asean"~20', "date:[1000 TO 9999]", "-Cambodia"])
def test_broad_queries_answer_quickly(seeded, query):
    with cost() as spent:
        found(query)
    assert spent.within(1.0), spent


def test_help_page_is_valid_html_and_linked_beside_the_search_box(client, seeded):
    from tests.test_views import assert_valid_html

    response = client.get("/search/help/")
    assert response.status_code == 200
    assert_valid_html(response.content)
    home = client.get("/").content.decode()
    assert 'href="/search/help/"' in home


def test_every_help_example_runs_and_finds_something_in_the_seeds(client, seeded):
    import html
    import re
    from urllib.parse import parse_qs, urlsplit

    page = client.get("/search/help/").content.decode()
    links = [html.unescape(href) for href in re.findall(r'href="(/search/\?q=[^"]+)"', page)]
    assert len(links) >= 20
    for link in links:
        query = parse_qs(urlsplit(link).query)["q"][0]
        assert found(query), query
        assert client.get(link).status_code == 200, query
