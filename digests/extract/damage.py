"""Damaged buildings: "damage to 23 health centres", "12 schools were destroyed".

A count of buildings is a figure only with a damage word; "40 air strikes" or "15 reception
centres" alone are not. The figure's group is the object (schools, homes, ...).
"""

from __future__ import annotations

from dataclasses import dataclass

from digests.extract.numbers import Token, read_amount
from digests.extract.qualifiers import QUALIFIERS

OBJECTS: dict[str, str] = {
    **dict.fromkeys(("school", "schools", "kindergarten", "kindergartens"), "schools"),
    **dict.fromkeys(
        (
            "hospital",
            "hospitals",
            "clinic",
            "clinics",
            "centers",
            "centres",
            "facilities",
            "points",
            "posts",
        ),
        "health_facilities",
    ),
    **dict.fromkeys(("home", "homes", "house", "houses", "apartments", "shelters"), "homes"),
    **dict.fromkeys(("building", "buildings", "blocks"), "buildings"),
    **dict.fromkeys(("mosque", "mosques", "church", "churches"), "places_of_worship"),
    **dict.fromkeys(("market", "markets", "shops", "bakery", "bakeries"), "markets"),
    **dict.fromkeys(("stations",), "water_facilities"),
}
# Words that make a health "centre", "facility" or "point" medical, a "station" a water one.
_HEALTH = frozenset({"health", "medical", "healthcare", "primary"})
_WATER = frozenset({"water", "pumping"})
_OBJECT_MODIFIERS = frozenset(
    {
        "health",
        "medical",
        "healthcare",
        "primary",
        "water",
        "pumping",
        "residential",
        "civilian",
        "public",
        "private",
        "other",
        "more",
        "further",
        "apartment",
        "school",
        "field",
        "collective",
    }
)
_PRE = (("damage", "to"), ("damaged",), ("destroyed",), ("destroying",), ("damaging",))
_POST = frozenset({"damaged", "destroyed", "levelled", "leveled", "razed", "flattened"})
_AUX = frozenset({"were", "was", "have", "has", "been", "had", "also", "reportedly", "badly"})


@dataclass(frozen=True, slots=True)
class Damage:
    """A count of damaged buildings: the value, the object, the qualifier, where it starts."""

    value: int
    group: str
    qualifier: str
    start: int


def find_damage(tokens: list[Token]) -> list[Damage]:
    """Counts of damaged or destroyed buildings in one sentence."""
    lows = [t.low for t in tokens]
    found: list[Damage] = []
    pending: list[Damage] = []  # a list whose damage word may come at its end
    last_end = -1
    last_damaged = False
    for i, tok in enumerate(tokens):
        if not (tok.is_number or tok.low[0].isalpha()):
            continue
        amount = read_amount(tokens, i) if tok.low not in ("a", "an") else None
        if amount is None or amount.value is None:
            continue
        group, end = _object(lows, amount.end)
        if group is None:
            continue
        item = Damage(amount.value, group, _qualifier(lows, i), i)
        in_list = last_end >= 0 and all(w in (",", "and") for w in lows[last_end:i])
        if not in_list:
            pending = []
        if _damaged_before(lows, i) or (in_list and last_damaged):
            found.append(item)
            last_damaged = True
        elif _damaged_after(lows, end):
            found.extend(pending)  # "12 homes and 3 schools were destroyed"
            found.append(item)
            pending, last_damaged = [], True
        else:
            pending.append(item)
            last_damaged = False
        last_end = end
    return found


def _object(lows: list[str], j: int) -> tuple[str | None, int]:
    modifiers: set[str] = set()
    while j < len(lows) and lows[j] in _OBJECT_MODIFIERS and len(modifiers) < 3:
        modifiers.add(lows[j])
        j += 1
    if j >= len(lows) or lows[j] not in OBJECTS:
        return None, j
    word = lows[j]
    group = OBJECTS[word]
    if word in ("centers", "centres", "facilities", "points", "posts") and not modifiers & _HEALTH:
        return None, j  # "15 reception centres", "30 facilities": not named as medical
    if word == "stations" and not modifiers & _WATER:
        return None, j
    return group, j + 1


def _damaged_before(lows: list[str], i: int) -> bool:
    for phrase in _PRE:
        start = i - len(phrase)
        if start >= 0 and tuple(lows[start:i]) == phrase:
            return True
        # "damage to at least 12 schools"
        for length in (1, 2):
            if (
                start - length >= 0
                and tuple(lows[i - length : i]) in QUALIFIERS
                and tuple(lows[start - length : i - length]) == phrase
            ):
                return True
    return False


def _damaged_after(lows: list[str], j: int) -> bool:
    steps = 0
    while j < len(lows) and lows[j] in _AUX and steps < 4:
        j += 1
        steps += 1
    return j < len(lows) and lows[j] in _POST


def _qualifier(lows: list[str], i: int) -> str:
    for length in (3, 2, 1):
        key = tuple(lows[max(0, i - length) : i])
        if len(key) == length and key in QUALIFIERS:
            return QUALIFIERS[key]
    return "exact"
