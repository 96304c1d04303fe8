"""What the search engine knows about the archive: one index of documents, one of sections.

Documents decide what matches, how it ranks and the facets (there are far fewer documents than
sections); sections only say where in the documents on a results page the words are, so a section
carries its text and its document's id, nothing more. Full texts are indexed, not stored: snippets
are built from the database. Only public documents are indexed: published, and the canonical
capture of their work; sections of every published document, so that search within works on another
capture's page too (the archive's search asks only for the sections of the documents it found).
"""

import hashlib
import json

from haystack import indexes

from archive.models import Document, Section
from archive.search.analysis import ANALYSIS_VERSION
from archive.selectors import document_text, searchable_documents, searchable_sections


def fingerprint(prepared: dict) -> str:
    """A short hash of everything an entry indexes, and of the analysis that makes its terms: ``check_index``
    compares it to find stale entries."""
    payload = json.dumps([ANALYSIS_VERSION, prepared], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(payload.encode(), digest_size=12).hexdigest()


class DocumentIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, stored=False)
    title = indexes.CharField(model_attr="title", boost=2.0, stored=False)
    authors = indexes.MultiValueField(faceted=True, stored=False)
    publisher = indexes.CharField(model_attr="publisher", faceted=True, stored=False)
    kind = indexes.CharField(model_attr="kind", faceted=True, stored=False)
    language = indexes.CharField(model_attr="language", faceted=True, stored=False)
    year = indexes.IntegerField(null=True, stored=False)
    year_exact = indexes.FacetCharField(null=True)
    decade = indexes.FacetCharField(null=True)
    date = indexes.DateField(model_attr="date", null=True, stored=False)
    # The same words unstemmed, for "did you mean" (archive/search/spelling.py).
    spelling = indexes.CharField(stored=False, indexed=True, null=True)
    fingerprint = indexes.CharField(indexed=False, null=True)

    def get_model(self):
        return Document

    def prepare(self, obj: Document) -> dict:
        data = super().prepare(obj)
        data["spelling"] = data["text"]
        return data

    def full_prepare(self, obj: Document) -> dict:
        data = super().full_prepare(obj)
        data["fingerprint"] = fingerprint(data)
        return data

    def index_queryset(self, using=None):
        return searchable_documents()

    def prepare_text(self, obj: Document) -> str:
        """Everything a researcher may search a document by: its metadata, then its text with its headings.

        Dates are spelled as words too, so "16 May 2024" and "January 2017" match.
        """
        metadata = [obj.title, obj.subtitle, ", ".join(obj.authors), obj.publisher, obj.issuer]
        metadata.append(f"{obj.date_display} {obj.date_iso}")
        return "\n".join(metadata + [document_text(obj)])

    def prepare_authors(self, obj: Document) -> list[str]:
        # Commas separate the values of a multi-valued field: keep them out of a name.
        return [name.replace(",", " ") for name in obj.authors]

    def prepare_year(self, obj: Document) -> int | None:
        return obj.date.year if obj.date else None

    def prepare_year_exact(self, obj: Document) -> str | None:
        return str(obj.date.year) if obj.date else None

    def prepare_decade(self, obj: Document) -> str | None:
        return f"{obj.date.year // 10 * 10}s" if obj.date else None


class SectionIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, stored=False)
    document_id = indexes.IntegerField(model_attr="document_id")
    fingerprint = indexes.CharField(indexed=False, null=True)

    def get_model(self):
        return Section

    def index_queryset(self, using=None):
        return searchable_sections()

    def prepare_text(self, obj: Section) -> str:
        return f"{obj.label} {obj.heading}\n{obj.text}"

    def full_prepare(self, obj: Section) -> dict:
        data = super().full_prepare(obj)
        data["fingerprint"] = fingerprint(data)
        return data
