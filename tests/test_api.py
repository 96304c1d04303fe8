"""The JSON API researchers script against: its shape is a contract."""


def test_search_api_shape(client, seeded):
    data = client.get("/api/search", {"q": '"Concept of Common, Comprehensive"'}).json()
    assert data["count"] == 1 and data["page"] == 1
    result = data["results"][0]
    assert set(result["document"]) >= {"id", "title", "kind", "publisher", "authors", "date", "url"}
    assert result["document"]["date"] == "2017-01"
    section = result["sections"][0]
    assert set(section) >= {"label", "heading", "anchor", "url", "snippet"}
    assert section["url"].endswith("#ii-1")
    assert section["label"] == "1"


def test_search_api_bad_query_is_400_with_error(client, seeded):
    response = client.get("/api/search", {"q": "(((("})
    assert response.status_code == 400
    assert response.json()["error"]


def test_document_api_returns_metadata_and_tree(client, seeded):
    document = seeded["003"].document
    data = client.get(f"/api/documents/{document.pk}").json()
    assert data["title"] == "China's Policies on Asia-Pacific Security Cooperation"
    assert data["date"] == "2017-01"
    assert data["complete"] is False
    assert {"label": "", "heading": "Conclusion"} in data["missing"]
    chapter_two = next(section for section in data["sections"] if section["label"] == "II")
    assert chapter_two["printed_label"] == "II."  # as the document prints it; the label stays bare
    assert [child["label"] for child in chapter_two["children"]] == ["1", "2"]
    assert chapter_two["children"][0]["text"].startswith("At the Fourth Summit")


def test_document_api_hides_drafts(client, fresh_seeded):
    document = fresh_seeded["002"].document
    document.status = "draft"
    document.save()
    assert client.get(f"/api/documents/{document.pk}").status_code == 404


def test_document_search_api_lists_matching_sections_with_hits(client, seeded):
    document = seeded["003"].document
    data = client.get(f"/api/documents/{document.pk}/search", {"q": "security framework"}).json()
    assert [section["anchor"] for section in data["sections"]] == ["i", "ii-2"]
    section = data["sections"][1]
    assert set(section) == {"label", "printed_label", "heading", "anchor", "url", "hits", "more_hits", "snippet"}
    assert (section["label"], section["printed_label"]) == ("2", "2.") and not section["more_hits"]
    assert section["url"] == f"/documents/{document.pk}/#ii-2"
    assert "<mark>" in section["snippet"]
    assert data["count"] == sum(section["hits"] for section in data["sections"])
    assert (data["total_sections"], data["page"], data["pages"], data["next"], data["previous"]) == (2, 1, 1, None, None)


def test_document_search_api_pages_matching_sections_by_next_until_a_404(client, seeded, monkeypatch):
    from archive.search import within

    document = seeded["003"].document
    address = f"/api/documents/{document.pk}/search"
    whole = client.get(address, {"q": "security"}).json()
    monkeypatch.setattr(within, "SECTIONS_PER_PAGE", 2)
    visited, data = [], client.get(address, {"q": "security"}).json()
    while True:
        visited += [section["anchor"] for section in data["sections"]]
        if data["next"] is None:
            break
        data = client.get(data["next"]).json()
    assert visited == [section["anchor"] for section in whole["sections"]] and data["page"] == data["pages"] > 2
    assert client.get(data["previous"]).json()["page"] == data["pages"] - 1
    past = client.get(address, {"q": "security", "page": data["pages"] + 1})
    assert past.status_code == 404 and past.json()["last"].endswith(f"page={data['pages']}")
    assert client.get(address, {"q": "security", "page": "²"}).status_code == 400


def test_document_search_api_bad_query_is_400_and_unknown_document_404(client, fresh_seeded):
    document = fresh_seeded["003"].document
    response = client.get(f"/api/documents/{document.pk}/search", {"q": "(((("})
    assert response.status_code == 400 and response.json()["error"]
    assert client.get("/api/documents/999999/search", {"q": "security"}).status_code == 404
    draft = fresh_seeded["002"].document
    draft.status = "draft"
    draft.save()
    assert client.get(f"/api/documents/{draft.pk}/search", {"q": "security"}).status_code == 404


def test_document_search_api_escapes_hostile_text(client, seeded):
    document = seeded["003"].document
    data = client.get(f"/api/documents/{document.pk}/search", {"q": "<script>alert(1)</script> security"}).json()
    assert all("<script" not in section["snippet"] for section in data.get("sections", []))


