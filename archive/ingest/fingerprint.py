"""Recognise the same text captured twice: exactly (a fingerprint) or roughly (a similarity score);
tell a second capture of one text from another draft of one work by their dates (``work_relation``).

Why fold so much before hashing: two captures of one text differ in bytes that carry no meaning —
straight or curly quotes, "visit , Lisbon" or "visit, Lisbon", line breaks, case — and the archive
should call them duplicates. Why containment of word 5-shingles, not a symmetric ratio: a capture
that stops half-way through an article is still that article, so the smaller set is the yardstick.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from .model import ParsedDocument, ParsedSection

# Apostrophes inside a word vanish so that "Beijing's" and "Beijing’s" fold to one token.
_APOSTROPHE = re.compile(r"(?<=\w)['’`](?=\w)")
# A token: one CJK character (Chinese has no spaces, so each character is a word), or a run of letters
# and digits: "Asia-Pacific" -> "asia", "pacific"; "高举" -> "高", "举".
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")

SHINGLE_SIZE = 5
# Two captures sharing at least this much of the shorter one's shingles are versions of one work.
SAME_WORK_SIMILARITY = 0.5


def body_text(doc: ParsedDocument) -> str:
    """Return the document's headings and paragraphs in reading order, one per line.

    A record with a title only (a catalogue entry) is its title: two such records are the same text
    only when their titles are.
    """
    return "\n".join(_section_lines(doc.sections)) or doc.title


def words(text: str) -> list[str]:
    """Return the folded words of ``text``: NFKC, casefolded, without punctuation, quotes or spacing."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _TOKEN.findall(_APOSTROPHE.sub("", text))


def text_fingerprint(doc: ParsedDocument) -> str:
    """Return the sha256 hex digest of the document's folded body text, equal for equal texts."""
    return hashlib.sha256(" ".join(words(body_text(doc))).encode("utf-8")).hexdigest()


def similarity(a: ParsedDocument | str, b: ParsedDocument | str) -> float:
    """Return how much of the shorter text's word 5-shingles the other contains, from 0.0 to 1.0."""
    first, second = _shingles(a), _shingles(b)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def _shingles(value: ParsedDocument | str) -> set[tuple[str, ...]]:
    tokens = words(value if isinstance(value, str) else body_text(value))
    if len(tokens) < SHINGLE_SIZE:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i:i + SHINGLE_SIZE]) for i in range(len(tokens) - SHINGLE_SIZE + 1)}


def _section_lines(sections: tuple[ParsedSection, ...]) -> list[str]:
    lines: list[str] = []
    for section in sections:
        heading = " ".join(part for part in (section.label, section.heading) if part)
        if heading:
            lines.append(heading)
        lines.extend(section.paragraphs)
        lines.extend(_section_lines(section.children))
    return lines


# News pieces: a follow-up story printed on another day reuses much of the earlier one's copy.
NEWS_KINDS = frozenset({"article", "opinion"})


def separate_news_days(kind_a: str, date_a: str, kind_b: str, date_b: str) -> bool:
    """Whether two captures are different news stories because they are dated on different days.

    Dates are ISO strings as precise as known; only two day-precise dates can tell stories apart.
    Drafts and editions of treaties, statements or papers dated apart stay one work (``work_relation``).
    """
    if kind_a not in NEWS_KINDS or kind_b not in NEWS_KINDS:
        return False
    return len(date_a) == len(date_b) == 10 and date_a != date_b


class WorkRelation(StrEnum):
    """How two stored texts belong together; ``archive/services/`` links them accordingly."""

    CAPTURES = "captures"  # one text captured twice: linked, only the fuller capture listed
    DRAFTS = "drafts"  # drafts or editions of one work, dated apart: each listed, linked to the others
    DISTINCT = "distinct"


@dataclass(frozen=True)
class DatedText:
    """What decides how a text relates to another: its kind, its date and its words."""

    kind: str
    date: str  # ISO, as precise as known: "1951-07-12", "2017-01", "2017"; "" when unknown
    text: ParsedDocument | str  # parsed, or as stored


def dates_differ(date_a: str, date_b: str) -> bool:
    """Whether two ISO dates name different days: both known, neither a coarser reading of the other.

    "2017-01" and "2017-01-15" may name one day printed less precisely, so they do not differ.
    """
    return bool(date_a and date_b) and not (date_a.startswith(date_b) or date_b.startswith(date_a))


def work_relation(a: DatedText, b: DatedText) -> WorkRelation:
    """Return whether two texts are captures of one text, drafts of one work, or distinct.

    Texts sharing most of their words are one work; dates then tell a redrafted or re-issued text
    (another document a researcher cites by its date) from a second capture of the same one. A
    missing date reads as a capture: an undated copy of a text the archive holds dated is far more
    often a scrape that lost its dateline than an undated draft, and it stays reachable from the
    capture shown. News stories dated on different days are distinct (``separate_news_days``).
    """
    if separate_news_days(a.kind, a.date, b.kind, b.date):
        return WorkRelation.DISTINCT
    if similarity(a.text, b.text) < SAME_WORK_SIMILARITY:
        return WorkRelation.DISTINCT
    return WorkRelation.DRAFTS if dates_differ(a.date, b.date) else WorkRelation.CAPTURES


# One shingle in SAMPLE_EVERY is kept, chosen by its hash, so two texts keep the same shingles from the
# passages they share: the kept samples estimate containment and can be looked up in a database index.
SAMPLE_EVERY = 8


def shingle_sample(value: ParsedDocument | str) -> set[int]:
    """Return the content-chosen sample of the text's 5-shingle hashes (31-bit ints, index-friendly)."""
    sample = set()
    for shingle in _shingles(value):
        digest = int.from_bytes(hashlib.blake2b(" ".join(shingle).encode("utf-8"), digest_size=4).digest(), "big")
        if digest % SAMPLE_EVERY == 0:
            sample.add(digest >> 1)
    return sample
