"""What people ask for: a place and a period, turned into events, digests and charts.

Shared by the command line and the bot, so both answer the same question the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from digests.analysis import load_events
from digests.errors import SitrepError
from digests.events.model import Event
from digests.events.period import Period
from digests.events.totals import EventFilter, select
from digests.events.wording import fold
from digests.extract.gazetteer import Gazetteer
from digests.periods import parse_since
from digests.store import Store

# Escalation compares a period with the 28 days before it, so digests load that much more.
BASELINE_DAYS = 28


class UnknownPlaceError(SitrepError, LookupError):
    """A place name the gazetteer does not know."""


@dataclass(frozen=True, slots=True)
class Scope:
    """Which events a question is about, and how to name that in a reply."""

    filter: EventFilter
    label: str


EVERYWHERE = Scope(EventFilter(), "all areas")


def resolve_scope(name: str | None, gazetteer: Gazetteer) -> Scope:
    """A typed place as a filter: a governorate's namesake city covers the governorate."""
    if not name or not name.strip():
        return EVERYWHERE
    typed = name.strip()
    place = gazetteer.lookup(typed)
    if place is None:
        raise UnknownPlaceError(f"no place called {typed[:80]!r} in the gazetteer")
    if place.feature == "country":
        return Scope(EventFilter.of(countries=[place.country]), place.name)
    if place.admin1 and fold(place.admin1) in {fold(n) for n in gazetteer.names_of(place)}:
        return Scope(EventFilter.of(admin1=[place.admin1]), f"{place.name} governorate")
    return Scope(EventFilter.of(places=[place.place_id or place.name]), place.name)


def period_since(since: str, now: datetime) -> Period:
    """Whole days from the day ``since`` names up to today."""
    start = parse_since(since, now).date()
    today = now.date()
    return Period(min(start, today), today)


def events_in(store: Store, period: Period, scope: Scope = EVERYWHERE) -> list[Event]:
    """The events of ``period`` that ``scope`` covers, most recent first."""
    chosen = select(load_events(store, period.start, period.end), period, scope.filter)
    return sorted(chosen, key=lambda e: (e.date, e.id or 0), reverse=True)


def events_with_baseline(store: Store, period: Period) -> list[Event]:
    """The period's events and the 28 days before it, for totals with an escalation baseline."""
    return load_events(store, period.start - timedelta(days=BASELINE_DAYS), period.end)
