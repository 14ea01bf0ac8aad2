"""Counted phrases: an amount, its qualifier and the people it counts ("at least 12 civilians").

``find_phrases`` reads every amount of a sentence that could be a head count and drops the
ones that are dates, times, ages, distances, money, percentages, codes or counts of things.
"""

from __future__ import annotations

from dataclasses import dataclass

from digests.extract.exclusions import UNIT_WORDS, excluded
from digests.extract.heads import (
    Head,
    read_head,
    read_partitive,
    unknown_people,
)
from digests.extract.numbers import AMOUNT_STARTS, UNITS, Amount, Token, read_amount, word_value
from digests.extract.qualifiers import read_qualifier

# Words before an amount that make it a population, not a toll.
POPULATION_CUES = (
    ("home", "to"),
    ("population", "of"),
    ("inhabited", "by"),
    ("hosts",),
    ("hosting",),
    ("holds",),
    ("holding",),
    ("sheltered",),
    ("supplies",),
    ("serving",),
    ("serves",),
    ("affecting",),
    ("affected",),
    ("housing",),
    ("houses",),
)


POPULATION_WORDS = frozenset(cue[0] for cue in POPULATION_CUES)


POPULATION_AFTER = frozenset({"live", "lived", "living", "reside", "resided", "residing"})


# Fillers between a trigger and its amount that say nothing about the amount.
FILLERS = (
    ("a", "total", "of"),
    ("an", "entire", "family", "of"),
    ("a", "whole", "family", "of"),
    ("a", "family", "of"),
    ("another",),
    ("a", "further"),
    ("further",),
    ("the",),
    ("her",),  # "wounded her two young sons"
    ("his",),
    ("their",),
)


# Relatives named after "and his/her": one person each, and who they are.
KIN_GROUPS: dict[str, str] = {
    **dict.fromkeys(("mother", "wife", "sister", "grandmother", "aunt"), "women"),
    **dict.fromkeys(("father", "husband", "brother", "grandfather", "uncle"), "men"),
    **dict.fromkeys(("son", "daughter", "child", "baby", "grandson", "granddaughter"), "people"),
    **dict.fromkeys(("cousin", "nephew", "niece"), "people"),
}
# Relatives who are always children, and how many one word names.
_YOUNG_KIN = frozenset({"baby", "twins", "triplets", "infant", "newborn"})
_KIN_COUNTS = {"twins": 2, "triplets": 3}
_YOUNG_WORDS = frozenset({"infant", "baby", "young", "little", "newborn", "teenage", "toddler"})
KIN_WORDS = frozenset(KIN_GROUPS) | frozenset(_KIN_COUNTS)
_CHILD_AGE = 18


# Words before "his/her <relative>" that make the relative one more person counted:
# "a girl and her mother", "killed a child and injured his mother".
KIN_LEADS = frozenset(
    {
        "and",
        ",",
        "killing",
        "killed",
        "injuring",
        "injured",
        "wounding",
        "wounded",
        "kills",
        "injures",
    }
)


DEFINITE_BEFORE = frozenset({"the", "those", "these", "all", "both"})


# How far a breakdown may be followed up to its total (lists are short; chains of "of them"
# across a hostile text are not).
_MAX_CHAIN = 8


@dataclass(slots=True)
class Phrase:
    """A counted phrase of a sentence and what the later steps learned about it."""

    first: int  # first token (qualifier included)
    amount: Amount
    end: int  # token after the head noun (or after the amount when bare)
    value: int | None
    qualifier: str
    high: int | None = None  # the high end of a range
    group: str | None = None  # group named by the phrase itself
    head_kind: str | None = None  # kind carried by the head noun ("deaths", "wounded")
    modifier_kind: str | None = None  # kind of a modifier ("30 injured people"): a last resort
    kind: str | None = None
    partitive: str | None = None  # "pronoun" ("three of them"), "noun" ("five of the dead")
    definite: bool = False  # "the 15", "all four children": refers back to a known count
    population: bool = False
    needs_group_trigger: bool = False
    blocked: bool = False  # a guess, a warning or a superseded count: never a figure
    parent: Phrase | None = None  # the total this phrase breaks down
    sibling: Phrase | None = None  # the phrase it is coordinated with
    toll_group: str | None = None  # group named by a toll noun ("civilian toll")
    from_previous: bool = False  # got its kind from an earlier sentence
    own_kind: bool = False  # the kind was named by the phrase's own words
    post_end: int = 0  # token after the words that named the kind after the phrase
    stale: bool = False  # "a previous toll of 112": superseded when a newer count exists
    relative: bool = False  # "his wife", "their three children": one more of a family

    @property
    def explicit_group(self) -> bool:
        return self.group is not None

    def resolved_group(self) -> str:
        """The phrase's group, else the group of the total or list it belongs to."""
        node: Phrase | None = self
        for _ in range(_MAX_CHAIN):
            if node is None:
                break
            if node.group:
                return node.group
            if node.toll_group:
                return node.toll_group
            node = node.sibling or node.parent
        return "people"


