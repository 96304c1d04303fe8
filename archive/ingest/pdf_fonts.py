"""Find a PDF's headings from the fonts they are set in, where its outline is silent.

A heading is set larger or bolder than the body text, is short and no sentence, and stands apart from the
text it heads; a bold run-in caption in capitals ("AGENCY:") is one too. Levels rank the heading styles
found, largest first. The fonts are the evidence for a PDF without bookmarks and for the front matter
before a bookmarked PDF's first chapter.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .blocks import heading
from .pdf_lines import Line, body_pitch, body_size, join_lines, overlaps
from .pdf_paragraphs import LEADERS, SENTENCE_END, Mark

# A font heading printed over more lines, or longer, than this is no heading.
_MAX_HEADING_LINES = 3
_MAX_HEADING_WORDS = 20
_MAX_HEADING_CHARS = 200
# A font this much larger than the body text is a heading font; a bold one down to this much smaller still
# counts as "bold at body size" (NIST sets 11-point bold headings over 12-point text).
_LARGER = 1.1
_BOLD_SMALLER = 0.85
# A heading stands apart: its baselines are at least this many usual pitches from the text around it,
# and the text it heads starts within this many pitches below it.
_APART = 1.2
_HEADED_WITHIN = 3.0
# A column gutter is a space between two lines that no line within this many pitches above or below crosses.
_COLUMN_REACH = 3


def font_headings(
    pages: list[list[Line]], region: range, taken: set[tuple[int, int]], flat: bool = False
) -> dict[tuple[int, int], Mark]:
    """Return the headings set in a larger or bolder font than the body text on the pages of ``region``.

    Bold run-in captions in capitals ("AGENCY:") are headings too. Levels rank the heading styles found,
    largest first; with ``flat`` (front matter before an outline's first chapter, whose headings are
    conventionally top-level) every heading is level 1.
    """
    body = body_size(pages)
    if not body:
        return {}
    pitch = body_pitch(pages, body)
    runs = [run for number in region for run in _style_runs(pages[number], number, body)]
    headings = [run for run in runs if _is_heading(run, pages[run.page], body, pitch) and not _is_taken(run, taken)]
    captions = [(n, i) for n in region for i, line in enumerate(pages[n]) if line.caption and (n, i) not in taken]
    # A run-in caption is set like a bold heading in capitals at body size ("AGENCY:" in small capitals).
    styles = {run.style for run in headings} | ({(body, True, True)} if captions else set())
    ranks = _style_ranks(styles, [run for run in headings if run.page != region.start])
    if flat:
        ranks = dict.fromkeys(ranks, 1)
    marks = {(run.page, run.start): Mark(heading(run.text, ranks[run.style], "font"), len(run.lines)) for run in headings}
    for number, index in captions:
        marks[(number, index)] = _caption_mark(pages[number][index], ranks[(body, True, True)])
    return marks


def _style_ranks(styles: set[tuple[float, bool, bool]], later: list[_Run]) -> dict[tuple[float, bool, bool], int]:
    """Rank heading styles, largest first, bold before regular, capitals before mixed case.

    The largest style, when the first page alone uses it, is the title's: it ranks 1 beside the
    document's top-level headings rather than pushing them down to 2.
    """
    ordered = sorted(styles, reverse=True)
    if len(ordered) > 1 and all(run.style != ordered[0] for run in later):
        return {ordered[0]: 1} | {style: rank for rank, style in enumerate(ordered[1:], 1)}
    return {style: rank for rank, style in enumerate(ordered, 1)}


def _caption_mark(line: Line, level: int) -> Mark:
    """Return a run-in caption as a heading and the text after it as the start of its paragraph."""
    return Mark(heading(line.caption.rstrip(":").strip(), level, "font"), 1, line.text[len(line.caption):].strip())


@dataclass(frozen=True)
class _Run:
    """Consecutive lines of one page in one heading style: a heading candidate, wrapped lines and all."""

    page: int
    start: int
    lines: tuple[Line, ...]
    style: tuple[float, bool, bool]  # size, bold, capitals

    @property
    def text(self) -> str:
        """Return the run's lines joined, as a heading prints them."""
        return join_lines([line.text for line in self.lines])


