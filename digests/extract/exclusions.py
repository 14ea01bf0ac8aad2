"""Amounts that are not head counts: dates, years, times, measures, prices, labels, codes.

"On 12 October 2019", "30 km", "US$500 million", "46th Regiment", "M5", "resolutions 2118
and 2235", "aged 12" are read as amounts by ``numbers`` and set aside here.
"""

from __future__ import annotations

from digests.extract.calendar_words import MONTH_WORDS
from digests.extract.groups import (
    GROUP_NOUNS,
)
from digests.extract.numbers import Amount, Token

MONTHS = MONTH_WORDS


# Words after an amount that make it a measure, not a head count.
UNIT_WORDS = frozenset(
    [
        "percent",
        "per",
        "%",
        "km",
        "kms",
        "kilometres",
        "kilometers",
        "kilometre",
        "kilometer",
        "miles",
        "mile",
        "metres",
        "meters",
        "metre",
        "meter",
        "m",
        "hours",
        "hour",
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "month",
        "years",
        "year",
        "minutes",
        "minute",
        "seconds",
        "am",
        "pm",
        "a.m",
        "p.m",
        "o'clock",
        "degrees",
        "dollars",
        "dollar",
        "euros",
        "euro",
        "pounds",
        "pound",
        "usd",
        "tonnes",
        "tons",
        "ton",
        "kg",
        "litres",
        "liters",
        "sq",
        "times",
        "per-cent",
        "decades",
        "decade",
        "centuries",
        "kilograms",
        "grams",
        "mm",
        "cm",
        "ft",
        "feet",
        "inches",
        "acres",
        "hectares",
        "gallons",
        "barrels",
    ]
)


# Words before an amount that make it a label or a price.
LABEL_WORDS = frozenset(
    [
        "$",
        "us$",
        "usd",
        "€",
        "£",
        "aged",
        "age",
        "no",
        "number",
        "page",
        "update",
        "vol",
        "volume",
        "article",
        "resolution",
        "resolutions",
        "articles",
        "room",
        "route",
        "highway",
        "road",
        "flight",
        "bus",
        "platform",
        "gate",
        "chapter",
        "section",
        "§",
        "#",
        "issue",
        "code",
        "line",
        "phase",
        "level",
        "grade",
        "class",
        "round",
        "episode",
        "unit",
        "hotline",
        "phone",
        "telephone",
        "tel",
        "fax",
        "whatsapp",
        "centre",
        "center",
        "station",
        "checkpoint",
        "brigade",
        "division",
        "regiment",
        "battalion",
        "squadron",
        "km",
        "kilometre",
        "mile",
        "sq",
        "temperature",
        "at",
    ]
)


YEAR_PREPOSITIONS = frozenset(
    {"in", "since", "of", "by", "from", "until", "till", "during", "early", "late", "mid"}
)


def _is_month(tok: Token | None) -> bool:
    return tok is not None and tok.low.rstrip(".") in MONTHS


def _glued(a: Token, b: Token) -> bool:
    return a.end == b.start


