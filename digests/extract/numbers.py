"""Tokens and amounts: "1,200", "1.2 million", "twenty-three", "a dozen", "half a million".

``tokenize`` cuts a sentence into word, number and punctuation tokens with offsets;
``read_amount`` reads the amount that starts at a token, if any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digests.extract.calendar_words import MAY_MONTH

# Times, numbers glued to a hyphenated word ("13-year-old"), ordinals, plain numbers, words
# (with inner apostrophes and hyphens), then any other single character. No alternative can
# match the same text in two ways, so matching stays linear on any input.
_TOKEN = re.compile(
    r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d,.])"  # "1 200" with spaces between thousands
    r"|\d{1,2}:\d{2}"
    r"|\d+(?:[.,]\d+)*(?:-[^\W\d_]+)+"
    r"|\d+(?:st|nd|rd|th)\b"
    r"|\d+(?:[.,]\d+)*"
    r"|(?i:incl|approx|est)\.(?=\s)"  # "incl. 532 children": one token, read in full
    r"|[^\W\d_]+(?:['’`][^\W\d_]+)*(?:-[^\W\d_]+(?:['’`][^\W\d_]+)*)*"
    r"|\S"
)

# Spellings read as the word they stand for.
_ABBREVIATIONS = {
    "incl.": "including",
    "approx.": "approximately",
    "est.": "estimated",
    "&": "and",  # "214 HTS & allied fighters"
    "war-wounded": "wounded",  # "1,200 war-wounded patients"
    "war-injured": "injured",
}
# Longest token we bother with: anything longer is noise (a run of digits, a URL).
_MAX_TOKEN = 60


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, lower-cased text, and character span in the sentence."""

    text: str
    low: str
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit() and self.text[-1].isdigit()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str) -> list[Token]:
    """Cut ``text`` into tokens; apostrophes are normalised in ``low``."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        if len(word) > _MAX_TOKEN:
            word = "…"  # an unreadable blob: keep its place, drop its content
        low = word.lower().replace("’", "'").replace("`", "'")
        low = _ABBREVIATIONS.get(low, low)
        tokens.append(Token(word, low, match.start(), match.end()))
    if "May" in text:
        for i, token in enumerate(tokens):
            if token.text == "May" and _dated(tokens, i):
                tokens[i] = Token(token.text, MAY_MONTH, token.start, token.end)
    return tokens


def _dated(tokens: list[Token], i: int) -> bool:
    """Whether a capitalised "May" at ``i`` is the month: a day or year next to it ("5 May",
    "May 5", "May 2019"), or a preposition of time before it ("in May", "since mid-May")."""
    before = tokens[i - 1].low if i > 0 else ""
    after = tokens[i + 1].low if i + 1 < len(tokens) else ""
    day_before = before.isdigit() or (before[:-2].isdigit() and before[-2:] in _ORDINAL_ENDS)
    return day_before or after[:1].isdigit() or before in _TIME_PREPOSITIONS


_ORDINAL_ENDS = frozenset({"st", "nd", "rd", "th"})
_TIME_PREPOSITIONS = frozenset(
    {"in", "since", "until", "till", "by", "early", "late", "mid", "mid-", "of", "from", "last",
     "next", "this", "through", "throughout", "during"}
)  # fmt: skip


UNITS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
# Plural words that name an amount without giving it.
VAGUE_WORDS = frozenset(
    {"dozens", "scores", "hundreds", "thousands", "millions", "several", "numerous", "tens"}
)
_MAX_DIGITS = 10
# Words an amount can start with; anything else is not worth reading.
AMOUNT_STARTS = frozenset(UNITS) | frozenset(TENS) | VAGUE_WORDS | {"a", "an", "half", "quarter"}


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount read from tokens ``start``..``end`` (exclusive); ``value`` None when vague."""

    value: int | None
    start: int
    end: int
    from_article: bool = False  # "a woman", "an infant": one, read from the article


