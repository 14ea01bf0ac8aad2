"""The one factory that wires Sitrep's engine from settings (STYLE.md 2).

Tests replace the edges through the underscore-prefixed arguments: the store, the HTTP
transport and the clock.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import httpx

from digests import __version__
from digests.analysis import AnalysisReport, Analyst
from digests.errors import InvalidFeedURLError
from digests.extract.extractor import Extractor, default_extractor
from digests.extract.gazetteer import Gazetteer, default_gazetteer
from digests.ingest.http import Fetcher, FetchLimits
from digests.ingest.pipeline import FeedReport, IngestOptions, Ingestor, PassReport
from digests.ingest.urls import is_http_url
from digests.settings import Settings
from digests.store import Store
from digests.store.records import Feed, NewFeed

Clock = Callable[[], datetime]

USER_AGENT = f"Sitrep/{__version__} (conflict news digest; +https://github.com/sitrep/sitrep)"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Sitrep:
    """The engine with its edges: what the CLI, the scheduler and the bot drive."""

    settings: Settings
    store: Store
    clock: Clock = utc_now
    transport: httpx.AsyncBaseTransport | None = None
    rng: random.Random = field(default_factory=random.Random)
    extractor: Extractor | None = None
    _analyst: Analyst | None = field(default=None, init=False, repr=False)

    def analyst(self) -> Analyst:
        """The extract-and-cluster stage; the gazetteer is loaded on first use."""
        if self._analyst is None:
            if self.extractor is None:
                self.extractor = default_extractor(self.settings.region.admin1)
            self._analyst = Analyst(self.store, self.extractor, clock=self.clock)
        return self._analyst

    def gazetteer(self) -> Gazetteer:
        """The shipped gazetteer, preferring the configured region's governorates."""
        return default_gazetteer().with_preferred_admin1(self.settings.region.admin1)

    def analyse(self) -> AnalysisReport:
        """Bring events up to date with every stored article."""
        return self.analyst().process_pending()

    def fetch_limits(self) -> FetchLimits:
        ingest = self.settings.ingest
        return FetchLimits(
            connect_timeout=ingest.connect_timeout_seconds,
            read_timeout=ingest.read_timeout_seconds,
            total_timeout=ingest.connect_timeout_seconds + 2 * ingest.read_timeout_seconds,
            max_bytes=int(ingest.max_response_megabytes * 1_000_000),
            max_connections=ingest.max_concurrency,
            max_per_host=ingest.max_per_host,
            user_agent=USER_AGENT,
        )

    def ingest_options(self) -> IngestOptions:
        ingest = self.settings.ingest
        return IngestOptions(
            default_interval=timedelta(minutes=ingest.default_interval_minutes),
            disable_after_failures=ingest.disable_after_failures,
            page_retry=timedelta(minutes=ingest.page_retry_minutes),
            page_max_attempts=ingest.page_max_attempts,
        )

    def fetcher(self) -> Fetcher:
        return Fetcher(self.fetch_limits(), transport=self.transport)

    def ingestor(self, fetcher: Fetcher, page_executor: Executor | None = None) -> Ingestor:
        return Ingestor(
            self.store,
            fetcher,
            options=self.ingest_options(),
            clock=self.clock,
            rng=self.rng,
            page_executor=page_executor,
        )

    @contextmanager
    def page_executor(self) -> Iterator[Executor | None]:
        """Processes for page-text extraction, as configured; None means a thread."""
        workers = self.settings.ingest.page_workers
        if workers is None:
            workers = os.cpu_count() or 1
        if workers == 0:
            yield None
            return
        # forkserver: forking a process that runs threads (the scheduler, a demo site) is unsafe.
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_ignore_interrupts
        ) as pool:
            yield pool

    def sync_config_feeds(self) -> None:
        self.store.sync_config_feeds(
            [
                NewFeed(
                    url=f.url,
                    name=f.name,
                    language=f.language,
                    region=f.region,
                    interval_minutes=f.interval_minutes,
                )
                for f in self.settings.feeds
            ],
            self.clock(),
        )

    def add_feed(self, url: str, *, name: str | None = None, origin: str = "user") -> Feed:
        url = url.strip()
        if not is_http_url(url):
            raise InvalidFeedURLError(f"not an http(s) URL: {url[:100]!r}")
        return self.store.add_feed(
            NewFeed(url=url, name=name or urlsplit(url).hostname or url),
            self.clock(),
            origin=origin,
        )

    def scheduled_feeds(self) -> list[Feed]:
        """The feeds ``run`` polls: configured and user-added ones that are enabled."""
        return [f for f in self.store.feeds(enabled_only=True) if f.origin in {"config", "user"}]

    async def ingest(
        self,
        urls: Sequence[str] = (),
        *,
        on_feed_done: Callable[[FeedReport], None] | None = None,
    ) -> PassReport:
        """One pass over the scheduled feeds, or only over ``urls`` (kept in the store)."""
        if urls:
            feeds = [self._adhoc_feed(url) for url in urls]
        else:
            self.sync_config_feeds()
            feeds = self.scheduled_feeds()
        with self.page_executor() as pool:
            async with self.fetcher() as fetcher:
                ingestor = self.ingestor(fetcher, pool)
                return await ingestor.run_pass(feeds, on_feed_done=on_feed_done)

    def _adhoc_feed(self, url: str) -> Feed:
        known = self.store.feed_by_url(url.strip())
        # A feed named on the command line is polled even if it was disabled: the user asked.
        return known if known and known.enabled else self.add_feed(url, origin="adhoc")


def _ignore_interrupts() -> None:
    """Ctrl-C reaches every process of the terminal's group; the service stops the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def make_sitrep(
    settings: Settings,
    *,
    _store: Store | None = None,
    _transport: httpx.AsyncBaseTransport | None = None,
    _clock: Clock | None = None,
    _rng: random.Random | None = None,
    _extractor: Extractor | None = None,
) -> Sitrep:
    """Build the engine: open (and migrate) the store named by the settings."""
    store = _store or Store.open(settings.resolved_database_url())
    return Sitrep(
        settings=settings,
        store=store,
        clock=_clock or utc_now,
        transport=_transport,
        rng=_rng or random.Random(),
        extractor=_extractor,
    )
