"""Read JSON-lines captures (``.jsonl``, ``.ndjson``): one JSON object per line, metadata and text as fields.

Why a reader of its own: corpora scraped into JSON lines keep the title, address, date and author in
named fields and the text in another ("content", "text", "body"), so there is no header to guess at.
The metadata fields become a ``FrontMatter`` (the header reader already knows what to do with one) and
the text fields become the body, record after record, in file order. Fields we do not know ("congress",
"type") are the corpus's own bookkeeping and are ignored.

Two habits of such corpora are undone here, because only this step sees both the fields and the text:
- a collection tag appended to the title field that the text itself never prints ("… (二十大)");
- the title printed again at the top of the text, wrapped over several lines.
HTML-to-text extraction also puts inline links on lines of their own; in Chinese and Japanese text a
line break is never a space, so such lines are joined back ("制定" / "“十四五”规划…" / "，全面…"). That
is done only in a text that separates its paragraphs with blank lines: where there are none, each line
is a paragraph, and only a line opening with a comma or full stop is joined to the one before.
"""

from __future__ import annotations

import json
import re

from .frontmatter import FrontMatter
from .model import IngestError
from .normalise import normalise

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

# Field names, by what they hold, mapped to the front matter key the header reader expects.
_METADATA_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "source_url": ("url", "source_url", "link", "canonical_url", "uri", "permalink"),
    "date": ("date", "published", "published_at", "publication_date", "pub_date", "datetime", "created_at"),
    "author": ("author", "authors", "byline", "creator", "creators", "speaker"),
    "publisher": ("publisher", "site_name", "outlet"),
    "language": ("language", "lang", "inLanguage", "locale"),
}
_TEXT_KEYS = ("content", "text", "body", "full_text", "fulltext", "article", "markdown", "html_text")
# A string field this long with no known name is taken as the text when no known text field exists.
_MIN_UNNAMED_TEXT = 200

# A tag in brackets after a title: "坚持绿色发展 建设美丽乡村 … (征求意见稿)", "Annual Report [draft]", "…（节选）".
_TITLE_TAG = re.compile(r"\s*[(\[（【]([^()\[\]（）【】]{1,20})[)\]）】]$")
# Chinese, Japanese and Korean characters and their full-width punctuation ("中", "，", "（"). Curly quotes
# are shared with English, so they count only next to such a character: "编制\n“五年规划”纲要".
_CJK = r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
# A numbered heading or dash-led item opening a line: "一、过去三年的工作回顾…", "（一）统筹渔业…", "——我们推动了…".
_ITEM = r"(?:[（(][〇零一二两三四五六七八九十百]{1,4}[）)]|[〇零一二两三四五六七八九十百]{1,4}、|——)"
# A single line break with CJK text on either side: "按照\n规定\n和" -> "按照规定和", "发展目标\n，稳步" ->
# "发展目标，稳步", "编制\n“五年规划”" -> "编制“五年规划”". Blank lines (paragraph breaks) are kept, and so is a
# break before an ``_ITEM``.
_CJK_BREAK = re.compile(
    rf"(?:(?<=[{_CJK}])|(?<=[{_CJK}][”’]))\n(?!\n|{_ITEM})"
    rf"|(?<=[^\n])\n(?!{_ITEM})(?=[{_CJK}]|[“‘][{_CJK}])"
)
# A break before punctuation that cannot open a line: "发展目标\n，稳步" -> "发展目标，稳步".
_CLOSING_BREAK = re.compile(r"(?<=[^\n])\n(?=[，。、；：！？）」』])")
# Three or more line breaks left by empty template cells: "方案\n\n\n\n\n\n\n为推进" -> one blank line.
_BLANK_RUN = re.compile(r"\n{3,}")


def read_jsonlines(text: str) -> tuple[FrontMatter, str]:
    """Return the metadata of a JSON-lines capture as front matter, and its text fields joined in order."""
    records = _records(text)
    fields: dict[str, str | list[str]] = {}
    bodies: list[str] = []
    for record in records:
        for key, value in _metadata(record).items():
            fields.setdefault(key, value)
        bodies.extend(_texts(record))
    body = "\n\n".join(_tidy(b) for b in bodies if b.strip())
    if not body:
        raise IngestError("the JSON-lines file has no text field (such as 'content' or 'text') in any line")
    title = fields.get("title")
    if isinstance(title, str):
        fields["title"] = _without_tag(title, body)
        body = _without_printed_title(fields["title"], body)
    return FrontMatter(fields), body


def _records(text: str) -> list[dict]:
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise IngestError(f"line {number} of the JSON-lines file is not valid JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise IngestError(f"line {number} of the JSON-lines file is not a JSON object")
        records.append(record)
    if not records:
        raise IngestError("the JSON-lines file has no records")
    return records


def _metadata(record: dict) -> dict[str, str | list[str]]:
    found: dict[str, str | list[str]] = {}
    lowered = {str(k).lower(): v for k, v in record.items()}
    for target, names in _METADATA_KEYS.items():
        for name in names:
            value = _scalar_or_list(lowered.get(name))
            if value:
                found[target] = value
                break
    return found


def _scalar_or_list(value: object) -> str | list[str]:
    if isinstance(value, list):
        return [normalise(str(v)).strip() for v in value if isinstance(v, (str, int, float)) and str(v).strip()]
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return " ".join(normalise(str(value)).split())
    return ""


def _texts(record: dict) -> list[str]:
    named = [v for k, v in record.items() if str(k).lower() in _TEXT_KEYS and isinstance(v, str) and v.strip()]
    if named:
        return named
    metadata = {n for names in _METADATA_KEYS.values() for n in names}
    unnamed = [v for k, v in record.items() if str(k).lower() not in metadata and isinstance(v, str)]
    longest = max(unnamed, key=len, default="")
    return [longest] if len(longest) >= _MIN_UNNAMED_TEXT else []


def _tidy(text: str) -> str:
    text = normalise(text).strip()
    text = (_CJK_BREAK if "\n\n" in text else _CLOSING_BREAK).sub("", text)
    return _BLANK_RUN.sub("\n\n", text)


def _without_tag(title: str, body: str) -> str:
    """Drop a bracketed tag after the title when the text never prints it: "… (二十大)" -> "…"."""
    match = _TITLE_TAG.search(title)
    if not match or match.group(1) in body or not title[: match.start()].strip():
        return title
    return title[: match.start()].strip()


def _without_printed_title(title: str, body: str) -> str:
    """Drop the title from the top of the text when it is printed there, possibly over several lines."""
    wanted = _squeeze(title)
    lines = body.split("\n")
    seen = ""
    for index, line in enumerate(lines):
        seen += _squeeze(line)
        if not wanted.startswith(seen):
            return body
        if seen == wanted:
            return "\n".join(lines[index + 1:]).lstrip("\n")
    return body


def _squeeze(text: str) -> str:
    return "".join(text.split()).casefold()
