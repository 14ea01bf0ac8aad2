"""Lossless JSON for figures and places, as the store keeps them (SCHEMA.md JSON is lossy)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from digests.extract.model import Extraction, Figure, Place


def place_to_dict(place: Place) -> dict[str, Any]:
    return asdict(place)


def place_from_dict(data: dict[str, Any]) -> Place:
    return Place(
        name=str(data["name"]),
        country=str(data["country"]),
        admin1=data.get("admin1"),
        lat=float(data["lat"]),
        lon=float(data["lon"]),
        admin2=data.get("admin2"),
        feature=data.get("feature"),
        place_id=data.get("place_id"),
    )


def figure_to_dict(figure: Figure) -> dict[str, Any]:
    data = figure.to_json()
    data["count_high"] = figure.count_high
    data["place_record"] = place_to_dict(figure.place_record) if figure.place_record else None
    return data


def figure_from_dict(data: dict[str, Any]) -> Figure:
    record = data.get("place_record")
    return Figure(
        kind=data["kind"],
        count=data.get("count"),
        group=data.get("group") or "people",
        qualifier=data.get("qualifier") or "exact",
        scope=data.get("scope") or "incident",
        place=data.get("place"),
        date=date.fromisoformat(data["date"]) if data.get("date") else None,
        source=data.get("source"),
        quote=data.get("quote") or "",
        count_high=data.get("count_high"),
        place_record=place_from_dict(record) if record else None,
    )


def extraction_to_dict(extraction: Extraction) -> dict[str, Any]:
    return {
        "figures": [figure_to_dict(f) for f in extraction.figures],
        "places": [place_to_dict(p) for p in extraction.places],
    }


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    return Extraction(
        figures=tuple(figure_from_dict(f) for f in data.get("figures", [])),
        places=tuple(place_from_dict(p) for p in data.get("places", [])),
    )
