"""Segments kept few: every update adds one to each index it writes, and every search reads them all."""

from archive.models import Document, Section
from archive.search.whoosh import backend as segments
from archive.search.results import search_documents
from archive.search.sync.writes import sync


def test_updates_keep_the_number_of_segments_bounded(search_index, monkeypatch):
    monkeypatch.setattr(segments, "SEGMENTS_KEPT", 2)
    for number in range(8):  # eight long documents saved one by one: a new segment each
        document = Document.objects.create(title=f"Maritime report {number}")
        Section.objects.bulk_create(  # bulk: no signal, the sync below writes them in one update
            Section(document=document, position=n, path=f"{n:04d}", anchor=f"s-{n}", text=f"Paragraph {n} on maritime law.")
            for n in range(60)
        )
        sync(document_ids={document.pk}, removed_section_ids=set())
    for index in search_index.indexes.values():
        # Whoosh's own policy merges segments of this size only once there are a dozen of them.
        assert len(index.refresh()._segments()) <= 3
    assert search_documents("maritime").count == 8
    assert search_documents('"Paragraph 59"').count == 8
