"""Who an amount counts: the head noun after it ("civilians", "members of the security
forces", "a White Helmets volunteer", "three of them children") and the group it names."""

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
from digests.extract.kinds import AUXILIARIES, HEAD_KINDS, POST, PRE, match_at
from digests.extract.numbers import AMOUNT_STARTS, Amount, Token, read_amount, word_value
from digests.extract.qualifiers import read_qualifier

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


# Kind words that describe rather than name ("a child dead", "nine civilians injured").
PREDICATES = frozenset({"dead", "injured", "wounded", "killed", "hurt", "missing", "displaced"})


MEMBER_NAME_ENDS = frozenset(
    {",", ".", ";", ":", "were", "was", "are", "is", "had", "have", "has", "and", "who", "in"}
)


POST_FIRST_WORDS = frozenset(phrase[0] for phrase in POST)
# Words of an organisation's name after "members of" ("factions of the Turkish-backed
# 'Syrian National Army'"), up to the verb that follows.
_MEMBER_NAME_WORDS = 12


# Kind words a title-case headline capitalises: "Killing 4 Injuring 7" - not names.
KIND_VERBS = POST_FIRST_WORDS | frozenset(phrase[-1] for phrase in PRE) | frozenset(HEAD_KINDS)


PARTITIVE_PRONOUNS = frozenset({"them", "whom"})


PARTITIVE_DETERMINERS = frozenset(
    {"those", "these", "the", "its", "their", "his", "her", "our", "which"}
)


# Words that never qualify a noun: they end a phrase rather than describe its people.
_STAFF_OWNER_REACH = 10  # words back from "its staff" to the organisation it names
_NOT_MODIFIERS = frozenset(
    {"and", "or", "but", "of", "the", "a", "an", "to", "in", "on", "at", "by", "with", "from"}
    | {"where", "when", "who", "whom", "which", "that", "while", "whose", "than", "into"}
)
_MODIFIER_REACH = 2  # unknown words a head noun may stand behind: "former opposition commander"


def _is_person_noun(low: str) -> bool:
    return (low in GROUP_NOUNS or low in STAFF_NOUNS) and low not in PREDICATES


def _noun_modifier(lows: list[str], j: int) -> bool:
    """True when an unknown word is a modifier of a person noun just after it ("farm" in
    "farm workers"); verbs, kind words and function words are never modifiers."""
    low = lows[j]
    if not _plain_word(low):
        return False
    for k in range(j + 1, min(len(lows), j + 1 + _MODIFIER_REACH)):
        if _is_person_noun(lows[k]):
            return True
        if lows[k] not in MODIFIERS:
            return False
    return False


def _plain_word(low: str) -> bool:
    return (
        low.isalpha()
        and len(low) > 2
        and not low.endswith(("ing", "ed"))
        and low not in _NOT_MODIFIERS
        and low not in BARE_FOLLOWERS
        and low not in KIND_VERBS
        and low not in AUXILIARIES
        and low not in HEAD_KINDS
        and low not in GROUP_NOUNS
    )


