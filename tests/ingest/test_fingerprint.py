"""archive/ingest/fingerprint.py: exact duplicates by fingerprint, near ones by shingle containment."""

from archive.ingest import ParsedDocument, ParsedSection, similarity, text_fingerprint
from tests.ingest.fixtures import parsed_seed


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
