"""The arithmetic of an editor's changes to a section tree, without the database.

A document's tree is handled as its outline: every section with its depth, in reading order, as the
document reads and the contents list prints it. Each edit is a small change to that list (a run of
entries moved, lifted or lowered, one inserted or removed), and ``placements`` then derives every
section's parent, position among its siblings, depth and sortable path from it. Working on the
outline, not on parent links, keeps the reading order an editor sees the one thing each edit is
defined by: a split or a merge never moves a word of the document.

Nothing here knows about Django: the entries carry whatever the caller gives (the services give
``Section`` rows), so the rules are tested on plain values (tests/test_section_edits.py).
``archive.services`` reads the tree, applies one edit and writes the result in one transaction.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")

# Digits of one level of a section's path ("0002.0001"): the width the importer writes.
PATH_DIGITS = 4


class OutlineError(ValueError):
    """An edit that cannot be made to this tree; the message is said to the editor as it is."""


class Where(StrEnum):
    """Where a moved section goes relative to the target section."""

    BEFORE = "before"  # the target's sibling, just before it
    AFTER = "after"  # the target's sibling, just after it and its subsections
    INSIDE = "inside"  # the target's last subsection


@dataclass(frozen=True)
class Entry(Generic[T]):
    """One section in the outline: the caller's item and its depth (0 for a top-level section)."""

    item: T
    depth: int


@dataclass(frozen=True)
class Placement(Generic[T]):
    """Where the outline puts a section: its parent (an item, or None at the top), position, depth and path."""

    item: T
    parent: T | None
    position: int
    depth: int
    path: str


Outline = list[Entry[T]]


def placements(outline: Outline) -> list[Placement]:
    """Derive parent, position, depth and path of every entry from the outline's order and depths."""
    result: list[Placement] = []
    open_levels: list[Placement] = []  # the last entry seen at each depth, down to the current one
    counters: list[int] = []  # next position at each depth under the current parents
    for entry in outline:
        if entry.depth > len(open_levels):
            raise OutlineError(f"{entry.item} is nested more than one level below the section before it.")
        del open_levels[entry.depth:]
        del counters[entry.depth + 1:]
        if len(counters) <= entry.depth:
            counters.append(0)
        parent = open_levels[-1] if open_levels else None
        position = counters[entry.depth]
        counters[entry.depth] += 1
        path = (f"{parent.path}." if parent else "") + f"{position:0{PATH_DIGITS}d}"
        placed = Placement(entry.item, parent.item if parent else None, position, entry.depth, path)
        open_levels.append(placed)
        result.append(placed)
    return result


def subtree(outline: Outline, index: int) -> slice:
    """The entries of the section at ``index`` and its subsections, as a slice of the outline."""
    end = index + 1
    while end < len(outline) and outline[end].depth > outline[index].depth:
        end += 1
    return slice(index, end)


def index_of(outline: Outline, item) -> int:
    for index, entry in enumerate(outline):
        if entry.item == item:
            return index
    raise OutlineError(f"{item} is not a section of this document.")


def move(outline: Outline, item, *, target, where: Where) -> Outline:
    """Move a section with its subsections before, after or inside (as the last subsection of) ``target``."""
    start = index_of(outline, item)
    moved = subtree(outline, start)
    if any(entry.item == target for entry in outline[moved]):
        raise OutlineError(f"{item} cannot be moved into itself or one of its own subsections.")
    rest = outline[: moved.start] + outline[moved.stop:]
    at = index_of(rest, target)
    if where == Where.BEFORE:
        insert_at, depth = at, rest[at].depth
    elif where == Where.AFTER:
        insert_at, depth = subtree(rest, at).stop, rest[at].depth
    else:
        insert_at, depth = subtree(rest, at).stop, rest[at].depth + 1
    shift = depth - outline[start].depth
    carried = [Entry(entry.item, entry.depth + shift) for entry in outline[moved]]
    return rest[:insert_at] + carried + rest[insert_at:]


