"""Where things happened: place identity, areas versus spots, distances."""

from __future__ import annotations

import math

from digests.events.wording import fold
from digests.extract.model import Place

# Features that name an area rather than the spot where something happened.
BROAD_FEATURES = frozenset(
    {"country", "region", "province", "governorate", "admin1", "district", "admin2", "area"}
)


def place_key(place: Place) -> str:
    """A stable identity for a place: its gazetteer id, else its folded name and country."""
    return place.place_id or f"{fold(place.name)}|{place.country}"


def is_broad(place: Place) -> bool:
    return (place.feature or "").casefold() in BROAD_FEATURES


def within(place: Place, area: Place) -> bool:
    """Whether ``place`` lies in ``area``: its country, or the governorate of a province (an
    area with no governorate stands for the whole country)."""
    if place.country != area.country:
        return False
    return area.feature == "country" or area.admin1 is None or area.admin1 == place.admin1


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
