"""archive/ingest/pipeline.py (``archive.ingest.parse``): the required results on the real seed captures."""

from pathlib import Path

import pytest

from archive.ingest import IngestError, ParsedDocument, PartialDate, parse
from archive.ingest.decode import MAX_BYTES
from archive.ingest.fingerprint import text_fingerprint
from archive.ingest.longtext import MAX_PARAGRAPH_CHARS
from archive.ingest.pipeline import file_kind
from tests.ingest.fixtures import CORPUS, SEEDS, all_paragraphs, all_sections, parsed_seed
from tests.timing import cost

DEBRIS = ("1 2 3 >", "Copyright", "京ICP", "Share - WeChat", "govt.chinadaily.com.cn", "Print", "nav search")


class TestWhitePaper003:
    """Seed 003: page one of a State Council white paper, captured from China Daily."""

    doc = parsed_seed("003")

    def test_title(self):
        assert self.doc.title == "China's Policies on Asia-Pacific Security Cooperation"

    def test_issuer_is_the_state_council_information_office(self):
        assert self.doc.issuer == "State Council Information Office of the People's Republic of China"

    def test_date_is_the_printed_month(self):
        assert self.doc.date == PartialDate(2017, 1)
        assert self.doc.date.precision == "month"

    def test_kind_and_edition(self):
        assert self.doc.kind == "white_paper"
        assert self.doc.edition == "First Edition 2017"

    def test_top_level_sections_are_preface_i_and_ii(self):
        assert [(s.label, s.heading) for s in self.doc.sections] == [
            ("", "Preface"),
            ("I", "China's Policies and Positions on Asia-Pacific Security Cooperation"),
            ("II", "China's Security Vision for the Asia-Pacific Region"),
        ]

    def test_chapter_ii_has_subsections_1_and_2(self):
        assert [(c.label, c.heading) for c in self.doc.sections[2].children] == [
            ("1", "Concept of Common, Comprehensive, Cooperative and Sustainable Security"),
            ("2", "Improving the Regional Security Framework"),
        ]

    def test_enumerations_remain_paragraphs_of_i_and_of_ii_2(self):
        chapter_i = self.doc.sections[1].paragraphs
        subsection_2 = self.doc.sections[2].children[1].paragraphs
        assert any(p.startswith("First, we should promote common development") for p in chapter_i)
        assert any(p.startswith("Sixth, we should properly resolve differences") for p in chapter_i)
        assert any(p.startswith("First, the future regional security framework") for p in subsection_2)
        assert any(p.startswith("Fourth, the development of a regional security framework") for p in subsection_2)

    def test_contents_has_all_eight_entries(self):
        assert len(self.doc.contents) == 8
        assert self.doc.contents[0].heading == "Preface"
        assert self.doc.contents[-1].heading == "Conclusion"

    def test_chapters_iii_to_vi_and_the_conclusion_are_missing_and_the_capture_incomplete(self):
        assert [(e.label, e.heading) for e in self.doc.missing] == [
            ("III", "China's Relations with Other Major Asia-Pacific Countries"),
            ("IV", "China's Positions and Views on Regional Hotspot Issues"),
            ("V", "China's Participation in Major Multilateral Mechanisms in the Asia-Pacific Region"),
            ("VI", "China's Participation in Regional Non-Traditional Security Cooperation"),
            ("", "Conclusion"),
        ]
        assert self.doc.complete is False

    def test_no_debris_in_any_paragraph(self):
        for paragraph in all_paragraphs(self.doc):
            for debris in DEBRIS:
                assert debris not in paragraph


class TestOpinion002:
    """Seed 002: a signed China Daily commentary with web widgets around it."""

    doc = parsed_seed("002")

    def test_title_author_publisher_date(self):
        assert self.doc.title == "No digital strings attached"
        assert self.doc.authors == ("Lu Chuanying",)
        assert self.doc.publisher == "China Daily"
        assert self.doc.date == PartialDate(2024, 5, 16)

    def test_subtitle_is_the_standfirst(self):
        assert self.doc.subtitle == (
            "As the world is mired in turmoil, China-ASEAN cooperation in the virtual space will help "
            "stabilize the geopolitical situation in Asia"
        )

    def test_author_note_is_moved_out_of_the_body(self):
        assert self.doc.author_note.startswith("The author is deputy director")
        assert not any("The author is" in p for p in all_paragraphs(self.doc))

    def test_a_signed_commentary_is_an_opinion(self):
        assert self.doc.kind == "opinion"

    def test_one_unlabelled_section_without_widgets(self):
        assert [(s.label, s.heading) for s in self.doc.sections] == [("", "")]
        for paragraph in all_paragraphs(self.doc):
            assert "nav search" not in paragraph and "Print Mail" not in paragraph
        assert self.doc.sections[0].paragraphs[0].startswith("China and Southeast Asian nations")


