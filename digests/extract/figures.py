"""Tie each counted phrase of a sentence to a kind: its own words, a toll, or its list.

``read_sentence`` is the figure reader for one sentence. It returns the phrases that are
figures (with kind, group and the total they break down); article-level steps (scope,
date, source, place, duplicates) happen in ``digests.extract.extractor``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

from digests.extract.exclusions import excluded
from digests.extract.groups import ARMED_CUES, GROUP_NOUNS, MODIFIERS
from digests.extract.heads import left_with_injuries, read_head
from digests.extract.kinds import (
    AUXILIARIES,
    FLIGHT_WORDS,
    HEAD_KINDS,
    MODALS,
    NUMBER_NOUNS,
    POST,
    PRE,
    PRE_NEEDS_FLIGHT,
    PRE_NEEDS_GROUP,
    RETURN_WORDS,
    TOLL_NOUNS,
    match_at,
    match_ending,
)
from digests.extract.links import (
    ARTICLES,
    BREAKDOWN_PAIRS,
    POST_WORDS,
    PP_STOPS,
    PREPOSITIONS,
    breakdown_after_marker,
    colon_lists,
    link_left,
    link_right,
)
from digests.extract.numbers import (
    TENS,
    UNITS,
    Amount,
    Token,
    parse_digits,
    read_amount,
    word_value,
)
from digests.extract.phrases import FILLERS, Phrase, find_phrases
from digests.extract.qualifiers import read_qualifier
from digests.extract.tolls import THE_COUNTED, attach_tolls, find_tolls, mark_stale, stale_cues

# Quote marks a trigger may stand behind: killing "a woman and her son".
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


# How badly people were hurt: a part by condition is not a new figure.
CONDITION_WORDS = frozenset(
    {"seriously", "critically", "severely", "badly", "gravely", "lightly", "slightly"}
)


# Kind words that, joined by "or", leave the kind open ("killed or injured").
MIXED = frozenset(
    {"killed", "injured", "wounded", "killing", "injuring", "wounding", "dead", "hurt", "maimed"}
)


# Words a subject may carry before its verb: "73 civilians, mostly women and children, were".
SUBJECT_TAIL = frozenset(
    {"mostly", "most", "including", "and", "many", "of", "them", "all", "among"}
)


# Words of an age range after "aged": "aged 4, 7 and 9", "aged between 5 and 12 years".
AGE_WORDS = frozenset({",", "and", "to", "-", "between", "years", "old", "months"}) | frozenset(
    UNITS
)
# Kinds a headline may pair: "Child killed, 9 civilians injured" - the nearer word wins.
OPPOSITES = frozenset({"killed", "injured"})


# Words of a warning: with a modal nearby, the count is a fear, not a report.
_LIVES_SPARED = frozenset(
    {
        "saved",
        "saving",
        "save",
        "threaten",
        "threatens",
        "threatened",
        "threatening",
        "endanger",
        "endangers",
        "endangering",
        "risk",
        "risking",
        "risks",
    }
)
HYPOTHETICAL_CUES = frozenset({"warned", "warns", "warning", "risk", "threatens", "threaten"})
# Words of a definition: its numbers say what a word means, not what happened.
_DEFINITION = frozenset({"defines", "define", "defined"})


# Words that stop the search for a count's verb ("were not hurt").
NEGATIONS = frozenset({"no", "not", "none", "nobody", "never", "without"})


# Words of a vague part inside a subject's breakdown ("including a number of children").
_VAGUE_TAIL = frozenset({"number", "some", "several", "many", "dozens", "scores", "hundreds"})
_MAX_RELATIVE = 10  # words of a relative clause between a count and its verb
_CLAUSE_VERBS = frozenset({"was", "were", "had", "have", "has"})
_MAX_POST_STEPS = 12  # words between a count and its verb ("have so far been killed")


def _post_kind(lows: list[str], j: int) -> tuple[str | None, bool, int]:
    """The kind named after a phrase ending at ``j`` ("were killed"), whether a modal
    ("could", "may") makes it a guess, and the token after the kind's words. Appositives
    and parentheses are skipped."""
    for start in _post_starts(lows, j):
        kind, guess, end = _post_from(lows, start)
        if kind is not None and _new_count_between(lows, start, end):
            return None, False, j  # "among them four children, and 61 injured": 61's verb
        if kind is not None:
            return kind, guess, end if start == j else j
    return None, False, j


def _new_count_between(lows: list[str], start: int, end: int) -> bool:
    """Whether ", and <count>" stands between a phrase and the verb found for it."""
    return any(
        lows[k] == ","
        and lows[k + 1] == "and"
        and (lows[k + 2][0].isdigit() or lows[k + 2] in UNITS)
        for k in range(start, min(end, len(lows)) - 2)
    )


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


# Words that attach a description to a head noun before its verb: "four staff of the Union
# of Medical Relief Organisations were killed", "a volunteer with a local NGO was injured",
# "a driver for the Red Crescent was killed".
_ATTACHING = frozenset({"of", "with", "for"})
_WOUNDS = frozenset({"wounds", "injuries", "burns", "fractures", "shrapnel"})
_LEFT_WITHOUT = frozenset({"with", "without", "behind", "stranded", "trapped", "in"})


def _post_from(lows: list[str], j: int) -> tuple[str | None, bool, int]:
    n = len(lows)
    in_tail = False  # after "including": counts of the breakdown may stand in the way
    guess = False
    steps = 0
    while j < n and steps < _MAX_POST_STEPS:
        found = match_at(lows, j, POST)
        if found is not None and lows[j] in _ACTIVE_CARE and not _passive(lows, j):
            return None, False, j  # "a medic who later treated others": the carer, not a patient
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
            if kind == "displaced" and lows[j + length - 1] == "left" and nxt in _LEFT_WITHOUT:
                return None, False, j  # "left with little or no electricity": not uprooted
            if kind == "displaced" and _WOUNDS & set(lows[j + length : j + length + 4]):
                return "injured", guess, j + length  # "seven children arrived with gunshot wounds"
            if kind == "displaced" and lows[j] in _STATES and "who" in lows[max(0, j - 3) : j]:
                return None, False, j  # "daughters ... who were sheltering on the ground floor"
            if kind == "injured" and "dead" in lows[j + length : j + length + 2]:
                return "killed", guess, j + length  # "brought to the hospital already dead"
            return kind, guess, j + length
        low = lows[j]
        if low == "," and j + 1 < n and lows[j + 1] == "whose" and steps == 0:
            j, steps = j + 1, steps + 1  # "Two persons, whose bodies were found by the road"
            continue
        if low == "of" and steps == 0 and lows[j + 2 : j + 3] in (["years"], ["year"]):
            # "a woman of 71 years old was killed": her age
            j = j + 4 if lows[j + 3 : j + 4] == ["old"] else j + 3
            steps += 1
            continue
        if (low in PREPOSITIONS or low in _ATTACHING) and steps == 0:
            # "A technician at the water station in Aleppo was killed", "Four staff of the
            # Union of Medical Relief Organisations were killed"
            k = _skip_words(lows, j + 1, 7 if low in _ATTACHING else 5)
            if k < n and lows[k] in PREPOSITIONS:
                k = _skip_words(lows, k + 1, 4)
            if k < n and lows[k] == "and":
                k = _skip_words(lows, k + 1, 4)  # "from the towns of Fuaa and Kafraya were"
            k = _skip_aside(lows, k)  # "... Civil Defence - better known as ... - have been"
            if k + 1 < n and lows[k] == "," and lows[k + 1] in ("was", "were"):
                k += 1  # "Ahmad, 29, a volunteer at our centre in Darat Izza, was killed"
            if k < n and lows[k] in ("was", "were", "had", "have", "has", "are", "is"):
                j, steps = k, steps + 1  # "2.8 million people in north-west Syria are ..."
                continue
            if k < n and low in _ATTACHING and match_at(lows, k, POST) is not None:
                j, steps = k, steps + 1  # "3,000 residents of the village and ... fled"
                continue
            return None, False, j
        if low in ("who", "that") and steps == 0 and match_at(lows, j + 1, POST) is None:
            # "20 fighters who guarded the buses were killed": skip the relative clause
            k = j + 2 if lows[j + 1 : j + 2] and lows[j + 1] in _CLAUSE_VERBS else j + 1
            while k < n and k - j <= _MAX_RELATIVE and lows[k] not in _CLAUSE_VERBS:
                if lows[k] in (",", ";", ".", "and") or lows[k][0].isdigit():
                    break
                k += 1
            if 1 < k - j <= _MAX_RELATIVE and k < n and lows[k] in _CLAUSE_VERBS:
                j, steps = k, steps + 1
                continue
        if low in MODALS:
            guess = not (j + 1 < n and lows[j + 1] == "have")
        elif low in ("including", "among"):
            in_tail = True
        elif (
            low.endswith("ed")
            and lows[j + 1 : j + 2] == ["and"]
            and match_at(lows, j + 2, POST) is not None
        ):
            j, steps = j + 2, steps + 1  # "had been ambushed and killed"
            continue
        elif low == "aged":
            # "three children aged 4, 7 and 9 were killed"
            j += 1
            while j < n and (lows[j][0].isdigit() or lows[j] in AGE_WORDS):
                j += 1
            steps += 1
            continue
        elif low == "(":
            close = j + 1
            while close < n and close - j < 10 and lows[close] != ")":
                close += 1
            if close >= n or lows[close] != ")":
                return None, False, j
            j, steps = close + 1, steps + 1  # "(5-8 years)", "(White Helmets)"
            continue
        elif in_tail and low in _VAGUE_TAIL:
            j, steps = j + 1, steps + 1  # "including a number of children were killed"
            continue
        elif in_tail and (low[0].isdigit() or low in UNITS or low in TENS or low in ARTICLES):
            # "600 Syrians including 136 children have been killed": skip the breakdown
            j += 1
            while j < n and (lows[j] in GROUP_NOUNS or lows[j] in MODIFIERS):
                j += 1
            steps += 1
            continue
        elif (
            low == "and"
            and j + 2 < n
            and lows[j + 1].isalpha()
            and lows[j + 2] in GROUP_NOUNS
            and lows[j + 2] not in HEAD_KINDS
        ):
            j, steps = j + 3, steps + 1  # "27 fighters and prison guards had been killed"
            continue
        elif low == "and" and not (
            j + 1 < n
            and (
                _subject_word(lows[j + 1])
                or (in_tail and (lows[j + 1][0].isdigit() or lows[j + 1] in UNITS))
            )
        ):
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


_ASIDE_CLOSERS = {"-": "-", "–": "–", "—": "—", "(": ")", ",": ","}
_MAX_ASIDE = 12


def _skip_aside(lows: list[str], k: int) -> int:
    """The token after an aside between dashes, brackets or commas that starts at ``k``."""
    if k >= len(lows) or lows[k] not in _ASIDE_CLOSERS:
        return k
    closer = _ASIDE_CLOSERS[lows[k]]
    end = k + 1
    while end < len(lows) and end - k <= _MAX_ASIDE and lows[end] not in (closer, ";", "."):
        end += 1
    return end + 1 if end < len(lows) and lows[end] == closer else k


def _skip_words(lows: list[str], k: int, limit: int) -> int:
    start = k
    while k < len(lows) and k - start < limit:
        low = lows[k]
        if low == "(" and (after := _skip_aside(lows, k)) > k:
            start, k = start + after - k, after  # "Hayat Tahrir al-Sham (HTS)": the name's aside
            continue
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
        return _the_counted_before(lows, end), False
    before = end - len(found)
    if before >= 2 and lows[before - 1] == "or" and lows[before - 2] in MIXED:
        return None, False  # "killing or injuring 50"
    if found in PRE_NEEDS_GROUP and phrase.group is None:
        return None, False
    if found in PRE_NEEDS_FLIGHT and not _flight_follows(lows, phrase.end):
        return None, False
    if "lives" in found and _LIVES_SPARED & set(lows[max(0, before - 2) : before]):
        # "saved the lives of 100 people": survivors; "threaten the lives of 4 million":
        # people at risk. Neither is a toll.
        return None, True
    start = end - len(found)
    window = lows[max(0, start - 3) : start]
    guess = any(w in MODALS for w in window) and "have" not in window
    return PRE[found], guess


def _the_counted_before(lows: list[str], end: int) -> str | None:
    """ "The dead in May included six children", "the newly displaced, around 11,000
    families,": a count after the people its kind names, with a few words between."""
    if end < 2 or (lows[end - 1] not in _INCLUDED and lows[end - 1] != ","):
        return None
    for k in range(end - 2, max(0, end - _COUNTED_REACH) - 1, -1):
        if (
            lows[k] in ("killed", "wounded", "injured")
            and k >= 3
            and lows[k - 2] == "the"
            and lows[k - 3] == "among"
            and lows[k - 1] in GROUP_NOUNS
        ):
            return HEAD_KINDS[lows[k]]  # "Among the civilians killed were a woman and ..."
        if lows[k] in _THE_COUNTED_WORDS and k >= 1 and lows[k - 1] in ("the", "newly"):
            of = k - 2 if lows[k - 1] == "the" else k - 3
            if (
                of >= 1
                and lows[of] == "of"
                and (lows[of - 1] in UNITS or lows[of - 1][0].isdigit())
            ):
                return None  # "one of the injured, a young man, died": not a count of them
            between = lows[k + 1 : end - 1]
            if lows[end - 1] == "," and between:
                return None  # "the dead were buried, 12 of them ...": no apposition
            if "," in between or any(w in HEAD_KINDS or w[0].isdigit() for w in between):
                return None
            return _THE_COUNTED_WORDS[lows[k]]
    return None


