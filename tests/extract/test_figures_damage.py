"""Damaged buildings: a count of buildings is a figure only with a damage word."""

from __future__ import annotations

import pytest

from digests.extract.damage import find_damage
from digests.extract.numbers import tokenize


def damage(text: str) -> set[tuple[int, str]]:
    return {(d.value, d.group) for d in find_damage(tokenize(text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Attacks have caused damage to 23 health centers and 17 schools.",
            {(23, "health_facilities"), (17, "schools")},
        ),
        ("Twelve homes and 3 schools were destroyed.", {(12, "homes"), (3, "schools")}),
        ("Shelling damaged at least 2 water stations.", {(2, "water_facilities")}),
        ("Five schools were badly damaged in the raid.", {(5, "schools")}),
        ("Jets carried out 40 air strikes on 15 reception centres.", set()),
        ("It also hit 4 schools and 2 hospitals.", set()),
        ("Aid reached 30 facilities and 12 schools reopened.", set()),
    ],
)
def test_damaged_buildings_need_a_damage_word(text: str, expected: set[tuple[int, str]]) -> None:
    assert damage(text) == expected
