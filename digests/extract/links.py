"""How the counts of one sentence belong together: lists, breakdowns and partitives.

"66 civilians, including 23 children and 13 women": the children and women are parts of the
civilians and share their kind; "a man, a woman and two children were killed": a list takes
its kind from its last item. Each link also tells a bare count whose group it shares.
"""

from __future__ import annotations

from digests.extract.groups import GROUP_NOUNS
from digests.extract.kinds import AUXILIARIES, HEAD_KINDS, POST, PRE, match_at
from digests.extract.numbers import TENS, UNITS
from digests.extract.phrases import Phrase

# Words that mark what follows as a breakdown of the total before it.
BREAKDOWN_MARKERS = frozenset(
    {"including", "included", "among", "namely", "whom", "them", "which", ":", "-", "–", "—", "("}
)


# Words allowed between two items of one list ("six civilians and three fighters").
LIST_GLUE = frozenset(
    {
        ",",
        "and",
        "as",
        "well",
        "plus",
        "also",
        "another",
        "besides",
        "addition",
        "of",
        "from",
        "with",
        ")",
        "were",
        "are",
        "all",
        "both",
        "other",
        "his",
        "her",
        "their",
    }
    | BREAKDOWN_MARKERS
)


# Prepositions that open a phrase of place or time between list items ("five in Saraqib").
PREPOSITIONS = frozenset(
    {"in", "at", "on", "near", "around", "inside", "outside", "across", "from", "outskirts"}
)


# Words of a place name or a place phrase ("the nearby town of").
PLACE_WORDS = frozenset(
    [
        "the",
        "a",
        "town",
        "village",
        "city",
        "camp",
        "province",
        "governorate",
        "countryside",
        "neighbourhood",
        "neighborhood",
        "district",
        "area",
        "region",
        "market",
        "hospital",
        "outskirts",
        "fringes",
        "edge",
        "nearby",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "north",
        "south",
        "east",
        "west",
        "of",
        "and",
        "around",
        "its",
        "al",
        "el",
        "rural",
        "suburb",
        "suburbs",
        "same",
        "streets",
        "street",
        "square",
    ]
)


# Two words before a count that make it a part of the count before ("of whom 194").
BREAKDOWN_PAIRS = frozenset(
    {
        ("among", "them"),
        ("of", "whom"),
        ("from", "them"),
        ("among", "whom"),
        ("of", "them"),
        ("of", "which"),
        ("of", "these"),
        ("of", "those"),
    }
)


# Words that count one person ("a woman", "another infant").
ARTICLES = frozenset({"a", "an", "another"})


# A comma clause with these words describes the last item ("three women, one of whom ...").
RELATIVE_WORDS = frozenset({"whom", "who", "which", "whose"})


# Words that end a prepositional phrase skipped between two list items.
PP_STOPS = frozenset(
    {
        ",",
        ";",
        ":",
        ".",
        "-",
        "–",
        "—",
        "(",
        ")",
        "and",
        "including",
        "among",
        "said",
        "says",
        "while",
        "but",
        "who",
        "which",
        "that",
        "were",
        "was",
        "had",
        "have",
        "has",
        "are",
        "is",
        "when",
        "after",
        "before",
        "since",
        "according",
    }
)


# First words of the phrases that name a kind after a count.
POST_WORDS = frozenset(phrase[0] for phrase in POST)


# The only words allowed between list items that take their kind from the last item.
CONJUNCTION_GLUE = frozenset({",", "and", "as", "well", "plus", "his", "her", "their", "all"})


_MAX_GAP = 16
# Words between a total and the colon that opens its breakdown ("514, the Observatory says:",
# "90 deaths since the start of the clashes:").
_MAX_COLON_GAP = 8


def _gap_is_glue(lows: list[str], start: int, end: int, caps: list[bool]) -> bool:
    """True when the tokens between two phrases only join list items."""
    if end - start > _MAX_GAP:
        return False
    k = start
    while k < end:
        low = lows[k]
        if low in PREPOSITIONS:
            k = _skip_prepositional(lows, caps, k + 1, end)
            continue
        if low == ",":
            # ", one of whom is pregnant," - a relative clause inside the list
            close = k + 1
            while close < end and close - k < 10 and lows[close] != ",":
                close += 1
            if (
                close < end
                and lows[close] == ","
                and any(w in RELATIVE_WORDS for w in lows[k + 1 : close])
            ):
                k = close + 1
                continue
        if low == "and" and k + 2 < end and _uncounted_noun(lows, k + 1, end):
            k = _uncounted_noun(lows, k + 1, end)  # "... Forces and prison guards, and seven"
            continue
        if low not in LIST_GLUE:
            return False
        k += 1
    return True


