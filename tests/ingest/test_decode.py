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
