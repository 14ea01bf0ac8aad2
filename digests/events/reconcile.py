"""Reconcile an event's reports: one range per (kind, group), one headline per kind.

Rules, in an analyst's words: each voice (an outlet, or a source it cites) counts once, with
its latest report; the range runs from the lowest to the highest report; totals take the low
end (ACLED's conservative rule); vague amounts ("dozens") are shown but never move a number.
An area figure that includes specific incidents reported apart ("73 in two days", 37 of them
at the market) counts only what it has beyond them; its sources still show the whole figure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime

from digests.events.cluster import (
    representative_date,
    representative_place,
    representative_violence,
)
from digests.events.model import (
    HEADLINE_KINDS,
    ArticleRef,
    Event,
    Headline,
    Incident,
    ReconciledFigure,
    Report,
    SourceTotal,
    Unit,
)
from digests.events.readings import TOTAL_GROUPS, is_vague, one_account
from digests.extract.model import Figure

_QUALIFIER_STRENGTH = {"exact": 0, "about": 1, "at_least": 2, "more_than": 2, "up_to": 3}

Recency = tuple[datetime, int, int]
Voice = tuple[str, str | None]  # (outlet, cited source or None when it speaks for itself)


def unit_of(group: str) -> Unit:
    return "families" if group == "families" else "people"


__all__ = ["TOTAL_GROUPS", "headline_for", "is_vague", "reconcile", "reconcile_figure", "unit_of"]


def _top(figure: Figure) -> int:
    assert figure.count is not None
    if figure.count_high is None:
        return figure.count
    return max(figure.count, figure.count_high)  # a "high" below the count is a typo


def _latest_revisions(incidents: Iterable[Incident]) -> list[Incident]:
    """Drop incidents of superseded revisions of an article."""
    incidents = list(incidents)
    newest: dict[int, int] = {}
    for incident in incidents:
        article_id = incident.article.article_id
        newest[article_id] = max(newest.get(article_id, 0), incident.revision)
    return [i for i in incidents if i.revision == newest[i.article.article_id]]


def _recency(incident: Incident) -> Recency:
    return (incident.article.published, incident.revision, incident.article.article_id)


def _report(figure: Figure, incident: Incident) -> Report:
    article = incident.article
    return Report(
        count=figure.count,
        count_high=figure.count_high,
        qualifier=figure.qualifier,
        source=figure.source,
        outlet=article.outlet,
        url=article.url,
        article_id=article.article_id,
        published=article.published,
        quote=figure.quote,
    )


def _best(figures: Sequence[Figure]) -> Figure:
    """Of one source's figures for the same thing in one article, the largest: tolls rise."""
    numeric = [f for f in figures if not is_vague(f)]
    if not numeric:
        return figures[-1]
    return max(numeric, key=lambda f: (_top(f), -_QUALIFIER_STRENGTH.get(f.qualifier, 0)))


def _latest_per_voice(
    incidents: Sequence[Incident], accept: Callable[[Figure], bool]
) -> dict[Voice, Incident]:
    """For each voice (an outlet, speaking for itself or citing a source), its most recent
    incident carrying a number ``accept`` takes: that report supersedes the voice's earlier
    ones (toll updates, revisions), while other sources the same outlet cites stand."""
    latest: dict[Voice, Incident] = {}
    for incident in incidents:
        sources = {f.source for f in incident.figures if not is_vague(f) and accept(f)}
        for source in sources:
            voice = (incident.article.outlet, source)
            if voice not in latest or _recency(incident) > _recency(latest[voice]):
                latest[voice] = incident
    return latest


