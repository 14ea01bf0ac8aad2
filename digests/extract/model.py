"""The figure and place records that extraction produces (SCHEMA.md), shared by every stage."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Kind = Literal["killed", "injured", "displaced", "missing", "detained", "damaged"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to", "vague"]
Scope = Literal["incident", "cumulative"]

SCORED_KINDS: frozenset[str] = frozenset({"killed", "injured", "displaced"})


@dataclass(frozen=True, slots=True)
class Place:
    """A place resolved against the gazetteer."""

    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    admin2: str | None = None
    feature: str | None = None  # city, town, village, camp, neighbourhood, province, ...
    place_id: str | None = None  # stable gazetteer id (geonames:..., wof:..., sitrep:...)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
        }


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """Where in a text a place was named: character span, the words used, the place."""

    start: int
    end: int
    surface: str
    place: Place


@dataclass(frozen=True, slots=True)
class Figure:
    """One key figure, traceable to the quote it was read from."""

    kind: Kind
    count: int | None
    group: str = "people"
    qualifier: Qualifier = "exact"
    scope: Scope = "incident"
    place: str | None = None
    date: date | None = None
    source: str | None = None
    quote: str = ""
    # Not in SCHEMA.md's JSON, but kept for reconciliation: the high end of a range
    # ("between 10 and 15" -> count 10, count_high 15) and the resolved place record.
    count_high: int | None = None
    place_record: Place | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("place_record")
        data.pop("count_high")
        data["date"] = self.date.isoformat() if self.date else None
        if self.count_high is not None:
            data["count_high"] = self.count_high
        return data


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one article."""

    figures: tuple[Figure, ...] = ()
    places: tuple[Place, ...] = ()
    # How the article spells each place, parallel to ``places`` (empty when not known).
    spellings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        places = []
        for index, place in enumerate(self.places):
            data = place.to_json()
            if index < len(self.spellings) and self.spellings[index] != place.name:
                # A reader checks a place against the article's words, so those come first;
                # the gazetteer's name stays beside them for whoever joins on it.
                data["name"] = self.spellings[index]
                data["gazetteer_name"] = place.name
            places.append(data)
        return {"figures": [f.to_json() for f in self.figures], "places": places}
