"""Amounts: digits with and without separators, number words, dozens, vague words."""

from __future__ import annotations

import pytest

from digests.extract.numbers import parse_digits, read_amount, tokenize


def _amount(text: str) -> int | None:
    tokens = tokenize(text)
    found = read_amount(tokens, 0)
    assert found is not None, f"no amount read from {text!r}"
    return found.value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200 people", 1200),
        ("1200 people", 1200),
        ("1.2 million people", 1_200_000),
        ("2.8 million", 2_800_000),
        ("twelve people", 12),
        ("twenty-three people", 23),
        ("Twenty-three civilians", 23),
        ("a dozen shoppers", 12),
        ("two dozen people", 24),
        ("half a million people", 500_000),
        ("two hundred and fifty people", 250),
        ("a hundred people", 100),
        ("one thousand people", 1000),
        ("three hundred thousand people", 300_000),
        ("181,939 civilians", 181_939),
        ("2 dozen people", 24),
        ("1 000 civilians", 1000),
        ("12\u00a0500 people", 12_500),
    ],
)
def test_amounts_are_read_to_their_value(text: str, value: int) -> None:
    assert _amount(text) == value


@pytest.mark.parametrize("text", ["dozens of people", "hundreds", "several", "scores of"])
def test_vague_words_are_amounts_without_a_value(text: str) -> None:
    assert _amount(text) is None


def test_tens_of_thousands_is_one_vague_amount() -> None:
    tokens = tokenize("tens of thousands fled")
    found = read_amount(tokens, 0)
    assert found is not None and found.value is None and found.end == 3


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,200", 1200.0), ("1200", 1200.0), ("2.5", 2.5), ("1.200", 1200.0), ("7", 7.0)],
)
def test_parse_digits_reads_separators(text: str, value: float) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["1,2,3", "12,34", "8:30", "99999999999999", "", "1.2.3"])
def test_parse_digits_rejects_what_is_not_one_number(text: str) -> None:
    assert parse_digits(text) is None


def test_tokens_keep_offsets_into_the_text() -> None:
    text = "A 13-year-old girl and 1,200 others, at 8:30."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
    assert [t.text for t in tokenize(text)][:3] == ["A", "13-year-old", "girl"]


def test_one_or_two_is_a_guess_not_an_amount() -> None:
    assert read_amount(tokenize("one or two rockets"), 0) is None


def test_a_word_that_is_not_a_number_is_not_an_amount() -> None:
    assert read_amount(tokenize("market"), 0) is None
