"""Read normalised query text into Lucene syntax over the index's field names, token by token.

Phrases, signs, brackets, operators, ``field:`` prefixes, ranges, dates and kinds each become syntax
Whoosh, Elasticsearch and Solr read alike; whatever cannot be read raises a ``QueryError`` saying how
to fix it.
"""

import calendar
import re
from dataclasses import dataclass, field

from archive.models import DocumentKind
from archive.search.analysis import TOKEN_PATTERN
from archive.search.engine import AUTHORS, DATE, KIND, PUBLISHER, TITLE, YEAR

# The bounds every query is held to (``parse`` checks the length, the parser caps expansions).
MAX_QUERY_LENGTH = 500
# A question or passage pasted in as prose (MIN_PROSE_WORDS words or more, no operator, field or pattern)
# may be longer: its repeated and commonest words are dropped before it is read.
MAX_PROSE_LENGTH = 1000
MIN_PROSE_WORDS = 6
MAX_CLAUSES = 40  # words, phrases and field values in one query
MAX_DEPTH = 10  # brackets inside brackets
MAX_EXPANDING = 4  # wildcard and fuzzy words in one query
MAX_EXPANSIONS = 200  # index words one wildcard or fuzzy word may stand for (the rest are ignored)
MIN_WILDCARD_PREFIX = 3  # literal characters before the first * or ?
MAX_FUZZY_DISTANCE = 2
MAX_SLOP = 50  # "trust gaps"~50: words at most this far apart


class QueryError(ValueError):
    """A query that cannot be read; the message tells the researcher how to fix it."""


# What a researcher types before the colon -> the index field it searches.
FIELDS = {"title": TITLE, "author": AUTHORS, "authors": AUTHORS, "publisher": PUBLISHER, "kind": KIND, "year": YEAR, "date": DATE}
KINDS = tuple(DocumentKind.values)
OPERATORS = {"AND": "AND", "OR": "OR", "NOT": "NOT", "&&": "AND", "||": "OR"}

# One token of the normalised query: spaces, a "phrase" with optional ~slop, a sign (-word, +word),
# a [range TO range], a bracket, or a run of anything else (a word, possibly with field: and * ? ~).
LEXER = re.compile(
    r"""(?P<space>\s+)
      | (?P<phrase>"[^"]*")(?:~(?P<slop>\d+))?
      | (?P<sign>[-+]+)(?=[^\s\-+)])
      | (?P<range>[\[{]\s*(?P<low>[^\s\]}]+)\s+(?i:to)\s+(?P<high>[^\s\]}]+)\s*[\]}])
      | (?P<open>\()
      | (?P<close>\))
      | (?P<bracket>[\[\]{}])
      | (?P<word>[^\s()"\[\]{}]+)""",
    re.VERBOSE,
)
WORD = re.compile(TOKEN_PATTERN)
FUZZY = re.compile(r"^(?P<word>[^\W_]\w*)~(?P<distance>\d+)?$")
WILDCARD_CHARS = re.compile(r"[*?]")
DATE_VALUE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?$")
OPEN_END = {"*", ""}
# Words joined by punctuation that reads the same inside quotation marks: Asia-Pacific, China's, R&D.
PLAIN_JOINED = re.compile(r"[\w'.+\-&]+")