class TestTruncatedCapture000:
    """Seed 000: a hard-wrapped, truncated capture with an aggregator's tail of other articles."""

    doc = parsed_seed("000")

    def test_the_title_printed_twice_is_kept_once_and_logo_dropped(self):
        assert self.doc.title == "To align security interests, China and Asean must close trust gaps"
        assert not any(p == self.doc.title or p == "logo" for p in all_paragraphs(self.doc))

    def test_broken_lines_are_joined_into_paragraphs(self):
        paragraphs = all_paragraphs(self.doc)
        assert any("access its Ream naval base" in p for p in paragraphs)
        assert any("President Xi Jinping's Southeast Asian tour" in p for p in paragraphs)

    def test_none_of_the_related_articles_remain(self):
        text = "\n".join(all_paragraphs(self.doc))
        for debris in ("More must be done in Hong Kong's cybercrime campaign", "Daily8", "DOWNLOAD THE APP",
                       "South China Morning Post", "Key question remains", "Orange background", "Comments"):
            assert debris not in text
        assert text.endswith("commitment to multilateral dialogue.")


class TestCleanCopy001:
    """Seed 001: the full clean copy of the article 000 captured."""

    doc = parsed_seed("001")

    def test_title_and_subtitle(self):
        assert self.doc.title == "To align security interests, China and Asean must close trust gaps"
        assert self.doc.subtitle == (
            "Beijing and Southeast Asian capitals can build confidence by upholding local autonomy over "
            "foreign agendas and keeping each other accountable"
        )

    def test_the_subtitle_is_not_also_a_paragraph(self):
        assert not any(p.startswith("Beijing and Southeast Asian capitals") for p in all_paragraphs(self.doc))


@pytest.mark.parametrize("filename", ["letter.docx", "sheet.xlsx", "slides.PPTX"])
def test_files_that_are_not_text_markdown_html_pdf_or_json_lines_are_unsupported(filename):
    suffix = "." + filename.rsplit(".", 1)[1].lower()
    with pytest.raises(IngestError, match=rf"^unsupported file type: \{suffix}$"):
        parse(b"PK\x03\x04 whatever", filename)


def test_a_text_file_without_a_name_is_parsed_as_plain_text():
    doc = parse(b"A title\n\nSome body text.", "")
    assert (doc.title, doc.sections[0].paragraphs) == ("A title", ("Some body text.",))


def test_a_file_with_only_a_title_is_kept_as_a_record_and_says_so():
    doc = parse(b"Algorithm 97: Shortest Path\n", "x.txt")
    assert (doc.title, doc.sections) == ("Algorithm 97: Shortest Path", ())
    assert any("only a title was found" in warning for warning in doc.warnings)


def test_records_with_only_a_title_are_the_same_text_only_when_their_titles_are():
    first, second = parse(b"Algorithm 97: Shortest Path\n", "a.txt"), parse(b"Algorithm 98: Tree Sort\n", "b.txt")
    assert text_fingerprint(first) != text_fingerprint(second)
    assert text_fingerprint(first) == text_fingerprint(parse(b"Algorithm 97: Shortest Path\n\n", "c.txt"))


def test_a_file_of_metadata_alone_is_refused():
    with pytest.raises(IngestError, match="no text found"):
        parse(b"---\nauthor: Jane Roe\ndate: 2020-01-01\n---\n", "x.md")


