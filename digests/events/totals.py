"""Totals over a period and a filter: each event counted once, at its conservative low end."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from digests.events.model import Event
from digests.events.period import Period
from digests.events.places import place_key
from digests.events.wording import fold
from digests.extract.model import Place

MOST_AFFECTED = 5


@dataclass(frozen=True, slots=True)
class Range:
    low: int = 0
    high: int = 0

    def __add__(self, other: Range) -> Range:
        return Range(self.low + other.low, self.high + other.high)

    def __bool__(self) -> bool:
        return self.high > 0


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events count: by place (name or gazetteer id), governorate, country; empty = all."""

    places: frozenset[str] = frozenset()
    admin1: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        places: Iterable[str] = (),
        admin1: Iterable[str] = (),
        countries: Iterable[str] = (),
    ) -> EventFilter:
        return cls(
            places=frozenset(fold(p) for p in places),
            admin1=frozenset(fold(a) for a in admin1),
            countries=frozenset(c.upper() for c in countries),
        )

    @property
    def is_everything(self) -> bool:
        return not (self.places or self.admin1 or self.countries)

    def matches(self, event: Event) -> bool:
        if self.is_everything:
            return True
        place = event.place
        if place is None:
            return False
        if self.countries and place.country.upper() not in self.countries:
            return False
        if self.admin1 and fold(place.admin1 or "") not in self.admin1:
            return False
        names = {fold(place.name), fold(place.place_id or "")}
        return not self.places or bool(names & self.places)


@dataclass(frozen=True, slots=True)
class PlaceTotal:
    place: Place
    events: int
    killed: Range
    injured: Range
    displaced: Range


@dataclass(frozen=True, slots=True)
class Totals:
    period: Period
    events: int
    killed: Range
    injured: Range
    displaced: Range  # people
    displaced_families: Range
    by_group: dict[str, dict[str, Range]] = field(default_factory=dict)  # kind -> group -> range
    places: tuple[PlaceTotal, ...] = ()  # most affected first

    @property
    def quiet(self) -> bool:
        """Nothing to report: no event with a number in it."""
        return not (self.killed or self.injured or self.displaced or self.displaced_families)


def select(events: Iterable[Event], period: Period, event_filter: EventFilter) -> list[Event]:
    """The events of a period that pass a filter."""
    return [e for e in events if e.date in period and event_filter.matches(e)]


def headline_range(event: Event, kind: str, unit: str = "people") -> Range:
    figure = event.headline.get(kind)
    if figure is None or figure.unit != unit:
        return Range()
    return Range(figure.low, figure.high)


def compute_totals(
    events: Iterable[Event], period: Period, event_filter: EventFilter | None = None
) -> Totals:
    chosen = select(events, period, event_filter or EventFilter())
    killed = injured = displaced = families = Range()
    by_group: dict[str, dict[str, Range]] = defaultdict(lambda: defaultdict(Range))
    per_place: dict[str, list[Event]] = defaultdict(list)
    places: dict[str, Place] = {}
    for event in chosen:
        killed += headline_range(event, "killed")
        injured += headline_range(event, "injured")
        displaced += headline_range(event, "displaced")
        families += headline_range(event, "displaced", "families")
        for figure in event.figures:
            if figure.low is not None and figure.high is not None:
                by_group[figure.kind][figure.group] += Range(figure.low, figure.high)
        if event.place is not None:
            key = place_key(event.place)
            places.setdefault(key, event.place)
            per_place[key].append(event)
    return Totals(
        period=period,
        events=len(chosen),
        killed=killed,
        injured=injured,
        displaced=displaced,
        displaced_families=families,
        by_group={kind: dict(groups) for kind, groups in by_group.items()},
        places=_most_affected(places, per_place),
    )


def _most_affected(
    places: dict[str, Place], per_place: dict[str, list[Event]]
) -> tuple[PlaceTotal, ...]:
    rows = []
    for key, members in per_place.items():
        row = PlaceTotal(
            place=places[key],
            events=len(members),
            killed=sum((headline_range(e, "killed") for e in members), Range()),
            injured=sum((headline_range(e, "injured") for e in members), Range()),
            displaced=sum((headline_range(e, "displaced") for e in members), Range()),
        )
        if row.killed or row.injured or row.displaced:
            rows.append(row)
    rows.sort(key=lambda r: (-r.killed.low, -r.injured.low, -r.displaced.low, r.place.name))
    return tuple(rows[:MOST_AFFECTED])
