"""The store: the one place that speaks SQL. SQLite by default, PostgreSQL by URL.

Every method is a short transaction of its own. Errors from the database driver are wrapped
once here in ``StorageError``; a missing row is ``NotFoundError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from digests.errors import NotFoundError, StorageError
from digests.store.batching import chunks
from digests.store.event_queries import EventQueries
from digests.store.records import (
    Article,
    EntrySeen,
    Feed,
    NewArticle,
    NewEntry,
    NewFeed,
    PendingPage,
    PollOutcome,
    Revision,
)
from digests.store.schema import ArticleRow, EntryRow, FeedRow, RevisionRow


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Store(EventQueries):
    """Feeds, entries, articles and their revisions; extractions and events (EventQueries)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Store:
        """Connect to ``url`` and, unless told not to, bring the schema up to date."""
        from digests.store.migrate import upgrade

        try:
            engine = make_engine(url)
        except (SQLAlchemyError, ValueError) as e:
            raise StorageError(f"cannot open database: {_safe(e)}") from e
        if migrate:
            upgrade(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as e:
            session.rollback()
            raise StorageError(f"database error: {_safe(e)}") from e
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    # -- feeds -----------------------------------------------------------------------------

    def sync_config_feeds(self, feeds: Sequence[NewFeed], now: datetime) -> None:
        """Make the configured feeds present; a configured feed the user removed stays off.

        Feeds that came from an earlier configuration and are no longer in it are dropped
        unless they were added by a user.
        """
        wanted = {f.url: f for f in feeds}
        with self._session() as s:
            rows = {row.url: row for row in s.scalars(select(FeedRow))}
            for url, feed in wanted.items():
                row = rows.get(url)
                if row is None:
                    s.add(_new_feed_row(feed, "config", now))
                elif row.origin == "config":
                    row.name = feed.name
                    row.language = feed.language
                    row.region = feed.region
                    row.interval_minutes = feed.interval_minutes
            for url, row in rows.items():
                if row.origin == "config" and url not in wanted:
                    s.delete(row)

    def add_feed(self, feed: NewFeed, now: datetime, *, origin: str = "user") -> Feed:
        """Add a feed, or re-enable and return the one with that URL."""
        with self._session() as s:
            row = s.scalar(select(FeedRow).where(FeedRow.url == feed.url))
            if row is None:
                row = _new_feed_row(feed, origin, now)
                s.add(row)
            elif not row.enabled:
                row.enabled = True
                row.disabled_reason = None
                row.consecutive_failures = 0
                row.next_poll_at = now
            s.flush()
            return _feed(row)

    def remove_feed(self, url: str) -> None:
        with self._session() as s:
            result = s.execute(delete(FeedRow).where(FeedRow.url == url))
            if not result.rowcount:  # type: ignore[attr-defined]
                raise NotFoundError(f"no feed with URL {url}")

    def feeds(self, *, enabled_only: bool = False) -> list[Feed]:
        with self._session() as s:
            query = select(FeedRow).order_by(FeedRow.name, FeedRow.id)
            if enabled_only:
                query = query.where(FeedRow.enabled.is_(True))
            return [_feed(row) for row in s.scalars(query)]

    def feed(self, feed_id: int) -> Feed | None:
        with self._session() as s:
            row = s.get(FeedRow, feed_id)
            return _feed(row) if row else None

    def feed_by_url(self, url: str) -> Feed | None:
        with self._session() as s:
            row = s.scalar(select(FeedRow).where(FeedRow.url == url))
            return _feed(row) if row else None

    def rename_feed(self, feed_id: int, name: str) -> Feed:
        with self._session() as s:
            row = s.get(FeedRow, feed_id)
            if row is None:
                raise NotFoundError(f"no feed with id {feed_id}")
            row.name = name
            s.flush()
            return _feed(row)

    def record_poll(self, feed_id: int, outcome: PollOutcome) -> Feed:
        """Apply a poll's outcome to the feed's validators and health."""
        with self._session() as s:
            row = s.get(FeedRow, feed_id)
            if row is None:
                raise NotFoundError(f"no feed with id {feed_id}")
            row.last_polled_at = outcome.polled_at
            row.next_poll_at = outcome.next_poll_at
            row.last_status = outcome.status
            if outcome.error is None:
                row.last_success_at = outcome.polled_at
                row.last_error = None
                row.consecutive_failures = 0
                # A 304 carries no validators of its own; keep the ones we had.
                row.etag = outcome.etag or row.etag
                row.last_modified = outcome.last_modified or row.last_modified
            else:
                row.last_error = outcome.error[:500]
                row.consecutive_failures += 1
            if outcome.disable_reason:
                row.enabled = False
                row.disabled_reason = outcome.disable_reason[:500]
            return _feed(row)

    # -- entries and articles --------------------------------------------------------------

    def entries_seen(self, feed_id: int, keys: Iterable[str]) -> dict[str, EntrySeen]:
        """The entries of ``feed_id`` among ``keys`` that were seen before."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, EntrySeen] = {}
        with self._session() as s:
            for chunk in chunks(wanted, 500):
                query = select(EntryRow).where(
                    EntryRow.feed_id == feed_id, EntryRow.entry_key.in_(chunk)
                )
                for row in s.scalars(query):
                    found[row.entry_key] = EntrySeen(row.article_id, row.entry_hash)
        return found

    def add_article(
        self, article: NewArticle, now: datetime, *, feed_id: int, entry_key: str, entry_hash: str
    ) -> int:
        """Store a new article, its first revision and the entry that brought it."""
        return self.store_entries(feed_id, [NewEntry(entry_key, entry_hash, article)], now)[0][0]

    def store_entries(
        self, feed_id: int, entries: Sequence[NewEntry], now: datetime
    ) -> list[tuple[int, bool]]:
        """Store a feed's new entries in one transaction: (article id, whether it is new) each.

        An entry whose article is already stored (same canonical URL, or same content, from
        this feed or another) is linked to it; otherwise the article is added with its first
        revision. Entries of one batch that share a URL or content share one article.
        """
        with self._session() as s:
            urls = {e.article.url for e in entries}
            hashes = {e.article.content_hash for e in entries}
            by_url: dict[str, int] = {}
            by_hash: dict[str, int] = {}
            for chunk in chunks(sorted(urls), 500):
                query = select(ArticleRow.url, ArticleRow.id).where(ArticleRow.url.in_(chunk))
                for url, known_id in s.execute(query):
                    by_url[url] = known_id
            for chunk in chunks(sorted(hashes), 500):
                query = select(ArticleRow.content_hash, ArticleRow.id).where(
                    ArticleRow.content_hash.in_(chunk)
                )
                for digest, known_id in s.execute(query):
                    by_hash[digest] = known_id
            # New articles, once each even when several entries of the batch carry one.
            fresh: dict[str, NewArticle] = {}
            fresh_hashes: set[str] = set()
            for entry in entries:
                article = entry.article
                known = article.url in by_url or article.content_hash in by_hash
                repeated = article.url in fresh or article.content_hash in fresh_hashes
                if not known and not repeated:
                    fresh[article.url] = article
                    fresh_hashes.add(article.content_hash)
            if fresh:
                # Core bulk inserts: the ORM's unit of work costs more than the I/O here.
                inserted = s.execute(
                    insert(ArticleRow).returning(
                        ArticleRow.id, ArticleRow.url, sort_by_parameter_order=True
                    ),
                    [_article_values(article, now) for article in fresh.values()],
                )
                for article_id, url in inserted:
                    by_url[url] = article_id
                    by_hash[fresh[url].content_hash] = article_id
                s.execute(
                    insert(RevisionRow),
                    [
                        {
                            "article_id": by_url[url],
                            "revision": 1,
                            "title": article.title,
                            "text": article.text,
                            "content_hash": article.content_hash,
                            "recorded_at": now,
                        }
                        for url, article in fresh.items()
                    ],
                )
            stored: list[tuple[int, bool]] = []
            entry_rows = []
            announced: set[str] = set()
            for entry in entries:
                article = entry.article
                article_id = by_url.get(article.url) or by_hash[article.content_hash]
                created = article.url in fresh and article.url not in announced
                announced.add(article.url)
                entry_rows.append(
                    {
                        "feed_id": feed_id,
                        "article_id": article_id,
                        "entry_key": entry.key,
                        "entry_hash": entry.hash,
                        "seen_at": now,
                    }
                )
                stored.append((article_id, created))
            s.execute(insert(EntryRow), entry_rows)
            return stored

    def link_entry(
        self, feed_id: int, entry_key: str, article_id: int, entry_hash: str, now: datetime
    ) -> None:
        """Record that a feed's entry carries an article (new entry, or its content moved on)."""
        with self._session() as s:
            row = s.scalar(
                select(EntryRow).where(EntryRow.feed_id == feed_id, EntryRow.entry_key == entry_key)
            )
            if row is None:
                s.add(
                    EntryRow(
                        feed_id=feed_id,
                        article_id=article_id,
                        entry_key=entry_key,
                        entry_hash=entry_hash,
                        seen_at=now,
                    )
                )
            else:
                row.entry_hash = entry_hash
                row.seen_at = now

    def revise_article(
        self,
        article_id: int,
        *,
        title: str,
        text: str,
        content_hash: str,
        text_source: str,
        now: datetime,
    ) -> int | None:
        """Record a new revision when the content changed; return its number, or None."""
        with self._session() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            if row.content_hash == content_hash:
                return None
            row.revision += 1
            row.title, row.text, row.content_hash = title, text, content_hash
            row.text_source = text_source
            row.updated_at = now
            s.add(
                RevisionRow(
                    article_id=row.id,
                    revision=row.revision,
                    title=title,
                    text=text,
                    content_hash=content_hash,
                    recorded_at=now,
                )
            )
            return row.revision

    def pending_pages(self, now: datetime, limit: int = 200) -> list[PendingPage]:
        """Articles whose full page could not be fetched yet and are due for another try."""
        with self._session() as s:
            query = (
                select(ArticleRow.id, ArticleRow.url, ArticleRow.page_attempts)
                .where(ArticleRow.page_state == "pending", ArticleRow.page_retry_at <= now)
                .order_by(ArticleRow.page_retry_at)
                .limit(limit)
            )
            return [PendingPage(*row) for row in s.execute(query)]

    def record_page_failure(
        self, article_id: int, error: str, *, retry_at: datetime | None
    ) -> None:
        """Count a failed page fetch; ``retry_at`` None means give up (the feed text stays)."""
        with self._session() as s:
            s.execute(
                update(ArticleRow)
                .where(ArticleRow.id == article_id)
                .values(
                    page_attempts=ArticleRow.page_attempts + 1,
                    page_error=error[:500],
                    page_retry_at=retry_at,
                    page_state="pending" if retry_at else "failed",
                )
            )

    def record_page_success(self, article_id: int) -> None:
        with self._session() as s:
            s.execute(
                update(ArticleRow)
                .where(ArticleRow.id == article_id)
                .values(
                    page_state="done",
                    page_error=None,
                    page_retry_at=None,
                    page_attempts=ArticleRow.page_attempts + 1,
                )
            )

    def article(self, article_id: int) -> Article:
        with self._session() as s:
            row = s.get(ArticleRow, article_id, options=[selectinload(ArticleRow.revisions)])
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            return _article(row, self._feed_names(s, [row.id]).get(row.id, ()))

    def articles(self, *, since: datetime | None = None, limit: int | None = None) -> list[Article]:
        """Articles newest first, with their revisions and the feeds they came from."""
        with self._session() as s:
            query = (
                select(ArticleRow)
                .options(selectinload(ArticleRow.revisions))
                .order_by(ArticleRow.published_at.desc(), ArticleRow.id.desc())
            )
            if since is not None:
                query = query.where(ArticleRow.published_at >= since)
            if limit is not None:
                query = query.limit(limit)
            rows = list(s.scalars(query))
            names = self._feed_names(s, [r.id for r in rows])
            return [_article(row, names.get(row.id, ())) for row in rows]

    def articles_by_id(self, article_ids: Iterable[int]) -> list[Article]:
        """Articles by id, without their revision history (for reading many at once)."""
        found: list[Article] = []
        with self._session() as s:
            for chunk in chunks(sorted(set(article_ids)), 500):
                for row in s.scalars(select(ArticleRow).where(ArticleRow.id.in_(chunk))):
                    found.append(_article(row, (), with_revisions=False))
        return found

    def count_articles(self) -> int:
        with self._session() as s:
            return s.scalar(select(func.count()).select_from(ArticleRow)) or 0

    @staticmethod
    def _feed_names(s: Session, article_ids: list[int]) -> dict[int, tuple[str, ...]]:
        names: dict[int, list[str]] = {}
        for chunk in chunks(article_ids, 500):
            query = (
                select(EntryRow.article_id, FeedRow.url)
                .join(FeedRow, FeedRow.id == EntryRow.feed_id)
                .where(EntryRow.article_id.in_(chunk))
                .distinct()
            )
            for article_id, url in s.execute(query):
                names.setdefault(article_id, []).append(url)
        return {k: tuple(sorted(v)) for k, v in names.items()}


def _article_values(article: NewArticle, now: datetime) -> dict[str, Any]:
    return {
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "published_at": article.published_at,
        "language": article.language,
        "text": article.text,
        "content_hash": article.content_hash,
        "text_source": article.text_source,
        "page_state": article.page_state,
        "page_attempts": article.page_attempts,
        "page_retry_at": article.page_retry_at,
        "page_error": article.page_error,
        "revision": 1,
        "first_seen_at": now,
        "updated_at": now,
    }


def _new_feed_row(feed: NewFeed, origin: str, now: datetime) -> FeedRow:
    return FeedRow(
        url=feed.url,
        name=feed.name,
        language=feed.language,
        region=feed.region,
        interval_minutes=feed.interval_minutes,
        origin=origin,
        enabled=True,
        consecutive_failures=0,
        next_poll_at=now,
        created_at=now,
    )


def _feed(row: FeedRow) -> Feed:
    return Feed(
        id=row.id,
        url=row.url,
        name=row.name,
        language=row.language,
        region=row.region,
        interval_minutes=row.interval_minutes,
        origin=row.origin,
        enabled=row.enabled,
        disabled_reason=row.disabled_reason,
        etag=row.etag,
        last_modified=row.last_modified,
        last_polled_at=row.last_polled_at,
        last_success_at=row.last_success_at,
        last_status=row.last_status,
        last_error=row.last_error,
        consecutive_failures=row.consecutive_failures,
        next_poll_at=row.next_poll_at,
    )


def _article(row: ArticleRow, feeds: tuple[str, ...], *, with_revisions: bool = True) -> Article:
    return Article(
        id=row.id,
        url=row.url,
        title=row.title,
        outlet=row.outlet,
        published_at=row.published_at,
        language=row.language,
        text=row.text,
        text_source=row.text_source,
        page_state=row.page_state,
        revision=row.revision,
        first_seen_at=row.first_seen_at,
        updated_at=row.updated_at,
        feeds=feeds,
        revisions=tuple(Revision(r.revision, r.title, r.text, r.recorded_at) for r in row.revisions)
        if with_revisions
        else (),
    )


def _safe(error: Exception) -> str:
    """The first line of a driver error, without the SQL and parameters it may carry."""
    text = str(getattr(error, "orig", None) or error)
    return text.strip().splitlines()[0][:300] if text.strip() else type(error).__name__
