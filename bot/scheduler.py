"""Scheduled ingestion: every feed is its own APScheduler job, re-armed for its next poll.

Each feed's job is a one-shot date trigger with a stable id and ``max_instances=1``, re-added
after the poll for the time the store computed (interval, jitter, backoff, Retry-After). So a
slow feed never delays another, and one feed is never polled twice at once.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Executor
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from digests.app import Sitrep
from digests.errors import SitrepError
from digests.ingest.http import Fetcher
from digests.ingest.pipeline import Ingestor
from digests.logs import log_event

logger = logging.getLogger("sitrep.scheduler")

REFRESH_EVERY = timedelta(seconds=60)
PAGE_RETRY_EVERY = timedelta(minutes=5)


class IngestScheduler:
    """Keeps one poll job per enabled feed, and retries deferred article pages."""

    def __init__(
        self,
        app: Sitrep,
        fetcher: Fetcher,
        scheduler: AsyncIOScheduler,
        *,
        page_executor: Executor | None = None,
        extra_feed_origins: frozenset[str] = frozenset(),
    ) -> None:
        self.app = app
        self.scheduler = scheduler
        self.ingestor: Ingestor = app.ingestor(fetcher, page_executor)
        self.origins = frozenset({"config", "user"}) | extra_feed_origins
        self.polls = 0
        # Feeds being polled right now: their one-shot job has already left the job store.
        self.in_flight: set[int] = set()
        # One analysis at a time: two at once could both take the same new article.
        self._analysis = asyncio.Lock()

    def start(self) -> None:
        self.app.sync_config_feeds()
        self.refresh()
        # Articles stored earlier but not analysed by this version (an upgrade, a crash).
        self.scheduler.add_job(self.analyse, id="analyse-at-start", max_instances=1)
        self.scheduler.add_job(
            self.refresh,
            IntervalTrigger(seconds=REFRESH_EVERY.total_seconds()),
            id="refresh-feeds",
            max_instances=1,
            coalesce=True,
        )
        self.scheduler.add_job(
            self.retry_pages,
            IntervalTrigger(seconds=PAGE_RETRY_EVERY.total_seconds()),
            id="retry-pages",
            max_instances=1,
            coalesce=True,
        )

    def refresh(self) -> None:
        """Arm a job for every enabled feed that has none; drop jobs of removed feeds."""
        feeds = {
            f.id: f for f in self.app.store.feeds(enabled_only=True) if f.origin in self.origins
        }
        for job in self.scheduler.get_jobs():
            if job.id.startswith("feed:") and int(job.id[5:]) not in feeds:
                job.remove()
        for feed in feeds.values():
            if feed.id not in self.in_flight and self.scheduler.get_job(f"feed:{feed.id}") is None:
                self._arm(feed.id, feed.next_poll_at)

    def _arm(self, feed_id: int, when: datetime | None) -> None:
        now = self.app.clock()
        self.scheduler.add_job(
            self.poll,
            DateTrigger(run_date=max(when or now, now)),
            args=[feed_id],
            id=f"feed:{feed_id}",
            replace_existing=True,
            max_instances=1,
            misfire_grace_time=None,
        )

    async def poll(self, feed_id: int) -> None:
        feed = self.app.store.feed(feed_id)
        if feed is None or not feed.enabled or feed_id in self.in_flight:
            return
        self.in_flight.add(feed_id)
        try:
            report = await self.ingestor.poll_feed(feed)
            if report.new or report.revised:
                await self.analyse()
        except asyncio.CancelledError:
            # Only a stop that outlasted ``drain`` cancels a poll; the next run picks it up.
            log_event(logger, logging.INFO, "poll.cancelled", feed=feed.name)
            return
        except SitrepError as error:  # the store failing must not end the schedule
            log_event(logger, logging.ERROR, "poll.error", feed=feed.name, error=error.message)
        except Exception:
            logger.exception("poll crashed feed=%s", feed.name)
        finally:
            self.polls += 1
            self.in_flight.discard(feed_id)
        after = self.app.store.feed(feed_id)
        if after is not None and after.enabled:
            fallback = self.app.clock() + self.ingestor.options.default_interval
            self._arm(feed_id, after.next_poll_at or fallback)

    async def retry_pages(self) -> None:
        try:
            done = await self.ingestor.retry_pages()
        except SitrepError as error:
            log_event(logger, logging.ERROR, "pages.error", error=error.message)
            return
        if done:
            log_event(logger, logging.INFO, "pages.retried", fetched=done)
            await self.analyse()

    async def drain(self, timeout: float) -> None:
        """Wait, up to ``timeout`` seconds, for polls and analysis under way to finish."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while (self.in_flight or self._analysis.locked()) and loop.time() < deadline:
            await asyncio.sleep(0.1)

    async def analyse(self) -> None:
        """Extract and cluster what is new, in a thread so polling goes on meanwhile."""
        async with self._analysis:
            await asyncio.to_thread(self.app.analyse)
