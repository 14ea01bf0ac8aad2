"""Totals, escalation and the events JSON over hand-made events."""

from __future__ import annotations

import json
from datetime import date, timedelta

from digests.events import EventBook, event_to_json
from digests.events.escalation import escalation
from digests.events.model import Event
from digests.events.period import Period
from digests.events.totals import compute_totals
from digests.render.digest import trend_text
from tests.events.fixtures import (
    ALEPPO,
    ARIHA,
    MAARAT,
    article,
    at,
    checkpoint_bombing,
    killed,
    market_airstrike_reports,
)

WEEK = Period.ending(date(2019, 7, 22), 7)


def daily_shelling(days: list[tuple[str, int]], first_id: int = 500) -> list[Event]:
    """One shelling event per (day, killed) in Aleppo, one report each."""
    book = EventBook()
    for offset, (day, count) in enumerate(days):
        book.add(
            article(
                first_id + offset,
                "SOHR",
                f"Shelling kills {count} in Aleppo",
                at(day),
                "Artillery shelling hit Aleppo.",
                [killed(count, place=ALEPPO, day=day, quote="shelling killed")],
            )
        )
    return book.events()


def test_totals_count_each_event_once_at_its_low_end_and_keep_the_high_end() -> None:
    book = EventBook()
    book.add_all([*market_airstrike_reports(), checkpoint_bombing()])
    totals = compute_totals(book.events(), WEEK)
    assert totals.events == 2
    assert (totals.killed.low, totals.killed.high) == (15, 17)  # not 12+12+14+13+3
    assert totals.places[0].place == MAARAT
    assert totals.places[0].events == 2


def test_displacement_in_families_is_kept_apart_from_people() -> None:
    book = EventBook()
    book.add(
        article(
            600,
            "OCHA",
            "Shelling displaces families from Ariha",
            at("2019-07-21"),
            "Shelling forced 300 families to flee Ariha; 1,200 people were displaced.",
            [
                killed(300, kind="displaced", group="families", place=ARIHA, quote="300 families"),
            ],
        )
    )
    (event,) = book.events()
    assert event.headline["displaced"].unit == "families"
    totals = compute_totals(book.events(), WEEK)
    assert not totals.displaced
    assert (totals.displaced_families.low, totals.displaced_families.high) == (300, 300)
    assert event_to_json(event)["headline"]["displaced"] == {
        "low": 300,
        "high": 300,
        "unit": "families",
    }


def test_escalation_compares_with_the_four_week_daily_average() -> None:
    start = date(2019, 6, 24)
    baseline = [((start + timedelta(days=i)).isoformat(), 1) for i in range(28)]  # 1/day
    this_week = [(d, 5) for d in ("2019-07-22", "2019-07-23", "2019-07-24")]  # 15 in a day
    events = daily_shelling(baseline + this_week)
    period = Period(date(2019, 7, 22), date(2019, 7, 24))
    killed_trend = escalation(events, period)["killed"]
    assert killed_trend.current == 15
    assert killed_trend.previous == 3
    assert abs(killed_trend.expected - 3.0) < 1e-9
    assert killed_trend.status == "up"
    assert trend_text(killed_trend, period.days) == (
        "killed ↑ 5.0× the 4-week average (previous 3 days: 3)"
    )


def test_a_quiet_baseline_gives_words_not_a_division() -> None:
    events = daily_shelling([("2019-07-22", 7)])
    trends = escalation(events, WEEK)
    assert trends["killed"].status == "new"
    assert trends["killed"].vs_baseline is None and trends["killed"].vs_previous is None
    assert trend_text(trends["killed"], 7) == "killed: 7 after 4 quiet weeks (previous 7 days: 0)"
    assert trends["injured"].status == "quiet"


def test_a_tiny_baseline_is_too_quiet_for_a_ratio() -> None:
    # One person killed in four weeks predicts a quarter of a person in a week: "new", not 28×.
    events = daily_shelling([("2019-06-30", 1), ("2019-07-22", 7)])
    assert escalation(events, WEEK)["killed"].status == "new"


def test_a_steady_week_reads_as_about_the_average() -> None:
    start = date(2019, 6, 17)
    every_day = [((start + timedelta(days=i)).isoformat(), 2) for i in range(36)]
    trend = escalation(daily_shelling(every_day), WEEK)["killed"]
    assert trend.status == "steady"
    assert trend_text(trend, 7).startswith("killed ≈ the 4-week average")


def test_event_json_has_the_fields_sitrep_events_prints() -> None:
    book = EventBook()
    book.add_all(market_airstrike_reports())
    (event,) = book.events()
    data = json.loads(json.dumps(event_to_json(event)))
    assert data["id"] is None
    assert data["date"] == "2019-07-22"
    assert data["place"] == {
        "name": "Maarat al-Numan",
        "admin1": "Idleb",
        "lat": 35.6433,
        "lon": 36.6717,
    }
    assert data["headline"] == {"killed": {"low": 12, "high": 14}}
    people = next(f for f in data["figures"] if f["group"] == "people")
    assert people["low"] == 12 and people["high"] == 14
    assert {
        "count": 14,
        "source": "SOHR",
        "outlet": "Reuters",
        "url": "https://reuters.example/news/1",
    } in people["reports"]
    assert len(data["articles"]) == 5
    assert set(data["articles"][0]) == {"url", "outlet", "title"}
