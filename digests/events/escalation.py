"""Escalation: a period against the one before it and against the previous four weeks.

Quiet baselines get words, not ratios: 5 killed after 28 days with none is "new", not "∞×".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from digests.events.model import HEADLINE_KINDS, Event
from digests.events.period import Period
from digests.events.totals import EventFilter, headline_range, select

BASELINE_DAYS = 28
# Below this many expected (people, over the period) a ratio says more about noise than trend.
MIN_EXPECTED = 1.0
# Within these bounds the change is reported as "about the same".
STEADY = (0.8, 1.25)

Status = Literal["up", "down", "steady", "new", "quiet"]


@dataclass(frozen=True, slots=True)
class Trend:
    kind: str
    current: int
    previous: int  # the previous period of equal length
    expected: float  # what the 4-week daily average predicts for a period this long
    vs_previous: float | None  # None when the previous period had none
    vs_baseline: float | None  # None when the baseline is too quiet for a ratio

    @property
    def status(self) -> Status:
        if self.vs_baseline is None:
            return "new" if self.current > 0 else "quiet"
        low, high = STEADY
        if self.vs_baseline >= high:
            return "up"
        if self.vs_baseline <= low:
            return "down"
        return "steady"


def _sum(events: Iterable[Event], kind: str) -> int:
    return sum(headline_range(e, kind).low for e in events)


def escalation(
    events: Iterable[Event],
    period: Period,
    event_filter: EventFilter | None = None,
    kinds: tuple[str, ...] = HEADLINE_KINDS,
) -> dict[str, Trend]:
    """One trend per kind (low ends; displaced in people)."""
    every = list(events)
    chosen_filter = event_filter or EventFilter()
    now = select(every, period, chosen_filter)
    before = select(every, period.previous(), chosen_filter)
    baseline = select(every, period.previous(BASELINE_DAYS), chosen_filter)
    trends = {}
    for kind in kinds:
        current = _sum(now, kind)
        previous = _sum(before, kind)
        expected = _sum(baseline, kind) / BASELINE_DAYS * period.days
        trends[kind] = Trend(
            kind=kind,
            current=current,
            previous=previous,
            expected=expected,
            vs_previous=current / previous if previous else None,
            vs_baseline=current / expected if expected >= MIN_EXPECTED else None,
        )
    return trends
