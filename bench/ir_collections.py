"""The test collections beside the clone (``../shared/corpus/ir/*``), whatever their format, as one model.

Each folder is read by the first format reader that recognises its files (only the SMART format is found
there today: ``bench/smart.py``). Each collection's judged queries are split into two fixed halves, odd
and even query numbers: ranking parameters may be chosen on the tuning half only, and the held-out half
says whether the choice generalises. The split depends on nothing but the numbers, so it never moves.
"""

from dataclasses import dataclass
from pathlib import Path

IR_ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ir"
HALVES = ("all", "tuning", "held-out")


@dataclass(frozen=True)
class Document:
    docno: int  # the number the judgements use
    title: str
    abstract: str  # "" where the collection gives a title only


@dataclass(frozen=True)
class Query:
    number: int  # the number the judgements use (an id or a position, as the collection has it)
    qid: str  # the id as printed ("004")
    text: str  # whitespace-joined


@dataclass(frozen=True)
class Collection:
    name: str  # the folder's name, for display only
    format: str
    documents: list[Document]
    queries: list[Query]
    grades: dict[int, dict[int, int]]  # query number -> {docno: gain > 0}; judged queries only
    judgements: str  # how the judgements were read, printed under the figures

    def half(self, name: str) -> list[int]:
        """The judged query numbers of one half: "all", "tuning" (odd numbers) or "held-out" (even)."""
        judged = sorted(self.grades)
        if name == "all":
            return judged
        if name not in HALVES:
            raise ValueError(f"no half named {name!r}: {', '.join(HALVES)}")
        return [number for number in judged if number % 2 == (1 if name == "tuning" else 0)]


def find(root: Path = IR_ROOT) -> list[Path]:
    """Every folder under ``root`` that a format reader recognises, by name."""
    from bench import smart

    if not root.is_dir():
        return []
    return [path for path in sorted(root.iterdir()) if path.is_dir() and smart.recognise(path) is not None]


def load(directory: Path) -> Collection:
    """Read the collection in ``directory`` with the reader that recognises its files."""
    from bench import smart  # imported here: smart builds on this module's dataclasses

    if smart.recognise(directory) is not None:
        return smart.load(directory)
    raise ValueError(f"{directory}: no known test-collection format (SMART: .I-tagged documents, queries, judgements)")