def _uncounted_noun(lows: list[str], k: int, end: int) -> int:
    """The token after "prison guards" (a modifier or two and a group noun, no count) that
    starts at ``k``, or 0 when none does."""
    for length in (1, 2, 3):
        last = k + length - 1
        if last < end and lows[last] in GROUP_NOUNS and lows[last] not in HEAD_KINDS:
            words = lows[k:last]
            if all(w.isalpha() and w not in LIST_GLUE for w in words):
                return last + 1
    return 0


def _skip_prepositional(lows: list[str], caps: list[bool], k: int, end: int) -> int:
    """The token after a short prepositional phrase ("in the nearby town of Saraqib")."""
    start = k
    while k < end and k - start < 6:
        low = lows[k]
        if low in PP_STOPS or low in POST_WORDS or low[0].isdigit():
            break
        if not (low in PLACE_WORDS or caps[k] or low.isalpha() or "-" in low):
            break
        k += 1
    return k


def _gap_is_elliptic(lows: list[str], start: int, end: int) -> bool:
    """True for "12 killed and 30 wounded" and "killed 12 fighters and wounded 30": the
    second count is of the same people."""
    k = start
    if end - start <= 3 and lows[start : start + 1] in (["and"], [","]):
        rest = lows[start + 1 : end]
        if not rest or rest == ["left"] or (len(rest) <= 2 and tuple(rest) in PRE):
            return True
    while k < end and (lows[k] in AUXILIARIES or lows[k].endswith("ly")):
        k += 1
    found = match_at(lows, k, POST)
    if found is None:
        return False
    k += found[1]
    tail = lows[k:end]
    return (
        len(tail) <= 4
        and any(w in (",", "and") for w in tail)
        and all(w in LIST_GLUE or w in PREPOSITIONS for w in tail)
    )


def _has_breakdown_marker(lows: list[str], start: int, end: int) -> bool:
    return any(w in BREAKDOWN_MARKERS for w in lows[start:end])


def _root(phrase: Phrase) -> Phrase:
    """The total a list item belongs to, following a short chain of links."""
    node = phrase
    for _ in range(8):
        up = node.parent or node.sibling
        if up is None:
            return node
        node = up
    return node


def link_left(
    lows: list[str],
    caps: list[bool],
    phrase: Phrase,
    before: Phrase | None,
    previous: Phrase | None,
) -> bool:
    """Give ``phrase`` the kind (and group) of the phrase before it when they belong together."""
    if phrase.parent is not None or phrase.sibling is not None:
        return False
    if phrase.partitive == "pronoun":
        antecedent = before if before is not None else previous
        if antecedent is None:
            return False
        if before is None and phrase.group is None and not phrase.own_kind:
            return False  # "110,000 of them live in the north": no count of victims
        phrase.parent = antecedent
        if phrase.kind is None:
            if antecedent.kind is None:
                return False
            phrase.kind = antecedent.kind
            phrase.from_previous = before is None or antecedent.from_previous
        return True
    if before is None:
        return False
    if _parallel_part(lows, phrase, before):
        phrase.kind, phrase.sibling, phrase.blocked = before.kind, before, before.blocked
        return True
    if phrase.kind is None and _own_predicate(lows, phrase.end):
        return False  # "five died and eight others experienced breathing difficulties"
    gap_start = max(before.end, before.post_end)
    if lows[gap_start : phrase.first] in (["among"], ["among", "the"]):
        return False  # "2 medics among 31 dead": the later phrase is the total
    if caps[phrase.first] and lows[phrase.first - 1] not in LIST_GLUE:
        return False  # a capitalised count after a run-on: a new sentence, not a list item
    if _gap_is_glue(lows, gap_start, phrase.first, caps):
        marker = _has_breakdown_marker(lows, gap_start, phrase.first)
        if phrase.kind is not None and before.kind is not None and phrase.kind != before.kind:
            if not before.amount.from_article:
                phrase.sibling = _root(before)  # "12 killed, 4 of them children, and 46 hurt"
            return True
        if marker:
            phrase.parent = before
        else:
            phrase.sibling = before
        if phrase.kind is None and before.kind is not None:
            phrase.kind = before.kind
            phrase.blocked = phrase.blocked or before.blocked
        return True
    if (
        phrase.group is None
        and not before.amount.from_article
        and _gap_is_elliptic(lows, before.end, phrase.first)
    ):
        phrase.sibling = _root(before) if before.kind != phrase.kind else before
        return True
    return False


def _parallel_part(lows: list[str], phrase: Phrase, before: Phrase) -> bool:
    """ "Eight of the dead were soldiers of the 4th Division and three were local fighters":
    a second part told as "N were <group>" after a part of the dead shares its kind."""
    if phrase.kind is not None or before.kind is None or before.partitive != "noun":
        return False
    if phrase.group is None or phrase.first == 0 or lows[phrase.first - 1] not in ("and", ","):
        return False
    after = phrase.amount.end
    return after < len(lows) and lows[after] in ("were", "are", "was", "is")


