"""Every piece of HTML that reaches a page passes through here, and only this module calls bleach.

Two kinds of HTML exist in the archive: section bodies (paragraphs, built once at import) and
search snippets (built per request from the engine's highlights). Each has its own strict allowlist.
Only the output of these functions may be marked safe in a template.
"""

import html
import json
import re

import bleach
from django.utils.safestring import SafeString, mark_safe

BODY_TAGS = frozenset({"p", "em", "strong", "blockquote", "ul", "ol", "li", "br"})
SNIPPET_TAGS = frozenset({"mark"})
DIFF_TAGS = frozenset({"ins", "del", "br"})
CITATION_TAGS = frozenset({"i", "b", "sup", "sub"})
MARKED_BODY_TAGS = frozenset({"p", "mark"})
_BODY_BUILT_TAGS = re.compile(r"</?(?:p|mark)>")
_SNIPPET_BUILT_TAGS = re.compile(r"</?mark>")


def paragraphs_to_html(paragraphs: list[str] | tuple[str, ...]) -> str:
    """Build a section body from plain-text paragraphs: each is escaped, then wrapped in <p>."""
    built = "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in paragraphs if text.strip())
    return clean_body(built)


def clean_body(dirty: str) -> str:
    """Sanitise stored body HTML (e.g. an editor's edit in admin) to the body allowlist."""
    return bleach.clean(dirty, tags=BODY_TAGS, attributes={}, protocols=[], strip=True)


def clean_snippet(dirty: str) -> SafeString:
    """Sanitise a highlighted snippet: text plus <mark>, nothing else survives."""
    # Text without "<" or ">" around bare <mark> tags (what the highlighter builds) holds no other
    # markup: it skips html5lib, which otherwise costs more than finding the matches.
    if _only(_SNIPPET_BUILT_TAGS, dirty):
        return mark_safe(dirty)
    return mark_safe(bleach.clean(dirty, tags=SNIPPET_TAGS, attributes={}, protocols=[], strip=True))


def clean_marked_body(dirty: str) -> SafeString:
    """Sanitise a section body re-rendered with searched words marked: <p> and <mark> only."""
    # Text without "<" or ">" between the four bare tags cannot hold any other markup: such a body
    # (what the highlighter builds) skips html5lib, a third of the time of a 500-section page.
    if _only(_BODY_BUILT_TAGS, dirty):
        return mark_safe(dirty)
    return mark_safe(bleach.clean(dirty, tags=MARKED_BODY_TAGS, attributes={}, protocols=[], strip=True))


def clean_citation(dirty: str) -> SafeString:
    """Sanitise a citation citeproc-py formatted: its italics, bold, super- and subscripts, nothing else."""
    return mark_safe(bleach.clean(dirty, tags=CITATION_TAGS, attributes={}, protocols=[], strip=True))


_SCRIPT_UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_for_script(data) -> SafeString:
    """JSON to stand inside a <script> element (JSON-LD): "<", ">" and "&" written as \\u escapes, so no value
    can close the element ("</script>") or open a comment; JSON readers read the same data."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_UNSAFE))


def _only(tags: re.Pattern, dirty: str) -> bool:
    """True when ``dirty`` has no "<" or ">" but in bare ``tags``: text the highlighter built, holding no other markup.

    Removing the tags and looking for what is left runs at C speed; one regular expression over every
    character took seconds on a 10 MB section.
    """
    rest = tags.sub("", dirty)
    return "<" not in rest and ">" not in rest


def safe_body(body: str) -> SafeString:
    """Mark a stored body safe for a template.

    Bodies are cleaned on every write (import in services, the admin form's clean), so a page render
    does not pay for html5lib parsing of every section again.
    """
    return mark_safe(body)



def diff_html(pieces) -> SafeString:
    """Render word-diff pieces: escaped text, additions in <ins>, removals in <del>, line breaks kept."""
    tags = {"added": "ins", "removed": "del"}
    built = []
    for piece in pieces:
        text = html.escape(piece.text, quote=False).replace("\n", "<br>")
        tag = tags.get(piece.op)
        built.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return mark_safe(bleach.clean("".join(built), tags=DIFF_TAGS, attributes={}, protocols=[], strip=True))


def diff_side_html(pieces) -> list[tuple[SafeString, SafeString]]:
    """Word-diff pieces side by side, a row per paragraph (a blank line in the text both share): each row the
    older text with its removals, and the newer with its additions."""
    rows, left, right = [], [], []
    for piece in pieces:
        if piece.op != "same":
            (left if piece.op == "removed" else right).append(piece)
            continue
        paragraphs = piece.text.split("\n\n")
        for index, paragraph in enumerate(paragraphs):
            if index:
                rows.append((left, right))
                left, right = [], []
            if paragraph:
                left.append(type(piece)("same", paragraph))
                right.append(type(piece)("same", paragraph))
    rows.append((left, right))
    return [(diff_html(left), diff_html(right)) for left, right in rows if left or right]