def _style(line: Line, body: float) -> tuple[float, bool, bool] | None:
    """Return a line's heading style (size, bold, capitals), or None when it is set like body text."""
    capitals = sum(c.isupper() for c in line.text) >= 2 and not any(c.islower() for c in line.text)
    if line.size >= _LARGER * body:
        return (line.size, line.bold, capitals)
    if line.bold and line.size >= _BOLD_SMALLER * body:
        return (body, True, capitals)  # bold at body size, whatever its point size
    return None


def _style_runs(page: list[Line], number: int, body: float) -> list[_Run]:
    """Group a page's lines in a heading style into runs, a heading wrapped over lines being one run."""
    runs: list[_Run] = []
    for index, line in enumerate(page):
        style = _style(line, body)
        if style is None or line.caption:
            continue
        last = runs[-1] if runs else None
        if last is not None and last.start + len(last.lines) == index and last.style == style and _wraps(last.lines[-1], line):
            runs[-1] = replace(last, lines=(*last.lines, line))
        else:
            runs.append(_Run(number, index, (line,), style))
    return runs


def _wraps(above: Line, below: Line) -> bool:
    """Tell whether ``below`` continues ``above``'s heading: the next line down, overlapping it."""
    return 0 < above.bottom - below.bottom <= 1.6 * max(above.size, below.size) and overlaps(above, below)


def _is_taken(run: _Run, taken: set[tuple[int, int]]) -> bool:
    return any((run.page, run.start + i) in taken for i in range(len(run.lines)))


def _is_heading(run: _Run, page: list[Line], body: float, pitch: float) -> bool:
    """Tell whether a run in a heading style is a heading: short, not a sentence, standing apart."""
    text = run.text
    if len(run.lines) > _MAX_HEADING_LINES or len(text.split()) > _MAX_HEADING_WORDS or len(text) > _MAX_HEADING_CHARS:
        return False
    if sum(c.isalpha() for c in text) < 2 or SENTENCE_END.search(text) or text.endswith(",") or LEADERS.search(text):
        return False  # a sentence, a signature ("Marta J. Ellison,"), a contents entry
    if _in_table_row(run.lines[0], page, pitch):
        return False
    below = _text_below(run.lines[-1], page)
    if run.style[0] > body:
        return below is None or _style(below, body) is None or below.size < run.style[0]
    return below is not None and _style(below, body) is None and _apart(run, page, below, pitch * below.size / body)


def _in_table_row(first: Line, page: list[Line], pitch: float) -> bool:
    """Tell whether a line is a table cell: other text shares its row on the same side of any column gutter.

    A glossary term's definition or the next cell of a table's header sits beside it; the text of a
    neighbouring column (three-column Federal Register pages) is beyond a gutter no nearby line crosses.
    """
    return any(
        abs(other.bottom - first.bottom) < 1 and not overlaps(first, other) and not _gutter_between(first, other, page, pitch)
        for other in page
        if other is not first
    )


def _gutter_between(a: Line, b: Line, page: list[Line], pitch: float) -> bool:
    """Tell whether no line within a few pitches above or below crosses the space between ``a`` and ``b``."""
    low, high = (a.right, b.left) if a.right <= b.left else (b.right, a.left)
    return not any(
        line.left < low and line.right > high and abs(line.bottom - a.bottom) <= _COLUMN_REACH * pitch for line in page
    )


def _text_below(line: Line, page: list[Line]) -> Line | None:
    """Return the nearest line under ``line`` in its column."""
    under = [other for other in page if other.top <= line.bottom and overlaps(line, other)]
    return max(under, key=lambda other: other.top, default=None)


def _apart(run: _Run, page: list[Line], below: Line, pitch: float) -> bool:
    """Tell whether a run at body size stands apart: more than a line's pitch from the text above and below.

    ``pitch`` is the usual pitch of lines the size of the text below: a heading over 8-point regulatory
    text stands as far apart from it as 8-point lines allow, not 9-point ones.
    """
    first, last = run.lines[0], run.lines[-1]
    gap_below = last.bottom - below.bottom
    if not pitch or gap_below < _APART * pitch or gap_below > _HEADED_WITHIN * pitch:
        return False
    if run.start == 0:
        return True
    above = page[run.start - 1]
    gap = above.bottom - first.bottom
    return gap <= 0 or gap >= _APART * pitch  # the top of a column, or a wider gap than between lines
