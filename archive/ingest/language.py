"""Tell a document's language: the one its file declares, else the one its text is written in (ISO 639-1 codes).

Why a declared language wins: a page's ``<html lang>``, a front matter's ``language:`` or a JSON field is the
publisher's own word; it is read as a code ("en-US" -> "en", "zho" -> "zh") and ignored when it is none.

Why scripts first: Chinese, Japanese and Korean are told apart exactly by the characters they are written in —
Japanese sets kana between its kanji, Korean writes Hangul — so counting scripts decides them at no cost and cannot
mistake a long Chinese report for a Chinese dialect (a statistical detector reads the 20th Congress report as Wu,
"wuu"). A text whose letters are mostly Han, kana or Hangul is one of the three.

Why a detector for the rest: Latin-script languages share their letters, and only their words and letter
sequences tell French from English. py3langid (the maintained fork of langid.py, a naive Bayes model of byte
n-grams, by the author of trafilatura) is deterministic, reads a document in about a millisecond and loads its model
once per process (about half a second, on the first document that needs it). It is held to ``LANGUAGES``, the
languages a policy archive receives: over all 97 it knows, a short English text comes out as Nigerian Pidgin or
Venetian; and an unsure answer leaves the archive's default. ``tests/ingest/test_language.py`` has the figures
measured for this choice.
"""

from __future__ import annotations

import re
from functools import cache

# How much of a document is read to tell its language: enough for a sure answer, bounded for a 10 MB file.
SAMPLE_CHARS = 5000
# Share of Han, kana and Hangul among a text's letters above which it is Chinese, Japanese or Korean.
_CJK_SHARE = 0.3
# Share of kana among those characters from which a text is Japanese: its particles and endings are written in kana,
# so even a law sets a good share of its characters in kana; Chinese prints none, or a stray one in a quoted name.
_KANA_SHARE = 0.05
# Share of Hangul from which a text is Korean (Korean may still set a few words in Hanja).
_HANGUL_SHARE = 0.5
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")

# The languages the detector chooses among, as py3langid names them (ISO 639-1): the United Nations' and the
# European Union's official languages, and those of Asia and the Pacific. Chinese, Japanese and Korean are decided by
# their scripts before the detector is asked.
LANGUAGES = (
    "en", "fr", "es", "ru", "ar", "de", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs", "sk", "sl", "hr", "ro",
    "hu", "bg", "el", "et", "lv", "lt", "mt", "ga", "ca", "eu", "gl", "uk", "tr", "he", "fa", "hi", "ur", "bn", "th",
    "vi", "id", "ms", "tl",
)
DEFAULT = "en"
# How sure the detector must be to name a language other than ``DEFAULT``, the archive's own: on a short text its
# wrong guesses ("FACT SHEET: Indo-Pacific Strat…" as Portuguese, 0.08) stayed below a half, its right ones mostly
# well above.
_MIN_CONFIDENCE = 0.5

# A declared language's primary subtag: "en" of "en-US", "zh" of "zh_Hans_CN".
_PRIMARY = re.compile(r"^([A-Za-z]{2,3})(?:[-_].*)?$")
# Three-letter codes (ISO 639-2/3) and older two-letter ones that files declare, as ISO 639-1.
_CODES = {
    "eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "ita": "it", "por": "pt",
    "nld": "nl", "dut": "nl", "rus": "ru", "ara": "ar", "zho": "zh", "chi": "zh", "cmn": "zh", "yue": "zh",
    "jpn": "ja", "kor": "ko", "vie": "vi", "ind": "id", "msa": "ms", "may": "ms", "tha": "th", "iw": "he", "in": "id",
}
# Languages named in words, as JSON exports and catalogues give them.
_NAMES = {
    "english": "en", "chinese": "zh", "japanese": "ja", "korean": "ko", "french": "fr", "german": "de",
    "spanish": "es", "中文": "zh", "汉语": "zh", "漢語": "zh", "日本語": "ja", "한국어": "ko",
}


def declared_language(value: str) -> str:
    """Return the ISO 639-1 code a file's declaration names ("en-US" -> "en", "zho" -> "zh", "Chinese" -> "zh"),
    or "" when it names none ("", "und", "x-default")."""
    value = " ".join(value.split())
    if value.casefold() in _NAMES:
        return _NAMES[value.casefold()]
    match = _PRIMARY.match(value)
    if not match:
        return ""
    primary = match.group(1).casefold()
    if primary in _CODES:
        return _CODES[primary]
    return primary if len(primary) == 2 else ""


def script_language(text: str) -> str:
    """Return "zh", "ja" or "ko" for a text written mostly in Han, kana or Hangul, else ""."""
    letters = sum(1 for c in text if c.isalpha())
    han, kana, hangul = (len(p.findall(text)) for p in (_HAN, _KANA, _HANGUL))
    cjk = han + kana + hangul
    if not letters or cjk / letters <= _CJK_SHARE:
        return ""
    if hangul >= _HANGUL_SHARE * cjk:
        return "ko"
    return "ja" if kana >= _KANA_SHARE * cjk else "zh"


def detect_language(texts: list[str] | tuple[str, ...]) -> str:
    """Return the language ``texts`` (title, subtitle, paragraphs) are written in; ``DEFAULT`` without letters."""
    sample = "\n".join(t for t in texts if t)[:SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return DEFAULT
    by_script = script_language(sample)
    if by_script:
        return by_script
    language, confidence = _identifier().classify(sample)
    return language if language == DEFAULT or confidence >= _MIN_CONFIDENCE else DEFAULT


def document_language(declared: str, texts: list[str] | tuple[str, ...]) -> str:
    """Return the language a file declares, else the one its text is written in."""
    return declared_language(declared) or detect_language(texts)


@cache
def _identifier():
    """py3langid's model, loaded once and held to ``LANGUAGES`` (an identifier of our own: the module's shared one,
    which trafilatura may also use, is left as it is)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(LANGUAGES)
    return identifier
