"""Read what a researcher typed into something the engine can answer, or say clearly why not.

Words are ANDed; "exact phrases", AND / OR / NOT and parentheses work; ``title:``, ``author:``,
``publisher:`` and ``kind:`` search one field. Anything else is read literally rather than refused
where a literal reading exists (an unknown ``note:`` is just the word "note").
"""

import re
from dataclasses import dataclass

from haystack import connections
from whoosh import query as wq
from whoosh.qparser import FuzzyTermPlugin, QueryParser


MAX_QUERY_LENGTH = 500
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
FIELDS = {"title": "title", "author": "authors", "authors": "authors", "publisher": "publisher", "kind": "kind"}
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
# Characters with a meaning to the engine that researchers do not mean: ranges, boosts, regexes.
UNSUPPORTED_CHARACTERS = re.compile(r"[\[\]{}^/\\<>=!&|;@#$%]")
# A field prefix, e.g. "title:" in 'title:"security vision"'.
FIELD_PREFIX = re.compile(r"(?<![\w\"])(\w+):")


class QueryError(ValueError):
    """A query that cannot be read; the message tells the researcher how to fix it."""


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the query as the engine will read it
    terms: frozenset[str]  # analysed words to highlight (none from NOT clauses)


def parse_query(raw: str) -> ParsedQuery:
    """Check and normalise a query; raise QueryError with a friendly message when it cannot be read."""
    text = " ".join(raw.translate(QUOTES).split())
    if not text:
        raise QueryError("Type a word or a phrase to search for.")
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"That search is {len(text):,} characters long; the limit is {MAX_QUERY_LENGTH}. Try fewer words."
        )
    if text.count('"') % 2:
        raise QueryError('A quotation mark is not closed: add the closing " or remove the opening one.')
    if text.count("(") != text.count(")") or _parentheses_misordered(text):
        raise QueryError("The brackets do not match: each ( needs a ) after it.")
    text = UNSUPPORTED_CHARACTERS.sub(" ", text)
    text = FIELD_PREFIX.sub(_field_or_literal, text)
    if re.search(r":(\s|$|\))", text):
        field = re.search(r"(\w+):(\s|$|\))", text)
        name = field.group(1) if field else "title"
        raise QueryError(f'"{name}:" needs something to look for after it, e.g. {name}:security.')
    text = _operators_without_operands_as_words(text)
    try:
        # Parsed as the engine will see it: haystack wraps a raw query in brackets.
        parsed = _parser().parse(f"({text})")
    except Exception as error:  # Whoosh's parser fails with assorted internal errors on odd input.
        raise QueryError("That search could not be read. Try plain words, or a phrase in quotation marks.") from error
    if parsed is wq.NullQuery or not list(parsed.leaves()):
        raise QueryError("There is nothing to search for in that query: add a word or a phrase.")
    return ParsedQuery(text=" ".join(text.split()), terms=frozenset(_positive_terms(parsed)))


def _operators_without_operands_as_words(text: str) -> str:
    """Read AND / OR / NOT literally where they join nothing: "NOT", "trust AND", "OR OR x"."""
    tokens = text.split(" ")
    for i, token in enumerate(tokens):
        if token in OPERATORS:
            before = tokens[i - 1] if i > 0 else "("
            after = tokens[i + 1] if i + 1 < len(tokens) else ")"
            dangling_left = token != "NOT" and (before.endswith("(") or before in OPERATORS)
            if dangling_left or after.startswith(")") or after in ("AND", "OR"):
                tokens[i] = token.lower()
    return " ".join(tokens)


def _field_or_literal(match: re.Match) -> str:
    name = match.group(1).lower()
    return f"{FIELDS[name]}:" if name in FIELDS else f"{match.group(1)} "


def _parentheses_misordered(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return True
    return False


def _parser() -> QueryParser:
    backend = connections["default"].get_backend()
    if not backend.setup_complete:
        backend.setup()
    parser = QueryParser(backend.content_field_name, schema=backend.schema)
    parser.add_plugins([FuzzyTermPlugin()])
    return parser


def _positive_terms(node: wq.Query):
    """Yield the words a result must or may contain, skipping those under NOT."""
    if isinstance(node, wq.Not):
        return
    if isinstance(node, wq.Term) and node.fieldname in ("text", "title"):
        yield node.text
    elif isinstance(node, wq.Phrase):
        yield from node.words
    for child in node.children():
        yield from _positive_terms(child)