@dataclass
class QueryReader:
    """Turn normalised text into Lucene syntax, token by token, collecting the positive words."""

    source: str
    out: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)  # plain words under NOT or -, as typed
    phrases: list[str] = field(default_factory=list)  # exact phrases in quotation marks, outside NOT and fields
    clauses: int = 0
    expanding: int = 0

    def read(self) -> str:
        tokens = [m for m in LEXER.finditer(self.source) if not m.group("space") and not m.group("bracket")]
        self._items(tokens, 0, len(tokens), field_name=None, negated=False, depth=0)
        return _join(_tidy(self.out))

    def _items(self, tokens, start, end, *, field_name, negated, depth) -> None:
        i = start
        negate_next = False
        while i < end:
            token = tokens[i]
            kind = token.lastgroup if token.lastgroup != "slop" else "phrase"
            if kind == "skip":
                i += 1
                continue
            if kind == "sign":
                if "-" in token.group("sign"):
                    self.out.append("-")
                    negate_next = True
                i += 1
                continue
            if kind == "word" and token.group() in OPERATORS and self._operator_joins(tokens, i, start, end):
                operator = OPERATORS[token.group()]
                self.out.append(operator)
                negate_next = operator == "NOT"
                i += 1
                continue
            i = self._item(tokens, i, end, field_name=field_name, negated=negated or negate_next, depth=depth)
            negate_next = False

    def _item(self, tokens, i, end, *, field_name, negated, depth) -> int:
        """Emit the item starting at tokens[i]; return the index after it."""
        token = tokens[i]
        kind = token.lastgroup if token.lastgroup != "slop" else "phrase"
        if kind == "open":
            close = _matching_close(tokens, i)
            if depth + 1 > MAX_DEPTH:
                raise QueryError(f"Brackets are nested too deeply: at most {MAX_DEPTH} inside each other.")
            mark = len(self.out)
            self.out.append("(")
            self._items(tokens, i + 1, close, field_name=field_name, negated=negated, depth=depth + 1)
            if self.out[-1] == "(":
                del self.out[mark:]  # an empty group says nothing
            else:
                self.out.append(")")
            return close + 1
        if kind == "close":
            return i + 1  # unreachable for balanced text; kept harmless
        if kind == "range":
            self._range(token, field_name)
            return i + 1
        if kind == "phrase":
            self._phrase(token.group("phrase")[1:-1], token.group("slop"), field_name, negated)
            return i + 1
        return self._word(tokens, i, end, field_name=field_name, negated=negated, depth=depth)

    def _word(self, tokens, i, end, *, field_name, negated, depth) -> int:
        text = tokens[i].group()
        name, colon, rest = text.partition(":")
        if colon and name.lower() in FIELDS:
            target = FIELDS[name.lower()]
            if rest:
                self._value(rest.replace(":", " "), target, negated, tokens, i, end)
                return i + 1
            following = tokens[i + 1] if i + 1 < end else None
            if following is None or following.start() != tokens[i].end() or following.lastgroup == "close":
                raise QueryError(f'"{name}:" needs something to look for after it, e.g. {_example(target)}.')
            return self._item(tokens, i + 1, end, field_name=target, negated=negated, depth=depth)
        for part in text.split(":"):
            if part:
                self._value(part, field_name, negated, tokens, i, end)
        return i + 1

    def _value(self, text, field_name, negated, tokens, i, end) -> None:
        if field_name == YEAR:
            return self._emit(f"{YEAR}:{_year(text)}")
        if field_name == DATE:
            low, high = _date_bounds(text)
            return self._emit(f"date:[{low} TO {high}]")
        if field_name == KIND:
            return self._emit(f"{KIND}:{self._kind(text, tokens, i, end)}")
        prefix = f"{field_name}:" if field_name else ""
        text = text.strip("?")  # "ASEAN?" is a question, "?slip?" a quoted word: neither is a wildcard
        if not WORD.search(text) and not field_name:
            return None  # punctuation on its own ("*," in "operators like *, +"): nothing to search
        if WILDCARD_CHARS.search(text):
            return self._emit(prefix + self._wildcard(text))
        fuzzy = FUZZY.match(text)
        if fuzzy and len(fuzzy.group("word")) >= 3:
            return self._emit(prefix + self._fuzzy(fuzzy))
        parts = WORD.findall(text.replace("~", " "))
        if not parts:
            return None
        if len(parts) == 1:  # an operator that joins nothing is a word: "trust AND" searches "and"
            self._emit(prefix + (parts[0].lower() if parts[0] in OPERATORS else parts[0]))
        else:  # "Asia-Pacific", "China's": the parts, next to each other
            shown = _trim(text) if PLAIN_JOINED.fullmatch(_trim(text)) else " ".join(parts)
            self._emit(f'{prefix}"{shown}"')
        if not field_name:
            (self.excluded if negated else self.words).extend(_plain_words(text))
        return None

    def _phrase(self, text, slop, field_name, negated) -> None:
        text = _phrase_text(text)
        if field_name in (YEAR, DATE, KIND):
            return self._value(text, field_name, negated, [], 0, 0)
        parts = WORD.findall(text)
        if not parts:
            return
        suffix = ""
        if slop and int(slop) > 0:
            if int(slop) > MAX_SLOP:
                raise QueryError(f'Words can be at most {MAX_SLOP} apart: try "{text}"~{MAX_SLOP}.')
            suffix = f"~{int(slop)}"
        prefix = f"{field_name}:" if field_name else ""
        self._emit(f'{prefix}"{text}"{suffix}' if len(parts) > 1 or suffix else prefix + parts[0])
        if not field_name and not negated:
            for word in text.split():
                self.words.extend(_plain_words(word))
            if len(parts) > 1 and not suffix:
                self.phrases.append(text)

    def _wildcard(self, text: str) -> str:
        literal = WILDCARD_CHARS.split(text, maxsplit=1)[0]
        if not re.fullmatch(r"[\w*?]+", text):
            raise QueryError(f"A wildcard works within one word of letters and digits: {text} cannot be read.")
        if len(literal) < MIN_WILDCARD_PREFIX:
            raise QueryError(
                f"A wildcard needs at least {MIN_WILDCARD_PREFIX} letters before the * or ?, "
                "e.g. secur* (too many words start with fewer)."
            )
        self._expanding()
        return text.lower()

    def _fuzzy(self, match: re.Match) -> str:
        distance = int(match.group("distance") or 1)
        word = match.group("word")
        if distance > MAX_FUZZY_DISTANCE:
            raise QueryError(f"Fuzzy words allow at most {MAX_FUZZY_DISTANCE} differences: try {word}~2.")
        if distance == 0:
            return word
        self._expanding()
        return f"{word}~{distance}"

    def _kind(self, text, tokens, i, end) -> str:
        key = "_".join(re.findall(r"[^\W_]+", text.lower()))
        following = tokens[i + 1] if i + 1 < end and tokens[i + 1].lastgroup == "word" else None
        candidates = [key, key[:-1] if key.endswith("s") else key]
        if following is not None:  # kind:white paper
            joined = f"{key}_{following.group().lower()}"
            candidates += [joined, joined[:-1] if joined.endswith("s") else joined]
        for index, candidate in enumerate(candidates):
            if candidate in KINDS:
                if index >= 2:
                    tokens[i + 1] = _SKIP
                return candidate
        raise QueryError(f"kind: is one of {', '.join(KINDS)}; e.g. kind:white_paper.")

    def _range(self, token: re.Match, field_name) -> None:
        low, high = token.group("low"), token.group("high")
        if field_name == YEAR:
            low_year, high_year = _year(low, open_end="1000"), _year(high, open_end="9999")
            if low_year > high_year:
                raise QueryError(f"That range ends before it starts: try year:[{high} TO {low}].")
            return self._emit(f"year:[{low_year} TO {high_year}]")
        if field_name == DATE:
            start = "1000-01-01" if low in OPEN_END else _date_bounds(low)[0]
            finish = "9999-12-31" if high in OPEN_END else _date_bounds(high)[1]
            if start > finish:
                raise QueryError(f"That range ends before it starts: try date:[{high} TO {low}].")
            return self._emit(f"date:[{start} TO {finish}]")
        raise QueryError("Only year: and date: take a range, e.g. date:[2017 TO 2020].")

    def _emit(self, piece: str) -> None:
        self.clauses += 1
        if self.clauses > MAX_CLAUSES:
            raise QueryError(f"That search has too many words: the limit is {MAX_CLAUSES}. Try fewer.")
        self.out.append(piece)

    def _expanding(self) -> None:
        self.expanding += 1
        if self.expanding > MAX_EXPANDING:
            raise QueryError(f"A search may have at most {MAX_EXPANDING} wildcard or fuzzy words.")

    @staticmethod
    def _operator_joins(tokens, i, start, end) -> bool:
        """AND / OR / NOT join something; where they do not ("NOT", "trust AND") they are words."""
        word = OPERATORS[tokens[i].group()]
        before = tokens[i - 1] if i > start else None
        after = tokens[i + 1] if i + 1 < end else None
        if after is None or after is _SKIP or after.lastgroup == "close":
            return False
        if after.lastgroup == "word" and OPERATORS.get(after.group()) in ("AND", "OR"):
            return False
        if word == "NOT":
            return True
        return before is not None and before.lastgroup != "sign" and before.group() not in OPERATORS


