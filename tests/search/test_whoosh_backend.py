"""The archive's Whoosh backend: rebuilding from the database, and writes that do not get lost."""

import pytest
from django.core.management import call_command
from haystack import connections

from archive.search.results import search_documents


@pytest.fixture
def backend():
    """The search backend, to read the shared seed archive's index without emptying it as ``search_index`` does."""
    from haystack import connections

    return connections["default"].get_backend()


def test_rebuild_index_restores_search_from_the_database(fresh_seeded, search_index):
    search_index.clear()
    assert search_documents("Preface").count == 0
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert search_documents("Preface").count == 1
    assert search_documents('"sovereign states directly concerned"').count == 1


def test_facet_fields_are_stored_as_printed(seeded):
    from haystack.query import SearchQuerySet

    from archive.models import Document

    counts = dict(SearchQuerySet().models(Document).facet("publisher").facet_counts()["fields"]["publisher"])
    assert counts.get("China Daily") == 1


def test_documents_and_sections_live_in_separate_indexes(seeded, backend):
    from archive.models import Document, Section

    counts = backend.index_counts()
    assert counts["document"] == Document.objects.filter(status="published", version_of__isnull=True).count()
    # Sections of every published document: another capture's page searches within it too.
    assert counts["section"] == Section.objects.filter(document__status="published", captured=True).count()


def test_a_search_page_asks_the_engine_once_for_documents_and_once_for_sections(seeded):
    from archive.search.whoosh.searchers import record_engine_queries

    with record_engine_queries() as calls:
        page = search_documents("security", sort="newest")
    assert page.count == 2 and page.facets
    assert [call.index_name for call in calls] == ["document", "section"]
    # The section search is confined to the documents on the page.
    assert "document_id" in repr(calls[1].query)


def test_a_searcher_kept_between_requests_sees_later_writes(fresh_seeded):
    from archive.services import document_import

    assert search_documents("Natuna").count == 0
    document_import(raw=b"Natuna patrols\n\nFishing fleets crowd the Natuna waters this season.\n", file_name="n.txt")
    assert search_documents("Natuna").count == 1


def test_recorded_calls_replay_on_a_raw_whoosh_searcher(seeded, backend):
    from archive.search.whoosh.searchers import record_engine_queries

    with record_engine_queries() as calls:
        expected = search_documents('"sovereign states directly concerned"').count
    with backend.indexes[calls[0].index_name].searcher() as searcher:
        assert len(searcher.search(calls[0].query, **calls[0].kwargs)) == expected == 1


def test_rebuild_command_reports_what_it_indexed(fresh_seeded, search_index):
    from io import StringIO

    out = StringIO()
    call_command("rebuild_index", "--noinput", stdout=out)
    assert "3 documents" in out.getvalue()
    assert search_index.index_counts()["document"] == 3


def test_an_index_written_by_an_earlier_version_still_opens(tmp_path, db):
    """The schema pickled in an index may name classes that have since gone; the current one is used."""
    import sys
    import types

    from whoosh.analysis import RegexTokenizer
    from whoosh.fields import TEXT, Schema
    from whoosh.filedb.filestore import FileStorage

    from archive.search.whoosh.backend import ArchiveWhooshBackend

    module = types.ModuleType("vanished_analysis")
    source = "from whoosh.analysis import Filter\nclass Gone(Filter):\n    def __call__(self, tokens):\n        yield from tokens"
    exec(source, module.__dict__)
    sys.modules["vanished_analysis"] = module
    try:
        old_schema = Schema(text=TEXT(analyzer=RegexTokenizer() | module.Gone()))
        FileStorage(str(tmp_path)).create_index(old_schema, indexname="document")
    finally:
        del sys.modules["vanished_analysis"]
    backend = ArchiveWhooshBackend("default", PATH=str(tmp_path))
    backend.setup()
    assert backend.index_counts() == {"document": 0, "section": 0}


def test_a_search_over_its_time_limit_returns_what_it_found(seeded, monkeypatch, caplog):
    from archive.search.whoosh import backend as whoosh_backend

    full = search_documents("China OR Chin*")  # operators and a pattern: held to the time limit
    assert full.count > 0 and not full.stopped_early
    monkeypatch.setattr(whoosh_backend, "SEARCH_TIME_LIMIT_SECONDS", -1)  # out of time before the first match
    page = search_documents("China OR Chin*")  # no error: whatever was collected before the limit
    assert page.count == 0 and page.stopped_early
    assert "results partial" in caplog.text


def test_plain_words_are_never_cut_short_so_their_ranking_does_not_depend_on_load(seeded, monkeypatch):
    from archive.search.whoosh import backend as whoosh_backend

    def ranking(query):
        page = search_documents(query)
        return [hit.document.pk for hit in page.results], page.count, page.partial_count, page.stopped_early

    questions = ["China", "security cooperation trust", "What does China propose for security in the Asia-Pacific?"]
    quiet = [ranking(question) for question in questions]
    monkeypatch.setattr(whoosh_backend, "SEARCH_TIME_LIMIT_SECONDS", -1)  # a machine too busy for any search
    assert [ranking(question) for question in questions] == quiet
    assert not any(stopped for *_, stopped in quiet)


# haystack's own SearchQuerySet API on the archive's backend: what works, and what says clearly that it does not.


def test_haystack_all_and_auto_query_search_documents_and_sections_together(seeded, backend):
    from haystack.query import SearchQuerySet

    from archive.models import Document, Section

    counts = backend.index_counts()
    everything = SearchQuerySet().all()
    assert everything.count() == counts["document"] + counts["section"]
    found = SearchQuerySet().auto_query("Cambodia")
    kinds = {result.model for result in found}
    assert kinds == {Document, Section}
    scores = [result.score for result in found]
    assert scores == sorted(scores, reverse=True)
    assert SearchQuerySet().auto_query('"trust gaps" -Cambodia').models(Document).count() == 0


def test_haystack_more_like_this_finds_other_documents_of_the_model(seeded, backend):
    from haystack.query import SearchQuerySet

    from archive.models import Document

    paper = Document.objects.get(title__startswith="China's Policies")
    similar = list(SearchQuerySet().more_like_this(paper)[:5])
    assert similar and all(result.model is Document and int(result.pk) != paper.pk for result in similar)


def test_haystack_spelling_suggestion_corrects_unknown_words(seeded, backend, monkeypatch):
    from haystack.query import SearchQuerySet

    # haystack offers suggestions only where the connection sets INCLUDE_SPELLING.
    monkeypatch.setattr(backend, "include_spelling", True)
    assert SearchQuerySet().auto_query("Cambodai").spelling_suggestion() == "cambodia"
    assert SearchQuerySet().auto_query("security").spelling_suggestion() == "security"


def test_haystack_calls_the_archive_cannot_serve_say_so(seeded, backend):
    from haystack.exceptions import SearchBackendError
    from haystack.query import SearchQuerySet

    from archive.models import Document

    with pytest.raises(SearchBackendError, match="highlight"):
        list(SearchQuerySet().auto_query("security").highlight())
    with pytest.raises(SearchBackendError, match="one model"):
        list(SearchQuerySet().auto_query("security").order_by("-date"))
    with pytest.raises(SearchBackendError, match="commit"):
        backend.update(connections["default"].get_unified_index().get_index(Document), [], commit=False)