def test_markdown_front_matter_supplies_the_metadata():
    raw = b"---\ntitle: A Title\ndate: 2024-04-24\nauthor: Peter Layton\n---\n\n### First part\n\nText here.\n\nMore.\n"
    doc = parse(raw, "a.md")
    assert (doc.title, doc.date, doc.authors) == ("A Title", PartialDate(2024, 4, 24), ("Peter Layton",))
    assert [(s.heading, s.paragraphs) for s in doc.sections] == [("First part", ("Text here.", "More."))]


def test_the_same_markdown_headings_are_plain_paragraphs_in_a_txt_file():
    doc = parse(b"A title\n\n### First part\n\nText here.\n", "a.txt")
    assert doc.sections[0].paragraphs == ("### First part", "Text here.")


def test_the_encoding_used_is_recorded():
    doc = parse("A title\n\nLe café “quoted” est très bon, naïve façade, déjà vu.\n".encode("cp1252"), "a.txt")
    assert doc.encoding == "cp1252"
    assert "café “quoted”" in doc.sections[0].paragraphs[0]


def _every_shared_file():
    return sorted(p for folder in (SEEDS, CORPUS) for p in folder.iterdir() if p.is_file())


@pytest.mark.parametrize("path", _every_shared_file(), ids=lambda p: p.name)
def test_every_shared_file_parses_to_a_titled_document_or_raises_ingest_error(path):
    try:
        doc = parse(path.read_bytes(), path.name)
    except IngestError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(doc, ParsedDocument)
    assert doc.title.strip()
    assert any(s.paragraphs for s in all_sections(doc.sections))


class TestBadInput:
    """Each bad file is refused with one line a user can act on, quickly and in bounded memory."""

    @staticmethod
    def refused(raw: bytes, filename: str, match: str) -> str:
        with pytest.raises(IngestError, match=match) as error:
            parse(raw, filename)
        assert "\n" not in str(error.value)
        return str(error.value)

    def test_an_empty_file(self):
        self.refused(b"", "empty.txt", "^file is empty$")

    def test_a_binary_file(self):
        self.refused(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "image.txt", "binary")

    def test_a_file_over_the_limit_names_its_size_and_the_limit(self):
        message = self.refused(b"a" * (MAX_BYTES + 1), "big.txt", "too large")
        assert "the limit is 20 MB" in message

    def test_the_limit_is_a_parameter_of_parse(self):
        with pytest.raises(IngestError, match="too large"):
            parse(b"A title\n\nSome body text.", "a.txt", max_bytes=10)

    def test_a_50_mb_input_is_refused_before_any_work(self):
        raw = b"%PDF-1.7\n" + b"x" * (50 * 1024 * 1024)
        with cost() as spent:
            self.refused(raw, "huge.pdf", "too large")
        assert spent.within(0.5), spent

    def test_a_markdown_file_with_unclosed_front_matter_is_read_as_text_with_a_warning(self):
        doc = parse(b"---\ntitle: Broken\nauthor: Someone\n\nA Title\n\nThe text of the piece.\n", "broken.md")
        assert any("front matter never ends" in w for w in doc.warnings)
        assert "The text of the piece." in all_paragraphs(doc)


