"""Toll nouns ("the death toll rose to 30", "the figure stood at 948,000") and stale reports
("an earlier toll of 12", "the first reports spoke of 4 dead")."""

from __future__ import annotations

from dataclasses import dataclass

from digests.extract.groups import GROUP_NOUNS, MODIFIER_GROUPS
from digests.extract.kinds import (
    HEAD_KINDS,
    MODALS,
    NUMBER_NOUNS,
    POST,
    TOLL_LINKS,
    TOLL_NOUNS,
)
from digests.extract.phrases import Phrase

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


_MAX_TOLL_WINDOW = 45
# "the dead", "the injured": a class of people whose count follows.
THE_COUNTED = {"dead": "killed", "injured": "injured", "wounded": "injured"}


@dataclass(slots=True)
class Toll:
    index: int
    kind: str
    group: str | None
    anaphoric: bool  # "the number", "the figure": the kind comes from earlier sentences


def find_tolls(lows: list[str]) -> list[Toll]:
    """Toll nouns of a sentence: "death toll", "the dead at", "number of victims", "figure"."""
    tolls: list[Toll] = []
    n = len(lows)
    for i, low in enumerate(lows):
        prev = lows[i - 1] if i else ""
        nxt = lows[i + 1] if i + 1 < n else ""
        if nxt == ":" and low in HEAD_KINDS and low != "dead":
            tolls.append(Toll(i, HEAD_KINDS[low], None, anaphoric=False))  # "Deaths: 45"
        elif low == "displacement" and nxt != "of":
            tolls.append(Toll(i, "displaced", None, anaphoric=False))
        elif low in ("toll", "tally"):
            if prev in ("injury", "injuries", "casualty"):
                continue
            group = MODIFIER_GROUPS.get(prev) or MODIFIER_GROUPS.get(lows[i - 2] if i > 1 else "")
            tolls.append(Toll(i, TOLL_NOUNS[low], group, anaphoric=False))
        elif low in THE_COUNTED and prev == "the" and nxt in TOLL_LINKS | {"numbered"}:
            if i > 1 and lows[i - 2] in ("among", "of"):
                continue
            # "the dead were eight civilians", "the injured are more than 25"
            tolls.append(Toll(i, THE_COUNTED[low], None, anaphoric=False))
        elif low in NUMBER_NOUNS or low == "breakdown":
            if nxt == "of":
                window = lows[i + 2 : i + 9]
                kind = next((HEAD_KINDS[w] for w in window if w in HEAD_KINDS), None)
                if kind is None:
                    kind = next((POST[(w,)] for w in window if (w,) in POST), None)
                if kind is None and "dying" in window:
                    kind = "killed"  # "the number of children who were dying ... is rising to"
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
                tolls.append(Toll(i, kind, group, anaphoric=False))
            elif nxt in HEAD_KINDS and nxt != "dead":
                # "the number displaced ... to 41,000": the participle names the kind
                tolls.append(Toll(i, HEAD_KINDS[nxt], None, anaphoric=False))
            elif nxt in ("death", "casualty", "civilian") or nxt in TOLL_NOUNS:
                continue  # "the total death toll": the toll noun names the kind
            elif nxt in NUMBER_NOUNS:
                continue  # "the total number of dead": the number's words name the kind
            elif prev in ("the", "its", "their", "this", "that", "civilian", "real") or (
                low == "breakdown"
            ):
                group = MODIFIER_GROUPS.get(prev)
                tolls.append(Toll(i, "", group, anaphoric=True))
    return tolls


def attach_tolls(
    lows: list[str], phrases: list[Phrase], previous_kind: str | None, tolls: list[Toll]
) -> None:
    named_kind = None  # "the number of people wounded ... as 62; ... put the figure at 26"
    for toll in tolls:
        kind = toll.kind or named_kind or previous_kind
        if toll.kind:
            named_kind = toll.kind
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


def stale_cues(lows: list[str]) -> list[int]:
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
        elif low == "had" and i + 1 < len(lows) and lows[i + 1] in REPORT_VERBS:
            ends.append(i + 2)  # "the Observatory had reported six dead": an older report
    return ends


def mark_stale(lows: list[str], phrases: list[Phrase], cue_end: int) -> None:
    """Mark the counts of one stale report: up to the end of its clause."""
    starts = {p.first: p for p in phrases}
    marked = False
    for k in range(cue_end, min(len(lows), cue_end + _STALE_REACH)):
        if lows[k] in (";", ".") or (lows[k] in CLAUSE_BREAKS and (marked or lows[k] != ",")):
            return
        phrase = starts.get(k)
        if phrase is not None:
            phrase.stale = marked = True