def parse_digits(text: str) -> float | None:
    """The value of a digit token: "1,200" and "1200" are 1200, "1.2" is 1.2, "1.200" 1200."""
    text = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if not text or not text[0].isdigit() or not all(c.isdigit() or c in ",." for c in text):
        return None
    digits = text.replace(",", "").replace(".", "")
    if len(digits) > _MAX_DIGITS:
        return None
    if "," in text:
        head, *groups = text.split(",")
        if "." in text or not all(len(g) == 3 for g in groups) or len(head) > 3:
            return None
        return float(digits)
    if "." in text:
        head, *rest = text.split(".")
        if len(rest) != 1:
            return None
        if len(rest[0]) == 3 and len(head) <= 3 and head != "0":
            return float(head + rest[0])  # "1.200": thousands in European style
        return float(text)
    return float(text)


def word_value(low: str) -> int | None:
    """The value of one number word (\"seven\", \"twenty-three\"), else None."""
    if low in UNITS:
        return UNITS[low]
    if low in TENS:
        return TENS[low]
    if "-" in low:
        tens, _, unit = low.partition("-")
        if tens in TENS and unit in UNITS and UNITS[unit] < 10:
            return TENS[tens] + UNITS[unit]
    return None


def _read_words(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Read "two hundred and fifty", "twenty-three thousand"; returns (value, next index)."""
    total = 0
    current = 0
    j = i
    seen = False
    while j < len(tokens):
        low = tokens[j].low
        value = word_value(low)
        if value is not None:
            if seen and current % 100 and value < 100:
                break  # "two three" is two amounts, not one
            current += value
            seen = True
            j += 1
            continue
        if seen and low in SCALES:
            scale = SCALES[low]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
            j += 1
            continue
        if (
            seen
            and low == "and"
            and j + 1 < len(tokens)
            and word_value(tokens[j + 1].low) is not None
            and current % 100 == 0
            and (current or total)
        ):
            j += 1
            continue
        break
    if not seen:
        return None
    return total + current, j


def _scale_after(tokens: list[Token], j: int) -> tuple[int, int]:
    """A scale word after a number ("1.2 million", "2 dozen"): (multiplier, next index)."""
    if j < len(tokens) and tokens[j].low in _DIGIT_SCALES:
        return _DIGIT_SCALES[tokens[j].low], j + 1
    return 1, j


_DIGIT_SCALES = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 10**9,
    "bn": 10**9,
    "dozen": 12,
}


def read_amount(tokens: list[Token], i: int) -> Amount | None:
    """The amount starting at token ``i``: digits, number words, dozens, or a vague word."""
    tok = tokens[i]
    low = tok.low
    n = len(tokens)
    if tok.is_number:
        value = parse_digits(tok.text)
        if value is None:
            return None
        mult, j = _scale_after(tokens, i + 1)
        if mult == 1 and value != int(value):
            return None  # "2.5" alone is a measure, not a head count
        return Amount(round(value * mult), i, j)
    if low in ("a", "an") and i + 1 < n:
        nxt = tokens[i + 1].low
        if nxt == "dozen":
            return Amount(12, i, i + 2)
        if nxt in SCALES:
            value, j = SCALES[nxt], i + 2
            if nxt == "hundred" and j < n and tokens[j].low == "thousand":
                value, j = 100_000, j + 1
            return Amount(value, i, j)
    if low in ("quarter", "a") and i + 4 < n:
        # "a quarter of a million", "quarter of a million"
        start = i + 1 if low == "a" else i
        quarter = [t.low for t in tokens[start : start + 4]]
        if quarter[:3] == ["quarter", "of", "a"] and quarter[3] in ("million", "billion"):
            return Amount(SCALES[quarter[3]] // 4, i, start + 4)
    if low == "half" and i + 2 < n and tokens[i + 1].low == "a":
        scale = tokens[i + 2].low
        if scale in ("million", "billion", "thousand", "dozen"):
            base = {"million": 1_000_000, "billion": 10**9, "thousand": 1000, "dozen": 12}[scale]
            return Amount(base // 2, i, i + 3)
    if low in VAGUE_WORDS:
        j = i + 1
        # "tens of thousands", "hundreds of thousands"
        if j + 1 < n and tokens[j].low == "of" and tokens[j + 1].low in VAGUE_WORDS:
            j += 2
        return Amount(None, i, j)
    words = _read_words(tokens, i)
    if words is not None:
        value, j = words
        if j < n and tokens[j].low == "dozen":
            return Amount(value * 12, i, j + 1)
        if value == 1 and low == "one" and j < n and tokens[j].low == "or" and j + 1 < n:
            return None  # "one or two rockets": a guess, not a count
        return Amount(value, i, j)
    return None
