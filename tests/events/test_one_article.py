"""One article read as one account: its parts, stages and restated sources never count twice."""

from __future__ import annotations

from datetime import date

from digests.events import EventBook, split_incidents
from digests.events.model import Event
from digests.events.period import Period
from digests.events.totals import compute_totals
from digests.extract.model import Place
from tests.events.fixtures import ARIHA, MAARAT, article, at, killed


def _place(name: str, admin1: str, lat: float, lon: float, country: str = "SY") -> Place:
    slug = name.lower().replace(" ", "-")
    return Place(name, country, admin1, lat, lon, feature="city", place_id=f"test:{slug}")


LATAKIA = _place("Latakia", "Lattakia", 35.52, 35.79)
JABLEH = _place("Jableh", "Lattakia", 35.36, 35.93)
BANIYAS = _place("Baniyas", "Tartous", 35.18, 35.95)
HOMS = _place("Homs", "Homs", 34.73, 36.71)
KRAMATORSK = _place("Kramatorsk", "Donetsk", 48.72, 37.56, "UA")
DONETSK = _place("Donetsk", "Donetsk", 48.00, 37.80, "UA")
SARAQIB = _place("Saraqib", "Idleb", 35.86, 36.80)
KAFR_NUBL = _place("Kafr Nubl", "Idleb", 35.61, 36.56)
SARMADA = _place("Sarmada", "Idleb", 36.18, 36.72)
AL_BAB = _place("al-Bab", "Aleppo", 36.37, 37.52)
GHWEIRAN = _place("Ghweiran", "Al-Hasakeh", 36.48, 40.74)
HASAKAH = _place("Al-Hasakah", "Al-Hasakeh", 36.50, 40.75)
ABU_DHABI = _place("Abu Dhabi", "Abu Dhabi", 24.45, 54.38, "AE")
SAADA = _place("Saada", "Saada", 16.94, 43.76, "YE")


def events_of(*articles) -> list[Event]:
    book = EventBook()
    book.add_all(articles)
    return book.events()


def killed_range(event: Event, kind: str = "killed") -> tuple[int, int]:
    headline = event.headline[kind]
    return (headline.low, headline.high)


def coast_analysis():
    """An analysis that counts a wave of killings for a week, then breaks one day down."""
    quote_parts = "three massacres left 90 civilians dead: 40 in Baniyas, 30 in Jableh, 20 in Homs"
    return article(
        70,
        "Analyst Weekly",
        "Counting the dead on the coast",
        at("2025-03-14"),
        "By 8 March the monitor had counted 600 civilians killed. On Tuesday its figure was "
        "900. On Wednesday " + quote_parts + ". By Friday more than 1,100 had been killed.",
        [
            killed(600, group="civilians", source="SOHR", place=LATAKIA, day="2025-03-08"),
            killed(900, group="civilians", source="SOHR", place=LATAKIA, day="2025-03-11"),
            killed(
                90,
                group="civilians",
                source="SOHR",
                place=BANIYAS,
                day="2025-03-12",
                quote=quote_parts,
            ),
            killed(
                40,
                group="civilians",
                source="SOHR",
                place=BANIYAS,
                day="2025-03-12",
                quote=quote_parts,
            ),
            killed(
                30,
                group="civilians",
                source="SOHR",
                place=JABLEH,
                day="2025-03-12",
                quote=quote_parts,
            ),
            killed(
                20,
                group="civilians",
                source="SOHR",
                place=HOMS,
                day="2025-03-12",
                quote=quote_parts,
            ),
            killed(
                1100,
                qualifier="more_than",
                group="civilians",
                source="SOHR",
                place=LATAKIA,
                day="2025-03-14",
                quote="By Friday more than 1,100 had been killed",
            ),
        ],
    )


def test_per_place_parts_and_a_growing_toll_make_one_event_of_the_latest_toll() -> None:
    (event,) = events_of(coast_analysis())
    assert killed_range(event) == (1100, 1100)
    assert event.place == LATAKIA
    assert event.date == date(2025, 3, 14)
    totals = compute_totals([event], Period(date(2025, 3, 1), date(2025, 3, 31)))
    assert totals.killed.low == 1100  # not 600 + 900 + 90 + 40 + 30 + 20 + 1100


