"""Incremental clustering: each new incident joins the event it describes or opens one.

State is a set of ``EventSignature`` values, plain data that round-trips through JSON, so a
store can persist them and rebuild an ``EventClusterer`` at any time.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

import numpy as np

from digests.events.incidents import split_incidents
from digests.events.model import ArticleFacts, Incident, Violence
from digests.events.places import distance_km, is_broad, place_key
from digests.events.wording import similarity
from digests.extract.model import Place


@dataclass(frozen=True, slots=True)
class ClusterRules:
    """How close two incidents must be to count as one; defaults follow the issue."""

    max_day_gap: int = 1
    near_km: float = 5.0
    district_km: float = 40.0  # same district name farther apart than this: a homonym
    # Minimum wording similarity (estimated Jaccard) by how the places relate.
    # Measured on hand-written reports: one incident told by different outlets shares
    # 0.08-0.3 of its wording; two incidents in one town on one day share 0.06-0.09.
    same_place_same_violence: float = 0.03
    same_place: float = 0.05
    near_place: float = 0.12
    same_district: float = 0.2
    unknown_place: float = 0.2


@dataclass(frozen=True, slots=True)
class MemberPrint:
    """What clustering remembers of one member incident."""

    article_id: int
    incident_key: str
    date: date
    date_explicit: bool
    place: Place | None
    violence: Violence
    fingerprint: tuple[int, ...]
    area: bool = False  # an area incident: the rest of a figure whose specific parts are apart

    @classmethod
    def of(cls, incident: Incident) -> MemberPrint:
        return cls(
            article_id=incident.article.article_id,
            incident_key=incident.key,
            date=incident.date,
            date_explicit=incident.date_explicit,
            place=incident.place,
            violence=incident.violence,
            fingerprint=incident.fingerprint,
            area=incident.is_area,
        )


@dataclass(frozen=True, slots=True)
class EventSignature:
    """An event as clustering sees it: its members' places, dates, kinds and wording."""

    key: str
    members: tuple[MemberPrint, ...]

    @property
    def date(self) -> date:
        return representative_date([(m.date, m.date_explicit) for m in self.members])

    @property
    def place(self) -> Place | None:
        return representative_place([m.place for m in self.members])

    @property
    def violence(self) -> Violence:
        return representative_violence([m.violence for m in self.members])

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "members": [_member_to_json(m) for m in self.members]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventSignature:
        members = tuple(_member_from_json(m) for m in data["members"])
        return cls(key=str(data["key"]), members=members)


def representative_date(dates: Sequence[tuple[date, bool]]) -> date:
    """The date most members give, preferring dates the texts stated; ties go to the earliest."""
    explicit = [d for d, stated in dates if stated]
    pool = Counter(explicit or [d for d, _ in dates])
    return min(pool, key=lambda d: (-pool[d], d))


def representative_place(places: Sequence[Place | None]) -> Place | None:
    """The most reported specific place (first named wins ties), else the most reported area."""
    known = [p for p in places if p is not None]
    if not known:
        return None
    specific = [p for p in known if not is_broad(p)] or known
    counts = Counter(place_key(p) for p in specific)
    best = max(counts.values())
    winner = next(place_key(p) for p in specific if counts[place_key(p)] == best)
    # One place, several spellings: show the one most reports use.
    spellings = Counter(p for p in specific if place_key(p) == winner)
    return max(spellings, key=lambda p: spellings[p])


