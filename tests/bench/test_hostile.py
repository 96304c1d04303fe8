"""`bench.hostile`: the sweep reaches every address x parameter x value, and its 10 MB documents are what it
says (one section; many numbered sections; not captures of each other)."""

import pytest

from archive import ingest
from bench import hostile
from bench.corpus import SHARED, load_pool

pytestmark = pytest.mark.skipif(not (SHARED / "corpus" / "policy").exists(), reason="needs ../shared/corpus")


def test_every_parameter_and_one_unknown_gets_every_hostile_value():
    requests = list(hostile.hostile_requests({"/a": ["q", "page"], "/b": []}, "security"))
    assert len(requests) == (3 + 1) * len(hostile.HOSTILE_VALUES)
    assert ("/a", {"q": "security", "page": "²"}) in requests and ("/a", {"q": "\x00"}) in requests
    assert ("/b", {"q": "security", "unknown": ["1", "²"]}) in requests


def test_the_huge_documents_parse_into_one_section_and_into_many(tmp_path, monkeypatch):
    monkeypatch.setattr(hostile, "HUGE_BYTES", 60_000)
    monkeypatch.setattr(hostile, "HUGE_SECTIONS", 12)
    one, many = hostile.huge_documents(load_pool(python_docs=False), tmp_path)
    parsed_one = ingest.parse(one.read_bytes(), one.name)
    parsed_many = ingest.parse(many.read_bytes(), many.name)
    assert len(parsed_one.sections) == 1 and sum(map(len, parsed_one.sections[0].paragraphs)) > 50_000
    assert len(parsed_many.sections) == 12 and [section.label for section in parsed_many.sections][:3] == ["1", "2", "3"]
    in_many = {paragraph for section in parsed_many.sections for paragraph in section.paragraphs}
    assert not set(parsed_one.sections[0].paragraphs) & in_many
