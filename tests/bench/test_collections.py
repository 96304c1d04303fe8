"""The test collections in ../shared/corpus/ir read as the judgements mean them, whatever their folders are called."""

from pathlib import Path

import pytest

from bench import ir_collections, smart
from tests.conftest import SHARED

IR = SHARED / "corpus" / "ir"
CRANFIELD, CACM = IR / "cranfield", IR / "cacm"
needs = pytest.mark.skipif(
    not (CRANFIELD.is_dir() and CACM.is_dir()), reason="../shared/corpus/ir is not beside the clone"
)


@pytest.fixture(scope="module")
def cranfield():
    return ir_collections.load(CRANFIELD)


@pytest.fixture(scope="module")
def cacm():
    return ir_collections.load(CACM)


@needs
def test_every_collection_beside_the_clone_is_found():
    assert [path.name for path in ir_collections.find(IR)] == ["cacm", "cranfield"]


@needs
def test_cranfield_numbers_queries_by_position_because_its_ids_skip(cranfield):
    assert (len(cranfield.documents), len(cranfield.queries), len(cranfield.grades)) == (1400, 225, 225)
    assert sum(len(gains) for gains in cranfield.grades.values()) == 1837
    third = cranfield.queries[2]
    assert (third.number, third.qid) == (3, "004")
    assert third.text.startswith("what problems of heat conduction in composite slabs")
    # Code 3 "useful background" weighs 2; the source document (code -1) still counts, at gain 1.
    assert cranfield.grades[3] == {5: 2, 6: 2, 90: 2, 91: 2, 119: 2, 144: 2, 181: 2, 399: 2, 485: 1}
    assert cranfield.documents[0].title.startswith("experimental investigation of the aerodynamics")
    assert [d.docno for d in cranfield.documents if not d.abstract] == [471, 995]


@needs
def test_cacm_reads_titles_abstracts_and_binary_judgements_by_query_id(cacm):
    assert (len(cacm.documents), len(cacm.queries), len(cacm.grades)) == (3204, 64, 52)
    assert sum(len(gains) for gains in cacm.grades.values()) == 796
    assert {gain for gains in cacm.grades.values() for gain in gains.values()} == {1}
    assert [q.number for q in cacm.queries] == list(range(1, 65))  # the empty ".I 0" block at the end is dropped
    assert cacm.queries[0].text == (
        "What articles exist which deal with TSS (Time Sharing System), an operating system for IBM computers?"
    )
    assert cacm.queries[1].text == "I am interested in articles written either by Prieve or Udo Pooch"  # not its .A
    assert {1410, 1572, 1605, 2020, 2358} <= set(cacm.grades[1])
    first = cacm.documents[0]
    assert (first.docno, first.title, first.abstract) == (1, "Preliminary Report-International Algebraic Language", "")


@needs
def test_cacm_keeps_abstracts_whole_and_leaves_out_authors_dates_and_citations(cacm):
    with_abstract = [d for d in cacm.documents if d.abstract]
    assert len(with_abstract) == 1587 - 4  # four blocks hold "None" where the abstract is missing
    document = next(d for d in cacm.documents if d.docno == 2950)
    assert document.title == "A Unifying Approach to Scheduling"
    assert document.abstract.startswith("This paper presents a scheme for classifying scheduling algorithms")
    assert "CACM" not in document.abstract and "\t" not in document.abstract


@needs
def test_the_format_is_recognised_from_the_files_not_their_names(tmp_path):
    # The CACM files under other names (links, not copies) are read exactly as in their own folder.
    folder = tmp_path / "anything"
    folder.mkdir()
    for source, alias in (("cacm.all", "a"), ("query.text", "b"), ("qrels.text", "c"), ("README.md", "d")):
        (folder / alias).symlink_to(CACM / source)
    files = smart.recognise(folder)
    assert (files.documents.name, files.queries.name, files.judgements.name) == ("a", "b", "c")
    assert ir_collections.load(folder).grades == ir_collections.load(CACM).grades


@needs
def test_the_halves_split_the_judged_queries_by_odd_and_even_number(cranfield, cacm):
    for collection in (cranfield, cacm):
        tuning, held_out = collection.half("tuning"), collection.half("held-out")
        assert sorted(tuning + held_out) == collection.half("all") == sorted(collection.grades)
        assert all(n % 2 == 1 for n in tuning) and all(n % 2 == 0 for n in held_out)
    assert (len(cacm.half("tuning")), len(cacm.half("held-out"))) == (26, 26)
    assert (len(cranfield.half("tuning")), len(cranfield.half("held-out"))) == (113, 112)