def reconcile_figure(kind: str, group: str, incidents: Sequence[Incident]) -> ReconciledFigure:
    """The range over voices for one (kind, group); each voice's latest number stands."""

    def wanted(figure: Figure) -> bool:
        return figure.kind == kind and figure.group == group

    latest = _latest_per_voice(incidents, wanted)
    numeric = [
        _report(_best([f for f in incident.figures if wanted(f) and f.source == source]), incident)
        for (_, source), incident in latest.items()
    ]
    speaking = {outlet for outlet, _ in latest}
    vague: dict[str, Report] = {}
    for incident in sorted(incidents, key=_recency):
        outlet = incident.article.outlet
        figures = [f for f in incident.figures if wanted(f)]
        if figures and outlet not in speaking:
            vague[outlet] = _report(figures[-1], incident)  # the later vague report wins
    numeric.sort(key=lambda r: (-(r.top or 0), r.source is None, r.label))
    tops = [r.top for r in numeric if r.top is not None]
    lows = [r.count for r in numeric if r.count is not None]
    return ReconciledFigure(
        kind=kind,
        group=group,
        low=min(lows) if lows else None,
        high=max(tops) if tops else None,
        unit=unit_of(group),
        reports=(*numeric, *vague.values()),
    )


# How far a source's total stands for the whole toll: everyone or the civilians; one side
# only (fighters: "the army said 19 militants died"; or civilians, beside a source that
# counts both sides); a breakdown alone.
WHOLE, ONE_SIDE, PARTIAL = 0, 1, 2
CIVILIANS_ONLY = 3  # WHOLE unless another source tells civilians from fighters


def _source_totals(kind: str, incident: Incident) -> list[tuple[int, SourceTotal]]:
    """Each cited source's total for ``kind`` in one incident, with how whole it is.

    A source's total is the larger of its figure for everyone ("people") and civilians plus
    combatants; failing both, its largest breakdown (a floor: "4 children" means at least 4).
    """
    per_source: dict[str | None, dict[str, Figure]] = defaultdict(dict)
    for figure in incident.figures:
        if figure.kind != kind or is_vague(figure):
            continue
        groups = per_source[figure.source]
        current = groups.get(figure.group)
        groups[figure.group] = _best([current, figure]) if current else figure

    totals: list[tuple[int, SourceTotal]] = []
    for source, groups in per_source.items():
        sides = [groups[g] for g in ("civilians", "combatants") if g in groups]
        options = [[groups["people"]]] if "people" in groups else []
        if sides:
            options.append(sides)
        # The larger reading wins: a source's "7 people" beside its own "10 civilians" is an
        # earlier count the article kept, not a total smaller than its part.
        parts = (
            max(options, key=lambda fs: sum(f.count or 0 for f in fs))
            if options
            else [max(groups.values(), key=_top)]
        )
        count = sum(f.count or 0 for f in parts)
        high = sum(_top(f) for f in parts)
        article = incident.article
        total = SourceTotal(
            label=source or article.outlet,
            count=count,
            count_high=high if high != count else None,
            qualifier=parts[0].qualifier,
            cited=source is not None,
            outlet=article.outlet,
            url=article.url,
            article_id=article.article_id,
        )
        groups_counted = {f.group for f in parts}
        if groups_counted == {"combatants"}:
            totals.append((ONE_SIDE, total))
        elif groups_counted == {"civilians"} and not ({"people", "combatants"} & set(groups)):
            totals.append((CIVILIANS_ONLY, total))
        else:
            totals.append((WHOLE if parts[0].group in TOTAL_GROUPS else PARTIAL, total))
    return totals


def _civilians_apart(incident: Incident, kind: str, source: str | None) -> int:
    """How many civilians a source counts apart from everyone (or from fighters); 0 when it
    does not tell them apart."""
    figures = [
        f
        for f in incident.figures
        if f.kind == kind and f.source == source and f.count is not None and not is_vague(f)
    ]
    groups = {f.group for f in figures}
    if "civilians" not in groups or not {"people", "combatants"} & groups:
        return 0
    return max(f.count or 0 for f in figures if f.group == "civilians")


def counted_apart(kind: str, incidents: Sequence[Incident], unit: Unit) -> int:
    """How much of an area event's figure its member articles count in specific incidents of
    their own (events of their own): each article's contained incidents at their high end, so
    nothing is counted twice; the largest such share over the members, since every member
    reports the same area figure."""
    apart = 0
    for incident in incidents:
        counted = 0
        for part in incident.contains:
            found = headline_for(kind, [replace(part, figures=one_account(part.figures))], unit)
            counted += found.high if found is not None else 0
        apart = max(apart, counted)
    return apart


