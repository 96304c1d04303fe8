"""An editor fixes the white paper's section tree in the Sections outline, in a real browser: by drag and
drop, by keyboard and by the buttons. Each edit is checked where a reader meets it (the public page's
contents list and nesting, and search within the document) and against the index (check_index)."""

import re

import pytest
from playwright.sync_api import expect

from archive.models import Section
from tests.browser.conftest import admin_login, assert_index_matches_database, serious_violations

pytestmark = pytest.mark.browser

# The contents list as a reader sees it: one line per entry, indented two spaces a level.
CONTENTS = """() => Array.from(document.querySelectorAll("nav.toc li")).map(li => {
  const copy = li.cloneNode(true);
  copy.querySelectorAll("ol").forEach(list => list.remove());
  let depth = 0;
  for (let up = li.parentElement.closest("li"); up; up = up.parentElement.closest("li")) depth++;
  return "  ".repeat(depth) + copy.textContent.replace(/\\s+/g, " ").trim();
})"""
ENCLOSING = "anchor => document.getElementById(anchor).parentElement.closest('section.section')?.id ?? null"

WHITE_PAPER_CONTENTS = [
    "Preface",
    "I. China's Policies and Positions on Asia-Pacific Security Cooperation",
    "II. China's Security Vision for the Asia-Pacific Region",
    "  1. Concept of Common, Comprehensive, Cooperative and Sustainable Security",
    "  2. Improving the Regional Security Framework",
]


@pytest.fixture
def editor(page, live_server, fresh_seeded, admin_user):
    """A logged-in editor on the white paper's outline."""
    return Editor(page, live_server.url, fresh_seeded["003"].document)


class Editor:
    def __init__(self, page, base_url, document):
        self.page, self.base_url, self.document = page, base_url, document
        # Every console error: a CSP refusal, a failed script, a missing file (the admin links the archive's icon).
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        admin_login(page, base_url, "admin", "password")
        self.open_outline()

    def open_outline(self):
        self.page.goto(f"{self.base_url}/admin/archive/document/{self.document.pk}/sections/")

    def row(self, anchor: str):
        pk = Section.objects.get(document=self.document, anchor=anchor).pk
        return self.page.locator(f"#section-{pk} > .outline-row")

    def press(self, anchor: str, button: str):
        with self.page.expect_navigation():
            self.row(anchor).get_by_role("button", name=re.compile(f"^{button}")).click()

    def contents(self) -> list[str]:
        """The public page's contents list; white paper chapters the capture lacks are left out."""
        self.page.goto(self.base_url + self.document.get_absolute_url())
        return [line for line in self.page.evaluate(CONTENTS) if not line.endswith("not captured")]

    def enclosing(self, anchor: str) -> str | None:
        """The id of the section the public page shows ``anchor`` inside (None at the top level)."""
        return self.page.evaluate(ENCLOSING, anchor)

    def search_within(self, words: str) -> list[str]:
        """The anchors of the sections search within the document lists for ``words``."""
        self.page.goto(self.base_url + self.document.get_absolute_url() + "?q=" + words.replace(" ", "+"))
        return [href.lstrip("#") for href in self.page.locator(".within-list a").evaluate_all("links => links.map(a => a.getAttribute('href'))")]

    def assert_index_matches_database(self):
        assert_index_matches_database()


def test_drag_a_chapter_under_another(editor):
    page = editor.page
    handle = editor.row("i").locator(".outline-handle")
    target = editor.row("ii-1")
    box = target.bounding_box()
    handle.hover()
    page.mouse.down()
    page.mouse.move(box["x"] + 40, box["y"] + 4, steps=12)
    with page.expect_navigation():
        page.mouse.up()
    assert "moved" in page.locator(".messagelist").inner_text()
    assert editor.contents() == [
        "Preface",
        "II. China's Security Vision for the Asia-Pacific Region",
        "  I. China's Policies and Positions on Asia-Pacific Security Cooperation",
        "  1. Concept of Common, Comprehensive, Cooperative and Sustainable Security",
        "  2. Improving the Regional Security Framework",
    ]
    assert editor.enclosing("i") == "ii"
    assert editor.search_within('"positions on asia-pacific security cooperation"')[:1] == ["i"]
    editor.assert_index_matches_database()
    assert editor.errors == []


