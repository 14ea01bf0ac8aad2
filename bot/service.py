"""``sitrep run``: the long-running service, in one asyncio process.

Ingestion runs on its schedule. Without a Telegram token the service runs in the terminal and
says so; feed failures are logged calmly with the next attempt, never as crashes.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from contextlib import suppress

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.scheduler import IngestScheduler
from digests.app import Sitrep, make_sitrep
from digests.demo import DemoSite, load_demo_articles
from digests.logs import log_event
from digests.settings import Settings

logger = logging.getLogger("sitrep.service")

DRAIN_SECONDS = 30.0


def run_service(settings: Settings, *, demo: bool = False) -> int:
    app = make_sitrep(settings)
    try:
        asyncio.run(serve(app, demo=demo))
    finally:
        app.store.close()
    return 0


async def serve(app: Sitrep, *, demo: bool = False, stop: asyncio.Event | None = None) -> None:
    """Run until ``stop`` is set (or SIGINT/SIGTERM arrive)."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)

    site = _start_demo(app) if demo else None
    if app.settings.telegram.enabled:
        log_event(logger, logging.INFO, "service.telegram", api=app.settings.telegram.api_base_url)
    else:
        logger.info(
            "no TELEGRAM_BOT_TOKEN set: running in the terminal; "
            "set it (see README) to deliver to Telegram"
        )
    scheduler = AsyncIOScheduler(timezone="UTC")
    try:
        with app.page_executor() as pool:
            async with app.fetcher() as fetcher:
                ingest = IngestScheduler(
                    app,
                    fetcher,
                    scheduler,
                    page_executor=pool,
                    extra_feed_origins=frozenset({"demo"}) if demo else frozenset(),
                )
                ingest.start()
                scheduler.start()
                try:
                    feeds = len(app.scheduled_feeds()) + (1 if site else 0)
                    log_event(logger, logging.INFO, "service.started", feeds=feeds)
                    await stop.wait()
                finally:
                    # No new jobs; let those under way finish before the fetcher and the
                    # pool close under them.
                    scheduler.pause()
                    await ingest.drain(DRAIN_SECONDS)
                    scheduler.shutdown(wait=False)
    finally:
        if site:
            site.stop()
        logger.info("service stopped")


def _start_demo(app: Sitrep) -> DemoSite:
    """Serve the sample feed and register it, replacing a demo feed of an earlier run."""
    site = DemoSite(load_demo_articles()).start()
    for feed in app.store.feeds():
        if feed.origin == "demo":
            app.store.remove_feed(feed.url)
    app.add_feed(site.url, name="Sitrep demo feed", origin="demo")
    log_event(logger, logging.INFO, "demo.serving", url=site.url, articles=len(site.articles))
    return site