def test_an_officials_early_count_named_after_the_region_joins_the_final_toll() -> None:
    report = article(
        71,
        "Ukrainska Pravda",
        "Kramatorsk: rocket hit the railway station - 50 dead",
        at("2022-04-08"),
        "Rockets hit the station in Kramatorsk, 50 dead. The head of the Donetsk regional "
        "administration first reported 39 killed and 87 wounded. More than 100 were wounded.",
        [
            killed(50, place=KRAMATORSK, quote="Rockets hit the station in Kramatorsk, 50 dead"),
            killed(39, place=DONETSK, quote="first reported 39 killed and 87 wounded"),
            killed(87, kind="injured", place=DONETSK, quote="39 killed and 87 wounded"),
            killed(
                100,
                kind="injured",
                qualifier="more_than",
                place=KRAMATORSK,
                quote="More than 100 were wounded",
            ),
        ],
    )
    (event,) = events_of(report)
    assert event.place == KRAMATORSK
    assert killed_range(event) == (50, 50)
    assert killed_range(event, "injured") == (100, 100)


def test_a_summary_is_placed_where_its_toll_is_not_at_a_village_it_mentions() -> None:
    flash = article(
        72,
        "OCHA",
        "Flash update: recent developments in Saraqib",
        at("2024-12-31"),
        "A technician was killed at a pumping station in Sarmada on 25 December. Confirmed "
        "reports listed at least 69 civilians killed and more than 200 injured.",
        [
            killed(1, place=SARMADA, day="2024-12-25", quote="A technician was killed"),
            killed(
                69,
                qualifier="at_least",
                group="civilians",
                place=SARAQIB,
                quote="at least 69 civilians killed",
            ),
            killed(
                200,
                kind="injured",
                qualifier="more_than",
                place=SARAQIB,
                quote="more than 200 injured",
            ),
        ],
    )
    (event,) = events_of(flash)
    assert event.place == SARAQIB
    assert killed_range(event) == (69, 69)


def test_numbers_that_add_up_fold_the_rest_of_a_toll_into_it_despite_other_wording() -> None:
    raids = article(
        73,
        "AFP",
        "Regime raids kill 23 civilians, a dozen of them at a market",
        at("2019-05-22"),
        "Air raids killed 23 civilians, a dozen of them at the market of Maarat al-Numan. "
        "The remaining 11 died in shelling elsewhere, five in Saraqib and six in Kafr Nubl.",
        [
            killed(23, group="civilians", place=MAARAT, quote="Air raids killed 23 civilians"),
            killed(12, group="civilians", place=MAARAT, quote="a dozen of them at the market"),
            killed(5, group="civilians", place=SARAQIB, quote="shelling elsewhere, five"),
            killed(6, group="civilians", place=KAFR_NUBL, quote="shelling elsewhere, six"),
        ],
    )
    (event,) = events_of(raids)
    assert event.place == MAARAT
    assert killed_range(event) == (23, 23)


def test_a_separate_incident_of_another_kind_in_a_roundup_keeps_its_own_event() -> None:
    roundup = article(
        74,
        "Reuters",
        "Air strikes hit Maarat al-Numan; shelling kills five in Ariha",
        at("2019-07-22"),
        "Air strikes on Maarat al-Numan killed 14 people. Separately, artillery shelling "
        "killed five people in Ariha.",
        [
            killed(14, place=MAARAT, quote="Air strikes on Maarat al-Numan killed 14 people"),
            killed(5, place=ARIHA, quote="artillery shelling killed five people in Ariha"),
        ],
    )
    assert sorted(killed_range(e) for e in events_of(roundup)) == [(5, 5), (14, 14)]


def test_an_earlier_incident_the_article_recalls_stays_its_own_event() -> None:
    report = article(
        75,
        "AFP",
        "Rocket strike on al-Bab market kills 15",
        at("2022-08-19"),
        "A rocket strike on the market of al-Bab killed 15 people on Friday. On 2 August, a "
        "rocket strike on al-Bab killed nine.",
        [
            killed(15, place=AL_BAB, day="2022-08-19", quote="rocket strike killed 15 people"),
            killed(9, place=AL_BAB, day="2022-08-02", quote="a rocket strike killed nine"),
        ],
    )
    events = events_of(report)
    assert [(e.date, killed_range(e)) for e in events] == [
        (date(2022, 8, 2), (9, 9)),
        (date(2022, 8, 19), (15, 15)),
    ]


