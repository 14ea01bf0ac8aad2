"""Qualifiers of a count: "at least 12", "more than 180", "nearly 7,000", "up to 100"."""

from __future__ import annotations

QUALIFIERS: dict[tuple[str, ...], str] = {
    ("at", "least"): "at_least",
    ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least",
    ("not", "less", "than"): "at_least",
    ("a", "minimum", "of"): "at_least",
    ("more", "than"): "more_than",
    ("over",): "more_than",
    ("upwards", "of"): "more_than",
    ("upward", "of"): "more_than",
    ("in", "excess", "of"): "more_than",
    ("above",): "more_than",
    ("exceeds",): "more_than",
    ("exceeded",): "more_than",
    ("just", "over"): "more_than",
    ("well", "over"): "more_than",
    ("nearly",): "about",
    ("almost",): "about",
    ("about",): "about",
    ("around",): "about",
    ("approximately",): "about",
    ("roughly",): "about",
    ("close", "to"): "about",
    ("some",): "about",
    ("an", "estimated"): "about",
    ("estimated",): "about",
    ("just", "under"): "about",
    ("up", "to"): "up_to",
    ("as", "many", "as"): "up_to",
}


def read_qualifier(lows: list[str], start: int) -> tuple[str, int]:
    """The qualifier just before token ``start``: (qualifier, its first token)."""
    for length in (3, 2, 1):
        if start - length < 0:
            continue
        key = tuple(lows[start - length : start])
        if key in QUALIFIERS:
            return QUALIFIERS[key], start - length
    return "exact", start
