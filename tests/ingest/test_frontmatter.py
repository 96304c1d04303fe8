"""archive/ingest/frontmatter.py: the YAML block at the top of Markdown and text captures."""

from archive.ingest.frontmatter import split_front_matter
from tests.ingest.fixtures import CORPUS


def test_text_without_front_matter_is_returned_unchanged():
    front, rest, warning = split_front_matter("Title\n\nBody")
    assert (front, rest, warning) == (None, "Title\n\nBody", "")


def test_scalar_fields_are_read_and_quotes_removed():
    front, rest, _ = split_front_matter("---\ntitle: \"A: B\"\ndate: '2022-02-11'\nauthor: Peter Layton\n---\nBody")
    assert front.text("title") == "A: B"
    assert front.text("date") == "2022-02-11"
    assert front.text("author") == "Peter Layton"
    assert rest == "Body"


def test_a_key_with_spaces_before_its_colon_is_read():
    front, _, _ = split_front_matter("---\ntitle : Australia’s Deterrence Rules\ndate  : 2024-04-24 12:00:00 +0800\n---\n")
    assert front.text("title") == "Australia’s Deterrence Rules"
    assert front.text("date") == "2024-04-24 12:00:00 +0800"


def test_a_list_field_is_read_as_a_list():
    front, _, _ = split_front_matter('---\ncreators:\n  - "Howard, John"\n  - "Liberal Party of Australia"\n---\n')
    assert front.items("creators") == ["Howard, John", "Liberal Party of Australia"]


def test_yaml_escapes_and_a_backslash_continued_title_are_joined_and_normalised():
    path = CORPUS / "us-wh-2023-08-18-spirit-of-camp-david-joint-statement.md"
    front, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    assert front.text("title") == (
        "The Spirit of Camp David: Joint Statement of Japan, the Republic of Korea, and the United States"
    )


def test_a_nested_mapping_is_skipped():
    front, _, _ = split_front_matter("---\nmeta:\n  a: 1\n  b: 2\ntitle: T\n---\n")
    assert "meta" not in front.fields
    assert front.text("title") == "T"


def test_front_matter_that_never_closes_is_kept_as_text_with_a_warning():
    text = "---\ntitle: Broken\n\nBody text."
    front, rest, warning = split_front_matter(text)
    assert front is None
    assert rest == text
    assert "never ends" in warning
