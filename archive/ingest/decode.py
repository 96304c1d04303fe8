"""Turn a file's raw bytes into text, or refuse with a reason a user can act on.

Why this order: the size check comes first, before anything reads the bytes; a byte-order mark is the
only certain signal, so it wins; UTF-16 without a mark is accepted only when its NUL bytes fall in the
regular pattern ASCII text gives it; other binary files are refused before any guessing (a guesser
will happily "decode" a JPEG as Big5); strict UTF-8 comes next because almost every capture is UTF-8
and UTF-8 rarely decodes by accident; then the charset a web page declares; charset-normalizer is the
last resort and is trusted only when it finds a clean, unambiguous match.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import CharsetMatch, from_bytes

from .model import IngestError

MAX_BYTES = 20 * 1024 * 1024
"""Files above this size are refused so that parsing one upload never holds more than a few copies of it."""

# Byte-order marks, longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 control characters that never occur in prose; tab, LF, VT, FF and CR are legitimate text.
_CONTROL_CHARS = frozenset(chr(c) for c in range(0x20) if chr(c) not in "\t\n\v\f\r") | {"\x7f"}
_MAX_CONTROL_RATIO = 0.02
_SAMPLE_CHARS = 64 * 1024

# UTF-16 without a mark: in the sample, at least this share of the bytes on one side of each pair is NUL
# (ASCII letters, digits, spaces), and almost none on the other side. Binary files have NULs everywhere.
_UTF16_NUL_SHARE = 0.6
_UTF16_OTHER_NUL_SHARE = 0.02
_UTF16_SAMPLE_BYTES = 4096

# The legacy code page Western captures are almost always in. On short Western text the guesser ranks
# cp1250, cp1257 or even mac_roman first ("trčs", "M¸nchen"); when cp1252 is among the plausible
# readings, it wins. Cyrillic or Chinese bytes never read plausibly as cp1252, so they keep their match.
_WESTERN = "cp1252"
_MAX_CHAOS = 0.1

# Labels a web page may declare, read as browsers read them (WHATWG Encoding): "iso-8859-1" and "ascii"
# mean cp1252, "gb2312" and "gbk" mean their superset gb18030.
_DECLARED_ALIASES = {"iso8859-1": _WESTERN, "ascii": _WESTERN, "gb2312": "gb18030", "gbk": "gb18030"}

# On a few characters of CJK text the guesser has no evidence and may pick Big5, cp949 or EUC-JP for
# Chinese GB18030 bytes ("中国" read as "笢弊"). Among equally clean readings the one with the most common
# Chinese characters wins, simplified (GB2312 level 1) or traditional (Big5 level 1); this archive holds
# far more Chinese than Korean or Japanese text.
_CJK_CODECS = frozenset({"gb18030", "gb2312", "gbk", "big5", "big5hkscs", "cp950", "cp949", "euc_kr", "johab",
                         "euc_jp", "euc_jis_2004", "euc_jisx0213", "shift_jis", "cp932", "hz"})

_CHINESE_PRIORITY = {"gb18030": 2, "gb2312": 2, "gbk": 2, "big5": 1, "big5hkscs": 1, "cp950": 1}

_BINARY = "looks like a binary file, not text"
_UNDETECTED = "not valid UTF-8 and its encoding could not be detected"


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the codec that produced it, and anything the user should know about the decoding."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def readable_size(size: int) -> str:
    """A size as a reader says it: "950 bytes", "12.3 KB", "20 MB", "20.5 MB" (1 KB = 1,024 bytes)."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:,.1f}".removesuffix(".0") + f" {unit}"
    return f"{size:,} byte{'s' if size != 1 else ''}"


def check_size(raw: bytes, max_bytes: int = MAX_BYTES) -> None:
    """Refuse an empty file or one over ``max_bytes``: cheap checks that run before any real work."""
    if len(raw) > max_bytes:
        raise IngestError(f"file is too large ({readable_size(len(raw))}; the limit is {readable_size(max_bytes)})")
    if not raw.strip():
        raise IngestError("file is empty")


def decode(raw: bytes, max_bytes: int = MAX_BYTES, declared: str | None = None) -> Decoded:
    """Decode ``raw`` to text; raise IngestError for empty, oversized, binary or undecodable files.

    ``declared`` is the charset the file names for itself (a web page's ``<meta charset>``); it is used
    when the bytes are not UTF-8.
    """
    check_size(raw, max_bytes)
    decoded = _decode_with_bom(raw) or _decode_utf16_without_bom(raw) or _decode_without_bom(raw, declared)
    if not decoded.text.strip():
        raise IngestError("file is empty")
    if _looks_binary(decoded.text):
        raise IngestError(_BINARY)
    return decoded


