"""Read the Cranfield 1400 collection (SMART format): documents, queries and graded judgements.

The judgements file numbers queries by their 1-based POSITION in ``cran.qry``, not by the ``.I`` id
printed there (ids skip: 001, 002, 004, ...); joining on the id would misalign 223 of 225 queries.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

# A field tag alone on its line, e.g. ".T" or ".I 471"; the text runs until the next tag.
_TAG = re.compile(r"^\.([A-Z])(?: (\S+))?\s*$")


@dataclass(frozen=True)
class CranfieldDocument:
    docno: int
    title: str
    authors: str
    abstract: str  # the .W text, which begins by repeating the title


@dataclass(frozen=True)
class CranfieldQuery:
    number: int  # 1-based position in cran.qry: the number the judgements use
    qid: str  # the .I id as printed ("004")
    text: str  # whitespace-joined


@dataclass(frozen=True)
class Collection:
    documents: list[CranfieldDocument]
    queries: list[CranfieldQuery]
    qrels: dict[int, dict[int, int]]  # query number -> {docno: Cranfield code (1..4, or -1)}


def load(directory: Path) -> Collection:
    """Read ``cran.all.1400``, ``cran.qry`` and ``cranqrel`` from ``directory``."""
    return Collection(
        documents=read_documents(directory / "cran.all.1400"),
        queries=read_queries(directory / "cran.qry"),
        qrels=read_qrels(directory / "cranqrel"),
    )


def read_documents(path: Path) -> list[CranfieldDocument]:
    """Every document block, with its fields whitespace-joined ("" where a field is empty)."""
    return [
        CranfieldDocument(int(ident), fields.get("T", ""), fields.get("A", ""), fields.get("W", ""))
        for ident, fields in _blocks(path.read_text(encoding="ascii"))
    ]


def read_queries(path: Path) -> list[CranfieldQuery]:
    """The queries in file order; ``number`` is the position the judgements refer to."""
    blocks = _blocks(path.read_text(encoding="ascii"))
    return [CranfieldQuery(n, ident, fields.get("W", "")) for n, (ident, fields) in enumerate(blocks, start=1)]


def read_qrels(path: Path) -> dict[int, dict[int, int]]:
    """``{query number: {docno: code}}`` from ``<query> <docno> <code>`` lines."""
    qrels: dict[int, dict[int, int]] = defaultdict(dict)
    for line in path.read_text(encoding="ascii").splitlines():
        if line.strip():
            query, docno, code = (int(value) for value in line.split())
            qrels[query][docno] = code
    return dict(qrels)


def _blocks(text: str) -> list[tuple[str, dict[str, str]]]:
    """Split SMART-tagged text into ``(id, {tag: text})`` blocks, one per ``.I``."""
    blocks: list[tuple[str, dict[str, list[str]]]] = []
    tag = None
    for line in text.splitlines():
        match = _TAG.match(line)
        if match and match.group(1) == "I":
            blocks.append((match.group(2), {}))
            tag = None
        elif match:
            tag = match.group(1)
            blocks[-1][1].setdefault(tag, [])
        elif tag and blocks:
            blocks[-1][1][tag].append(line)
    return [(ident, {k: " ".join(" ".join(v).split()) for k, v in fields.items()}) for ident, fields in blocks]
