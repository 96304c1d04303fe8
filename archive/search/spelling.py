""""Did you mean": a correction offered only when the query found nothing and the correction finds something.

Checked only for queries without results, so it costs ordinary searches nothing. Words are corrected
against the unstemmed words of the archive's documents, preferring close words over merely frequent
ones (Whoosh's own corrector ranks by frequency first).
"""

import re
from collections.abc import Callable

from haystack import connections

from archive.models import Document

SPELLING_FIELD = "spelling"


def suggest(parsed, *, has_results: Callable[[str], bool]) -> str:
    """A corrected query that has results, or ""."""
    words = list(getattr(parsed, "words", ()))
    if not words:
        return ""
    backend = connections["default"].get_backend()
    if not hasattr(backend, "spelling_corrections"):
        return ""  # another engine: no suggestion rather than a slow or wrong one
    corrections = backend.spelling_corrections(Document, SPELLING_FIELD, words)
    if not corrections:
        return ""
    corrected = parsed.text
    for word, correction in corrections.items():
        corrected = _replace_word(corrected, word, _in_case_of(word, correction))
    if corrected == parsed.text or not has_results(corrected):
        return ""
    return corrected


def _in_case_of(typed: str, correction: str) -> str:
    """"Pacifc" -> "Pacific", "ASAEN" -> "ASEAN": the correction written as the word was typed."""
    if typed.isupper() and len(typed) > 1:
        return correction.upper()
    if typed[:1].isupper():
        return correction[:1].upper() + correction[1:]
    return correction


def _replace_word(text: str, word: str, correction: str) -> str:
    return re.sub(rf"(?<![\w:]){re.escape(word)}(?!\w)", correction, text, flags=re.IGNORECASE)