def test_document_api_lists_related_documents(client, seeded):
    document = seeded["003"].document
    related = client.get(f"/api/documents/{document.pk}").json()["related"]
    assert related and all(set(item) == {"id", "title", "url"} for item in related)
    assert document.pk not in [item["id"] for item in related]


def test_search_api_offers_facets_filters_sort_and_page_size(client, seeded):
    data = client.get("/api/search", {"q": "China", "sort": "oldest", "per_page": 1}).json()
    assert data["per_page"] == 1 and data["sort"] == "oldest" and data["num_pages"] == data["count"]
    assert data["results"][0]["document"]["date"] == "2017-01"
    kinds = {value["value"]: value["count"] for value in data["facets"]["kind"]}
    assert sum(kinds.values()) == data["count"]
    narrowed = client.get("/api/search", {"q": "China", "kind": "white_paper"}).json()
    assert narrowed["count"] == 1 and narrowed["filters"]["kind"] == ["white_paper"]
    assert narrowed["facets"]["kind"] == [{"value": "white_paper", "label": "White paper", "count": 1, "selected": True}]
    ranged = client.get("/api/search", {"q": "China", "from": "2020", "to": "2030"}).json()
    assert [r["document"]["date"] for r in ranged["results"]] == ["2024-05-16"]


def test_search_api_marks_partial_matches_and_suggests_spellings(client, seeded):
    partial = client.get("/api/search", {"q": "Ream naval zeppelin"}).json()
    assert partial["count"] == 0 and partial["partial_count"] >= 1
    assert all(result["partial"] for result in partial["results"])
    assert client.get("/api/search", {"q": "Cambodai"}).json()["suggestion"].lower() == "cambodia"


def test_search_api_section_hits_carry_their_heading_path(client, seeded):
    data = client.get("/api/search", {"q": '"Improving the Regional Security Framework"'}).json()
    section = data["results"][0]["sections"][0]
    assert section["heading_path"] == "II › 2. Improving the Regional Security Framework"
    assert (section["label"], section["printed_label"]) == ("2", "2.")


def test_following_next_visits_every_result_once_then_stops(client, seeded):
    first = client.get("/api/search", {"q": "security", "per_page": 1}).json()
    seen, data, pages = [], first, 0
    while True:
        seen += [result["document"]["id"] for result in data["results"]]
        pages += 1
        if data["next"] is None:
            break
        assert data["next"].startswith("http://testserver/api/search?") and "q=security" in data["next"]
        data = client.get(data["next"]).json()
    whole = client.get("/api/search", {"q": "security", "per_page": 100}).json()
    assert seen == [result["document"]["id"] for result in whole["results"]] and len(seen) > 1
    assert pages == first["num_pages"] and first["previous"] is None and data["previous"] is not None


def test_a_page_past_the_last_is_a_404_naming_the_last(client, seeded):
    last = client.get("/api/search", {"q": "security"}).json()["num_pages"]
    response = client.get("/api/search", {"q": "security", "page": last + 1})
    assert response.status_code == 404
    assert f"the last page is {last}" in response.json()["error"] and f"page={last}" in response.json()["last"]
    assert client.get("/api/search", {"q": "zeppelinxyz", "page": 2}).status_code == 404
    assert client.get("/api/search", {"q": "zeppelinxyz"}).json()["results"] == []


def test_a_parameter_the_api_cannot_read_is_a_json_400(client, seeded):
    response = client.get("/api/search", {"q": "china", "per_page": "²"})
    assert response.status_code == 400 and "per_page=" in response.json()["error"]


def test_a_withdrawn_document_answers_410_with_the_reason_as_json(client, fresh_seeded):
    from archive.models import DocumentStatus
    from archive.services import document_transition

    document = fresh_seeded["002"].document
    document_transition(document=document, to=DocumentStatus.WITHDRAWN, reason="Superseded by the 2025 edition.")
    for address in (f"/api/documents/{document.pk}", f"/api/documents/{document.pk}/search?q=digital"):
        response = client.get(address)
        assert response.status_code == 410, address
        data = response.json()
        assert data["reason"] == "Superseded by the 2025 edition."
        assert data["id"] == document.pk and data["title"] == document.title
        assert data["withdrawn_at"] == document.withdrawn_at.isoformat()
        assert "Superseded by the 2025 edition." in data["error"]
