"""Score a parsed section tree against a reader's expected outline: precision, recall, exactness.

Pure functions on nested ``(label, heading, children)`` data, so the arithmetic is testable on made-up
trees without parsing anything. An *entry* is one node identified by its folded label and heading and
by its parent entry, i.e. by the whole path from the root: a heading under the wrong parent does not
count. Nodes whose label and heading are both empty (the untitled text before the first heading) are
not entries; their children take their place in the tree.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# Typographic quotes and dashes written differently by different sources of one text.
_FOLD = str.maketrans({
    "’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-",
    "−": "-", "\u00a0": " ",
})
# The label's own terminator, printed after the number: "4.2.11." -> "4.2.11", "一、" -> "一".
_LABEL_END = re.compile(r"[.、]+$")

Node = tuple[str, str, tuple["Node", ...]]
Entry = tuple[tuple[str, str], ...]


def fold(text: str | None, *, case: bool = False) -> str:
    """Normalise layout differences only: NFKC, quotes, dashes, runs of white space; optionally case."""
    folded = " ".join(unicodedata.normalize("NFKC", text or "").translate(_FOLD).split())
    return folded.casefold() if case else folded


def fold_label(label: str) -> str:
    """Fold a printed label so "Article 5", "ARTICLE 5" and "4.2.11." / "4.2.11" compare equal."""
    return _LABEL_END.sub("", fold(label, case=True)).strip()


def normalise(sections: Iterable) -> tuple[Node, ...]:
    """Fold a tree of outline dicts or ParsedSections, lifting the children of untitled nodes."""
    out: list[Node] = []
    for section in sections:
        if isinstance(section, dict):
            label, heading, children = section.get("label", ""), section.get("heading", ""), section.get("children", [])
        else:
            label, heading, children = section.label, section.heading, section.children
        kids = normalise(children)
        label, heading = fold_label(label), fold(heading, case=True)
        if label or heading:
            out.append((label, heading, kids))
        else:
            out.extend(kids)
    return tuple(out)


def entries(tree: tuple[Node, ...], parent: Entry = ()) -> Counter[Entry]:
    """Count the entries of a normalised tree; an entry is the (label, heading) path from the root."""
    counted: Counter[Entry] = Counter()
    for label, heading, children in tree:
        path = (*parent, (label, heading))
        counted[path] += 1
        counted.update(entries(children, path))
    return counted


@dataclass(frozen=True)
class TreeScore:
    """How one parsed tree matches its expected outline."""

    matched: int
    expected: int
    parsed: int
    exact: bool
    missing: tuple[Entry, ...] = ()  # expected entries the parse lacks
    extra: tuple[Entry, ...] = ()  # parsed entries the outline lacks

    @property
    def precision(self) -> float:
        # A parse that claims no entries claims nothing wrong: 0/0 counts as 1.
        return self.matched / self.parsed if self.parsed else 1.0

    @property
    def recall(self) -> float:
        # An empty expected outline cannot be missed: 0/0 counts as 1.
        return self.matched / self.expected if self.expected else 1.0


def score(expected: Iterable, parsed: Iterable) -> TreeScore:
    """Compare two trees (outline dicts or ParsedSections) entry by entry and as a whole."""
    want, got = normalise(expected), normalise(parsed)
    want_entries, got_entries = entries(want), entries(got)
    matched = sum((want_entries & got_entries).values())
    return TreeScore(
        matched=matched,
        expected=sum(want_entries.values()),
        parsed=sum(got_entries.values()),
        exact=want == got,
        missing=tuple((want_entries - got_entries).elements()),
        extra=tuple((got_entries - want_entries).elements()),
    )


def show(entry: Entry) -> str:
    """Write an entry as a readable path: ``4 Handshake Protocol > 4.2 Extensions``."""
    return " > ".join(" ".join(part for part in node if part) for node in entry)
