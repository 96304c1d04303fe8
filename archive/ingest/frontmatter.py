"""Read the YAML front matter that Jekyll, pandoc and scrapers put at the top of Markdown and text files.

Why not a YAML library: we need a handful of top-level scalars and lists (title, date, author,
description, source_url) and must not add a dependency or execute tags for that. Nested mappings are
skipped. A block that opens with ``---`` but never closes is treated as ordinary text, with a warning,
so that nothing the user imported is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalise import normalise

# "title : Australia’s Deterrence Rules" or "date: '2022-02-11'" or "creators:" (a list follows).
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:(?:\s+(.*)|$)")
# "  - Dept of Defence" inside a list.
_ITEM = re.compile(r"^\s+-\s+(.*)$")
# YAML double-quoted escapes: "\_" (no-break space), "\u2060", "\"", "\ " (escaped space after a fold).
_DQ_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)")
_SIMPLE_ESCAPES = {"_": "\u00a0", "n": "\n", "t": "\t", " ": " ", '"': '"', "\\": "\\", "/": "/", "0": ""}


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


def split_front_matter(text: str) -> tuple[FrontMatter | None, str, str]:
    """Split ``text`` into (front matter or None, the rest, a warning or "")."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, ""
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            return _parse(lines[1:end]), "\n".join(lines[end + 1:]), ""
    return None, text, "the file starts with '---' but its front matter never ends; it was read as text"


def _parse(lines: list[str]) -> FrontMatter:
    raw: dict[str, list[str]] = {}
    lists: set[str] = set()
    key = ""
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY.match(line)
        if match:
            key = match.group(1).lower()
            raw[key] = [match.group(2) or ""]
            continue
        item = _ITEM.match(line)
        if key and item and raw[key] == [""]:
            lists.add(key)
            raw[key] = []
        if key and item and key in lists:
            raw[key].append(item.group(1))
        elif key and line[:1].isspace() and key not in lists:
            raw[key].append(line)  # a folded continuation of the scalar above
    fields: dict[str, str | list[str]] = {}
    for name, parts in raw.items():
        if name in lists:
            fields[name] = [v for v in (_scalar([p]) for p in parts) if v]
        elif parts[0].strip():  # an empty value with indented lines below is a nested mapping: skipped
            fields[name] = _scalar(parts)
    return FrontMatter(fields)


def _scalar(parts: list[str]) -> str:
    first = parts[0].strip()
    if first.startswith('"'):
        joined = "\n".join(parts).strip()[1:]
        joined = re.sub(r"\\\n\s*", "", joined)  # a trailing backslash joins lines without a space
        joined = re.sub(r"\s*\n\s*", " ", joined)  # other line breaks fold to one space
        body = re.match(r'((?:[^"\\]|\\.)*)"?', joined).group(1)
        return normalise(_DQ_ESCAPE.sub(_unescape, body)).strip()
    joined = " ".join(p.strip() for p in parts).strip()
    if first.startswith("'"):
        # 'It''s quoted' -> It's quoted
        return normalise(re.match(r"'((?:[^']|'')*)", joined).group(1).replace("''", "'")).strip()
    return normalise(re.sub(r"\s+#.*$", "", joined))  # "value # comment" -> "value"


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] in "uUx" and len(code) > 1:
        return chr(int(code[1:], 16))
    return _SIMPLE_ESCAPES.get(code, code)
