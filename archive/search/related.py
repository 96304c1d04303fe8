"""Related documents: the public documents most like this one, built from the document's own key terms.

haystack's ``more_like_this`` on Whoosh reads the document's stored text, and the text field is not
meant to stay stored; so with Whoosh the key terms come from a bounded sample of the document (title,
headings, its opening words) read from the database and weighed against the document index
(``key_terms_from_text``); the search for them is an ordinary haystack query. Other engines use
haystack's ``more_like_this``. Answers are cached per document and its ``updated_at``.
"""

from collections import Counter

from django.core.cache import cache
from django.db.models import Q
from haystack import connections
from haystack.backends.whoosh_backend import WhooshSearchBackend
from haystack.query import SearchQuerySet

from archive.models import Document
from archive.search.analysis import archive_analyzer
from archive.selectors import draft_work_of, public_documents, work_of

# Enough words to characterise a long white paper; analysing more costs time and adds little.
SAMPLE_WORDS = 3000
KEY_TERMS = 25
CACHE_SECONDS = 60 * 60

_ANALYZER = archive_analyzer()


def related_documents(document: Document, limit: int = 5) -> list[Document]:
    """Return up to ``limit`` public documents most like this one, never itself or another capture or draft
    of its work: the page lists those on their own, and they would crowd out every other answer."""
    key = f"related:{document.pk}:{document.updated_at.timestamp()}:{limit}"
    ids = cache.get(key)
    if ids is None:
        ids = _related_ids(document, limit)
        cache.set(key, ids, CACHE_SECONDS)
    found = public_documents().exclude(pk__in=_own_work(document)).in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def sample_text(document: Document, words: int = SAMPLE_WORDS) -> str:
    """The document's title, subtitle and headings, then its first ``words`` words of text."""
    heads = [document.title, document.subtitle]
    body: list[str] = []
    remaining = words
    rows = document.sections.filter(captured=True).order_by("path").values_list("heading", "text")
    for heading, text in rows.iterator(chunk_size=200):
        heads.append(heading)
        if remaining > 0:
            taken = text.split(maxsplit=remaining)[:remaining]
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
    backend = connections["default"].get_backend()
    if isinstance(backend, WhooshSearchBackend):
        query = _key_terms_query(backend, sample_text(document))
        if not query:
            return []
        similar = SearchQuerySet().models(Document).raw_search(query)
    else:
        canonical = public_documents().filter(pk=work_of(document)).first() or document
        similar = SearchQuerySet().models(Document).more_like_this(canonical)
    ids = (int(result.pk) for result in similar[: limit + len(excluded)])
    return [pk for pk in ids if pk not in excluded][:limit]


def _key_terms_query(backend: WhooshSearchBackend, text: str) -> str:
    """The text's key terms as an OR query of words, each boosted by its weight (e.g. "asean^0.87 OR ...")."""
    index = _document_index(backend)
    if index is None:
        return ""
    field = getattr(backend, "content_field_name", "text")
    with index.searcher() as searcher:
        weights = dict(searcher.key_terms_from_text(field, text, numterms=KEY_TERMS))
    # Key terms are stems ("polici"); the query is read by the engine's parser, so ask for a word
    # as written in the text, which that parser stems back to the same term.
    spellings: dict[str, Counter] = {stem: Counter() for stem in weights}
    for token in _ANALYZER(text, chars=True, mode="query", removestops=False):
        if token.text in spellings:
            spellings[token.text][text[token.startchar : token.endchar].lower()] += 1
    words = []
    for stem, weight in weights.items():
        written = next((word for word, _ in spellings[stem].most_common() if word.isalnum()), "")
        if written:
            words.append(f"{written}^{weight:.3f}")
    return " OR ".join(words)


def _document_index(backend: WhooshSearchBackend):
    """The Whoosh index holding the documents: the archive's per-model index, or haystack's single one."""
    if not backend.setup_complete:
        backend.setup()
    per_model = getattr(backend, "indexes", None)
    if isinstance(per_model, dict):
        return per_model.get("document")
    index = getattr(backend, "index", None)
    return index.refresh() if index is not None else None
