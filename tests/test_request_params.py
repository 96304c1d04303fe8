"""Reading ?q= and ?page=: whatever arrives, the pages and the API get something they can use."""

from django.test import RequestFactory

from archive.request_params import page_number, query_text


def test_a_lone_surrogate_in_the_query_becomes_a_question_mark():
    request = RequestFactory().get("/search/")
    request.GET = request.GET.copy()
    request.GET["q"] = "China \ud800 trade"
    assert query_text(request) == "China ? trade"


def test_page_numbers_that_make_no_sense_mean_the_first_page():
    factory = RequestFactory()
    assert [page_number(factory.get("/", {"page": raw})) for raw in ["3", "0", "-2", "x", "9" * 30]] == [
        3, 1, 1, 1, 100_000
    ]
