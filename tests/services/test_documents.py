"""Documents written whole: imports stored whole or not at all, never twice, captures and drafts linked; re-parses,
saves and reverts recorded in the history with their reasons."""

from pathlib import Path

import pytest

from archive.models import Document, Section, SourceFile
from archive.selectors import draft_work_of, public_documents
from archive.services import document_import
from tests.conftest import SHARED, seed_path

pytestmark = pytest.mark.django_db


def import_seed(prefix: str):
    path = seed_path(prefix)
    return document_import(raw=path.read_bytes(), file_name=path.name)


def test_import_keeps_the_raw_bytes_verbatim():
    outcome = import_seed("002")
    source = SourceFile.objects.get(document=outcome.document)
    assert bytes(source.raw) == seed_path("002").read_bytes()
    assert source.size == len(bytes(source.raw))
    assert len(source.sha256) == 64


def test_white_paper_keeps_its_structure_and_missing_chapters():
    document = import_seed("003").document
    top = list(document.sections.filter(parent=None).order_by("path").values_list("label", "heading", "captured"))
    assert top[0] == ("", "Preface", True)
    assert [row[0] for row in top[1:7]] == ["I", "II", "III", "IV", "V", "VI"]
    assert [row[2] for row in top] == [True, True, True, False, False, False, False, False]
    assert top[-1] == ("", "Conclusion", False)
    chapter_two = document.sections.get(parent=None, label="II")
    assert list(chapter_two.children.order_by("position").values_list("label", flat=True)) == ["1", "2"]
    assert chapter_two.children.get(label="1").anchor == "ii-1"
    assert document.complete is False


def test_same_bytes_are_reported_and_skipped():
    first = import_seed("002")
    again = import_seed("002")
    assert again.status == "duplicate"
    assert again.document.pk == first.document.pk
    assert Document.objects.count() == 1


def test_same_text_in_other_bytes_is_a_duplicate():
    path = seed_path("002")
    first = document_import(raw=path.read_bytes(), file_name=path.name)
    crlf = path.read_bytes().replace(b"\n", b"\r\n")
    again = document_import(raw=crlf, file_name="copy.txt")
    assert again.status == "duplicate"
    assert again.document.pk == first.document.pk


def test_two_captures_of_one_article_are_versions_of_one_work():
    noisy = import_seed("000").document
    clean = import_seed("001")
    noisy.refresh_from_db()
    assert clean.version_of_id == noisy.pk
    # The complete, clean capture is the one shown; the noisy one points to it.
    assert noisy.version_of_id == clean.document.pk
    assert clean.document.version_of_id is None


def test_different_articles_are_not_linked():
    import_seed("000")
    outcome = import_seed("002")
    assert outcome.version_of_id is None
    assert outcome.document.version_of_id is None


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200, "binary"),
    ],
)
def test_bad_files_fail_with_a_reason_and_store_nothing(raw, reason):
    outcome = document_import(raw=raw, file_name="bad.txt")
    assert outcome.status == "failed"
    assert reason in outcome.error
    assert "\n" not in outcome.error
    assert Document.objects.count() == Section.objects.count() == SourceFile.objects.count() == 0


def test_a_truncated_file_still_imports_what_it_holds():
    raw = seed_path("002").read_bytes()[:1500]
    outcome = document_import(raw=raw, file_name="truncated.txt")
    assert outcome.status == "imported"
    assert outcome.document.title == "No digital strings attached"


def test_a_failure_while_storing_leaves_nothing_behind(monkeypatch):
    from archive import works

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(works, "link_to_work", explode)
    with pytest.raises(RuntimeError):
        import_seed("003")
    assert Document.objects.count() == Section.objects.count() == SourceFile.objects.count() == 0


def test_captures_with_different_titles_are_found_by_shared_passages():
    body = seed_path("002").read_text()[400:]
    first = document_import(raw=f"Opinion page headline\n\n{body}".encode(), file_name="opinion.txt")
    second = document_import(raw=f"Print edition headline\n\n{body[: len(body) // 2]}".encode(), file_name="print.txt")
    assert second.version_of_id == first.document.pk