def test_move_by_keyboard_indent_and_outdent_with_alt_arrows_announced(editor):
    page = editor.page
    editor.row("preface").locator(".outline-title").focus()
    page.keyboard.press("Alt+ArrowUp")  # its Up button is disabled: nothing is posted, the reason is said
    expect(page.locator("#outline-status")).to_have_text("It is already the first at its level.")
    editor.row("ii").locator(".outline-title").focus()
    with page.expect_navigation():
        page.keyboard.press("Alt+ArrowRight")
    # Back on the same section, focused, and the change said in the live region.
    assert page.evaluate("document.activeElement.closest('.outline-item').id") == editor.row("ii").evaluate("row => row.parentElement.id")
    expect(page.locator("#outline-status")).to_contain_text("indented")
    assert editor.contents() == [
        "Preface",
        "I. China's Policies and Positions on Asia-Pacific Security Cooperation",
        "  II. China's Security Vision for the Asia-Pacific Region",
        "    1. Concept of Common, Comprehensive, Cooperative and Sustainable Security",
        "    2. Improving the Regional Security Framework",
    ]
    assert editor.enclosing("ii") == "i" and editor.enclosing("ii-2") == "ii"
    assert editor.search_within('"regional security framework"')[-1:] == ["ii-2"]
    editor.assert_index_matches_database()

    editor.open_outline()
    editor.row("ii").locator(".outline-title").focus()
    with page.expect_navigation():
        page.keyboard.press("Alt+ArrowLeft")
    editor.row("preface").locator(".outline-title").focus()
    with page.expect_navigation():
        page.keyboard.press("Alt+ArrowDown")
    assert editor.contents() == [
        "I. China's Policies and Positions on Asia-Pacific Security Cooperation",
        "Preface",
        *WHITE_PAPER_CONTENTS[2:],
    ]
    assert editor.enclosing("ii") is None
    editor.assert_index_matches_database()
    assert editor.errors == []


def test_split_a_section_name_the_new_part_then_merge_it_back(editor):
    page = editor.page
    chapter = Section.objects.get(document=editor.document, anchor="i")
    tail = chapter.paragraphs[-1].split()
    phrase = '"' + " ".join(tail[-4:]).strip(".") + '"'
    editor.row("i").get_by_label(re.compile("^Split before")).select_option("3")
    editor.press("i", "Split")
    assert "split in two" in page.locator(".messagelist").inner_text()
    # The new part has no name yet: the editor gives it a label and a heading.
    with page.expect_navigation():
        editor.row("text").locator(".outline-title").click()
    page.locator("#id_label").fill("IA")
    page.locator("#id_heading").fill("Regional hotspots")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    assert editor.contents() == [*WHITE_PAPER_CONTENTS[:2], "IA. Regional hotspots", *WHITE_PAPER_CONTENTS[2:]]
    assert editor.enclosing("text") is None
    assert editor.search_within(phrase) == ["text"]
    editor.assert_index_matches_database()

    editor.open_outline()
    editor.press("i", "Merge with next")
    assert editor.contents() == WHITE_PAPER_CONTENTS
    assert editor.search_within(phrase) == ["i"]
    assert editor.search_within('"regional hotspots"') == ["i"]  # the merged heading stays as a paragraph
    editor.assert_index_matches_database()
    assert editor.errors == []


def test_add_a_section_then_delete_it(editor):
    page = editor.page
    concept = Section.objects.get(document=editor.document, anchor="ii-1")
    page.locator("#id_after").select_option(str(concept.pk))
    page.locator("#id_label").fill("1a")
    page.locator("#id_heading").fill("Maritime cooperation")
    page.locator("#id_text").fill("Zyzzogeton patrols in the lagoon.\n\nA second paragraph.")
    with page.expect_navigation():
        page.get_by_role("button", name="Add section").click()
    assert "added" in page.locator(".messagelist").inner_text()
    assert editor.contents() == [*WHITE_PAPER_CONTENTS[:4], "  1a. Maritime cooperation", WHITE_PAPER_CONTENTS[4]]
    assert editor.enclosing("ii-1a") == "ii"
    assert editor.search_within("zyzzogeton") == ["ii-1a"]
    editor.assert_index_matches_database()

    editor.open_outline()
    with page.expect_navigation():
        editor.row("ii-1a").get_by_role("link", name=re.compile("^Delete")).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, delete it").click()
    assert editor.contents() == WHITE_PAPER_CONTENTS
    assert editor.search_within("zyzzogeton") == []
    editor.assert_index_matches_database()
    assert editor.errors == []


def test_the_buttons_work_without_javascript(browser, live_server, fresh_seeded, admin_user):
    context = browser.new_context(java_script_enabled=False)
    editor = Editor(context.new_page(), live_server.url, fresh_seeded["003"].document)
    editor.press("ii-2", "Up")
    assert editor.contents() == [*WHITE_PAPER_CONTENTS[:3], WHITE_PAPER_CONTENTS[4], WHITE_PAPER_CONTENTS[3]]
    editor.assert_index_matches_database()
    context.close()


def test_no_outline_page_has_a_critical_or_serious_violation(editor):
    ii = Section.objects.get(document=editor.document, anchor="ii")
    base = f"/admin/archive/document/{editor.document.pk}"
    addresses = [
        f"{base}/sections/",
        f"{base}/sections/?focus={ii.pk}#section-{ii.pk}-title",
        f"{base}/sections/add/",
        f"{base}/sections/{ii.pk}/",
        f"{base}/sections/{ii.pk}/delete/",
        f"{base}/change/",
    ]
    assert serious_violations(editor.page, editor.base_url, addresses) == {}
