"""Build a deterministic corpus of real English prose, sized by its total number of sections.

Why real prose: Whoosh's cost depends on the vocabulary and on how words co-occur (phrase queries walk
positions), so random words would flatter or punish the engine in ways real documents never do. The
paragraphs come from Python's own documentation (Debian's python3-doc HTML) and from the policy texts
in ../shared; only the assembly into documents (titles, chapters, front matter) is synthetic.

Each document is Markdown the importer reads as intended: front matter (title, date, authors,
publisher, and ``source`` for white papers, which names the issuing body), then ``## Preface`` or
``## I. Heading`` chapters and ``### 1. Heading`` subsections; every heading starts a section, and no
text precedes the first heading, so the parsed section count is exactly the count asked for.
Documents must not be linked as versions of one another: the first pass over the paragraph pool uses
each paragraph once; later passes build paragraphs from 2-5 random sentences of the pool, so no two
documents share most of their five-word shingles.
"""

from __future__ import annotations

import glob
import json
import math
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
PYTHON_DOC_GLOBS = ("/usr/share/doc/python3/html", "/usr/share/doc/python3.*/html", "/usr/share/doc/python3-doc/html")
MIN_SECTIONS, MAX_SECTIONS = 5, 500
SEED = 20240516

PUBLISHERS = (
    "Lowy Institute", "Brookings Institution", "RAND Corporation", "Chatham House", "East Asia Forum",
    "Australian Strategic Policy Institute", "Center for Strategic and International Studies",
    "International Institute for Strategic Studies", "Carnegie Endowment for International Peace",
    "Council on Foreign Relations",
)
ISSUERS = (
    "The State Council Information Office of the People's Republic of China",
    "Department of Defence", "Ministry of Foreign Affairs of Japan", "Department of Foreign Affairs and Trade",
)
AUTHORS = (
    "Lu Chuanying", "Peter Layton", "Daniel Byman", "Gregory Poling", "Marty Natalegawa", "Susannah Patton",
    "Richard McGregor", "Bonnie Glaser", "Evan Medeiros", "Lynn Kuok", "Huong Le Thu", "Sam Roggeveen",
    "Rory Medcalf", "Ashley Townshend", "Zack Cooper", "Mira Rapp-Hooper", "Lavina Lee", "Bates Gill",
)
# (title pattern, share): the title cue decides the kind the parser infers (archive/ingest/kinds.py).
TITLE_SHAPES = (
    ("{}", 0.30),  # article
    ("Why We Should Rethink {}", 0.12),  # opinion: an arguing headline
    ("Report on {}", 0.14),  # report
    ("Joint Statement on {}", 0.12),  # statement
    ("Remarks by the Minister on {}", 0.10),  # speech
    ("Fact Sheet: {}", 0.10),  # fact_sheet
    ("{} in the New Era", 0.12),  # white paper when issued (front matter ``source``)
)
ROMAN = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]

# A sentence end followed by a capital: where "The Range. It" splits into two sentences.
_SENTENCE_SPLIT = re.compile(r"(?<=[a-z0-9\)][.!?])\s+(?=[A-Z])")
# Characters that would make a paragraph read as Markdown or a heading: "#", "|", "[", "*", "`", "<".
_MARKUP = re.compile(r"[#|\[\]*`<>_{}\\]")
# Leading numbering of a doc heading: "4.3. The range() Function" -> "The range() Function".
_HEADING_NUMBER = re.compile(r"^[\d.]+\s+")
# Paragraph openings the parser reads as a genre cue or a byline, kept out of the pool.
_CUE = re.compile(r"hereinafter|^We,|^By\s|^The author|this (?:report|brief|chapter|study)", re.I)


@dataclass(frozen=True)
class CorpusDocument:
    file_name: str
    text: str
    sections: int
    title: str
    white_paper: bool


@dataclass
class Pool:
    paragraphs: list[str]
    sentences: list[str]
    headings: list[str]
    # Chinese prose, from the Chinese texts in ../shared: sentences, and chapter headings without their labels.
    chinese_sentences: list[str] = field(default_factory=list)
    chinese_headings: list[str] = field(default_factory=list)


def python_doc_dir() -> Path | None:
    """Return the HTML directory of Debian's python3-doc, or None when it is not installed."""
    for pattern in PYTHON_DOC_GLOBS:
        for found in sorted(glob.glob(pattern)):
            if (Path(found) / "library" / "index.html").exists():
                return Path(found)
    return None