def test_a_folder_of_other_files_is_not_a_collection(tmp_path):
    (tmp_path / "README.md").write_text("# notes\n")
    (tmp_path / "numbers").write_text("1 2\n3 4\n")
    assert smart.recognise(tmp_path) is None
    assert ir_collections.find(tmp_path) == []
    with pytest.raises(ValueError, match="no known test-collection format"):
        ir_collections.load(tmp_path)


def _judgements(tmp_path: Path, text: str) -> list[tuple[int, int, int]]:
    path = tmp_path / "judgements"
    path.write_text(text)
    return smart.read_judgements(path)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 10\n1 11\n", [(1, 10, 1), (1, 11, 1)]),  # plain pairs
        ("01 1410  0 0\n02 7 0 0\n", [(1, 1410, 1), (2, 7, 1)]),  # CACM
        ("     1     28 0 0.000000\n     2     35 0 0.000000\n", [(1, 28, 1), (2, 35, 1)]),  # CISI
        ("3 485 -1 \n3 5 2", [(3, 485, 1), (3, 5, 3)]),  # Cranfield: trailing spaces, no final newline
        ("1 0 13 1\n1 0 14 0\n", [(1, 13, 1), (1, 14, 0)]),  # TREC: query, 0, document, grade
    ],
)
def test_judgement_layouts_are_told_apart_by_their_columns(tmp_path, text, expected):
    assert _judgements(tmp_path, text) == expected


def test_judgements_in_no_known_layout_are_refused_with_the_file_named(tmp_path):
    with pytest.raises(ValueError, match="judgements: judgement lines of \\[2, 3\\] columns"):
        _judgements(tmp_path, "1 2\n1 2 3\n")


def test_queries_are_numbered_by_id_when_the_judgements_use_ids_else_by_position(tmp_path):
    path = tmp_path / "queries"
    path.write_text(".I 001\n.W\nfirst\n.I 004\n.W\nsecond\n")
    assert [q.number for q in smart.read_queries(path, judged={1, 4})] == [1, 4]
    assert [q.number for q in smart.read_queries(path, judged={1, 2})] == [1, 2]
    with pytest.raises(ValueError, match="neither ids nor positions"):
        smart.read_queries(path, judged={7})


def _collection(folder: Path, documents: str, queries: str, judgements: str) -> Path:
    folder.mkdir()
    for name, text in (("all", documents), ("qry", queries), ("rel", judgements)):
        (folder / name).write_text(text)
    return folder


def test_queries_with_titles_and_documents_without_are_told_apart_by_their_number(tmp_path):
    # Queries that carry a title, authors and a Boolean form (as CISI's later ones do); documents with a
    # title, authors and cross-references; three documents, two queries.
    documents = "".join(
        f".I {n}\n.T\nTitle {n}\n.A\nAuthor, A.\n.W\nAbstract {n} text.\n.X\n{n}\t5\t{n}\n" for n in (1, 2, 3)
    )
    queries = ".I 1\n.W\nWhat is indexing?\n.I 2\n.T\nA titled question\n.A\nAsker, B.\n.W\nHow are titles made?\n.B\n(titles)\n"
    folder = _collection(tmp_path / "titled", documents, queries, "1 2 0 0.000000\n2 3 0 0.000000\n")
    collection = ir_collections.load(folder)
    assert [d.title for d in collection.documents] == ["Title 1", "Title 2", "Title 3"]
    assert [q.text for q in collection.queries] == ["What is indexing?", "How are titles made?"]
    assert collection.grades == {1: {2: 1}, 2: {3: 1}}


def test_documents_without_titles_are_read_by_their_text(tmp_path):
    # MED's layout: documents and queries are both only .I and .W; the documents are the larger file.
    documents = "".join(f".I {n}\n.W\nthe crystalline lens, report {n}.\n" for n in (1, 2, 3))
    queries = ".I 1\n.W\nthe crystalline lens in vertebrates.\n"
    folder = _collection(tmp_path / "untitled", documents, queries, "1 0 2 1\n1 0 3 1\n")
    collection = ir_collections.load(folder)
    assert [(d.title, d.abstract) for d in collection.documents][0] == ("", "the crystalline lens, report 1.")
    assert collection.grades == {1: {2: 1, 3: 1}}
