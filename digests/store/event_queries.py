"""The store's queries about extractions and events (mixed into ``Store``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from digests.store.batching import chunks
from digests.store.schema import ArticleRow, EventMemberRow, EventRow, ExtractionRow


@dataclass(frozen=True, slots=True)
class StoredExtraction:
    article_id: int
    revision: int
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class EventWrite:
    """An event to create or update, with its full member list."""

    key: str
    day: date
    place_name: str | None
    admin1: str | None
    violence: str
    signature: dict[str, Any]
    members: tuple[tuple[int, str], ...]  # (article id, incident key)


@dataclass(frozen=True, slots=True)
class StoredEvent:
    id: int
    key: str
    day: date
    members: tuple[tuple[int, str], ...]


class EventQueries:
    """Extractions, event signatures and memberships."""

    _session: Callable[[], AbstractContextManager[Session]]

    def articles_to_extract(self, version: str, limit: int = 500) -> list[int]:
        """Articles with no extraction, or one of an older revision or extractor."""
        with self._session() as s:
            query = (
                select(ArticleRow.id)
                .outerjoin(ExtractionRow, ExtractionRow.article_id == ArticleRow.id)
                .where(
                    or_(
                        ExtractionRow.article_id.is_(None),
                        ExtractionRow.revision != ArticleRow.revision,
                        ExtractionRow.extractor_version != version,
                    )
                )
                .order_by(ArticleRow.published_at, ArticleRow.id)
                .limit(limit)
            )
            return list(s.scalars(query))

    def save_extraction(
        self, article_id: int, revision: int, version: str, data: dict[str, Any], now: datetime
    ) -> None:
        with self._session() as s:
            row = s.get(ExtractionRow, article_id)
            if row is None:
                s.add(
                    ExtractionRow(
                        article_id=article_id,
                        revision=revision,
                        extractor_version=version,
                        extracted_at=now,
                        data=data,
                    )
                )
            else:
                row.revision, row.extractor_version = revision, version
                row.extracted_at, row.data = now, data

    def extractions(self, article_ids: Iterable[int]) -> dict[int, StoredExtraction]:
        found: dict[int, StoredExtraction] = {}
        with self._session() as s:
            for chunk in chunks(sorted(set(article_ids)), 500):
                query = select(ExtractionRow).where(ExtractionRow.article_id.in_(chunk))
                for row in s.scalars(query):
                    found[row.article_id] = StoredExtraction(row.article_id, row.revision, row.data)
        return found

    def event_signatures(
        self, *, days: Iterable[date], reach: int, article_id: int
    ) -> list[dict[str, Any]]:
        """Signatures of events within ``reach`` days of ``days``, or holding ``article_id``."""
        wanted: set[date] = set()
        for day in days:
            wanted.update(day + timedelta(days=offset) for offset in range(-reach, reach + 1))
        with self._session() as s:
            member_of = select(EventMemberRow.event_id).where(
                EventMemberRow.article_id == article_id
            )
            conditions = [EventRow.id.in_(member_of)]
            for chunk in chunks(sorted(wanted), 300):
                conditions.append(EventRow.day.in_(chunk))
            query = select(EventRow.signature).where(or_(*conditions))
            return list(s.scalars(query))

    def write_events(
        self, writes: Sequence[EventWrite], deletes: Iterable[str], now: datetime
    ) -> None:
        """Create or update events with their members, and delete emptied ones, atomically."""
        with self._session() as s:
            gone = list(deletes)
            if gone:
                s.execute(delete(EventRow).where(EventRow.key.in_(gone)))
            for write in writes:
                row = s.scalar(select(EventRow).where(EventRow.key == write.key))
                if row is None:
                    row = EventRow(key=write.key)
                    s.add(row)
                row.day, row.place_name, row.admin1 = write.day, write.place_name, write.admin1
                row.violence, row.signature, row.updated_at = (
                    write.violence,
                    write.signature,
                    now,
                )
                s.flush()
                s.execute(delete(EventMemberRow).where(EventMemberRow.event_id == row.id))
                s.add_all(
                    EventMemberRow(event_id=row.id, article_id=article_id, incident_key=key)
                    for article_id, key in write.members
                )

    def events_between(self, start: date, end: date) -> list[StoredEvent]:
        """Events dated from ``start`` to ``end`` inclusive, with their members."""
        with self._session() as s:
            rows = list(
                s.execute(
                    select(EventRow.id, EventRow.key, EventRow.day)
                    .where(EventRow.day >= start, EventRow.day <= end)
                    .order_by(EventRow.day, EventRow.id)
                )
            )
            members: dict[int, list[tuple[int, str]]] = {}
            for chunk in chunks([r.id for r in rows], 500):
                query = select(
                    EventMemberRow.event_id, EventMemberRow.article_id, EventMemberRow.incident_key
                ).where(EventMemberRow.event_id.in_(chunk))
                for event_id, article_id, incident_key in s.execute(query):
                    members.setdefault(event_id, []).append((article_id, incident_key))
            return [
                StoredEvent(r.id, r.key, r.day, tuple(sorted(members.get(r.id, [])))) for r in rows
            ]

    def count_events(self) -> int:
        with self._session() as s:
            return s.scalar(select(func.count()).select_from(EventRow)) or 0