def move_up(outline: Outline, item) -> Outline:
    """Swap a section (with its subsections) with the sibling before it."""
    sibling = _sibling(outline, item, step=-1)
    if sibling is None:
        raise OutlineError(f"{item} is already the first at its level.")
    return move(outline, item, target=sibling, where=Where.BEFORE)


def move_down(outline: Outline, item) -> Outline:
    """Swap a section (with its subsections) with the sibling after it."""
    sibling = _sibling(outline, item, step=1)
    if sibling is None:
        raise OutlineError(f"{item} is already the last at its level.")
    return move(outline, item, target=sibling, where=Where.AFTER)


def indent(outline: Outline, item) -> Outline:
    """Make a section the last subsection of the sibling before it, as outliners indent."""
    sibling = _sibling(outline, item, step=-1)
    if sibling is None:
        raise OutlineError(f"{item} has no section before it at its level to go under.")
    return move(outline, item, target=sibling, where=Where.INSIDE)


def outdent(outline: Outline, item) -> Outline:
    """Lift a section one level: it follows its former parent; its later siblings stay where they are."""
    index = index_of(outline, item)
    if outline[index].depth == 0:
        raise OutlineError(f"{item} is already at the top level.")
    parent = next(entry.item for entry in reversed(outline[:index]) if entry.depth < outline[index].depth)
    return move(outline, item, target=parent, where=Where.AFTER)


def insert_after(outline: Outline, item, *, after=None) -> Outline:
    """Add a section as the sibling following ``after`` and its subsections; at the end when ``after`` is None."""
    if after is None:
        return outline + [Entry(item, 0)]
    at = index_of(outline, after)
    stop = subtree(outline, at).stop
    return outline[:stop] + [Entry(item, outline[at].depth)] + outline[stop:]


def split(outline: Outline, item, *, new) -> Outline:
    """Insert ``new`` (the second half of ``item``'s text) right after it as its sibling.

    ``item``'s subsections followed the text that moves to ``new``, so they become ``new``'s: the
    document reads exactly as before.
    """
    at = index_of(outline, item)
    return outline[: at + 1] + [Entry(new, outline[at].depth)] + outline[at + 1:]


def next_in_reading_order(outline: Outline, item):
    """The section read right after ``item`` (its first subsection, if it has one), or None at the end."""
    at = index_of(outline, item)
    return outline[at + 1].item if at + 1 < len(outline) else None


def merge_next(outline: Outline, item) -> tuple[Outline, object]:
    """Remove the section read after ``item`` (its text is the caller's to join); return it too.

    The removed section's subsections keep their place in reading order: a subsection of it becomes
    ``item``'s when it was ``item``'s subsection or sibling, the inverse of ``split``.
    """
    at = index_of(outline, item)
    if at + 1 >= len(outline):
        raise OutlineError(f"{item} is the last section: there is none after it to merge.")
    merged = outline[at + 1]
    lift = 1 if merged.depth > outline[at].depth else 0
    below = subtree(outline, at + 1)
    carried = [Entry(entry.item, entry.depth - lift) for entry in outline[at + 2: below.stop]]
    return outline[: at + 1] + carried + outline[below.stop:], merged.item


def remove(outline: Outline, item) -> tuple[Outline, list]:
    """Remove a section with its subsections; return the outline left and every item removed."""
    gone = subtree(outline, index_of(outline, item))
    return outline[: gone.start] + outline[gone.stop:], [entry.item for entry in outline[gone]]


def _sibling(outline: Outline, item, *, step: int):
    """The sibling just before (step -1) or after (step 1) ``item``, or None."""
    index = index_of(outline, item)
    depth = outline[index].depth
    probe = index + step
    while 0 <= probe < len(outline) and outline[probe].depth >= depth:
        if outline[probe].depth == depth:
            return outline[probe].item
        probe += step
    return None
