"""archive/ingest/language.py: a document's language, declared or read from its text.

Measured before choosing (2026-12, Python 3.11, 2 cores): every document of seeds (4), corpus/policy (39) and
corpus/structure (30) — their true languages from tests/ingest/golden, 67 en and 6 zh — the 24 synthetic pages of
tests/fixtures/web read without their ``<html lang>`` (19 en, one each zh, ja, de, fr, es) and 19 texts written for
the purpose (ja 3, ko 2, zh 2, en 2, fr 2, de 2, es, it, pt, nl, id, vi). The sample is what the pipeline reads
(title, subtitle and paragraphs, first 5,000 characters); "80 / 30 chars" cut each document's first paragraph of
40+ characters to that length, the test of a short record.

detector (time per document, first load)            whole docs   80 chars   30 chars  package, memory
the Han share alone (the old rule: zh, else en)     97/116       97/116     -         -
Unicode scripts alone (zh/ja/ko, else en)           103/116      103/116    -         -
scripts + wordfreq unigrams, 21 langs (0.9 ms, 2 s) 116/116      116/116    108/116   none new; +575 MB RSS
langdetect (5 ms, 0.2 s; random unless seeded)      116/116      116/116    106/116   1 MB sdist, pure Python,
                                                                                      last release 2021; +66 MB
lingua, all languages (5.6 ms, 6 s)                 116/116      116/116    107/116   96 MB wheel; +886 MB RSS
scripts + lingua, low accuracy mode (5.6 ms, 0.3 s) 116/116      110/116    91/116    96 MB wheel; +54 MB RSS
scripts + py3langid, all 97 languages (1 ms, 0.5 s) 116/116      110/116    98/116    4.6 MB wheel + numpy
                                                                                      (17 MB wheel); +122 MB RSS
scripts + py3langid held to LANGUAGES, unsure ->    116/116      116/116    115/116   the same; +159 MB RSS
  en: the choice (1.0 ms, 0.45 s)

Its wrong answers at 30 characters were all English texts read as another language with a confidence below a half
("FACT SHEET: Indo-Pacific Strat" as Portuguese, 0.08; "Jakarta-Bandung high-speed rai" as Indonesian, 0.41): they
stay English now. The one left is a 30-character Spanish sentence read as English (0.30). A title of three words
that are mostly names can still mislead it: "Jakarta-Bandung railway" alone is Indonesian at 0.52.
"""

import pytest

from archive.ingest import parse
from archive.ingest.language import declared_language, detect_language, document_language, script_language
from tests.ingest.golden_compare import golden_files, load, parse_source, structure_files


