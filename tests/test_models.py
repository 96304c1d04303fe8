"""archive/models.py: what a section prints as its label, the migration that records old sections' schemes, a document's source file."""

import importlib

import pytest

from archive.ingest.numbering import read_label
from archive.models import LabelScheme, Section


@pytest.mark.parametrize(
    ("label", "scheme", "heading", "printed"),
    [
        ("一", "cjk", "过去五年的工作", "一、"),  # a chapter keeps its enumeration comma
        ("十二", "cjk", "", "十二、"),  # a run-in chapter too
        ("（一）", "cjk_bracketed", "构建高水平社会主义市场经济体制", "（一）"),  # brackets, no dot
        ("第三章", "cjk_division", "国家机构", "第三章"),
        ("第十二条", "cjk_division", "", "第十二条"),
        ("1", "fullwidth", "申报", "1．"),
        ("(a)", "paren", "Scope", "(a)"),
        ("II", "roman", "China's Security Vision", "II."),  # English labels print as they always have
        ("1", "decimal", "Concept of Security", "1."),
        ("4.2.11", "decimal", "Pre-Shared Key Extension", "4.2.11."),
        ("SECTION. 1", "division", "", "SECTION. 1"),
        ("Article 5", "division", "Conditions", "Article 5."),
        ("III", "", "Relations", "III."),  # a section stored before schemes were recorded, or typed by an editor
        ("", "", "Preface", ""),
    ],
)
def test_a_section_prints_its_label_as_the_document_does(label, scheme, heading, printed):
    assert Section(label=label, label_scheme=scheme, heading=heading).printed_label == printed


def test_a_space_parts_label_and_heading_except_after_a_full_width_mark():
    assert not Section(label="一", label_scheme="cjk", heading="过去五年的工作").label_gap  # "一、过去五年的工作"
    assert not Section(label="（一）", label_scheme="cjk_bracketed", heading="构建").label_gap
    assert Section(label="第三章", label_scheme="cjk_division", heading="国家机构").label_gap  # "第三章 国家机构"
    assert Section(label="II", label_scheme="roman", heading="Vision").label_gap  # "II. Vision"
    assert not Section(label="", heading="Preface").label_gap


def test_the_schemes_a_section_records_are_the_ingest_numbering_schemes():
    from archive.ingest import numbering
    schemes = {getattr(numbering, name) for name in (
        "DECIMAL", "ROMAN", "LETTER", "PAREN", "DIVISION", "APPENDIX", "CJK", "CJK_BRACKETED", "CJK_DIVISION", "FULLWIDTH",
        "UNNUMBERED")}
    assert set(LabelScheme.values) == schemes


@pytest.mark.parametrize("printed", ["一、标题", "十二、标题", "（三）标题", "(三)标题", "第三章 总纲", "第十二条　为了", "(a) Scope",
                                     "(iv) Terms", "II. Vision", "1. Concept", "A. Background", "Article 5 Scope", "第1節　目的",
                                     "第三編 総則"])
def test_the_migration_records_an_old_labels_scheme_only_where_its_shape_allows_one(printed):
    migration = importlib.import_module("archive.migrations.0006_section_label_scheme")
    found = read_label(printed)
    guessed = next((name for name, shape in migration._SHAPES if shape.fullmatch(found.label)), "")
    assert guessed in (found.scheme, "")  # never a wrong scheme; "" where the label alone cannot tell
    if found.scheme in ("cjk", "cjk_bracketed", "cjk_division", "paren"):
        assert guessed == found.scheme


def test_a_document_typed_in_admin_has_no_source_file_and_its_page_still_cites_it(db, client):
    from archive.models import Document, Section

    document = Document.objects.create(title="Typed by an editor", publisher="Ministry", status="published")
    Section.objects.create(document=document, position=0, path="0000", anchor="text", text="Some text.")
    assert document.source_file is None
    page = client.get(document.get_absolute_url()).content.decode()
    assert 'name="citation_title" content="Typed by an editor"' in page and "citation_pdf_url" not in page