def _decode_with_bom(raw: bytes) -> Decoded | None:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            body = raw[len(bom):]
            try:
                text = body.decode(codec.removesuffix("-sig"))
            except UnicodeDecodeError:
                raise IngestError(f"file starts with a {codec} byte-order mark but is not valid {codec}") from None
            return Decoded(text, codec.removesuffix("-sig"))
    return None


def _decode_utf16_without_bom(raw: bytes) -> Decoded | None:
    """Read UTF-16 that has no byte-order mark when its NUL bytes show the byte order beyond doubt."""
    sample = raw[:_UTF16_SAMPLE_BYTES]
    if b"\x00" not in sample or len(raw) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / max(len(odd), 1)
    if odd_nul >= _UTF16_NUL_SHARE and even_nul <= _UTF16_OTHER_NUL_SHARE:
        codec = "utf-16-le"  # "A\x00b\x00": the high byte of ASCII comes second
    elif even_nul >= _UTF16_NUL_SHARE and odd_nul <= _UTF16_OTHER_NUL_SHARE:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    return Decoded(text, codec, (f"the file has no byte-order mark; it was read as {codec}",))


def _decode_without_bom(raw: bytes, declared: str | None) -> Decoded:
    if b"\x00" in raw:
        raise IngestError(_BINARY)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        truncated = _truncated_utf8(raw, error)
    if truncated is not None:
        return truncated
    if _looks_binary(raw[:_SAMPLE_CHARS].decode("latin-1")):
        raise IngestError(_BINARY)
    return _decode_declared(raw, declared) or _guess(raw)


def _truncated_utf8(raw: bytes, error: UnicodeDecodeError) -> Decoded | None:
    """Accept UTF-8 whose only flaw is a multi-byte character cut off by the end of the file."""
    if error.reason != "unexpected end of data" or error.end != len(raw) or len(raw) - error.start > 3:
        return None
    try:
        text = raw[: error.start].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return Decoded(text, "utf-8", ("the file ends in the middle of a character; the incomplete character was dropped",))


def _decode_declared(raw: bytes, declared: str | None) -> Decoded | None:
    """Use the charset the file declares, if Python knows it and the bytes really are in it."""
    if not declared:
        return None
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return None
    codec = _DECLARED_ALIASES.get(codec, codec)
    if codec.startswith(("utf-16", "utf-32", "utf-8")):
        return None  # a page saved to disk is no longer in the UTF-16 its header named; UTF-8 already failed
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    return Decoded(text, codec, (f"the file is not UTF-8; it was read as {codec}, the charset it declares",))


def _guess(raw: bytes) -> Decoded:
    # UTF-16/32 without a byte-order mark are refused above (NUL bytes); a guess of them is noise.
    matches = [m for m in from_bytes(raw) if m.chaos <= _MAX_CHAOS and not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        raise IngestError(_UNDETECTED)
    if any(_WESTERN in m.could_be_from_charset for m in matches):
        text, encoding = raw.decode(_WESTERN), _WESTERN
    else:
        best = _best_cjk_reading(matches) or matches[0]
        text, encoding = str(best), best.encoding
    return Decoded(text, encoding, (f"the file is not UTF-8; it was read as {encoding}",))


def _best_cjk_reading(matches: list[CharsetMatch]) -> CharsetMatch | None:
    """Break a tie between equally clean CJK readings of a short text in favour of common Chinese characters."""
    first = matches[0]
    if first.encoding not in _CJK_CODECS or first.coherence > 0:
        return None  # the guesser found language evidence, or the text is not CJK: trust its order
    tied = [m for m in matches if m.encoding in _CJK_CODECS and m.chaos <= first.chaos and m.coherence == 0]
    # Equal shares go to a Chinese codec, simplified first; max() keeps the guesser's order after that.
    return max(tied, key=lambda m: (_common_hanzi_share(str(m)), _CHINESE_PRIORITY.get(m.encoding, 0)))


def _common_hanzi_share(text: str) -> float:
    chars = [c for c in text if not c.isascii() and not c.isspace()]
    return sum(1 for c in chars if _is_common_hanzi(c)) / len(chars) if chars else 0.0


def _is_common_hanzi(char: str) -> bool:
    """Tell whether ``char`` is among the ~3,700 most used simplified or ~5,400 traditional characters."""
    for codec, low, high in (("gb2312", b"\xb0\xa1", b"\xd7\xf9"), ("big5", b"\xa4\x40", b"\xc6\x7e")):
        try:
            code = char.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(code) == 2 and low <= code <= high:
            return True
    return False


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    controls = sum(1 for char in sample if char in _CONTROL_CHARS)
    return "\x00" in sample or controls > _MAX_CONTROL_RATIO * len(sample)
