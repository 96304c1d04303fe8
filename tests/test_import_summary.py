"""The ``--json`` line per file: a stable shape, naming the work an imported file joined."""

import pytest

from archive.import_summary import outcome_summary
from archive.services import ImportOutcome, document_import
from tests.conftest import SHARED

pytestmark = pytest.mark.django_db

POLICY = SHARED / "corpus" / "policy"
ANZUS = (POLICY / "au-dfat-1951-02-17-draft-of-treaty-anzus.md", POLICY / "au-dfat-1951-07-12-draft-anzus-security-treaty.md")


def import_summary(path) -> dict:
    return outcome_summary(str(path), document_import(raw=path.read_bytes(), file_name=path.name))


def test_a_failed_file_has_every_key_empty():
    summary = outcome_summary("empty.txt", ImportOutcome("empty.txt", "failed", error="the file is empty"))
    assert summary["status"] == "failed" and summary["error"] == "the file is empty"
    assert summary["document_id"] is summary["version_of"] is summary["draft_of"] is None
    assert summary["sections"] == []


def test_a_later_draft_names_the_draft_it_joined_and_stays_no_capture():
    february, july = (import_summary(path) for path in ANZUS)
    assert february["draft_of"] is None and february["version_of"] is None
    assert july["status"] == "imported"
    assert july["draft_of"] == february["document_id"] and july["version_of"] is None
    assert july["date"] == "1951-07-12"


def test_a_draft_imported_again_still_names_its_work():
    february, _ = (import_summary(path) for path in ANZUS)
    again = import_summary(ANZUS[1])
    assert again["status"] == "duplicate"
    assert again["draft_of"] == february["document_id"]
