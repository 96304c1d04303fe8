"""Search within one document, against a real Whoosh index filled through the real import path."""

import pytest

from archive.search.query import QueryError
from archive.search.within import MatchLink, search_within, sections_view
from archive.selectors import section_tree


def anchors(result) -> list[str]:
    return [match.section.anchor for match in result.sections]


def test_matching_sections_come_in_reading_order_with_their_hits(seeded):
    result = search_within(seeded["003"].document, "security framework")
    assert anchors(result) == ["i", "ii-2"]
    assert all(match.hits > 0 for match in result.sections)
    assert result.count == sum(match.hits for match in result.sections)


def test_every_occurrence_is_marked_in_the_whole_body(seeded):
    match = search_within(seeded["003"].document, "framework").sections[-1]
    body = str(match.body)
    assert body.startswith("<p>") and body.count("<p>") == len(match.section.paragraphs)
    assert body.count("<mark>") + str(match.heading).count("<mark>") == match.hits
    assert "<mark>Framework</mark>" in str(match.heading)


def test_stemmed_forms_are_marked_as_the_engine_matched_them(seeded):
    match = search_within(seeded["003"].document, "policy").sections[0]
    assert "<mark>Policies</mark>" in str(match.heading)


def test_only_this_documents_sections_match(seeded):
    article = seeded["002"].document
    result = search_within(article, "security")
    assert {match.section.document_id for match in result.sections} <= {article.pk}
    assert "ii-2" not in anchors(result)


def test_no_match_is_an_empty_result(seeded):
    result = search_within(seeded["003"].document, "zeppelin")
    assert result.sections == [] and result.count == 0


def test_an_unreadable_query_raises_a_friendly_error(seeded):
    with pytest.raises(QueryError, match="quotation mark"):
        search_within(seeded["003"].document, '"regional security')


def test_text_is_escaped_while_marked(search_index):
    from archive.services import document_import

    hostile = b"Hostile title\n\nSecurity <script>window.pwned=1</script> and <img src=x onerror=alert(1)> security.\n"
    document = document_import(raw=hostile, file_name="hostile.txt").document
    body = str(search_within(document, "security").sections[0].body)
    assert "<script>" not in body and "<img" not in body
    assert "&lt;script&gt;" in body and "<mark>security</mark>" in body


def test_the_page_pairs_sections_with_their_matches_and_neighbours(seeded):
    document = seeded["003"].document
    result = search_within(document, "security framework")
    by_anchor = {view.section.anchor: view for view in sections_view(section_tree(document), result)}
    assert by_anchor["i"].match is not None and by_anchor["i"].next == MatchLink("ii-2", 1)
    assert by_anchor["ii-2"].previous == MatchLink("i", 1) and by_anchor["ii-2"].next is None
    assert by_anchor["ii-1"].match is None


def test_the_page_lists_every_section_in_reading_order_the_tree_untouched(seeded):
    from archive.selectors import reading_order

    document = seeded["003"].document
    tree = section_tree(document)
    result = search_within(document, "security framework")
    views = sections_view(tree, result)
    assert [view.node for view in views] == reading_order(tree)
    marked = [view for view in views if view.match is not None]
    assert [view.section.anchor for view in marked] == anchors(result)
    assert [view.match for view in marked] == result.sections
    assert not hasattr(tree[0], "match")  # the section tree stays structural


def test_without_a_search_no_section_is_marked(seeded):
    tree = section_tree(seeded["003"].document)
    views = sections_view(tree, None)
    assert len(views) > 1 and all(view.match is None and view.next is None for view in views)


