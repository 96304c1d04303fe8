"""Feeds, the sitemap and the OpenSearch description: what feed readers, crawlers and browsers read."""

import xml.etree.ElementTree as ET

from archive.models import DocumentStatus

ATOM = "{http://www.w3.org/2005/Atom}"


def atom_links(client, address, params=None):
    response = client.get(address, params or {})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return feed, [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")]


def test_archive_feed_lists_the_public_documents(client, seeded):
    feed, links = atom_links(client, "/feed.atom")
    assert feed.find(f"{ATOM}title").text == "Policy Archive: new documents"
    for prefix in ("001", "002", "003"):
        assert f"http://testserver{seeded[prefix].document.get_absolute_url()}" in links
    entry = next(e for e in feed.iter(f"{ATOM}entry") if e.find(f"{ATOM}title").text == seeded["002"].document.title)
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Lu Chuanying"


def test_search_feed_follows_a_search(client, seeded):
    feed, links = atom_links(client, "/search/feed.atom", {"q": "China", "kind": "white_paper"})
    assert links == [f"http://testserver{seeded['003'].document.get_absolute_url()}"]
    assert feed.find(f"{ATOM}title").text == "Policy Archive: China"
    assert client.get("/search/feed.atom", {"q": ""}).status_code == 400
    assert client.get("/search/feed.atom", {"q": "China", "year": "20x7"}).status_code in (200, 400)


def test_drafts_never_reach_feeds_or_the_sitemap(client, fresh_seeded):
    draft = fresh_seeded["002"].document
    type(draft).objects.filter(pk=draft.pk).update(status=DocumentStatus.DRAFT)  # the index still holds it
    shown = f"http://testserver{draft.get_absolute_url()}"
    assert shown not in atom_links(client, "/feed.atom")[1]
    assert shown not in atom_links(client, "/search/feed.atom", {"q": "China digital"})[1]
    assert shown not in sitemap_locations(client)


def sitemap_locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{namespace}loc")]


def test_sitemap_lists_every_public_document_and_the_listing_pages(client, seeded):
    locations = sitemap_locations(client)
    for prefix in ("001", "002", "003"):
        assert f"http://testserver{seeded[prefix].document.get_absolute_url()}" in locations
    assert f"http://testserver{seeded['000'].document.get_absolute_url()}" not in locations  # another capture
    assert "http://testserver/" in locations and "http://testserver/search/help/" in locations


def test_opensearch_description_names_the_search_and_its_feed(client, seeded):
    response = client.get("/opensearch.xml")
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    description = ET.fromstring(response.content)
    namespace = "{http://a9.com/-/spec/opensearch/1.1/}"
    templates = {url.get("type"): url.get("template") for url in description.iter(f"{namespace}Url")}
    assert templates["text/html"] == "http://testserver/search/?q={searchTerms}"
    assert templates["application/atom+xml"] == "http://testserver/search/feed.atom?q={searchTerms}"
    assert 'href="/opensearch.xml"' in client.get("/").content.decode()


def test_the_feeds_are_well_formed_atom_as_a_feed_reader_reads_them(client, seeded):
    import feedparser

    for address, params in (("/feed.atom", {}), ("/search/feed.atom", {"q": "security"})):
        parsed = feedparser.parse(client.get(address, params).content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == "atom10" and parsed.entries
        for entry in parsed.entries:
            assert entry.title and entry.link.startswith("http://testserver/documents/") and entry.updated_parsed


def test_a_withdrawn_document_leaves_the_feed_and_the_sitemap(client, fresh_seeded):
    from archive.services import document_transition

    document = fresh_seeded["002"].document
    document_transition(document=document, to=DocumentStatus.WITHDRAWN, reason="Withdrawn at the author's request.")
    _, links = atom_links(client, "/feed.atom")
    assert f"http://testserver{document.get_absolute_url()}" not in links
    assert document.get_absolute_url() not in client.get("/sitemap.xml").content.decode()
