"""Events: articles about the same incident grouped, their figures reconciled, totals drawn.

Pure code: no database, no network. A store persists ``EventSignature.to_json()`` per event
and (event key, article id, incident key) memberships; see ``EventClusterer`` for the flow.
"""

from digests.events.book import EventBook
from digests.events.cluster import (
    Assignment,
    ClusterResult,
    ClusterRules,
    EventClusterer,
    EventSignature,
)
from digests.events.escalation import Trend, escalation
from digests.events.incidents import member_incidents, split_incidents
from digests.events.model import (
    ArticleFacts,
    ArticleRef,
    Event,
    Headline,
    Incident,
    ReconciledFigure,
    Report,
    SourceTotal,
)
from digests.events.period import Period
from digests.events.reconcile import reconcile
from digests.events.serialize import event_to_json
from digests.events.totals import EventFilter, Range, Totals, compute_totals

__all__ = [
    "ArticleFacts",
    "ArticleRef",
    "Assignment",
    "ClusterResult",
    "ClusterRules",
    "Event",
    "EventBook",
    "EventClusterer",
    "EventFilter",
    "EventSignature",
    "Headline",
    "Incident",
    "Period",
    "Range",
    "ReconciledFigure",
    "Report",
    "SourceTotal",
    "Totals",
    "Trend",
    "compute_totals",
    "escalation",
    "event_to_json",
    "member_incidents",
    "reconcile",
    "split_incidents",
]