class TestLongSingleLine:
    """A 2 MB file that is one line: parsed in seconds into bounded paragraphs, cut after sentences."""

    SENTENCE = "The parties agreed to notify each other of large exercises, officials said on Thursday. "

    def test_prose_on_one_line_parses_quickly_into_bounded_paragraphs(self):
        raw = (self.SENTENCE * (2_000_000 // len(self.SENTENCE))).encode()
        with cost() as spent:
            doc = parse(raw, "one-line.txt")
        assert spent.within(5), spent
        paragraphs = all_paragraphs(doc)
        assert len(paragraphs) > 400
        assert max(len(p) for p in paragraphs) <= MAX_PARAGRAPH_CHARS
        assert all(p.endswith("Thursday.") for p in paragraphs[1:])

    @pytest.mark.parametrize(
        ("line", "filename"),
        [
            ("word " * 400_000, "one-line.txt"),  # no sentence end anywhere
            ("a." * 1_000_000 + " end.", "initials.txt"),  # paragraphs._ABBREVIATION was quadratic on this
            ("word" + " " * 2_000_000 + "end. More text.", "spaces.txt"),  # TRAILING_WIDGETS was quadratic
            ("Title\n\n# a" + "#" * 2_000_000 + " b\n\ntext.", "hashes.md"),  # the Markdown parser reads such runs mark by mark
            ("Title\n\na" + "_" * 2_000_000 + "a", "underscores.md"),  # markdown._UNDERSCORES
        ],
    )
    def test_adversarial_lines_do_not_hang(self, line, filename):
        with cost() as spent:
            try:
                parse(line.encode(), filename)
            except IngestError as error:
                assert "\n" not in str(error)
        assert spent.within(5), spent


def test_a_20_mb_text_parses_in_seconds():
    paragraph = ("The parties agreed to notify each other of large exercises, officials said. " * 5).strip()
    raw = ("A title\n\n" + (paragraph + "\n\n") * (19_900_000 // (len(paragraph) + 2))).encode()
    with cost() as spent:
        doc = parse(raw, "big.txt")
    assert spent.within(15), spent
    assert doc.title == "A title"


def test_a_file_of_json_lines_is_not_taken_for_html():
    assert file_kind("data.jsonl", b'{"title": "<html>"}') == "jsonl"


@pytest.mark.parametrize(
    ("filename", "raw", "kind"),
    [
        ("a.pdf", b"anything", "pdf"),
        ("", b"%PDF-1.7 ...", "pdf"),
        ("a.txt", b"%PDF-1.4 ...", "pdf"),
        ("a.HTM", b"text", "html"),
        ("a.txt", b"<!DOCTYPE html><html>", "html"),
        ("a.md", b"<!DOCTYPE html><html>", "markdown"),
        ("a.txt", b"Title\n\n<html> in prose", "text"),
    ],
)
def test_file_kind_from_name_and_first_bytes(filename, raw, kind):
    assert file_kind(filename, raw) == kind


def test_a_letterhead_heading_naming_the_issuer_is_no_section():
    body = "\n\n".join(["The ministry set out its plans for the coming year in a statement on Monday."] * 3)
    text = f"""---
title: "Plans for the year"
source: "MINISTRY OF FISHERIES"
---

PLANS FOR THE YEAR

{body}

MINISTRY OF FISHERIES

ANNEX A

CATCH LIMITS

NEW REGISTERS

{body}
"""
    doc = parse(text.encode(), "plans.txt")
    headings = [s.heading for s in doc.sections if s.heading]
    assert "MINISTRY OF FISHERIES" not in headings and "PLANS FOR THE YEAR" not in headings
    assert doc.issuer.casefold() == "ministry of fisheries"


def test_a_file_whose_only_text_reads_like_a_standfirst_keeps_it_as_its_body():
    title = "conduction of heat in composite slabs ."
    text = "a method of calculating the heat that passes through a unit area is developed and allowance is made for"
    doc = parse(f"{title}\n\n{text} surface resistance between the layers\n".encode(), "abstract.txt")
    assert doc.subtitle == "" and all_paragraphs(doc)[0].startswith("a method of calculating")


# --- a Japanese text in its own conventions (tests/fixtures/cjk, synthetic) --------------------------------------------

JAPANESE = Path(__file__).resolve().parents[1] / "fixtures" / "cjk" / "ja-kohoku-digital-plan.txt"


def test_a_japanese_plan_gives_its_language_era_date_and_chapters_with_their_sections():
    doc = parse(JAPANESE.read_bytes(), JAPANESE.name)
    assert doc.title == "港北市地域デジタル化推進計画"
    assert doc.language == "ja"  # kana among the kanji: not Chinese
    assert doc.date == PartialDate(2023, 4, 1) and doc.date.precision == "day"  # 令和5年4月1日
    chapters = [s for s in doc.sections if s.label]
    assert [(s.label, s.heading, s.label_scheme) for s in chapters] == [
        ("第1章", "計画の目的と位置付け", "cjk_division"), ("第2章", "基本方針", "cjk_division"),
        ("第3章", "推進体制", "cjk_division")]
    assert [(s.label, s.heading) for s in chapters[0].children] == [("第1節", "計画の目的"), ("第2節", "計画の期間")]
    assert [s.label for s in chapters[1].children] == ["第1節", "第2節"]
    assert "本計画の期間は、令和5年度から令和9年度までの5年間とする。" in chapters[0].children[1].paragraphs[0]