def test_documents_sharing_as_many_passages_are_weighed_earliest_stored_first():
    """Which documents are weighed, and in which order, does not depend on the order the database reads them."""
    from archive.models import TextSample
    from archive.works import CANDIDATES, _candidates

    stored = [Document.objects.create(title=f"Report {n}", title_key=f"report {n}") for n in range(CANDIDATES + 10)]
    new = Document.objects.create(title="New report", title_key="new report")
    for document in [*reversed(stored), new]:  # the samples stored in the opposite order to their documents
        TextSample.objects.bulk_create(TextSample(document=document, value=value) for value in (11, 12, 13))
    assert [document.pk for document in _candidates(new)] == [document.pk for document in stored[:CANDIDATES]]


def test_same_headline_with_different_text_stays_two_documents():
    headline = "Jakarta-Bandung railway opens"
    a = document_import(raw=f"{headline}\n\n{seed_path('002').read_text()[600:3000]}".encode(), file_name="a.txt")
    b = document_import(raw=f"{headline}\n\n{seed_path('003').read_text()[3000:6000]}".encode(), file_name="b.txt")
    assert b.status == "imported" and b.version_of_id is None
    assert a.document.version_of_id is None and b.document.version_of_id is None


def test_the_real_corpus_links_duplicates_and_versions_and_keeps_hard_negatives_apart():
    import json

    pairs = json.loads((Path(__file__).parents[1] / "ingest" / "golden" / "_pairs.json").read_text())
    outcomes = {}
    for path in sorted([*SHARED.joinpath("seeds").iterdir(), *SHARED.joinpath("corpus", "policy").iterdir()]):
        if path.suffix in {".md", ".txt", ".jsonl"} and path.name != "README.md":
            outcomes[str(path.relative_to(SHARED))] = document_import(raw=path.read_bytes(), file_name=path.name)

    def work(source: str) -> int:
        document = Document.objects.get(pk=outcomes[source].document.pk)
        return document.version_of_id or document.pk

    assert not [source for source, outcome in outcomes.items() if outcome.status == "failed"]
    for a, b in pairs["duplicates"]:
        assert sorted([outcomes[a].status, outcomes[b].status]) == ["duplicate", "imported"], (a, b)
        assert outcomes[a].document.pk == outcomes[b].document.pk
    for a, b in pairs["versions"]:
        assert work(a) == work(b), (a, b)
    for a, b in pairs["drafts"]:
        documents = [Document.objects.get(pk=outcomes[source].document.pk) for source in (a, b)]
        assert all(document.is_public for document in documents), (a, b)
        assert draft_work_of(documents[0]) == draft_work_of(documents[1]), (a, b)
    for a, b in pairs["distinct"]:
        assert work(a) != work(b), (a, b)
        assert draft_work_of(outcomes[a].document) != draft_work_of(outcomes[b].document), (a, b)


def test_a_pdf_is_stored_with_its_media_type_and_its_text_parsed():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, "Maritime Cooperation Paper\n\nI. Background\n\nThe parties agree to share charts and data.")
    outcome = document_import(raw=bytes(pdf.output()), file_name="paper.pdf")
    assert outcome.status == "imported", outcome.error
    assert outcome.document.source.media_type == "application/pdf"
    assert "share charts" in " ".join(outcome.document.sections.values_list("text", flat=True))


def test_a_pdf_without_text_fails_with_the_ocr_message():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    outcome = document_import(raw=bytes(pdf.output()), file_name="scan.pdf")
    assert outcome.status == "failed"
    assert "no text layer" in outcome.error
    assert Document.objects.count() == 0


