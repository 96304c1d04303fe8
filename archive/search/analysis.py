"""The analyzer for every full-text field.

Whoosh's default StemmingAnalyzer drops stop words ("us", "may") and one-letter tokens, so "US",
"May", "U.S." and "10+1" would be unsearchable in a US–China–ASEAN archive. This one keeps every
token, folds dotted acronyms ("U.S." -> "us") so both spellings meet, and stems the rest.
"""

from whoosh.analysis import STOP_WORDS, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter

# The commonest English words (Whoosh's list, which keeps "us" and "may"): left out of a long question
# (which would otherwise be refused), of the weighted reading and of feedback words.
COMMON_WORDS = STOP_WORDS

# Alternatives, tried in order:
#   dotted acronyms   "U.S.", "U.N.", "e.g."          (?:\w\.){2,}
#   joined numbers    "10+1", "G7+", "C++"            \w+(?:\+\w+)+\+?|\w+\+{1,2}(?!\w)
#   words             "China's" -> "China", "s"; "2024", "Asia-Pacific" -> "Asia", "Pacific"
TOKEN_PATTERN = r"(?:\w\.){2,}|\w+(?:\+\w+)+\+?|\w+\+{1,2}(?!\w)|\w+"


class ArchiveTokenizer(RegexTokenizer):
    """Tokens lowercased, dotted acronyms folded ("U.S." -> "us", so "U.S." and "US" meet).

    One step rather than a tokenizer and two filters: every token of every indexed text passes
    through here, and each filter is another Python generator per token (a rebuild's hot path).
    """

    def __init__(self):
        super().__init__(TOKEN_PATTERN)

    def __call__(self, value, **kwargs):
        for token in super().__call__(value, **kwargs):
            text = token.text.lower()
            token.text = text.replace(".", "") if "." in text else text
            yield token


def archive_analyzer():
    """Return the analyzer used for indexing and for parsing queries (they must agree)."""
    # StemFilter's default ignore list is empty, and no StopFilter is applied: every word is indexed.
    return ArchiveTokenizer() | StemFilter(cachesize=50000)


def spelling_analyzer():
    """Plain lowercase words of three letters or more, for spelling suggestions: nothing stemmed."""
    return RegexTokenizer(r"[^\W\d_]{3,}") | LowercaseFilter() | StopFilter(stoplist=frozenset(), minsize=3, maxsize=30)
