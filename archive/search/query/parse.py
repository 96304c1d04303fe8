"""Read what a researcher typed into a query every engine can answer, or say clearly why not.

The syntax (documented for researchers on the search help page and in README.md): words (the text
here reads them all as required: the documents with every word; ``ranking.py`` weighs them as one
ranked list); "exact phrases" and proximity ("trust gaps"~5); AND / OR / NOT, ``-word`` and brackets;
``secur*`` and ``wom?n`` wildcards; fuzzy ``Cambodai~1``; fields ``title:``, ``author:``,
``publisher:``, ``kind:``, ``year:`` and ``date:`` with ranges (``date:[2017 TO 2020]``).

``parse_query`` makes what was typed plain (quotation marks, apostrophes, invisible characters), reads
a question pasted as prose leniently, and has ``lucene.QueryReader`` write it token by token as Lucene
syntax over the index's field names, which every engine reads alike; the engine then checks it and
says which words to mark (``SearchEngine.read_query``). Where a literal reading exists it is used (an
unknown ``note:`` is just the word "note"); otherwise the message says how to fix the query.
"""

import re
import unicodedata
from dataclasses import dataclass

from archive.search.analysis import COMMON_WORDS
from archive.search.engine import search_engine
from archive.search.query.lucene import (
    MAX_CLAUSES,
    MAX_PROSE_LENGTH,
    MAX_QUERY_LENGTH,
    MIN_PROSE_WORDS,
    QueryError,
    QueryReader,
)

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
    text: str  # Lucene syntax over the index's field names, what the engine is sent
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
    marks = search_engine().read_query(query_text)
    return ParsedQuery(
        text=query_text,
        terms=marks.terms,
        phrases=marks.phrases,
        words=tuple(reader.words),
        excluded=tuple(reader.excluded),
        loosenable=(
            "AND" not in query_text.split() and marks.only_words and bool(PLAIN_WORD.search(QUOTED.sub(" ", text)))
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


DOUBLE_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»‹›「」『』〝〞＂", '"'))
SINGLE_QUOTES = "'‘’‚‛`´"


def normalise(raw: str) -> str:
    """Unify quotation marks and apostrophes; drop control characters; fold full-width forms."""
    text = "".join(_visible(char) for char in unicodedata.normalize("NFKC", raw))
    text = text.translate(DOUBLE_QUOTES)
    return _single_quotes(text)


def _visible(char: str) -> str:
    category = unicodedata.category(char)
    if category in ("Cc", "Cs", "Co", "Cn") or char == "\u200b":
        return " "
    if category == "Cf" and char not in "\u200c\u200d":
        return ""  # soft hyphens, bidi overrides, byte-order marks
    return char


def _single_quotes(text: str) -> str:
    """‘Quoted phrase’ and 'quoted phrase' become "…"; China’s keeps an apostrophe; stray marks go."""
    chars = list(text)
    opener = None
    for i, char in enumerate(chars):
        if char not in SINGLE_QUOTES:
            continue
        before = chars[i - 1] if i else " "
        after = chars[i + 1] if i + 1 < len(chars) else " "
        if before.isalnum() and after.isalnum():
            chars[i] = "'"  # China’s, don't
        elif opener is None and not before.isalnum() and before not in ")" and not after.isspace():
            opener = i
            chars[i] = ""
        elif opener is not None and not before.isspace() and not after.isalnum():
            chars[opener], chars[i], opener = '"', '"', None
        else:
            chars[i] = ""  # the countries' views, a stray ‘
    return "".join(chars)