def find_phrases(tokens: list[Token]) -> list[Phrase]:
    """Every counted phrase of a sentence, in order."""
    lows = [t.low for t in tokens]
    phrases: list[Phrase] = []
    n = len(tokens)
    i = 0
    while i < n:
        low = lows[i]
        if low == "another" and i + 1 < n and (lows[i + 1][0].isdigit() or lows[i + 1] in UNITS):
            i += 1  # "another 17 fighters": the count that follows is the amount
            continue
        singular = low in ("a", "an", "another") or (low == "the" and _fate_of(lows, i))
        amount = None
        kin = _kin_phrase(lows, i) or _couple(lows, i)
        if kin is not None:
            phrases.append(kin)
            i = kin.end
            continue
        if singular:
            amount = read_amount(tokens, i)  # "a dozen", "a hundred"
            if amount is None:
                amount = Amount(1, i, i + 1, from_article=True)
            else:
                singular = False
        elif low[0].isdigit() or low in AMOUNT_STARTS or "-" in low:
            amount = read_amount(tokens, i)
        if amount is None or excluded(tokens, amount):
            i += 1
            continue
        phrase = _build(tokens, lows, amount, singular)
        if phrase is None:
            i = amount.end if not singular else i + 1
            continue
        phrases.append(phrase)
        i = max(phrase.end, amount.end)
    return phrases


# "the death of", "the martyrdom of", "the injury of": a fate told of whoever follows.
_FATE_NOUNS = frozenset(
    {"death", "martyrdom", "killing", "injury", "wounding", "assassination", "murder"}
)


def _fate_of(lows: list[str], i: int) -> bool:
    """ "led to the martyrdom of the young man": one person, named by the fate before."""
    return i >= 2 and lows[i - 1] == "of" and lows[i - 2] in _FATE_NOUNS


def _kin_phrase(lows: list[str], i: int) -> Phrase | None:
    """ "a girl and her mother", "a man and his 16-year-old son", "a farmer, his wife and
    their nine-month-old twins", "the baby's mother, father": each relative is counted."""
    if i + 1 >= len(lows):
        return None
    low = lows[i]
    if low in ("his", "her", "their") and (
        _opens_sentence(lows, i) or lows[i - 1] in KIN_LEADS or _fate_of(lows, i)
    ):
        j = i + 1
    elif low == "the" and i >= 1 and lows[i - 1] in ("and", ",") and _after_relatives(lows, i):
        j = i + 1  # "a couple, their four children and the grandmother"
    elif i >= 1 and low.endswith("'s") and len(low) > 2 and low[:-2].isalpha():
        j = i + 1  # "the baby's mother": the owner is not counted, the relative is
    elif low in KIN_WORDS and i >= 2 and lows[i - 1] in (",", "and") and lows[i - 2] in KIN_WORDS:
        j = i  # "mother, father and ...": the list of relatives goes on
    else:
        return None
    age = _age_of(lows[j]) if j < len(lows) else None
    if age is not None:
        j += 1
    little = j < len(lows) and lows[j] in _YOUNG_WORDS  # "her infant son", "his young daughter"
    if little:
        j += 1
    if j >= len(lows) or lows[j] not in KIN_WORDS:
        return None
    relative = lows[j]
    count = _KIN_COUNTS.get(relative, 1)
    young = relative in _YOUNG_KIN or little or (age is not None and age < _CHILD_AGE)
    return Phrase(
        first=i,
        amount=Amount(count, i, i + 1, from_article=True),
        end=j + 1,
        value=count,
        qualifier="exact",
        group="children" if young else KIN_GROUPS.get(relative, "children"),
        relative=True,
    )


_RELATIVES_BACK = 6  # words back to the relative a list of relatives goes on from


def _after_relatives(lows: list[str], i: int) -> bool:
    """ "the grandmother" counts as a person only in a list of relatives."""
    window = lows[max(0, i - _RELATIVES_BACK) : i]
    return any(w in KIN_WORDS or w in ("children", "couple") for w in window)


def _couple(lows: list[str], i: int) -> Phrase | None:
    """ "a couple" (not "a couple of days"): two people."""
    if lows[i] != "a" or lows[i + 1 : i + 2] != ["couple"] or lows[i + 2 : i + 3] == ["of"]:
        return None
    return Phrase(
        first=i, amount=Amount(2, i, i + 2), end=i + 2, value=2, qualifier="exact", group="people"
    )


def _opens_sentence(lows: list[str], i: int) -> bool:
    """ "Her mother, her father and ... were killed": a list of relatives may open a sentence."""
    return i == 0 or lows[i - 1] in ("-", "*", "•")


_PER_YEAR = {"year": 1.0, "month": 12.0, "week": 52.0, "day": 365.0}