# Where the dead were seen, which is no verb of their own ("the bodies of ... their three
# children lying in the courtyard").
_WHERE_BODIES_LAY = frozenset({"lying", "piled", "laid", "wrapped", "buried"})


def _own_predicate(lows: list[str], end: int) -> bool:
    """True when an unknown word (a verb of its own) follows a phrase."""
    if end >= len(lows):
        return False
    low = lows[end]
    if end + 1 < len(lows) and lows[end + 1] == "by":
        return False  # "two children hit by mortar fire": a passive of what befell them
    return (
        low.isalpha()
        and low not in _WHERE_BODIES_LAY
        and low not in PREPOSITIONS
        and low not in LIST_GLUE
        and low not in AUXILIARIES
        and low not in PLACE_WORDS
        and low not in POST_WORDS
        and low not in HEAD_KINDS
        and low not in GROUP_NOUNS
        and low not in UNITS
        and low not in TENS
        and low not in ARTICLES
        and low not in ("in", "at", "on", "near", "by", "during", "after", "when", "who", "where")
    )


def link_right(lows: list[str], phrase: Phrase, after: Phrase) -> bool:
    """ "a man, a woman and two children were killed": the list takes the last item's kind."""
    if phrase.kind is not None or after.kind is None or phrase.group is None:
        return False
    if phrase.end > after.first:
        return False
    if not all(w in CONJUNCTION_GLUE for w in lows[phrase.end : after.first]):
        return False
    if _marked_breakdown(lows, phrase.first) and lows[phrase.end : phrase.end + 2] == [",", "and"]:
        return False  # "15 killed ..., among them four children, and 61 injured": a part
    phrase.kind = after.kind
    phrase.blocked = after.blocked
    phrase.sibling = phrase.sibling or after.parent
    return True


def colon_lists(lows: list[str], phrases: list[Phrase]) -> None:
    """ "242 dead: 218 fighters and 24 civilians" - every item after the colon."""
    for colon, low in enumerate(lows):
        if low != ":":
            continue
        head = next((p for p in reversed(phrases) if p.end <= colon and p.kind), None)
        if head is not None and colon - max(head.end, head.post_end) > _MAX_COLON_GAP:
            head = None  # "Daraa: the toll rose to 11 ...": a heading's colon, not a list's
        if head is None:
            # "Its breakdown is stark: 336 fighters ...": the first item leads the list
            head = next((p for p in phrases if p.first > colon and p.kind), None)
            if head is not None and head.first - colon > 2:
                head = None
        if head is None:
            continue
        for phrase in phrases:
            if phrase.first <= colon or phrase.kind is not None or phrase.population:
                continue
            phrase.kind = head.kind
            phrase.blocked = head.blocked
            if phrase.parent is None and phrase.sibling is None:
                phrase.parent = head
            elif phrase.sibling is not None and phrase.sibling.first < colon:
                phrase.parent, phrase.sibling = head, None


def _marked_breakdown(lows: list[str], first: int) -> bool:
    """True when "including", "among them", "of whom" stands just before token ``first``."""
    last = lows[first - 1] if first else ""
    pair = tuple(lows[first - 2 : first]) if first > 1 else ()
    return last in ("including", "namely") or pair in BREAKDOWN_PAIRS


def breakdown_after_marker(lows: list[str], caps: list[bool], phrases: list[Phrase]) -> None:
    """ "11 civilians died ..., including five in Saraqib": a breakdown marker is enough."""
    for idx, phrase in enumerate(phrases):
        # "3,200 households affected, of which 1,150 displaced": the group of the whole
        if (
            idx
            and phrase.group is None
            and phrase.parent is None
            and phrase.sibling is None
            and phrase.first >= 2
            and tuple(lows[phrase.first - 2 : phrase.first]) in BREAKDOWN_PAIRS
            and phrase.first - phrases[idx - 1].end <= _MAX_GAP
        ):
            phrase.parent = phrases[idx - 1]
    for idx, phrase in enumerate(phrases):
        if phrase.kind is not None or phrase.population or idx == 0:
            continue
        if not _marked_breakdown(lows, phrase.first):
            continue
        head = next((p for p in reversed(phrases[:idx]) if p.kind), None)
        if head is not None:
            phrase.kind, phrase.parent = head.kind, head
            phrase.blocked = head.blocked
            for later in phrases[idx + 1 :]:
                if later.kind is None and _gap_is_glue(
                    lows, phrases[phrases.index(later) - 1].end, later.first, caps
                ):
                    later.kind, later.sibling = head.kind, phrases[phrases.index(later) - 1]
                else:
                    break
    for phrase in phrases:
        # "15 killed, among them four children, and 61 injured": the injured go with the
        # total the children are part of, not with the children
        sibling = phrase.sibling
        if sibling is not None and sibling.parent is not None and sibling.kind != phrase.kind:
            phrase.sibling = _root(sibling)
