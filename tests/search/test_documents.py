"""Search against a real Whoosh index, filled through the real import path."""

import pytest

from archive.models import Document, DocumentStatus
from archive import services
from archive.search.results import search_documents
from archive.search.query import QueryError


def titles(page) -> list[str]:
    return [hit.document.title for hit in page.results]


def test_phrase_finds_the_white_paper_subsection_and_links_its_anchor(seeded):
    page = search_documents('"common, comprehensive, cooperative and sustainable security"')
    white_paper = seeded["003"].document
    hit = next(hit for hit in page.results if hit.document.pk == white_paper.pk)
    anchors = [section_hit.section.anchor for section_hit in hit.sections]
    assert "ii-1" in anchors
    assert "<mark>" in str(hit.sections[anchors.index("ii-1")].snippet)


def test_phrase_matches_only_the_exact_wording(seeded):
    page = search_documents('"sovereign states directly concerned"')
    assert titles(page) == ["To align security interests, China and Asean must close trust gaps"]
    # The white paper says "sovereign states directly involved": words alone find it, the phrase does not.
    words = search_documents("sovereign states directly")
    assert words.count == 2
    assert [hit.partial for hit in words.results[:2]] == [False, False]


def test_us_and_may_are_searchable(seeded):
    assert "No digital strings attached" in titles(search_documents("US"))
    may = search_documents("May 2014")
    assert "China's Policies on Asia-Pacific Security Cooperation" in titles(may)


def test_versions_of_one_work_appear_once(seeded):
    page = search_documents("Ream naval base")
    assert page.count == 1
    assert page.results[0].document.pk == seeded["001"].document.pk


def test_boolean_operators(seeded):
    assert page_count("Cambodia AND digital") == 0
    assert page_count("Cambodia OR digital") == 2
    assert titles(search_documents("security NOT Cambodia")) == ["China's Policies on Asia-Pacific Security Cooperation"]


def page_count(query: str) -> int:
    return search_documents(query).count


def test_author_field_search(seeded):
    assert titles(search_documents("author:Chuanying")) == ["No digital strings attached"]


def test_drafts_are_hidden_from_search(fresh_seeded):
    document = fresh_seeded["002"].document
    document.status = DocumentStatus.DRAFT
    services.document_save(document=document, changed_fields=["status"])
    assert "No digital strings attached" not in titles(search_documents("digital"))
    assert search_documents("Chuanying").count == 0


def test_deleted_document_leaves_the_index(fresh_seeded):
    services.document_delete(document=Document.objects.get(pk=fresh_seeded["003"].document.pk))
    assert search_documents('"Improving the Regional Security Framework"').count == 0


def test_debris_is_not_searchable(seeded):
    for debris in ["Daily8", '"Related Articles"', '"cybercrime campaign"', "京ICP备13028878号", '"Print Mail"']:
        assert search_documents(debris).count == 0, debris


def test_malformed_query_raises_query_error(seeded):
    with pytest.raises(QueryError):
        search_documents('"unbalanced')


def test_page_beyond_the_last_shows_the_last(seeded):
    page = search_documents("China", page=99)
    assert page.page == page.num_pages
    assert page.results


def test_dotted_acronyms_and_joined_numbers_are_searchable(search_index):
    from archive.services import document_import

    text = b"ASEAN 10+1 talks\n\nThe U.S. joined the ASEAN 10+1 format talks in May, said a diplomat.\n"
    document_import(raw=text, file_name="acronyms.txt")
    for query in ["U.S.", "US", "10+1", '"10+1 format"', "May"]:
        assert search_documents(query).count == 1, query
    assert search_documents("10+2").count == 0


def test_results_are_paginated_ten_documents_a_page(search_index, client):
    from archive.services import document_import

    for number in range(12):
        body = f"Briefing number {number} on maritime cooperation.\n\nMaritime text {number} " + "word " * number
        document_import(raw=f"Briefing {number}\n\n{body}\n".encode(), file_name=f"b{number}.txt")
    first, second = search_documents("maritime"), search_documents("maritime", page=2)
    assert (first.count, first.num_pages, len(first.results), len(second.results)) == (12, 2, 10, 2)
    assert not {hit.document.pk for hit in first.results} & {hit.document.pk for hit in second.results}
    page = client.get("/search/", {"q": "maritime", "page": 2}).content.decode()
    assert "Page 2 of 2" in page and 'rel="prev"' in page


def test_documents_with_some_of_the_words_follow_when_none_has_all(seeded):
    page = search_documents("Ream naval zeppelin")
    assert page.count == 0
    assert page.results and all(hit.partial for hit in page.results)
    assert page.results[0].document.pk == seeded["001"].document.pk
    assert page.partial_count == len(page.results)


def test_operators_and_phrases_are_never_loosened(seeded):
    for query in ['"Ream naval zeppelin"', "Ream AND zeppelin", "title:zeppelin naval"]:
        assert search_documents(query).results == [], query


def test_section_hits_show_where_they_sit_in_the_document(seeded):
    page = search_documents('"Concept of Common, Comprehensive"')
    paths = [section_hit.heading_path for section_hit in page.results[0].sections]
    assert any(path.startswith("II › 1. Concept of Common, Comprehensive") for path in paths)


def test_hyphenated_words_and_brackets_still_get_partial_matches(seeded):
    page = search_documents("(Ream naval) Asia-Pacific zeppelin")
    assert page.count == 0 and page.results and all(hit.partial for hit in page.results)


