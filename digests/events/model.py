"""The records of the events stage: what an article brings in and what an event holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from digests.extract.model import Figure, Place

Violence = Literal["airstrike", "missile", "shelling", "bombing", "clashes", "massacre", "unknown"]
Unit = Literal["people", "families"]

# The kinds an event headline (and every total) is made of, in reading order.
HEADLINE_KINDS: tuple[str, ...] = ("killed", "injured", "displaced")


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """One stored article with what extraction read from it."""

    article_id: int
    url: str
    outlet: str
    title: str
    published: datetime  # UTC
    text: str
    figures: tuple[Figure, ...]
    places: tuple[Place, ...]
    revision: int = 1


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An event's member article, as a digest links to it."""

    article_id: int
    url: str
    outlet: str
    title: str
    published: datetime


@dataclass(frozen=True, slots=True)
class Incident:
    """The figures one article gives for one (place, date): the unit that joins an event.

    ``key`` is stable for a given article text, so a store can record memberships as
    (event, article, incident key) and rebuild incidents from the article later.

    An area incident holds a figure for a wider area or a longer period ("73 killed in the
    last two days") that includes specific incidents the same article reports apart (the 37
    of a market strike): ``contains`` holds those, and only what the area figure has beyond
    them counts toward its event's headline and totals.
    """

    key: str
    article: ArticleRef
    revision: int
    date: date
    date_explicit: bool  # the text dated the figures; False when the publication date stood in
    place: Place | None
    violence: Violence
    figures: tuple[Figure, ...]
    fingerprint: tuple[int, ...]  # MinHash of the wording that describes this incident
    contains: tuple[Incident, ...] = ()  # an area incident: the article's incidents inside it

    @property
    def is_area(self) -> bool:
        return bool(self.contains)


@dataclass(frozen=True, slots=True)
class Report:
    """One source's figure for one (kind, group) of an event, traceable to its article."""

    count: int | None
    count_high: int | None
    qualifier: str
    source: str | None
    outlet: str
    url: str
    article_id: int
    published: datetime
    quote: str = ""

    @property
    def label(self) -> str:
        """Who said it: the cited source, else the outlet that printed it."""
        return self.source or self.outlet

    @property
    def is_vague(self) -> bool:
        return self.count is None or self.qualifier == "vague"

    @property
    def top(self) -> int | None:
        if self.count is None or self.count_high is None:
            return self.count
        return max(self.count, self.count_high)  # a "high" below the count is a typo


@dataclass(frozen=True, slots=True)
class ReconciledFigure:
    """The range over sources for one (kind, group); ``low`` is what totals count."""

    kind: str
    group: str
    low: int | None  # None when every report is vague
    high: int | None
    unit: Unit
    reports: tuple[Report, ...]


@dataclass(frozen=True, slots=True)
class SourceTotal:
    """One report's total for a kind (e.g. SOHR: 5 civilians + 3 fighters = 8)."""

    label: str
    count: int
    count_high: int | None
    qualifier: str
    cited: bool  # the label is a source the article named, not the outlet itself
    outlet: str
    url: str
    article_id: int

    @property
    def top(self) -> int:
        return self.count_high if self.count_high is not None else self.count


@dataclass(frozen=True, slots=True)
class Headline:
    """An event's figure for one kind: the conservative low end, the high end beside it."""

    kind: str
    low: int
    high: int
    unit: Unit
    sources: tuple[SourceTotal, ...]  # highest first
    vague_outlets: int = 0  # outlets that gave only a vague amount ("dozens")
    # An area figure's share already counted by the specific incidents it includes, which
    # are events of their own: ``low`` and ``high`` are what is left, while ``sources`` keep
    # the whole figure each source gave (73 in the area, 37 of them at the market: 36).
    apart: int = 0


@dataclass(frozen=True, slots=True)
class Event:
    """One incident, counted once, with every report of it."""

    id: int | None
    key: str
    date: date
    place: Place | None
    violence: Violence
    articles: tuple[ArticleRef, ...]
    figures: tuple[ReconciledFigure, ...]
    headline: dict[str, Headline]

    @property
    def article_ids(self) -> tuple[int, ...]:
        return tuple(a.article_id for a in self.articles)

    def low(self, kind: str) -> int:
        """The count this event adds to a total of ``kind`` (0 when it gives none)."""
        figure = self.headline.get(kind)
        return figure.low if figure else 0

    def high(self, kind: str) -> int:
        figure = self.headline.get(kind)
        return figure.high if figure else 0
