"""Dates named in a sentence, resolved against the publication date and never after it."""

from __future__ import annotations

from datetime import date

import pytest

from digests.extract.dates import resolve_date

PUBLISHED = date(2024, 3, 15)  # a Friday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shells fell on Tuesday.", date(2024, 3, 12)),
        ("Shells fell last Tuesday.", date(2024, 3, 12)),
        ("Shells fell on Friday.", date(2024, 3, 15)),
        ("Shells fell last Friday.", date(2024, 3, 8)),
        ("Shells fell yesterday.", date(2024, 3, 14)),
        ("Shells fell this morning.", date(2024, 3, 15)),
        ("Shells fell five days ago.", date(2024, 3, 10)),
        ("Shells fell 3 days ago.", date(2024, 3, 12)),
        ("Shells fell on October 5.", date(2023, 10, 5)),
        ("Shells fell on 5 October.", date(2023, 10, 5)),
        ("Shells fell on 2 March.", date(2024, 3, 2)),
        ("Shells fell on 12 October 2019.", date(2019, 10, 12)),
        ("Shells fell on Sept. 3.", date(2023, 9, 3)),
        # an earlier incident told as background: its month's first day
        ("Earlier in March, shells killed four.", date(2024, 3, 1)),
        ("Earlier this month, shells killed four.", date(2024, 3, 1)),
        ("Earlier in November, shells killed four.", date(2023, 11, 1)),
    ],
)
def test_dates_resolve_against_the_publication_date(sentence: str, expected: date) -> None:
    assert resolve_date(sentence, PUBLISHED) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "No date here.",
        "Sixteen martyrs were buried.",  # "mar" inside a word is not March
        "The strike came on 31 February.",
        "A date after publication: 1 June 2025.",
    ],
)
def test_no_date_or_an_impossible_one_gives_none(sentence: str) -> None:
    assert resolve_date(sentence, PUBLISHED) is None


def test_days_ago_before_the_first_year_gives_none() -> None:
    assert resolve_date("It happened 900 days ago.", date(1, 1, 2)) is None
