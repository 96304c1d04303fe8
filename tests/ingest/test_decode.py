"""archive/ingest/decode.py: bytes -> text, or a one-line reason."""

import codecs

import pytest

from archive.ingest.decode import MAX_BYTES, decode
from archive.ingest.model import IngestError


def test_an_empty_file_is_refused_as_empty():
    with pytest.raises(IngestError, match="file is empty"):
        decode(b"")


def test_a_whitespace_only_file_is_refused_as_empty():
    with pytest.raises(IngestError, match="file is empty"):
        decode(b" \n\t\r\n  ")


def test_a_file_with_nul_bytes_and_no_bom_is_refused_as_binary():
    with pytest.raises(IngestError, match="looks like a binary file, not text"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_a_file_full_of_control_characters_is_refused_as_binary():
    with pytest.raises(IngestError, match="binary"):
        decode(bytes(range(1, 9)) * 40 + b"some text")


def test_utf8_without_bom_is_decoded_as_utf8():
    result = decode("café – “quoted”".encode("utf-8"))
    assert (result.text, result.encoding) == ("café – “quoted”", "utf-8")


def test_utf8_with_bom_is_decoded_without_the_bom():
    result = decode(codecs.BOM_UTF8 + "café".encode("utf-8"))
    assert result.text == "café"
    assert result.encoding == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded_even_though_it_contains_nul_bytes(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    result = decode(bom + "Joint Statement 联合声明".encode(codec))
    assert result.text == "Joint Statement 联合声明"
    assert result.encoding == codec


def test_cp1252_text_is_detected_and_read_with_its_curly_quotes():
    raw = "Le café “quoted” est très bon, naïve façade, déjà vu.\n".encode("cp1252")
    result = decode(raw)
    assert "café “quoted” est très bon" in result.text
    assert result.encoding == "cp1252"
    assert any("not UTF-8" in w for w in result.warnings)


def test_random_high_bytes_are_refused_as_undetectable():
    raw = bytes((i * 167 + 131) % 128 + 128 for i in range(400))
    with pytest.raises(IngestError, match="not valid UTF-8 and its encoding could not be detected"):
        decode(raw)


def test_utf8_cut_inside_a_character_at_the_end_drops_that_character_with_a_warning():
    raw = "Joint statement on 中".encode("utf-8")[:-1]
    result = decode(raw)
    assert result.text == "Joint statement on "
    assert result.encoding == "utf-8"
    assert result.warnings


def test_invalid_bytes_in_the_middle_of_utf8_are_not_mistaken_for_a_truncated_end():
    raw = "Joint statement ".encode() + b"\xe4\xb8" + " on security cooperation, à la carte.".encode()
    try:
        result = decode(raw)
    except IngestError as error:
        assert "could not be detected" in str(error)
    else:
        assert result.encoding != "utf-8"
        assert any("not UTF-8" in w for w in result.warnings)


def test_a_file_over_the_size_limit_is_refused_with_its_size():
    with pytest.raises(IngestError, match="too large"):
        decode(b"a" * (MAX_BYTES + 1))


def test_a_bom_followed_by_invalid_utf16_is_refused_clearly():
    with pytest.raises(IngestError, match="byte-order mark"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8a")


def test_short_german_cp1252_text_is_read_as_cp1252_not_as_a_mac_code_page():
    result = decode("Die Straße führt über Köln nach München, schön.\n".encode("cp1252"))
    assert result.text.startswith("Die Straße führt über Köln")
    assert result.encoding == "cp1252"


def test_cyrillic_cp1251_text_keeps_its_own_code_page():
    text = "Привет мир, как дела? Это тестовый текст на русском языке.\n"
    result = decode(text.encode("cp1251"))
    assert result.text.startswith("Привет мир")


def test_the_size_limit_is_a_parameter():
    with pytest.raises(IngestError, match="too large"):
        decode(b"a" * 200, max_bytes=100)
    assert decode(b"a" * 200, max_bytes=200).text == "a" * 200


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_when_its_nul_bytes_show_the_byte_order(codec):
    text = "Joint Statement on the Quad 联合声明\nThe leaders met in Washington."
    result = decode(text.encode(codec))
    assert (result.text, result.encoding) == (text, codec)
    assert any("no byte-order mark" in w for w in result.warnings)


def test_nul_bytes_in_no_regular_pattern_are_still_binary():
    with pytest.raises(IngestError, match="binary"):
        decode(b"ab\x00\x00cd\x00e\x00\x00\x00fgh\x00ij" * 20)


GB_TEXTS = [
    "亚太地区幅员辽阔，人口众多，在全球政治、经济和安全格局中占有重要地位。近年来，亚太地区总体保持稳定。",
    "新时代的中国国防\n\n中华人民共和国国务院新闻办公室\n2019年7月",
    "中国",
    "白皮书",
    "国务院新闻办公室",
]


@pytest.mark.parametrize("text", GB_TEXTS)
def test_gb18030_chinese_decodes_to_the_same_characters_not_a_korean_or_japanese_guess(text):
    result = decode(text.encode("gb18030"))
    assert result.text == text
    assert result.encoding == "gb18030"


@pytest.mark.parametrize("text", ["中國", "台灣外交部發表聲明", "中華人民共和國國務院新聞辦公室發表白皮書。"])
def test_big5_traditional_chinese_keeps_big5(text):
    assert decode(text.encode("big5")).text == text


def test_a_declared_charset_is_used_when_the_bytes_are_not_utf8():
    raw = "Ein Weißbuch über Köln".encode("cp1252")
    result = decode(raw, declared="iso-8859-1")
    assert (result.text, result.encoding) == ("Ein Weißbuch über Köln", "cp1252")
    assert any("declares" in w for w in result.warnings)


def test_a_declared_charset_does_not_override_valid_utf8():
    assert decode("café “quoted”".encode(), declared="windows-1252").text == "café “quoted”"


@pytest.mark.parametrize("declared", ["no-such-charset", "utf-16", None])
def test_an_unknown_or_impossible_declared_charset_falls_back_to_detection(declared):
    raw = "Le café “quoted” est très bon, naïve façade, déjà vu.\n".encode("cp1252")
    assert decode(raw, declared=declared).encoding == "cp1252"
