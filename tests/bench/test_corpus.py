"""The benchmark corpus: real prose, 5-500 sections per document, parsed into exactly the sections intended."""

import pytest

from archive import ingest
from bench.corpus import MAX_SECTIONS, MIN_SECTIONS, SHARED, build_corpus, load_pool, python_doc_dir, section_sizes

pytestmark = pytest.mark.skipif(not (SHARED / "corpus" / "policy").exists(), reason="needs ../shared/corpus")


@pytest.fixture(scope="module")
def pool():
    # ../shared alone is enough prose for these checks and keeps the test fast without python3-doc.
    return load_pool(python_docs=False)


def count_sections(sections) -> int:
    return sum(1 + count_sections(section.children) for section in sections)


@pytest.mark.parametrize("total", [5, 504, 1000, 10_000])
def test_document_sizes_stay_within_bounds_and_add_up_to_the_total(total):
    import random

    sizes = section_sizes(total, random.Random(total))
    assert sum(sizes) == total
    assert all(MIN_SECTIONS <= size <= MAX_SECTIONS for size in sizes)


def test_a_corpus_hits_its_size_and_opens_with_a_500_section_white_paper(pool):
    documents = build_corpus(1000, pool)
    assert sum(document.sections for document in documents) == 1000
    assert documents[0].sections == MAX_SECTIONS and documents[0].white_paper


def test_the_same_size_builds_the_same_corpus(pool):
    assert [d.text for d in build_corpus(1000, pool)] == [d.text for d in build_corpus(1000, pool)]


def test_the_parser_finds_exactly_the_sections_and_title_intended(pool):
    documents = build_corpus(2000, pool)
    for document in documents[:8]:
        parsed = ingest.parse(document.text.encode("utf-8"), document.file_name)
        assert count_sections(parsed.sections) == document.sections, document.file_name
        assert parsed.title == document.title


def test_white_papers_are_read_as_white_papers(pool):
    white_paper = build_corpus(1000, pool)[0]
    assert ingest.parse(white_paper.text.encode("utf-8"), white_paper.file_name).kind == "white_paper"


@pytest.mark.skipif(python_doc_dir() is None, reason="needs Debian's python3-doc (make bench installs it)")
def test_documents_are_not_versions_of_one_another():
    documents = build_corpus(1000, load_pool())
    parsed = [ingest.parse(d.text.encode("utf-8"), d.file_name) for d in documents[1:6]]
    for index, first in enumerate(parsed):
        for second in parsed[index + 1:]:
            assert ingest.similarity(first, second) < 0.1


def test_chinese_documents_join_the_corpus_one_section_in_fifty_and_parse_into_their_chapters(pool):
    from bench.corpus import CHINESE_SHARE, build_chinese_corpus, chinese_number

    assert [chinese_number(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]
    documents = build_chinese_corpus(10_000, pool)
    assert sum(document.sections for document in documents) == 10_000 // CHINESE_SHARE
    parsed = ingest.parse(documents[0].text.encode(), documents[0].file_name)
    assert count_sections(parsed.sections) == documents[0].sections and parsed.title == documents[0].title
