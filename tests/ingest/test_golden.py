"""Every real document parses as a person reading it expects (tests/ingest/golden/**/*.json).

Checks listed in a ``_known_gaps.json`` are the parser's known shortfalls: they are expected to fail,
and a gap that starts passing fails the test until it is removed from the list, so progress is kept.
``python -m tests.ingest.report --write-gaps`` rewrites both lists from the parser's current output.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from tests.ingest.golden_compare import (
    FIELDS, GOLDEN, STRUCTURE, STRUCTURE_CHECKS, Check, check_field, check_file, check_structure, golden_files,
    structure_files,
)


@cache
def known_gaps(folder: Path) -> frozenset[str]:
    """Return the ``<golden file>::<check>`` names listed as known gaps in ``folder``."""
    path = folder / "_known_gaps.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else frozenset()


# Parsed once per session and shared by all the checks of a document (the PDFs take seconds each).
@cache
def policy_checks(name: str) -> dict[str, Check]:
    """Checks of a seeds/policy golden file by field."""
    return {check.field: check for check in check_file(GOLDEN / name)[0]}


@cache
def structure_checks(name: str) -> dict[str, Check]:
    """Checks of a structure golden file by check name."""
    return {check.field: check for check in check_structure(STRUCTURE / name)[0]}


def assert_with_ratchet(check: Check, gap: bool, gaps_file: str) -> None:
    """Xfail a listed gap that still fails; fail a listed gap that passes, and any other failure."""
    if gap and not check.ok:
        pytest.xfail(f"known parser gap ({gaps_file})")
    assert not gap, f"this check now passes: remove it from {gaps_file}"
    assert check.ok, f"expected {check.expected!r}, got {check.got!r}"


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", [path.name for path in golden_files()])
def test_parse_matches_the_golden_expectation(name, field):
    gap = f"{name}::{field}" in known_gaps(GOLDEN)
    assert_with_ratchet(policy_checks(name)[field], gap, "golden/_known_gaps.json")


@pytest.mark.parametrize("check", STRUCTURE_CHECKS)
@pytest.mark.parametrize("name", [path.name for path in structure_files()])
def test_structure_document_matches_its_reader(name, check):
    gap = f"{name}::{check}" in known_gaps(STRUCTURE)
    assert_with_ratchet(structure_checks(name)[check], gap, "golden/structure/_known_gaps.json")


GOLDEN_EXAMPLE = {
    "title": "The Transport Layer Security (TLS) Protocol Version 1.3", "authors": ["E. Rescorla"],
    "issuer": "", "publisher": "Internet Engineering Task Force (IETF)", "date": "2018-08", "kind": "standard",
    "also": {"date": ["2018-08-10"]},
}


@pytest.mark.parametrize(("field", "got", "ok"), [
    ("title", "THE TRANSPORT LAYER SECURITY (TLS) PROTOCOL  VERSION 1.3", True),
    ("title", "RFC 8446", False),
    ("authors", ["E. Rescorla"], True),
    ("authors", ["E. RESCORLA"], False),
    ("authors", [], False),
    ("issuer", "", True),
    ("issuer", "Mozilla", False),
    ("publisher", "internet engineering task force (IETF)", True),
    ("date", "2018-08", True),
    ("date", "2018-08-10", True),
    ("date", "2018", False),
    ("language", "en", True),
])
def test_fields_are_folded_as_documented(field, got, ok):
    assert check_field(field, GOLDEN_EXAMPLE, got).ok is ok
