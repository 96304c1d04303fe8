"""Editing a section tree: the outline arithmetic (archive/section_edits.py) on plain values; the services that
apply it to a real document are tested in tests/services/test_sections.py."""

import pytest

from archive import section_edits as edits
from archive.section_edits import Entry, OutlineError, Where


def outline(text: str) -> list[Entry]:
    """An outline from an indented sketch: "A, B, .B1, .B2, C" (a dot per level)."""
    return [Entry(name.lstrip("."), len(name) - len(name.lstrip("."))) for name in text.split(", ")]


def sketch(entries) -> str:
    return ", ".join("." * entry.depth + entry.item for entry in entries)


class TestPlacements:
    def test_paths_count_positions_among_siblings_four_digits_a_level(self):
        placed = edits.placements(outline("A, B, .B1, ..B1a, .B2, C"))
        assert [(p.item, p.parent, p.position, p.depth, p.path) for p in placed] == [
            ("A", None, 0, 0, "0000"),
            ("B", None, 1, 0, "0001"),
            ("B1", "B", 0, 1, "0001.0000"),
            ("B1a", "B1", 0, 2, "0001.0000.0000"),
            ("B2", "B", 1, 1, "0001.0001"),
            ("C", None, 2, 0, "0002"),
        ]

    def test_a_level_skipped_is_refused(self):
        with pytest.raises(OutlineError):
            edits.placements(outline("A, ..A1"))


class TestMoves:
    tree = outline("A, B, .B1, .B2, C")

    def test_move_up_and_down_carry_the_subsections(self):
        assert sketch(edits.move_up(self.tree, "B")) == "B, .B1, .B2, A, C"
        assert sketch(edits.move_down(self.tree, "B")) == "A, C, B, .B1, .B2"

    def test_moving_past_the_first_or_last_sibling_is_refused(self):
        with pytest.raises(OutlineError, match="already the first"):
            edits.move_up(self.tree, "B1")
        with pytest.raises(OutlineError, match="already the last"):
            edits.move_down(self.tree, "C")

    def test_indent_makes_a_section_the_last_subsection_of_the_one_before(self):
        assert sketch(edits.indent(self.tree, "C")) == "A, B, .B1, .B2, .C"
        assert sketch(edits.indent(self.tree, "B")) == "A, .B, ..B1, ..B2, C"

    def test_outdent_follows_the_former_parent_and_leaves_later_siblings_in_place(self):
        assert sketch(edits.outdent(self.tree, "B1")) == "A, B, .B2, B1, C"
        with pytest.raises(OutlineError, match="top level"):
            edits.outdent(self.tree, "A")

    def test_move_before_after_and_inside_another_section(self):
        assert sketch(edits.move(self.tree, "C", target="B1", where=Where.BEFORE)) == "A, B, .C, .B1, .B2"
        assert sketch(edits.move(self.tree, "A", target="B1", where=Where.AFTER)) == "B, .B1, .A, .B2, C"
        assert sketch(edits.move(self.tree, "B", target="C", where=Where.INSIDE)) == "A, C, .B, ..B1, ..B2"

    def test_a_section_cannot_move_into_its_own_subsections(self):
        with pytest.raises(OutlineError, match="into itself"):
            edits.move(self.tree, "B", target="B2", where=Where.INSIDE)


class TestSplitMergeAddRemove:
    def test_split_inserts_a_sibling_that_takes_the_subsections_and_merge_undoes_it(self):
        tree = outline("A, B, .B1, C")
        split = edits.split(tree, "B", new="N")
        assert sketch(split) == "A, B, N, .B1, C"
        merged, removed = edits.merge_next(split, "B")
        assert removed == "N" and merged == tree

    def test_merging_a_first_subsection_lifts_its_own_subsections_to_the_parent(self):
        merged, removed = edits.merge_next(outline("B, .B1, ..B1a, .B2"), "B")
        assert removed == "B1" and sketch(merged) == "B, .B1a, .B2"

    def test_merging_the_next_chapter_into_a_subsection_keeps_its_subsections_in_reading_order(self):
        merged, _ = edits.merge_next(outline("A, .A1, B, .B1"), "A1")
        assert sketch(merged) == "A, .A1, .B1"

    def test_the_last_section_has_nothing_to_merge(self):
        with pytest.raises(OutlineError, match="last section"):
            edits.merge_next(outline("A, B"), "B")

    def test_add_after_a_section_and_its_subsections_or_at_the_end(self):
        tree = outline("A, .A1, B")
        assert sketch(edits.insert_after(tree, "N", after="A")) == "A, .A1, N, B"
        assert sketch(edits.insert_after(tree, "N", after="A1")) == "A, .A1, .N, B"
        assert sketch(edits.insert_after(tree, "N")) == "A, .A1, B, N"

    def test_remove_takes_the_subsections_too(self):
        left, removed = edits.remove(outline("A, .A1, ..A1a, .A2, B"), "A1")
        assert sketch(left) == "A, .A2, B" and removed == ["A1", "A1a"]
