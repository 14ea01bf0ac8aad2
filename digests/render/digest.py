"""Build a digest's template context: the period, totals, trends and top events, as views.

Views hold only cleaned, ready-to-print strings; templates decide layout and escaping.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from digests.events.escalation import Trend, escalation
from digests.events.model import HEADLINE_KINDS, Event, Headline
from digests.events.period import Period
from digests.events.totals import (
    EventFilter,
    PlaceTotal,
    Range,
    Totals,
    compute_totals,
    select,
)
from digests.render.formatting import (
    amount,
    attribution,
    clean_text,
    format_count,
    format_day,
    format_period,
    format_qualified,
    format_range,
    headline_noun,
    ratio_text,
    source_amount,
    vague_word,
)

TOP_EVENTS = 8
MAX_ARTICLES = 3  # links listed under one event
MAX_TREND_DAYS = 31
MAX_URL = 2000  # longer links are dropped: one must fit in a message with room to spare


@dataclass(frozen=True, slots=True)
class SourceView:
    label: str
    amount: str  # empty when every source agrees
    url: str  # empty when the article's URL is not a plain http(s) link


@dataclass(frozen=True, slots=True)
class FigureLine:
    amount: str  # "12–14", "at least 13", "dozens"
    noun: str  # "killed", "families displaced"
    sources: tuple[SourceView, ...]
    more: int  # sources not named
    more_word: str  # "outlet", "outlets", "source", "sources"
    detail: str = ""  # who was among them, where sources agree: "5 children, 3 fighters"


@dataclass(frozen=True, slots=True)
class ArticleView:
    title: str
    outlet: str
    url: str
    linked: bool = False  # a source name above already links to it: the HTML lists it unlinked


@dataclass(frozen=True, slots=True)
class EventView:
    place: str
    area: str  # governorate, or ""
    day: str
    violence: str  # "airstrike", or "" when the wording named none
    lead: str  # the newest report's title: what happened, in a reporter's words
    lines: tuple[FigureLine, ...]
    articles: tuple[ArticleView, ...]
    more_articles: int


@dataclass(frozen=True, slots=True)
class TotalLine:
    amount: str
    noun: str


@dataclass(frozen=True, slots=True)
class PlaceLine:
    place: str
    area: str
    summary: str  # "15–17 killed, 30 injured"
    events: int


@dataclass(frozen=True, slots=True)
class DigestContext:
    title: str
    scope: str  # "all areas", "Idlib"
    period: str
    calm: bool
    event_count: int
    totals: tuple[TotalLine, ...]
    trends: tuple[str, ...]
    events: tuple[EventView, ...]
    more_events: int
    displacement: tuple[EventView, ...]  # displacement events not already among ``events``
    places: tuple[PlaceLine, ...]

    def as_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__}


def safe_url(url: str) -> str:
    """The URL when it is a plain http(s) link, else "" (a template then prints no link)."""
    if len(url) > MAX_URL:
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return ""
    if any(c.isspace() or ord(c) < 32 for c in url.strip()):
        return ""
    return url.strip()


def severity(event: Event) -> tuple[int, int, int, int]:
    """Order for "top events": most killed, then injured, then displaced, then best reported."""
    return (event.low("killed"), event.low("injured"), event.low("displaced"), len(event.articles))


def headline_line(headline: Headline) -> FigureLine:
    shown, more, word = attribution(headline)
    return FigureLine(
        amount=amount(headline),
        noun=headline_noun(headline),
        sources=tuple(
            SourceView(
                label=clean_text(s.label, 60),
                amount=source_amount(s, headline),
                url=safe_url(s.url),
            )
            for s in shown
        ),
        more=more,
        more_word=word,
    )


# Breakdowns worth a reader's glance, in the order a brief names them, with their words.
_BREAKDOWN_WORDS = {
    "civilians": ("civilian", "civilians"),
    "combatants": ("fighter", "fighters"),
    "children": ("child", "children"),
    "women": ("woman", "women"),
    "aid_workers": ("aid worker", "aid workers"),
    "journalists": ("journalist", "journalists"),
}
MAX_BREAKDOWN = 3


def breakdown(event: Event, headline: Headline) -> str:
    """ "23 civilians, 87 fighters": the groups of a figure that its sources agree on and that
    say more than the figure itself (a group equal to the whole toll is the toll)."""
    counted_by = {source.label for source in headline.sources}
    parts = []
    for figure in event.figures:
        words = _BREAKDOWN_WORDS.get(figure.group)
        if figure.kind != headline.kind or words is None or figure.low is None:
            continue
        if figure.low != figure.high or figure.low >= headline.low or figure.low == 0:
            continue
        # Only what the sources of the figure itself say: "the army said 19 were militants"
        # beside a civil defence toll is a claim of its own, not a breakdown of that toll.
        if not any(report.label in counted_by for report in figure.reports):
            continue
        word = words[0] if figure.low == 1 else words[1]
        numeric = [r for r in figure.reports if not r.is_vague]
        qualifier = numeric[0].qualifier if len(numeric) == 1 else "exact"
        shown = f"{format_qualified(figure.low, qualifier)} {word}"
        parts.append((list(_BREAKDOWN_WORDS).index(figure.group), shown))
    parts.sort()
    return ", ".join(shown for _, shown in parts[:MAX_BREAKDOWN])


def _vague_lines(event: Event) -> list[FigureLine]:
    """Kinds that only vague reports speak of ("dozens killed"), shown but never counted."""
    lines = []
    for kind in HEADLINE_KINDS:
        if kind in event.headline:
            continue
        reports = [r for f in event.figures if f.kind == kind for r in f.reports]
        if not reports:
            continue
        first = reports[0]
        others = {r.outlet for r in reports} - {first.outlet}
        lines.append(
            FigureLine(
                amount=vague_word(first.quote),
                noun=kind,
                sources=(SourceView(clean_text(first.label, 60), "", safe_url(first.url)),),
                more=len(others),
                more_word="outlets" if len(others) > 1 else "outlet",
            )
        )
    return lines


def _link_once(lines: list[FigureLine], linked: set[str]) -> list[FigureLine]:
    """Each article linked once per event: at the first source it backs, not again."""
    result = []
    for line in lines:
        sources = []
        for source in line.sources:
            if source.url in linked:
                source = replace(source, url="")
            linked.add(source.url)
            sources.append(source)
        result.append(replace(line, sources=tuple(sources)))
    return result


def event_view(event: Event) -> EventView:
    lines = [
        replace(headline_line(event.headline[k]), detail=breakdown(event, event.headline[k]))
        for k in HEADLINE_KINDS
        if k in event.headline
    ]
    lines += _vague_lines(event)
    newest_first = sorted(event.articles, key=lambda a: a.published, reverse=True)
    linked: set[str] = {""}
    if len(event.articles) == 1:
        # One report: its link is under the event; naming it beside each figure says no more.
        linked.add(safe_url(event.articles[0].url))
    lines = _link_once(lines, linked)
    place = event.place
    return EventView(
        place=clean_text(place.name, 80) if place else "Place not stated",
        area=clean_text(place.admin1 or "", 60) if place else "",
        day=format_day(event.date),
        violence="" if event.violence == "unknown" else event.violence,
        lead=clean_text(newest_first[0].title, 140) if newest_first else "",
        lines=tuple(lines),
        articles=tuple(
            ArticleView(
                title=clean_text(a.title) or "(untitled)",
                outlet=clean_text(a.outlet, 60),
                url=safe_url(a.url),
                linked=len(event.articles) > 1 and safe_url(a.url) in linked,
            )
            for a in newest_first[:MAX_ARTICLES]
        ),
        more_articles=max(0, len(newest_first) - MAX_ARTICLES),
    )


def trend_text(trend: Trend, period_days: int) -> str:
    """ "killed ↑ 3.1× the 4-week average (previous 7 days: 12)"; words, not ratios, when quiet."""
    span = "day" if period_days == 1 else f"{format_count(period_days)} days"
    previous = f"previous {span}: {format_count(trend.previous)}"
    status = trend.status
    if status == "quiet":
        return f"{trend.kind}: none, as in the 4 weeks before"
    if status == "new":
        return f"{trend.kind}: {format_count(trend.current)} after 4 quiet weeks ({previous})"
    assert trend.vs_baseline is not None
    if status == "steady":
        return f"{trend.kind} ≈ the 4-week average ({previous})"
    arrow = "↑" if status == "up" else "↓"
    return f"{trend.kind} {arrow} {ratio_text(trend.vs_baseline)} the 4-week average ({previous})"


def _total_lines(totals: Totals) -> tuple[TotalLine, ...]:
    pairs: list[tuple[Range, str]] = [
        (totals.killed, "killed"),
        (totals.injured, "injured"),
        (totals.displaced, "displaced"),
        (totals.displaced_families, "families displaced"),
    ]
    return tuple(TotalLine(format_range(r.low, r.high), word) for r, word in pairs if r)


def _place_line(row: PlaceTotal) -> PlaceLine:
    parts = [
        f"{format_range(r.low, r.high)} {word}"
        for r, word in (
            (row.killed, "killed"),
            (row.injured, "injured"),
            (row.displaced, "displaced"),
        )
        if r
    ]
    return PlaceLine(
        place=clean_text(row.place.name, 80),
        area=clean_text(row.place.admin1 or "", 60),
        summary=", ".join(parts),
        events=row.events,
    )


def build_digest(
    events: Iterable[Event],
    period: Period,
    event_filter: EventFilter | None = None,
    *,
    scope: str = "all areas",
    title: str = "Sitrep",
    top: int = TOP_EVENTS,
) -> DigestContext:
    """The context for a digest of ``period``.

    ``events`` should reach back 28 days before the period (for the escalation baseline);
    events outside the period and the filter are used for that alone.
    """
    every = list(events)
    chosen_filter = event_filter or EventFilter()
    totals = compute_totals(every, period, chosen_filter)
    in_period = select(every, period, chosen_filter)
    ranked = sorted(in_period, key=severity, reverse=True)
    ranked = [e for e in ranked if e.headline or _vague_lines(e)]
    shown = ranked[:top]
    displacement = [e for e in ranked[top:] if "displaced" in e.headline][:top]
    trends = escalation(every, period, chosen_filter)
    calm = not ranked
    # Against a 4-week baseline, only periods up to a month make a meaningful comparison.
    compare = not calm and period.days <= MAX_TREND_DAYS
    trend_lines = (
        ()
        if not compare
        else tuple(
            trend_text(trends[k], period.days)
            for k in HEADLINE_KINDS
            if trends[k].status != "quiet"
        )
    )
    return DigestContext(
        title=clean_text(title, 60),
        scope=clean_text(scope, 80),
        period=format_period(period.start, period.end),
        calm=calm,
        event_count=totals.events,
        totals=_total_lines(totals),
        trends=trend_lines,
        events=tuple(event_view(e) for e in shown),
        more_events=len(ranked) - len(shown),
        displacement=tuple(event_view(e) for e in displacement),
        places=tuple(_place_line(row) for row in _places_worth_listing(totals, shown)),
    )


def _places_worth_listing(totals: Totals, shown: list[Event]) -> list[PlaceTotal]:
    """Most affected places, unless the list would only repeat the top events one by one."""
    listed = {(e.place.name, e.place.country) for e in shown if e.place is not None}
    rows = list(totals.places)
    adds = any(r.events > 1 or (r.place.name, r.place.country) not in listed for r in rows)
    return rows if adds else []