def test_nul_in_a_json_string_or_a_pdf_bookmark_is_dropped_and_the_file_stored():
    """NUL prints nothing and PostgreSQL cannot store it in a text column: every database takes these files."""
    import json

    from fpdf import FPDF

    record = {"title": "Maritime\u0000 Cooperation Paper", "author": "Mei Ling Tan",
              "text": "The parties agree\u0000 to share charts and data. " * 5}
    jsonl = document_import(raw=(json.dumps(record) + "\n").encode(), file_name="paper.jsonl")
    pdf = FPDF()
    for heading in ("Background\u0000", "Charts and\u0000 data"):
        pdf.add_page()
        pdf.start_section(heading)
        pdf.set_font("Helvetica", "B", 16)
        pdf.cell(0, 10, heading.replace("\u0000", ""), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 8, "The parties agree to exchange hydrographic surveys of the shared waters. " * 6)
    bookmarked = document_import(raw=bytes(pdf.output()), file_name="charts.pdf")
    for outcome in (jsonl, bookmarked):
        assert outcome.status == "imported", outcome.error
        document = Document.objects.get(pk=outcome.document.pk)
        stored = [document.title, *document.authors, *document.sections.values_list("heading", "text").order_by("path")]
        assert "\x00" not in str(stored), stored
    assert Document.objects.get(pk=jsonl.document.pk).title == "Maritime Cooperation Paper"
    assert Document.objects.get(pk=bookmarked.document.pk).title == "Background"
    assert "Charts and data" in bookmarked.document.sections.values_list("heading", flat=True)


# Captures and drafts: two captures of one text stay one listed document; drafts dated apart are two.

POLICY = SHARED / "corpus" / "policy"
ANZUS_FEBRUARY = POLICY / "au-dfat-1951-02-17-draft-of-treaty-anzus.md"
ANZUS_JULY = POLICY / "au-dfat-1951-07-12-draft-anzus-security-treaty.md"


def import_file(path: Path, raw: bytes | None = None, name: str = ""):
    return document_import(raw=path.read_bytes() if raw is None else raw, file_name=name or path.name)


def redated(path: Path, iso: str, printed: str, name: str):
    """The July draft's file with its date (front matter and dateline) changed, as another draft would print it."""
    raw = path.read_bytes().replace(b"1951-07-12", iso.encode()).replace(b"12 July 1951", printed.encode())
    raw = raw.replace(b"Therefore declare", b"Therefore solemnly declare")  # the same text would be a duplicate
    return import_file(path, raw, name)


def fresh(outcome) -> Document:
    return Document.objects.get(pk=outcome.document.pk)


@pytest.mark.parametrize("order", [(ANZUS_FEBRUARY, ANZUS_JULY), (ANZUS_JULY, ANZUS_FEBRUARY)])
def test_two_drafts_dated_apart_are_two_listed_documents_linked_as_drafts(order):
    first, second = (import_file(path) for path in order)
    assert second.status == "imported"
    assert second.draft_of_id == first.document.pk and second.version_of_id is None
    assert fresh(second).draft_of_id == first.document.pk
    assert set(public_documents().values_list("pk", flat=True)) == {first.document.pk, second.document.pk}


def test_the_duplicate_article_pair_stays_one_document_not_two_drafts():
    first = import_file(POLICY / "jp-article_16-decade-of-progress-bri.md")
    again = import_file(POLICY / "jp-article_26-decade-of-progress-bri-dup.md")
    assert again.status == "duplicate" and again.document.pk == first.document.pk
    assert Document.objects.count() == 1 and fresh(first).draft_of_id is None


def test_an_undated_copy_of_a_draft_is_a_capture_of_that_draft():
    february, july = import_file(ANZUS_FEBRUARY), import_file(ANZUS_JULY)
    undated = ANZUS_JULY.read_bytes().replace(b"doc_date: '1951-07-12'\n", b"").replace(b", 12 July 1951", b"")
    copy = import_file(ANZUS_JULY, undated, "undated-copy.md")
    assert copy.document.date is None
    assert copy.version_of_id == july.document.pk
    # The dated capture stays the one shown, still a draft of the February one.
    assert fresh(copy).version_of_id == july.document.pk
    assert fresh(july).draft_of_id == february.document.pk


