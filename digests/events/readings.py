"""Read one article's figures for one incident as one account, the way an analyst would.

A report gives a toll, its stages and its breakdowns, and often restates its source. Set
side by side as if each were a separate voice, these would widen a range no analyst would
write ("73-637 killed"); here they are read for what they are before sources are compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from digests.extract.model import Figure

# Groups that count everyone (or everyone on one side); the rest are breakdowns of these.
TOTAL_GROUPS = frozenset({"people", "civilians", "combatants"})
# An article's own count below this share of every toll it cites is a subset of them
# ("750 are sheltering in two centres"), not a rival toll.
SUBSET_SHARE = 0.5

Measure = tuple[str, str]  # (kind, unit)


def is_vague(figure: Figure) -> bool:
    return figure.count is None or figure.qualifier == "vague"


def _measure(figure: Figure) -> Measure:
    return (figure.kind, "families" if figure.group == "families" else "people")


def _is_toll(figure: Figure) -> bool:
    return figure.group in TOTAL_GROUPS and not is_vague(figure)


def drop_earlier_stages(figures: Iterable[Figure]) -> tuple[Figure, ...]:
    """Drop counts the article itself shows were overtaken: a figure dated before a larger
    toll of the same kind ("745 by 8 March ... more than 1,500 by Friday") is a stage of it."""
    figures = tuple(figures)
    latest: dict[Measure, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.date is not None and _is_toll(figure):
            latest[_measure(figure)].append(figure)

    def overtaken(figure: Figure) -> bool:
        if figure.date is None or is_vague(figure):
            return False
        assert figure.count is not None
        return any(
            later.date is not None
            and later.date > figure.date
            and (later.count or 0) > figure.count
            for later in latest.get(_measure(figure), ())
        )

    return tuple(f for f in figures if not overtaken(f))


def _cited_tolls(figures: Iterable[Figure]) -> dict[Measure, dict[str, int]]:
    """Each cited source's largest toll per measure."""
    cited: dict[Measure, dict[str, int]] = defaultdict(dict)
    for figure in figures:
        if figure.source is not None and _is_toll(figure):
            assert figure.count is not None
            by_source = cited[_measure(figure)]
            by_source[figure.source] = max(by_source.get(figure.source, 0), figure.count)
    return cited


def drop_own_subsets(figures: Iterable[Figure]) -> tuple[Figure, ...]:
    """Drop the article's own counts far below every toll it cites for the same group: with
    two sources at 6,000 and 45,000 displaced, its "750 in shelters" is a subset of both.
    (With one cited source the article's counts join that source's: see below.)"""
    figures = tuple(figures)
    cited: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for figure in figures:
        if figure.source is not None and _is_toll(figure):
            assert figure.count is not None
            by_source = cited[(figure.kind, figure.group)]
            by_source[figure.source] = max(by_source.get(figure.source, 0), figure.count)

    def subset(figure: Figure) -> bool:
        tolls = cited.get((figure.kind, figure.group), {})
        if figure.source is not None or figure.count is None or len(tolls) < 2:
            return False
        return figure.count < SUBSET_SHARE * min(tolls.values())

    return tuple(f for f in figures if not subset(f))


def attribute_own_counts(figures: Iterable[Figure]) -> tuple[Figure, ...]:
    """Read an article's unattributed counts and the one source it cites for that kind as
    one account.

    A report that says "23 civilians were killed" and then "the Observatory said 87 fighters
    died" is telling one count from one source, not two voices to set against each other:
    its own counts go to that source. When its own count is above the source's for the same
    group ("acting mayor Kobzar said more than 20 were dead" under "death toll reaches 34";
    "UNHCR estimated 60,000 to 80,000" beside an update's 1.1 million displaced), the source's
    is an earlier or narrower figure and the account is the article's own. Only when the
    article cites exactly one source with a toll (everyone, civilians or fighters) for the
    kind; with two or more cited sources, its own count stays its own.
    """
    figures = tuple(figures)
    cited = _cited_tolls(figures)
    above = _own_above_cited(figures, cited)

    def voice(figure: Figure) -> str | None:
        sources = cited.get(_measure(figure), {})
        if len(sources) != 1:
            return figure.source
        if _measure(figure) in above:
            return None
        return figure.source or next(iter(sources))

    return tuple(replace(f, source=voice(f)) for f in figures)


def _own_above_cited(
    figures: tuple[Figure, ...], cited: dict[Measure, dict[str, int]]
) -> set[Measure]:
    """The measures with one cited source where an unattributed toll is above that source's
    highest toll."""
    return {
        _measure(f)
        for f in figures
        if f.source is None
        and _is_toll(f)
        and len(cited.get(_measure(f), {})) == 1
        and (f.count or 0) > max(cited[_measure(f)].values())
    }


def one_account(figures: Iterable[Figure]) -> tuple[Figure, ...]:
    """One article's figures for one incident, read as one account (see the module doc)."""
    return attribute_own_counts(drop_own_subsets(drop_earlier_stages(figures)))