class _Skip:
    """Marks a token already read as part of the one before it (kind:white paper)."""

    lastgroup = "skip"

    def group(self, *args) -> str:
        return ""

    def start(self) -> int:
        return -1

    def end(self) -> int:
        return -1


_SKIP = _Skip()


BINARY = ("AND", "OR")
PREFIXES = ("NOT", "-")


def _tidy(pieces: list[str]) -> list[str]:
    """Drop operators left joining nothing and brackets left holding nothing ("a AND ?", "(-?)")."""
    changed = True
    while changed:
        changed, kept = False, []
        for i, piece in enumerate(pieces):
            following = pieces[i + 1] if i + 1 < len(pieces) else ")"
            previous = kept[-1] if kept else "("
            lacks_operand = following in (")", *BINARY)
            if piece in PREFIXES and following in PREFIXES:  # NOT -x: a double negative
                kept.extend(pieces[i + 2 :])
                changed = True
                break
            if (piece in BINARY and (previous in ("(", *BINARY, *PREFIXES) or lacks_operand)) or (
                piece in PREFIXES and lacks_operand
            ):
                changed = True
                continue
            if piece == ")" and previous == "(":
                kept.pop()
                changed = True
                continue
            kept.append(piece)
        pieces = kept
    return pieces


def _join(pieces: list[str]) -> str:
    text = ""
    for piece in pieces:
        if text and not text.endswith(("(", "-")) and piece != ")":
            text += " "
        text += piece
    return text


