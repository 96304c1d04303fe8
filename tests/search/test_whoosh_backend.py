"""The archive's Whoosh backend: rebuilding from the database, and writes that do not get lost."""

from django.core.management import call_command

from archive.search.documents import search_documents


def test_rebuild_index_restores_search_from_the_database(seeded, search_index):
    search_index.clear()
    assert search_documents("Preface").count == 0
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert search_documents("Preface").count == 1
    assert search_documents('"sovereign states directly concerned"').count == 1


def test_facet_fields_are_stored_as_printed(seeded, search_index):
    from haystack.query import SearchQuerySet

    from archive.models import Document

    counts = dict(SearchQuerySet().models(Document).facet("publisher").facet_counts()["fields"]["publisher"])
    assert counts.get("China Daily") == 1
