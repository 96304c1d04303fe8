"""Every real document parses as a person reading it expects (tests/ingest/golden/*.json).

Checks listed in golden/_known_gaps.json are the parser's known shortfalls: they are expected to fail,
and a gap that starts passing fails the test until it is removed from the list, so progress is kept.
"""

import json

import pytest

from tests.ingest.golden_compare import FIELDS, GOLDEN, check_file, golden_files

KNOWN_GAPS = set(json.loads((GOLDEN / "_known_gaps.json").read_text())) if (GOLDEN / "_known_gaps.json").exists() else set()
_PARSES: dict = {}


def checks_for(name: str):
    if name not in _PARSES:
        _PARSES[name] = {check.field: check for check in check_file(GOLDEN / name)[0]}
    return _PARSES[name]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", [path.name for path in golden_files()])
def test_parse_matches_the_golden_expectation(name, field):
    check = checks_for(name)[field]
    gap = f"{name}::{field}" in KNOWN_GAPS
    if gap and not check.ok:
        pytest.xfail("known parser gap (golden/_known_gaps.json)")
    assert not gap, "this check now passes: remove it from golden/_known_gaps.json"
    assert check.got == check.expected
