"""Atom feeds of the archive (its newest documents) and of a search, by Django's syndication framework."""

from datetime import datetime, time, timezone

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive.models import Document
from archive.selectors import public_documents

FEED_ITEMS = 50


class ArchiveFeed(Feed):
    """The documents most recently added to the archive, newest first (published ones only)."""

    feed_type = Atom1Feed
    title = "Policy Archive: new documents"
    subtitle = "Documents newly added to the Policy Archive."

    def link(self) -> str:
        return reverse("archive:home")

    def items(self) -> list[Document]:
        return list(public_documents().order_by("-created_at", "-pk")[:FEED_ITEMS])

    def item_title(self, document: Document) -> str:
        return document.title

    def item_description(self, document: Document) -> str:
        kind = document.get_kind_display()
        return " · ".join(part for part in (document.subtitle, kind, document.publisher, document.date_display) if part)

    def item_author_name(self, document: Document) -> str:
        return ", ".join(document.authors) or document.issuer or document.publisher

    def item_pubdate(self, document: Document) -> datetime:
        """The publication date where known (midnight UTC), else when the document entered the archive."""
        if document.date:
            return datetime.combine(document.date, time(), tzinfo=timezone.utc)
        return document.created_at

    def item_updateddate(self, document: Document) -> datetime:
        return document.updated_at


class SearchFeed(ArchiveFeed):
    """A search's first matches, in its order: a researcher follows a query in a feed reader."""

    def __init__(self, query: str, documents: list[Document], address: str):
        super().__init__()
        self.query, self.documents, self.address = query, documents, address

    def title(self) -> str:
        return f"Policy Archive: {self.query}"

    def subtitle(self) -> str:
        return f"Documents matching {self.query} in the Policy Archive."

    def link(self) -> str:
        return self.address

    def items(self) -> list[Document]:
        return self.documents