def test_a_fuller_capture_of_a_draft_takes_over_its_links_to_the_other_drafts(search_index):
    from archive.search.results import search_documents

    half = ANZUS_FEBRUARY.read_bytes()[: ANZUS_FEBRUARY.stat().st_size // 2]
    partial = import_file(ANZUS_FEBRUARY, half, "february-first-half.md")
    july = import_file(ANZUS_JULY)
    assert july.draft_of_id == partial.document.pk
    february = import_file(ANZUS_FEBRUARY)
    assert february.version_of_id == partial.document.pk
    assert fresh(partial).version_of_id == february.document.pk
    assert fresh(february).draft_of_id is None and fresh(july).draft_of_id == february.document.pk
    found = {hit.document.pk for hit in search_documents("Pacific").results}
    assert found == {february.document.pk, july.document.pk}


def test_deleting_the_first_draft_keeps_the_other_drafts_linked():
    february, july = import_file(ANZUS_FEBRUARY), import_file(ANZUS_JULY)
    september = redated(ANZUS_JULY, "1951-09-01", "1 September 1951", "september.md")
    assert september.draft_of_id is not None
    assert fresh(september).draft_of_id == february.document.pk
    fresh(february).delete()
    assert fresh(july).draft_of_id is None
    assert fresh(september).draft_of_id == july.document.pk


def test_deleting_two_drafts_at_once_leaves_the_third_unlinked_but_whole():
    february, july = import_file(ANZUS_FEBRUARY), import_file(ANZUS_JULY)
    september = redated(ANZUS_JULY, "1951-09-01", "1 September 1951", "september.md")
    Document.objects.filter(pk__in=[february.document.pk, july.document.pk]).delete()
    assert fresh(september).draft_of_id is None and fresh(september).is_public


# History: every write of the services is recorded with its reason (archive/admin/history.py shows them).


def test_an_import_records_the_document_and_its_sections_with_the_file_it_came_from():
    document = import_seed("003").document
    record = document.history.get()
    assert (record.history_type, record.title) == ("+", document.title)
    assert record.history_change_reason == f"Imported from {seed_path('003').name}"
    reasons = set(Section.history.filter(document_id=document.pk).values_list("history_change_reason", flat=True))
    assert reasons == {f"Imported from {seed_path('003').name}"}
    assert Section.history.filter(document_id=document.pk).count() == document.sections.count()


def test_a_reparse_records_the_replaced_sections_and_the_document_as_re_parsed():
    from archive.services import document_reparse

    document = import_seed("002").document
    sections_before = document.sections.count()
    Document.objects.filter(pk=document.pk).update(title="Stale title")
    document_reparse(document=document)
    latest = document.history.order_by("-history_id").first()
    assert (latest.history_change_reason, latest.title) == ("Re-parsed", import_seed_title("002"))
    removed = Section.history.filter(document_id=document.pk, history_type="-")
    assert removed.count() == sections_before
    assert set(removed.values_list("history_change_reason", flat=True)) == {"Re-parsed"}


def import_seed_title(prefix: str) -> str:
    return Document.objects.get(source__file_name=seed_path(prefix).name).history.earliest("history_id").title


def test_a_reason_set_on_the_instance_wins_over_the_services():
    from archive.services import document_save

    document = import_seed("002").document
    document._change_reason = "Published"
    document_save(document=document, changed_fields=[])
    assert document.history.order_by("-history_id").first().history_change_reason == "Published"


def test_revert_puts_back_only_the_metadata_and_marks_it_edited():
    from archive.services import document_revert, document_save

    document = import_seed("002").document
    imported = document.history.get()
    document.title, document.status = "Overwritten", "draft"
    document_save(document=document, changed_fields=["title", "status"])
    assert document_revert(document=document, revision=imported) == ["title"]
    document.refresh_from_db()
    assert (document.title, document.status) == (imported.title, "draft")  # status has its own transitions
    assert "title" in document.edited_fields
