"""When: "on Tuesday", "yesterday", "October 5", "five days ago", resolved against the
publication date and never after it."""

from __future__ import annotations

import re
from datetime import date, timedelta

from digests.extract.calendar_words import MONTH_NUMBERS, WEEKDAYS
from digests.extract.numbers import word_value

_WEEKDAYS = WEEKDAYS
_MONTHS = MONTH_NUMBERS
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:\.|\b)"
)
_DATE = re.compile(
    r"\b(?:(?P<day1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.replace("(", "(?P<m1>", 1)
    + r"(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    + r"|"
    + _MONTH.replace("(", "(?P<m2>", 1)
    + r"\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?\b"
    + r"(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    + r"|(?P<last>last\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)"
    + r"|(?P<yesterday>yesterday)|(?P<today>today|this morning|tonight|this evening)"
    + r"|(?P<ago>\w+)\s+days?\s+ago)",
    re.IGNORECASE,
)


def _calendar(day: int, month: int, year: int | None, published: date) -> date | None:
    try:
        found = date(year or published.year, month, day)
    except ValueError:
        return None
    if year is None and found > published:
        try:
            found = date(published.year - 1, month, day)
        except ValueError:
            return None
    return found if found <= published else None


def resolve_date(sentence: str, published: date) -> date | None:
    """The first date the sentence names, resolved against ``published``; None if none."""
    try:
        return _resolve(sentence, published)
    except OverflowError:
        return None  # "900 days ago" before the year 1


def _resolve(sentence: str, published: date) -> date | None:
    for match in _DATE.finditer(sentence):
        groups = match.groupdict()
        if groups["m1"]:
            found = _calendar(
                int(groups["day1"]),
                _MONTHS[groups["m1"].lower()],
                int(groups["y1"]) if groups["y1"] else None,
                published,
            )
        elif groups["m2"]:
            found = _calendar(
                int(groups["day2"]),
                _MONTHS[groups["m2"].lower()],
                int(groups["y2"]) if groups["y2"] else None,
                published,
            )
        elif groups["weekday"]:
            target = _WEEKDAYS.index(groups["weekday"].lower())
            back = (published.weekday() - target) % 7
            if groups["last"] and back == 0:
                back = 7
            found = published - timedelta(days=back)
        elif groups["yesterday"]:
            found = published - timedelta(days=1)
        elif groups["today"]:
            found = published
        else:
            word = groups["ago"].lower()
            days = int(word) if word.isdigit() and len(word) < 5 else word_value(word)
            if days is None:
                continue
            found = published - timedelta(days=days)
        if found is not None:
            return found
    return _background_event(sentence, published)


# An older event told as background: "the 2022 attack on the station", "in March 2021".
_EVENT_NOUNS = (
    r"attack|attacks|strike|strikes|bombing|bombings|massacre|battle|offensive|siege|"
    r"earthquake|quake|assault|raid|raids|shelling|explosion|blast|ambush|fighting|clashes"
)
_BACKGROUND = re.compile(
    r"(?<!since )\bthe\s+(?P<year1>(?:19|20)\d\d)\s+(?:[\w-]+\s+)?(?:" + _EVENT_NOUNS + r")\b"
    r"|(?<!since )\b(?:in|during)\s+(?:(?:early|late|mid-?)\s*)?"
    + _MONTH.replace("(", "(?P<month>", 1)
    + r"\s+(?P<year2>(?:19|20)\d\d)\b"
    r"|(?<!since )\b(?:in|during)\s+(?P<year3>(?:19|20)\d\d)\b(?!\s*(?:-|to|and)\s*\d)",
    re.IGNORECASE,
)
# "Earlier in October", "earlier this month": an earlier incident of the publication's month
# (or of a month named), told as background to the news.
_EARLIER_IN = re.compile(
    r"\bearlier\s+(?:this\s+month|in\s+the\s+month|in\s+"
    + _MONTH.replace("(", "(?P<month>", 1)
    + ")",
    re.IGNORECASE,
)


def _background_event(sentence: str, published: date) -> date | None:
    """The month or year of an older event the sentence tells ("the 2022 attack ... killed
    50"): its first day, never after the publication date."""
    match = _BACKGROUND.search(sentence)
    if match is None:
        return _earlier_in(sentence, published)
    year = int(match.group("year1") or match.group("year2") or match.group("year3"))
    month = _MONTHS[match.group("month").lower().rstrip(".")] if match.group("month") else 1
    if year < 1900:
        return None
    found = date(year, month, 1)
    return found if found < published.replace(day=1) else None


def _earlier_in(sentence: str, published: date) -> date | None:
    """The first day of the month an "earlier in October" incident happened in: the last
    such month before the publication day, which may be its own month."""
    match = _EARLIER_IN.search(sentence)
    if match is None:
        return None
    month = _MONTHS[match.group("month").lower().rstrip(".")] if match.group("month") else None
    year = published.year
    if month is None:
        month = published.month
    elif month > published.month:
        year -= 1
    found = date(year, month, 1)
    return found if found < published else None
