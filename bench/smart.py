"""Read a test collection in the SMART format (Cranfield, CACM, and the other Glasgow/Cornell collections).

The format is recognised from the files' contents, never from their names: documents and queries are
files of ``.I <id>`` blocks with one-letter field tags alone on their lines, the documents being the
larger of the two (some collections give their queries titles and authors too, some give their
documents no title); judgements are a file of whitespace-separated numbers. Two things vary between
collections and are read from the judgements themselves:

- Which number names a query. CACM's judgements use the ``.I`` id; Cranfield's use the query's 1-based
  position in its file, because its ids skip (001, 002, 004, ...) and joining on them would misalign 223 of
  225 queries. The ids are used when every judged number is an id, the positions otherwise.
- What a judgement line says (see ``read_judgements``).
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench import metrics
from bench.ir_collections import Collection, Document, Query

# A field tag alone on its line, e.g. ".T", ".W" or ".I 471" (CACM pads some tags with a trailing space).
_TAG = re.compile(r"^\.([A-Z])(?: +(\S+))?\s*$")
# A judgement line: two to four numbers, e.g. "3 485 -1" (Cranfield), "01 1410  0 0" (CACM), "1 0 13 1" (TREC),
# "1 28 0 0.000000" (CISI: the last column printed as a decimal).
_JUDGEMENT = re.compile(r"^\s*-?\d+(?:\s+-?\d+(?:\.0+)?){1,3}\s*$")
# The fields searched: the title and the abstract (authors, dates, keywords and citation links are left out,
# as the collections' READMEs say: "Index title and abstract").
TITLE, BODY = "T", "W"
# What some CACM blocks hold where a field is missing (".W" then "None": documents 3051, 3061-3063).
_ABSENT = "None"


@dataclass(frozen=True)
class Block:
    ident: str  # the .I value as printed ("004")
    fields: dict[str, str]  # tag -> its lines, whitespace-joined


@dataclass(frozen=True)
class Files:
    documents: Path
    queries: Path
    judgements: Path


def recognise(directory: Path) -> Files | None:
    """The folder's documents, queries and judgements files, or None when it does not hold the SMART format."""
    tagged, judgements = [], []
    for path in sorted(p for p in directory.iterdir() if p.is_file()):
        head = _head(path)
        if _TAG.match(head) and head.startswith(".I "):
            tagged.append(path)
        elif head and _all_lines_match(path, _JUDGEMENT):
            judgements.append(path)
    if len(tagged) == len(judgements) * 2 == 2:
        queries, documents = sorted(tagged, key=_block_count)
        return Files(documents, queries, judgements[0])
    return None


def load(directory: Path) -> Collection:
    """Read a SMART collection: documents, queries numbered as the judgements name them, and gains."""
    files = recognise(directory)
    if files is None:
        raise ValueError(f"{directory}: not one SMART documents file, one queries file and one judgements file")
    lines, describe = read_judgements(files.judgements)
    queries = read_queries(files.queries, judged={query for query, _, _ in lines})
    grades: dict[int, dict[int, int]] = defaultdict(dict)
    for query, docno, gain in lines:
        if gain > 0:
            grades[query][docno] = max(gain, grades[query].get(docno, 0))
    return Collection(directory.name, "SMART", read_documents(files.documents), queries, dict(grades), describe)


def read_documents(path: Path) -> list[Document]:
    """Every document block: its title and abstract ("" where the collection has none)."""
    return [Document(int(block.ident), _field(block, TITLE), _field(block, BODY)) for block in blocks(_text(path))]


def read_queries(path: Path, judged: set[int]) -> list[Query]:
    """The queries with text, numbered by id when every ``judged`` number is an id, else by position."""
    found = blocks(_text(path))
    ids = {int(block.ident) for block in found}
    by_id = judged <= ids
    if not by_id and not judged <= set(range(1, len(found) + 1)):
        raise ValueError(f"{path}: the judgements name queries that are neither ids nor positions in the file")
    numbered = [
        Query(int(block.ident) if by_id else position, block.ident, _field(block, BODY) or _field(block, TITLE))
        for position, block in enumerate(found, start=1)
    ]
    return [query for query in numbered if query.text]  # CACM ends with an empty ".I 0" block


def read_judgements(path: Path) -> tuple[list[tuple[int, int, int]], str]:
    """``(query, docno, gain)`` per line, and how the lines were read, recognised from their columns.

    - ``query docno`` pairs, or ``query docno 0 0`` (CACM, CISI): binary, gain 1.
    - ``query docno code`` (Cranfield): Cleverdon's scale, 1 "complete answer" .. 4 "minimum interest",
      -1 the source document; gain from ``metrics.cranfield_gain``.
    - ``query 0 docno grade`` (TREC, MED): gain = grade.
    """
    rows = [[int(float(value)) for value in line.split()] for line in _text(path).splitlines() if line.strip()]
    widths = {len(row) for row in rows}
    if widths == {2} or (widths == {4} and all(row[2] == row[3] == 0 for row in rows)):
        return [(row[0], row[1], 1) for row in rows], "binary judgements (every judged pair is relevant)"
    if widths == {3}:
        return (
            [(query, docno, metrics.cranfield_gain(code)) for query, docno, code in rows],
            "relevant = Cleverdon codes 1-4 and -1; nDCG@10 graded, gain = 5 - code (-1 -> 1)",
        )
    if widths == {4} and all(row[1] == 0 for row in rows):
        return [(row[0], row[2], row[3]) for row in rows], "TREC judgements (gain = grade, relevant if > 0)"
    raise ValueError(f"{path}: judgement lines of {sorted(widths)} columns in no known layout")


def blocks(text: str) -> list[Block]:
    """Split SMART-tagged text into one ``Block`` per ``.I``; a tag's text runs until the next tag."""
    found: list[tuple[str, dict[str, list[str]]]] = []
    tag = None
    for line in text.splitlines():
        match = _TAG.match(line)
        if match and match.group(1) == "I":
            found.append((match.group(2) or "", {}))
            tag = None
        elif match and found:
            tag = match.group(1)
            found[-1][1].setdefault(tag, [])
        elif tag and found:
            found[-1][1][tag].append(line)
    return [Block(ident, {k: " ".join(" ".join(v).split()) for k, v in fields.items()}) for ident, fields in found]


def _field(block: Block, tag: str) -> str:
    """A field's text, "" where the block lacks it or holds the placeholder for a missing one."""
    text = block.fields.get(tag, "")
    return "" if text == _ABSENT else text


def _text(path: Path) -> str:
    # The collections are ASCII; a stray byte must not stop a benchmark, so it is replaced, not fatal.
    return path.read_text(encoding="utf-8", errors="replace")


def _head(path: Path) -> str:
    """The file's first non-blank line, stripped ("" for an empty or binary file)."""
    with path.open("rb") as handle:
        for raw in handle:
            line = raw.decode("utf-8", errors="replace").strip()
            if line:
                return line
    return ""


def _all_lines_match(path: Path, pattern: re.Pattern) -> bool:
    return all(pattern.match(line) for line in _text(path).splitlines() if line.strip())


def _block_count(path: Path) -> int:
    return sum(1 for line in _text(path).splitlines() if line.startswith(".I"))
