"""Snippets: a few passages of a section's text with the searched words marked.

Built here rather than taken from haystack's ``{% highlight %}`` (which analyses the query with the
default analyzer, losing "US" and "May", and is not a sanitiser). The text is escaped while the
snippet is built, and the result passes through ``archive.sanitize.clean_snippet`` all the same.
"""

import functools
import html
import re

from django.utils.safestring import SafeString
from whoosh import highlight

from archive.sanitize import clean_snippet
from archive.search.analysis import TOKEN_PATTERN, archive_analyzer

_ANALYZER = archive_analyzer()


class _MarkFormatter(highlight.Formatter):
    between = " … "

    def format_token(self, text, token, replace=False):
        return f"<mark>{html.escape(highlight.get_text(text, token, replace), quote=False)}</mark>"

    def format_fragment(self, fragment, replace=False):
        output, index = [], fragment.startchar
        text = fragment.text
        for token in fragment.matches:
            if token.startchar < index:
                continue
            output.append(html.escape(text[index : token.startchar], quote=False))
            output.append(self.format_token(text, token, replace))
            index = token.endchar
        output.append(html.escape(text[index : fragment.endchar], quote=False))
        return "".join(output)


def snippet(text: str, terms: frozenset[str], *, fragments: int = 2, width: int = 220) -> SafeString:
    """Return up to ``fragments`` passages around the terms; the text's opening when none occurs."""
    marked = ""
    if terms:
        marked = highlight.highlight(
            text,
            terms,
            _ANALYZER,
            highlight.ContextFragmenter(maxchars=width, surround=60),
            _MarkFormatter(),
            top=fragments,
            scorer=highlight.BasicFragmentScorer(),
            order=highlight.FIRST,
        )
    if not marked:
        opening = text[:width].rsplit(" ", 1)[0] if len(text) > width else text
        marked = html.escape(opening, quote=False) + (" …" if len(text) > width else "")
    return clean_snippet(marked)


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
    return [match.span() for match in _TOKENS.finditer(text) if _term(match.group()) in terms]


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
