"""Tie each counted phrase of a sentence to a kind: its own words, a toll, or its list.

``read_sentence`` is the figure reader for one sentence. It returns the phrases that are
figures (with kind, group and the total they break down); article-level steps (scope,
date, source, place, duplicates) happen in ``digests.extract.extractor``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from digests.extract.groups import GROUP_NOUNS, MODIFIER_GROUPS, MODIFIERS
from digests.extract.kinds import (
    AUXILIARIES,
    HEAD_KINDS,
    MODALS,
    NUMBER_NOUNS,
    POST,
    PRE,
    PRE_NEEDS_GROUP,
    RETURN_WORDS,
    TOLL_LINKS,
    TOLL_NOUNS,
    match_at,
    match_ending,
)
from digests.extract.numbers import TENS, UNITS, Token, parse_digits, word_value
from digests.extract.phrases import FILLERS, Phrase, find_phrases

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
    }
    | BREAKDOWN_MARKERS
)
PREPOSITIONS = frozenset(
    {"in", "at", "on", "near", "around", "inside", "outside", "across", "from", "outskirts"}
)
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
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
# Words a subject may carry before its verb: "73 civilians, mostly women and children, were".
ARTICLES = frozenset({"a", "an", "another"})
CONDITION_WORDS = frozenset(
    {"seriously", "critically", "severely", "badly", "gravely", "lightly", "slightly"}
)
# Kind words that, joined by "or", leave the kind open ("killed or injured").
MIXED = frozenset(
    {"killed", "injured", "wounded", "killing", "injuring", "wounding", "dead", "hurt", "maimed"}
)
SUBJECT_TAIL = frozenset(
    {"mostly", "most", "including", "and", "many", "of", "them", "all", "among"}
)
STALE_WORDS = frozenset(
    {"earlier", "previous", "initial", "preliminary", "early", "first", "prior", "previously"}
)
REPORT_NOUNS = frozenset(
    {"toll", "count", "tally", "figure", "figures", "report", "reports", "estimate", "estimates"}
)
REPORT_VERBS = frozenset({"reported", "given", "said", "put", "counted", "announced", "spoke"})
_STALE_REACH = 12
CLAUSE_BREAKS = frozenset(
    {",", "after", "saying", "when", "while", "as", "but", "before", "since", "because"}
)
# Kinds a headline may pair: "Child killed, 9 civilians injured" - the nearer word wins.
OPPOSITES = frozenset({"killed", "injured"})
RELATIVE_WORDS = frozenset({"whom", "who", "which", "whose"})
HYPOTHETICAL_CUES = frozenset({"warned", "warns", "warning", "risk", "threatens", "threaten"})
NEGATIONS = frozenset({"no", "not", "none", "nobody", "never", "without"})
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
POST_WORDS = frozenset(phrase[0] for phrase in POST)
CONJUNCTION_GLUE = frozenset({",", "and", "as", "well", "plus"})
_MAX_TOLL_WINDOW = 45
_MAX_POST_STEPS = 12  # words between a count and its verb ("have so far been killed")
_MAX_GAP = 16


@dataclass(slots=True)
class SentenceFigures:
    """The figure phrases of one sentence, and what the next sentence may refer back to."""

    tokens: list[Token]
    phrases: list[Phrase]


def _post_kind(lows: list[str], j: int) -> tuple[str | None, bool, int]:
    """The kind named after a phrase ending at ``j`` ("were killed"), whether a modal
    ("could", "may") makes it a guess, and the token after the kind's words. Appositives
    and parentheses are skipped."""
    for start in _post_starts(lows, j):
        kind, guess, end = _post_from(lows, start)
        if kind is not None:
            return kind, guess, end if start == j else j
    return None, False, j


def _post_starts(lows: list[str], j: int) -> list[int]:
    starts = [j]
    n = len(lows)
    if j < n and lows[j] in (",", "(", "-", "–", "—"):
        closer = {",": ",", "(": ")", "-": "-", "–": "–", "—": "—"}[lows[j]]
        k = j + 1
        while k < n and k - j <= 16 and lows[k] != closer and lows[k] not in (";", "."):
            k += 1
        if k < n and lows[k] == closer:
            starts.append(k + 1)
    return starts


def _subject_word(low: str) -> bool:
    """A word that may end a subject before its verb: "women and children", "many"."""
    return (low in GROUP_NOUNS and low not in HEAD_KINDS) or low in SUBJECT_TAIL


def _post_from(lows: list[str], j: int) -> tuple[str | None, bool, int]:
    n = len(lows)
    in_tail = False  # after "including": counts of the breakdown may stand in the way
    guess = False
    steps = 0
    while j < n and steps < _MAX_POST_STEPS:
        found = match_at(lows, j, POST)
        if found is not None:
            kind, length = found
            nxt = lows[j + length] if j + length < n else ""
            if (
                kind == "displaced"
                and lows[j] in ("left", "have", "had", "may")
                and nxt in HEAD_KINDS
            ):
                kind, length = HEAD_KINDS[nxt], length + 1
            if nxt in ("or", "and/or") and j + length + 1 < n and lows[j + length + 1] in MIXED:
                return None, False, j  # "killed or injured": no single kind
            return kind, guess, j + length
        low = lows[j]
        if low in PREPOSITIONS and steps == 0:
            # "A technician at the water station in Aleppo was killed"
            k = _skip_words(lows, j + 1, 5)
            if k < n and lows[k] in PREPOSITIONS:
                k = _skip_words(lows, k + 1, 4)
            if k < n and lows[k] in ("was", "were", "had", "have", "has"):
                j, steps = k, steps + 1
                continue
            return None, False, j
        if low in MODALS:
            guess = not (j + 1 < n and lows[j + 1] == "have")
        elif low in ("including", "among"):
            in_tail = True
        elif low == "(":
            close = j + 1
            while close < n and close - j < 10 and lows[close] != ")":
                close += 1
            if close >= n or lows[close] != ")":
                return None, False, j
            j, steps = close + 1, steps + 1  # "(5-8 years)", "(White Helmets)"
            continue
        elif in_tail and (low[0].isdigit() or low in UNITS or low in TENS or low in ARTICLES):
            # "600 Syrians including 136 children have been killed": skip the breakdown
            j += 1
            while j < n and (lows[j] in GROUP_NOUNS or lows[j] in MODIFIERS):
                j += 1
            steps += 1
            continue
        elif low == "and" and not (j + 1 < n and _subject_word(lows[j + 1])):
            return None, False, j  # "and injured 400": a new verb, not the subject's tail
        elif low in NEGATIONS or (
            low not in AUXILIARIES
            and not low.endswith("ly")
            and low not in SUBJECT_TAIL
            and not _subject_word(low)
        ):
            return None, False, j
        j += 1
        steps += 1
    return None, False, j


def _skip_words(lows: list[str], k: int, limit: int) -> int:
    start = k
    while k < len(lows) and k - start < limit:
        low = lows[k]
        if low in PP_STOPS or low in PREPOSITIONS or low in POST_WORDS or low[0].isdigit():
            break
        k += 1
    return k


def _pre_kind(lows: list[str], phrase: Phrase) -> tuple[str | None, bool]:
    """The kind named before a phrase ("killing at least 12"), and whether it is a guess."""
    end = phrase.first
    while end > 0 and lows[end - 1] in QUOTES:
        end -= 1
    for filler in FILLERS:
        length = len(filler)
        if end - length >= 0 and tuple(lows[end - length : end]) == filler:
            end -= length
            break
    found = match_ending(lows, end, PRE)
    if found is None:
        return None, False
    before = end - len(found)
    if before >= 2 and lows[before - 1] == "or" and lows[before - 2] in MIXED:
        return None, False  # "killing or injuring 50"
    if found in PRE_NEEDS_GROUP and phrase.group is None:
        return None, False
    if "lives" in found and {"saved", "saving", "save"} & set(lows[max(0, before - 2) : before]):
        return None, True  # "saved the lives of 100 people": survivors, not a toll
    start = end - len(found)
    window = lows[max(0, start - 3) : start]
    guess = any(w in MODALS for w in window) and "have" not in window
    return PRE[found], guess


def _gap_is_glue(
    lows: list[str], start: int, end: int, allow_semicolon: bool, caps: list[bool]
) -> bool:
    """True when the tokens between two phrases only join list items."""
    if end - start > _MAX_GAP:
        return False
    k = start
    while k < end:
        low = lows[k]
        if low in PREPOSITIONS:
            k = _skip_prepositional(lows, caps, k + 1, end)
            continue
        if low == ";" and allow_semicolon:
            k += 1
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
        if low not in LIST_GLUE:
            return False
        k += 1
    return True


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


@dataclass(slots=True)
class _Toll:
    index: int
    kind: str
    group: str | None
    anaphoric: bool  # "the number", "the figure": the kind comes from earlier sentences


def _tolls(lows: list[str]) -> list[_Toll]:
    """Toll nouns of a sentence: "death toll", "the dead at", "number of victims", "figure"."""
    tolls: list[_Toll] = []
    n = len(lows)
    for i, low in enumerate(lows):
        prev = lows[i - 1] if i else ""
        nxt = lows[i + 1] if i + 1 < n else ""
        if nxt == ":" and low in HEAD_KINDS and low != "dead":
            tolls.append(_Toll(i, HEAD_KINDS[low], None, anaphoric=False))  # "Deaths: 45"
        elif low == "displacement" and nxt != "of":
            tolls.append(_Toll(i, "displaced", None, anaphoric=False))
        elif low in ("toll", "tally"):
            if prev in ("injury", "injuries", "casualty"):
                continue
            group = MODIFIER_GROUPS.get(prev) or MODIFIER_GROUPS.get(lows[i - 2] if i > 1 else "")
            tolls.append(_Toll(i, TOLL_NOUNS[low], group, anaphoric=False))
        elif low == "dead" and prev == "the" and nxt in TOLL_LINKS | {"numbered"}:
            if i > 1 and lows[i - 2] in ("among", "of"):
                continue
            tolls.append(_Toll(i, "killed", None, anaphoric=False))
        elif low in NUMBER_NOUNS or low == "breakdown":
            if nxt == "of":
                window = lows[i + 2 : i + 9]
                kind = next((HEAD_KINDS[w] for w in window if w in HEAD_KINDS), None)
                if kind is None:
                    kind = next((POST[(w,)] for w in window if (w,) in POST), None)
                if kind is None and any(w in ("victims", "martyrs") for w in window):
                    kind = "killed"
                if kind is None:
                    continue
                group = next(
                    (GROUP_NOUNS[w] for w in window if w in GROUP_NOUNS and w not in HEAD_KINDS),
                    None,
                )
                if group == "people":
                    group = None
                tolls.append(_Toll(i, kind, group, anaphoric=False))
            elif nxt in ("death", "casualty", "civilian") or nxt in TOLL_NOUNS:
                continue  # "the total death toll": the toll noun names the kind
            elif prev in ("the", "its", "their", "this", "that", "civilian", "real") or (
                low == "breakdown"
            ):
                group = MODIFIER_GROUPS.get(prev)
                tolls.append(_Toll(i, "", group, anaphoric=True))
    return tolls


def _attach_tolls(
    lows: list[str], phrases: list[Phrase], previous_kind: str | None, tolls: list[_Toll]
) -> None:
    for toll in tolls:
        kind = toll.kind or previous_kind
        if not kind:
            continue
        linked = False
        guess = False
        for k in range(toll.index + 1, min(len(lows), toll.index + _MAX_TOLL_WINDOW)):
            low = lows[k]
            if low in (";", "."):
                break
            if low in TOLL_LINKS:
                linked = True
            if low in MODALS:
                guess = True
            target = next((p for p in phrases if p.first == k), None)
            if target is None:
                continue
            if not linked:
                break
            if target.kind is not None or target.population or target.amount.from_article:
                break
            if k > 0 and lows[k - 1] == "from" and _followed_by_update(lows, phrases, target):
                target.blocked = True  # "rose from 12 to 19": 12 is superseded
                continue
            target.kind = kind
            target.from_previous = toll.anaphoric
            target.blocked = target.blocked or guess
            if toll.group and target.group in (None, "people"):
                target.group = toll.group if target.group is None else target.group
                target.toll_group = toll.group
            break
        if toll.group:
            for phrase in phrases:
                if phrase.first > toll.index and phrase.group is None:
                    phrase.toll_group = toll.group


def _followed_by_update(lows: list[str], phrases: list[Phrase], phrase: Phrase) -> bool:
    end = phrase.end
    return end < len(lows) and lows[end] == "to" and any(p.first == end + 1 for p in phrases)


_STOP = frozenset(
    [
        "in",
        "to",
        "of",
        "the",
        "their",
        "his",
        "her",
        "for",
        "have",
        "had",
        "has",
        "may",
        "from",
        "out",
        "among",
        "those",
        "at",
        "on",
        "is",
        "are",
        "was",
        "were",
        "a",
        "an",
    ]
)
# A sentence can only hold a figure if it has one of these words (or refers back to one).
KEYWORDS = (
    frozenset(w for phrase in (*POST, *PRE) for w in phrase if w not in _STOP)
    | frozenset(HEAD_KINDS)
    | frozenset(TOLL_NOUNS)
    | NUMBER_NOUNS
    | {"them", "whom", "breakdown", "displacement", "among", "victims", "martyrs"}
)
_WORDS = re.compile(r"[a-z]+")


def may_hold_figures(sentence: str) -> bool:
    """A cheap test: False when no word of the sentence could tie an amount to a kind."""
    return not KEYWORDS.isdisjoint(_WORDS.findall(sentence.lower()))


def read_sentence(
    tokens: list[Token],
    previous: Phrase | None,
    previous_kind: str | None,
    known_kinds: Mapping[int, str] | None = None,
) -> list[Phrase]:
    """The figure phrases of one sentence.

    ``previous`` is the last figure of the sentences before (what "three of them" or "the
    figure" refers to when nothing in this sentence does), ``previous_kind`` its kind;
    ``known_kinds`` the kind of each count already read ("three children were among the 15").
    """
    phrases = find_phrases(tokens)
    if not phrases:
        return []
    lows = [t.low for t in tokens]
    caps = [t.is_capitalized for t in tokens]
    guess_sentence = any(w in HYPOTHETICAL_CUES for w in lows)

    # 1. the phrase's own words
    for phrase in phrases:
        pre, pre_guess = _pre_kind(lows, phrase)
        post, post_guess, post_end = _post_kind(lows, phrase.end)
        if phrase.definite and post_end != phrase.end + 1:
            post = None  # "the wives of the five fighters were among the dead"
        phrase.post_end = phrase.end
        # a capitalised kind word right after the count: a headline ("Killed 9 Civilians
        # Injured"), where the word after the count names its kind
        direct_post = (
            post is not None
            and post_end == phrase.end + 1
            and tokens[phrase.end].is_capitalized
            and pre in OPPOSITES
        )
        head_overrides = (
            pre in OPPOSITES and phrase.head_kind in OPPOSITES and phrase.head_kind != pre
        )  # "6 killed 22 injured": the word right after the count wins
        if pre is None and pre_guess:
            phrase.blocked = True
        elif pre is not None and not (direct_post and post != pre and post in OPPOSITES):
            phrase.kind, phrase.blocked = pre, pre_guess
            if head_overrides:
                phrase.kind = phrase.head_kind
        elif phrase.head_kind not in (None, "displaced") and not direct_post:
            phrase.kind = phrase.head_kind  # "220,000 dead and displaced 12 million"
        elif post is not None:
            phrase.kind, phrase.blocked, phrase.post_end = post, post_guess, post_end
        elif phrase.head_kind is not None:
            phrase.kind = phrase.head_kind
        if phrase.kind is None and known_kinds:
            phrase.kind = _among_known(lows, phrase.end, known_kinds)
        phrase.own_kind = phrase.kind is not None
        if phrase.end < len(lows) and lows[phrase.end] in RETURN_WORDS:
            phrase.blocked = True
        if _returning(lows, phrase.end):
            phrase.blocked = True

    # "68 children were among the 126 people killed": the part takes the whole's kind
    for phrase in phrases:
        if phrase.kind is None:
            whole = _among_phrase(lows, phrase.end, phrases)
            if whole is not None and whole.kind is not None:
                phrase.kind, phrase.parent, phrase.own_kind = whole.kind, whole, True

    # "three women, one of whom is pregnant": a partitive that counts nobody
    phrases = [p for p in phrases if not _counts_nobody(lows, p)]

    for cue_end in _stale_cues(lows):
        _mark_stale(lows, phrases, cue_end)

    # 2. tolls and "the figure stood at ..."
    _attach_tolls(lows, phrases, previous_kind, _tolls(lows))

    # 3. partitives, lists and breakdowns, left to right then right to left
    for _ in range(3):
        changed = False
        for idx, phrase in enumerate(phrases):
            before = phrases[idx - 1] if idx else None
            changed |= _link_left(lows, caps, phrase, before, previous)
        for idx in range(len(phrases) - 2, -1, -1):
            changed |= _link_right(lows, phrases[idx], phrases[idx + 1])
        if not changed:
            break
    _colon_lists(lows, phrases)
    _breakdown_after_marker(lows, caps, phrases)

    for phrase in phrases:
        if phrase.parent is not None and phrase.parent.stale:
            phrase.stale = True  # a breakdown of an earlier toll is as old as the toll
    out: list[Phrase] = []
    for phrase in phrases:
        if phrase.kind is None or phrase.blocked or phrase.population:
            continue
        if guess_sentence and _guess_near(lows, phrase):
            continue
        out.append(phrase)
    return out


def _among_phrase(lows: list[str], j: int, phrases: list[Phrase]) -> Phrase | None:
    while j < len(lows) and lows[j] in AUXILIARIES:
        j += 1
    if j >= len(lows) or lows[j] != "among":
        return None
    start = j + 2 if lows[j + 1 : j + 2] == ["the"] else j + 1
    return next((p for p in phrases if p.first == start), None)


def _among_known(lows: list[str], j: int, known_kinds: Mapping[int, str]) -> str | None:
    """The kind of "among the 15" when 15 is a count already read."""
    while j < len(lows) and lows[j] in AUXILIARIES:
        j += 1
    if lows[j : j + 2] != ["among", "the"] or j + 2 >= len(lows):
        return None
    value = parse_digits(lows[j + 2]) if lows[j + 2][0].isdigit() else word_value(lows[j + 2])
    return known_kinds.get(int(value)) if value is not None else None


def _stale_cues(lows: list[str]) -> list[int]:
    """Where "an earlier toll", "the first reports", "had earlier reported" end."""
    ends: list[int] = []
    for i, low in enumerate(lows):
        if low in STALE_WORDS:
            for k in range(i + 1, min(len(lows), i + 4)):
                if lows[k] in REPORT_NOUNS:
                    ends.append(k + 1)
                    break
            if i + 1 < len(lows) and lows[i + 1] in REPORT_VERBS and low in ("earlier", "first"):
                ends.append(i + 2)  # "had earlier reported", "earlier put the toll at"
    return ends


def _mark_stale(lows: list[str], phrases: list[Phrase], cue_end: int) -> None:
    """Mark the counts of one stale report: up to the end of its clause."""
    starts = {p.first: p for p in phrases}
    marked = False
    for k in range(cue_end, min(len(lows), cue_end + _STALE_REACH)):
        if lows[k] in (";", ".") or (lows[k] in CLAUSE_BREAKS and (marked or lows[k] != ",")):
            return
        phrase = starts.get(k)
        if phrase is not None:
            phrase.stale = marked = True


def _counts_nobody(lows: list[str], phrase: Phrase) -> bool:
    """A part that adds no figure: "one of whom is pregnant", "19 of them seriously",
    "30 of the wounded were in surgery" (a subset by condition, not by who they are)."""
    if phrase.partitive is None or phrase.group is not None:
        return False
    if phrase.partitive == "noun":
        return True
    after = lows[phrase.end : phrase.end + 4]
    if after[:1] and after[0] in CONDITION_WORDS:
        return True
    if after[:1] == ["in"] and any(w in ("condition", "critical", "serious") for w in after):
        return True
    if phrase.own_kind:
        return False
    return after[:1] != [] and after[0] in ("is", "was", "are", "were", "being")


def _returning(lows: list[str], end: int) -> bool:
    window = lows[end : end + 5]
    return ("back" in window and any(w in ("went", "gone", "go", "going") for w in window)) or any(
        w in RETURN_WORDS for w in window[:3]
    )


def _guess_near(lows: list[str], phrase: Phrase) -> bool:
    """A warning ("warned that ... could uproot 800,000") close before the phrase."""
    window = lows[max(0, phrase.first - 12) : phrase.first]
    return any(w in HYPOTHETICAL_CUES for w in window) and any(w in MODALS for w in window)


def _link_left(
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
    if phrase.kind is None and _own_predicate(lows, phrase.end):
        return False  # "five died and eight others experienced breathing difficulties"
    gap_start = max(before.end, before.post_end)
    if lows[gap_start : phrase.first] in (["among"], ["among", "the"]):
        return False  # "2 medics among 31 dead": the later phrase is the total
    if caps[phrase.first] and lows[phrase.first - 1] not in LIST_GLUE:
        return False  # a capitalised count after a run-on: a new sentence, not a list item
    if _gap_is_glue(lows, gap_start, phrase.first, False, caps):
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


def _own_predicate(lows: list[str], end: int) -> bool:
    """True when an unknown word (a verb of its own) follows a phrase."""
    if end >= len(lows):
        return False
    low = lows[end]
    return (
        low.isalpha()
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


def _link_right(lows: list[str], phrase: Phrase, after: Phrase) -> bool:
    """ "a man, a woman and two children were killed": the list takes the last item's kind."""
    if phrase.kind is not None or after.kind is None or phrase.group is None:
        return False
    if phrase.end > after.first:
        return False
    if not all(w in CONJUNCTION_GLUE for w in lows[phrase.end : after.first]):
        return False
    phrase.kind = after.kind
    phrase.blocked = after.blocked
    phrase.sibling = phrase.sibling or after.parent
    return True


def _colon_lists(lows: list[str], phrases: list[Phrase]) -> None:
    """ "242 dead: 218 fighters and 24 civilians" - every item after the colon."""
    for colon, low in enumerate(lows):
        if low != ":":
            continue
        head = next((p for p in reversed(phrases) if p.end <= colon and p.kind), None)
        if head is None:
            # "Its breakdown is stark: 336 fighters ...": the first item leads the list
            head = next((p for p in phrases if p.first > colon and p.kind), None)
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


def _breakdown_after_marker(lows: list[str], caps: list[bool], phrases: list[Phrase]) -> None:
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
                    lows, phrases[phrases.index(later) - 1].end, later.first, False, caps
                ):
                    later.kind, later.sibling = head.kind, phrases[phrases.index(later) - 1]
                else:
                    break
