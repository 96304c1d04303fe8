"""Snippets: a few passages of a section's text with the searched words marked.

Built here rather than taken from haystack's ``{% highlight %}`` (which analyses the query with the
default analyzer, losing "US" and "May", and is not a sanitiser). The text is escaped while the
snippet is built, and the result passes through ``archive.sanitize.clean_snippet`` all the same.
"""

import functools
import heapq
import html
import itertools
import re
from collections.abc import Iterator

from django.utils.safestring import SafeString

from archive.sanitize import clean_snippet
from archive.search.analysis import TOKEN_PATTERN, archive_analyzer, is_cjk

_ANALYZER = archive_analyzer()


# Characters of context shown before the first match of a passage.
LEAD_CHARS = 60


def snippet(
    text: str,
    terms: frozenset[str],
    *,
    phrases: frozenset[tuple[str, ...]] = frozenset(),
    fragments: int = 2,
    width: int = 220,
) -> SafeString:
    """Return up to ``fragments`` passages around the terms and phrases; the text's opening when none occurs.

    The text is read only as far as the passages reach: a long section whose first match is early
    costs a few hundred characters of analysis, not the whole section.
    """
    return marked_passages(text, iter_spans(text, terms, phrases), fragments=fragments, width=width)


def marked_passages(
    text: str, spans: Iterator[tuple[int, int]], *, fragments: int = 2, width: int = 220
) -> SafeString:
    """Up to ``fragments`` passages of about ``width`` characters around the marked ``spans`` (in order), or
    the text's opening when there is none; sanitised."""
    passages, end = [], 0
    for start, end, inside in _passages(text, spans, fragments, width):
        passages.append(("… " if start > 0 else "") + marked_text(text, inside, start, end))
    if not passages:
        opening = text[:width].rsplit(" ", 1)[0] if len(text) > width else text
        return clean_snippet(html.escape(opening, quote=False) + (" …" if len(text) > width else ""))
    return clean_snippet(" ".join(passages) + (" …" if end < len(text) else ""))


def _passages(text: str, spans: Iterator[tuple[int, int]], count: int, width: int):
    """Up to ``count`` windows of about ``width`` characters, each opening a little before a match.

    A window that would open before the previous one ends (its lead reaching back into it) is joined to it,
    so no text is shown twice ("… security means … region. Common security means …").
    """
    windows: list[tuple[int, int, list[tuple[int, int]]]] = []
    span = next(spans, None)
    while span is not None and count > 0:
        start = _word_start(text, max(0, span[0] - LEAD_CHARS))
        end = _word_end(text, min(len(text), start + width))
        inside = []
        while span is not None and span[1] <= end:
            inside.append(span)
            span = next(spans, None)
        if not inside:  # a match longer than the window: show it whole
            inside, end = [span], span[1]
            span = next(spans, None)
        if windows and start <= windows[-1][1]:
            previous_start, previous_end, previous_inside = windows.pop()
            start, end, inside = previous_start, max(end, previous_end), previous_inside + inside
        windows.append((start, end, inside))
        count -= 1
    return windows


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


def mark_spans(
    text: str, terms: frozenset[str], phrases: frozenset[tuple[str, ...]] = frozenset(), *, limit: int | None = None
) -> list[tuple[int, int]]:
    """Return the (start, end) of every token of ``text`` the analyzer reads as one of ``terms``, and of every
    occurrence of one of ``phrases`` (analysed words in a row), in order and not overlapping: the first
    ``limit`` of them when a limit is given."""
    return list(itertools.islice(iter_spans(text, terms, phrases), limit))


def iter_spans(
    text: str, terms: frozenset[str], phrases: frozenset[tuple[str, ...]] = frozenset()
) -> Iterator[tuple[int, int]]:
    """``mark_spans``, lazily: a snippet reads the text only as far as its passages reach, and a section
    marked up to a limit only as far as the limit."""
    cjk = [_cjk_pattern((term,)) for term in terms if is_cjk(term)]
    cjk += [_cjk_pattern(phrase) for phrase in phrases if all(map(is_cjk, phrase))]
    if not cjk and not phrases:
        yield from _word_spans(text, terms)
        return
    words = frozenset(term for term in terms if not is_cjk(term))
    found = [_word_spans(text, words), *(pattern.finditer(text) for pattern in cjk)]
    found += [_phrase_spans(text, phrase) for phrase in phrases if not all(map(is_cjk, phrase))]
    yield from _merged(heapq.merge(*(map(_span, spans) for spans in found)))


