"""Numbers and figures written for reading: "12,400", "1.2 million", "12–14 killed (SOHR 14)"."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from digests.events.model import Headline, SourceTotal

_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"))
_QUALIFIER_WORDS = {
    "at_least": "at least ",
    "more_than": "more than ",
    "about": "about ",
    "up_to": "up to ",
}
_VAGUE = re.compile(
    r"\b(dozens|scores|hundreds|thousands|tens of thousands|hundreds of thousands|several|"
    r"many|a number of|numerous|a few|multiple)\b",
    re.IGNORECASE,
)
MAX_TEXT = 200  # longest untrusted string (a title) a digest shows, in characters


def format_count(value: int | float) -> str:
    """12 -> "12", 12400 -> "12,400", 1_200_000 -> "1.2 million", 2_000_000 -> "2 million"."""
    number = round(value)
    for scale, word in _SCALES:
        if abs(number) >= scale:
            scaled = f"{number / scale:.1f}".removesuffix(".0")
            return f"{scaled} {word}"
    return f"{number:,}"


def format_range(low: int, high: int) -> str:
    """12–14; 1.1–1.2 million (one unit word when both ends share it); 900,000–1.2 million."""
    if high <= low:
        return format_count(low)
    left, right = format_count(low), format_count(high)
    left_words, right_words = left.split(" "), right.split(" ")
    if len(left_words) == 2 and len(right_words) == 2 and left_words[1] == right_words[1]:
        return f"{left_words[0]}–{right}"
    return f"{left}–{right}"


def format_qualified(count: int, qualifier: str) -> str:
    """13 with "at_least" -> "at least 13"."""
    return _QUALIFIER_WORDS.get(qualifier, "") + format_count(count)


def vague_word(quote: str) -> str:
    """The vague amount a quote used ("dozens"), or a neutral phrase when it is not found."""
    found = _VAGUE.search(quote or "")
    return found.group(1).lower() if found else "an unknown number"


def clean_text(text: str, limit: int = MAX_TEXT) -> str:
    """Untrusted text made fit for one line: no control characters, no runs of spaces, capped."""
    kept = "".join(
        " " if unicodedata.category(c) in {"Cc", "Zl", "Zp"} else c
        for c in text
        if unicodedata.category(c) not in {"Cf", "Cs", "Co"}
    )
    single = " ".join(kept.split())
    return single if len(single) <= limit else single[: limit - 1].rstrip() + "…"


def format_day(day: date, *, with_year: bool = True) -> str:
    """22 Jul 2019 (or 22 Jul)."""
    return f"{day.day} {day:%b}" + (f" {day.year}" if with_year else "")


def format_period(start: date, end: date) -> str:
    """22 Jul 2019; 16–22 Jul 2019; 28 Jun – 4 Jul 2019; 28 Dec 2018 – 3 Jan 2019."""
    if start == end:
        return format_day(end)
    if start.year != end.year:
        return f"{format_day(start)} – {format_day(end)}"
    if start.month != end.month:
        return f"{format_day(start, with_year=False)} – {format_day(end)}"
    return f"{start.day}–{format_day(end)}"


def noun(kind: str, unit: str = "people") -> str:
    """The word after a number: "killed", "injured", "displaced", "families displaced"."""
    return f"families {kind}" if unit == "families" else kind


def headline_noun(headline: Headline) -> str:
    """A figure's noun; for the rest of an area figure, what it leaves to other events:
    "killed besides 37 counted separately"."""
    word = noun(headline.kind, headline.unit)
    if headline.apart:
        return f"{word} besides {format_count(headline.apart)} counted separately"
    return word


def amount(headline: Headline) -> str:
    """An event's figure: "12–14", or "at least 13" when every source agrees on a floor."""
    if headline.apart:
        return format_range(headline.low, headline.high)  # what is left of the sources' figure
    if headline.low == headline.high and len(headline.sources) == 1:
        only = headline.sources[0]
        return format_qualified(only.count, only.qualifier)
    return format_range(headline.low, headline.high)


def attribution(headline: Headline) -> tuple[list[SourceTotal], int, str]:
    """Who to name for a figure: the highest and lowest source; the others as a count and a
    word ("+2 outlets" when they are outlets speaking for themselves, else "+2 sources")."""
    sources = headline.sources
    shown: list[SourceTotal] = []
    for candidate in (sources[0], _lowest(sources)):
        if all(candidate.label != s.label for s in shown):
            shown.append(candidate)
    if len(shown) == 1:
        # Every source agrees: name a second one rather than the same one twice.
        other = next((s for s in sources if s.label != shown[0].label), None)
        if other is not None:
            shown.append(other)
    named = {s.label for s in shown}
    hidden = [s for s in sources if s.label not in named]
    labels = {s.label for s in hidden}
    word = "sources" if any(s.cited for s in hidden) else "outlets"
    return shown, len(labels), word if len(labels) > 1 else word.removesuffix("s")


def _lowest(sources: tuple[SourceTotal, ...]) -> SourceTotal:
    low = min(s.count for s in sources)
    at_low = [s for s in sources if s.count == low]
    return next((s for s in at_low if s.cited), at_low[0])


def source_amount(source: SourceTotal, headline: Headline) -> str:
    """A source's number as shown beside its name; omitted when it is the only one or every
    source agrees (the figure itself says it), unless the figure is only the rest of it."""
    if not headline.apart and (headline.low == headline.high or len(headline.sources) == 1):
        return ""
    if source.count_high is not None:
        return format_range(source.count, source.count_high)
    return format_qualified(source.count, source.qualifier)


def headline_text(headline: Headline) -> str:
    """One figure as plain text: "12–14 killed (SOHR 14, White Helmets 12, +2 outlets)"."""
    shown, more, word = attribution(headline)
    names = [clean_text(f"{s.label} {source_amount(s, headline)}", 80) for s in shown]
    if more:
        names.append(f"+{more} {word}")
    return f"{amount(headline)} {headline_noun(headline)} ({', '.join(names)})"


def ratio_text(ratio: float) -> str:
    """3.14 -> "3.1×"; 12.4 -> "12×"."""
    return f"{ratio:.0f}×" if ratio >= 10 else f"{ratio:.1f}×"
