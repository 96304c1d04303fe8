"""Related documents: the public documents most like this one.

The engine is given the document and a bounded sample of it (title, headings, its opening words) read
from the database: the Whoosh engine weighs the sample's key terms against the document index, engines
behind haystack run their own ``more_like_this``. Answers are cached per document and its ``updated_at``.
"""

import logging

from django.core.cache import cache
from django.db.models import Q

from archive.models import Document
from archive.search.engine import EngineUnavailable, search_engine
from archive.selectors import captured_sections, draft_work_of, public_documents, work_of

log = logging.getLogger(__name__)

# Enough words to characterise a long white paper; analysing more costs time and adds little.
SAMPLE_WORDS = 3000
CACHE_SECONDS = 60 * 60


def related_documents(document: Document, limit: int = 5) -> list[Document]:
    """Return up to ``limit`` public documents most like this one, never itself or another capture or draft
    of its work: the page lists those on their own, and they would crowd out every other answer."""
    key = f"related:{document.pk}:{document.updated_at.timestamp()}:{limit}"
    ids = cache.get(key)
    if ids is None:
        try:
            ids = _related_ids(document, limit)
        except EngineUnavailable:
            log.warning("Related documents of #%s left out: the search index is unavailable", document.pk)
            return []
        cache.set(key, ids, CACHE_SECONDS)
    found = public_documents().exclude(pk__in=_own_work(document)).in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def sample_text(document: Document, words: int = SAMPLE_WORDS) -> str:
    """The document's title, subtitle and headings, then its first ``words`` words of text."""
    heads = [document.title, document.subtitle]
    body: list[str] = []
    remaining = words
    for section in captured_sections(document):
        heads.append(section.heading)
        if remaining > 0:
            taken = section.text.split(maxsplit=remaining)[:remaining]
            body.append(" ".join(taken))
            remaining -= len(taken)
    return "\n".join(part for part in [*heads, *body] if part)


def _own_work(document: Document) -> set[int]:
    """The document, its other captures and the other drafts of its work."""
    work, first_draft = work_of(document), draft_work_of(document)
    same = Q(version_of=work) | Q(pk=first_draft) | Q(draft_of=first_draft)
    return {document.pk, work, *Document.objects.filter(same).values_list("pk", flat=True)}


def _related_ids(document: Document, limit: int) -> list[int]:
    excluded = _own_work(document)
    canonical = document.version_of or document  # the capture the index holds for this work
    ids = search_engine().similar_documents(canonical, sample_text(document), limit + len(excluded))
    return [pk for pk in ids if pk not in excluded][:limit]