_ORDINALS = frozenset(
    {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
)


def _another_victim(lows: list[str], j: int) -> bool:
    """ "wounded a fourth": an ordinal after a verb of harm counts one more person."""
    if j < 2 or j >= len(lows) or lows[j] not in _ORDINALS:
        return False
    nxt = lows[j + 1] if j + 1 < len(lows) else ""
    if lows[j - 2] == "and" and nxt in ("was", "is"):
        return True  # "two boys were killed and a third was badly injured"
    if lows[j - 2] not in HARM_VERBS:
        return False
    return not nxt or nxt in BARE_FOLLOWERS or not nxt.isalpha()


_INJURY_NOUNS = frozenset({"injuries", "wounds", "burns", "fractures"})
_INJURY_REACH = 10


def left_with_injuries(lows: list[str], end: int) -> bool:
    """ "N were pulled from the rubble with serious injuries": a passive clause of the
    count's own that ends "with ... injuries" tells who was hurt."""
    if end >= len(lows) or lows[end] not in ("was", "were"):
        return False
    for k in range(end + 1, min(len(lows) - 1, end + _INJURY_REACH)):
        if lows[k] in (",", ";", ".", "and", "but", "while") or lows[k] in ("no", "not", "without"):
            return False
        if lows[k] == "with":
            tail = lows[k + 1 : k + 3]
            return any(w in _INJURY_NOUNS for w in tail)
    return False


# Nouns that only point back at people counted before: "three of the victims".
_BACK_REFERENCES = frozenset({"victims", "casualties"})


def _age(word: str) -> int:
    """The age in "13-year-old" or "eight-year-old"; 99 when unreadable."""
    head = word.split("-year")[0]
    if head.isdigit():
        return int(head)
    return word_value(head) or 99


def _skip_parenthesis(lows: list[str], j: int) -> int:
    """The token after a short parenthesis without counts ("(White Helmets)"), else ``j``."""
    if j < len(lows) and lows[j] in _BRACKETS:
        closer = _BRACKETS[lows[j]]
        close = j + 1
        while close < len(lows) and close - j < 8 and lows[close] != closer:
            if lows[close][0].isdigit() or lows[close] in AMOUNT_STARTS:
                return j
            close += 1
        if close < len(lows) and lows[close] == closer:
            return close + 1
    return j


_BRACKETS = {"(": ")", "[": "]"}


def _until_punctuation(lows: list[str], start: int, limit: int) -> list[str]:
    out: list[str] = []
    for low in lows[start : start + limit]:
        if low in (",", ".", ";", ":", "and", "(", ")"):
            break
        out.append(low)
    return out


# "members of one family", "of the same family": the words that name the family, by length.
_ONE_FAMILY = {
    ("one", "family"): 2,
    ("a", "family"): 2,
    ("a", "single", "family"): 3,
    ("the", "same", "family"): 3,
    ("one", "single", "family"): 3,
}


_CIVIL_BODIES = frozenset({"staff", "family", "crew", "council", "team", "household"})


def _names_another_body(tokens: list[Token], k: int) -> bool:
    """ "members of regime forces and NDF": "and" before an acronym names one more body."""
    nxt = tokens[k + 1].text if k + 1 < len(tokens) else ""
    return tokens[k].low == "and" and len(nxt) >= 2 and nxt.isupper() and nxt.isalpha()


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
class Head:
    group: str | None
    head_kind: str | None
    end: int
    modifier_kind: str | None


def read_head(tokens: list[Token], lows: list[str], j: int, singular: bool) -> Head | None:
    """The head noun after an amount. None when the amount counts something else."""
    n = len(tokens)
    modifiers: list[str] = []
    modifier_kind: str | None = None
    start = j
    if singular and _another_victim(lows, j):
        return Head("people", None, j + 1, None)  # "killed three and wounded a fourth"
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
            if group is None and j >= 2 and lows[j - 1] in ("its", "their"):
                # "UNRWA says 220 of its staff have been killed": the owner named before
                group = staff_group(lows[max(0, j - _STAFF_OWNER_REACH) : j])
            if group is None:
                group = "combatants" if low == "personnel" else "people"
            if nxt in ("member", "members"):
                j += 1
            return Head(group, None, j + 1, modifier_kind)
        if low in ("members", "member"):
            group = staff_group(modifiers) if modifiers else None
            end = j + 1
            if end < n and lows[end] == "of":
                # "members of the hospital staff": the phrase runs to the end of the name
                while (
                    end < n
                    and end - j < _MEMBER_NAME_WORDS
                    and (lows[end] not in MEMBER_NAME_ENDS or _names_another_body(tokens, end))
                    # "members of the Free Syrian Army died": the name ends at the verb
                    and not (end > j + 1 and lows[end] in POST_FIRST_WORDS)
                    and not lows[end][0].isdigit()
                    and lows[end] not in AMOUNT_STARTS
                ):
                    end += 1
            family = _ONE_FAMILY.get(tuple(lows[j + 2 : j + 5])) or _ONE_FAMILY.get(
                tuple(lows[j + 2 : j + 4])
            )
            if lows[j + 1 : j + 2] == ["of"] and family:
                end = j + 2 + family  # "eight members of one family were killed"
            group = group or _members_group(lows, j + 1)
            if group == "combatants" and _CIVIL_BODIES & set(modifiers):
                group = "people"  # "two staff members", "family members": not fighters
            return Head(group, None, _coordinated(lows, end, group), modifier_kind)
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
            return Head(group, head_kind, _coordinated(lows, j + 1, group), modifier_kind)
        if low == "and" and modifiers and _coordinated(lows, j, "any") > j:
            j += 1  # "54 tribal and local gunmen": two modifiers of one noun
            continue
        if tok.text.isupper() and tok.text.isalpha() and len(tok.text) >= 2 and nxt in GROUP_NOUNS:
            modifiers.append(low)  # "six IS militants": an acronym, not the verb "is"
            j += 1
            continue
        if (
            tok.text.isupper()
            and j + 2 < n
            and tokens[j + 1].is_number
            and tokens[j + 1].start == tok.end
            and lows[j + 2] in GROUP_NOUNS
        ):
            modifiers.append(low + lows[j + 1])  # "five M23 fighters": a group's code name
            j += 2
            continue
        if low == "and" and (nxt in PREDICATES or nxt in KIND_VERBS):
            break  # "killed 44 and injured 140": a second verb, not "women and children"
        if low in MODIFIERS or (
            tok.is_capitalized and low not in BARE_FOLLOWERS and low not in KIND_VERBS
        ):
            modifiers.append(low)
            modifier_kind = modifier_kind or HEAD_KINDS.get(low)
            j += 1
            continue
        if low.endswith("-old") and any(u in low for u in ("-year", "-month", "-week", "-day")):
            if "-year" not in low or _age(low) < 18:
                modifiers.append("child")  # "a two-day-old baby", "a 12-year-old boy"
            j += 1
            continue
        if _noun_modifier(lows, j) or (
            nxt == "and"
            and low.isalpha()
            and low not in _NOT_MODIFIERS
            and low not in KIND_VERBS
            and low not in PREDICATES
            and _coordinated(lows, j + 1, "any") > j + 1
        ):
            modifiers.append(low)  # "three farm workers", "54 tribal and local gunmen"
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
        return Head(None, None, j, modifier_kind)
    return None


_COORDINATION_MODIFIERS = 2  # "troops and (pro-government allied) militiamen"
_NOT_MODIFIERS = AMOUNT_STARTS | AUXILIARIES | frozenset({"a", "an", "the", "and", "or", "of"})


def _coordinated(lows: list[str], end: int, group: str | None) -> int:
    """Where a head runs to when "and" joins another noun of its group: "41 regime troops
    and allied militiamen" counts both nouns. Only fighters are joined so: "five women and
    children" names two groups. ``group`` "any" asks whether any group noun follows."""
    if group not in ("combatants", "any"):
        return end
    n = len(lows)
    while end < n and lows[end] == "and":
        k = end + 1
        while (
            k < n
            and k - end <= _COORDINATION_MODIFIERS
            and lows[k] not in GROUP_NOUNS
            and lows[k].replace("-", "").isalpha()
            and lows[k] not in _NOT_MODIFIERS
            and lows[k] not in KIND_VERBS
            and lows[k] not in PREDICATES
        ):
            k += 1
        noun = GROUP_NOUNS.get(lows[k]) if k < n else None
        if noun is None or (group != "any" and noun != group) or lows[k] in HEAD_KINDS:
            break
        end = k + 1
        if group == "any":
            break
    return end


def read_partitive(
    tokens: list[Token], lows: list[str], j: int
) -> tuple[str, int, Head | None] | None:
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
        head = read_head(tokens, lows, k, singular=False) if k < n else None
        if head is None and k < n:
            return "none", j, None  # "19 of them community centres": not people
        if head is not None and head.group is None:
            head = None
        return "pronoun", (head.end if head else j + 2), head
    if lows[j + 1] in PARTITIVE_DETERMINERS:
        k = j + 2
        if k < n and lows[k] == "own":
            k += 1
        if k + 1 < n and lows[k].endswith(("'s", "’s")):
            k += 1  # "two of the group's volunteers"
        whole = read_amount(tokens, k) if k + 1 < n and tokens[k].is_number else None
        if whole is not None and whole.value is not None:
            k = whole.end  # "nine of the 17 children": the whole is counted where it is told
        head = read_head(tokens, lows, k, singular=False) if k < n else None
        if head is None or (head.group is None and head.head_kind is None):
            fate = match_at(lows, k, POST) if k < n else None
            if k < n and lows[k] in ("killed", "injured", "wounded", "displaced", "dead"):
                head = Head(None, HEAD_KINDS.get(lows[k]), k + 1, None)
            elif fate is not None:
                head = Head(None, fate[0], k + fate[1], None)  # "18,000 of those forced to flee"
            elif lows[j] == "from":
                return None  # "22 from the factions": a side, not a part of a group
            else:
                return "none", j, None
        end = head.end
        if lows[end - 1] in _BACK_REFERENCES and end + 1 < n:
            # "eleven of the victims were soldiers": the victims counted before, by group
            named = None
            if lows[end] in ("were", "are", "was", "is"):
                named = read_head(tokens, lows, end + 1, singular=False)
            if named is not None and named.group is not None:
                return "pronoun", named.end, Head(named.group, None, named.end, None)
        if head.group is None and end + 1 < n and lows[end] in ("were", "are", "was", "is"):
            named = read_head(tokens, lows, end + 1, singular=False)
            if named is not None and named.group is not None:
                head = Head(named.group, head.head_kind, named.end, head.modifier_kind)
        return "noun", head.end, head
    if lows[j] == "of" and lows[j + 1] not in AMOUNT_STARTS:
        # "7 of former fighters", "5 of members of the regime forces": a translation's
        # partitive with no article, counting a group
        head = read_head(tokens, lows, j + 1, singular=False)
        if head is not None and head.group not in (None, "people") and head.end > j + 2:
            return "noun", head.end, head
    return None


def unknown_people(lows: list[str], amount: Amount, j: int) -> Head | None:
    """ "killing seven fishermen", "12 pilgrims were killed": a plural noun we do not know,
    counted by a verb of killing or wounding, is people ("two Russian pilots" too)."""
    start = j
    while j < len(lows) and j - start < _MODIFIER_REACH and lows[j] in MODIFIERS:
        j += 1
    if j >= len(lows) or not lows[j].isalpha() or not _plural(lows[j]) or lows[j] in ANIMALS:
        return None
    # "five Iranian military advisers": a modifier may still say who they were
    group = next((MODIFIER_GROUPS[m] for m in lows[start:j] if m in MODIFIER_GROUPS), "people")
    _, first = read_qualifier(lows, amount.start)
    before = lows[first - 1] if first > 0 else ""
    if before in HARM_VERBS or _harm_phrase_before(lows, first):
        return Head(group, None, j + 1, None)
    k = j + 1
    while k < len(lows) and k - j <= 3 and lows[k] in ("were", "was", "have", "had", "been"):
        k += 1
    if k > j + 1 and k < len(lows) and lows[k] in HARM_PARTICIPLES:
        return Head(group, None, j + 1, None)
    if left_with_injuries(lows, j + 1):
        return Head(group, None, j + 1, None)
    return None


# Phrases of harm that end in "of" and count people after them: "claimed the lives of".
_HARM_OF = frozenset(
    p for p, kind in PRE.items() if p[-1] == "of" and kind in ("killed", "injured")
)


def _harm_phrase_before(lows: list[str], first: int) -> bool:
    """True after "the lives of", "the deaths of": what they count are people."""
    return any(first >= len(p) and tuple(lows[first - len(p) : first]) == p for p in _HARM_OF)


def _plural(word: str) -> bool:
    return (word.endswith("s") and not word.endswith("ss")) or word.endswith("men")