def excluded(tokens: list[Token], amount: Amount) -> bool:
    """True when the amount is a date, year, time, measure, label, price or code."""
    i, j = amount.start, amount.end
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    prev2 = tokens[i - 2] if i > 1 else None
    nxt = tokens[j] if j < len(tokens) else None
    if nxt is not None and nxt.low in UNIT_WORDS and not _code_name(tokens, j):
        return True
    if _ratio_or_frequency(tokens, i, j):
        return True
    if prev is not None and prev.is_number and tok.is_number:
        return True  # "0 800 409 198": a phone number or a code, digits in groups
    if prev is not None and prev.low.endswith("'s") and prev2 is not None and prev2.low == "of":
        return True  # "1.9 million of Gaza's 2.3 million people": the population
    if nxt is not None and nxt.low == "per" and j + 1 < len(tokens):
        return True
    if _listed_after_label(tokens, i):
        return True  # "resolutions 2118 and 2235", "aged 4, 7 and 9": later items of a list
    if prev is not None and prev.low in LABEL_WORDS:
        if prev.low == "at" and not tok.is_number:
            return False
        if prev.low == "at":
            return _is_month(nxt) or (nxt is not None and nxt.low in ("a.m", "p.m", "am", "pm"))
        return True
    if prev is not None and prev.text == "." and prev2 is not None and prev2.low == "no":
        return True
    if _is_month(prev) or _is_month(nxt):
        return True
    if prev is not None and prev.text == "." and _is_month(prev2):
        return True  # "Oct. 7, 2023": an abbreviated month's day
    if _year_of_a_date(tokens, i):
        return True  # "Oct. 7, 2023", "March 3, 2021": the year of a date
    if (
        nxt is not None
        and nxt.low in ("-", "–", "and", "to", "/")
        and j + 2 < len(tokens)
        and tokens[j + 1].is_number
        and _is_month(tokens[j + 2])
    ):
        return True
    if tok.is_number:
        if _age_after_name(tokens, i, j) or _age_in_family(tokens, i, j):
            return True  # "Ahmad al-Ali, 29, a volunteer": an age in apposition to a name
        if len(tok.text) > 1 and tok.text[0] == "0":
            return True  # "016", "07": a fragment of a date or a code
        if prev is not None and prev.text[0].isalpha() and _glued(prev, tok):
            return True  # M4, A320
        if prev is not None and prev.text in "-/" and prev2 is not None and _glued(prev2, prev):
            return True  # FAB-500, 2/3
        if nxt is not None and nxt.text[0].isalpha() and _glued(tok, nxt):
            return True  # 5km, 4G
        if (nxt is not None and nxt.text in ("%", "/")) or (prev is not None and prev.text == "/"):
            return True
        if (
            len(tok.text) == 4
            and tok.text.isdigit()
            and 1900 <= int(tok.text) <= 2100
            and amount.end == i + 1
            and (
                nxt is None
                or nxt.low not in GROUP_NOUNS
                or (prev is not None and prev.low in YEAR_PREPOSITIONS)
            )
        ):
            return True  # a year ("in 2011 killed 3": the verb follows the year)
    if _speaker(tokens, i, j):
        return True
    if prev is not None and prev.low == "of" and prev2 is not None and prev2.low in _AGED_NOUNS:
        return True  # "a boy of eleven", "a child of age 3": an age
    if prev is not None and prev.low == "of" and prev2 is not None and prev2.low in _PARENTS:
        return True  # "a father of five": the size of a family, not a count of victims
    if prev is not None and prev.low == "but" and prev2 is not None and prev2.low == "all":
        return True  # "all but one of them"
    return nxt is not None and nxt.low == "aged"  # "two aged 12": ages of a breakdown


_RATIO_BASES = frozenset({"ten", "five", "four", "three", "two", "10", "5", "4", "3", "100"})


def _ratio_or_frequency(tokens: list[Token], i: int, j: int) -> bool:
    """ "nine in ten", "one in five" (a share), "three or four times" (how often)."""
    after = [t.low for t in tokens[j : j + 3]]
    before = [t.low for t in tokens[max(0, i - 2) : i]]
    if after[:1] == ["in"] and after[1:2] and after[1] in _RATIO_BASES:
        return True
    if before[-1:] == ["in"] and tokens[i].low in _RATIO_BASES and len(before) == 2:
        return tokens[i - 2].is_number or tokens[i - 2].low in _NUMBER_WORDS
    if after[:1] == ["times"]:
        return True
    return after[:1] in (["or"], ["to"], ["-"]) and after[2:3] == ["times"]


def _code_name(tokens: list[Token], j: int) -> bool:
    """ "M23", "T4": letters glued to a number name a group or a place, not a unit."""
    return j + 1 < len(tokens) and tokens[j + 1].is_number and _glued(tokens[j], tokens[j + 1])


