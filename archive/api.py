"""The read-only JSON API researchers script against, on Django REST framework. Its shapes are a contract,
documented in README.md and in the OpenAPI schema at /api/schema/ (archive/api_schema.py); the views build
them with archive/serializers.py and read every parameter with archive/request_params.py, as the pages do."""

from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.exceptions import APIException, NotFound, ParseError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler

from archive import api_schema
from archive.models import Document
from archive.request_params import BadParameter, page_param, query_text, search_params
from archive.search.engine import SEARCH_UNAVAILABLE, EngineUnavailable
from archive.search.query import QueryError
from archive.search.related import related_documents
from archive.search.results import search_documents
from archive.search.within import search_within
from archive.selectors import published_document, shown_capture, withdrawn_document
from archive.serializers import document_metadata, search_page_json, sections_full


class SearchUnavailable(APIException):
    status_code = 503
    default_detail = SEARCH_UNAVAILABLE


class AnyAccept(BaseContentNegotiation):
    """JSON whatever the request's Accept header says: the API never refused a client for it (DRF would, 406)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ApiView(APIView):
    """GET, and HEAD answered as GET (Django's View does so for a view with ``get``); any other method is a 405."""

    http_method_names = ["get", "head"]
    content_negotiation_class = AnyAccept


def _link(request: Request, page: int) -> str:
    """This request's address with another ?page=."""
    params = request.GET.copy()
    params["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def _past_the_last(request: Request, page: int, last: int) -> Response:
    """A page past the last: a 404 naming the last, so a client paging on always stops."""
    return Response(
        {"error": f"There is no page {page}: the last page is {last}.", "last": _link(request, last)}, status=404
    )


class Withdrawn(APIException):
    """410 Gone for a withdrawn document, with why and when, so a client can tell its reader."""

    status_code = 410

    def __init__(self, document: Document):
        super().__init__(f"Document {document.pk} was withdrawn: {document.withdrawn_reason}")
        self.document = document


def json_errors(exc, context) -> Response | None:
    """Every error the API answers as it always has, ``{"error": "..."}`` (DRF writes ``{"detail": ...}``); DRF
    has already set the 429's Retry-After and the 405's Allow. A withdrawal adds its reason and time."""
    response = exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"error": str(response.data["detail"])}
    if response is not None and isinstance(exc, Withdrawn):
        withdrawn_at = exc.document.withdrawn_at
        response.data |= {
            "id": exc.document.pk,
            "title": exc.document.title,
            "reason": exc.document.withdrawn_reason,
            "withdrawn_at": withdrawn_at.isoformat() if withdrawn_at else None,
        }
    return response


def _published(pk: int) -> Document:
    """A published document; a 410 for a withdrawn one, a 404 for any other (drafts are never answered)."""
    found = published_document(pk)
    if found is None:
        if withdrawn := withdrawn_document(pk):
            raise Withdrawn(withdrawn)
        raise NotFound(f"No published document with id {pk}.")
    return found


class Search(ApiView):
    @extend_schema(
        summary="Search the archive",
        description="One page of the ranked list of documents matching the query, grouped per work.",
        parameters=api_schema.SEARCH_PARAMETERS,
        responses={200: api_schema.SearchPage, **api_schema.ERRORS},
    )
    def get(self, request: Request) -> Response:
        try:
            params = search_params(request)
            page = search_documents(
                params.query, page=params.page, per_page=params.per_page, filters=params.filters, sort=params.sort
            )
        except (BadParameter, QueryError) as error:
            raise ParseError(str(error)) from error
        except EngineUnavailable as error:
            raise SearchUnavailable() from error
        if params.page > page.num_pages:
            return _past_the_last(request, params.page, page.num_pages)
        links = {
            "next": _link(request, page.page + 1) if page.has_next else None,
            "previous": _link(request, page.page - 1) if page.has_previous else None,
        }
        return Response(search_page_json(page) | links)


class DocumentDetail(ApiView):
    @extend_schema(
        summary="A document",
        description="Its metadata, the full tree of its sections with their text, and related documents.",
        responses={200: api_schema.Document, 404: api_schema.Error, 410: api_schema.Withdrawn, 429: api_schema.Error},
    )
    def get(self, request: Request, pk: int) -> Response:
        found = _published(pk)
        related = [
            {"id": other.pk, "title": other.title, "url": other.get_absolute_url()} for other in related_documents(found)
        ]
        # Another capture names the capture shown for its work only if that one is public: never a draft's id.
        shown = shown_capture(found)
        metadata = document_metadata(found) | {"version_of": shown.pk if shown else None}
        return Response({**metadata, "sections": sections_full(found), "related": related})


class DocumentSearch(ApiView):
    @extend_schema(
        summary="Search within a document",
        description="One page of the document's sections matching the query, in reading order, with hit counts.",
        parameters=[api_schema.QUERY, api_schema.PAGE],
        responses={200: api_schema.WithinPage, **api_schema.ERRORS, 410: api_schema.Withdrawn},
    )
    def get(self, request: Request, pk: int) -> Response:
        found = _published(pk)
        try:
            page = page_param(request)
            within = search_within(found, query_text(request), page)
        except (BadParameter, QueryError) as error:
            raise ParseError(str(error)) from error
        except EngineUnavailable as error:
            raise SearchUnavailable() from error
        if page > within.pages:
            return _past_the_last(request, page, within.pages)
        return Response(
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
                        "printed_label": match.section.printed_label,
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


class Schema(SpectacularJSONAPIView):
    """The OpenAPI 3 schema, as JSON (the views' ``extend_schema`` and archive/api_schema.py)."""

    http_method_names = ApiView.http_method_names
    content_negotiation_class = AnyAccept


class Docs(SpectacularSwaggerSplitView):
    """Swagger UI over the schema; its script is a file of its own (``?script``), as the CSP wants."""

    http_method_names = ApiView.http_method_names
    content_negotiation_class = AnyAccept
    url_name = "archive:api_schema"
    template_name = "archive/api_docs.html"


@extend_schema(exclude=True)
class NoSuchAddress(ApiView):
    """Any other address under /api/: a JSON 404 rather than the site's HTML page, pointing at the docs."""

    def get(self, request: Request, rest: str = "") -> Response:
        raise NotFound(f"The API has no address {request.path}: its addresses are listed at /api/.")
