"""archive/ingest/frontmatter.py: the YAML block at the top of Markdown and text captures."""

from archive.ingest.frontmatter import FrontMatter, split_front_matter
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


STRUCTURE = CORPUS.parent / "structure"


def test_yaml_scalars_stay_as_printed_not_numbers_dates_or_booleans():
    front, _, _ = split_front_matter("---\nyear: 1951\nversion: 1.10\ndate: 2022-02-11\nlanguage: no\n---\nBody")
    assert front.fields == {"year": "1951", "version": "1.10", "date": "2022-02-11", "language": "no"}


def test_an_explicit_timestamp_becomes_iso_text():
    front, _, _ = split_front_matter("---\ndate: !!timestamp 2021-11-23 19:36:30-05:00\n---\n")
    assert front.text("date") == "2021-11-23T19:36:30-05:00"


def test_a_folded_block_scalar_is_one_line():
    front, _, _ = split_front_matter("---\ndescription: >\n  Australia’s First National\n  Defence Strategy\n---\n")
    assert front.text("description") == "Australia’s First National Defence Strategy"


def test_invalid_yaml_is_kept_as_text_with_a_one_line_warning():
    text = "---\ntitle: FACT SHEET: Roadmap\n---\nBody"  # an unquoted ": " inside a value
    front, rest, warning = split_front_matter(text)
    assert (front, rest) == (None, text)
    assert warning.startswith("the front matter is not valid YAML") and "line 2" in warning and "\n" not in warning


def test_a_block_between_rules_that_is_not_fields_is_kept_as_text():
    text = "---\nA line of prose between two rules\n---\nBody"
    front, rest, warning = split_front_matter(text)
    assert (front, rest) == (None, text)
    assert "read as text" in warning


def test_an_empty_block_is_empty_front_matter():
    assert split_front_matter("---\n---\nBody") == (FrontMatter(), "Body", "")


def test_a_flow_list_and_numbers_in_a_list_are_text():
    front, _, _ = split_front_matter("---\ntags: [defence, 2024]\n---\n")
    assert front.items("tags") == ["defence", "2024"]


def test_an_archive_record_keeps_its_scalars_and_skips_its_list_of_mappings():
    path = CORPUS / "au-dfat-1951-02-17-draft-of-treaty-anzus.md"
    front, rest, warning = split_front_matter(path.read_text(encoding="utf-8"))
    assert warning == ""
    assert (front.text("title"), front.text("doc_date"), front.text("doc_num")) == ("Draft of Treaty", "1951-02-17", "50")
    assert "naa_refs" not in front.fields
    assert rest.lstrip().startswith("Draft, Canberra, 17 February 1951")


def test_escaped_quotes_and_a_no_break_space_in_a_double_quoted_title_are_read():
    front, _, _ = split_front_matter((STRUCTURE / "un-a-res-80-5-doha-political-declaration.md").read_text(encoding="utf-8"))
    assert front.text("title").startswith('Doha Political Declaration of the "World Social Summit" under the title')
    assert front.text("record_id") == "4093123"
    statement = (STRUCTURE / "us-wh-2021-11-23-statement-us-lithuania-indo-pacific.md").read_text(encoding="utf-8")
    front, _, _ = split_front_matter(statement)
    assert front.text("title").endswith("U.S.-Lithuania Strategic Dialogue on the Indo-Pacific")


def test_a_thematic_break_opening_a_document_is_not_front_matter():
    path = STRUCTURE / "au-dto-digital-transformation-plan.md"
    text = path.read_text(encoding="utf-8")
    front, rest, warning = split_front_matter(text)
    assert (front, rest) == (None, text)
    assert "never ends" in warning
