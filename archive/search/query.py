"""Read what a researcher typed into a query every engine can answer, or say clearly why not.

The syntax (documented for researchers on the search help page and in README.md): words (the text
here reads them all as required: the documents with every word; ``ranking.py`` weighs them as one
ranked list); "exact phrases" and proximity ("trust gaps"~5); AND / OR / NOT, ``-word`` and brackets;
``secur*`` and ``wom?n`` wildcards; fuzzy ``Cambodai~1``; fields ``title:``, ``author:``,
``publisher:``, ``kind:``, ``year:`` and ``date:`` with ranges (``date:[2017 TO 2020]``).

``parse_query`` normalises the text token by token (quotes, apostrophes, hyphens, fields, ranges,
bounds) into Lucene syntax over the index's field names, so haystack can hand it to Whoosh,
Elasticsearch or Solr alike; Whoosh's own parser, configured by ``build_parser`` exactly as the
engine's is, then reads it for structure and for the words to highlight. Where a literal reading
exists it is used (an unknown ``note:`` is just the word "note"); otherwise the message says how
to fix the query.

This module is the public face and the final check; the work is done in ``query_characters`` (what
was typed, made plain), ``query_reading`` (plain text into Lucene syntax), ``query_parser`` (the
bounded Whoosh parser) and ``query_limits`` (the bounds and ``QueryError``).
"""

import re
from dataclasses import dataclass

from haystack import connections
from whoosh import fields as wf
from whoosh.analysis import STOP_WORDS
from whoosh import query as wq
from whoosh.qparser import QueryParser

from archive.search.analysis import archive_analyzer
from archive.search.query_characters import normalise
from archive.search.query_limits import MAX_CLAUSES, MAX_PROSE_LENGTH, MAX_QUERY_LENGTH, MIN_PROSE_WORDS, QueryError
from archive.search.query_parser import build_parser
from archive.search.query_reading import QueryReader

__all__ = ["ParsedQuery", "QueryError", "build_parser", "parse_query"]

TEXT_FIELDS = ("text", "title")  # the fields whose words are marked in snippets
# The commonest English words (Whoosh's list, which keeps "us" and "may"): left out of a long question
# (which would otherwise be refused) and of the weighted reading (where they would match every document).
COMMON_WORDS = STOP_WORDS
# A question typed or pasted as prose: words, sentence punctuation, quotation marks, brackets.
PROSE = re.compile(r"[\w\s.,;:!?'’()\"/&-]+")
QUOTED = re.compile(r'("[^"]*")')
PLAIN_WORD = re.compile(r"\w")
FIELD_PREFIX = re.compile(r"\b(?:title|authors?|publisher|kind|year|date):", re.IGNORECASE)
# A dash between words ("types--i.e.", "types — that is"): punctuation, never a minus sign.
DASH = re.compile(r"-{2,}|\s[—–]\s?|[—]")
# A question mark that ends a sentence inside a token ("messages?--i.e."): punctuation, not a wildcard.
QUESTION_MARK = re.compile(r"(?<=\w)\?+(?=[^\w\s*?])")
OPERATOR_WORDS = re.compile(r"\b(?:AND|OR|NOT)\b")


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # Lucene syntax over the index's field names, for SearchQuerySet().raw_search()
    terms: frozenset[str]  # analysed words to highlight (none from NOT clauses)
    phrases: frozenset[tuple[str, ...]] = frozenset()  # exact phrases to highlight whole, as analysed words
    words: tuple[str, ...] = ()  # the plain positive words as typed, in order (no fields, wildcards, NOT)
    # Only words (hyphenated ones included) and exact phrases, at least one word outside the quotes: no
    # operator, field or pattern whose meaning a weighted "any of the words" reading would betray.
    loosenable: bool = False
    quoted: tuple[str, ...] = ()  # the exact phrases typed in quotation marks (not under NOT, no field)
    excluded: tuple[str, ...] = ()  # plain words under NOT or -: a looser reading still leaves them out


def parse_query(raw: str) -> ParsedQuery:
    """Check and normalise a query; raise QueryError with a friendly message when it cannot be read."""
    if len(raw) > 4 * MAX_QUERY_LENGTH:  # refused before any work is spent on it
        raise _too_long(len(raw))
    text = " ".join(normalise(raw).split())
    if not text:
        raise QueryError("Type a word or a phrase to search for.")
    text = QUESTION_MARK.sub(" ", DASH.sub(" ", text))
    prose = _is_prose(text)
    if len(text) > (MAX_PROSE_LENGTH if prose else MAX_QUERY_LENGTH):
        raise _too_long(len(text), MAX_PROSE_LENGTH if prose else MAX_QUERY_LENGTH)
    if prose:
        text = _as_prose(text)
    if text.count('"') % 2:
        raise QueryError('A quotation mark is not closed: add the closing " or remove the opening one.')
    if text.count("(") != text.count(")") or _parentheses_misordered(text):
        raise QueryError("The brackets do not match: each ( needs a ) after it.")
    if prose and len(text.split()) > MAX_CLAUSES:
        text = _without_common_words(text)
    reader = QueryReader(text)
    query_text = reader.read()
    if not reader.clauses:
        raise QueryError("There is nothing to search for in that query: add a word or a phrase.")
    parsed = _check(query_text)
    marked = list(_positive_marks(_on_written_words(parsed)))
    return ParsedQuery(
        text=query_text,
        terms=frozenset(mark for mark in marked if isinstance(mark, str)),
        phrases=frozenset(mark for mark in marked if isinstance(mark, tuple)),
        words=tuple(reader.words),
        excluded=tuple(reader.excluded),
        loosenable=(
            "AND" not in query_text.split() and _only_words(parsed) and bool(PLAIN_WORD.search(QUOTED.sub(" ", text)))
        ),
        quoted=tuple(reader.phrases),
    )


