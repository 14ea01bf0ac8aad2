"""Plain records the store hands out and takes in, so no caller touches a database row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    name: str
    language: str | None
    region: str | None
    interval_minutes: float | None
    origin: str
    enabled: bool
    disabled_reason: str | None
    etag: str | None
    last_modified: str | None
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_status: int | None
    last_error: str | None
    consecutive_failures: int
    next_poll_at: datetime | None


@dataclass(frozen=True, slots=True)
class NewFeed:
    url: str
    name: str
    language: str | None = None
    region: str | None = None
    interval_minutes: float | None = None


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll of a feed did to its health; the store applies it as given."""

    polled_at: datetime
    next_poll_at: datetime
    status: int | None
    error: str | None = None  # None on success
    etag: str | None = None
    last_modified: str | None = None
    disable_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Revision:
    revision: int
    title: str
    text: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    url: str
    title: str
    outlet: str
    published_at: datetime
    language: str | None
    text: str
    text_source: str
    page_state: str
    revision: int
    first_seen_at: datetime
    updated_at: datetime
    feeds: tuple[str, ...] = ()
    revisions: tuple[Revision, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class NewArticle:
    url: str
    title: str
    outlet: str
    published_at: datetime
    language: str | None
    text: str
    content_hash: str
    text_source: str
    page_state: str
    page_retry_at: datetime | None = None
    page_error: str | None = None
    page_attempts: int = 0


@dataclass(frozen=True, slots=True)
class EntrySeen:
    """A feed entry as the store last recorded it."""

    article_id: int
    entry_hash: str


@dataclass(frozen=True, slots=True)
class PendingPage:
    article_id: int
    url: str
    attempts: int


@dataclass(frozen=True, slots=True)
class NewEntry:
    """A feed entry not seen before, with the article it carries."""

    key: str
    hash: str
    article: NewArticle
