"""An in-memory book of events: clustering plus each event's member incidents.

The store keeps the same state in SQL; this book serves tests, benchmarks and one-off runs.
"""

from __future__ import annotations

from collections.abc import Iterable

from digests.events.cluster import ClusterResult, ClusterRules, EventClusterer
from digests.events.model import ArticleFacts, Event, Incident
from digests.events.reconcile import reconcile


class EventBook:
    """Add articles (or revisions of them) in any order; read reconciled events."""

    def __init__(self, rules: ClusterRules | None = None) -> None:
        self.clusterer = EventClusterer(rules=rules)
        self._members: dict[str, dict[tuple[int, str], Incident]] = {}
        self._events: dict[str, Event] = {}

    def add(self, article: ArticleFacts) -> ClusterResult:
        result = self.clusterer.add(article)
        for members in self._members.values():
            for member in [m for m in members if m[0] == article.article_id]:
                del members[member]
        for key in result.emptied:
            self._members.pop(key, None)
            self._events.pop(key, None)
        for assignment in result.assignments:
            incident = assignment.incident
            slot = (incident.article.article_id, incident.key)
            self._members.setdefault(assignment.event_key, {})[slot] = incident
        for key in result.touched:
            self._events[key] = reconcile(key, self._members[key].values())
        return result

    def add_all(self, articles: Iterable[ArticleFacts]) -> None:
        for article in articles:
            self.add(article)

    def members(self) -> dict[str, tuple[Incident, ...]]:
        """Each event's member incidents, by event key."""
        return {key: tuple(members.values()) for key, members in self._members.items()}

    def events(self) -> list[Event]:
        """Every event, oldest first."""
        return sorted(self._events.values(), key=lambda e: (e.date, e.key))
