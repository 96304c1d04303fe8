"""Snippets: a few passages of a section's text with the searched words marked.

Built here rather than taken from haystack's ``{% highlight %}`` (which analyses the query with the
default analyzer, losing "US" and "May", and is not a sanitiser). The text is escaped while the
snippet is built, and the result passes through ``archive.sanitize.clean_snippet`` all the same.
"""

import functools
import html
import re

from django.utils.safestring import SafeString

from archive.sanitize import clean_snippet
from archive.search.analysis import TOKEN_PATTERN, archive_analyzer

_ANALYZER = archive_analyzer()


# A long section's opening is scanned for matches first; the rest only when the opening has none.
SCAN_CHARS = 20_000
# Characters of context shown before the first match of a passage.
LEAD_CHARS = 60


def snippet(text: str, terms: frozenset[str], *, fragments: int = 2, width: int = 220) -> SafeString:
    """Return up to ``fragments`` passages around the terms; the text's opening when none occurs."""
    spans = mark_spans(text[:SCAN_CHARS], terms)
    if not spans and len(text) > SCAN_CHARS:
        spans = mark_spans(text, terms)
    if not spans:
        opening = text[:width].rsplit(" ", 1)[0] if len(text) > width else text
        return clean_snippet(html.escape(opening, quote=False) + (" …" if len(text) > width else ""))
    passages, end = [], 0
    for start, end, inside in _passages(text, spans, fragments, width):
        passages.append(("… " if start > 0 else "") + marked_text(text, inside, start, end))
    return clean_snippet(" ".join(passages) + (" …" if end < len(text) else ""))


def _passages(text: str, spans: list[tuple[int, int]], count: int, width: int):
    """Up to ``count`` windows of about ``width`` characters, each opening a little before a match."""
    index = 0
    while index < len(spans) and count > 0:
        start = _word_start(text, max(0, spans[index][0] - LEAD_CHARS))
        end = _word_end(text, min(len(text), start + width))
        inside = []
        while index < len(spans) and spans[index][1] <= end:
            inside.append(spans[index])
            index += 1
        if not inside:  # a match longer than the window: show it whole
            inside, end = [spans[index]], spans[index][1]
            index += 1
        yield start, end, inside
        count -= 1


def _word_start(text: str, index: int) -> int:
    if index == 0:
        return 0
    space = text.rfind(" ", 0, index + 1)
    return space + 1 if space != -1 else index


def _word_end(text: str, index: int) -> int:
    if index >= len(text):
        return len(text)
    space = text.rfind(" ", 0, index)
    return space if space > 0 else index


_TOKENS = re.compile(TOKEN_PATTERN)


@functools.lru_cache(maxsize=100_000)
def _term(word: str) -> str:
    """The indexed term of one token as written ("Policies" -> "polici"), by the archive analyzer itself."""
    return next((token.text for token in _ANALYZER(word, mode="query", removestops=False)), "")


def mark_spans(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    """Return the (start, end) of every token of ``text`` the analyzer reads as one of ``terms``.

    The tokens are the analyzer's own (its tokenizer's pattern; its filters work token by token), so
    "policies" is marked for "policy" as the engine matched it; each distinct word is analysed once,
    which makes marking a whole 500-section document several times faster than running the pipeline.
    """
    if not terms or not text:
        return []
    # Lowercasing and stemming keep a word's first letter ("Policies" -> "polici"), so most tokens are
    # ruled out before their term is looked up.
    initials = {term[0] for term in terms if term}
    return [
        match.span()
        for match in _TOKENS.finditer(text)
        if match.group()[0].lower()[:1] in initials and _term(match.group()) in terms
    ]


def marked_text(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """Escape ``text[start:end]``, wrapping the given spans (sorted, inside that range) in <mark>."""
    end = len(text) if end is None else end
    output, index = [], start
    for span_start, span_end in spans:
        output.append(html.escape(text[index:span_start], quote=False))
        output.append(f"<mark>{html.escape(text[span_start:span_end], quote=False)}</mark>")
        index = span_end
    output.append(html.escape(text[index:end], quote=False))
    return "".join(output)


def marked_paragraphs(text: str, spans: list[tuple[int, int]]) -> str:
    """Build a whole body as <p> paragraphs (blank-line separated) with the spans (from ``mark_spans``) marked.

    The HTML is escaped as it is built; callers still pass it through ``archive.sanitize``.
    """
    output, offset, next_span = [], 0, 0
    for paragraph in text.split("\n\n"):
        start, end = offset, offset + len(paragraph)
        offset = end + 2
        inside = []
        # Tokens never contain a newline, so no span crosses a paragraph boundary.
        while next_span < len(spans) and spans[next_span][0] < end:
            inside.append(spans[next_span])
            next_span += 1
        if paragraph.strip():
            output.append(f"<p>{marked_text(text, inside, start, end)}</p>")
    return "".join(output)