def _good_paragraph(text: str) -> bool:
    words = text.split()
    return (
        12 <= len(words) <= 220
        and text[-1] in ".!?"
        and text[0].isupper()
        and not _MARKUP.search(text)
        and not _CUE.search(text)
        and sum(ch.isascii() for ch in text) / len(text) > 0.98
    )


def _good_heading(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 9 and text[0].isupper() and not _MARKUP.search(text) and text[-1] not in ".:;,?!"


def _from_python_docs(root: Path) -> tuple[list[str], list[str]]:
    from lxml import html as lxml_html

    paragraphs, headings = [], []
    for path in sorted(root.rglob("*.html")):
        if path.name.startswith(("genindex", "py-modindex", "search")):
            continue
        tree = lxml_html.parse(str(path))
        for element in tree.iter("p", "h1", "h2", "h3"):
            text = " ".join(element.text_content().replace("¶", " ").split())
            if element.tag == "p":
                if _good_paragraph(text):
                    paragraphs.append(text)
            else:
                text = _HEADING_NUMBER.sub("", text).strip()
                if _good_heading(text) and "(" not in text:
                    headings.append(text)
    return paragraphs, headings


def _from_shared(shared: Path) -> tuple[list[str], list[str]]:
    paragraphs, headings = [], []
    files = sorted((shared / "corpus" / "policy").glob("*.md")) + sorted((shared / "corpus" / "policy").glob("*.txt"))
    files += sorted((shared / "seeds").glob("*.txt"))
    for path in files:
        if path.name in ("README.md",):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for block in re.split(r"\n\s*\n", text):
            line = " ".join(block.split())
            if line.startswith("#"):
                heading = _HEADING_NUMBER.sub("", line.lstrip("# ")).strip()
                heading = re.sub(r"^[IVXLC]+\.\s+", "", heading)
                if _good_heading(heading):
                    headings.append(heading)
            elif _good_paragraph(line):
                paragraphs.append(line)
    return paragraphs, headings


def load_pool(doc_dir: Path | None = None, shared: Path = SHARED, *, python_docs: bool = True) -> Pool:
    """Read every usable paragraph and heading from python3-doc and ../shared, deduplicated, in a stable order."""
    doc_dir = doc_dir or (python_doc_dir() if python_docs else None)
    paragraphs, headings = _from_shared(shared) if shared.exists() else ([], [])
    if doc_dir is not None:
        more_paragraphs, more_headings = _from_python_docs(doc_dir)
        paragraphs += more_paragraphs
        headings += more_headings
    paragraphs = list(dict.fromkeys(paragraphs))
    headings = list(dict.fromkeys(headings))
    chinese_sentences, chinese_headings = _chinese_from_shared(shared) if shared.exists() else ([], [])
    sentences = list(dict.fromkeys(s for p in paragraphs for s in _SENTENCE_SPLIT.split(p) if len(s.split()) >= 6))
    if len(paragraphs) < 200 or len(headings) < 20:
        raise RuntimeError(
            f"too little prose ({len(paragraphs)} paragraphs, {len(headings)} headings): install python3-doc"
        )
    return Pool(paragraphs, sentences, headings, chinese_sentences, chinese_headings)


# A Chinese chapter heading's label: "一、", "（一）", "第一章 ".
_CHINESE_LABEL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[章节部分]+\s*)")
_CHINESE_SENTENCE_END = re.compile(r"(?<=[。！？；])")


