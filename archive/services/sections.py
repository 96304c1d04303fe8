"""Section tree editing (a document's "Sections" outline in admin).

Each edit reads the document's whole tree, changes its outline (archive.section_edits: the tree arithmetic,
written once) and writes every section whose place or text changed, in one transaction that marks the
sections as edited by hand (a re-parse then keeps them) and schedules ONE index update. Rows are saved one
by one with save()/delete(), so model signals (the history) see every change.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction

from archive import section_edits
from archive.ingest.model import ParsedSection
from archive.models import Document, Section, change_reason
from archive.sanitize import paragraphs_to_html
from archive.search.sync.writes import index_on_commit
from archive.services.documents import unique_anchor

SECTION_MOVES = {
    "up": section_edits.move_up,
    "down": section_edits.move_down,
    "indent": section_edits.indent,
    "outdent": section_edits.outdent,
}


_SHIFT_REASONS = {
    "up": "Section moved up", "down": "Section moved down", "indent": "Section indented", "outdent": "Section outdented"
}


def section_shift(*, section: Section, direction: str) -> None:
    """Move a section with its subsections one step: "up", "down", "indent" or "outdent"."""
    with _section_tree_edit(section.document, reason=_SHIFT_REASONS[direction]) as tree:
        tree.outline = SECTION_MOVES[direction](tree.outline, tree.row(section))


def section_move(*, section: Section, target: Section, where: section_edits.Where) -> None:
    """Move a section with its subsections before, after or inside (last) another section of its document."""
    with _section_tree_edit(section.document, reason="Section moved") as tree:
        tree.outline = section_edits.move(tree.outline, tree.row(section), target=tree.row(target), where=where)


def section_add(
    *,
    document: Document,
    after: Section | None,
    label: str = "",
    label_scheme: str = "",
    heading: str = "",
    text: str = "",
    captured: bool = True,
) -> Section:
    """Add a section after ``after`` (and its subsections) at its level, or at the end of the document."""
    with _section_tree_edit(document, reason="Section added") as tree:
        new = Section(
            document=tree.document, label=label, label_scheme=label_scheme, heading=heading, captured=captured
        )
        _set_text(new, text)
        after_row = tree.row(after) if after else None
        tree.outline = section_edits.insert_after(tree.outline, new, after=after_row)
    return new


def section_update(
    *, section: Section, label: str, label_scheme: str, heading: str, text: str, captured: bool = True
) -> Section:
    """Change a section's label, heading, text and whether the capture holds it; the body is rebuilt (and
    sanitised) from the text."""
    with _section_tree_edit(section.document, reason="Section edited") as tree:
        row = tree.row(section)
        row.label, row.label_scheme, row.heading, row.captured = label, label_scheme, heading, captured
        _set_text(row, text)
        tree.changed.add(row.pk)
    return row


def section_split(*, section: Section, at_paragraph: int) -> Section:
    """Split a section before its paragraph ``at_paragraph`` (counted from 1); the rest becomes a new section.

    The new section follows it at the same level, untitled, and takes its subsections, which followed
    that text: the document reads exactly as before, and the editor names the new part.
    """
    with _section_tree_edit(section.document, reason="Section split") as tree:
        row = tree.row(section)
        paragraphs = row.paragraphs
        if not 2 <= at_paragraph <= len(paragraphs):
            raise section_edits.OutlineError(
                f"{row} has {len(paragraphs)} paragraph(s): it can be split before paragraph 2 to {len(paragraphs)}."
            )
        new = Section(document=row.document, captured=row.captured)
        _set_text(new, "\n\n".join(paragraphs[at_paragraph - 1:]))
        _set_text(row, "\n\n".join(paragraphs[: at_paragraph - 1]))
        tree.changed.add(row.pk)
        tree.outline = section_edits.split(tree.outline, row, new=new)
    return new


def section_merge_next(*, section: Section) -> None:
    """Join the section read next (its first subsection, or the next one) into this one.

    Its text follows this one's, its printed label and heading kept as a paragraph so no word of the
    document is lost; its subsections keep their place in reading order.
    """
    with _section_tree_edit(section.document, reason="Sections merged") as tree:
        row = tree.row(section)
        tree.outline, merged = section_edits.merge_next(tree.outline, row)
        title = " ".join(part for part in (merged.printed_label, merged.heading) if part)
        _set_text(row, "\n\n".join(part for part in (row.text, title, merged.text) if part.strip()))
        row.captured = row.captured or merged.captured
        tree.changed.add(row.pk)
        tree.removed.append(merged)


def section_delete(*, section: Section) -> list[int]:
    """Delete a section with its subsections; return the ids of every section deleted."""
    with _section_tree_edit(section.document, reason="Section deleted") as tree:
        tree.outline, removed = section_edits.remove(tree.outline, tree.row(section))
        tree.removed.extend(removed)
        removed_ids = [row.pk for row in removed]
    return removed_ids


@dataclass
class _SectionTree:
    """A document's sections as an outline, read whole, for one edit."""

    document: Document
    rows: dict[int, Section]
    outline: list[section_edits.Entry]
    changed: set[int]  # rows whose own fields (text, label, heading) the edit changed
    removed: list[Section]

    def row(self, section: Section) -> Section:
        """This tree's row for ``section``: the edit works on rows read inside its transaction."""
        try:
            return self.rows[section.pk]
        except KeyError:
            raise section_edits.OutlineError(f"{section} is not a section of this document.") from None


