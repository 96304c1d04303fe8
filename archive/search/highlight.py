"""Snippets: a few passages of a section's text with the searched words marked.

Built here rather than taken from haystack's ``{% highlight %}`` (which analyses the query with the
default analyzer, losing "US" and "May", and is not a sanitiser). The text is escaped while the
snippet is built, and the result passes through ``archive.sanitize.clean_snippet`` all the same.
"""

import html

from django.utils.safestring import SafeString
from whoosh import highlight

from archive.sanitize import clean_snippet
from archive.search.analysis import archive_analyzer

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
