"""An article's figure for a wider area or a longer period beside the incident it includes.

"Double-tap air strikes on the market kill at least 37 ... in the last two days alone at least
73 people have been killed": the market keeps its 37; the other 36 are the area's, an event of
their own, so that the period's total is 73 and never 110 (or 37).
"""

from __future__ import annotations

from datetime import date

from digests.events import (
    EventBook,
    EventClusterer,
    EventSignature,
    event_to_json,
    split_incidents,
)
from digests.events.model import ArticleFacts, Event
from digests.events.period import Period
from digests.events.totals import EventFilter, compute_totals
from digests.extract.model import Place
from tests.events.fixtures import IDLIB_PROVINCE, MAARAT, article, at, killed

SYRIA = Place("Syria", "SY", None, 35.0, 38.0, feature="country", place_id="test:syria")
AL_KHAFSAH = Place(
    "Al Khafsah", "SY", "Aleppo", 36.19, 38.07, feature="village", place_id="test:al-khafsah"
)
JULY_22 = Period(date(2019, 7, 22), date(2019, 7, 22))
LATE_DECEMBER = Period(date(2024, 12, 20), date(2024, 12, 31))

TWO_DAYS = (
    "In the last two days alone at least 73 people have been killed and more than 110 wounded."
)


def uossm_release(places: tuple[Place, ...] = (MAARAT, IDLIB_PROVINCE)) -> ArticleFacts:
    """A release on a market strike that also gives the toll of the last two days around it,
    in a sentence that names no place."""
    return article(
        200,
        "UOSSM",
        "UOSSM: double-tap air strikes on Maarat al-Numan market kill at least 37",
        at("2019-07-22", 14),
        "Several air strikes hit a busy market in Maarat al-Numan, in Idlib province, this "
        "morning, killing at least 37 people, according to UOSSM. The bombing of northwest "
        f"Syria has intensified again. {TWO_DAYS}",
        [
            killed(
                37,
                qualifier="at_least",
                source="UOSSM",
                place=MAARAT,
                quote="double-tap air strikes on Maarat al-Numan market kill at least 37",
            ),
            killed(73, qualifier="at_least", quote=TWO_DAYS),
            killed(110, kind="injured", qualifier="more_than", quote=TWO_DAYS),
        ],
        places=places,
    )


def market_report(article_id: int = 201, count: int = 37, hour: int = 18) -> ArticleFacts:
    """Another outlet on the same market strike, and nothing else."""
    return article(
        article_id,
        "Reuters",
        f"Air strikes on Maarat al-Numan market kill {count}, rescuers say",
        at("2019-07-22", hour),
        f"Air strikes on the busy market of Maarat al-Numan in Idlib province killed {count} "
        "people this morning, rescuers said, as a second strike hit those helping the wounded.",
        [killed(count, place=MAARAT, quote=f"Air strikes on the market killed {count} people")],
    )


def events_of(*articles: ArticleFacts) -> list[Event]:
    book = EventBook()
    book.add_all(articles)
    return book.events()


def by_place(events: list[Event]) -> dict[str | None, Event]:
    places = [e.place.name if e.place else None for e in events]
    assert len(set(places)) == len(places), places
    return dict(zip(places, events, strict=True))


def killed_range(event: Event, kind: str = "killed") -> tuple[int, int]:
    return (event.headline[kind].low, event.headline[kind].high)


def test_the_market_keeps_its_own_toll_and_the_rest_of_the_two_days_is_the_areas() -> None:
    market, area = split_incidents(uossm_release())
    assert market.place == MAARAT
    assert [f.count for f in market.figures] == [37]
    assert area.place == IDLIB_PROVINCE  # the area the article names around the market
    assert sorted((f.kind, f.count) for f in area.figures) == [("injured", 110), ("killed", 73)]
    assert area.contains == (market,)
    assert not market.contains

    events = by_place(events_of(uossm_release()))
    assert killed_range(events["Maarat al-Numan"]) == (37, 37)
    rest = events["Idlib province"]
    assert killed_range(rest) == (36, 36)  # 73 in the area, 37 of them at the market
    assert rest.headline["killed"].apart == 37
    assert [(s.label, s.count) for s in rest.headline["killed"].sources] == [("UOSSM", 73)]
    assert killed_range(rest, "injured") == (110, 110)  # the market gave no wounded
    assert event_to_json(rest)["headline"]["killed"] == {"low": 36, "high": 36, "counted_apart": 37}


