"""From stored articles to stored events: extract, cluster, persist; and events read back.

Articles are extracted when new, revised, or read by an older extractor. Each article is
clustered against the stored events near its incidents' dates (and the events it already
belongs to, so a revision moves its figures). Event figures are never stored: they are
reconciled from the member incidents whenever events are read, so they are always current.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from digests.events.cluster import ClusterRules, EventClusterer, EventSignature
from digests.events.incidents import split_incidents
from digests.events.model import ArticleFacts, Event, Incident
from digests.events.reconcile import reconcile
from digests.extract.codec import extraction_from_dict, extraction_to_dict
from digests.extract.extractor import Extractor
from digests.extract.model import Figure, Place
from digests.logs import log_event
from digests.store import Store
from digests.store.event_queries import EventWrite
from digests.store.records import Article

logger = logging.getLogger("sitrep.analysis")

Clock = Callable[[], datetime]


def analysis_version() -> str:
    """Changes whenever extraction, its data, or how articles split into incidents changes.

    Stored articles read by another version are read and clustered again, so stored events
    always reflect the code that runs (an incident's key depends on the events code too).
    """
    root = Path(__file__).resolve().parent
    files = [
        *sorted((root / "extract").glob("*.py")),
        *sorted((root / "events").glob("*.py")),
        *sorted((root / "data" / "gazetteer").glob("*")),
    ]
    hasher = hashlib.sha1()
    for path in files:
        if path.is_file():
            hasher.update(path.name.encode())
            hasher.update(path.read_bytes())
    return hasher.hexdigest()[:16]


@dataclass(slots=True)
class AnalysisReport:
    extracted: int = 0
    events_opened: int = 0
    events_updated: int = 0
    events_removed: int = 0

    def summary(self) -> str:
        return (
            f"articles read {self.extracted}, events new {self.events_opened}, "
            f"updated {self.events_updated}, removed {self.events_removed}"
        )


class Analyst:
    """Keeps stored events in step with stored articles."""

    def __init__(
        self,
        store: Store,
        extractor: Extractor,
        *,
        clock: Clock,
        version: str | None = None,
        rules: ClusterRules | None = None,
    ) -> None:
        self.store = store
        self.extractor = extractor
        self.clock = clock
        self.version = version or analysis_version()
        self.rules = rules or ClusterRules()

    def process_pending(self, batch: int = 200) -> AnalysisReport:
        """Extract and cluster every article that needs it, oldest first."""
        report = AnalysisReport()
        while ids := self.store.articles_to_extract(self.version, limit=batch):
            for article_id in ids:
                self._process(self.store.article(article_id), report)
        if report.extracted:
            log_event(logger, logging.INFO, "analysis.done", **_fields(report))
        return report

    def _process(self, article: Article, report: AnalysisReport) -> None:
        extraction = self.extractor.extract(_with_headline(article), article.published_at.date())
        self.store.save_extraction(
            article.id, article.revision, self.version, extraction_to_dict(extraction), self.clock()
        )
        report.extracted += 1
        facts = _facts(article, extraction.figures, extraction.places)
        incidents = split_incidents(facts)
        reach = self.rules.max_day_gap + 1
        signatures = self.store.event_signatures(
            days={i.date for i in incidents}, reach=reach, article_id=article.id
        )
        clusterer = EventClusterer(
            (EventSignature.from_json(s) for s in signatures), rules=self.rules
        )
        result = clusterer.add_incidents(article.id, incidents)
        writes = []
        for key in sorted(result.touched):
            signature = clusterer.signature(key)
            place = signature.place
            writes.append(
                EventWrite(
                    key=key,
                    day=signature.date,
                    place_name=place.name if place else None,
                    admin1=place.admin1 if place else None,
                    violence=signature.violence,
                    signature=signature.to_json(),
                    members=tuple(
                        sorted((m.article_id, m.incident_key) for m in signature.members)
                    ),
                )
            )
        self.store.write_events(writes, result.emptied, self.clock())
        opened = {a.event_key for a in result.assignments if a.opened}
        report.events_opened += len(opened)
        report.events_updated += len(result.touched - opened)
        report.events_removed += len(result.emptied)


def _with_headline(article: Article) -> str:
    """The article as a reader sees it: the headline, which often carries the toll, first."""
    title = article.title.strip()
    if not title or article.text.lstrip().startswith(title):
        return article.text
    return f"{title}\n\n{article.text}"


def load_events(store: Store, start: date, end: date) -> list[Event]:
    """Events dated ``start``..``end``, reconciled from their members' current extractions."""
    stored = store.events_between(start, end)
    article_ids = {article_id for event in stored for article_id, _ in event.members}
    incidents = _incidents_by_key(store, article_ids)
    events = []
    for event in stored:
        members = [incidents[m] for m in event.members if m in incidents]
        if members:
            events.append(reconcile(event.key, members, event_id=event.id))
    return events


def _incidents_by_key(store: Store, article_ids: Iterable[int]) -> dict[tuple[int, str], Incident]:
    ids = sorted(article_ids)
    extractions = store.extractions(ids)
    found: dict[tuple[int, str], Incident] = {}
    for article in store.articles_by_id(ids):
        stored = extractions.get(article.id)
        if stored is None:
            continue
        extraction = extraction_from_dict(stored.data)
        for incident in split_incidents(_facts(article, extraction.figures, extraction.places)):
            found[(article.id, incident.key)] = incident
    return found


def _facts(
    article: Article, figures: tuple[Figure, ...], places: tuple[Place, ...]
) -> ArticleFacts:
    return ArticleFacts(
        article_id=article.id,
        url=article.url,
        outlet=article.outlet,
        title=article.title,
        published=article.published_at,
        text=article.text,
        figures=figures,
        places=places,
        revision=article.revision,
    )


def _fields(report: AnalysisReport) -> dict[str, int]:
    return {
        "extracted": report.extracted,
        "opened": report.events_opened,
        "updated": report.events_updated,
        "removed": report.events_removed,
    }
