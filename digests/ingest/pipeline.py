"""One ingestion pass: poll feeds, read new entries in full, store articles once each.

The edges (HTTP, store) are passed in; decisions come from ``decide`` and ``policy``. No feed's
failure stops the pass: every failure lands in that feed's health and in the log.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import TypeVar
from urllib.parse import urlsplit

from digests.errors import FeedError, FetchError, ParseError
from digests.ingest import decide, policy
from digests.ingest.feedparse import FeedEntry, parse_feed
from digests.ingest.fulltext import PageText, extract_page, needs_full_text
from digests.ingest.http import Fetcher
from digests.logs import log_event
from digests.store import Store
from digests.store.records import Feed, NewArticle, NewEntry, PollOutcome

logger = logging.getLogger("sitrep.ingest")

Clock = Callable[[], datetime]
T = TypeVar("T")

MAX_FEED_NAME = 300  # the store's column width

WARN_AFTER_FAILURES = 3


@dataclass(frozen=True, slots=True)
class IngestOptions:
    default_interval: timedelta = timedelta(minutes=30)
    disable_after_failures: int = policy.DISABLE_AFTER_FAILURES
    page_retry: timedelta = timedelta(hours=1)
    page_max_attempts: int = 5


@dataclass(slots=True)
class FeedReport:
    """What one poll of one feed did."""

    url: str
    name: str
    status: str  # ok | not_modified | failed
    new: int = 0
    revised: int = 0
    pages_pending: int = 0
    error: str | None = None
    disabled: str | None = None


@dataclass(slots=True)
class PassReport:
    feeds: list[FeedReport] = field(default_factory=list)
    pages_retried: int = 0

    def count(self, status: str) -> int:
        return sum(1 for f in self.feeds if f.status == status)

    @property
    def new_articles(self) -> int:
        return sum(f.new for f in self.feeds)

    @property
    def revisions(self) -> int:
        return sum(f.revised for f in self.feeds)

    def summary(self) -> str:
        return (
            f"feeds polled {len(self.feeds)}, not modified {self.count('not_modified')}, "
            f"new articles {self.new_articles}, revisions {self.revisions}, "
            f"failed {self.count('failed')}"
        )


@dataclass(slots=True)
class _Text:
    text: str
    source: str  # feed | page
    page_state: str  # none | pending | done | failed
    page_published: datetime | None = None
    page_error: str | None = None
    language: str | None = None


class Ingestor:
    """Polls feeds through ``fetcher`` into ``store``."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        *,
        options: IngestOptions | None = None,
        clock: Clock,
        rng: random.Random | None = None,
        page_executor: Executor | None = None,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        # Where page text is extracted: a process pool in the service, a thread when None.
        self.page_executor = page_executor
        self.options = options or IngestOptions()
        self.clock = clock
        self.rng = rng or random.Random()

    async def run_pass(
        self,
        feeds: Sequence[Feed],
        *,
        on_feed_done: Callable[[FeedReport], None] | None = None,
    ) -> PassReport:
        """Poll ``feeds`` concurrently (the fetcher bounds it), then retry due pages."""
        report = PassReport()

        async def one(feed: Feed) -> None:
            result = await self.poll_feed(feed)
            report.feeds.append(result)
            if on_feed_done:
                on_feed_done(result)

        await asyncio.gather(*(one(feed) for feed in feeds))
        report.pages_retried = await self.retry_pages()
        return report

    async def poll_feed(self, feed: Feed) -> FeedReport:
        """Poll one feed and store what is new. Never raises for the feed's own faults."""
        report = FeedReport(url=feed.url, name=feed.name, status="ok")
        interval = (
            timedelta(minutes=feed.interval_minutes)
            if feed.interval_minutes
            else self.options.default_interval
        )
        now = self.clock()
        try:
            result = await self.fetcher.get(
                feed.url, etag=feed.etag, last_modified=feed.last_modified
            )
            if result.not_modified:
                report.status = "not_modified"
                parsed_entries: list[FeedEntry] = []
            else:
                parse = partial(
                    parse_feed, result.content, url=result.url, content_type=result.content_type
                )
                parsed = await self._off_loop(parse)
                parsed_entries = parsed.entries
                feed = self._named_from_channel(feed, parsed.title)
        except FeedError as error:
            return self._record_failure(feed, report, error, interval, now)

        try:
            await self._store_entries(feed, parsed_entries, report)
        except ParseError as error:  # pragma: no cover - defensive: parse errors are above
            return self._record_failure(feed, report, error, interval, now)
        self.store.record_poll(
            feed.id,
            PollOutcome(
                polled_at=now,
                next_poll_at=policy.next_poll_after_success(
                    now, interval, max_age=result.max_age, jitter=self.rng.random()
                ),
                status=result.status,
                etag=result.etag,
                last_modified=result.last_modified,
            ),
        )
        log_event(
            logger,
            logging.INFO,
            "feed.polled",
            feed=feed.name,
            status=result.status,
            new=report.new,
            revised=report.revised,
            pages_pending=report.pages_pending,
        )
        return report

    def _named_from_channel(self, feed: Feed, title: str) -> Feed:
        """A feed added by URL alone is known by its host until its channel says its name:
        readers see "Al Jazeera English" beside a figure, not "www.aljazeera.com"."""
        if not title or feed.name != urlsplit(feed.url).hostname:
            return feed
        return self.store.rename_feed(feed.id, title[:MAX_FEED_NAME])

    def _record_failure(
        self, feed: Feed, report: FeedReport, error: FeedError, interval: timedelta, now: datetime
    ) -> FeedReport:
        failures = feed.consecutive_failures + 1
        status = getattr(error, "status", None)
        retry_after = getattr(error, "retry_after", None)
        disable = policy.should_disable(
            failures, error, max_failures=self.options.disable_after_failures
        )
        next_poll = policy.next_poll_after_failure(
            now, interval, failures, retry_after=retry_after, jitter=self.rng.random()
        )
        self.store.record_poll(
            feed.id,
            PollOutcome(
                polled_at=now,
                next_poll_at=next_poll,
                status=status,
                error=error.message,
                disable_reason=disable,
            ),
        )
        report.status = "failed"
        report.error = error.message
        report.disabled = disable
        # Outlets fail now and then; only a feed that keeps failing deserves a warning.
        level = logging.WARNING if disable or failures >= WARN_AFTER_FAILURES else logging.INFO
        log_event(
            logger,
            level,
            "feed.failed",
            feed=feed.name,
            url=feed.url,
            error=error.message,
            failures=failures,
            next_poll=next_poll.isoformat(timespec="minutes"),
            disabled=disable,
        )
        return report

    async def _store_entries(
        self, feed: Feed, entries: list[FeedEntry], report: FeedReport
    ) -> None:
        if not entries:
            return
        keys = [decide.entry_key(e) for e in entries]
        seen = {
            key: (s.article_id, s.entry_hash)
            for key, s in self.store.entries_seen(feed.id, keys).items()
        }
        plans = [p for p in decide.plan_entries(entries, seen) if p.action != "unchanged"]
        texts = await asyncio.gather(*(self._read(plan.entry) for plan in plans))
        now = self.clock()
        fresh: list[NewEntry] = []
        for plan, text in zip(plans, texts, strict=True):
            if plan.action == "revise" and plan.article_id is not None:
                self._revise(feed, plan, text, now, report)
            else:
                fresh.append(
                    NewEntry(plan.key, plan.hash, self._new_article(feed, plan, text, now))
                )
        if fresh:
            stored = self.store.store_entries(feed.id, fresh, now)
            for entry, (_, created) in zip(fresh, stored, strict=True):
                report.new += created
                report.pages_pending += created and entry.article.page_state == "pending"

    def _new_article(
        self, feed: Feed, plan: decide.EntryPlan, text: _Text, now: datetime
    ) -> NewArticle:
        entry = plan.entry
        title = entry.title or _first_words(text.text)
        pending = text.page_state == "pending"
        return NewArticle(
            url=decide.article_url(entry, feed.url),
            title=title,
            outlet=feed.name,
            published_at=decide.published_time(entry, text.page_published, now),
            language=entry.language or text.language or feed.language,
            text=text.text,
            content_hash=decide.content_hash(title, text.text),
            text_source=text.source,
            page_state=text.page_state,
            page_retry_at=now + self.options.page_retry if pending else None,
            page_error=text.page_error,
            page_attempts=1 if text.page_state in {"pending", "done"} else 0,
        )

    def _revise(
        self, feed: Feed, plan: decide.EntryPlan, text: _Text, now: datetime, report: FeedReport
    ) -> None:
        assert plan.article_id is not None
        title = plan.entry.title or _first_words(text.text)
        revision = self.store.revise_article(
            plan.article_id,
            title=title,
            text=text.text,
            content_hash=decide.content_hash(title, text.text),
            text_source=text.source,
            now=now,
        )
        self.store.link_entry(feed.id, plan.key, plan.article_id, plan.hash, now)
        if revision is not None:
            report.revised += 1
            log_event(
                logger, logging.INFO, "article.revised", feed=feed.name, article=plan.article_id
            )

    async def _read(self, entry: FeedEntry) -> _Text:
        """The entry's full text: the feed's own when it is a real article, else the page's."""
        from_feed = decide.feed_text(entry)
        if not needs_full_text(entry):
            return _Text(from_feed, "feed", "none")
        link = decide.entry_link(entry)
        if link is None:
            return _Text(from_feed, "feed", "none")
        try:
            page = await self._fetch_page(link)
        except FeedError as error:
            # A network fault may pass; a page that is no article (a PDF, say) will not.
            state = "pending" if _transient(error) else "failed"
            log_event(logger, logging.INFO, f"page.{state}", url=link, error=error.message)
            return _Text(from_feed, "feed", state, page_error=error.message)
        if len(page.text) <= len(from_feed):
            return _Text(from_feed, "feed", "done", page.published, language=page.language)
        return _Text(page.text, "page", "done", page.published, language=page.language)

    async def _fetch_page(self, url: str) -> PageText:
        result = await self.fetcher.get(
            url, accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
        )
        extract = partial(
            extract_page, result.content, url=result.url, content_type=result.content_type
        )
        return await self._off_loop(extract)

    async def _off_loop(self, work: Callable[[], T]) -> T:
        """CPU work (parsing, extraction) in the worker pool, or a thread without one, so other
        feeds' I/O goes on meanwhile."""
        return await asyncio.get_running_loop().run_in_executor(self.page_executor, work)

    async def retry_pages(self) -> int:
        """Fetch again the pages that failed before and are due; return how many now succeeded."""
        due = self.store.pending_pages(self.clock())
        done = 0

        async def one(article_id: int, url: str, attempts: int) -> None:
            nonlocal done
            try:
                page = await self._fetch_page(url)
            except FeedError as error:
                give_up = attempts + 1 >= self.options.page_max_attempts or not _transient(error)
                retry_at = None if give_up else self.clock() + self.options.page_retry * 2**attempts
                self.store.record_page_failure(article_id, error.message, retry_at=retry_at)
                return
            article = self.store.article(article_id)
            if len(page.text) > len(article.text):
                self.store.revise_article(
                    article_id,
                    title=article.title,
                    text=page.text,
                    content_hash=decide.content_hash(article.title, page.text),
                    text_source="page",
                    now=self.clock(),
                )
            self.store.record_page_success(article_id)
            done += 1

        await asyncio.gather(*(one(p.article_id, p.url, p.attempts) for p in due))
        return done


def _transient(error: FeedError) -> bool:
    """Whether fetching a page again may succeed: network faults yes, "not an article" no."""
    return isinstance(error, FetchError) and not error.permanent


def _first_words(text: str, limit: int = 12) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "") if words else "(untitled)"
