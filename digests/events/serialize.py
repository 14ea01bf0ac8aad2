"""The JSON of an event, as ``sitrep events --json`` prints it."""

from __future__ import annotations

from typing import Any

from digests.events.model import Event


def event_to_json(event: Event) -> dict[str, Any]:
    """One event as a JSON-ready dict; a kind with no figure is absent from ``headline``."""
    headline: dict[str, dict[str, Any]] = {}
    for kind, figure in event.headline.items():
        entry: dict[str, Any] = {"low": figure.low, "high": figure.high}
        if kind == "displaced":
            entry["unit"] = figure.unit
        if figure.apart:
            entry["counted_apart"] = figure.apart  # an area figure's share in other events
        headline[kind] = entry
    place = event.place
    return {
        "id": event.id,
        "place": None
        if place is None
        else {"name": place.name, "admin1": place.admin1, "lat": place.lat, "lon": place.lon},
        "date": event.date.isoformat(),
        "violence": event.violence,
        "headline": headline,
        "figures": [
            {
                "kind": figure.kind,
                "group": figure.group,
                "low": figure.low,
                "high": figure.high,
                "reports": [
                    {
                        "count": report.count,
                        "source": report.source,
                        "outlet": report.outlet,
                        "url": report.url,
                    }
                    for report in figure.reports
                ],
            }
            for figure in event.figures
        ],
        "articles": [{"url": a.url, "outlet": a.outlet, "title": a.title} for a in event.articles],
    }