_INCLUDED = frozenset({"included", "include", "includes", "were", "are"})
_COUNTED_REACH = 6  # tokens from "the dead" to the count it names
# The people a kind names after "the": "the dead", "the victims", "the newly displaced".
_THE_COUNTED_WORDS = {
    **THE_COUNTED,
    "victims": "killed",
    "martyrs": "killed",
    "displaced": "displaced",
}


def _flight_follows(lows: list[str], end: int) -> bool:
    """ "forced 250 families to leave", "forcing 3,500 people from their homes"."""
    after = lows[end : end + 2]
    if after[:1] in (["from"], ["out"]) or (after and after[0] in FLIGHT_WORDS):
        return True  # "forcing 3,500 people from their homes", "helped 40 families leave"
    return len(after) == 2 and after[0] == "to" and after[1] in FLIGHT_WORDS


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
_BACK_SUBJECTS = frozenset({"they", "these", "those"})
KEYWORDS = (
    frozenset(w for phrase in (*POST, *PRE) for w in phrase if w not in _STOP)
    | frozenset(HEAD_KINDS)
    | frozenset(TOLL_NOUNS)
    | NUMBER_NOUNS
    | {"them", "whom", "breakdown", "displacement", "among", "victims", "martyrs"}
    | _BACK_SUBJECTS  # "They are 10 civilians and seven soldiers."
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
    list_frame: tuple[str, str | None] | None = None,
) -> list[Phrase]:
    """The figure phrases of one sentence.

    ``previous`` is the last figure of the sentences before (what "three of them" or "the
    figure" refers to when nothing in this sentence does), ``previous_kind`` its kind;
    ``known_kinds`` the kind of each count already read ("three children were among the 15");
    ``list_frame`` the kind (and group) a list's header gives its items ("NON-CIVILIANS: 232,
    distributed as follows:" then "- 91 members of the security forces.").
    """
    phrases = find_phrases(tokens)
    if not phrases:
        return []
    lows = [t.low for t in tokens]
    if not _DEFINITION.isdisjoint(lows) and "as" in lows:
        return []  # "SNHR defines a massacre as an incident in which five or more are killed"
    retracted_at = _retraction(lows)
    caps = [t.is_capitalized for t in tokens]
    guess_sentence = any(w in HYPOTHETICAL_CUES for w in lows)

    # 1. the phrase's own words
    for phrase in phrases:
        pre, pre_guess = _pre_kind(lows, phrase)
        post, post_guess, post_end = _post_kind(lows, phrase.end)
        if phrase.definite and post_end != phrase.end + 1 and not _of_a_family(lows, phrase):
            post = None  # "the wives of the five fighters were among the dead"
        phrase.post_end = phrase.end
        # a capitalised kind word right after the count: a headline ("Killed 9 Civilians
        # Injured"), where the word after the count names its kind
        direct_post = (
            post is not None
            and post_end == phrase.end + 1
            and pre in OPPOSITES
            and (tokens[phrase.end].is_capitalized or _bare_participle(lows, phrase))
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
        elif (
            phrase.head_kind not in (None, "displaced")
            and not direct_post
            and (phrase.partitive is None or post is None)
        ):
            phrase.kind = phrase.head_kind  # "220,000 dead and displaced 12 million"
        elif post == "displaced" and phrase.modifier_kind in ("injured", "killed"):
            phrase.kind = phrase.modifier_kind  # "two injured persons were evacuated": wounded
        elif post is not None:
            phrase.kind, phrase.blocked, phrase.post_end = post, post_guess, post_end
        elif phrase.head_kind is not None:
            phrase.kind = phrase.head_kind
        elif phrase.modifier_kind not in (None, "displaced"):
            phrase.kind = phrase.modifier_kind  # "30 injured people"
        if phrase.kind is None and known_kinds:
            phrase.kind = _among_known(lows, phrase.end, known_kinds)
        if phrase.kind is None and left_with_injuries(lows, phrase.end):
            phrase.kind = "injured"  # "two neighbours were pulled out with serious injuries"
        phrase.own_kind = phrase.kind is not None
        if phrase.end < len(lows) and lows[phrase.end] in RETURN_WORDS:
            phrase.blocked = True
        if _returning(lows, phrase.end):
            phrase.blocked = True

    _subject_refers_back(lows, phrases, previous)
    _remaining_victims(tokens, lows, phrases, previous)
    _restated_in_other_units(lows, phrases)
    if (
        list_frame is not None
        and phrases[0].kind is None
        and not phrases[0].population
        and "population" not in lows[: phrases[0].first]  # "- The population ... stands at"
    ):
        phrases[0].kind = list_frame[0]
        phrases[0].group = phrases[0].group or list_frame[1]

    # "5 dead and 20 casualties": casualties set apart from the dead are the injured; not
    # "668 casualties (273 killed and 395 injured)", the two added up
    if any(p.kind == "killed" for p in phrases):
        sums = {
            (k.value or 0) + (i.value or 0)
            for k in phrases
            if k.kind == "killed"
            for i in phrases
            if i.kind == "injured"
        }
        for phrase in phrases:
            casualties = lows[phrase.end - 1] in ("casualties", "casualty")
            if phrase.kind is None and casualties and phrase.value not in sums:
                phrase.kind = "injured"

    # "68 children were among the 126 people killed": the part takes the whole's kind
    for phrase in phrases:
        if phrase.kind is None:
            whole = _among_phrase(lows, phrase.end, phrases)
            if whole is not None and whole.kind is not None:
                phrase.kind, phrase.parent, phrase.own_kind = whole.kind, whole, True

    _sides(lows, phrases)
    _brought_to(lows, phrases)

    # "three women, one of whom is pregnant": a partitive that counts nobody
    phrases = [p for p in phrases if not _counts_nobody(lows, p)]

    for cue_end in stale_cues(lows):
        mark_stale(lows, phrases, cue_end)

    # 2. tolls and "the figure stood at ..."
    attach_tolls(lows, phrases, previous_kind, find_tolls(lows))
    _they_are_parts(lows, phrases)

    # 3. partitives, lists and breakdowns, left to right then right to left
    for _ in range(3):
        changed = False
        for idx, phrase in enumerate(phrases):
            before = phrases[idx - 1] if idx else None
            changed |= link_left(lows, caps, phrase, before, previous)
        for idx in range(len(phrases) - 2, -1, -1):
            changed |= link_right(lows, phrases[idx], phrases[idx + 1])
        if not changed:
            break
    colon_lists(lows, phrases)
    breakdown_after_marker(lows, caps, phrases)
    for phrase in phrases:
        if phrase.kind is None and phrase.modifier_kind is not None:
            phrase.kind = phrase.modifier_kind  # "350 displaced families": a last resort

    for phrase in phrases:
        if phrase.parent is not None and phrase.parent.stale:
            phrase.stale = True  # a breakdown of an earlier toll is as old as the toll
    _groups_from_antecedents(lows, phrases, previous)
    phrases = phrases + _family_totals(lows, phrases, known_kinds or {})
    _toll_with(lows, phrases)
    phrases = phrases + _shares_by_name(tokens, lows, phrases)
    phrases = phrases + _counts_after_names(tokens, lows, phrases)
    out: list[Phrase] = []
    for phrase in phrases:
        if phrase.kind is None or phrase.blocked:
            continue
        if retracted_at is not None and retracted_at < phrase.first < _clause_end(
            lows, retracted_at
        ):
            continue  # "AP erroneously reported that 17 people were killed": withdrawn
        if phrase.population and not hosts_uprooted(phrase):
            continue
        if _one_of_its_own_kind(phrase):
            continue  # "seven children, including a baby": the baby is one of the seven
        if phrase.kind == "displaced" and phrase.resolved_group() == "combatants":
            continue  # "200 fighters arrived in Idlib": troops move, they are not displaced
        if guess_sentence and _guess_near(lows, phrase):
            continue
        out.append(phrase)
    return out


def _retraction(lows: list[str]) -> int | None:
    """Where a correction says a count was wrong ("erroneously reported that"), if it does."""
    for k in range(len(lows) - 1):
        if (lows[k] in _IN_ERROR and lows[k + 1] in _TOLD) or lows[k] in _MISTOLD:
            return k
    return None


def _clause_end(lows: list[str], k: int) -> int:
    """The token where the clause holding token ``k`` ends (";" or the sentence's end)."""
    return next((e for e in range(k, len(lows)) if lows[e] in (";", ".")), len(lows))


_IN_ERROR = frozenset({"erroneously", "incorrectly", "wrongly", "mistakenly", "falsely"})
_TOLD = frozenset({"reported", "said", "stated", "gave", "put"})
_MISTOLD = frozenset({"misstated", "misreported", "overstated", "understated"})


def _one_of_its_own_kind(phrase: Phrase) -> bool:
    """A single named inside a total of its own group, which adds no count of its own."""
    parent = phrase.parent
    return (
        parent is not None
        and phrase.value == 1
        and phrase.amount.from_article
        and phrase.group not in (None, "people")
        and phrase.group == parent.resolved_group()
    )


def hosts_uprooted(phrase: Phrase) -> bool:
    """A population of the uprooted ("hosts 3.6 million Syrian refugees", "a district hosting
    600,000 IDPs"): how many are displaced there, a count over the years, unlike "home to 3
    million people"."""
    return phrase.population and "displaced" in (phrase.head_kind, phrase.modifier_kind)


# "They are 10 civilians ...", "The dead since Friday were six militants ...": a sentence
# whose subject is the dead (named, or the count before it) lists who they were.
_LISTING_VERBS = frozenset({"are", "were", "include", "included", "comprise", "comprised"})
_NAMED_VICTIMS = {
    ("the", "fatalities"): "killed",
    ("the", "deaths"): "killed",
    ("the", "martyrs"): "killed",
    ("the", "dead"): "killed",
    ("those", "killed"): "killed",
    ("the", "victims"): "killed",
    ("the", "wounded"): "injured",
    ("the", "injured"): "injured",
}
_SUBJECT_WORDS = 6  # "the dead since Friday" - words from the subject to its verb


def _subject_refers_back(lows: list[str], phrases: list[Phrase], previous: Phrase | None) -> None:
    first = phrases[0]
    if first.kind is not None or first.first < 2:
        return
    if lows[first.first - 1] not in _LISTING_VERBS and lows[:2] != ["of", lows[1]]:
        return
    if lows[:3] in (["of", "those", ","], ["of", "them", ","], ["of", "these", ","]):
        # "Of those, 219 were Islamic State fighters, 173 were Kurdish fighters ..."
        if previous is not None and previous.kind is not None and first.first == 3:
            first.kind, first.parent, first.from_previous = previous.kind, previous, True
        return
    verb = first.first - 1
    if verb == 1 and lows[0] in _BACK_SUBJECTS:
        if previous is not None and previous.kind is not None and first.group is not None:
            first.kind, first.parent, first.from_previous = previous.kind, previous, True
        return
    for start in range(max(0, verb - _SUBJECT_WORDS), verb - 1):
        kind = _NAMED_VICTIMS.get((lows[start], lows[start + 1]))
        named_at = start + 1
        if kind is None and lows[start] in ("the", "those") and start + 2 < verb:
            # "the remaining fatalities are", "the other victims were"
            kind = _NAMED_VICTIMS.get(("the", lows[start + 2]))
            named_at = start + 2
        between = lows[named_at + 1 : verb]
        if kind and not any(w in AUXILIARIES or w in HEAD_KINDS or w == "," for w in between):
            first.kind = kind
            return


def _of_a_family(lows: list[str], phrase: Phrase) -> bool:
    """ "all four of her brothers and sisters": the count introduces them, whoever's they are."""
    after = lows[phrase.amount.end : phrase.amount.end + 2]
    return len(after) == 2 and after[0] == "of" and after[1] in _POSSESSIVES


def _they_are_parts(lows: list[str], phrases: list[Phrase]) -> None:
    """ "has risen to 148, they are 141 civilians ... and seven members of regime forces":
    the counts after ", they are" break down the count before."""
    for before, phrase in itertools.pairwise(phrases):
        if phrase.kind is not None or before.kind is None or phrase.first < 3:
            continue
        verb, subject, comma = (
            lows[phrase.first - 1],
            lows[phrase.first - 2],
            lows[phrase.first - 3],
        )
        if verb in _LISTING_VERBS and subject in _BACK_SUBJECTS and comma == ",":
            phrase.kind, phrase.parent = before.kind, before


def _restated_in_other_units(lows: list[str], phrases: list[Phrase]) -> None:
    """ "78,000 people, or approximately 15,000 families, have been displaced": the same
    people counted again by household, of the same kind."""
    for before, phrase in itertools.pairwise(phrases):
        if phrase.kind is not None or before.kind is None or phrase.group != "families":
            continue
        if tuple(lows[before.end : phrase.first]) in _RESTATING:
            phrase.kind, phrase.sibling = before.kind, before


# Words between a count and the same count in households: "78,000 people, or 15,000 families",
# "11,000 people, equivalent to 1,900 families", "11,000 people (1,900 families)".
_RESTATING = frozenset(
    {(",", "or"), ("or",), (",", "equivalent", "to"), ("equivalent", "to"), ("(",), (",", "i.e.")}
)


def _remaining_victims(
    tokens: list[Token], lows: list[str], phrases: list[Phrase], previous: Phrase | None
) -> None:
    """ "The toll has risen to 221, including 127 civilians." then "the remaining 94 victims
    were pro-government fighters": the rest of the toll before, of the group they were."""
    if previous is None or previous.kind not in ("killed", "injured"):
        return
    for phrase in phrases:
        if phrase.kind is not None or phrase.first == 0 or lows[phrase.first - 1] not in _REST:
            continue
        if lows[phrase.end - 1] not in _VICTIM_NOUNS:
            continue
        phrase.kind, phrase.from_previous = previous.kind, True
        if phrase.end + 1 < len(lows) and lows[phrase.end] in ("were", "are"):
            named = read_head(tokens, lows, phrase.end + 1, singular=False)
            if named is not None and named.group is not None:
                phrase.group = named.group


_REST = frozenset({"remaining", "other", "rest"})
_VICTIM_NOUNS = frozenset({"victims", "people", "persons"})


# Groups that "others" after them continue: "13 civilians were killed and 30 others
# wounded"; not children or women ("two children killed, 27 others hurt").
_OTHERS_INHERIT = frozenset({"combatants", "civilians"})
# Nouns that stand for "more of the same people" ("ten others were wounded").
_OTHERS = frozenset({"others", "more"})


def _groups_from_antecedents(
    lows: list[str], phrases: list[Phrase], previous: Phrase | None
) -> None:
    """Who "others" and "of them" count when the phrase itself does not say: fighters
    before them stay fighters ("killed 14 soldiers ... ten others were wounded"), and "of
    them" counts the people last named ("gunmen attacked ..., killing 23 of them")."""
    for idx, phrase in enumerate(phrases):
        if phrase.group not in (None, "people") or phrase.parent is not None:
            continue
        if phrase.sibling is not None and phrase.resolved_group() != "people":
            continue
        counted = [p for p in phrases[:idx] if p.kind is not None]
        before = counted[-1] if counted else previous
        while before is not None and before.parent is not None and before.parent in phrases:
            before = before.parent  # "29 persons, among them 7 fighters, and 18 others"
        if lows[phrase.end - 1] in _OTHERS and phrase.end - phrase.amount.end == 1:
            if before is not None and before.resolved_group() in _OTHERS_INHERIT:
                phrase.group = before.resolved_group()
        elif phrase.partitive == "pronoun" and phrase.group is None:
            named = _last_named_group(lows, phrase.first)
            if named is not None:
                phrase.group = named
        elif (
            phrase.group is None
            and phrase.partitive is None
            and phrase.sibling is None
            and match_ending(lows, phrase.first, PRE) is None
            and _subject_group(lows) == "combatants"
        ):
            phrase.group = "combatants"  # "Soldiers came under fire; two were killed"


_SUBJECT_REACH = 4  # tokens from a sentence's start where its subject noun stands
# Subjects whose group depends on what follows ("members of the medical staff").
_VAGUE_SUBJECTS = frozenset({"members", "member", "personnel", "leaders", "leader", "police"})
# Fighters named as the ones who attack: the people counted after them are their victims.
_ATTACKERS = frozenset(
    {
        "gunmen", "gunman", "attackers", "attacker", "assailants", "assailant", "militants",
        "jihadists", "insurgents", "terrorists", "snipers", "extremists", "bombers",
    }
)  # fmt: skip


def _subject_group(lows: list[str]) -> str | None:
    """The group of a sentence's subject when it opens with a person noun ("Soldiers ...")."""
    for low in lows[:_SUBJECT_REACH]:
        if low in GROUP_NOUNS and low not in HEAD_KINDS:
            if low in _ATTACKERS or low in _VAGUE_SUBJECTS:
                return None
            return GROUP_NOUNS[low]
        if low[0].isdigit() or low in UNITS or low in TENS:
            return None
    return None


def _last_named_group(lows: list[str], end: int) -> str | None:
    """The group of the last plural person noun before ``end`` in the sentence."""
    for k in range(end - 1, -1, -1):
        low = lows[k]
        if low in GROUP_NOUNS and low not in HEAD_KINDS and low.endswith(("s", "men")):
            group = GROUP_NOUNS[low]
            return group if group != "people" else None
    return None


def _bare_participle(lows: list[str], phrase: Phrase) -> bool:
    """ "8 persons killed 58 others injured": the count sits between two participles."""
    return phrase.first > 0 and lows[phrase.first - 1] in ("killed", "injured", "wounded")


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


def _counts_nobody(lows: list[str], phrase: Phrase) -> bool:
    """A part that adds no figure: "one of whom is pregnant", "19 of them seriously",
    "30 of the wounded were in surgery" (a subset by condition, not by who they are)."""
    if phrase.partitive is None or phrase.group is not None:
        return False
    if phrase.partitive == "noun":
        # "30 of the wounded needed surgery": a subset; "two of the wounded died" or
        # "151,000 of the displaced moved to Aleppo": a count of its own, and so is one
        # broken down in turn ("21 of the dead, among them a woman and her daughters")
        broken_down = lows[phrase.end : phrase.end + 1] == [","] and _marked_breakdown_at(
            lows, phrase.end + 1
        )
        return phrase.kind is None or (phrase.post_end <= phrase.end and not broken_down)
    after = lows[phrase.end : phrase.end + 4]
    if after[:1] and after[0] in CONDITION_WORDS:
        return True
    if after[:1] == ["in"] and any(
        w in ("condition", "critical", "serious", "intensive", "icu") for w in after
    ):
        return True
    if phrase.own_kind:
        return False
    return after[:1] != [] and after[0] in ("is", "was", "are", "were", "being")


_BELONGING = (("belonged", "to"), ("belonging", "to"), ("belong", "to"), ("were", "from"))
_SIDE_WORDS = ARMED_CUES | {"factions", "faction", "jihadist", "jihadists", "is", "opposition"}
_SIDE_REACH = 4  # words from "belonged to" to the armed group it names


def _armed_side(lows: list[str], k: int) -> bool:
    return any(w in _SIDE_WORDS for w in lows[k : k + _SIDE_REACH])


def _sides(lows: list[str], phrases: list[Phrase]) -> None:
    """ "Five of those killed belonged to the factions and four to the SDF": who each share
    of the dead fought for makes them combatants, and the elliptic second share is dead too."""
    for idx, phrase in enumerate(phrases):
        k = max(phrase.end, phrase.post_end)
        if tuple(lows[k : k + 2]) not in _BELONGING or phrase.group is not None:
            continue
        if not _armed_side(lows, k + 2):
            continue
        phrase.group = "combatants"
        later = phrases[idx + 1] if idx + 1 < len(phrases) else None
        if (
            later is not None
            and later.kind is None
            and later.group is None
            and lows[later.first - 1 : later.first] == ["and"]
            and lows[later.end : later.end + 1] == ["to"]
            and _armed_side(lows, later.end + 1)
        ):
            later.kind, later.group, later.sibling = phrase.kind, "combatants", phrase


_BRINGING = frozenset(
    {"bringing", "raising", "taking", "pushing", "brought", "raised", "brings", "bring", "raises"}
)
_NUMBER_NOUNS_AFTER = frozenset({"number", "toll", "tally", "total"})
_NUMBER_REACH = 8  # words from "the number of" to the verb that says what was counted
_COUNTED_VERBS = {
    **dict.fromkeys(("died", "killed", "perished"), "killed"),
    **dict.fromkeys(("injured", "wounded", "hurt"), "injured"),
    **dict.fromkeys(("displaced", "fled", "uprooted"), "displaced"),
}


def _brought_to(lows: list[str], phrases: list[Phrase]) -> None:
    """ "bringing to eight the number of children who have died", "raising to 40 the death
    toll": the count is the new total, of whom and of what the words after it say."""
    for phrase in phrases:
        if phrase.kind is not None or phrase.first < 2:
            continue
        if lows[phrase.first - 1] != "to" or lows[phrase.first - 2] not in _BRINGING:
            continue
        k = phrase.end
        if lows[k : k + 1] != ["the"]:
            continue
        tail = lows[k + 1 : k + 1 + _NUMBER_REACH]
        if not tail or not (set(tail[:2]) & _NUMBER_NOUNS_AFTER):
            continue
        kind = next(
            (
                _COUNTED_VERBS.get(w) or HEAD_KINDS.get(w)
                for w in tail
                if w in _COUNTED_VERBS or w in HEAD_KINDS
            ),
            None,
        )
        if kind is None and "toll" in tail[:2]:
            kind = "killed"  # "the death toll", "the toll"
        if kind is None:
            continue
        phrase.kind = kind
        if phrase.group is None:
            phrase.group = next((GROUP_NOUNS[w] for w in tail if w in GROUP_NOUNS), None)


_POSSESSIVES = frozenset({"his", "her", "their"})
_BREAKDOWN_OPENERS = frozenset({"among", "including", "includes", "included", "include"})
_FAMILY_HEAD = 2  # "a man", "a couple": who the family is named after


def _family_totals(
    lows: list[str], phrases: list[Phrase], known_kinds: Mapping[int, str]
) -> list[Phrase]:
    """ "a man, his wife and their three children were killed": five killed in all, told
    beside who they were (a careful reader writes down the family's toll and its parts).
    Not when the family retells counts already read: "seven killed, four of them children
    ... the bodies of a mother and her four children" adds no toll of five."""
    totals: list[Phrase] = []
    idx = 0
    while idx < len(phrases):
        head = phrases[idx]
        chain = [head]
        for later in phrases[idx + 1 :]:
            gap = lows[chain[-1].end : later.first]
            owned = later.relative or (later.first > 0 and lows[later.first - 1] in _POSSESSIVES)
            if not owned or not all(w in (",", "and") or w in _POSSESSIVES for w in gap):
                break
            if _apposition(lows, later):
                break  # "his son, their uncle, also died": the uncle is the son
            chain.append(later)
        idx += len(chain)
        if (
            len(chain) < 2
            or _breaks_down(head, phrases)  # "seven civilians, among them a woman and her ..."
            or _BREAKDOWN_OPENERS & set(lows[: head.first])  # "Among the victims were ..."
            or head.value is None
            or head.value > _FAMILY_HEAD
            or head.kind is None
            or any(p.kind != head.kind or p.value is None for p in chain)
            or any(
                (p.value or 0) > 1 and known_kinds.get(p.value or 0) == p.kind for p in chain[1:]
            )
            # "a woman and her daughter": each named by who she was, no toll of two besides;
            # "the grandfather and his son": two men, told as a pair
            or any(p.resolved_group() in _TOLD_APART for p in chain)
        ):
            continue
        total = sum(p.value or 0 for p in chain)
        totals.append(
            Phrase(
                first=head.first,
                amount=Amount(total, head.first, chain[-1].end),
                end=chain[-1].end,
                value=total,
                qualifier="exact",
                kind=head.kind,
                blocked=head.blocked,
                stale=head.stale,
            )
        )
    return totals


_TOLD_APART = frozenset({"women", "children"})
# Where the counted were when it happened, told in a relative clause: no displacement.
_STATES = frozenset({"sheltering", "staying", "living"})
# Verbs of care that make the counted a patient only in the passive ("12 were treated").
_ACTIVE_CARE = frozenset({"treated"})
_BE = frozenset({"was", "were", "been", "being", "are", "is", "be", "got"})


def _passive(lows: list[str], j: int) -> bool:
    """Whether the participle at ``j`` follows a form of "be" ("were later treated")."""
    k = j - 1
    while k >= 0 and lows[k] in AUXILIARIES and lows[k] not in _BE:
        k -= 1
    return k >= 0 and lows[k] in _BE


_SHARE_NOUNS = frozenset({"victims", "deaths", "dead", "killed", "fatalities", "casualties"})
_SHARE_LEADS = frozenset({"followed", "then", "next", "and", ",", "while"})
_BLAME = frozenset({"responsible", "blamed"})
_BLAME_REACH = 6  # tokens from "responsible" to the count: "responsible for the deaths of 19"


_TOLL_WORDS = frozenset({"toll", "tally"})
_TOLL_WITH_REACH = 12  # tokens from "the highest death toll" to "with 21 civilians"


def _toll_with(lows: list[str], phrases: list[Phrase]) -> None:
    """ "Daraa saw the highest death toll in January, with 21 civilians": a count of people
    after "with", shortly after a death toll, is that toll's."""
    for phrase in phrases:
        k = phrase.first
        if phrase.kind is not None or phrase.group is None or k < 2 or lows[k - 1] != "with":
            continue
        before = lows[max(0, k - _TOLL_WITH_REACH) : k]
        if _TOLL_WORDS & set(before) and ("death" in before or "casualty" in before):
            phrase.kind = "killed"


def _shares_by_name(tokens: list[Token], lows: list[str], phrases: list[Phrase]) -> list[Phrase]:
    """ "Idlib saw 29 civilians killed, followed by Aleppo with 18, Daraa with 14 and Deir
    Ez-Zor with 11 victims": after a counted phrase, "<Name> with N" counts N of its kind
    (and, unless it names its own, its group). Returns the shares no phrase had read."""
    counted = [p for p in phrases if p.kind is not None and p.value is not None]
    if not counted or counted[0].parent is not None:
        return []
    first = counted[0]
    # "regime forces were responsible for the deaths of 19 civilians, Russian forces for 2"
    blamed = not _BLAME.isdisjoint(lows[max(0, first.first - _BLAME_REACH) : first.first])
    share_words = ("with", "for") if blamed else ("with",)
    by_start = {p.amount.start: p for p in phrases}
    added: list[Phrase] = []
    for k in range(first.end + 2, len(tokens)):
        if lows[k - 1] not in share_words:
            continue
        if not blamed and not any(c.isupper() for c in tokens[k - 2].text):
            continue  # a name: "Aleppo", "Deir ez-Zor"
        if not _SHARE_LEADS & set(lows[max(first.end, k - 6) : k - 2]):
            continue
        phrase = by_start.get(k)
        if phrase is None:
            amount = read_amount(tokens, k) if tokens[k].is_number else None
            if amount is None or amount.value is None or excluded(tokens, amount):
                continue
            phrase = Phrase(
                first=k, amount=amount, end=amount.end, value=amount.value, qualifier="exact"
            )
            added.append(phrase)
        if phrase.kind is not None or phrase.value is None:
            continue
        noun = lows[phrase.amount.end] if phrase.amount.end < len(lows) else ""
        bare = noun in ("", ",", ";", ".", "and")
        if phrase.end != phrase.amount.end and not bare and noun not in _SHARE_NOUNS:
            continue  # "Saraqib with 40,000 residents": something else
        phrase.kind = first.kind
        # a bare share is of the first count's group, whatever the sharer is ("Russian forces
        # for 2" are two civilians)
        if phrase.end == phrase.amount.end or phrase.group in (None, "people"):
            phrase.group = first.resolved_group()
    return [p for p in added if p.kind is not None]


def _counts_after_names(
    tokens: list[Token], lows: list[str], phrases: list[Phrase]
) -> list[Phrase]:
    """ "fled from Idleb city (approximately 21,000 people), Sarmin (11,450), Ariha (9,800)":
    a count in brackets after a place's name is that place's, of the kind the verb before
    named. Returns the counts no phrase had read; gives a kind to those that had none."""
    added: list[Phrase] = []
    by_start = {p.amount.start: p for p in phrases}
    for k in range(1, len(tokens) - 2):
        if lows[k] != "(" or not (tokens[k - 1].text[:1].isupper() or lows[k - 1] in _PLACE_TYPES):
            continue  # "Sarmin (11,450)", "Idleb city (approximately 21,000 people)"
        inner = k + 1
        while inner < len(lows) and lows[inner] in _BRACKET_QUALIFIERS:
            inner += 1
        amount = read_amount(tokens, inner) if inner < len(tokens) else None
        if amount is None or amount.value is None or excluded(tokens, amount):
            continue
        close = amount.end
        group = GROUP_NOUNS.get(lows[close]) if close < len(lows) else None
        if group is not None:
            close += 1
        if close >= len(lows) or lows[close] != ")":
            continue
        kind = _verb_kind_before(lows, k)
        if kind is None:
            continue
        phrase = by_start.get(amount.start)
        if phrase is None:
            qualifier, _ = read_qualifier(lows, amount.start)
            phrase = Phrase(
                first=amount.start, amount=amount, end=close, value=amount.value,
                qualifier=qualifier, group=group,
            )  # fmt: skip
            added.append(phrase)
        if phrase.kind is None:
            phrase.kind = kind
    return added


_BRACKET_QUALIFIERS = frozenset(
    {"approximately", "approx.", "about", "around", "some", "over", "nearly", "almost", "an",
     "estimated", "more", "than", "at", "least"}
)  # fmt: skip


def _verb_kind_before(lows: list[str], end: int) -> str | None:
    """The kind the last verb before ``end`` names ("fled from ...", "were killed in ...")."""
    found = None
    for j in range(max(0, end - _VERB_REACH), end):
        if lows[j] in _PLACE_VERBS:
            found = _PLACE_VERBS[lows[j]]
    return found


_PLACE_TYPES = frozenset({"city", "camp", "town", "village", "district", "sub-district", "area"})
_VERB_REACH = 30  # tokens back from a bracketed count to the verb it shares
# Verbs after which places follow, each with the counted people's fate.
_PLACE_VERBS = {
    "fled": "displaced", "displaced": "displaced", "arrived": "displaced", "killed": "killed",
    "died": "killed", "wounded": "injured", "injured": "injured",
}  # fmt: skip


def _apposition(lows: list[str], phrase: Phrase) -> bool:
    """A phrase between commas that no "and" follows names again who was just named."""
    before = lows[phrase.first - 1] if phrase.first else ""
    after = lows[phrase.end : phrase.end + 2]
    return (
        before == ","
        and after[:1] == [","]
        and (len(after) < 2 or (after[1] != "and" and after[1] not in _POSSESSIVES))
    )


def _breaks_down(phrase: Phrase, phrases: list[Phrase]) -> bool:
    """Whether a phrase is a part of a count told before it in the sentence."""
    linked = phrase.parent or phrase.sibling
    return linked is not None and linked in phrases and linked.first < phrase.first


def _marked_breakdown_at(lows: list[str], k: int) -> bool:
    return lows[k : k + 1] == ["including"] or tuple(lows[k : k + 2]) in BREAKDOWN_PAIRS


def _returning(lows: list[str], end: int) -> bool:
    window = lows[end : end + 5]
    return ("back" in window and any(w in ("went", "gone", "go", "going") for w in window)) or any(
        w in RETURN_WORDS for w in window[:3]
    )


def _guess_near(lows: list[str], phrase: Phrase) -> bool:
    """A warning close around the phrase: "warned that ... could uproot 800,000", or "could
    spread, putting the lives of 750,000 people at risk"."""
    before = lows[max(0, phrase.first - 12) : phrase.first]
    around = before + lows[phrase.end : phrase.end + 6]
    return any(w in HYPOTHETICAL_CUES for w in around) and any(w in MODALS for w in before)