def test_counts_in_another_country_are_never_folded_into_the_toll() -> None:
    release = article(
        76,
        "MSF",
        "Air strike on Saada prison",
        at("2022-01-22"),
        "At least 70 people were killed in Saada. The escalation follows a drone and missile "
        "attack on Abu Dhabi on Monday that killed three civilians.",
        [
            killed(70, qualifier="at_least", source="MSF", place=SAADA, quote="70 killed"),
            killed(3, group="civilians", place=ABU_DHABI, day="2022-01-17", quote="three"),
        ],
    )
    assert len(events_of(release)) == 2


def test_the_displaced_of_an_attack_join_it_and_families_are_not_added_to_people() -> None:
    report = article(
        77,
        "Reuters",
        "Fighting around Ghweiran prison kills more than 150",
        at("2022-01-25"),
        "More than 150 people were killed in the fighting around Ghweiran prison, the "
        "monitor said. Up to 45,000 people have fled Al-Hasakah city, and 2,000 families "
        "are sheltering with relatives.",
        [
            killed(150, qualifier="more_than", source="SOHR", place=GHWEIRAN, quote="150"),
            killed(
                45_000,
                kind="displaced",
                qualifier="up_to",
                source="OCHA",
                place=HASAKAH,
                day="2022-01-20",
                quote="Up to 45,000 people have fled",
            ),
            killed(
                2_000,
                kind="displaced",
                group="families",
                place=HASAKAH,
                day="2022-01-20",
                quote="2,000 families are sheltering",
            ),
        ],
    )
    (event,) = events_of(report)
    assert event.place == GHWEIRAN
    assert killed_range(event) == (150, 150)
    assert event.headline["displaced"].unit == "people"
    totals = compute_totals([event], Period(date(2022, 1, 1), date(2022, 1, 31)))
    assert (totals.displaced.low, totals.displaced_families.low) == (45_000, 0)


def test_an_outlets_own_count_and_its_one_cited_source_are_one_voice() -> None:
    report = article(
        78,
        "Enab Baladi",
        "Air strikes kill 37 in Maarat al-Numan",
        at("2019-07-22"),
        "At least 37 people were killed in Maarat al-Numan. The Observatory said 40 died.",
        [
            killed(37, qualifier="at_least", place=MAARAT, quote="At least 37 people"),
            killed(40, source="SOHR", place=MAARAT, quote="The Observatory said 40 died"),
        ],
    )
    (event,) = events_of(report)
    headline = event.headline["killed"]
    assert (headline.low, headline.high) == (40, 40)
    assert [s.label for s in headline.sources] == ["SOHR"]


def test_two_sources_an_article_sets_against_each_other_keep_their_range() -> None:
    report = article(
        79,
        "AFP",
        "Strike on school shelter kills more than 90, civil defence says; toll disputed",
        at("2024-08-10"),
        "The civil defence said at least 93 people were killed. The health ministry counted 70.",
        [
            killed(93, qualifier="at_least", source="White Helmets", place=MAARAT, quote="93"),
            killed(70, source="Health ministry", place=MAARAT, quote="counted 70"),
        ],
    )
    (event,) = events_of(report)
    assert killed_range(event) == (70, 93)


def test_one_sides_count_of_its_fighters_never_sets_the_low_end_of_a_toll() -> None:
    report = article(
        82,
        "AFP",
        "Strike on school shelter kills more than 90; army says it hit 19 militants",
        at("2024-08-10"),
        "The civil defence said at least 93 people were killed. The army said 19 militants died.",
        [
            killed(93, qualifier="at_least", source="White Helmets", place=MAARAT, quote="93"),
            killed(19, group="combatants", source="army", place=MAARAT, quote="19 militants"),
        ],
    )
    (event,) = events_of(report)
    assert killed_range(event) == (93, 93)
    fighters = next(f for f in event.figures if f.group == "combatants")
    assert (fighters.low, fighters.high) == (19, 19)  # still reported, by group


def test_an_outlets_small_count_below_every_cited_toll_is_a_subset_not_a_rival() -> None:
    report = article(
        80,
        "Hawar",
        "Tens of thousands leave Al-Hasakah",
        at("2022-01-25"),
        "The UN says up to 45,000 people fled; a local centre says about 6,000. About 750 "
        "are sheltering in two temporary centres.",
        [
            killed(45_000, kind="displaced", qualifier="up_to", source="OCHA", place=HASAKAH),
            killed(6_000, kind="displaced", qualifier="about", source="RIC", place=HASAKAH),
            killed(750, kind="displaced", qualifier="about", place=HASAKAH, quote="About 750"),
        ],
    )
    (event,) = events_of(report)
    assert killed_range(event, "displaced") == (6_000, 45_000)


