"""`archive.search.sync.check`: an index damaged on purpose is found out, repaired, and then clean."""

from django.db import transaction
from haystack import connections

from archive.models import Document, DocumentStatus, Section
from archive import services
from archive.search.sync.check import index_check, index_repair
from archive.search.sync.writes import index_on_commit


def make_document(title: str, *, status=DocumentStatus.PUBLISHED, version_of=None) -> Document:
    with transaction.atomic():
        document = Document.objects.create(title=title, publisher="Ministry", status=status, version_of=version_of)
        for i in range(2):
            Section.objects.create(
                document=document, position=i, path=f"{i:04d}", anchor=f"s{i}", label=str(i + 1),
                heading="Heading", text=f"Text {i} of {title}",
            )
        index_on_commit({document.pk})  # as the services do
    return document


def search_index_of(model):
    return connections["default"].get_unified_index().get_index(model)


def whoosh_index(backend, name: str):
    """The raw Whoosh index holding ``name`` ("document", "section") entries."""
    indexes = getattr(backend, "indexes", None)
    return indexes[name] if isinstance(indexes, dict) else backend.index


def test_an_index_kept_by_saves_matches_the_database(search_index):
    make_document("Alpha")
    make_document("Draft", status=DocumentStatus.DRAFT)
    report = index_check()
    assert report.clean, report.summary()
    assert report.expected == report.indexed == 3  # one public document and its two sections


def test_damage_is_found_and_repaired(search_index):
    kept, lost, moved = make_document("Kept"), make_document("Lost"), make_document("Moved")
    draft = make_document("Draft", status=DocumentStatus.DRAFT)
    section = moved.sections.order_by("path").first()
    # Damage the index through the engine, behind the services' back.
    search_index.remove(f"archive.document.{lost.pk}")
    search_index.update(search_index_of(Document), [draft])
    ghost = Section(pk=999_999, document=kept, position=9, path="0009", anchor="ghost", text="Ghost text")
    search_index.update(search_index_of(Section), [ghost])
    section.document_id = kept.pk  # the index now says the section belongs to another document
    search_index.update(search_index_of(Section), [section])

    report = index_check()
    assert report.missing == [f"archive.document.{lost.pk}"]
    assert report.orphaned == [f"archive.document.{draft.pk}", "archive.section.999999"]
    assert report.stale == [f"archive.section.{section.pk}"]
    assert report.summary().endswith("1 missing, 2 orphaned, 1 stale")

    outcome = index_repair(report=report)
    # lost, draft and moved (its section's document) re-synced; the ghost, which has no row, removed.
    assert (outcome.documents_synced, outcome.entries_removed) == (3, 1)
    assert index_check().clean


def test_an_entry_held_twice_is_stale(search_index):
    document = make_document("Twice")
    section = document.sections.order_by("path").first()
    prepared = search_index_of(Section).full_prepare(section)
    writer = whoosh_index(search_index, "section").writer()
    writer.add_document(**{key: search_index._from_python(value) for key, value in prepared.items() if key != "boost"})
    writer.commit()

    report = index_check()
    assert report.stale == [f"archive.section.{section.pk}"]
    index_repair(report=report)
    assert index_check().clean


def test_deleted_entries_are_not_listed_as_indexed(search_index):
    """Whoosh keeps a deleted entry's terms until a merge: the check must not take them as live."""
    document = make_document("Gone soon")
    search_index.remove(f"archive.document.{document.pk}")
    assert index_check().missing == [f"archive.document.{document.pk}"]


def test_deleting_a_canonical_capture_indexes_its_promoted_version(search_index):
    canonical = make_document("Work")
    version = make_document("Work, other capture", version_of=canonical)
    assert index_check().clean
    services.document_delete(document=canonical)  # the version's link is cleared by an UPDATE
    report = index_check()
    assert report.clean, report.summary()
    assert report.expected == 3
    assert Document.objects.get(pk=version.pk).is_public


def test_text_changed_behind_the_index_is_stale_and_repaired(search_index):
    document = make_document("Edited")
    # Changed behind the services' back: the index still holds the old words.
    Section.objects.filter(document=document, path="0000").update(text="Entirely new wording")
    Document.objects.filter(pk=document.pk).update(title="Renamed quietly")
    report = index_check()
    section = document.sections.get(path="0000")
    assert report.stale == [f"archive.document.{document.pk}", f"archive.section.{section.pk}"]
    index_repair(report=report)
    assert index_check().clean


def test_another_capture_is_indexed_by_its_sections_only(search_index):
    canonical = make_document("Work")
    make_document("Work, other capture", version_of=canonical)
    report = index_check()
    assert report.clean, report.summary()
    assert report.expected == 5  # the canonical capture and its two sections; the other capture's two sections


def test_an_index_written_with_an_earlier_analysis_is_found_stale_and_rewritten(search_index, monkeypatch):
    import archive.search_indexes

    with monkeypatch.context() as earlier:  # the entries as an earlier release wrote them
        earlier.setattr(archive.search_indexes, "ANALYSIS_VERSION", 1)
        make_document("Written before")
    report = index_check()
    assert len(report.stale) == report.expected == 3
    index_repair(report=report)
    assert index_check().clean
