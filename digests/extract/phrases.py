"""Counted phrases: an amount, its qualifier and the people it counts ("at least 12 civilians").

``find_phrases`` reads every amount of a sentence that could be a head count and drops the
ones that are dates, times, ages, distances, money, percentages, codes or counts of things.
"""

from __future__ import annotations

from dataclasses import dataclass

from digests.extract.groups import (
    ARMED_CUES,
    CIVIL_MEMBERSHIP,
    GENERIC_HEADS,
    GROUP_NOUNS,
    MODIFIER_GROUPS,
    MODIFIERS,
    STAFF_NOUNS,
    staff_group,
)
from digests.extract.kinds import AUXILIARIES, HEAD_KINDS, POST, PRE
from digests.extract.numbers import AMOUNT_STARTS, Amount, Token, read_amount
from digests.extract.numbers import word_value as _word_number

MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
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
# Fillers between a trigger and its amount that say nothing about the amount.
FILLERS = (("a", "total", "of"), ("another",), ("a", "further"), ("further",), ("the",))
# Persons named in the singular: "a woman", "an infant", "a White Helmets volunteer".
SINGULAR_PERSONS = frozenset(
    [
        "person",
        "individual",
        "civilian",
        "child",
        "kid",
        "minor",
        "infant",
        "baby",
        "boy",
        "girl",
        "toddler",
        "pupil",
        "schoolchild",
        "newborn",
        "teenager",
        "son",
        "daughter",
        "woman",
        "mother",
        "wife",
        "man",
        "father",
        "husband",
        "fighter",
        "soldier",
        "militant",
        "combatant",
        "rebel",
        "insurgent",
        "jihadist",
        "gunman",
        "militiaman",
        "officer",
        "serviceman",
        "policeman",
        "commander",
        "recruit",
        "conscript",
        "sniper",
        "medic",
        "paramedic",
        "doctor",
        "nurse",
        "rescuer",
        "volunteer",
        "responder",
        "journalist",
        "reporter",
        "photographer",
        "cameraman",
        "correspondent",
        "resident",
        "villager",
        "patient",
        "shopper",
        "worshipper",
        "passenger",
        "pedestrian",
        "farmer",
        "worker",
        "labourer",
        "harvester",
        "migrant",
        "refugee",
        "detainee",
        "prisoner",
        "protester",
        "student",
        "teacher",
        "driver",
        "shepherd",
        "technician",
        "guard",
        "member",
    ]
)
# Tokens after which a bare amount ("killing 15", "12 more died") may end.
BARE_FOLLOWERS = frozenset(
    [
        ",",
        ".",
        ";",
        ":",
        ")",
        "(",
        "-",
        "–",
        "—",
        "'",
        '"',
        "”",
        "in",
        "at",
        "on",
        "near",
        "from",
        "since",
        "during",
        "across",
        "inside",
        "outside",
        "by",
        "of",
        "to",
        "and",
        "or",
        "but",
        "while",
        "as",
        "with",
        "were",
        "was",
        "are",
        "is",
        "have",
        "has",
        "had",
        "been",
        "being",
        "according",
        "including",
        "among",
        "others",
        "more",
        "other",
        "said",
        "says",
        "say",
        "reportedly",
        "also",
        "all",
        "later",
        "when",
        "after",
        "before",
        "who",
        "that",
        "which",
        "this",
        "the",
        "last",
        "so",
        "far",
        "overnight",
        "yesterday",
        "today",
        "tonight",
        "there",
        "here",
        "alone",
        "altogether",
        "together",
    ]
)
# Verbs and participles that can only count living beings: what they count is people.
HARM_VERBS = frozenset(
    {"killing", "killed", "kill", "kills", "wounding", "wounded", "injuring", "injured"}
)
ANIMALS = frozenset(
    {"goats", "sheep", "cattle", "cows", "livestock", "animals", "horses", "camels", "donkeys"}
)
HARM_PARTICIPLES = frozenset({"killed", "dead", "wounded", "injured", "hurt", "executed"})
# Relatives named after "and his/her": one person each, and who they are.
KIN_GROUPS: dict[str, str] = {
    **dict.fromkeys(("mother", "wife", "sister", "grandmother", "aunt"), "women"),
    **dict.fromkeys(("father", "husband", "brother", "grandfather", "uncle"), "men"),
    **dict.fromkeys(("son", "daughter", "child", "baby", "grandson", "granddaughter"), "people"),
}
YEAR_PREPOSITIONS = frozenset({"in", "since", "of", "by", "from", "until", "till", "during"})
# Kind words that describe rather than name ("a child dead", "nine civilians injured").
PREDICATES = frozenset({"dead", "injured", "wounded", "killed", "hurt", "missing", "displaced"})
MEMBER_NAME_ENDS = frozenset(
    {",", ".", ";", ":", "were", "was", "are", "is", "had", "have", "has", "and", "who", "in"}
)
POST_FIRST_WORDS = frozenset(phrase[0] for phrase in POST)
# Kind words a title-case headline capitalises: "Killing 4 Injuring 7" - not names.
KIND_VERBS = POST_FIRST_WORDS | frozenset(phrase[-1] for phrase in PRE) | frozenset(HEAD_KINDS)
PARTITIVE_PRONOUNS = frozenset({"them", "whom"})
PARTITIVE_DETERMINERS = frozenset(
    {"those", "these", "the", "its", "their", "his", "her", "our", "which"}
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


def _age(word: str) -> int:
    """The age in "13-year-old" or "eight-year-old"; 99 when unreadable."""
    head = word.split("-year")[0]
    if head.isdigit():
        return int(head)
    return _word_number(head) or 99


def _is_month(tok: Token | None) -> bool:
    return tok is not None and tok.low.rstrip(".") in MONTHS


def _glued(a: Token, b: Token) -> bool:
    return a.end == b.start


def _excluded(tokens: list[Token], amount: Amount) -> bool:
    """True when the amount is a date, year, time, measure, label, price or code."""
    i, j = amount.start, amount.end
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    prev2 = tokens[i - 2] if i > 1 else None
    nxt = tokens[j] if j < len(tokens) else None
    if nxt is not None and nxt.low in UNIT_WORDS:
        return True
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
    if (
        nxt is not None
        and nxt.low in ("-", "–", "and", "to", "/")
        and j + 2 < len(tokens)
        and tokens[j + 1].is_number
        and _is_month(tokens[j + 2])
    ):
        return True
    if tok.is_number:
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
    if prev is not None and prev.low == "but" and prev2 is not None and prev2.low == "all":
        return True  # "all but one of them"
    return nxt is not None and nxt.low == "aged"  # "two aged 12": ages of a breakdown


def _listed_after_label(tokens: list[Token], i: int) -> bool:
    """True for a number listed after a labelled one ("resolutions 2118, 2235 and 2254")."""
    k = i - 1
    seen_number = False
    while k >= 0 and i - k <= 8:
        low = tokens[k].low
        if tokens[k].is_number:
            seen_number = True
        elif low not in (",", "and", "&"):
            return seen_number and low in LABEL_WORDS and low != "at"
        k -= 1
    return False


def _qualifier(lows: list[str], start: int) -> tuple[str, int]:
    """The qualifier just before token ``start``: (qualifier, its first token)."""
    for length in (3, 2, 1):
        if start - length < 0:
            continue
        key = tuple(lows[start - length : start])
        if key in QUALIFIERS:
            return QUALIFIERS[key], start - length
    return "exact", start


def _skip_parenthesis(lows: list[str], j: int) -> int:
    """The token after a short parenthesis without counts ("(White Helmets)"), else ``j``."""
    if j < len(lows) and lows[j] == "(":
        close = j + 1
        while close < len(lows) and close - j < 8 and lows[close] != ")":
            if lows[close][0].isdigit() or lows[close] in AMOUNT_STARTS:
                return j
            close += 1
        if close < len(lows) and lows[close] == ")":
            return close + 1
    return j


def _until_punctuation(lows: list[str], start: int, limit: int) -> list[str]:
    out: list[str] = []
    for low in lows[start : start + limit]:
        if low in (",", ".", ";", ":", "and", "(", ")"):
            break
        out.append(low)
    return out


def _members_group(lows: list[str], j: int) -> str:
    """The group of "members" from what follows: "of one family" people, else combatants."""
    window = lows[j : j + 7]
    if window[:1] == ["of"]:
        if any(w in CIVIL_MEMBERSHIP for w in window):
            if "staff" in window or "crew" in window:
                return staff_group(window) or "people"
            return "people"
        return staff_group(window) or "combatants"
    return "combatants"


@dataclass(slots=True)
class _Head:
    group: str | None
    head_kind: str | None
    end: int
    modifier_kind: str | None


def _read_head(tokens: list[Token], lows: list[str], j: int, singular: bool) -> _Head | None:
    """The head noun after an amount. None when the amount counts something else."""
    n = len(tokens)
    modifiers: list[str] = []
    modifier_kind: str | None = None
    start = j
    while j < n and j - start < 7:
        j = _skip_parenthesis(lows, j)
        if j >= n:
            break
        low = lows[j]
        tok = tokens[j]
        nxt = lows[j + 1] if j + 1 < n else ""
        both = low in MODIFIERS and (low in GROUP_NOUNS or low in HEAD_KINDS or low in STAFF_NOUNS)
        takes_modifier = (
            nxt in MODIFIERS or nxt in GROUP_NOUNS or nxt in STAFF_NOUNS
        ) and nxt not in PREDICATES
        if both and takes_modifier and nxt not in ("and",):
            modifiers.append(low)
            modifier_kind = modifier_kind or HEAD_KINDS.get(low)
            j += 1
            continue
        if (
            both
            and low not in HEAD_KINDS
            and nxt.isalpha()
            and nxt not in AMOUNT_STARTS
            and nxt not in BARE_FOLLOWERS
            and nxt not in KIND_VERBS
            and nxt not in AUXILIARIES
            and nxt not in PREDICATES
            and not (j + 1 < n and tokens[j + 1].is_capitalized)
        ):
            return None  # "a rebel faction", "5 rebel positions": not people
        if low in STAFF_NOUNS:
            following = _until_punctuation(lows, j + 1, 6)
            group = staff_group(modifiers) or staff_group(following)
            if group is None:
                group = "combatants" if low == "personnel" else "people"
            if nxt in ("member", "members"):
                j += 1
            return _Head(group, None, j + 1, modifier_kind)
        if low in ("members", "member"):
            group = staff_group(modifiers) if modifiers else None
            end = j + 1
            if end < n and lows[end] == "of":
                # "members of the hospital staff": the phrase runs to the end of the name
                while (
                    end < n
                    and end - j < 8
                    and lows[end] not in MEMBER_NAME_ENDS
                    and not lows[end][0].isdigit()
                    and lows[end] not in AMOUNT_STARTS
                ):
                    end += 1
            return _Head(group or _members_group(lows, j + 1), None, end, modifier_kind)
        if low in GROUP_NOUNS or low in HEAD_KINDS:
            if singular and low not in SINGULAR_PERSONS:
                return None
            if (
                low in ("idp", "idps")
                and nxt.isalpha()
                and nxt not in BARE_FOLLOWERS
                and nxt not in KIND_VERBS
                and nxt not in AUXILIARIES
            ):
                return None  # "5 IDP camps": camps, not people
            group = GROUP_NOUNS.get(low)
            head_kind = HEAD_KINDS.get(low)
            if head_kind is not None and low not in ("bodies", "martyrs", "corpses"):
                group = None  # "12 dead": the kind is named, the group is not
            if low in GENERIC_HEADS or group is None:
                for mod in modifiers:
                    if mod in MODIFIER_GROUPS:
                        group = MODIFIER_GROUPS[mod]
            if (
                group == "people"
                and any(w in ARMED_CUES - {"group", "forces"} for w in lows[j + 1 : j + 6])
                and any(w in ("with", "to", "of") for w in lows[j + 1 : j + 3])
            ):
                group = "combatants"  # "11 Syrians working with ... militias"
            return _Head(group, head_kind, j + 1, modifier_kind)
        if low in MODIFIERS or (
            tok.is_capitalized and low not in BARE_FOLLOWERS and low not in KIND_VERBS
        ):
            modifiers.append(low)
            modifier_kind = modifier_kind or HEAD_KINDS.get(low)
            j += 1
            continue
        if "-year" in low and low.endswith("-old"):
            if _age(low) < 18:
                modifiers.append("child")
            j += 1
            continue
        break
    if singular:
        return None
    follower = lows[j] if j < n else ""
    if (
        not follower
        or follower in BARE_FOLLOWERS
        or follower in KIND_VERBS
        or follower in AUXILIARIES
        or follower.endswith("ly")
    ):
        return _Head(None, None, j, modifier_kind)
    return None


def _partitive(
    tokens: list[Token], lows: list[str], j: int
) -> tuple[str, int, _Head | None] | None:
    """ "of them", "of whom", "from them", "of the dead", "of those civilians" after an amount.

    Returns (kind of partitive, index after it, head read after it), or None when the
    amount is not partitive; raises nothing. ("one of the deadliest" gives a head of None.)
    """
    n = len(lows)
    if j + 1 >= n or lows[j] not in ("of", "from"):
        return None
    if lows[j + 1] in PARTITIVE_PRONOUNS:
        k = j + 2
        while k < n and lows[k] in ("were", "are", "was", "is", "being", "reportedly"):
            k += 1
        head = _read_head(tokens, lows, k, singular=False) if k < n else None
        if head is None and k < n:
            return "none", j, None  # "19 of them community centres": not people
        if head is not None and head.group is None:
            head = None
        return "pronoun", (head.end if head else j + 2), head
    if lows[j + 1] in PARTITIVE_DETERMINERS:
        k = j + 2
        if k < n and lows[k] == "own":
            k += 1
        head = _read_head(tokens, lows, k, singular=False) if k < n else None
        if head is None or (head.group is None and head.head_kind is None):
            if k < n and lows[k] in ("killed", "injured", "wounded", "displaced", "dead"):
                head = _Head(None, HEAD_KINDS.get(lows[k]), k + 1, None)
            else:
                return "none", j, None
        end = head.end
        if head.group is None and end + 1 < n and lows[end] in ("were", "are", "was", "is"):
            named = _read_head(tokens, lows, end + 1, singular=False)
            if named is not None and named.group is not None:
                head = _Head(named.group, head.head_kind, named.end, head.modifier_kind)
        return "noun", head.end, head
    return None


def find_phrases(tokens: list[Token]) -> list[Phrase]:
    """Every counted phrase of a sentence, in order."""
    lows = [t.low for t in tokens]
    phrases: list[Phrase] = []
    n = len(tokens)
    i = 0
    while i < n:
        low = lows[i]
        singular = low in ("a", "an", "another")
        amount = None
        kin = _kin_phrase(lows, i)
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
        if amount is None or _excluded(tokens, amount):
            i += 1
            continue
        phrase = _build(tokens, lows, amount, singular)
        if phrase is None:
            i = amount.end if not singular else i + 1
            continue
        phrases.append(phrase)
        i = max(phrase.end, amount.end)
    return phrases


def _unknown_people(lows: list[str], amount: Amount, j: int) -> _Head | None:
    """ "killing seven fishermen", "12 pilgrims were killed": a plural noun we do not know,
    counted by a verb of killing or wounding, is people."""
    if j >= len(lows) or not lows[j].isalpha() or not _plural(lows[j]) or lows[j] in ANIMALS:
        return None
    _, first = _qualifier(lows, amount.start)
    before = lows[first - 1] if first > 0 else ""
    if before in HARM_VERBS:
        return _Head("people", None, j + 1, None)
    k = j + 1
    while k < len(lows) and k - j <= 3 and lows[k] in ("were", "was", "have", "had", "been"):
        k += 1
    if k > j + 1 and k < len(lows) and lows[k] in HARM_PARTICIPLES:
        return _Head("people", None, j + 1, None)
    return None


def _plural(word: str) -> bool:
    return (word.endswith("s") and not word.endswith("ss")) or word.endswith("men")


def _kin_phrase(lows: list[str], i: int) -> Phrase | None:
    """ "a girl and her mother", "a man and his son": the relative is one more person."""
    if (
        i < 1
        or i + 1 >= len(lows)
        or lows[i] not in ("his", "her", "their")
        or lows[i - 1] != "and"
        or lows[i + 1] not in KIN_GROUPS
    ):
        return None
    return Phrase(
        first=i,
        amount=Amount(1, i, i + 1, from_article=True),
        end=i + 2,
        value=1,
        qualifier="exact",
        group=KIN_GROUPS[lows[i + 1]],
    )


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
            and not _excluded(tokens, other)
            and (lows[j] != "and" or before == "between")
        ):
            if before == "from" and lows[j] == "to":
                return None  # "from 12 to 19": an update; the new count is read on its own
            high = other.value
            j = other.end
    post_qualifier: str | None = None
    if j + 1 < n and (lows[j], lows[j + 1]) in (("or", "more"), ("at", "least")):
        post_qualifier = "at_least"
        j += 2
    elif j + 1 < n and (lows[j], lows[j + 1]) == ("or", "so"):
        post_qualifier = "about"
        j += 2
    partitive = None
    head: _Head | None
    if amount.value is None and j + 1 < n and lows[j] == "of":
        # "dozens of people", "hundreds of families"; not "dozens of rockets"
        head = _read_head(tokens, lows, j + 1, singular=False)
        if head is None or (head.group is None and head.head_kind is None):
            return None
        qualifier, first = _qualifier(lows, amount.start)
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
    part = _partitive(tokens, lows, j)
    if part is not None:
        partitive, after, head = part
        if partitive == "none":
            return None
        if head is None:
            head = _Head(None, None, after, None)
    else:
        if singular:
            head = _read_head(tokens, lows, amount.end, singular=True)
        else:
            head = _read_head(tokens, lows, j, singular=False) or _unknown_people(lows, amount, j)
        if head is None:
            return None
    if head.group is None and head.head_kind is None and partitive is None:
        end = head.end
        if end + 1 < n and lows[end] in ("were", "are"):
            named = _read_head(tokens, lows, end + 1, singular=False)
            if named is not None and named.group is not None and named.head_kind is None:
                head = named  # "of whom 25,284 were children"
    qualifier, first = _qualifier(lows, amount.start)
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
            if start >= 0 and tuple(lows[start : start + length]) == cue:
                return True
    return False
