"""The read-only JSON API researchers script against. Its shapes are documented in README.md."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from archive.search.results import MAX_PER_PAGE, PER_PAGE, search_documents
from archive.search.facets import SearchFilters
from archive.search.query import QueryError
from archive.search.related import related_documents
from archive.search.within import search_within
from archive.selectors import published_document
from archive.serializers import document_metadata, search_page_json, sections_full
from archive.request_params import page_number, query_text


@require_GET
def search(request: HttpRequest) -> JsonResponse:
    try:
        page = search_documents(
            query_text(request),
            page=page_number(request),
            per_page=_per_page(request),
            filters=SearchFilters.from_params(request.GET),
            sort=request.GET.get("sort", "relevance"),
        )
    except QueryError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse(search_page_json(page))


def _per_page(request: HttpRequest) -> int:
    raw = request.GET.get("per_page", "")
    return min(int(raw), MAX_PER_PAGE) if raw.isdigit() and int(raw) > 0 else PER_PAGE


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
        within = search_within(found, query_text(request))
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
                    "snippet": str(match.snippet),
                }
                for match in within.sections
            ],
        }
    )