def _span(found) -> tuple[int, int]:
    return found if isinstance(found, tuple) else found.span()


@functools.lru_cache(maxsize=1024)
def _cjk_pattern(pairs: tuple[str, ...]) -> re.Pattern:
    """Where a CJK word or phrase the index holds as pairs of characters stands in a text, as the engine finds
    it: consecutive pairs either overlap within one run ("现代", "代化" in "现代化") or end one run and start the
    next, across punctuation or spaces ("中国 国家")."""
    pattern = re.escape(pairs[0])
    for previous, pair in zip(pairs, pairs[1:]):
        apart = r"[\W_]+" + re.escape(pair)
        overlapping = len(previous) == 2 and len(pair) == 2 and previous[1] == pair[0]
        pattern += f"(?:{re.escape(pair[1])}|{apart})" if overlapping else apart
    return re.compile(pattern)


def _merged(spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Sorted spans with overlapping ones joined (a word of the query inside a phrase of it, two phrases)."""
    pending = None
    for start, end in spans:
        if pending and start < pending[1]:
            pending = (min(start, pending[0]), max(end, pending[1]))
            continue
        if pending:
            yield pending
        pending = (start, end)
    if pending:
        yield pending


# Characters looked back for each word of a phrase before the word it is found by.
_LOOKBACK_CHARS = 80


def _phrase_spans(text: str, phrase: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """Each occurrence of an exact phrase: its words in a row, whatever punctuation lies between (as the engine
    reads positions). One span from its first word to its last, or a span per word across a paragraph break.

    Occurrences are found by the phrase's longest word, rarer than its short ones ("the" in "the
    module"), so a phrase of common words costs no more than its rarest word does; the words before it
    are read back from there."""
    anchor = max(range(len(phrase)), key=lambda index: len(phrase[index]))
    for found, _ in _word_spans(text, frozenset([phrase[anchor]])):
        before = list(_TOKENS.finditer(text, max(0, found - anchor * _LOOKBACK_CHARS), found))[-anchor:] if anchor else []
        tokens = before + list(itertools.islice(_TOKENS.finditer(text, found), len(phrase) - anchor))
        if tuple(_term(token.group()) for token in tokens) != phrase:
            continue
        start, end = tokens[0].start(), tokens[-1].end()
        if "\n" in text[start:end]:
            yield from (token.span() for token in tokens)
        else:
            yield start, end


def _word_spans(text: str, terms: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Yield, in order, the (start, end) of the tokens of ``text`` the analyzer reads as one of ``terms``.

    The tokens are the analyzer's own (its tokenizer's pattern; its filters work token by token), so
    "policies" is marked for "policy" as the engine matched it; each distinct word is analysed once.
    Only the space-delimited chunks holding a word that may match are tokenized (see ``_candidates``),
    which makes marking a section several times faster than reading every token.
    """
    if not terms or not text:
        return
    initials = {term[0] for term in terms if term}
    for candidate in _candidates(frozenset(initials)).finditer(text):
        start = candidate.start()
        while start and not text[start - 1].isspace():  # back to the chunk's start: "S" in "U.S." is no token
            start -= 1
        for match in _TOKENS.finditer(text, start, candidate.end()):
            word = match.group()
            if word[0].lower()[:1] in initials and _term(word) in terms:
                yield match.span()


@functools.lru_cache(maxsize=1024)
def _candidates(initials: frozenset[str]) -> re.Pattern:
    """A word starting with one of ``initials`` (any case), to the end of its space-delimited chunk.

    Sound because tokens never contain a space and always start after a non-word character, and
    lowercasing and stemming keep a word's first letter ("Policies" -> "polici"). A word starting with
    any non-ASCII letter is always a candidate ("İ" lowercases to two characters). The pattern opens
    with a character set (every character but the other ASCII ones), which the regex engine scans for
    quickly and compiles quickly.
    """
    wanted = {case for initial in initials for case in (initial.lower(), initial.upper())}
    others = "".join("\\x%02x" % code for code in range(128) if chr(code) not in wanted)
    return re.compile(r"[^%s](?<=\w)(?<!\w\w)\S*" % others)  # the set, then: a word character, the word's first


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
