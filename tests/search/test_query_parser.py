"""The engine's parser: exact phrases checked by position, with the same answers as Whoosh's own check."""

import pytest
from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage

from archive.search.analysis import archive_analyzer
from archive.search.whoosh.parser import _ExactPhrase, build_parser, with_exact_phrases

TEXTS = {
    "a": "the following example shows the way",
    "b": "the example following the rules",
    "c": "in the the the end",
    "d": "follow the following example; the following example again",
}


@pytest.fixture(scope="module")
def searcher():
    index = RamStorage().create_index(Schema(key=ID(stored=True), text=TEXT(analyzer=archive_analyzer())))
    with index.writer() as writer:
        for key, text in TEXTS.items():
            writer.add_document(key=key, text=text)
    with index.searcher() as searcher:
        yield searcher


@pytest.mark.parametrize(
    "words", [["the", "follow", "exampl"], ["the", "the"], ["the", "the", "the"], ["exampl", "follow"], ["in", "end"]]
)
def test_exact_phrases_match_what_whoosh_itself_finds(searcher, words):
    ours = {hit["key"] for hit in searcher.search(_ExactPhrase("text", words), limit=None)}
    whoosh = {hit["key"] for hit in searcher.search(wq.Phrase("text", words), limit=None)}
    assert ours == whoosh


def test_the_engine_runs_quoted_words_as_exact_phrases_and_keeps_proximity(searcher):
    parser = build_parser(searcher.schema, "text")
    exact = with_exact_phrases(parser.parse('"the following example" OR "in the"'))
    assert all(isinstance(phrase, _ExactPhrase) for phrase in exact.children())
    near = with_exact_phrases(parser.parse('"the example"~3'))  # proximity: two words, checked by binary search
    assert near.slop == 3
    expected = {hit["key"] for hit in searcher.search(wq.Phrase("text", ["the", "exampl"], slop=3), limit=None)}
    assert {hit["key"] for hit in searcher.search(near, limit=None)} == expected == {"a", "b", "d"}
    assert {hit["key"] for hit in searcher.search(list(exact.children())[0])} == {"a", "d"}


@pytest.mark.parametrize(
    ("words", "slop"),
    [(["the", "exampl"], 2), (["the", "exampl"], 3), (["exampl", "the"], 2), (["follow", "the"], 5), (["in", "end"], 3),
     (["the", "the"], 2), (["end", "in"], 4)],
)
def test_two_words_near_each_other_match_what_whoosh_itself_finds_with_the_same_scores(searcher, words, slop):
    ours = {hit["key"]: round(hit.score, 6) for hit in searcher.search(_ExactPhrase("text", words, slop=slop), limit=None)}
    whoosh = {hit["key"]: round(hit.score, 6) for hit in searcher.search(wq.Phrase("text", words, slop=slop), limit=None)}
    assert ours == whoosh