def _is_prose(text: str) -> bool:
    """A question or a passage pasted in: several words, sentence punctuation, no operator, field or pattern."""
    return (
        len(text.split()) >= MIN_PROSE_WORDS
        and bool(PROSE.fullmatch(text))
        and not OPERATOR_WORDS.search(text)
        and not FIELD_PREFIX.search(text)
    )


def _as_prose(text: str) -> str:
    """Brackets among plain words group nothing (every word counts alike): they go, matched or not; so does a
    quotation mark left open ("Kennedy's "New Frontier speech")."""
    text = text.replace("(", " ").replace(")", " ")
    if text.count('"') % 2:
        head, _, tail = text.rpartition('"')
        text = head + " " + tail
    return " ".join(text.split())


def _without_common_words(text: str) -> str:
    """A long question in prose, its commonest words and repeated words left out: it searches the same.

    Quoted phrases are kept whole.
    """
    kept, seen = [], set()
    for piece in QUOTED.split(text):
        if piece.startswith('"'):
            kept.append(piece)
            continue
        for word in piece.split():
            key = word.strip(".,;:!?").lower()
            if key and key not in COMMON_WORDS and key not in seen:
                kept.append(word)
                seen.add(key)
    return " ".join(kept) or text


def _too_long(length: int, limit: int = MAX_QUERY_LENGTH) -> QueryError:
    return QueryError(f"That search is {length:,} characters long; the limit is {limit:,}. Try fewer words.")


def _parentheses_misordered(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return True
    return False


def _check(text: str) -> wq.Query:
    """Parse as the engine will (haystack wraps a raw query in brackets); the result must search for something."""
    try:
        parsed = _parser().parse(f"({text})")
    except Exception as error:  # Whoosh's parser fails with assorted internal errors on odd input.
        raise QueryError("That search could not be read. Try plain words, or a phrase in quotation marks.") from error
    if parsed is wq.NullQuery or not list(parsed.leaves()):
        raise QueryError("There is nothing to search for in that query: add a word or a phrase.")
    return parsed


def _on_written_words(parsed: wq.Query) -> wq.Query:
    """The query as the engine runs it, wildcard and fuzzy words with the words they fit (for highlighting)."""
    backend = connections["default"].get_backend()
    return backend.on_written_words(parsed) if hasattr(backend, "on_written_words") else parsed


_PARSERS: dict[int, tuple[wf.Schema, QueryParser]] = {}


def _parser() -> QueryParser:
    """The engine's parser when the engine is Whoosh; otherwise one over a schema with the same fields."""
    backend = connections["default"].get_backend()
    if hasattr(backend, "setup_complete") and not backend.setup_complete:
        backend.setup()
    schema = getattr(backend, "schema", None) or _STANDALONE_SCHEMA
    cached = _PARSERS.get(id(schema))
    if cached is None or cached[0] is not schema:
        _PARSERS.clear()
        cached = _PARSERS[id(schema)] = (schema, build_parser(schema, getattr(backend, "content_field_name", "text")))
    return cached[1]


def _text_field() -> wf.TEXT:
    return wf.TEXT(analyzer=archive_analyzer())


_STANDALONE_SCHEMA = wf.Schema(
    text=_text_field(),
    title=_text_field(),
    authors=_text_field(),
    publisher=_text_field(),
    kind=_text_field(),
    year=wf.NUMERIC(),
    date=wf.DATETIME(),
)


def _only_words(node: wq.Query) -> bool:
    """True for ANDed words of the text, some perhaps excluded ("Asia-Pacific" reads as a phrase of its parts)."""
    if isinstance(node, wq.And):
        return all(_only_words(child) for child in node.children())
    if isinstance(node, wq.Not):
        return isinstance(node.query, wq.Term) and node.query.fieldname == "text"
    if isinstance(node, (wq.Term, wq.Phrase)):
        exact = isinstance(node, wq.Phrase) or type(node) is wq.Term  # not a fuzzy or pattern subclass
        return exact and node.fieldname == "text" and getattr(node, "slop", 1) == 1
    return False


def _positive_marks(node: wq.Query):
    """Yield what a result must or may contain, skipping what is under NOT: a word, or an exact phrase's words.

    Words of a proximity phrase ("trust gaps"~5) are marked one by one, wherever they are.
    """
    if isinstance(node, wq.Not):
        return
    if isinstance(node, wq.Term) and node.fieldname in TEXT_FIELDS:
        yield node.text
    elif isinstance(node, wq.Phrase) and node.fieldname in TEXT_FIELDS:
        if node.slop == 1 and len(node.words) > 1:
            yield tuple(node.words)
        else:
            yield from node.words
    for child in node.children():
        yield from _positive_marks(child)
