"""The analyzer for every full-text field.

Whoosh's default StemmingAnalyzer drops stop words ("us", "may") and one-letter tokens, so "US",
"May", "U.S." and "10+1" would be unsearchable in a US–China–ASEAN archive. This one keeps every
token, folds dotted acronyms ("U.S." -> "us") so both spellings meet, and stems the rest.
"""

import re

from whoosh.analysis import STOP_WORDS, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter, Token

# Which analysis the index was written with: raise it whenever a change gives a text other index terms (the
# CJK pairs were 2). Every entry's fingerprint includes it, so `check_index` finds an index written with an
# earlier analysis stale, entry by entry, and re-indexes it.
ANALYSIS_VERSION = 2

# The commonest English words (Whoosh's list, which keeps "us" and "may"): left out of a long question
# (which would otherwise be refused), of the weighted reading and of feedback words.
COMMON_WORDS = STOP_WORDS

# Chinese, Japanese and Korean: Han (with 〇 and 々), hiragana and katakana (not the middle dot ・), Hangul.
# These scripts do not put spaces between words, so a run of them is indexed as its overlapping pairs of
# characters ("现代化" -> "现代", "代化"): a word of any length is then found as the phrase of its pairs,
# wherever it stands in a run, with no dictionary to miss new words and names.
CJK = (
    "\u1100-\u11ff\u3005\u3007\u3041-\u30fa\u30fc-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f"
)
CJK_RUN = re.compile(f"[{CJK}]+")
_LETTER = f"[^\\W{CJK}]"  # a word character of any other script

# Alternatives, tried in order:
#   dotted acronyms   "U.S.", "U.N.", "e.g."          (?:\w\.){2,}
#   joined numbers    "10+1", "G7+", "C++"            \w+(?:\+\w+)+\+?|\w+\+{1,2}(?!\w)
#   a CJK run         "中国式现代化"                      split into pairs by ArchiveTokenizer
#   words             "China's" -> "China", "s"; "2024", "Asia-Pacific" -> "Asia", "Pacific"
# where \w is a word character outside the CJK scripts ("ASEAN合作" is "ASEAN", "合作").
TOKEN_PATTERN = (
    f"(?:{_LETTER}\\.){{2,}}|{_LETTER}+(?:\\+{_LETTER}+)+\\+?|{_LETTER}+\\+{{1,2}}(?!\\w)|[{CJK}]+|{_LETTER}+"
)
_TOKENS = re.compile(TOKEN_PATTERN)


def is_cjk(word: str) -> bool:
    """Whether ``word`` starts with a character of the CJK scripts (a run of them, or a pair of one)."""
    return bool(word) and CJK_RUN.match(word) is not None


def cjk_pairs(run: str) -> list[str]:
    """The overlapping pairs of characters of a CJK run; a run of one character is itself."""
    return [run[i : i + 2] for i in range(len(run) - 1)] or [run]


def _folded(word: str) -> str:
    lowered = word.lower()
    return lowered.replace(".", "") if "." in lowered else lowered


def query_words(text: str) -> list[str]:
    """The words of what a researcher typed as the index splits them, lowercased and unstemmed, a CJK run kept
    whole (the engine reads it as the phrase of its pairs)."""
    return [_folded(match.group()) for match in _TOKENS.finditer(text)]


class ArchiveTokenizer(RegexTokenizer):
    """Tokens lowercased, dotted acronyms folded ("U.S." -> "us", so "U.S." and "US" meet), CJK runs as their
    overlapping pairs of characters, each pair at its own position so that a word reads as a phrase.

    One step rather than a tokenizer and filters: every token of every indexed text passes through here,
    and each filter is another Python generator per token (a rebuild's hot path).
    """

    def __init__(self):
        super().__init__(TOKEN_PATTERN)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        if not tokenize:
            yield from super().__call__(value, positions=positions, chars=chars, keeporiginal=keeporiginal,
                                        removestops=removestops, start_pos=start_pos, start_char=start_char,
                                        tokenize=False, mode=mode, **kwargs)
            return
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.boost = 1.0
        token.stopped = False
        position = start_pos
        for match in self.expression.finditer(value):
            word = match.group()
            if word[0] >= "\u1100" and CJK_RUN.match(word):  # each pair at its own position, with its characters
                for offset, pair in enumerate(cjk_pairs(word)):
                    token.text = pair
                    if keeporiginal:
                        token.original = pair
                    if positions:
                        token.pos = position
                    if chars:
                        token.startchar = start_char + match.start() + offset
                        token.endchar = token.startchar + len(pair)
                    position += 1
                    yield token
                continue
            token.text = _folded(word)
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = position
            if chars:  # as written: "U.S." is 4 characters, "us" 2
                token.startchar, token.endchar = start_char + match.start(), start_char + match.end()
            position += 1
            yield token


def archive_analyzer():
    """Return the analyzer used for indexing and for parsing queries (they must agree)."""
    # StemFilter's default ignore list is empty, and no StopFilter is applied: every word is indexed.
    return ArchiveTokenizer() | StemFilter(cachesize=50000)


def spelling_analyzer():
    """Plain lowercase words of three letters or more, for spelling suggestions: nothing stemmed."""
    # Not CJK: "did you mean" corrects words spelled letter by letter, which CJK words are not.
    return RegexTokenizer(f"[^\\W\\d_{CJK}]{{3,}}") | LowercaseFilter() | StopFilter(stoplist=frozenset(), minsize=3, maxsize=30)
