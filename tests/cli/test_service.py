"""``sitrep run``: the scheduled service, with the demo site, stays up and ingests."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import pytest

from bot.scheduler import IngestScheduler
from bot.service import serve
from digests.app import Sitrep, make_sitrep
from digests.demo import DemoSite, load_demo_articles, render_feed
from digests.ingest.feedparse import parse_feed
from digests.settings import Settings
from tests.support.site import UNKNOWN_HOST_URL


def _app(make_settings: Callable[..., Settings]) -> Sitrep:
    feeds = f'[[feeds]]\nname = "Unreachable outlet"\nurl = "{UNKNOWN_HOST_URL}"\n'
    return make_sitrep(make_settings(feeds=feeds))


async def _run_until(app: Sitrep, done: Callable[[], bool], *, seconds: float) -> None:
    stop = asyncio.Event()
    service = asyncio.create_task(serve(app, demo=True, stop=stop))
    deadline = asyncio.get_running_loop().time() + seconds
    while not done() and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.2)
    stop.set()
    await service


def test_the_demo_feed_is_a_real_feed_of_summaries_linking_to_pages() -> None:
    articles = load_demo_articles()
    assert len(articles) == 30
    parsed = parse_feed(render_feed(articles, "http://127.0.0.1:1"), url="http://127.0.0.1:1/")
    assert len(parsed.entries) == 30
    assert all(e.link and e.link.endswith(".html") for e in parsed.entries)
    assert all(len(e.summary) <= 240 for e in parsed.entries)


def test_run_with_demo_ingests_the_sample_feed_and_stays_calm_about_dead_feeds(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    app = _app(make_settings)
    caplog.set_level(logging.INFO)
    asyncio.run(_run_until(app, lambda: app.store.count_articles() >= 30, seconds=60))

    articles = app.store.articles()
    assert len(articles) == 30
    assert all(a.text_source == "page" for a in articles)  # summaries were replaced by pages
    dead = app.store.feed_by_url(UNKNOWN_HOST_URL)
    assert dead is not None and dead.last_error == "unknown host" and dead.enabled
    text = caplog.text
    assert "no TELEGRAM_BOT_TOKEN set: running in the terminal" in text
    assert "feed.failed" in text and "Traceback" not in text
    assert "service stopped" in text


def test_a_second_demo_run_replaces_the_demo_feed_and_stores_nothing_twice(
    make_settings: Callable[..., Settings],
) -> None:
    app = _app(make_settings)
    asyncio.run(_run_until(app, lambda: app.store.count_articles() >= 30, seconds=60))
    asyncio.run(_run_until(app, lambda: False, seconds=3))
    assert app.store.count_articles() == 30
    assert [f.origin for f in app.store.feeds()].count("demo") == 1


def test_refresh_never_arms_a_second_poll_of_a_feed_being_polled(
    make_settings: Callable[..., Settings],
) -> None:
    app = _app(make_settings)
    site = DemoSite(load_demo_articles())  # not started: only its URL is used
    feed = app.add_feed(site.url, origin="user")

    async def check() -> None:
        from apscheduler.schedulers.asyncio import AsyncIOScheduler

        scheduler = AsyncIOScheduler(timezone="UTC")
        async with app.fetcher() as fetcher:
            ingest = IngestScheduler(app, fetcher, scheduler)
            ingest.in_flight.add(feed.id)
            ingest.refresh()
            assert scheduler.get_job(f"feed:{feed.id}") is None
            ingest.in_flight.clear()
            ingest.refresh()
            assert scheduler.get_job(f"feed:{feed.id}") is not None

    asyncio.run(check())
    site.server.server_close()


def test_the_service_analyses_articles_left_unread_when_it_starts(
    make_settings: Callable[..., Settings],
) -> None:
    """After an upgrade, stored articles are read again at start, though none is new."""
    app = _app(make_settings)
    asyncio.run(_run_until(app, lambda: app.store.count_events() > 0, seconds=60))
    upgraded = "the-next-analysis"
    app.analyst().version = upgraded
    assert len(app.store.articles_to_extract(upgraded)) == 30
    asyncio.run(_run_until(app, lambda: not app.store.articles_to_extract(upgraded), seconds=60))
    assert app.store.articles_to_extract(upgraded) == []
