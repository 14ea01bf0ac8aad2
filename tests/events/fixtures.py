"""Builders for scenario tests: articles with hand-made figures, as extraction would give them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from digests.events.model import ArticleFacts
from digests.extract.model import Figure, Place


def _syrian(
    name: str, admin1: str, lat: float, lon: float, admin2: str | None, feature: str, pid: str
) -> Place:
    return Place(name, "SY", admin1, lat, lon, admin2=admin2, feature=feature, place_id=pid)


MAARAT = _syrian(
    "Maarat al-Numan", "Idleb", 35.6433, 36.6717, "Al Ma'ra", "city", "geonames:166365"
)
# The same town as another outlet spells it; the gazetteer resolves it to the same record.
MAARET = _syrian(
    "Maaret al-Numan", "Idleb", 35.6433, 36.6717, "Al Ma'ra", "city", "geonames:166365"
)
KAFRANBEL = _syrian("Kafranbel", "Idleb", 35.6139, 36.5617, "Al Ma'ra", "town", "geonames:169775")
ARIHA = _syrian("Ariha", "Idleb", 35.8131, 36.6103, "Ariha", "city", "geonames:171830")
ALEPPO = _syrian("Aleppo", "Aleppo", 36.2021, 37.1343, "Jebel Saman", "city", "geonames:170063")
IDLIB_PROVINCE = _syrian("Idlib province", "Idleb", 35.83, 36.63, None, "province", "sitrep:idleb")


def at(day: str, hour: int = 12) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def killed(
    count: int | None,
    *,
    qualifier: str = "exact",
    group: str = "people",
    source: str | None = None,
    place: Place | None = None,
    day: str | None = None,
    quote: str = "",
    kind: str = "killed",
    scope: str = "incident",
    count_high: int | None = None,
) -> Figure:
    """A figure (killed by default) as the extractor would emit it."""
    return Figure(
        kind=kind,  # type: ignore[arg-type]
        count=count,
        group=group,
        qualifier=qualifier,  # type: ignore[arg-type]
        scope=scope,  # type: ignore[arg-type]
        place=place.name if place else None,
        date=date.fromisoformat(day) if day else None,
        source=source,
        quote=quote,
        count_high=count_high,
        place_record=place,
    )


def article(
    article_id: int,
    outlet: str,
    title: str,
    published: datetime,
    text: str,
    figures: list[Figure],
    places: tuple[Place, ...] = (),
    revision: int = 1,
) -> ArticleFacts:
    slug = outlet.lower().replace(" ", "-")
    return ArticleFacts(
        article_id=article_id,
        url=f"https://{slug}.example/news/{article_id}",
        outlet=outlet,
        title=title,
        published=published,
        text=text,
        figures=tuple(figures),
        places=places or tuple({f.place_record for f in figures if f.place_record}),
        revision=revision,
    )


def market_airstrike_reports() -> list[ArticleFacts]:
    """Five outlets on one airstrike on the Maarat al-Numan market (22 July 2019)."""
    return [
        article(
            1,
            "Reuters",
            "Air strikes on Syrian market town kill 14, monitor says",
            at("2019-07-23", 7),
            "Air strikes on a busy market in the rebel-held town of Maarat al-Numan killed "
            "14 people yesterday, the Syrian Observatory for Human Rights said. Warplanes hit "
            "the vegetable market in the morning as shoppers gathered.",
            [
                killed(
                    14,
                    source="SOHR",
                    place=MAARAT,
                    day="2019-07-22",
                    quote="Air strikes on a busy market ... killed 14 people yesterday",
                )
            ],
        ),
        article(
            2,
            "Al Jazeera",
            "Warplanes bomb vegetable market in Maaret al-Numan",
            at("2019-07-22", 16),
            "Warplanes struck the vegetable market of Maaret al-Numan on Monday, killing at "
            "least 12 civilians according to the White Helmets rescue group, who pulled "
            "shoppers from the rubble of the market stalls.",
            [
                killed(
                    12,
                    group="civilians",
                    source="White Helmets",
                    place=MAARET,
                    day="2019-07-22",
                    quote="Warplanes struck the vegetable market ... killing 12 civilians",
                )
            ],
        ),
        article(
            3,
            "AFP",
            "Syria: 12 dead as air raid hits market in Idlib province",
            at("2019-07-22", 19),
            "An air raid hit a crowded market in Maarat al-Numan in Idlib province, killing "
            "12 people, a war monitor and rescuers said. The jets struck as shoppers filled "
            "the vegetable market.",
            [killed(12, place=MAARAT, quote="An air raid hit a crowded market, killing 12 people")],
        ),
        article(
            4,
            "Enab Baladi",
            "Russian air strike on Maarat al-Numan market",
            at("2019-07-23", 9),
            "At least 13 people were killed when a Russian air strike hit the popular market "
            "in Maarat al-Numan, residents said, with shops and stalls of the vegetable market "
            "destroyed.",
            [
                killed(
                    13,
                    qualifier="at_least",
                    place=MAARAT,
                    quote="At least 13 people were killed when a Russian air strike hit the market",
                )
            ],
        ),
        article(
            5,
            "Daily Sabah",
            "Regime airstrikes kill dozens at Idlib market",
            at("2019-07-22", 21),
            "Dozens of civilians were killed in airstrikes by regime warplanes on a market in "
            "Maarat al-Numan in the de-escalation zone, local sources said.",
            [
                killed(
                    None,
                    qualifier="vague",
                    group="civilians",
                    place=MAARAT,
                    quote="Dozens of civilians were killed in airstrikes on a market",
                )
            ],
        ),
    ]


def checkpoint_bombing() -> ArticleFacts:
    """A different incident in the same town, the same day: a car bomb at a checkpoint."""
    return article(
        6,
        "SANA",
        "Car bomb explodes at checkpoint in Maarat al-Numan",
        at("2019-07-22", 18),
        "A car bomb exploded at a checkpoint at the northern entrance of Maarat al-Numan, "
        "killing three fighters of the armed faction manning it, the agency reported.",
        [
            killed(
                3,
                group="combatants",
                place=MAARAT,
                day="2019-07-22",
                quote="A car bomb exploded at a checkpoint, killing three fighters",
            )
        ],
    )