def test_every_figure_of_a_folded_article_is_still_in_exactly_one_incident() -> None:
    source = coast_analysis()
    (incident,) = split_incidents(source)
    assert sorted(f.count or 0 for f in incident.figures) == sorted(
        f.count or 0 for f in source.figures
    )


def test_a_headline_naming_a_town_without_its_article_still_places_the_figures_there() -> None:
    atarib = _place("Al Atarib", "Aleppo", 36.14, 36.83)
    aleppo = _place("Aleppo", "Aleppo", 36.20, 37.13)
    report = article(
        81,
        "Enab Baladi",
        "Atarib: shelling puts the cave hospital out of service",
        at("2021-03-22"),
        "Shelling of the hospital in Atarib in the western countryside of Aleppo killed six "
        "people yesterday. The Observatory said five civilians were killed.",
        [
            killed(
                6,
                source="SAMS",
                place=aleppo,
                day="2021-03-21",
                quote="Shelling of the hospital in Atarib in the countryside of Aleppo",
            ),
            killed(
                5,
                group="civilians",
                source="SOHR",
                place=atarib,
                quote="The Observatory said five civilians were killed",
            ),
        ],
        places=(atarib, aleppo),
    )
    (event,) = events_of(report)
    assert event.place == atarib
    assert killed_range(event) == (5, 6)


def test_a_headline_naming_a_city_and_a_town_in_it_places_the_toll_in_the_town() -> None:
    idlib_city = _place("Idlib", "Idleb", 35.93, 36.63)
    report = article(
        83,
        "AFP",
        "Tolls diverge after shelling kills children on school run in Idlib's Ariha",
        at("2021-10-21"),
        "Shells fell on Ariha, south of Idlib city, killing 10 civilians, the White Helmets "
        "said. The Observatory counted eight dead. Many in Idlib saw the barrage as revenge.",
        [
            killed(
                10,
                group="civilians",
                source="White Helmets",
                place=ARIHA,
                day="2021-10-20",
                quote="Shells fell on Ariha, south of Idlib city, killing 10 civilians",
            ),
            killed(8, source="SOHR", place=ARIHA, quote="The Observatory counted eight dead"),
        ],
        places=(idlib_city, ARIHA),
    )
    (event,) = events_of(report)
    assert event.place == ARIHA
    assert killed_range(event) == (8, 10)


def test_a_small_civilian_count_beside_a_toll_split_by_side_is_not_its_low_end() -> None:
    liveblog = article(
        84,
        "Al Jazeera",
        "Northwest Syria offensive - live updates",
        at("2024-12-02"),
        "The Observatory says the toll rose to 514: 267 rebels, 154 soldiers and 93 civilians. "
        "State media say rebel shells killed four civilians at Aleppo University.",
        [
            killed(514, source="SOHR", place=MAARAT, quote="the toll rose to 514"),
            killed(421, group="combatants", source="SOHR", place=MAARAT, quote="rebels, soldiers"),
            killed(93, group="civilians", source="SOHR", place=MAARAT, quote="93 civilians"),
            killed(4, group="civilians", source="SANA", place=MAARAT, quote="four civilians"),
        ],
    )
    (event,) = events_of(liveblog)
    assert killed_range(event) == (514, 514)
    civilians = next(f for f in event.figures if f.group == "civilians")
    assert (civilians.low, civilians.high) == (4, 93)  # the disagreement stays, by group


def test_a_larger_civilian_count_than_another_sources_split_toll_is_a_rival_toll() -> None:
    report = article(
        85,
        "AFP",
        "Tolls diverge after shelling of Ariha",
        at("2021-10-21"),
        "The White Helmets said 10 civilians were killed. The Observatory gave a lower toll of "
        "eight dead, five civilians and three fighters.",
        [
            killed(10, group="civilians", source="White Helmets", place=ARIHA, quote="10"),
            killed(8, source="SOHR", place=ARIHA, quote="eight dead"),
            killed(5, group="civilians", source="SOHR", place=ARIHA, quote="five civilians"),
            killed(3, group="combatants", source="SOHR", place=ARIHA, quote="three fighters"),
        ],
    )
    (event,) = events_of(report)
    assert killed_range(event) == (8, 10)