def _matching_close(tokens, i) -> int:
    depth = 0
    for j in range(i, len(tokens)):
        group = tokens[j].lastgroup
        depth += {"open": 1, "close": -1}.get(group, 0)
        if depth == 0:
            return j
    return len(tokens)


def _year(text: str, open_end: str | None = None) -> int:
    if open_end is not None and text in OPEN_END:
        return int(open_end)
    if not re.fullmatch(r"\d{4}", text):
        raise QueryError(f"year: takes a year such as year:2017, or a range such as year:[2017 TO 2020] ({text!r}).")
    return int(text)


def _date_bounds(text: str) -> tuple[str, str]:
    """The first and last day a date such as 2017, 2017-01 or 2024-05-16 stands for."""
    match = DATE_VALUE.match(text)
    if not match:
        raise QueryError(
            "date: takes a year, a month or a day, e.g. date:2017, date:2017-01, date:2024-05-16 "
            f"or date:[2017 TO 2020] ({text!r} is none of these)."
        )
    year = int(match.group("year"))
    month = int(match.group("month") or 0)
    day = int(match.group("day") or 0)
    if year < 1000 or (match.group("month") and not 1 <= month <= 12):
        raise QueryError(f"{text} is not a date: write it as 2017, 2017-01 or 2024-05-16.")
    if not month:
        return f"{year}-01-01", f"{year}-12-31"
    last = calendar.monthrange(year, month)[1]
    if not day:
        return f"{year}-{month:02}-01", f"{year}-{month:02}-{last:02}"
    if not 1 <= day <= last:
        raise QueryError(f"{text} is not a date: write it as 2017, 2017-01 or 2024-05-16.")
    return (f"{year}-{month:02}-{day:02}",) * 2


def _example(field_name: str) -> str:
    return {"year": "year:2017", "date": "date:[2017 TO 2020]", "kind": "kind:white_paper"}.get(
        field_name, f"{field_name}:security"
    )


def _phrase_text(text: str) -> str:
    """Inside quotation marks only letters, digits and plain punctuation: nothing an engine reads as syntax."""
    return " ".join(re.sub(r'["\\]', " ", text).split())


def _plain_words(typed: str) -> list[str]:
    """The word as typed when it is safe to search on its own ("Asia-Pacific"), else its parts."""
    parts = WORD.findall(typed.replace("~", " "))
    if len(parts) > 1 and PLAIN_JOINED.fullmatch(_trim(typed)):
        parts = [_trim(typed)]
    return [part.lower() if part in OPERATORS else part for part in parts]


def _trim(word: str) -> str:
    return re.sub(r"^\W+|[^\w.+]+$", "", word)

