"""The read-only JSON API researchers script against. Its shapes are documented in README.md."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from archive.search.documents import search_documents
from archive.search.query import QueryError
from archive.search.related import related_documents
from archive.search.within import search_within, section_snippet
from archive.selectors import published_document
from archive.serializers import document_metadata, sections_full
from archive.views import page_number


@require_GET
def search(request: HttpRequest) -> JsonResponse:
    try:
        page = search_documents(request.GET.get("q", ""), page=page_number(request))
    except QueryError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse(
        {
            "count": page.count,
            "page": page.page,
            "num_pages": page.num_pages,
            "results": [
                {
                    "document": {
                        "id": hit.document.pk,
                        "title": hit.document.title,
                        "kind": hit.document.kind,
                        "publisher": hit.document.publisher,
                        "authors": list(hit.document.authors),
                        "date": hit.document.date_iso or None,
                        "url": hit.document.get_absolute_url(),
                    },
                    "sections": [
                        {
                            "label": section_hit.section.label,
                            "heading": section_hit.section.heading,
                            "anchor": section_hit.section.anchor,
                            "url": f"{hit.document.get_absolute_url()}#{section_hit.section.anchor}",
                            "snippet": str(section_hit.snippet),
                        }
                        for section_hit in hit.sections
                    ],
                    "more_sections": hit.more_sections,
                }
                for hit in page.results
            ],
        }
    )


@require_GET
def document(request: HttpRequest, pk: int) -> JsonResponse:
    found = published_document(pk)
    if found is None:
        return JsonResponse({"error": f"No published document with id {pk}."}, status=404)
    related = [
        {"id": other.pk, "title": other.title, "url": other.get_absolute_url()} for other in related_documents(found)
    ]
    return JsonResponse({**document_metadata(found), "sections": sections_full(found), "related": related})


@require_GET
def document_search(request: HttpRequest, pk: int) -> JsonResponse:
    """The document's sections matching a query, in reading order, with their hit counts."""
    found = published_document(pk)
    if found is None:
        return JsonResponse({"error": f"No published document with id {pk}."}, status=404)
    try:
        within = search_within(found, request.GET.get("q", ""))
    except QueryError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse(
        {
            "count": within.count,
            "sections": [
                {
                    "label": match.section.label,
                    "heading": match.section.heading,
                    "anchor": match.section.anchor,
                    "url": f"{found.get_absolute_url()}#{match.section.anchor}",
                    "hits": match.hits,
                    "snippet": str(section_snippet(match, within.terms)),
                }
                for match in within.sections
            ],
        }
    )
