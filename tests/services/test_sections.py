"""Section tree edits on a real document: one transaction, one index update, anchors kept, text never lost."""

import pytest
from django.core.management import call_command
from django.db.models.signals import post_save

from archive import services
from archive.models import Section
from archive.search.within import search_within
from archive.section_edits import OutlineError, Where


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