def headline_for(
    kind: str, incidents: Sequence[Incident], unit: Unit, apart: int = 0
) -> Headline | None:
    """An event's figure for one kind and unit, or None when no source gave a number.
    ``apart``: what specific incidents counted elsewhere already hold of it (an area figure),
    taken off the low and high ends, never below zero."""

    def in_unit(figure: Figure) -> bool:
        return figure.kind == kind and unit_of(figure.group) == unit

    scoped = [
        _with_figures(i, tuple(f for f in i.figures if in_unit(f)))
        for i in incidents
        if any(in_unit(f) for f in i.figures)
    ]
    latest = _latest_per_voice(scoped, lambda _: True)
    ranked: list[tuple[int, SourceTotal]] = []
    civilians_apart = 0
    for (_, source), incident in latest.items():
        spoken = _with_figures(incident, tuple(f for f in incident.figures if f.source == source))
        ranked.extend(_source_totals(kind, spoken))
        civilians_apart = max(civilians_apart, _civilians_apart(incident, kind, source))
    if not ranked:
        return None
    # A count of civilians alone is a toll ("10 civilians", a rival to "8 dead"), unless it
    # is below the civilians another source counts apart from its fighters: then it is a
    # smaller reading of that side (or of a side incident), not a low end of the toll.
    ranked = [
        (ONE_SIDE if t.count < civilians_apart else WHOLE, t) if r == CIVILIANS_ONLY else (r, t)
        for r, t in ranked
    ]
    # The range runs over the sources that count the most of the toll: a count of fighters
    # alone beside a toll of everyone is one side's losses, not a lower reading of the toll.
    best = min(rank for rank, _ in ranked)
    chosen = [total for rank, total in ranked if rank == best]
    chosen.sort(key=lambda t: (-t.top, not t.cited, t.label))
    vague_outlets = {i.article.outlet for i in scoped} - {outlet for outlet, _ in latest}
    return Headline(
        kind=kind,
        low=max(0, min(t.count for t in chosen) - apart),
        high=max(0, max(t.top for t in chosen) - apart),
        unit=unit,
        sources=tuple(chosen),
        vague_outlets=len(vague_outlets),
        apart=apart,
    )


def _with_figures(incident: Incident, figures: tuple[Figure, ...]) -> Incident:
    return replace(incident, figures=figures)


def _less(figure: ReconciledFigure, apart: int) -> ReconciledFigure:
    """A whole toll's range (everyone, civilians, fighters) less what an area figure's specific
    incidents count apart, as its headline; breakdowns ("26 children") and reports stay."""
    if not apart or figure.group not in TOTAL_GROUPS or figure.low is None:
        return figure
    high = None if figure.high is None else max(0, figure.high - apart)
    return replace(figure, low=max(0, figure.low - apart), high=high)


def reconcile(key: str, incidents: Iterable[Incident], event_id: int | None = None) -> Event:
    """Build an event from its member incidents (any order; stale revisions are ignored)."""
    members = [replace(i, figures=one_account(i.figures)) for i in _latest_revisions(incidents)]
    if not members:
        raise ValueError(f"event {key} has no member incident")
    apart = {
        (kind, unit): counted_apart(kind, members, unit)
        for kind in HEADLINE_KINDS
        for unit in ("people", "families")
    }
    pairs = sorted({(f.kind, f.group) for i in members for f in i.figures})
    figures = tuple(
        _less(reconcile_figure(kind, group, members), apart.get((kind, unit_of(group)), 0))
        for kind, group in pairs
    )

    headline: dict[str, Headline] = {}
    for kind in HEADLINE_KINDS:
        found = headline_for(kind, members, "people", apart[(kind, "people")])
        if found is None and kind == "displaced":
            found = headline_for(kind, members, "families", apart[(kind, "families")])
        if found is not None:
            headline[kind] = found

    articles: dict[int, ArticleRef] = {}
    for incident in sorted(members, key=_recency):
        articles[incident.article.article_id] = incident.article
    return Event(
        id=event_id,
        key=key,
        date=representative_date([(i.date, i.date_explicit) for i in members]),
        place=representative_place([i.place for i in members]),
        violence=representative_violence([i.violence for i in members]),
        articles=tuple(articles.values()),
        figures=figures,
        headline=headline,
    )
