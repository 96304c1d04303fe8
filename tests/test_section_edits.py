"""Editing a section tree: the outline arithmetic (archive/section_edits.py) on plain values, then the
services that apply it to a real document (one transaction, the anchors kept, the index updated once)."""

import pytest
from django.core.management import call_command
from django.db.models.signals import post_save

from archive import section_edits as edits
from archive import services
from archive.models import Section
from archive.search.within import search_within
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


@pytest.fixture
def white_paper(fresh_seeded):
    """The 2017 white paper: Preface, I, II (with 1 and 2), and chapters the capture lacks."""
    return fresh_seeded["003"].document


def tree_of(document) -> list[tuple[str, int, str]]:
    """(anchor, depth, path) of every section in reading order, checked against the parent links."""
    rows = list(Section.objects.filter(document=document).order_by("path"))
    by_pk = {row.pk: row for row in rows}
    for row in rows:
        parent = by_pk.get(row.parent_id)
        assert row.path == (f"{parent.path}." if parent else "") + f"{row.position:04d}"
        assert row.depth == (parent.depth + 1 if parent else 0)
    return [(row.anchor, row.depth, row.path) for row in rows]


def section(document, anchor: str) -> Section:
    return Section.objects.get(document=document, anchor=anchor)


def assert_index_matches_database(capsys):
    call_command("check_index", dry_run=True)
    assert "0 missing, 0 orphaned, 0 stale" in capsys.readouterr().out


def within_anchors(document, query: str) -> list[str]:
    return [match.section.anchor for match in search_within(document, query).sections]


@pytest.mark.django_db(transaction=True)
class TestServices:
    def test_indent_moves_a_chapter_under_the_one_before_keeping_anchors_and_marks_the_sections_edited(
        self, white_paper, capsys
    ):
        services.section_shift(section=section(white_paper, "ii"), direction="indent")
        tree = tree_of(white_paper)
        assert ("ii", 1, "0001.0000") in tree and ("ii-1", 2, "0001.0000.0000") in tree
        white_paper.refresh_from_db()
        assert "sections" in white_paper.edited_fields
        assert_index_matches_database(capsys)

    def test_a_move_reaches_search_within_with_the_section_in_its_new_place(self, white_paper, capsys):
        services.section_move(section=section(white_paper, "preface"), target=section(white_paper, "ii"), where=Where.INSIDE)
        preface = section(white_paper, "preface")
        assert preface.parent.anchor == "ii" and preface.position == 2
        assert "preface" in within_anchors(white_paper, "preface")
        assert_index_matches_database(capsys)

    def test_split_then_merge_gives_back_the_same_text_and_tree(self, white_paper, capsys):
        before, text = tree_of(white_paper), section(white_paper, "i").text
        new = services.section_split(section=section(white_paper, "i"), at_paragraph=3)
        assert new.anchor == "text" and new.depth == 0 and new.position == 2
        assert section(white_paper, "i").text == "\n\n".join(text.split("\n\n")[:2])
        last_words = text.split("\n\n")[-1].split()[-3:]
        assert within_anchors(white_paper, "\"" + " ".join(last_words) + "\"") == ["text"]
        assert_index_matches_database(capsys)
        services.section_merge_next(section=section(white_paper, "i"))
        assert section(white_paper, "i").text == text and tree_of(white_paper) == before
        assert not Section.objects.filter(document=white_paper, anchor="text").exists()
        assert_index_matches_database(capsys)

    def test_split_outside_the_paragraphs_is_refused_and_changes_nothing(self, white_paper):
        before = tree_of(white_paper)
        with pytest.raises(OutlineError, match="paragraph"):
            services.section_split(section=section(white_paper, "preface"), at_paragraph=9)
        assert tree_of(white_paper) == before
        white_paper.refresh_from_db()
        assert "sections" not in white_paper.edited_fields

    def test_merge_keeps_the_merged_heading_as_a_paragraph(self, white_paper):
        services.section_merge_next(section=section(white_paper, "ii"))  # its first subsection, "1"
        text = section(white_paper, "ii").text
        assert "\n\n1. Concept of Common, Comprehensive, Cooperative and Sustainable Security\n\n" in text
        assert [anchor for anchor, depth, _ in tree_of(white_paper) if depth == 1] == ["ii-2"]

    def test_add_update_and_delete(self, white_paper, capsys):
        added = services.section_add(
            document=white_paper, after=section(white_paper, "ii-1"), label="1a", heading="Added <b>part</b>",
            text="First  line\r\n\r\nSecond <script>x</script>",
        )
        assert (added.anchor, added.depth, added.path) == ("ii-1a", 1, "0002.0001")
        assert added.body == "<p>First  line</p><p>Second &lt;script&gt;x&lt;/script&gt;</p>"
        assert section(white_paper, "ii-2").path == "0002.0002"
        services.section_update(section=added, label="3", label_scheme="decimal", heading="Renamed", text="Only")
        added.refresh_from_db()
        assert (added.label, added.heading, added.anchor, added.body) == ("3", "Renamed", "ii-1a", "<p>Only</p>")
        removed = services.section_delete(section=section(white_paper, "ii"))
        assert len(removed) == 4
        assert "ii" not in [anchor for anchor, _, _ in tree_of(white_paper)]
        assert_index_matches_database(capsys)

    def test_each_row_that_moves_is_saved_once_and_a_swap_steps_one_aside(self, white_paper):
        saves = []
        post_save.connect(lambda instance, **kwargs: saves.append(instance.anchor), sender=Section, weak=False, dispatch_uid="t")
        try:
            services.section_shift(section=section(white_paper, "preface"), direction="down")
            assert len(saves) == 3 and set(saves) == {"preface", "i"}  # one of the pair waited on a temporary path
            saves.clear()
            before = dict(Section.objects.filter(document=white_paper).values_list("anchor", "path"))
            services.section_shift(section=section(white_paper, "ii"), direction="indent")
        finally:
            post_save.disconnect(sender=Section, dispatch_uid="t")
        moved = [anchor for anchor, path in before.items() if section(white_paper, anchor).path != path]
        assert sorted(saves) == sorted(moved) and "ii-2" in moved

    def test_a_reparse_keeps_the_editors_tree(self, white_paper):
        services.section_shift(section=section(white_paper, "preface"), direction="down")
        services.document_reparse(document=white_paper)
        assert tree_of(white_paper)[0][0] == "i"
