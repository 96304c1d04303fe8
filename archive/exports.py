"""A search's matches written out whole (not one page): CSV, RIS, BibTeX, JSON Lines, one document at a time.

RIS and BibTeX are the citation formats of ``archive/citations.py``, written from the same CSL-JSON item a
document's Cite gives; CSV and JSON Lines add the archive's own fields. Each writer yields text as the documents
come, so a response streams; ``MAX_EXPORT`` documents at most.
"""

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator

from archive.citations import bibtex, csl_item, ris
from archive.models import Document

MAX_EXPORT = 1000

CSV_FIELDS = ["id", "title", "subtitle", "authors", "publisher", "issuer", "kind", "date", "language", "url", "source_url"]


def _csv(documents: Iterable[Document], url_of: Callable[[Document], str]) -> Iterator[str]:
    """A header row, then a row per document; authors joined by "; ", the date as precise as known."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def row(values) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    yield row(CSV_FIELDS)
    for document in documents:
        yield row([
            document.pk, document.title, document.subtitle, "; ".join(document.authors), document.publisher,
            document.issuer, document.kind, document.date_iso, document.language, url_of(document), document.source_url,
        ])


def _jsonl(documents: Iterable[Document], url_of: Callable[[Document], str]) -> Iterator[str]:
    """One JSON object a line: the CSL-JSON item, with the archive's id and kind beside it."""
    for document in documents:
        item = csl_item(document, url_of(document))
        yield json.dumps({"archive_id": document.pk, "kind": document.kind, **item}, ensure_ascii=False) + "\n"


def _each(write: Callable[[dict], str], separator: str) -> Callable:
    def writer(documents: Iterable[Document], url_of: Callable[[Document], str]) -> Iterator[str]:
        for document in documents:
            yield write(csl_item(document, url_of(document))) + separator

    return writer


EXPORTS = {
    # extension: (name, media type, writer)
    "csv": ("CSV", "text/csv; charset=utf-8", _csv),
    "ris": ("RIS", "application/x-research-info-systems; charset=utf-8", _each(ris, "\n")),
    "bib": ("BibTeX", "application/x-bibtex; charset=utf-8", _each(bibtex, "\n")),
    "jsonl": ("JSON Lines", "application/x-ndjson; charset=utf-8", _jsonl),
}