def representative_violence(kinds: Sequence[Violence]) -> Violence:
    named: Counter[Violence] = Counter(k for k in kinds if k != "unknown")
    if not named:
        return "unknown"
    best = max(named.values())
    return next(k for k in kinds if named.get(k) == best)


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one incident of an article went."""

    incident: Incident
    event_key: str
    opened: bool


@dataclass(frozen=True, slots=True)
class ClusterResult:
    """The outcome of adding (or revising) one article."""

    assignments: tuple[Assignment, ...]
    touched: frozenset[str]  # events whose members changed: reconcile them again
    emptied: frozenset[str]  # events left with no member after a revision: delete them


@dataclass(slots=True)
class _Entry:
    """A signature with its derived values computed once, since matching reads them often."""

    signature: EventSignature
    day: date
    place: Place | None
    violence: Violence
    explicit_dates: frozenset[date] = frozenset()
    prints: list[np.ndarray] = field(default_factory=list)
    place_keys: set[str] = field(default_factory=set)
    article_ids: set[int] = field(default_factory=set)
    area: bool = False  # some member is an area incident


class EventClusterer:
    """Decides, article by article, which event each incident belongs to.

    With a store, per new or revised article:

    1. build a clusterer from the signatures of events dated within a few days of the
       article (and of the events the article already belongs to, for a revision);
    2. ``result = clusterer.add(article)``;
    3. delete ``result.emptied`` events; replace the article's memberships with
       ``(a.event_key, article_id, a.incident.key)`` for each of ``result.assignments``;
    4. for each key in ``result.touched``: save ``clusterer.signature(key).to_json()`` and
       ``reconcile(key, member_incidents(member_articles, memberships), event_id)``.
    """

    def __init__(
        self, signatures: Iterable[EventSignature] = (), rules: ClusterRules | None = None
    ) -> None:
        self.rules = rules or ClusterRules()
        self._entries: dict[str, _Entry] = {}
        # day -> governorate (None: unknown or a whole country) -> event keys
        self._by_day: dict[date, dict[str | None, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._by_article: dict[int, set[str]] = defaultdict(set)
        self._next = 0
        for signature in signatures:
            self._put(signature)

    def __len__(self) -> int:
        return len(self._entries)

    def signature(self, key: str) -> EventSignature:
        return self._entries[key].signature

    def signatures(self) -> list[EventSignature]:
        return [entry.signature for entry in self._entries.values()]

    def add(self, article: ArticleFacts) -> ClusterResult:
        """Cluster an article's incidents; a known ``article_id`` is treated as a revision."""
        return self.add_incidents(article.article_id, split_incidents(article))

    def add_incidents(self, article_id: int, incidents: Sequence[Incident]) -> ClusterResult:
        emptied, touched = self.remove_article(article_id)
        assignments = []
        for incident in incidents:
            key = self._best_event(incident)
            opened = key is None
            if key is None:
                key = self._new_key(incident)
                self._put(EventSignature(key=key, members=(MemberPrint.of(incident),)))
            else:
                entry = self._entries[key]
                members = (*entry.signature.members, MemberPrint.of(incident))
                self._replace(key, replace(entry.signature, members=members))
            touched.add(key)
            emptied.discard(key)
            assignments.append(Assignment(incident=incident, event_key=key, opened=opened))
        return ClusterResult(
            assignments=tuple(assignments),
            touched=frozenset(touched - emptied),
            emptied=frozenset(emptied),
        )

    def remove_article(self, article_id: int) -> tuple[set[str], set[str]]:
        """Forget an article's incidents; returns (emptied event keys, touched event keys)."""
        emptied: set[str] = set()
        touched: set[str] = set()
        for key in self._by_article.pop(article_id, set()):
            entry = self._entries[key]
            members = tuple(m for m in entry.signature.members if m.article_id != article_id)
            if members:
                self._replace(key, replace(entry.signature, members=members))
                touched.add(key)
            else:
                self._drop(key)
                emptied.add(key)
        return emptied, touched

    # -- matching --------------------------------------------------------------------------

    def _best_event(self, incident: Incident) -> str | None:
        article_id = incident.article.article_id
        print_ = np.asarray(incident.fingerprint, dtype=np.uint32)
        best: tuple[float, str] | None = None
        for key in self._candidates(incident.date, incident.place):
            entry = self._entries[key]
            if abs((entry.day - incident.date).days) > self.rules.max_day_gap:
                continue
            if (
                incident.date_explicit
                and entry.explicit_dates
                and incident.date not in entry.explicit_dates
            ):
                # Both texts date their incident, on different days: two incidents. The day
                # of slack is for dates inferred from publication ("yesterday" unresolved).
                continue
            if article_id in entry.article_ids:
                continue  # one article reports one incident once
            if not self._same_scope(incident, entry):
                continue
            score = self._score(incident, print_, entry)
            if score is not None and (best is None or score > best[0]):
                best = (score, key)
        return best[1] if best else None

    @staticmethod
    def _same_scope(incident: Incident, entry: _Entry) -> bool:
        """An area incident (the rest of "73 in two days" beside a market strike's 37) never
        joins an event at a specific place, and a report at a specific place never joins an
        event of area incidents: either way the market would show the area's number again.
        Another outlet's count for the whole area does join the area's event."""
        if incident.is_area:
            return entry.place is None or is_broad(entry.place)
        specific = incident.place is not None and not is_broad(incident.place)
        return not (specific and entry.area)

    def _score(self, incident: Incident, print_: np.ndarray, entry: _Entry) -> float | None:
        event_violence = entry.violence
        known = "unknown" not in (incident.violence, event_violence)
        if known and incident.violence != event_violence:
            return None
        relation, closeness = self._relate(incident.place, entry)
        if relation is None:
            return None
        wording = max((similarity(print_, p) for p in entry.prints), default=0.0)
        rules = self.rules
        if relation == "same":
            needed = rules.same_place_same_violence if known else rules.same_place
        else:
            needed = {
                "near": rules.near_place,
                "district": rules.same_district,
                "unknown": rules.unknown_place,
            }[relation]
        if wording < needed:
            return None
        same_day = 0.1 if entry.day == incident.date else 0.0
        return closeness + wording + same_day + (0.2 if known else 0.0)

    def _relate(self, place: Place | None, entry: _Entry) -> tuple[str | None, float]:
        """How an incident's place relates to an event's: same, near, district, unknown."""
        event_place = entry.place
        if place is None or event_place is None:
            return "unknown", 0.0
        if place_key(place) in entry.place_keys:
            return "same", 1.0
        if place.country != event_place.country:
            return None, 0.0
        broad = is_broad(place) or is_broad(event_place)
        if not broad and distance_km(place, event_place) <= self.rules.near_km:
            return "near", 0.8
        if broad and place.admin1 is not None and place.admin1 == event_place.admin1:
            return "district", 0.4
        if (
            place.admin2 is not None
            and place.admin2 == event_place.admin2
            and distance_km(place, event_place) <= self.rules.district_km
        ):
            return "district", 0.5
        return None, 0.0

    def _candidates(self, day: date, place: Place | None) -> set[str]:
        """Events that could match: a little wider in time than the rule (an event's date can
        move as members join), and in the same governorate unless either place is unknown.
        Two towns a few km apart across a governorate border are not compared: rare, and the
        price of not comparing every incident with every event of the week."""
        reach = self.rules.max_day_gap + 1
        region = _region(place)
        keys: set[str] = set()
        for offset in range(-reach, reach + 1):
            by_region = self._by_day.get(day + timedelta(days=offset))
            if not by_region:
                continue
            if region is None:
                for bucket in by_region.values():
                    keys |= bucket
            else:
                keys |= by_region.get(region, set())
                keys |= by_region.get(None, set())
        return keys

    # -- bookkeeping -----------------------------------------------------------------------

    def _new_key(self, incident: Incident) -> str:
        base = f"a{incident.article.article_id}:{incident.key}"
        key = base
        while key in self._entries:
            self._next += 1
            key = f"{base}#{self._next}"
        return key

    def _put(self, signature: EventSignature) -> None:
        entry = _Entry(
            signature=signature,
            day=signature.date,
            place=signature.place,
            violence=signature.violence,
            explicit_dates=frozenset(m.date for m in signature.members if m.date_explicit),
            prints=[np.asarray(m.fingerprint, dtype=np.uint32) for m in signature.members],
            place_keys={place_key(m.place) for m in signature.members if m.place is not None},
            article_ids={m.article_id for m in signature.members},
            area=any(m.area for m in signature.members),
        )
        self._entries[signature.key] = entry
        self._by_day[entry.day][_region(entry.place)].add(signature.key)
        for member in signature.members:
            self._by_article[member.article_id].add(signature.key)

    def _drop(self, key: str) -> None:
        entry = self._entries.pop(key)
        self._by_day[entry.day][_region(entry.place)].discard(key)
        for member in entry.signature.members:
            keys = self._by_article.get(member.article_id)
            if keys is not None:
                keys.discard(key)

    def _replace(self, key: str, signature: EventSignature) -> None:
        self._drop(key)
        self._put(signature)


