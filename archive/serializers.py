"""Plain-dict shapes shared by the JSON API and the import summary, so both stay one stable shape."""

from archive.models import Document
from archive.selectors import SectionNode, section_tree


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
            "heading": node.section.heading,
            "anchor": node.section.anchor,
            "url": f"{base}#{node.section.anchor}",
            "captured": node.section.captured,
            "text": node.section.text,
            "children": sections_full(document, node.children),
        }
        for node in nodes
    ]
