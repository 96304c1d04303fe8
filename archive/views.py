"""Pages a researcher reads, searches and cites. Thin: selectors and the search layer do the work."""

from urllib.parse import quote_plus, urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from archive.diff import word_diff
from archive.models import DocumentKind
from archive.request_params import (
    BadParameter,
    browse_params,
    compare_params,
    page_param,
    query_text,
    search_params,
)
from archive.sanitize import diff_html, diff_side_html
from archive.search.results import SORT_LABELS, search_documents
from archive.search.engine import SEARCH_UNAVAILABLE, EngineUnavailable
from archive.search.query import QueryError
from archive.search.related import related_documents
from archive.search.within import search_within, sections_view
from archive.selectors import (
    BROWSE_SORTS,
    BrowseFilters,
    archive_totals,
    browse_choices,
    browse_documents,
    document_text,
    document_versions,
    published_document,
    recent_documents,
    section_tree,
    shared_work,
    work_drafts,
)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "archive/home.html",
        {"totals": archive_totals(), "recent": recent_documents(), "choices": browse_choices()},
    )


@require_safe
def document_list(request: HttpRequest) -> HttpResponse:
    try:
        params = browse_params(request)
    except BadParameter as error:
        return bad_request(request, error)
    filters = BrowseFilters(
        kind=params["kind"], publisher=params["publisher"], year=params["year"], sort=params["sort"] or "newest"
    )
    paginator = Paginator(browse_documents(filters), 20)
    return render(
        request,
        "archive/document_list.html",
        {
            "page": paginator.get_page(params["page"] or 1),
            "filters": filters,
            "choices": browse_choices(),
            "kind_labels": dict(DocumentKind.choices),
            "sorts": BROWSE_SORTS,
        },
    )


@require_safe
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = published_document(pk)
    if document is None:
        raise Http404("No such document")
    canonical = document.version_of
    within_query, within, within_error = query_text(request), None, ""
    status = 200
    if within_query.strip():
        try:
            within = search_within(document, within_query, page_param(request))
        except (BadParameter, QueryError) as error:
            within_error, status = str(error), 400
        except EngineUnavailable:
            within_error, status = SEARCH_UNAVAILABLE, 503
    # Rendered flat, in one loop: each node says how many levels close after it.
    sections = sections_view(section_tree(document), within)
    return render(
        request,
        "archive/document_detail.html",
        {
            "document": document,
            "sections": sections,
            "missing_sections": sum(1 for node in sections if not node.section.captured),
            "canonical": canonical,
            "versions": document_versions(canonical or document),
            "drafts": [draft for draft in work_drafts(document) if draft.pk != (canonical or document).pk],
            "within_query": within_query,
            "within": within,
            "within_error": within_error,
            "related": related_documents(document),
        },
        status=status,
    )


@require_safe
def document_compare(request: HttpRequest, pk: int, other_pk: int) -> HttpResponse:
    """Word-level differences between two captures of one text, or two drafts of one work."""
    document, other = published_document(pk), published_document(other_pk)
    relation = shared_work(document, other) if document and other else ""
    if not relation:
        raise Http404("These are not two captures or drafts of one work")
    try:
        params = compare_params(request)
    except BadParameter as error:
        return bad_request(request, error)
    if relation == "drafts" and document.date and other.date and other.date > document.date:
        document, other = other, document  # drafts read forward in time: what the later one changed
    diff = word_diff(document_text(other), document_text(document), exact=params["exact"])
    side = params["view"] == "side"
    return render(
        request,
        "archive/document_compare.html",
        {
            "document": document,
            "other": other,
            "relation": relation,
            "compared": [(other, "del"), (document, "ins")],
            "diff": diff,
            "exact": params["exact"],
            "view": params["view"],
            "diff_html": None if side else diff_html(diff.pieces),
            "diff_rows": diff_side_html(diff.pieces) if side else None,
        },
    )


@require_safe
def document_source(request: HttpRequest, pk: int) -> HttpResponse:
    """The raw file exactly as imported, offered as a download for provenance (never rendered)."""
    document = published_document(pk)
    if document is None or not hasattr(document, "source"):
        raise Http404("No such document")
    source = document.source
    response = HttpResponse(bytes(source.raw), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{_ascii_name(source.file_name)}"'
    return response


def _ascii_name(name: str) -> str:
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._-") else "_" for ch in name) or "source.txt"


@require_safe
def search_help(request: HttpRequest) -> HttpResponse:
    """How to search: every element of the query language, each with an example that runs."""
    return render(request, "archive/search_help.html", {"kinds": DocumentKind.choices})


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    try:
        params = search_params(request)
    except BadParameter as error:
        return bad_request(request, error)
    query, filters, sort = params.query, params.filters, params.sort
    context = {
        "query": query,
        "results": None,
        "error": "",
        "filters": filters,
        "sort": sort,
        "sorts": SORT_LABELS,
        # What links on the page keep: the query and the sort (facet links add their own filters).
        "keep": urlencode([("q", query), ("sort", sort)]),
        "query_param": quote_plus(query),
        "keep_all": urlencode([("q", query), ("sort", sort), *filters.params()]),
        # The same for another query (a suggested correction): the sort and the filters.
        "keep_filters": urlencode([("sort", sort), *filters.params()]),
    }
    if query.strip():
        try:
            context["results"] = search_documents(query, page=params.page, filters=filters, sort=sort)
        except QueryError as error:
            context["error"] = str(error)
        except EngineUnavailable:
            return render(request, "archive/search.html", context | {"error": SEARCH_UNAVAILABLE}, status=503)
    elif "q" not in request.GET:
        return redirect("archive:home")
    return render(request, "archive/search.html", context, status=400 if context["error"] else 200)


def bad_request(request: HttpRequest, error: BadParameter) -> HttpResponse:
    """A 400 in the site's layout, saying which parameter could not be read."""
    return render(request, "archive/bad_request.html", {"message": str(error)}, status=400)
