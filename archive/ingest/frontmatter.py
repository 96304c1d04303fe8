"""Read the YAML front matter that Jekyll, pandoc and scrapers put at the top of Markdown and text files.

Why PyYAML: front matter is real YAML (double-quoted escapes such as "\\_", titles folded over lines
with a trailing backslash, block and flow lists, comments), and a full parser reads every spelling of
it. Its safe loader builds only plain data, never objects named by tags. Why scalars stay as printed:
YAML 1.1 would turn "2021-09-14 08:30:00 +0800" into a datetime, "1.10" into 1.1, "0123" into 83 and
"no" into False; the archive wants the text (``dates`` reads dates in every spelling), so the loader
resolves no implicit numbers, booleans or timestamps. Nested mappings are skipped: the fields read are
top-level scalars and lists (title, date, author, description, source_url).

A block that opens with ``---`` but never closes, or is not a YAML mapping, is read as ordinary text
with a warning, so that nothing the user imported is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import yaml

from .normalise import normalise

_UNCLOSED = "the file starts with '---' but its front matter never ends; it was read as text"


@dataclass(frozen=True)
class FrontMatter:
    """Top-level fields of a front matter block: strings, or lists of strings for YAML lists."""

    fields: dict[str, str | list[str]] = field(default_factory=dict)

    def text(self, *keys: str) -> str:
        """Return the first non-empty scalar among ``keys`` (a list yields its first item)."""
        for key in keys:
            value = self.fields.get(key)
            if isinstance(value, list):
                value = value[0] if value else ""
            if value:
                return value
        return ""

    def items(self, *keys: str) -> list[str]:
        """Return the first non-empty value among ``keys`` as a list."""
        for key in keys:
            value = self.fields.get(key)
            if value:
                return value if isinstance(value, list) else [value]
        return []


class _TextLoader(yaml.SafeLoader):
    """A safe loader that leaves plain scalars as the strings printed (only ``null`` and ``~`` mean nothing)."""


# Keep only the resolvers for null and merge keys ("<<"); drop bool, int, float and timestamp.
_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag.endswith((":null", ":merge"))]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str) -> tuple[FrontMatter | None, str, str]:
    """Split ``text`` into (front matter or None, the rest, a warning or "")."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, ""
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            front, warning = _parse("\n".join(lines[1:end]))
            if front is None:
                return None, text, warning
            return front, "\n".join(lines[end + 1:]), ""
    return None, text, _UNCLOSED


def _parse(block: str) -> tuple[FrontMatter | None, str]:
    """Return the fields of a YAML block, or None and a one-line reason when it is not a YAML mapping."""
    try:
        data = yaml.load(block, Loader=_TextLoader)  # a SafeLoader: plain data only
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""  # +1 for the opening '---'
        problem = getattr(error, "problem", None) or "unreadable"
        return None, f"the front matter is not valid YAML ({problem}{where}); it was read as text"
    if data is None:
        return FrontMatter(), ""
    if not isinstance(data, dict):
        return None, "the front matter is not a list of 'key: value' fields; it was read as text"
    fields: dict[str, str | list[str]] = {}
    for key, value in data.items():
        read = _value(value)
        if read:
            fields[str(key).strip().lower()] = read
    return FrontMatter(fields), ""


def _value(value: object) -> str | list[str]:
    """Return a field's value as text, a list as a list of texts; "" for a nested mapping or nothing."""
    if isinstance(value, list):
        return [text for text in (_scalar(item) for item in value) if text]
    return _scalar(value)


def _scalar(value: object) -> str:
    """Return a scalar as normalised text on one line (a date as ISO 8601); "" for a mapping, a list or null."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()  # only an explicit "!!timestamp" tag makes one
    if isinstance(value, bytes):
        return ""  # "!!binary": not text
    return " ".join(normalise(str(value)).split())  # a block scalar's lines are one value