_RELATIVES = frozenset(
    {
        "cousin",
        "nephew",
        "niece",
        "uncle",
        "aunt",
        "brother",
        "sister",
        "grandson",
        "granddaughter",
        "neighbour",
        "neighbor",
        "friend",
        "colleague",
    }
)
_PARENTS = frozenset({"father", "mother", "parent", "parents", "grandfather", "grandmother"})
_NAMES_LEAD = frozenset({"as", ":"})  # "the dead were named as Ahmad, 14, ..."
# Words a relative's name follows: "his wife Amina", "their children, Ahmad, ...".
_KIN_NAMED = (
    _RELATIVES
    | _PARENTS
    | frozenset(
        {"wife", "husband", "son", "daughter", "child", "children", "baby", "grandchild", "twin"}
    )
)
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})
_AGED_NOUNS = frozenset(
    {
        "boy",
        "girl",
        "child",
        "son",
        "daughter",
        "baby",
        "infant",
        "toddler",
        "teenager",
        "man",
        "woman",
        "age",
        "ages",
    }
)
_DETERMINERS = frozenset({"the", "our", "his", "her", "their", "its", "those", "these"})
_SPEECH = frozenset({"said", "says", "told", "tells", "added", "recalled", "explained"})


def _speaker(tokens: list[Token], i: int, j: int) -> bool:
    """ "one of the residents said": who speaks, not who was hurt."""
    if tokens[i].low != "one" or j >= len(tokens) or tokens[j].low != "of":
        return False
    after = [t.low for t in tokens[j + 1 : j + 4]]
    if after[:1] and after[0] in _DETERMINERS:
        after = after[1:]
    return len(after) >= 2 and after[1] in _SPEECH  # "one of (the) residents said"


_PERSON_DESCRIBED = frozenset(
    {"a", "an", "who", "whose", "from", "the", "was", "is", "had", "has", "died", "and"}
)


def _age_after_name(tokens: list[Token], i: int, j: int) -> bool:
    """A bare number set off by commas between a name and a description of the person:
    "Ahmad al-Ali, 29, a volunteer", "Umm Khaled, 41, who fled"."""
    if j != i + 1 or i < 2 or j + 1 >= len(tokens):
        return False
    if tokens[i - 1].text != "," or tokens[j].text != ",":
        return False
    name, described = tokens[i - 2], tokens[j + 1]
    named = name.text[:1].isalpha() and any(c.isupper() for c in name.text)
    # "a farmer, 52, was", "his cousin, 8, was injured"
    person = (name.low in GROUP_NOUNS or name.low in _RELATIVES) and not name.low.endswith("s")
    return (named or person) and described.low in _PERSON_DESCRIBED


def _age_in_family(tokens: list[Token], i: int, j: int) -> bool:
    """A bare number after a relative's name: "his wife Amina, 36;", "their four children,
    Ahmad, 14, Sidra, 11, and Yousef, 7": each the age of the name before it."""
    if j != i + 1 or i < 3 or tokens[i - 1].text != ",":
        return False
    if j < len(tokens) and tokens[j].text not in (",", ";", ".", ")"):
        return False
    name = tokens[i - 2]
    if not (name.text[:1].isupper() and name.text[1:].islower()):
        return False
    k = i - 3
    if tokens[k].low == "and" and k >= 1:
        k -= 1  # "Ahmad, 14, and Omar, 11"
    if tokens[k].text == "," and k >= 1:
        k -= 1  # "children, Ahmad, 14"
    before = tokens[k]
    kin = before.low.rstrip("s") in _KIN_NAMED or before.low in _NAMES_LEAD
    return kin or (before.is_number and _age_in_family(tokens, k, k + 1))


def _listed_after_label(tokens: list[Token], i: int) -> bool:
    """True for a number listed after a labelled one ("resolutions 2118, 2235 and 2254")."""
    k = i - 1
    seen_number = False
    while k >= 0 and i - k <= 8:
        low = tokens[k].low
        if tokens[k].is_number or tokens[k].low in _NUMBER_WORDS:
            seen_number = True  # "aged nine and 12"
        elif low not in (",", "and", "&"):
            return seen_number and low in LABEL_WORDS and low != "at"
        k -= 1
    return False


def _year_of_a_date(tokens: list[Token], i: int) -> bool:
    """A year after "<Month>[.] <day>,": the date's, not a count."""
    text = tokens[i].text
    if not (len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")) or i < 3:
        return False
    if tokens[i - 1].text != "," or not tokens[i - 2].is_number:
        return False
    month = tokens[i - 3]
    if month.text == "." and i >= 4:
        month = tokens[i - 4]
    return _is_month(month)