def _chinese_from_shared(shared: Path) -> tuple[list[str], list[str]]:
    """Sentences and headings of the Chinese texts in corpus/policy (JSON Lines with a "content" field)."""
    sentences, headings = [], []
    for path in sorted((shared / "corpus" / "policy").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            content = json.loads(line).get("content", "") if line.strip() else ""
            for block in re.split(r"\n\s*\n", content):
                block = "".join(block.split())
                han = sum("\u4e00" <= char <= "\u9fff" for char in block)
                if han < 8 or han < 0.6 * len(block):
                    continue
                label = _CHINESE_LABEL.match(block)
                if label and len(block) <= 40:
                    headings.append(block[label.end():].rstrip("。"))
                else:
                    sentences += [s for s in _CHINESE_SENTENCE_END.split(block) if len(s) >= 10]
    return list(dict.fromkeys(sentences)), list(dict.fromkeys(headings))


def section_sizes(total: int, rng: random.Random) -> list[int]:
    """Split ``total`` sections into documents of 5-500 sections (log-uniform), the first one of 500."""
    if total < MIN_SECTIONS:
        raise ValueError(f"a corpus needs at least {MIN_SECTIONS} sections")
    sizes: list[int] = []
    remaining = total
    while remaining:
        if not sizes and remaining >= MAX_SECTIONS:
            size = MAX_SECTIONS  # the largest white paper
        else:
            size = round(math.exp(rng.uniform(math.log(MIN_SECTIONS), math.log(MAX_SECTIONS))))
        size = min(size, remaining)
        if remaining - size < MIN_SECTIONS:
            size = remaining if remaining <= MAX_SECTIONS else remaining - MIN_SECTIONS
        sizes.append(size)
        remaining -= size
    return sizes


def roman(number: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


class _Prose:
    """Hands out paragraphs: each pool paragraph once, then paragraphs recombined from real sentences."""

    def __init__(self, pool: Pool, rng: random.Random):
        self.pool, self.rng = pool, rng
        self.order = list(pool.paragraphs)
        rng.shuffle(self.order)
        self.next = 0

    def paragraph(self) -> str:
        if self.next < len(self.order):
            self.next += 1
            return self.order[self.next - 1]
        return " ".join(self.rng.sample(self.pool.sentences, self.rng.randint(2, 5)))


def _chapter_plan(sections: int, rng: random.Random) -> list[int]:
    """Return subsection counts per chapter so that chapters + subsections == ``sections``."""
    if sections <= 8:
        return [0] * sections
    chapters = max(2, min(sections // 2, round(math.sqrt(sections) * rng.uniform(0.7, 1.2))))
    chapters = min(chapters, 99)
    plan = [0] * chapters
    for _ in range(sections - chapters):
        plan[rng.randrange(chapters)] += 1
    while max(plan) > 99:  # subsection labels are read as one or two digits
        plan[plan.index(max(plan))] -= 1
        plan[plan.index(min(plan))] += 1
    return plan


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(1995, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}", f"{year}"])


def build_document(index: int, sections: int, white_paper: bool, title: str, prose: _Prose, rng: random.Random) -> CorpusDocument:
    """Assemble one Markdown document with exactly ``sections`` sections."""
    headings = prose.pool.headings
    front = ["---", f'title: "{title}"', f"date: {_date(rng)}"]
    if white_paper:
        front.append(f'source: "{rng.choice(ISSUERS)}"')
    else:
        front.append(f'publisher: "{rng.choice(PUBLISHERS)}"')
        front.append("authors:")
        front += [f"  - {name}" for name in rng.sample(AUTHORS, rng.choice([1, 1, 1, 2, 3]))]
    lines = [*front, "---", "", f"# {title}", ""]

    def body(count: int) -> None:
        for _ in range(count):
            lines.extend([prose.paragraph(), ""])

    remaining = sections
    if white_paper:
        lines += ["## Preface", ""]
        body(rng.randint(1, 3))
        remaining -= 1
    labelled = white_paper or sections > 8
    for number, subsections in enumerate(_chapter_plan(remaining, rng), start=1):
        heading = rng.choice(headings)
        lines += [f"## {roman(number)}. {heading}" if labelled else f"## {heading}", ""]
        body(rng.randint(0, 1) if subsections else rng.randint(1, 4))
        for sub in range(1, subsections + 1):
            lines += [f"### {sub}. {rng.choice(headings)}", ""]
            body(rng.randint(1, 3))
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    return CorpusDocument(f"{index:05d}-{slug}.md", "\n".join(lines), sections, title, white_paper)


def build_corpus(total_sections: int, pool: Pool, seed: int = SEED) -> list[CorpusDocument]:
    """Return documents of 5-500 sections whose section counts add up to ``total_sections``."""
    rng = random.Random(f"{seed}-{total_sections}")
    prose = _Prose(pool, rng)
    titles: set[str] = set()
    documents = []
    for index, sections in enumerate(section_sizes(total_sections, rng)):
        white_paper = index == 0 or rng.random() < 0.08
        shape = "{} in the New Era" if white_paper else rng.choices(
            [s for s, _ in TITLE_SHAPES[:-1]], [w for _, w in TITLE_SHAPES[:-1]]
        )[0]
        title = shape.format(rng.choice(pool.headings))
        while title.casefold() in titles:
            title = f"{title}: {rng.choice(pool.headings)}"
        titles.add(title.casefold())
        documents.append(build_document(index, sections, white_paper, title, prose, rng))
    return documents


# Chinese documents beside the English ones: one Chinese section for every CHINESE_SHARE English sections.
CHINESE_SHARE = 50
_CHINESE_DIGITS = "一二三四五六七八九"


def chinese_number(number: int) -> str:
    """1-99 as written in Chinese chapter labels: 一, 十, 十一, 二十, 二十三."""
    tens, units = divmod(number, 10)
    written = ("" if tens < 2 else _CHINESE_DIGITS[tens - 1]) + ("十" if tens else "")
    return written + (_CHINESE_DIGITS[units - 1] if units else "")


def build_chinese_corpus(total_sections: int, pool: Pool, seed: int = SEED) -> list[CorpusDocument]:
    """Chinese documents of 5-20 chapters ("一、…", as many as real reports have), ``total_sections //
    CHINESE_SHARE`` sections in all, each paragraph 2-5 sentences of the Chinese pool recombined; their own
    random stream, so the English corpus of a size is the same with or without them."""
    if not pool.chinese_sentences or not pool.chinese_headings:
        return []
    rng = random.Random(f"{seed}-zh-{total_sections}")
    remaining, documents = total_sections // CHINESE_SHARE, []
    while remaining >= MIN_SECTIONS:
        sections = min(remaining, rng.randint(MIN_SECTIONS, 20))
        title = f"关于{rng.choice(pool.chinese_headings)}的报告（{len(documents) + 1}）"
        lines = ["---", f'title: "{title}"', f"date: {_date(rng)}", "---", "", f"# {title}", ""]
        for number in range(1, sections + 1):
            lines += [f"## {chinese_number(number)}、{rng.choice(pool.chinese_headings)}", ""]
            for _ in range(rng.randint(1, 3)):
                lines += ["".join(rng.sample(pool.chinese_sentences, rng.randint(2, 5))), ""]
        documents.append(CorpusDocument(f"zh-{len(documents):04d}.md", "\n".join(lines), sections, title, False))
        remaining -= sections
    return documents


def write_corpus(documents: list[CorpusDocument], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for document in documents:
        (folder / document.file_name).write_text(document.text, encoding="utf-8")


# The queries `bench.scale` times, chosen to hit this corpus: single words, 2-3 word AND, phrases, field
# queries and a few boolean ones, as researchers type them.
QUERIES = (
    # single words
    "security", "function", "module", "exception", "thread", "unicode", "Pacific", "China", "iterator",
    "decorator", "socket", "maritime", "cooperation", "encoding", "dictionary", "deterrence",
    # 2-3 words, all required
    "socket timeout", "security cooperation", "default encoding", "regional security", "thread lock",
    "file object", "string format", "exception handling", "China Pacific", "import module path",
    "keyword argument default", "trade investment growth", "alliance defence", "unicode character name",
    # phrases
    '"standard library"', '"keyword arguments"', '"South China Sea"', '"regional security"', '"return value"',
    '"file object"', '"the following example"', '"event loop"', '"national security"', '"command line"',
    '"abstract base class"', '"United States"',
    # one field
    "title:report", "title:statement", "kind:white_paper", "kind:fact_sheet", "kind:opinion security",
    "author:Layton", "author:Natalegawa", "publisher:Lowy", "title:Python", "kind:report module",
    "author:Glaser thread", 'title:"New Era"',
    # boolean
    "security OR defence", "module NOT thread", "(socket OR thread) timeout", '"standard library" module',
    # questions in prose (weighed, and widened by pseudo-relevance feedback)
    "How do I read a file line by line and handle the error raised when it does not exist?",
    "What are the main obstacles to regional security cooperation between China and the Pacific island states?",
    # Chinese: words of two to six characters, a phrase, two words, a word beside an English one
    "台湾", "现代化", "共同富裕", "中国式现代化", "高质量发展", "国家安全", "人类命运共同体", '"全过程人民民主"',
    "改革 开放", "中国 security",
)