def _region(place: Place | None) -> str | None:
    """The index bucket of a place: its country and governorate, None when not that precise."""
    if place is None or place.admin1 is None or place.feature == "country":
        return None
    return f"{place.country}/{place.admin1}"


def _member_to_json(member: MemberPrint) -> dict[str, Any]:
    place = member.place
    return {
        "article_id": member.article_id,
        "incident_key": member.incident_key,
        "date": member.date.isoformat(),
        "date_explicit": member.date_explicit,
        "place": None
        if place is None
        else {
            "name": place.name,
            "country": place.country,
            "admin1": place.admin1,
            "admin2": place.admin2,
            "lat": place.lat,
            "lon": place.lon,
            "feature": place.feature,
            "place_id": place.place_id,
        },
        "violence": member.violence,
        "fingerprint": list(member.fingerprint),
        **({"area": True} if member.area else {}),
    }


def _member_from_json(data: dict[str, Any]) -> MemberPrint:
    place = data.get("place")
    return MemberPrint(
        article_id=int(data["article_id"]),
        incident_key=str(data["incident_key"]),
        date=date.fromisoformat(data["date"]),
        date_explicit=bool(data["date_explicit"]),
        place=None if place is None else Place(**place),
        violence=data["violence"],
        fingerprint=tuple(int(v) for v in data["fingerprint"]),
        area=bool(data.get("area", False)),
    )