def test_an_outlets_own_toll_above_its_one_cited_sources_early_count_is_its_own() -> None:
    """ "Death toll reaches 34" over "the mayor said more than 20 were dead": the article's
    account is 34, its own, and the mayor is not credited with it."""
    report = article(
        82,
        "Kyiv Daily",
        "Missile strike: death toll reaches 34",
        at("2025-04-14"),
        "Death toll reaches 34. Within hours, the mayor said more than 20 people were dead.",
        [
            killed(34, place=MAARAT, quote="Death toll reaches 34"),
            killed(20, qualifier="more_than", source="the mayor", place=MAARAT, quote="mayor"),
        ],
    )
    (event,) = events_of(report)
    headline = event.headline["killed"]
    assert (headline.low, headline.high) == (34, 34)
    assert [s.label for s in headline.sources] == ["Kyiv Daily"]


def test_a_toll_placed_in_another_governorate_is_not_drawn_to_the_headline_town() -> None:
    """Its sentence names the headline's town only in passing: the bus bombed in Damascus is
    an event of its own, not part of the barrage on Saraqib."""
    damascus = _place("Damascus", "Damascus", 33.51, 36.28)
    report = article(
        83,
        "AFP",
        "Shelling of Saraqib kills ten",
        at("2021-10-20"),
        "Shelling of Saraqib killed ten civilians. Hours earlier, bombs on an army bus in "
        "Damascus killed 14 soldiers, and many saw the Saraqib barrage as retaliation.",
        [
            killed(10, group="civilians", place=SARAQIB, quote="Shelling of Saraqib killed ten"),
            killed(
                14,
                group="combatants",
                place=damascus,
                quote="Hours earlier, bombs on an army bus in Damascus killed 14 soldiers, and "
                "many saw the Saraqib barrage as retaliation.",
            ),
        ],
    )
    by_place = {e.place.name: killed_range(e) for e in events_of(report) if e.place}
    assert by_place == {"Saraqib": (10, 10), "Damascus": (14, 14)}


def test_a_smaller_toll_far_away_is_no_share_of_the_larger_one() -> None:
    """Numbers that would fit are not enough: a count 300 km away in another governorate is
    an incident of its own."""
    damascus = _place("Damascus", "Damascus", 33.51, 36.28)
    report = article(
        84,
        "AFP",
        "Ten killed in Saraqib",
        at("2021-10-20"),
        "Ten people were killed in Saraqib. In Damascus, five people were killed.",
        [
            killed(10, place=SARAQIB, quote="Ten people were killed in Saraqib."),
            killed(5, place=damascus, quote="In Damascus, five people were killed."),
        ],
    )
    by_place = {e.place.name: killed_range(e) for e in events_of(report) if e.place}
    assert by_place == {"Saraqib": (10, 10), "Damascus": (5, 5)}


def test_another_kind_of_attack_told_by_another_towns_name_is_its_own_incident() -> None:
    """The retaliation a report mentions happened elsewhere, days before, by other means:
    the words by the town's name say so, whatever the sentence says of the main attack."""
    kobani = _place("Kobani", "Aleppo", 36.89, 38.35)
    retaliation = (
        "The Observatory said the rockets were fired from government positions and appeared "
        "to be retaliation for a Turkish drone strike on Tuesday west of Kobani that killed "
        "at least eleven soldiers."
    )
    report = article(
        85,
        "Reuters",
        "Rocket strike on al-Bab market kills 15",
        at("2022-08-19"),
        "Rockets slammed into a crowded market in al-Bab on Friday, killing 15 people. "
        + retaliation,
        [
            killed(15, place=AL_BAB, day="2022-08-19", quote="Rockets slammed into al-Bab"),
            killed(
                11,
                qualifier="at_least",
                group="combatants",
                place=kobani,
                day="2022-08-16",
                quote=retaliation,
            ),
        ],
        places=(AL_BAB, kobani),
    )
    incidents = {i.place.name: i for i in split_incidents(report) if i.place}
    assert incidents["Kobani"].violence == "airstrike"
    assert incidents["al-Bab"].violence == "shelling"
    by_place = {e.place.name: killed_range(e) for e in events_of(report) if e.place}
    assert by_place == {"al-Bab": (15, 15), "Kobani": (11, 11)}
