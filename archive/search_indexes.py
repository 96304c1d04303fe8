"""What the search engine knows about the archive: one index of documents, one of sections.

Whoosh highlights only the ``document=True`` field, so section-level snippets and section hits need
their own index; the document's filter fields are copied onto each section.
Only public documents are indexed: published, and the canonical capture of their work.
"""

from haystack import indexes

from archive.models import Document, Section
from archive.selectors import public_documents


class DocumentIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, use_template=True)
    title = indexes.CharField(model_attr="title", boost=2.0)
    authors = indexes.MultiValueField()
    publisher = indexes.CharField(model_attr="publisher", faceted=True)
    kind = indexes.CharField(model_attr="kind", faceted=True)
    year = indexes.IntegerField(null=True)
    date = indexes.DateField(model_attr="date", null=True)

    def get_model(self):
        return Document

    def index_queryset(self, using=None):
        return public_documents().prefetch_related("sections")

    def prepare_authors(self, obj: Document) -> list[str]:
        return list(obj.authors)

    def prepare_year(self, obj: Document) -> int | None:
        return obj.date.year if obj.date else None


class SectionIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, use_template=True)
    document_id = indexes.IntegerField(model_attr="document_id")
    publisher = indexes.CharField(model_attr="document__publisher", faceted=True)
    kind = indexes.CharField(model_attr="document__kind", faceted=True)
    year = indexes.IntegerField(null=True)
    date = indexes.DateField(model_attr="document__date", null=True)

    def get_model(self):
        return Section

    def index_queryset(self, using=None):
        return Section.objects.filter(document__in=public_documents(), captured=True).select_related("document")

    def prepare_year(self, obj: Section) -> int | None:
        return obj.document.date.year if obj.document.date else None
