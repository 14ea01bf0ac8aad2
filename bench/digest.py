"""Benchmark the events engine: a 7-day digest over 10,000 events, clustering 5,000 articles.

Targets (issue 4): build and render the digest in <= 1 s; cluster 5,000 new articles in <= 30 s.
Run: .venv/bin/python bench/digest.py [--chart FILE.png]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from digests.chart import chart_events
from digests.events.cluster import EventClusterer
from digests.events.incidents import split_incidents
from digests.events.model import ArticleFacts, Event
from digests.events.period import Period
from digests.events.reconcile import reconcile
from digests.extract.model import Figure, Kind, Place
from digests.render.digest import build_digest
from digests.render.templating import make_environment, render_digest, render_messages

DAYS = 90
EVENTS = 10_000
NEW_ARTICLES = 5_000
END = date(2025, 3, 31)
OUTLETS = ("Reuters", "AFP", "Al Jazeera", "Enab Baladi", "SANA", "Syria Direct", "AP", "BBC")
SOURCES = (None, "SOHR", "White Helmets", "SNHR", "health ministry", "OCHA")
VIOLENCE_WORDS = {
    "airstrike": "air strikes by warplanes hit",
    "shelling": "artillery shelling hit",
    "bombing": "a car bomb exploded at",
    "clashes": "clashes broke out around",
    "massacre": "gunmen carried out a massacre in",
}
SITES = ("market", "school", "hospital", "bakery", "camp", "mosque", "checkpoint", "farm")


def make_places(rng: random.Random, count: int = 400) -> list[Place]:
    """Fictional towns spread over a box the size of north-west Syria."""
    return [
        Place(
            name=f"Town {i}",
            country="SY",
            admin1=f"Province {i % 14}",
            admin2=f"District {i % 200}",
            lat=rng.uniform(32.5, 37.0),
            lon=rng.uniform(35.7, 42.0),
            feature="town",
            place_id=f"bench:{i}",
        )
        for i in range(count)
    ]


def make_article(
    rng: random.Random, article_id: int, day: date, place: Place, violence: str, site: str
) -> ArticleFacts:
    killed = rng.choice((0, 1, 2, 3, 5, 8, 12, 20, 45))
    injured = rng.choice((0, 2, 4, 10, 30))
    displaced = rng.choice((0,) * 8 + (500, 12_000))
    source = rng.choice(SOURCES)
    words = VIOLENCE_WORDS[violence]
    quote = f"{words} the {site} in {place.name}"
    counts: tuple[tuple[Kind, int], ...] = (
        ("killed", killed),
        ("injured", injured),
        ("displaced", displaced),
    )
    figures = [
        Figure(kind=kind, count=count, source=source, quote=quote, date=day, place_record=place)
        for kind, count in counts
        if count
    ] or [Figure(kind="killed", count=1, quote=quote, date=day, place_record=place)]
    published = datetime.combine(day, datetime.min.time(), UTC) + timedelta(
        hours=rng.randint(6, 30)
    )
    return ArticleFacts(
        article_id=article_id,
        url=f"https://news.example/{article_id}",
        outlet=rng.choice(OUTLETS),
        title=f"{site.title()} in {place.name} hit, {killed} dead",
        published=published,
        text=f"On {day:%A}, {quote}, local rescuers said. Residents described the {site} "
        f"attack in {place.name} as the worst this month.",
        figures=tuple(figures),
        places=(place,),
    )


def synthetic_events(rng: random.Random, places: list[Place]) -> list[Event]:
    """10,000 reconciled events over 90 days, each from one to three reports."""
    events = []
    article_id = 0
    for index in range(EVENTS):
        day = END - timedelta(days=rng.randrange(DAYS))
        place = rng.choice(places)
        violence = rng.choice(tuple(VIOLENCE_WORDS))
        site = rng.choice(SITES)
        incidents = []
        for _ in range(rng.randint(1, 3)):
            article_id += 1
            article = make_article(rng, article_id, day, place, violence, site)
            incidents.extend(split_incidents(article))
        events.append(reconcile(f"bench:{index}", incidents, event_id=index + 1))
    return events


def bench_digest(events: list[Event]) -> float:
    environment = make_environment()
    period = Period.ending(END, 7)
    started = time.perf_counter()
    context = build_digest(events, period)
    html = render_messages(context, "html", environment)
    text = render_digest(context, "text", environment)
    elapsed = time.perf_counter() - started
    print(
        f"digest: {len(events):,} events, 7 days ({context.event_count:,} in period): "
        f"{elapsed * 1000:.0f} ms, {len(html)} HTML message(s), {len(text):,} text chars"
    )
    return elapsed


def bench_clustering(rng: random.Random, places: list[Place], existing: int) -> float:
    """Cluster 5,000 new articles over the last 7 days into a book already holding events."""
    clusterer = EventClusterer()
    article_id = 1_000_000
    for _ in range(existing):  # the last 90 days of events, as a store would load them
        article_id += 1
        day = END - timedelta(days=rng.randrange(DAYS))
        violence = rng.choice(tuple(VIOLENCE_WORDS))
        place = rng.choice(places)
        clusterer.add(make_article(rng, article_id, day, place, violence, rng.choice(SITES)))
    incidents_seen = [
        (
            END - timedelta(days=rng.randrange(7)),
            rng.choice(places),
            rng.choice(tuple(VIOLENCE_WORDS)),
            rng.choice(SITES),
        )
        for _ in range(NEW_ARTICLES // 3)
    ]
    before = len(clusterer)
    opened = 0
    started = time.perf_counter()
    for _ in range(NEW_ARTICLES):
        article_id += 1
        day, place, violence, site = rng.choice(incidents_seen)
        result = clusterer.add(make_article(rng, article_id, day, place, violence, site))
        opened += sum(a.opened for a in result.assignments)
    elapsed = time.perf_counter() - started
    print(
        f"clustering: {NEW_ARTICLES:,} new articles against {before:,} events: "
        f"{elapsed:.1f} s ({NEW_ARTICLES / elapsed:,.0f}/s); {opened:,} opened events "
        f"for {len(incidents_seen):,} distinct incidents"
    )
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chart", type=Path, help="also draw a 30-day chart to this PNG")
    args = parser.parse_args()
    rng = random.Random(20250331)
    places = make_places(rng)
    started = time.perf_counter()
    events = synthetic_events(rng, places)
    print(f"setup: {len(events):,} events built in {time.perf_counter() - started:.1f} s")
    digest_s = bench_digest(events)
    cluster_s = bench_clustering(rng, places, existing=EVENTS)
    if args.chart:
        chart_events(events, Period.ending(END, 30), args.chart, place="Synthetic: all areas")
        print(f"chart: {args.chart}")
    print(
        f"targets: digest {digest_s:.2f} s (<= 1 s) {'OK' if digest_s <= 1 else 'SLOW'}; "
        f"clustering {cluster_s:.1f} s (<= 30 s) {'OK' if cluster_s <= 30 else 'SLOW'}"
    )


if __name__ == "__main__":
    main()