def test_a_section_marks_a_bounded_number_of_matches_and_says_there_are_more(seeded, monkeypatch, client):
    from archive.search import within

    monkeypatch.setattr(within, "MAX_MARKS_PER_SECTION", 2)
    document = seeded["003"].document
    result = search_within(document, "security")
    crowded = [match for match in result.sections if match.more]
    assert crowded and all(len(match.text_spans) == 2 for match in crowded)
    assert str(crowded[0].body).count("<mark>") == 2 and result.more
    page = client.get(f"/documents/{document.pk}/", {"q": "security"}).content.decode()
    assert "+ matches (the first" in page
    api = client.get(f"/api/documents/{document.pk}/search", {"q": "security"}).json()
    assert api["more_hits"] and any(section["more_hits"] for section in api["sections"])


def test_matching_sections_come_a_page_at_a_time_linked_across_pages(seeded, monkeypatch):
    from archive.search import within

    document = seeded["003"].document
    everything = anchors(search_within(document, "security"))
    assert len(everything) >= 5
    monkeypatch.setattr(within, "SECTIONS_PER_PAGE", 2)
    pages = [search_within(document, "security", page) for page in range(1, 4)]
    assert [anchor for result in pages for anchor in anchors(result)] == everything[:6]
    second = pages[1]
    assert (second.page, second.total_sections, second.first_number, second.last_number) == (2, len(everything), 3, 4)
    assert second.before == MatchLink(everything[1], 1) and second.after == MatchLink(everything[4], 3)
    views = [view for view in sections_view(section_tree(document), second) if view.match]
    assert views[0].previous == second.before and views[-1].next == second.after
    assert views[0].next == MatchLink(everything[3], 2)
    last = search_within(document, "security", 99)
    assert last.page == last.pages and last.after is None and anchors(last) == everything[(last.pages - 1) * 2 :]



def test_another_capture_of_a_work_is_searched_within_on_its_own_page(seeded, client):
    from archive.models import Document

    capture = Document.objects.get(pk=seeded["000"].document.pk)
    assert capture.version_of_id == seeded["001"].document.pk
    result = search_within(capture, "security")
    assert result.sections and {match.section.document_id for match in result.sections} == {capture.pk}
    assert "matches in" in client.get(capture.get_absolute_url(), {"q": "security"}).content.decode()
    # The archive's search still lists the work once, by its canonical capture.
    found = client.get("/api/search", {"q": "security", "per_page": 50}).json()["results"]
    listed = [result["document"]["id"] for result in found]
    assert capture.pk not in listed and seeded["001"].document.pk in listed



def _occurrences(document, word: str) -> int:
    """How often ``word`` is printed in the document's sections (headings and text), counted by hand."""
    return sum((section.heading + "\n" + section.text).count(word) for section in document.sections.all())


def test_chinese_words_are_found_and_counted_where_they_occur_in_the_report(cjk_archive, client):
    report = cjk_archive["report"]
    # As printed in the report's text (现代化 once more in its title, which is not a section).
    expected = {"台湾": 13, "共同富裕": 8, "现代化": 85, "中国式现代化": 11}
    for word, count in expected.items():
        assert _occurrences(report, word) == count
        for query in (word, f'"{word}"'):
            result = search_within(report, query)
            assert result.count == count, query
            marked = [str(match.body) + str(match.heading) for match in result.sections]
            assert sum(html.count(f"<mark>{word}</mark>") for html in marked) == count, query
        api = client.get(f"/api/documents/{report.pk}/search", {"q": word}).json()
        assert api["count"] == count and api["total_sections"] == len(search_within(report, word).sections)
    # 现代化 inside 中国式现代化 is one mark, the longer word's, when both are asked for.
    both = search_within(report, "中国式现代化 OR 现代化")
    assert both.count == 85


def test_japanese_words_in_kana_and_kanji_and_a_query_mixing_scripts(cjk_archive):
    statement = cjk_archive["japanese"]
    assert statement.language == "ja"  # kana among the Han characters
    for word in ("協力", "東南アジア", "海洋協力"):
        assert search_within(statement, word).count == _occurrences(statement, word) > 0
    mixed = search_within(statement, "ASEAN 10+1 協力")
    assert mixed.sections and all("ASEAN" in match.section.text for match in mixed.sections)