def _age_of(word: str) -> float | None:
    """The age in years a word like "16-year-old" or "nine-month-old" gives, if any."""
    if not word.endswith("-old"):
        return None
    number, _, unit = word[: -len("-old")].rpartition("-")
    value = int(number) if number.isdigit() else word_value(number)
    per_year = _PER_YEAR.get(unit.removesuffix("s"))
    if value is None or per_year is None:
        return None
    return value / per_year


def _build(tokens: list[Token], lows: list[str], amount: Amount, singular: bool) -> Phrase | None:
    n = len(tokens)
    j = amount.end
    high: int | None = None
    # ranges: "between 10 and 15", "2,300 to 2,400", "10-15"
    if j + 1 < n and lows[j] in ("to", "and", "-", "–") and not singular:
        other = read_amount(tokens, j + 1)
        if other is not None and other.end < n and lows[other.end] in UNIT_WORDS:
            return None  # "(5-8 years)", "10 to 15 km": a measure
        before = lows[amount.start - 1] if amount.start > 0 else ""
        if (
            other is not None
            and other.value is not None
            and amount.value is not None
            and other.value > amount.value
            and not excluded(tokens, other)
            and (lows[j] != "and" or before == "between")
        ):
            if before == "from" and lows[j] == "to":
                return None  # "from 12 to 19": an update; the new count is read on its own
            high = other.value
            j = other.end
    if high is None and amount.start > 0 and lows[amount.start - 1] == "between":
        return None  # "a quarrel between two families": the sides, not a count of victims
    post_qualifier: str | None = None
    if j < n and lows[j] == "+" and not singular:
        post_qualifier = "more_than"  # "86,000+ people"
        j += 1
    elif j + 1 < n and (lows[j], lows[j + 1]) in (("or", "more"), ("at", "least")):
        post_qualifier = "at_least"
        j += 2
    elif j + 1 < n and (lows[j], lows[j + 1]) == ("or", "so"):
        post_qualifier = "about"
        j += 2
    partitive = None
    head: Head | None
    if amount.value is None and j + 1 < n and lows[j] == "of":
        # "dozens of people", "hundreds of families"; not "dozens of rockets"
        head = read_head(tokens, lows, j + 1, singular=False)
        if head is None or (head.group is None and head.head_kind is None):
            return None
        qualifier, first = read_qualifier(lows, amount.start)
        return Phrase(
            first=first,
            amount=amount,
            end=head.end,
            value=None,
            qualifier="vague",
            group=head.group,
            head_kind=head.head_kind,
            modifier_kind=head.modifier_kind,
        )
    part = read_partitive(tokens, lows, j)
    if part is not None:
        partitive, after, head = part
        if partitive == "none":
            return None
        if head is None:
            head = Head(None, None, after, None)
    else:
        if singular:
            head = read_head(tokens, lows, amount.end, singular=True)
        else:
            head = read_head(tokens, lows, j, singular=False) or unknown_people(lows, amount, j)
        if head is None:
            return None
    if head.group is None and head.head_kind is None and partitive is None:
        end = head.end
        if end + 1 < n and lows[end] in ("were", "are"):
            named = read_head(tokens, lows, end + 1, singular=False)
            if named is not None and named.group is not None and named.head_kind is None:
                head = named  # "of whom 25,284 were children"
    qualifier, first = read_qualifier(lows, amount.start)
    if amount.value is None:
        qualifier = "vague"
    elif post_qualifier:
        qualifier = post_qualifier
    elif high is not None and qualifier == "exact":
        qualifier = "at_least"
    if (
        amount.value is None
        and head.group is None
        and head.head_kind is None
        and amount.end < n
        and lows[amount.end] == "of"
    ):
        return None
    before = lows[first - 1] if first > 0 else ""
    family_of = first >= 2 and lows[first - 2 : first] == ["family", "of"]
    group = head.group
    if family_of:
        group = "people"
    if group == "families" and amount.value == 1:
        return None  # "six civilians from one family": the family is not a count
    head_kind = head.head_kind
    population = _population(lows, first, head.end)
    return Phrase(
        first=first,
        amount=amount,
        end=max(head.end, j),
        value=amount.value,
        qualifier=qualifier,
        high=high,
        group=group,
        head_kind=head_kind,
        modifier_kind=head.modifier_kind,
        partitive=partitive,
        definite=before in DEFINITE_BEFORE,
        population=population,
    )


def _population(lows: list[str], first: int, end: int) -> bool:
    """ "home to 3 million people", "holding 3,500 detainees", "400,000 people live there"."""
    if end < len(lows) and lows[end] in POPULATION_AFTER:
        return True
    window = lows[max(0, first - 5) : first]
    if POPULATION_WORDS.isdisjoint(window):
        return False
    for cue in POPULATION_CUES:
        length = len(cue)
        for back in range(3):
            start = first - back - length
            between = lows[start + length : first]
            if (
                start >= 0
                and tuple(lows[start : start + length]) == cue
                and "," not in between  # "households were affected, and 1,900 fled"
            ):
                return True
    return False
