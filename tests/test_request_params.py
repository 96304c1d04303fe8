"""`archive.request_params`: every parameter read by a form, typed and bounded; what cannot be read is refused
with a message naming the parameter."""

import pytest
from django.test import RequestFactory

from archive.request_params import BadParameter, browse_params, page_param, query_text, search_params
from bench.hostile import addresses, hostile_requests

factory = RequestFactory()


def test_a_lone_surrogate_in_the_query_becomes_a_question_mark():
    request = factory.get("/search/")
    request.GET = request.GET.copy()
    request.GET["q"] = "China \ud800 trade"
    assert query_text(request) == "China ? trade"


def test_pages_are_whole_numbers_from_one():
    assert search_params(factory.get("/", {"page": "3"})).page == 3 and browse_params(factory.get("/", {"page": "3"}))["page"] == 3
    assert search_params(factory.get("/")).page == 1 and page_param(factory.get("/")) == 1
    assert page_param(factory.get("/", {"page": "4"})) == 4
    for raw in ["0", "-2", "x", "9" * 30, "²", "①", "3.5"]:
        for read in (search_params, browse_params, page_param):
            with pytest.raises(BadParameter, match="page="):
                read(factory.get("/", {"page": raw}))


def test_a_search_reads_its_filters_sort_and_page_size():
    request = factory.get(
        "/search/",
        {"q": "security", "kind": ["opinion", "opinion", " article ", ""], "from": "2017", "to": "2020", "sort": "newest",
         "per_page": "25", "colour": "red"},
    )
    params = search_params(request)
    assert (params.query, params.page, params.per_page, params.sort) == ("security", 1, 25, "newest")
    assert params.filters.selected("kind") == ("opinion", "article")
    assert (params.filters.year_from, params.filters.year_to) == (2017, 2020)


@pytest.mark.parametrize(
    "name, value",
    [("from", "²"), ("to", "①"), ("from", "20x7"), ("to", "99999"), ("per_page", "²"), ("per_page", "0"),
     ("per_page", "1000"), ("sort", "sideways"), ("page", "-1"), ("kind", "x" * 5000)],
)
def test_a_search_parameter_that_cannot_be_read_is_refused_by_name(name, value):
    with pytest.raises(BadParameter, match=f"{name}="):
        search_params(factory.get("/search/", {"q": "china", name: value}))


def test_the_list_of_documents_reads_a_year_and_refuses_one_that_is_not():
    assert browse_params(factory.get("/documents/", {"year": "2017", "kind": "opinion"}))["year"] == 2017
    with pytest.raises(BadParameter, match="year="):
        browse_params(factory.get("/documents/", {"year": "²²²²"}))


# Every public address x every parameter it reads x hostile values: never a 5xx (`make bench-hostile` times the
# same sweep on an archive with 10 MB documents), and HEAD answers as GET does.
def _addresses(seeded) -> dict[str, list[str]]:
    return addresses(seeded["003"].document.pk, seeded["002"].document.pk)


def test_no_parameter_value_takes_any_address_down(client, seeded):
    failures = []
    for address, params in hostile_requests(_addresses(seeded), "security"):
        status = client.get(address, params).status_code
        if status >= 500:
            failures.append((address, {name: str(value)[:20] for name, value in params.items()}, status))
    assert failures == []


def test_head_answers_wherever_get_does(client, seeded):
    for address in _addresses(seeded):
        got = client.get(address, {"q": "security"})
        head = client.head(address, {"q": "security"})
        assert head.status_code == got.status_code, address
        assert head.content == b""


# The admin pages the archive adds read record numbers from their addresses and forms: a hostile one is a 404
# or a message, never a server error.

ADMIN_PATH_VALUES = ["²", "①", "-1", "0", "9" * 40, "x", "%00", "%3Cscript%3E"]


def test_a_record_number_is_a_whole_number_a_database_holds():
    from archive.request_params import record_id

    assert [record_id(text) for text in ("12", " 7 ", "²", "①", "0", "-1", "x", "9" * 40, "")] == [
        12, 7, None, None, None, None, None, None, None
    ]


@pytest.mark.parametrize("value", ADMIN_PATH_VALUES)
def test_no_hostile_record_number_takes_an_admin_page_down(client, seeded, admin_user, value):
    client.force_login(admin_user)
    document, section = seeded["003"].document, seeded["003"].document.sections.first()
    base = "/admin/archive/document/"
    pages = [
        f"{base}{document.pk}/history/compare/?older={value}&newer={value}",
        f"{base}{document.pk}/history/{value}/",
        f"{base}{value}/history/",
        f"{base}{value}/sections/",
        f"{base}{document.pk}/sections/{value}/",
        f"{base}{document.pk}/sections/{value}/delete/",
        f"{base}{value}/versions/unlink/",
        f"{base}{document.pk}/versions/{value}/",
        f"{base}{value}/source.txt",
        f"{base}{value}/change/",
        f"{base}?year={value}&status__exact={value}&publisher={value}",
        f"{base}?q={value}",
    ]
    failures = [(page, status) for page in pages if (status := client.get(page).status_code) >= 500]
    posts = [
        (f"{base}{document.pk}/sections/", {"section": value, "op": "down"}),
        (f"{base}{document.pk}/sections/", {"section": section.pk, "op": value, "target": value, "where": value, "at": value}),
        (base, {"action": "publish", "_selected_action": [value]}),
        (base, {"action": "withdraw", "_selected_action": [value], "post": "yes", "reason": value}),
        (base, {"action": "link_as_captures", "_selected_action": [value], "post": "yes", "canonical": value}),
        (base, {"action": "link_as_captures", "_selected_action": [document.pk, seeded["002"].document.pk],
                "post": "yes", "canonical": value}),
    ]
    failures += [(page, status) for page, data in posts if (status := client.post(page, data).status_code) >= 500]
    assert failures == []
