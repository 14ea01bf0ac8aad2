"""The flow a SQL store follows (signatures as JSON, memberships as rows) gives the same events
as the in-memory book, also when the clusterer is rebuilt for every article."""

from __future__ import annotations

import json
from dataclasses import replace

from digests.events import (
    EventBook,
    EventClusterer,
    EventSignature,
    member_incidents,
    reconcile,
)
from digests.events.model import ArticleFacts, Event
from tests.events.fixtures import MAARAT, checkpoint_bombing, killed, market_airstrike_reports


class DictStore:
    """A stand-in for the SQL tables: JSON text per event, membership rows, article rows."""

    def __init__(self) -> None:
        self.signatures: dict[str, str] = {}
        self.memberships: set[tuple[str, int, str]] = set()
        self.articles: dict[int, ArticleFacts] = {}
        self.events: dict[str, Event] = {}

    def ingest(self, article: ArticleFacts) -> None:
        self.articles[article.article_id] = article
        clusterer = EventClusterer(
            EventSignature.from_json(json.loads(text)) for text in self.signatures.values()
        )
        result = clusterer.add(article)
        for key in result.emptied:
            del self.signatures[key]
            del self.events[key]
        self.memberships = {m for m in self.memberships if m[1] != article.article_id}
        self.memberships |= {
            (a.event_key, article.article_id, a.incident.key) for a in result.assignments
        }
        for key in result.touched:
            self.signatures[key] = json.dumps(clusterer.signature(key).to_json())
            rows = {(aid, ikey) for ekey, aid, ikey in self.memberships if ekey == key}
            members = [self.articles[aid] for aid in sorted({aid for aid, _ in rows})]
            self.events[key] = reconcile(key, member_incidents(members, rows))


def test_store_flow_matches_the_in_memory_book_including_a_revision() -> None:
    reports = market_airstrike_reports()
    revision = replace(
        reports[0], revision=2, figures=(killed(16, source="SOHR", place=MAARAT, day="2019-07-22"),)
    )
    sequence = [*reports, checkpoint_bombing(), revision]
    store = DictStore()
    book = EventBook()
    for article in sequence:
        store.ingest(article)
        book.add(article)
    stored = sorted(store.events.values(), key=lambda e: (e.date, e.key))
    assert stored == book.events()
    assert len(stored) == 2
    assert max(e.headline["killed"].high for e in stored) == 16
