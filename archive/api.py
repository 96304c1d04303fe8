"""The read-only JSON API researchers script against. Its shapes are documented in README.md."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from archive.search.engine import SEARCH_UNAVAILABLE, EngineUnavailable
from archive.search.query import QueryError
from archive.search.related import related_documents
from archive.search.within import search_within
from archive.selectors import published_document
from archive.serializers import document_metadata, search_page_json, sections_full
from archive.request_params import BadParameter, page_param, query_text, search_params
from archive.search.results import search_documents


@require_safe
def search(request: HttpRequest) -> JsonResponse:
    """One page of the ranked list; a page past the last is a 404, so a client paging until ``next`` is null
    (or until a 404) always stops."""
    try:
        params = search_params(request)
        page = search_documents(
            params.query, page=params.page, per_page=params.per_page, filters=params.filters, sort=params.sort
        )
    except (BadParameter, QueryError) as error:
        return JsonResponse({"error": str(error)}, status=400)
    except EngineUnavailable:
        return _unavailable()
    if params.page > page.num_pages:
        return JsonResponse(
            {"error": f"There is no page {params.page}: the last page is {page.num_pages}.", "last": _link(request, page.num_pages)},
            status=404,
        )
    links = {
        "next": _link(request, page.page + 1) if page.has_next else None,
        "previous": _link(request, page.page - 1) if page.has_previous else None,
    }
    return JsonResponse(search_page_json(page) | links)


def _unavailable() -> JsonResponse:
    return JsonResponse({"error": SEARCH_UNAVAILABLE}, status=503)


def _link(request: HttpRequest, page: int) -> str:
    """This request's address with another ?page=."""
    params = request.GET.copy()
    params["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


@require_safe
def document(request: HttpRequest, pk: int) -> JsonResponse:
    found = published_document(pk)
    if found is None:
        return JsonResponse({"error": f"No published document with id {pk}."}, status=404)
    related = [
        {"id": other.pk, "title": other.title, "url": other.get_absolute_url()} for other in related_documents(found)
    ]
    return JsonResponse({**document_metadata(found), "sections": sections_full(found), "related": related})


@require_safe
def document_search(request: HttpRequest, pk: int) -> JsonResponse:
    """One page of the document's sections matching a query, in reading order, with their hit counts; paged as
    the search is (a page past the last is a 404)."""
    found = published_document(pk)
    if found is None:
        return JsonResponse({"error": f"No published document with id {pk}."}, status=404)
    try:
        page = page_param(request)
        within = search_within(found, query_text(request), page)
    except (BadParameter, QueryError) as error:
        return JsonResponse({"error": str(error)}, status=400)
    except EngineUnavailable:
        return _unavailable()
    if page > within.pages:
        return JsonResponse(
            {"error": f"There is no page {page}: the last page is {within.pages}.", "last": _link(request, within.pages)},
            status=404,
        )
    return JsonResponse(
        {
            "count": within.count,
            "more_hits": within.more,
            "total_sections": within.total_sections,
            "page": within.page,
            "pages": within.pages,
            "next": _link(request, within.page + 1) if within.after else None,
            "previous": _link(request, within.page - 1) if within.before else None,
            "sections": [
                {
                    "label": match.section.label,
                    "heading": match.section.heading,
                    "anchor": match.section.anchor,
                    "url": f"{found.get_absolute_url()}#{match.section.anchor}",
                    "hits": match.hits,
                    "more_hits": match.more,
                    "snippet": str(match.snippet),
                }
                for match in within.sections
            ],
        }
    )
