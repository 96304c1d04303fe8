"""Pages a researcher reads, searches and cites. Thin: selectors and the search layer do the work."""

from itertools import chain, islice
from urllib.parse import quote_plus, urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from archive.citations import DOWNLOADS, cite_block, cited_section, csl_item, page_metadata
from archive.diff import word_diff
from archive.exports import EXPORTS, MAX_EXPORT
from archive.feeds import FEED_ITEMS, SearchFeed
from archive.models import Document, DocumentKind, Section
from archive.request_params import (
    BadParameter,
    browse_params,
    cite_section_param,
    compare_params,
    page_param,
    query_text,
    search_params,
)
from archive.sanitize import diff_html, diff_side_html
from archive.search.results import SORT_LABELS, matching_documents, search_documents
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
    shown_capture,
    withdrawn_document,
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
    filters = _browse_filters(params)
    paginator = Paginator(browse_documents(filters), 20)
    return render(
        request,
        "archive/document_list.html",
        {
            "page": paginator.get_page(params["page"] or 1),
            "filters": filters,
            "choices": browse_choices(),
            "sorts": BROWSE_SORTS,
            "max_export": MAX_EXPORT,
            "exports": [(extension, name) for extension, (name, _, _) in EXPORTS.items()],
        },
    )


def _browse_filters(params: dict) -> BrowseFilters:
    """What a Browse view (its page or its export) lists, from its read parameters."""
    return BrowseFilters(
        kind=params["kind"], publisher=params["publisher"], year=params["year"], sort=params["sort"] or "newest"
    )


@require_safe
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = published_document(pk)
    if document is None:
        return _withdrawn_or_404(request, pk)
    canonical = shown_capture(document)
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
            "versions": [other for other in document_versions(document.version_of or document) if other != document],
            "drafts": [draft for draft in work_drafts(document) if draft.pk != (document.version_of or document).pk],
            "within_query": within_query,
            "within": within,
            "within_error": within_error,
            "related": related_documents(document),
            "cite": cite_block(document, _permalink(request, document, None)),
            "head": _head_metadata(request, document),
        },
        status=status,
    )


def _withdrawn_or_404(request: HttpRequest, pk: int) -> HttpResponse:
    """A withdrawn document's address answers 410 Gone with why it went; any other unpublished one is a 404."""
    document = withdrawn_document(pk)
    if document is None:
        raise Http404("No such document")
    return render(request, "archive/document_withdrawn.html", {"document": document}, status=410)


def _head_metadata(request: HttpRequest, document: Document) -> dict:
    """The <head> tags of a document page; a PDF source is linked so reference managers fetch it."""
    source = document.source_file
    pdf_url = ""
    if source is not None and source.media_type.startswith("application/pdf"):
        pdf_url = request.build_absolute_uri(reverse("archive:document_source", args=[document.pk]))
    return page_metadata(document, _permalink(request, document, None), pdf_url)


def _permalink(request: HttpRequest, document: Document, section: Section | None) -> str:
    """The address a citation gives: the document's page, or the section's anchor on it."""
    return request.build_absolute_uri((section or document).get_absolute_url())


def _cited(request: HttpRequest, pk: int) -> tuple[Document, Section | None]:
    """The published document (and the section ?section= names) a citation is for; 404 when there is none."""
    document = published_document(pk)
    if document is None:
        raise Http404("No such document")
    anchor = cite_section_param(request)
    section = cited_section(document, anchor) if anchor else None
    if anchor and section is None:
        raise Http404("No such section")
    return document, section


@require_safe
def document_cite(request: HttpRequest, pk: int) -> HttpResponse:
    """A document's or a section's citations in every style, with downloads; linked from each section."""
    try:
        document, section = _cited(request, pk)
    except BadParameter as error:
        return bad_request(request, error)
    return render(request, "archive/document_cite.html", {"document": document, "cite": cite_block(document, _permalink(request, document, section), section)})


