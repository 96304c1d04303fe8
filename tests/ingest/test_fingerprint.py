"""archive/ingest/fingerprint.py: exact duplicates by fingerprint, near ones by shingle containment."""

from functools import cache

from archive.ingest import ParsedDocument, ParsedSection, parse, similarity, text_fingerprint
from archive.ingest.fingerprint import DatedText, WorkRelation, dates_differ, work_relation
from tests.ingest.fixtures import CORPUS, parsed_seed


def _doc(*paragraphs: str) -> ParsedDocument:
    return ParsedDocument(title="T", sections=(ParsedSection(paragraphs=paragraphs),))


def test_the_same_text_with_different_quotes_spacing_and_case_has_the_same_fingerprint():
    a = _doc("Beijing's tour , Beijing outlined a \"new\" doctrine.")
    b = _doc("BEIJING’S tour, Beijing", "outlined a “new” doctrine")
    assert text_fingerprint(a) == text_fingerprint(b)


def test_different_words_give_different_fingerprints():
    close, widen = _doc("China and Asean must close trust gaps."), _doc("China and Asean must widen trust gaps.")
    assert text_fingerprint(close) != text_fingerprint(widen)


def test_a_fingerprint_is_a_sha256_hex_digest():
    digest = text_fingerprint(_doc("text"))
    assert len(digest) == 64 and int(digest, 16) >= 0


def test_a_truncated_noisy_capture_scores_high_against_its_full_clean_copy():
    assert similarity(parsed_seed("000"), parsed_seed("001")) > 0.6


def test_the_truncated_and_full_captures_have_different_fingerprints():
    assert text_fingerprint(parsed_seed("000")) != text_fingerprint(parsed_seed("001"))


def test_two_different_articles_score_low():
    assert similarity(parsed_seed("001"), parsed_seed("002")) < 0.2
    assert similarity(parsed_seed("002"), parsed_seed("003")) < 0.2


def test_similarity_accepts_plain_strings_and_is_symmetric():
    a = "one two three four five six seven"
    b = "zero one two three four five six seven eight nine ten"
    assert similarity(a, b) == similarity(b, a) == 1.0


def test_similarity_with_an_empty_text_is_zero():
    assert similarity("", "one two three four five") == 0.0


def test_chinese_text_is_compared_character_by_character():
    assert similarity("高举中国特色社会主义伟大旗帜", "我们高举中国特色社会主义伟大旗帜前进") == 1.0


# Captures of one text and drafts of one work: ``work_relation``.

ANZUS_FEBRUARY = "au-dfat-1951-02-17-draft-of-treaty-anzus.md"
ANZUS_JULY = "au-dfat-1951-07-12-draft-anzus-security-treaty.md"
PROSE = "The Parties undertake to settle any international disputes in which they may be involved by peaceful means."


@cache
def dated_corpus(name: str) -> DatedText:
    doc = parse(CORPUS.joinpath(name).read_bytes(), name)
    return DatedText(doc.kind, doc.date.iso() if doc.date else "", doc)


def test_two_drafts_of_a_treaty_dated_months_apart_are_drafts_of_one_work():
    assert work_relation(dated_corpus(ANZUS_FEBRUARY), dated_corpus(ANZUS_JULY)) == WorkRelation.DRAFTS


def test_two_undated_captures_of_one_article_are_captures():
    noisy, clean = parsed_seed("000"), parsed_seed("001")
    assert work_relation(DatedText(noisy.kind, "", noisy), DatedText(clean.kind, "", clean)) == WorkRelation.CAPTURES


def test_one_text_with_one_date_missing_is_two_captures():
    dated, undated = DatedText("treaty", "1951-07-12", PROSE), DatedText("treaty", "", PROSE)
    assert work_relation(dated, undated) == WorkRelation.CAPTURES


def relation(kind: str, date_a: str, date_b: str) -> WorkRelation:
    return work_relation(DatedText(kind, date_a, PROSE), DatedText(kind, date_b, PROSE))


def test_one_text_dated_the_same_day_is_two_captures():
    assert relation("treaty", "1951-07-12", "1951-07-12") == WorkRelation.CAPTURES


def test_the_same_copy_on_two_days_is_two_news_stories_but_two_drafts_of_a_statement():
    assert relation("article", "2022-01-18", "2022-01-20") == WorkRelation.DISTINCT
    assert relation("statement", "2022-01-18", "2022-01-20") == WorkRelation.DRAFTS


def test_different_texts_are_distinct_whatever_their_dates():
    article = parsed_seed("002")
    assert work_relation(DatedText("treaty", "1951-07-12", article), dated_corpus(ANZUS_JULY)) == WorkRelation.DISTINCT


def test_dates_differ_only_when_both_are_known_and_name_different_days():
    assert dates_differ("1951-02-17", "1951-07-12")
    assert dates_differ("2017", "2018-03-01")
    assert not dates_differ("2017-01", "2017-01-15")  # one day, printed less precisely
    assert not dates_differ("2017-01-15", "2017")
    assert not dates_differ("", "1951-07-12")
