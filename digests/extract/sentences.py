"""Split an article into sentences with character offsets, and mark boilerplate to skip.

Boilerplate is the "Related:", "Read more", "See also" blocks that carry other stories'
headlines: their figures and places belong to those stories, not to this one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digests.extract.calendar_words import MONTH_ABBREVIATIONS

# Long runs without a sentence end are cut so that no later step sees an unbounded span.
MAX_SENTENCE_CHARS = 1200

# A line announcing other stories ("Read more", "Most read"), and a line of a list: the
# items under such a line are headlines of other articles, not this one's.
LEAK_WORDS = (
    r"(?:related(?: (?:stories|articles|news|coverage|content))?|read more|read also|"
    r"see also|also read|more (?:stories|news|on this(?: story)?|from [^\n]{1,40})|"
    r"most (?:read|popular|viewed)|recommended|you (?:may|might) also like|latest news|"
    r"trending|top stories|editor'?s picks|don'?t miss)"
)
LEAK_MARKER = re.compile(r"^\W{0,3}" + LEAK_WORDS + r"\b", re.IGNORECASE)
LIST_ITEM = re.compile(r"^\s*(?:[-*>•▶·]|\d{1,2}[.)])\s*")
# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before a space
# and a capital letter, a digit or an opening quote.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]?\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "maj",
        "col",
        "lt",
        "capt",
        "sgt",
        "st",
        "no",
        "vs",
        "u.s",
        "u.n",
        "u.k",
        "a.m",
        "p.m",
        "etc",
        "approx",
        "incl",
        "est",
        "prof",
        "rev",
        "gov",
        "sen",
        "rep",
    }
) | frozenset(MONTH_ABBREVIATIONS)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article: its text, where it starts, and its paragraph number."""

    text: str
    start: int
    paragraph: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Segmented:
    """An article cut into sentences, and the character spans judged boilerplate."""

    sentences: tuple[Sentence, ...]
    skipped: tuple[tuple[int, int], ...]

    def is_skipped(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.skipped)


# A line opening with a letter, a number or a roman numeral and a full stop numbers an item.
_ENUMERATOR = re.compile(r"^\s*(?:[A-Za-z]|\d{1,2}|[IVX]{1,4})\.$")


def lines_with_offsets(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` (end of line removed) with the offset it starts at."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        out.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    return out


def _split_line(line: str) -> list[tuple[int, str]]:
    """Sentences of one line, with their offsets in the line."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        cut = match.start() + 1
        before = line[start : match.start() + 1]
        word = re.search(r"([A-Za-z.]+)\.$", before)
        if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        if word and len(word.group(1)) == 2 and word.group(1)[0].isupper():
            continue  # an initial ("J. Smith")
        if _ENUMERATOR.match(before):
            continue  # "A. Syrian regime forces: 167", "2. NEW DISPLACEMENT": a list's label
        pieces.append((start, line[start:cut]))
        start = match.end()
    pieces.append((start, line[start:]))
    out: list[tuple[int, str]] = []
    for offset, piece in pieces:
        while len(piece) > MAX_SENTENCE_CHARS:
            cut = piece.rfind(" ", MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS)
            cut = cut if cut > 0 else MAX_SENTENCE_CHARS
            out.append((offset, piece[:cut]))
            offset, piece = offset + cut, piece[cut:]
        out.append((offset, piece))
    return [(o, p) for o, p in out if p.strip()]


def segment(text: str) -> Segmented:
    """Cut ``text`` into sentences and find the leaked-headline blocks."""
    sentences: list[Sentence] = []
    skipped: list[tuple[int, int]] = []
    paragraph = 0
    in_leak_block = False
    for offset, line in lines_with_offsets(text):
        if not line.strip():
            paragraph += 1
            in_leak_block = False
            continue
        if LEAK_MARKER.match(line):
            in_leak_block = True
            skipped.append((offset, offset + len(line)))
            continue
        if in_leak_block and (LIST_ITEM.match(line) or _headline_like(line)):
            skipped.append((offset, offset + len(line)))
            continue
        if sentences and _ticker(line):
            skipped.append((offset, offset + len(line)))
            continue
        in_leak_block = False
        for start, piece in _split_line(line):
            sentences.append(Sentence(piece, offset + start, paragraph))
    return Segmented(tuple(sentences), tuple(skipped))


_TICKER_PARTS = 3  # headlines a ticker line runs together at least
_TICKER_WORDS = 3  # words each of its headlines has at least (a table's cells have fewer)
_HEADLINE_WORDS = 16  # and at most
_TICKER_CHARS = 400


def _ticker(line: str) -> bool:
    """A line of other stories' headlines run together ("BREAKING: Turkey says 3 soldiers
    wounded | Bread prices rise 20% | ..."), below the article's own headline."""
    stripped = line.strip()
    if stripped.startswith("|") or stripped.endswith("|") or len(stripped) > _TICKER_CHARS:
        return False  # a table's row, or a paragraph with a pipe or two in it
    parts = [p.strip() for p in stripped.split(" | ")]
    return len(parts) >= _TICKER_PARTS and all(
        _TICKER_WORDS <= len(p.split()) <= _HEADLINE_WORDS and not p.endswith(".") for p in parts
    )


_HEADLINE_CHARS = 160


def _headline_like(line: str) -> bool:
    """A short line without a sentence's full stop: under "Related:", another story's title
    ("Monthly toll | 191 people killed across Syria in May")."""
    stripped = line.strip()
    return len(stripped) <= _HEADLINE_CHARS and not stripped.endswith((".", "!", "?", '"', "”"))