@require_safe
def document_cite_download(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    """The citation as a file a reference manager imports: BibTeX, RIS or CSL-JSON."""
    if extension not in DOWNLOADS:
        raise Http404("No such format")
    try:
        document, section = _cited(request, pk)
    except BadParameter as error:
        return bad_request(request, error)
    item = csl_item(document, _permalink(request, document, section), section)
    _, media_type, write = DOWNLOADS[extension]
    response = HttpResponse(write(item), content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{_ascii_name(item["id"])}.{extension}"'
    return response


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
        "max_export": MAX_EXPORT,
        "exports": [(extension, name) for extension, (name, _, _) in EXPORTS.items()],
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


@require_safe
def search_export(request: HttpRequest, extension: str) -> HttpResponse:
    """Every match of a search (not one page; at most MAX_EXPORT), streamed as CSV, RIS, BibTeX or JSON Lines."""
    if extension not in EXPORTS:
        raise Http404("No such format")
    try:
        params = search_params(request)
        if not params.query.strip():
            raise BadParameter("The address's q= is empty: say what to search for (an export holds a search's matches).")
        found = matching_documents(params.query, limit=MAX_EXPORT, filters=params.filters, sort=params.sort)
        first = list(islice(found, 1))  # the engine is asked now, so an error is a page, not a cut-off file
    except (BadParameter, QueryError) as error:
        return bad_request(request, error)
    except EngineUnavailable:
        return HttpResponse(SEARCH_UNAVAILABLE, status=503, content_type="text/plain; charset=utf-8")
    return _export(request, extension, chain(first, found), "search")


@require_safe
def document_list_export(request: HttpRequest, extension: str) -> HttpResponse:
    """Every document of a Browse view (its kind, publisher, year and sort; at most MAX_EXPORT), streamed."""
    if extension not in EXPORTS:
        raise Http404("No such format")
    try:
        params = browse_params(request)
    except BadParameter as error:
        return bad_request(request, error)
    filters = _browse_filters(params)
    return _export(request, extension, browse_documents(filters)[:MAX_EXPORT].iterator(chunk_size=100), "documents")


def _export(request: HttpRequest, extension: str, documents, name: str) -> HttpResponse:
    """The documents written out in one of EXPORTS' formats, as a download that streams."""
    _, media_type, write = EXPORTS[extension]
    if request.method == "HEAD":  # the headers a GET would send, without writing the file
        response = HttpResponse(content_type=media_type)
    else:
        response = StreamingHttpResponse(
            write(documents, lambda document: request.build_absolute_uri(document.get_absolute_url())),
            content_type=media_type,
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


@require_safe
def search_feed(request: HttpRequest) -> HttpResponse:
    """An Atom feed of a search's first matches (FEED_ITEMS), with the search page's parameters."""
    try:
        params = search_params(request)
        if not params.query.strip():
            raise BadParameter("The address's q= is empty: say what to search for (the feed follows a search).")
        found = list(matching_documents(params.query, limit=FEED_ITEMS, filters=params.filters, sort=params.sort))
    except (BadParameter, QueryError) as error:
        return bad_request(request, error)
    except EngineUnavailable:
        return HttpResponse(SEARCH_UNAVAILABLE, status=503, content_type="text/plain; charset=utf-8")
    address = reverse("archive:search") + "?" + urlencode([("q", params.query), ("sort", params.sort), *params.filters.params()])
    return SearchFeed(params.query, found, address)(request)


@require_safe
def opensearch(request: HttpRequest) -> HttpResponse:
    """The OpenSearch description: browsers offer the archive as a search engine, feed readers its search feed."""
    return render(
        request, "archive/opensearch.xml", content_type="application/opensearchdescription+xml; charset=utf-8"
    )


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask /favicon.ico of pages that name no icon (a raw source, a JSON answer): the archive's icon."""
    return redirect(static("archive/favicon.svg"), permanent=True)


def bad_request(request: HttpRequest, error: BadParameter) -> HttpResponse:
    """A 400 in the site's layout, saying which parameter could not be read."""
    return render(request, "archive/bad_request.html", {"message": str(error)}, status=400)