@pytest.mark.parametrize(
    ("declared", "code"),
    [
        ("en", "en"), ("en-US", "en"), ("EN", "en"), ("zh-CN", "zh"), ("zh_Hans_CN", "zh"), ("ja-JP", "ja"),
        ("zho", "zh"), ("jpn", "ja"), ("fre", "fr"), ("deu", "de"), ("Chinese", "zh"), ("中文", "zh"),
        ("", ""), ("und", ""), ("x-default", ""), ("English, French", ""),
    ],
)
def test_a_declared_language_is_read_as_an_iso_639_1_code(declared, code):
    assert declared_language(declared) == code


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("各地区各部门要坚持保护优先、系统治理，加快建立健全海洋生态环境监测体系。", "zh"),
        ("本計画の期間は、令和5年度から令和9年度までの5年間とする。", "ja"),
        ("災害から住民の生命と財産を守ることは、行政の最も重要な責務である。", "ja"),  # kanji-heavy, still kana
        ("정부는 지역 간 균형 발전을 위하여 교통망을 확충하기로 하였다.", "ko"),
        ("The Treaty of Amity and Cooperation (东南亚友好合作条约) was signed in 1976.", ""),  # a quoted name
        ("Regional security cooperation", ""),
    ],
)
def test_chinese_japanese_and_korean_are_told_by_their_scripts(text, language):
    assert script_language(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le gouvernement a présenté mercredi un plan national pour la protection des océans et des littoraux.", "fr"),
        ("Die Bundesregierung hat am Mittwoch eine neue Strategie für die Digitalisierung der Verwaltung beschlossen.",
         "de"),
        ("El Ministerio de Agricultura anunció un programa de ayudas para los pequeños productores afectados.", "es"),
        ("Il governo ha approvato un piano per la tutela delle coste e il sostegno alla pesca artigianale.", "it"),
        ("O governo aprovou um plano para proteger as zonas costeiras e apoiar a pesca artesanal.", "pt"),
        ("De regering heeft een plan goedgekeurd om de kust te beschermen en de visserij te steunen.", "nl"),
        ("Pemerintah menyetujui rencana untuk melindungi wilayah pesisir dan mendukung nelayan kecil.", "id"),
        ("Chính phủ đã thông qua kế hoạch bảo vệ vùng ven biển và hỗ trợ nghề cá quy mô nhỏ.", "vi"),
        ("The ministry will publish its annual report on fisheries management in March.", "en"),
        ("政府は、海洋環境の保全と水産業の持続的な発展を両立させるため、漁業資源の管理を強化する方針を決めた。", "ja"),
        ("해양 환경 보호에 관한 기본 방향", "ko"),
        ("关于加强海洋生态环境保护的意见", "zh"),
    ],
)
def test_a_text_is_read_in_its_own_language(text, language):
    assert detect_language([text]) == language


@pytest.mark.parametrize("title", ["Jakarta-Bandung high-speed rai", "FACT SHEET: Indo-Pacific Strat",
                                   "The Digital Service Standard e", "Camp David Principles", "1 2 3", ""])
def test_a_short_title_the_detector_is_unsure_of_stays_in_the_archives_default(title):
    assert detect_language([title]) == "en"


def _real_documents():
    for path in [*golden_files(), *structure_files()]:
        golden = load(path)
        yield pytest.param(golden["source"], golden.get("language") or "en", id=path.name)


@pytest.mark.parametrize(("source", "language"), list(_real_documents()))
def test_every_real_document_is_read_in_its_language_from_its_text_alone(source, language):
    doc = parse_source(source)
    assert detect_language([doc.title, doc.subtitle, *_paragraphs(doc.sections)]) == language


def _paragraphs(sections):
    return [p for s in sections for p in (*s.paragraphs, *_paragraphs(s.children))]


def test_a_declared_language_wins_over_the_text():
    assert document_language("fr-FR", ["The ministry will publish its annual report in March."]) == "fr"
    assert document_language("und", ["The ministry will publish its annual report in March."]) == "en"


def test_a_language_declared_in_front_matter_or_a_json_field_is_the_documents():
    text = "The ministry will publish its annual report on fisheries management in March, with the catch limits."
    markdown = f"---\ntitle: Annual report\nlanguage: de\n---\n\n{text}\n".encode()
    assert parse(markdown, "report.md").language == "de"
    record = '{"title": "年度报告", "language": "zh-CN", "content": "%s"}\n' % text
    assert parse(record.encode(), "report.jsonl").language == "zh"
    assert parse(f"Annual report\n\n{text}\n".encode(), "report.txt").language == "en"


def test_a_page_that_declares_no_language_is_read_from_its_text():
    page = ("<html><head><title>Plan national</title></head><body><article><h1>Plan national pour les océans</h1>"
            "<p>Le gouvernement a présenté mercredi un plan national pour la protection des océans. Ce plan prévoit "
            "de renforcer la surveillance des zones de pêche et de réduire les déchets plastiques rejetés en mer.</p>"
            "</article></body></html>")
    assert parse(page.encode(), "plan.html").language == "fr"
    assert parse(page.replace("<html>", '<html lang="en">').encode(), "plan.html").language == "en"  # declared
