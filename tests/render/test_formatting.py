"""Numbers and figures as a reader sees them."""

from __future__ import annotations

from datetime import date

import pytest

from digests.events import EventBook
from digests.render.formatting import (
    clean_text,
    format_count,
    format_period,
    format_range,
    headline_text,
    vague_word,
)
from tests.events.fixtures import market_airstrike_reports


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (12_400, "12,400"),
        (948_000, "948,000"),
        (1_000_000, "1 million"),
        (1_200_000, "1.2 million"),
        (1_250_000, "1.2 million"),
        (6_700_000, "6.7 million"),
        (2_000_000_000, "2 billion"),
    ],
)
def test_counts_read_like_prose(value: int, expected: str) -> None:
    assert format_count(value) == expected


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (12, 12, "12"),
        (12, 14, "12–14"),
        (12_400, 13_000, "12,400–13,000"),
        (1_100_000, 1_200_000, "1.1–1.2 million"),
        (900_000, 1_200_000, "900,000–1.2 million"),
    ],
)
def test_ranges_use_an_en_dash_and_one_unit_word(low: int, high: int, expected: str) -> None:
    assert format_range(low, high) == expected


def test_the_five_outlet_airstrike_reads_as_an_analyst_would_write_it() -> None:
    book = EventBook()
    book.add_all(market_airstrike_reports())
    (event,) = book.events()
    assert headline_text(event.headline["killed"]) == (
        "12–14 killed (SOHR 14, White Helmets 12, +2 outlets)"
    )


def test_vague_amounts_keep_the_words_of_the_quote() -> None:
    assert vague_word("Dozens of civilians were killed") == "dozens"
    assert vague_word("many were hurt") == "many"
    assert vague_word("") == "an unknown number"


def test_untrusted_text_is_one_line_without_control_characters_and_capped() -> None:
    hostile = "Title\nwith\r\nbreaks\x00 and \u202e reversal " + "x" * 500
    cleaned = clean_text(hostile, limit=60)
    assert "\n" not in cleaned and "\x00" not in cleaned and "\u202e" not in cleaned
    assert len(cleaned) == 60 and cleaned.endswith("…")
    assert cleaned.startswith("Title with breaks and reversal")


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2019, 7, 22), date(2019, 7, 22), "22 Jul 2019"),
        (date(2019, 7, 16), date(2019, 7, 22), "16–22 Jul 2019"),
        (date(2019, 6, 28), date(2019, 7, 4), "28 Jun – 4 Jul 2019"),
        (date(2018, 12, 28), date(2019, 1, 3), "28 Dec 2018 – 3 Jan 2019"),
    ],
)
def test_periods_are_written_compactly(start: date, end: date, expected: str) -> None:
    assert format_period(start, end) == expected