@contextmanager
def _section_tree_edit(document: Document, *, reason: str) -> Iterator[_SectionTree]:
    """Read the whole tree under a lock on the document, let the edit change it, then write it whole.

    ``reason`` is what the document's history says of every row the edit writes ("Section split").
    """
    with change_reason(reason), transaction.atomic():
        # One editor's edit at a time per document: each reads the tree the previous one wrote.
        document = Document.objects.select_for_update().get(pk=document.pk)
        rows = {row.pk: row for row in Section.objects.filter(document=document).order_by("path")}
        outline = [section_edits.Entry(row, row.depth) for row in rows.values()]
        tree = _SectionTree(document, rows, outline, set(), [])
        yield tree
        removed = [row.pk for row in tree.removed]  # delete() clears them
        _write_section_tree(tree)
        document.edited_fields = sorted(set(document.edited_fields) | {"sections"})
        document.save(update_fields=["edited_fields", "updated_at"])
        index_on_commit({document.pk}, removed)


def _write_section_tree(tree: _SectionTree) -> None:
    """Delete the removed rows, then save each row whose place or fields changed, once, and create the new ones.

    Paths are unique per document and a move hands them from row to row, so rows are saved in an order
    in which each one's new path is already free (and its parent saved); only rows that trade paths in
    a cycle (a move up or down) wait on a temporary path no real one can take ("~" sorts after digits).
    """
    for row in tree.removed:
        row.delete()
    pending = [p for p in section_edits.placements(tree.outline) if _section_place_changed(p, tree.changed)]
    held = {row.path: row.pk for row in tree.rows.values() if row.pk is not None}
    used = {row.anchor for row in tree.rows.values()}  # a deleted section's anchor is not given to another
    while pending:
        ready = [p for p in pending if held.get(p.path, p.item.pk) == p.item.pk and (p.parent is None or p.parent.pk)]
        if not ready:  # a cycle: one row steps aside
            stuck = next(p.item for p in pending if p.item.pk is not None)
            held.pop(stuck.path)
            stuck.path = f"~{stuck.pk}"
            stuck.save(update_fields=["path"])
            continue
        for placement in ready:
            row = placement.item
            held.pop(row.path, None)
            row.parent, row.position = placement.parent, placement.position
            row.depth, row.path = placement.depth, placement.path
            if not row.anchor:
                row.anchor = unique_anchor(ParsedSection(row.label, row.heading), placement.parent, used)
            row.full_clean(exclude=["document", "parent"])
            row.save()
            held[row.path] = row.pk
        saved = {id(placement) for placement in ready}
        pending = [p for p in pending if id(p) not in saved]


def _section_place_changed(placement: section_edits.Placement, changed: set[int]) -> bool:
    """Whether a row needs saving: it is new, the edit changed its fields, or it has a new place in the tree."""
    row = placement.item
    if row.pk is None or row.pk in changed:
        return True
    parent = placement.parent.pk if placement.parent else None
    now = (row.parent_id, row.position, row.depth, row.path)
    return (parent, placement.position, placement.depth, placement.path) != now


def _set_text(section: Section, text: str) -> None:
    """Store an editor's text as paragraphs separated by one blank line, and the body built (sanitised) from it."""
    paragraphs = (part.strip() for part in text.replace("\r\n", "\n").split("\n\n"))
    section.text = "\n\n".join(part for part in paragraphs if part)
    section.body = paragraphs_to_html(section.paragraphs)