def test_totals_over_the_period_are_the_area_figure_not_the_sum_nor_the_market() -> None:
    events = events_of(uossm_release())
    totals = compute_totals(events, JULY_22)
    assert (totals.killed.low, totals.killed.high) == (73, 73)  # not 110, not 37
    assert totals.injured.low == 110
    assert totals.by_group["killed"]["people"].low == 73
    idlib = compute_totals(events, JULY_22, EventFilter.of(admin1=["Idleb"]))
    assert idlib.killed.low == 73
    market = compute_totals(events, JULY_22, EventFilter.of(places=["Maarat al-Numan"]))
    assert market.killed.low == 37


def test_an_area_figure_with_no_area_named_stands_without_a_place() -> None:
    market, area = split_incidents(uossm_release(places=(MAARAT,)))
    assert market.place == MAARAT and [f.count for f in market.figures] == [37]
    assert area.place is None
    assert area.contains == (market,)
    events = by_place(events_of(uossm_release(places=(MAARAT,))))
    assert killed_range(events["Maarat al-Numan"]) == (37, 37)
    assert killed_range(events[None]) == (36, 36)
    assert compute_totals(list(events.values()), JULY_22).killed.low == 73


def test_another_outlets_report_of_the_strike_joins_the_market_not_the_area() -> None:
    for articles in (
        (uossm_release(), market_report(count=40)),
        (market_report(count=40, hour=9), uossm_release()),
    ):
        events = by_place(events_of(*articles))
        assert set(events) == {"Maarat al-Numan", "Idlib province"}
        market = events["Maarat al-Numan"]
        assert sorted(market.article_ids) == [200, 201]
        assert killed_range(market) == (37, 40)
        rest = events["Idlib province"]
        assert rest.article_ids == (200,)
        assert killed_range(rest) == (36, 36)  # the release's own 37 is what it leaves out


def test_another_outlets_count_for_the_whole_area_joins_the_areas_event() -> None:
    ocha = article(
        202,
        "OCHA",
        "Idlib: at least 75 killed in two days of air strikes",
        at("2019-07-22", 20),
        "In the last two days air strikes across Idlib province killed at least 75 people.",
        [
            killed(
                75,
                qualifier="at_least",
                place=IDLIB_PROVINCE,
                quote="air strikes across Idlib province killed at least 75 people",
            )
        ],
    )
    events = by_place(events_of(uossm_release(), ocha, market_report()))
    rest = events["Idlib province"]
    assert sorted(rest.article_ids) == [200, 202]
    assert killed_range(rest) == (36, 38)  # 73 and 75 in the area, less the market's 37
    assert sorted(events["Maarat al-Numan"].article_ids) == [200, 201]
    assert compute_totals(list(events.values()), JULY_22).killed.low == 73


def test_area_memberships_survive_json_and_keep_a_market_report_out_of_the_area() -> None:
    live = EventClusterer()
    live.add(uossm_release())
    restored = EventClusterer(EventSignature.from_json(s.to_json()) for s in live.signatures())
    assert restored.signatures() == live.signatures()
    assert sum(m.area for s in restored.signatures() for m in s.members) == 1
    (joined,) = restored.add(market_report()).assignments
    assert not joined.opened
    assert joined.event_key == next(
        s.key for s in restored.signatures() if not any(m.area for m in s.members)
    )


def ocha_flash_update(nationwide: Place | None, places: tuple[Place, ...]) -> ArticleFacts:
    """A flash update on one technician killed at a pumping station, and the country's toll."""
    toll = (
        "Confirmed reports listed at least 69 civilians killed nationwide, including 26 "
        "children, and more than 200 injured."
    )
    return article(
        210,
        "OCHA",
        "Syrian Arab Republic: Flash Update No. 9 - Recent Developments in Syria",
        at("2024-12-31"),
        "A technician at the Al-Khafsa water pumping station in Aleppo governorate was "
        f"reportedly killed at work on 25 December when the site was attacked. {toll}",
        [
            killed(
                1,
                place=AL_KHAFSAH,
                day="2024-12-25",
                quote="A technician at the Al-Khafsa water pumping station was reportedly killed",
            ),
            killed(69, qualifier="at_least", group="civilians", place=nationwide, quote=toll),
            killed(26, group="children", place=nationwide, quote=toll),
            killed(200, kind="injured", qualifier="more_than", place=nationwide, quote=toll),
        ],
        places=places,
    )


