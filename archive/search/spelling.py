""""Did you mean": a correction offered only when the query found nothing and the correction finds something.

Checked only for queries without results, so it costs ordinary searches nothing. Words are corrected
against the unstemmed words of the archive's documents, preferring close words over merely frequent
ones (Whoosh's own corrector ranks by frequency first).
"""

import re
from collections.abc import Callable

from archive.search.analysis import CJK_RUN
from archive.search.engine import SPELLING_CORRECTIONS, search_engine
from archive.search.query import ParsedQuery


def suggest(parsed: ParsedQuery, *, has_results: Callable[[str], bool]) -> str:
    """A corrected query that has results, or ""."""
    words = [word for word in parsed.words if not CJK_RUN.search(word)]  # CJK words are not spelled letter by letter
    engine = search_engine()
    if not words or not engine.serves(SPELLING_CORRECTIONS):
        return ""  # an engine without corrections: no suggestion rather than a slow or wrong one
    corrections = engine.spelling_corrections(words)
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