def test_excluded_words_stay_excluded_from_partial_matches(seeded):
    ream_article = seeded["001"].document.pk
    excluding = search_documents("Ream naval zeppelin -Cambodia")
    assert excluding.count == 0 and ream_article not in [hit.document.pk for hit in excluding.results]
    assert search_documents("Ream naval zeppelin -digital").results[0].document.pk == ream_article


def test_a_document_shows_three_section_hits_and_counts_the_rest(search_index):
    from archive.services import document_import

    chapters = "\n\n".join(
        f"## {roman}. Chapter {roman}\n\nPatrols near Natuna, part {roman}, with notes on {topic}."
        for roman, topic in zip(["I", "II", "III", "IV", "V"], ["fishing", "weather", "ports", "cables", "law"])
    )
    document_import(raw=f"# Natuna papers\n\n{chapters}\n".encode(), file_name="natuna.md")
    hit = search_documents("Natuna").results[0]
    assert (len(hit.sections), hit.more_sections) == (3, 2)


def test_a_results_page_reads_the_database_twice_whatever_it_shows(seeded, django_assert_num_queries):
    # The page's documents (with every word or some, in one ranked list), then the shown sections with two
    # levels of parents.
    with django_assert_num_queries(2):
        page = search_documents("security cooperation")
        paths = [section_hit.heading_path for hit in page.results for section_hit in hit.sections]
    assert any(" › " in path for path in paths)  # subsections under their chapter, no query more


def test_a_phrase_is_marked_whole_in_snippets(seeded):
    page = search_documents('"sovereign states directly concerned"')
    snippets = [str(section_hit.snippet) for hit in page.results for section_hit in hit.sections]
    assert any("<mark>sovereign states directly concerned</mark>" in snippet for snippet in snippets)


def _import_texts(texts: dict[str, str]) -> dict[str, int]:
    from archive.services import document_import

    return {
        name: document_import(raw=f"{name}\n\n{text}\n".encode(), file_name=f"{name}.txt").document.pk
        for name, text in texts.items()
    }


def test_a_rare_word_outranks_more_of_the_common_ones(search_index):
    # Six notes mention harbours and dredging; one is about Ream. Counting words would put the six first.
    ids = _import_texts(
        {f"Harbour note {n}": f"Harbour works and dredging schedules, issue {n}, with tide tables." for n in range(6)}
        | {"Ream report": "Ream is a naval base. The Ream pier was rebuilt; Ream lies on the gulf."}
    )
    page = search_documents("harbour dredging Ream")
    assert page.results[0].document.pk == ids["Ream report"]
    assert (page.count, page.partial_count) == (0, 7)  # no document has all three words; all seven have some
    assert all(hit.partial for hit in page.results)


def test_documents_with_every_word_are_counted_and_those_without_marked(search_index):
    ids = _import_texts(
        {
            "Both": "Maritime security in the gulf, and security again.",
            "Maritime only": "Maritime trade routes and maritime law.",
            "Neither": "Fisheries quotas.",
        }
    )
    page = search_documents("maritime security")
    assert (page.count, page.partial_count) == (1, 1)
    assert [(hit.document.pk, hit.partial) for hit in page.results] == [(ids["Both"], False), (ids["Maritime only"], True)]


def test_every_result_is_reachable_page_by_page(seeded):
    whole = [hit.document.pk for hit in search_documents("Ream naval zeppelin security", per_page=100).results]
    paged, page_number = [], 1
    while True:
        page = search_documents("Ream naval zeppelin security", page=page_number, per_page=1)
        paged += [hit.document.pk for hit in page.results]
        if not page.has_next:
            break
        page_number += 1
    assert len(whole) > 1 and paged == whole
    assert page.num_pages == page.count + page.partial_count == len(whole)


def test_a_question_pasted_in_prose_is_searched_whole(seeded):
    question = (
        "What does China propose (in its white paper on the Asia-Pacific for security cooperation between the "
        'regional powers? I would like its "new security concept explained'
    )
    page = search_documents(question)
    assert page.results[0].document.pk == seeded["003"].document.pk


def test_a_record_with_only_a_title_is_found_by_its_title(search_index):
    from archive.services import document_import

    outcome = document_import(raw=b"Algorithm 97: Shortest Path\n", file_name="record.txt")
    assert outcome.status == "imported" and "only a title was found" in " ".join(outcome.warnings)
    assert [hit.document.pk for hit in search_documents("shortest path algorithm").results] == [outcome.document.pk]


def test_chinese_and_japanese_words_find_their_documents_and_suggest_no_english(cjk_archive):
    report, statement = cjk_archive["report"], cjk_archive["japanese"]
    for word in ("台湾", "共同富裕", "现代化", "中国式现代化", '"中国式现代化"'):
        page = search_documents(word)
        assert [hit.document.pk for hit in page.results] == [report.pk] and page.suggestion == "", word
    # Where the matches sit, with the labels as the report prints them.
    paths = [section.heading_path for section in search_documents("台湾").results[0].sections]
    assert "十三、坚持和完善“一国两制”，推进祖国统一" in paths
    assert [hit.document.pk for hit in search_documents("東南アジア 協力").results] == [statement.pk]
    assert [hit.document.pk for hit in search_documents("ASEAN 10+1 協力").results] == [statement.pk]
    # Words never written together are not found: the pairs of a word must stand in a row.
    assert search_documents("台湾富裕").count == 0 and search_documents("台湾富裕").suggestion == ""
