"""Turn a file's raw bytes into text, or refuse with a reason a user can act on.

Why this order: a byte-order mark is the only certain signal, so it wins; binary files are refused
before any guessing (a guesser will happily "decode" a JPEG as Big5); strict UTF-8 comes next because
almost every capture is UTF-8 and UTF-8 rarely decodes by accident; charset-normalizer is the last
resort and is trusted only when it finds a clean, unambiguous match.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

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

# The legacy code page Western captures are almost always in. On short Western text the guesser ranks
# cp1250, cp1257 or even mac_roman first ("trčs", "M¸nchen"); when cp1252 is among the plausible
# readings, it wins. Cyrillic or Chinese bytes never read plausibly as cp1252, so they keep their match.
_WESTERN = "cp1252"
_MAX_CHAOS = 0.1

_BINARY = "looks like a binary file, not text"
_UNDETECTED = "not valid UTF-8 and its encoding could not be detected"


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the codec that produced it, and anything the user should know about the decoding."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(raw: bytes) -> Decoded:
    """Decode ``raw`` to text; raise IngestError for empty, oversized, binary or undecodable files."""
    if len(raw) > MAX_BYTES:
        raise IngestError(
            f"file is too large ({len(raw) / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB)"
        )
    if not raw.strip():
        raise IngestError("file is empty")
    decoded = _decode_with_bom(raw) or _decode_without_bom(raw)
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


def _decode_without_bom(raw: bytes) -> Decoded:
    if b"\x00" in raw:
        # UTF-16 without a BOM is too rare in captures to be worth the risk of reading binary as text.
        raise IngestError(_BINARY)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        truncated = _truncated_utf8(raw, error)
    if truncated is not None:
        return truncated
    if _looks_binary(raw[:_SAMPLE_CHARS].decode("latin-1")):
        raise IngestError(_BINARY)
    return _guess(raw)


def _truncated_utf8(raw: bytes, error: UnicodeDecodeError) -> Decoded | None:
    """Accept UTF-8 whose only flaw is a multi-byte character cut off by the end of the file."""
    if error.reason != "unexpected end of data" or error.end != len(raw) or len(raw) - error.start > 3:
        return None
    try:
        text = raw[: error.start].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return Decoded(text, "utf-8", ("the file ends in the middle of a character; the incomplete character was dropped",))


def _guess(raw: bytes) -> Decoded:
    # UTF-16/32 without a byte-order mark are refused above (NUL bytes); a guess of them is noise.
    matches = [m for m in from_bytes(raw) if m.chaos <= _MAX_CHAOS and not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        raise IngestError(_UNDETECTED)
    if any(_WESTERN in m.could_be_from_charset for m in matches):
        text, encoding = raw.decode(_WESTERN), _WESTERN
    else:
        text, encoding = str(matches[0]), matches[0].encoding
    return Decoded(text, encoding, (f"the file is not UTF-8; it was read as {encoding}",))


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    controls = sum(1 for char in sample if char in _CONTROL_CHARS)
    return "\x00" in sample or controls > _MAX_CONTROL_RATIO * len(sample)
