"""Month and weekday names as extraction reads them: lower case, with common abbreviations."""

from __future__ import annotations

WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# The month May as tokens spell it once told from the modal "may" ("on 5 May", "May 2019"):
# "shelling on 5 May killed 12" is no guess.
MAY_MONTH = "may (month)"
# Every month word, full or abbreviated, with its month number.
MONTH_NUMBERS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTH_NAMES, start=1)},
    **MONTH_ABBREVIATIONS,
    MAY_MONTH: 5,
}
MONTH_WORDS: frozenset[str] = frozenset(MONTH_NUMBERS)
