"""sitemap.xml: every public document's page (drafts and other captures never), and the pages that list them."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from archive.selectors import public_documents


class DocumentSitemap(Sitemap):
    limit = 10_000  # Django splits a larger archive into numbered pages, under the protocol's 50,000

    def items(self):
        return public_documents().order_by("pk").only("pk", "updated_at")

    def lastmod(self, document):
        return document.updated_at


class PageSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["archive:home", "archive:document_list", "archive:search_help"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {"documents": DocumentSitemap, "pages": PageSitemap}
