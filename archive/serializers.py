"""Plain-dict shapes shared by the JSON API and the import summary, so both stay one stable shape."""

from archive.models import Document
from archive.search.results import DocumentHit, SearchPage
from archive.selectors import SectionNode, section_tree, work_drafts


def document_metadata(document: Document) -> dict:
    """The metadata fields, as in the import summary (``--json``) and ``/api/documents/<id>``."""
    missing = [
        {"label": section.label, "heading": section.heading}
        for section in document.sections.filter(captured=False).order_by("path")
    ]
    return {
        "id": document.pk,
        "title": document.title,
        "subtitle": document.subtitle,
        "kind": document.kind,
        "publisher": document.publisher,
        "issuer": document.issuer,
        "authors": list(document.authors),
        "date": document.date_iso or None,
        "complete": document.complete,
        "missing": missing,
        "version_of": document.version_of_id,
        # The work's other drafts or editions, earliest first (each is a document of its own).
        "drafts": [
            {"id": draft.pk, "title": draft.title, "date": draft.date_iso or None, "url": draft.get_absolute_url()}
            for draft in work_drafts(document)
            if draft.pk not in (document.pk, document.version_of_id)
        ],
        "language": document.language,
        "edition": document.edition,
        "source_url": document.source_url,
        "url": document.get_absolute_url(),
    }


def sections_outline(nodes: list[SectionNode]) -> list[dict]:
    """Captured sections as ``{label, heading, children}``: the structure the import found."""
    return [
        {"label": node.section.label, "heading": node.section.heading, "children": sections_outline(node.children)}
        for node in nodes
        if node.section.captured
    ]


def sections_full(document: Document, nodes: list[SectionNode] | None = None) -> list[dict]:
    """Every section with its text, anchor and permalink; chapters listed but not captured included."""
    if nodes is None:
        nodes = section_tree(document)
    base = document.get_absolute_url()
    return [
        {
            "label": node.section.label,
            "printed_label": node.section.printed_label,
            "heading": node.section.heading,
            "anchor": node.section.anchor,
            "url": f"{base}#{node.section.anchor}",
            "captured": node.section.captured,
            "text": node.section.text,
            "children": sections_full(document, node.children),
        }
        for node in nodes
    ]


def search_page_json(page: SearchPage) -> dict:
    """``/api/search``: one page of documents with their best sections, the facets and the state."""
    return {
        "count": page.count,
        "page": page.page,
        "per_page": page.per_page,
        "num_pages": page.num_pages,
        "sort": page.sort,
        "filters": {name: list(values) for name, values in page.filters.values}
        | {"from": page.filters.year_from, "to": page.filters.year_to},
        "suggestion": page.suggestion or None,
        "partial_count": page.partial_count,
        "stopped_early": page.stopped_early,
        "facets": {
            facet.name: [{"value": v.value, "label": v.label, "count": v.count, "selected": v.selected} for v in facet.values]
            for facet in page.facets
        },
        "results": [_document_hit_json(hit) for hit in page.results],
    }


def _document_hit_json(hit: DocumentHit) -> dict:
    document, base = hit.document, hit.document.get_absolute_url()
    return {
        "document": {
            "id": document.pk,
            "title": document.title,
            "kind": document.kind,
            "publisher": document.publisher,
            "authors": list(document.authors),
            "date": document.date_iso or None,
            "complete": document.complete,
            "url": base,
        },
        "partial": hit.partial,
        "sections": [
            {
                "label": section_hit.section.label,
                "printed_label": section_hit.section.printed_label,
                "heading": section_hit.section.heading,
                "heading_path": section_hit.heading_path,
                "anchor": section_hit.section.anchor,
                "url": f"{base}#{section_hit.section.anchor}",
                "snippet": str(section_hit.snippet),
            }
            for section_hit in hit.sections
        ],
        "more_sections": hit.more_sections,
    }
