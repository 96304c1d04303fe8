"""The relevance bench asks the archive as a client would and scores each half of the queries apart."""

import pytest

from bench import relevance
from bench.ir_collections import Collection, Document, Query, load
from tests.conftest import SHARED

CACM = SHARED / "corpus" / "ir" / "cacm"


class FakeResponse:
    def __init__(self, status_code: int, body: dict):
        self.status_code, self._body = status_code, body

    def json(self) -> dict:
        return self._body


class PagedClient:
    """Answers like /api/search: ``pages`` of ids, each with the address of the next (None on the last)."""

    def __init__(self, pages: list[list[int]]):
        self.pages, self.asked = pages, []

    def get(self, path: str, params: dict) -> FakeResponse:
        self.asked.append(params["page"])
        page = params["page"]
        if page > len(self.pages):
            return FakeResponse(404, {"error": "There is no such page"})
        results = [{"document": {"id": pk}} for pk in self.pages[page - 1]]
        following = f"/api/search?page={page + 1}" if page < len(self.pages) else None
        return FakeResponse(200, {"page": page, "num_pages": len(self.pages), "next": following, "results": results})


def test_the_client_follows_the_pages_until_the_last_one():
    client = PagedClient([[1, 2], [3, 4], [5]])
    view = relevance.api_ranking(client, "heat")
    assert (view.ranking, view.error, view.requests) == ([1, 2, 3, 4, 5], "", 3)
    assert client.asked == [1, 2, 3]


def test_the_client_stops_at_the_top_100():
    client = PagedClient([list(range(start, start + 10)) for start in range(0, 300, 10)])
    assert relevance.api_ranking(client, "heat").ranking == list(range(100))
    assert client.asked == list(range(1, 11))


def test_a_refused_query_keeps_the_api_message():
    class Refusing:
        def get(self, path, params):
            return FakeResponse(400, {"error": "The brackets do not match."})

    view = relevance.api_ranking(Refusing(), "((")
    assert (view.ranking, view.error) == ([], "The brackets do not match.")


def test_a_title_only_document_is_rendered_without_an_empty_body():
    assert relevance.render(Document(1, "Two Square-Root Approximations", "")) == b"Two Square-Root Approximations\n"
    assert relevance.render(Document(2, "Heat", "Flow in a slab.")) == b"Heat\n\nFlow in a slab.\n"


def _collection() -> Collection:
    documents = [
        Document(1, "heat conduction in slabs", "composite slab heat flow"),
        Document(2, "boundary layers", "laminar boundary layer on a plate"),
        Document(3, "heat transfer", "heat transfer in a boundary layer"),
        Document(4, "", ""),
    ]
    queries = [Query(1, "1", "heat conduction in composite slabs"), Query(2, "2", "laminar boundary layer")]
    return Collection("made-up", "SMART", documents, queries, {1: {1: 2, 3: 1}, 2: {2: 1}}, "binary")


def test_the_reference_ranks_with_bm25_and_scores_under_the_archives_keys():
    collection = _collection()
    # Document 3 was stored as a version of document 1's work (archive id 10); 4 was refused.
    report = relevance.ImportReport(canonical={1: 10, 2: 20, 3: 10})
    run = relevance.reference_run(collection, report)
    assert run.rankings[1] == [10]  # 1 and 3 are one work: it counts once
    assert run.rankings[2][0] == 20
    grades = relevance.judged(collection, report)
    assert grades == {1: {10: 2}, 2: {20: 1}}
    table = relevance.figures(collection, [run], grades)[run.name]
    assert table["all"]["MAP"] == pytest.approx(1.0)
    assert set(table) == {"all", "tuning", "held-out"}


def test_each_half_is_scored_on_its_own_queries():
    collection = _collection()
    report = relevance.ImportReport(canonical={1: 10, 2: 20, 3: 30})
    run = relevance.Run("half right", rankings={1: [10, 30], 2: [30]})
    table = relevance.figures(collection, [run], relevance.judged(collection, report))["half right"]
    assert table["tuning"]["MRR"] == 1.0  # query 1: a relevant document first
    assert table["held-out"]["MRR"] == 0.0  # query 2: its one relevant document never found
    assert table["all"]["MRR"] == pytest.approx(0.5)


@pytest.mark.skipif(not CACM.is_dir(), reason="../shared/corpus/ir/cacm is not beside the clone")
def test_paging_the_api_gives_the_search_functions_ranking_for_a_one_word_query(search_index, client):
    from archive.search.results import search_documents
    from archive.services import document_import

    abstracts = [d for d in load(CACM).documents if "compiler" in d.abstract.lower().split()][:25]
    for document in abstracts:
        document_import(raw=relevance.render(document), file_name=f"cacm-{document.docno}.txt")
    expected = [hit.document.pk for hit in search_documents("compiler", per_page=100).results]
    view = relevance.api_ranking(client, "compiler")
    assert view.error == "" and len(expected) > 10 and view.requests > 1  # more than one page of the default size
    assert view.ranking == expected
