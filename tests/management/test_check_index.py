"""`manage.py check_index`: reports the differences between index and database, repairs them unless
--dry-run, and exits 1 when differences remain (with --dry-run: whenever any were found)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from archive.models import Document, DocumentStatus, Section
from archive.search.sync.writes import index_on_commit


def make_document(title: str) -> Document:
    with transaction.atomic():
        document = Document.objects.create(title=title, publisher="Ministry")
        Section.objects.create(document=document, position=0, path="0000", anchor="s0", text=f"Text of {title}")
        index_on_commit({document.pk})  # as the services do
    return document


@pytest.fixture
def damaged(search_index):
    """A public document missing from the index and a draft still in it."""
    lost, hidden = make_document("Lost"), make_document("Hidden")
    search_index.remove(f"archive.document.{lost.pk}")
    Document.objects.filter(pk=hidden.pk).update(status=DocumentStatus.DRAFT)  # an UPDATE sends no signal
    return lost, hidden


def test_a_clean_index_is_reported_clean(search_index, capsys):
    make_document("Alpha")
    call_command("check_index", dry_run=True)
    assert capsys.readouterr().out == "Index check: 2 entries expected, 2 indexed: 0 missing, 0 orphaned, 0 stale.\n"


def test_dry_run_lists_the_differences_changes_nothing_and_exits_1(damaged, capsys):
    lost, hidden = damaged
    with pytest.raises(CommandError) as raised:
        call_command("check_index", dry_run=True)
    assert raised.value.returncode == 1
    out = capsys.readouterr().out
    assert f"missing   archive.document.{lost.pk}\n" in out
    assert f"orphaned  archive.document.{hidden.pk}\n" in out
    assert "1 missing, 2 orphaned, 0 stale." in out  # the draft and its section
    with pytest.raises(CommandError):
        call_command("check_index", dry_run=True)


def test_without_dry_run_the_index_is_repaired(damaged, capsys):
    call_command("check_index")
    out = capsys.readouterr().out
    assert "Repaired: 2 document(s) re-synced from the database, 0 other entries removed." in out
    assert out.endswith("The index now matches the database.\n")
    call_command("check_index", dry_run=True)
    assert "0 missing, 0 orphaned, 0 stale" in capsys.readouterr().out


def test_long_lists_are_cut_unless_verbose(search_index, capsys, monkeypatch):
    monkeypatch.setattr("archive.management.commands.check_index.LISTED", 1)
    for title in ("One", "Two"):
        search_index.remove(f"archive.document.{make_document(title).pk}")
    with pytest.raises(CommandError):
        call_command("check_index", dry_run=True)
    assert "missing   … and 1 more (-v 2 lists them all)" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("check_index", dry_run=True, verbosity=2)
    assert "more" not in capsys.readouterr().out


def _damage(pattern: str, how) -> None:
    from pathlib import Path

    from django.conf import settings

    files = sorted(Path(settings.WHOOSH_PATH).glob(pattern))
    assert files
    for path in files:
        how(path)


@pytest.fixture
def unreadable_after(fresh_seeded):
    """The seed archive; whatever a test does to its index files, the index is started afresh afterwards."""
    from archive.search.engine import search_engine

    yield fresh_seeded
    search_engine().reset()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(("*.toc", lambda path: path.write_bytes(b"\x93garbage" * 40)), id="garbage table of contents"),
        pytest.param(("*.seg", lambda path: path.unlink()), id="a segment file deleted"),
    ],
)
def test_an_unreadable_index_is_rebuilt_from_the_database_and_nothing_is_lost(unreadable_after, damage, capsys, client):
    from archive.search.results import search_documents

    document = unreadable_after["003"].document
    _damage(*damage)
    # Until it is repaired: search answers 503 saying the index cannot be read; documents still read.
    assert client.get("/search/", {"q": "security"}).status_code == 503
    assert client.get("/api/search", {"q": "security"}).status_code == 503
    assert client.get(f"/documents/{document.pk}/").status_code == 200
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("check_index", "--dry-run")
    call_command("check_index")
    out = capsys.readouterr().out
    assert "cannot be read" in out and "Rebuilding it from the database" in out and "now matches" not in out
    assert "0 missing, 0 orphaned, 0 stale" in out.splitlines()[-1]
    assert search_documents('"Improving the Regional Security Framework"').count == 1
    assert client.get("/search/", {"q": "security"}).status_code == 200
    assert Document.objects.count() == len({outcome.document.pk for outcome in unreadable_after.values()})


def test_rebuild_index_starts_clean_whatever_the_old_index_holds(unreadable_after):
    from archive.search.results import search_documents

    _damage("*.toc", lambda path: path.write_bytes(b"not a table of contents"))
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert search_documents("Chuanying").count == 1
