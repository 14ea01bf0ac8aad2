"""Hostile or odd inputs never crash clustering, reconciliation, totals or rendering."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from digests.events import ArticleFacts, EventBook, event_to_json
from digests.events.period import Period
from digests.extract.model import Figure, Place
from digests.render import build_digest, render_messages
from digests.render.split import units

START = date(2024, 1, 1)

places = st.builds(
    Place,
    name=st.text(min_size=1, max_size=30),
    country=st.sampled_from(["SY", "TR", ""]),
    admin1=st.none() | st.sampled_from(["Idleb", "Aleppo"]),
    lat=st.floats(min_value=-90, max_value=90),
    lon=st.floats(min_value=-180, max_value=180),
    admin2=st.none() | st.sampled_from(["Harim", "Ariha"]),
    feature=st.none() | st.sampled_from(["town", "country", "province", "camp", "region"]),
    place_id=st.none() | st.sampled_from(["p:1", "p:2", "p:3"]),
)

figures = st.builds(
    Figure,
    kind=st.sampled_from(["killed", "injured", "displaced", "missing", "damaged"]),
    count=st.none() | st.integers(min_value=0, max_value=10**9),
    group=st.sampled_from(["people", "civilians", "children", "combatants", "families", "homes"]),
    qualifier=st.sampled_from(["exact", "at_least", "more_than", "about", "up_to", "vague"]),
    scope=st.sampled_from(["incident", "incident", "cumulative"]),
    place=st.none() | st.text(max_size=20),
    date=st.none() | st.dates(min_value=START, max_value=START + timedelta(days=20)),
    source=st.none() | st.text(max_size=40),
    quote=st.text(max_size=80),
    count_high=st.none() | st.integers(min_value=0, max_value=10**9),
    place_record=st.none() | places,
)

articles = st.builds(
    ArticleFacts,
    article_id=st.integers(min_value=1, max_value=8),  # repeats exercise revisions
    url=st.text(max_size=60) | st.just('https://example.org/a?b=<c>&d="e"'),
    outlet=st.text(max_size=30),
    title=st.text(max_size=300),
    published=st.datetimes(
        min_value=datetime(2024, 1, 1), max_value=datetime(2024, 1, 21), timezones=st.just(UTC)
    ),
    text=st.text(max_size=400),
    figures=st.lists(figures, max_size=6).map(tuple),
    places=st.lists(places, max_size=3).map(tuple),
    revision=st.integers(min_value=1, max_value=3),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(articles, max_size=8))
def test_any_articles_cluster_reconcile_and_render_within_limits(batch: list[ArticleFacts]) -> None:
    book = EventBook()
    book.add_all(batch)
    events = book.events()
    for event in events:
        event_to_json(event)
        for headline in event.headline.values():
            assert 0 <= headline.low <= headline.high
    context = build_digest(events, Period(START, START + timedelta(days=21)), top=50)
    for fmt in ("html", "text"):
        for message in render_messages(context, fmt):
            assert units(message) <= 4096