def test_a_technician_killed_in_a_village_is_not_given_the_countrys_toll() -> None:
    update = ocha_flash_update(SYRIA, (SYRIA, AL_KHAFSAH))
    village, country = split_incidents(update)
    assert village.place == AL_KHAFSAH
    assert [f.count for f in village.figures] == [1]
    assert village.date == date(2024, 12, 25)
    assert country.place == SYRIA
    assert sorted(f.count or 0 for f in country.figures) == [26, 69, 200]
    assert country.contains == (village,)

    events = by_place(events_of(update))
    assert killed_range(events["Al Khafsah"]) == (1, 1)
    assert "injured" not in events["Al Khafsah"].headline
    assert killed_range(events["Syria"]) == (68, 68)
    assert killed_range(events["Syria"], "injured") == (200, 200)
    totals = compute_totals(list(events.values()), LATE_DECEMBER)
    assert (totals.killed.low, totals.injured.low) == (69, 200)
    assert totals.by_group["killed"]["civilians"].low == 68  # the technician is in "people"
    assert totals.by_group["killed"]["children"].low == 26


def test_a_countrys_toll_with_no_place_goes_to_the_country_the_article_names() -> None:
    events = by_place(events_of(ocha_flash_update(None, (AL_KHAFSAH, SYRIA))))
    assert set(events) == {"Al Khafsah", "Syria"}
    assert killed_range(events["Al Khafsah"]) == (1, 1)
    assert killed_range(events["Syria"]) == (68, 68)


def release_with(floating_count: int, qualifier: str = "exact") -> ArticleFacts:
    """The market strike and one more count in a sentence that names no place."""
    quote = f"The toll has reached {floating_count}."
    return article(
        220,
        "UOSSM",
        "UOSSM: double-tap air strikes on Maarat al-Numan market kill at least 37",
        at("2019-07-22", 14),
        f"Air strikes hit a busy market in Maarat al-Numan, killing at least 37 people. {quote}",
        [
            killed(
                37,
                qualifier="at_least",
                place=MAARAT,
                quote="air strikes on Maarat al-Numan market kill at least 37",
            ),
            killed(floating_count, qualifier=qualifier, quote=quote),
        ],
        places=(MAARAT, IDLIB_PROVINCE),
    )


def test_a_floating_count_equal_to_the_toll_is_a_restatement_and_merges() -> None:
    (incident,) = split_incidents(release_with(37, "at_least"))
    assert incident.place == MAARAT and sorted(f.count or 0 for f in incident.figures) == [37, 37]
    (event,) = events_of(release_with(37, "at_least"))
    assert killed_range(event) == (37, 37)
    assert event.headline["killed"].apart == 0


def test_a_floating_count_below_the_toll_is_a_part_and_merges() -> None:
    (incident,) = split_incidents(release_with(20))
    assert not incident.contains
    (event,) = events_of(release_with(20))
    assert event.place == MAARAT
    assert killed_range(event) == (37, 37)


def test_a_floating_count_up_to_half_again_the_toll_is_its_update_not_an_area() -> None:
    (event,) = events_of(release_with(55))  # 55 <= 1.5 x 37: the toll rose
    assert event.place == MAARAT
    assert killed_range(event) == (55, 55)
    assert len(events_of(release_with(56))) == 2  # 56 > 1.5 x 37: a wider count


def test_displacement_told_for_the_whole_country_is_not_the_villages() -> None:
    """Extraction leaves a count unplaced only when its words make it an area's: a kind the
    village's incident lacks, so told, is the country's, and its stages are one figure."""
    still = "More than 664,000 people are still newly displaced nationwide."
    peak = "The number had reached its high point of 1.1 million on 12 December."
    base = ocha_flash_update(SYRIA, (SYRIA, AL_KHAFSAH))
    update = article(
        211,
        "OCHA",
        base.title,
        base.published,
        f"{base.text} {still} {peak}",
        [
            *base.figures,
            killed(664_000, kind="displaced", qualifier="more_than", quote=still),
            killed(1_100_000, kind="displaced", day="2024-12-12", quote=peak),
        ],
        places=base.places,
    )
    events = by_place(events_of(update))
    assert set(events) == {"Al Khafsah", "Syria"}
    assert "displaced" not in events["Al Khafsah"].headline
    assert killed_range(events["Syria"], "displaced") == (1_100_000, 1_100_000)
    totals = compute_totals(list(events.values()), Period(date(2024, 12, 1), date(2024, 12, 31)))
    assert totals.displaced.low == 1_100_000  # the peak and what remains are not added


def test_the_displaced_told_in_the_strikes_own_sentence_stay_with_it() -> None:
    quote = "Air strikes on Maarat al-Numan killed 12 people and displaced 300 families."
    report = article(
        230,
        "Reuters",
        "Air strikes on Maarat al-Numan kill 12",
        at("2019-07-22"),
        quote,
        [
            killed(12, place=MAARAT, quote=quote),
            killed(300, kind="displaced", group="families", quote=quote),
        ],
        places=(MAARAT, IDLIB_PROVINCE),
    )
    (event,) = events_of(report)
    assert event.place == MAARAT
    assert event.headline["displaced"].low == 300
