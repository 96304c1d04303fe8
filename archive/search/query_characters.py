"""Make what a researcher typed plain before it is read: one kind of quotation mark, apostrophes
inside words, no invisible characters.

Works on characters only, before any token is read, so the reader sees a single " for every quotation
mark and ' only inside a word (China's).
"""

import unicodedata

DOUBLE_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»‹›「」『』〝〞＂", '"'))
SINGLE_QUOTES = "'‘’‚‛`´"


def normalise(raw: str) -> str:
    """Unify quotation marks and apostrophes; drop control characters; fold full-width forms."""
    text = "".join(_visible(char) for char in unicodedata.normalize("NFKC", raw))
    text = text.translate(DOUBLE_QUOTES)
    return _single_quotes(text)


def _visible(char: str) -> str:
    category = unicodedata.category(char)
    if category in ("Cc", "Cs", "Co", "Cn") or char == "\u200b":
        return " "
    if category == "Cf" and char not in "\u200c\u200d":
        return ""  # soft hyphens, bidi overrides, byte-order marks
    return char


def _single_quotes(text: str) -> str:
    """‘Quoted phrase’ and 'quoted phrase' become "…"; China’s keeps an apostrophe; stray marks go."""
    chars = list(text)
    opener = None
    for i, char in enumerate(chars):
        if char not in SINGLE_QUOTES:
            continue
        before = chars[i - 1] if i else " "
        after = chars[i + 1] if i + 1 < len(chars) else " "
        if before.isalnum() and after.isalnum():
            chars[i] = "'"  # China’s, don't
        elif opener is None and not before.isalnum() and before not in ")" and not after.isspace():
            opener = i
            chars[i] = ""
        elif opener is not None and not before.isspace() and not after.isalnum():
            chars[opener], chars[i], opener = '"', '"', None
        else:
            chars[i] = ""  # the countries' views, a stray ‘
    return "".join(chars)

