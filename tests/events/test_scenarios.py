"""Scenario tests: what a careful analyst would write down from a handful of reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from digests.events import EventBook, EventClusterer, EventSignature, split_incidents
from digests.events.model import Event
from digests.events.period import Period
from digests.events.totals import EventFilter, compute_totals
from tests.events.fixtures import (
    ALEPPO,
    ARIHA,
    IDLIB_PROVINCE,
    MAARAT,
    article,
    at,
    checkpoint_bombing,
    killed,
    market_airstrike_reports,
)


def book_of(*articles) -> list[Event]:
    book = EventBook()
    book.add_all(articles)
    return book.events()


def test_five_outlets_on_one_airstrike_make_one_event_of_12_to_14_killed() -> None:
    (event,) = book_of(*market_airstrike_reports())
    killed_ = event.headline["killed"]
    assert (killed_.low, killed_.high) == (12, 14)
    assert [(s.label, s.count) for s in killed_.sources] == [
        ("SOHR", 14),
        ("Enab Baladi", 13),
        ("White Helmets", 12),
        ("AFP", 12),
    ]
    assert killed_.vague_outlets == 1  # "dozens" is noted, never counted
    assert event.place == MAARAT
    assert event.violence == "airstrike"
    assert len(event.articles) == 5


def test_yesterday_and_the_stated_date_give_the_incident_day_not_publication_day() -> None:
    (event,) = book_of(*market_airstrike_reports())
    # Reuters (published 23rd) said "yesterday", Al Jazeera "Monday" (22nd); Enab Baladi's
    # undated report of the 23rd must not move the event to the day it was published.
    assert event.date == date(2019, 7, 22)


def test_group_ranges_keep_every_report_and_vague_ones_do_not_move_the_range() -> None:
    (event,) = book_of(*market_airstrike_reports())
    figures = {(f.kind, f.group): f for f in event.figures}
    people = figures[("killed", "people")]
    assert (people.low, people.high) == (12, 14)
    assert sorted(r.outlet for r in people.reports) == ["AFP", "Enab Baladi", "Reuters"]
    civilians = figures[("killed", "civilians")]
    assert (civilians.low, civilians.high) == (12, 12)
    assert [r.count for r in civilians.reports] == [12, None]  # White Helmets, then "dozens"


def test_two_incidents_in_one_town_on_one_day_stay_apart() -> None:
    events = book_of(*market_airstrike_reports(), checkpoint_bombing())
    assert len(events) == 2
    by_violence = {e.violence: e for e in events}
    assert by_violence["bombing"].headline["killed"].low == 3
    assert by_violence["bombing"].article_ids == (6,)
    assert by_violence["airstrike"].headline["killed"].low == 12
    totals = compute_totals(events, Period(date(2019, 7, 22), date(2019, 7, 22)))
    assert (totals.killed.low, totals.killed.high) == (15, 17)
    assert totals.by_group["killed"]["combatants"].low == 3


def test_toll_update_from_the_same_outlet_supersedes_its_earlier_report() -> None:
    first = article(
        20,
        "SOHR",
        "Seven killed in shelling on Ariha",
        at("2021-10-20", 8),
        "Regime artillery shelled the centre of Ariha as children walked to school, killing "
        "seven people.",
        [killed(7, place=ARIHA, day="2021-10-20", quote="artillery shelled Ariha, killing seven")],
    )
    update = article(
        21,
        "SOHR",
        "Death toll of Ariha shelling rises to ten",
        at("2021-10-20", 15),
        "The death toll of the regime artillery shelling on Ariha this morning has risen to "
        "ten people, among them four children on their way to school.",
        [
            killed(10, place=ARIHA, day="2021-10-20", quote="toll of the shelling risen to ten"),
            killed(4, group="children", place=ARIHA, day="2021-10-20", quote="four children"),
        ],
    )
    other = article(
        22,
        "Syria Direct",
        "Shelling on Ariha kills 8 on school run",
        at("2021-10-20", 12),
        "Artillery shells landed on Ariha's main street during the school run, killing eight "
        "people, rescuers said.",
        [killed(8, place=ARIHA, quote="Artillery shells landed on Ariha, killing eight")],
    )
    (event,) = book_of(first, other, update)
    headline = event.headline["killed"]
    assert (headline.low, headline.high) == (8, 10)  # SOHR's 7 is history, not a source
    people = next(f for f in event.figures if f.group == "people")
    assert sorted(r.count or 0 for r in people.reports) == [8, 10]
    assert event.violence == "shelling"


def test_a_revision_replaces_the_article_and_never_adds_a_second_report() -> None:
    reports = market_airstrike_reports()
    revised = replace(
        reports[0],
        revision=2,
        figures=(killed(16, source="SOHR", place=MAARAT, day="2019-07-22", quote="16 killed"),),
    )
    (event,) = book_of(*reports, revised)
    assert event.headline["killed"].high == 16
    assert event.article_ids.count(1) == 1
    people = next(f for f in event.figures if f.group == "people")
    assert [r.count for r in people.reports if r.article_id == 1] == [16]


def test_a_revision_that_moves_the_place_empties_the_old_event() -> None:
    book = EventBook()
    original = article(
        30,
        "Reuters",
        "Shelling kills five in Ariha",
        at("2021-10-20"),
        "Shelling killed five people in Ariha.",
        [killed(5, place=ARIHA, quote="Shelling killed five people")],
    )
    first = book.add(original)
    corrected = replace(
        original,
        revision=2,
        title="Shelling kills five in Aleppo",
        figures=(killed(5, place=ALEPPO, quote="Shelling killed five people in Aleppo"),),
        places=(ALEPPO,),
    )
    second = book.add(corrected)
    assert second.emptied == {first.assignments[0].event_key}
    (event,) = book.events()
    assert event.place == ALEPPO


def test_an_article_with_only_cumulative_figures_opens_no_event() -> None:
    context = article(
        40,
        "Al Jazeera",
        "Syria's war in numbers",
        at("2019-07-22"),
        "More than 500,000 people have been killed since 2011 and 6.7 million displaced.",
        [
            killed(500_000, qualifier="more_than", scope="cumulative", quote="500,000 killed"),
            killed(6_700_000, kind="displaced", scope="cumulative", quote="6.7 million"),
        ],
        places=(MAARAT,),
    )
    assert split_incidents(context) == []
    assert book_of(context) == []


def test_cumulative_figures_beside_an_incident_stay_out_of_the_event() -> None:
    mixed = article(
        41,
        "AFP",
        "Air strike kills 9 in Maarat al-Numan",
        at("2019-07-22"),
        "An air strike killed nine people in Maarat al-Numan. The war has killed 370,000 "
        "people since 2011.",
        [
            killed(9, place=MAARAT, quote="An air strike killed nine people"),
            killed(370_000, scope="cumulative", quote="killed 370,000 people since 2011"),
        ],
    )
    (event,) = book_of(mixed)
    assert [(f.low, f.high) for f in event.figures] == [(9, 9)]


def test_one_article_on_two_incidents_feeds_two_events() -> None:
    roundup = article(
        50,
        "Reuters",
        "Air strikes hit Maarat al-Numan market; shelling kills five in Ariha",
        at("2019-07-22", 20),
        "Air strikes on the market of Maarat al-Numan killed 14 people, the Syrian Observatory "
        "said. Separately, artillery shelling killed five people in Ariha.",
        [
            killed(14, source="SOHR", place=MAARAT, quote="Air strikes on the market killed 14"),
            killed(5, place=ARIHA, quote="artillery shelling killed five people in Ariha"),
        ],
    )
    events = book_of(*market_airstrike_reports()[1:], roundup)
    assert len(events) == 2
    by_place = {e.place.name if e.place else None: e for e in events}
    assert by_place["Maarat al-Numan"].headline["killed"].high == 14
    assert by_place["Maarat al-Numan"].violence == "airstrike"
    assert by_place["Ariha"].headline["killed"].low == 5
    assert by_place["Ariha"].violence == "shelling"


def test_a_province_named_beside_a_town_does_not_split_the_article() -> None:
    report = article(
        60,
        "OCHA",
        "Flash update: air strikes on Maarat al-Numan",
        at("2019-07-22"),
        "Air strikes on Maarat al-Numan in Idlib province killed 12 people and injured 30.",
        [
            killed(12, place=MAARAT, quote="Air strikes on Maarat al-Numan killed 12 people"),
            killed(30, kind="injured", place=IDLIB_PROVINCE, quote="injured 30"),
        ],
    )
    (incident,) = split_incidents(report)
    assert incident.place == MAARAT
    assert {f.kind for f in incident.figures} == {"killed", "injured"}


def test_breakdowns_add_up_to_a_sources_total_when_it_gives_no_overall_figure() -> None:
    sohr = article(
        70,
        "SOHR",
        "Shelling on Ariha kills eight",
        at("2021-10-20"),
        "Regime shelling on Ariha killed five civilians and three fighters.",
        [
            killed(5, group="civilians", place=ARIHA, quote="five civilians"),
            killed(3, group="combatants", place=ARIHA, quote="three fighters"),
        ],
    )
    (event,) = book_of(sohr)
    assert (event.headline["killed"].low, event.headline["killed"].high) == (8, 8)


def test_reports_from_other_days_or_places_open_their_own_events() -> None:
    base = market_airstrike_reports()[0]
    three_days_later = replace(
        base,
        article_id=80,
        published=at("2019-07-26"),
        figures=(killed(4, place=MAARAT, day="2019-07-25", quote="air strikes killed four"),),
    )
    far_away = replace(
        base,
        article_id=81,
        figures=(killed(6, place=ALEPPO, day="2019-07-22", quote="air strikes killed six"),),
        places=(ALEPPO,),
    )
    assert len(book_of(base, three_days_later, far_away)) == 3


def test_signatures_survive_json_and_rebuild_the_same_clustering() -> None:
    reports = market_airstrike_reports()
    live = EventClusterer()
    for report in reports[:3]:
        live.add(report)
    restored = EventClusterer(EventSignature.from_json(s.to_json()) for s in live.signatures())
    assert restored.signatures() == live.signatures()
    joined_live = live.add(reports[3]).assignments[0]
    joined_restored = restored.add(reports[3]).assignments[0]
    assert joined_live.event_key == joined_restored.event_key
    assert not joined_restored.opened


def test_place_filter_and_admin1_filter_select_events() -> None:
    events = book_of(*market_airstrike_reports(), checkpoint_bombing())
    day = Period(date(2019, 7, 22), date(2019, 7, 22))
    assert compute_totals(events, day, EventFilter.of(places=["maarat al-numan"])).events == 2
    assert compute_totals(events, day, EventFilter.of(admin1=["Idleb"])).events == 2
    assert compute_totals(events, day, EventFilter.of(admin1=["Aleppo"])).events == 0
    assert compute_totals(events, day, EventFilter.of(places=["Ariha"])).quiet


def test_shelling_on_consecutive_days_each_dated_by_its_report_stays_two_incidents() -> None:
    monday = article(
        90,
        "SOHR",
        "Shelling kills 3 in Ariha",
        at("2021-10-18", 20),
        "Regime artillery shelled Ariha on Monday, killing three people.",
        [killed(3, place=ARIHA, day="2021-10-18", quote="shelled Ariha, killing three")],
    )
    tuesday = replace(
        monday,
        article_id=91,
        published=at("2021-10-19", 20),
        title="Shelling kills 2 in Ariha",
        figures=(killed(2, place=ARIHA, day="2021-10-19", quote="shelled Ariha, killing two"),),
    )
    events = book_of(monday, tuesday)
    assert [(e.date.day, e.low("killed")) for e in events] == [(18, 3), (19, 2)]


def test_a_running_toll_over_several_days_in_one_article_is_one_incident() -> None:
    analysis = article(
        92,
        "Analysis desk",
        "Aleppo offensive: the toll keeps rising",
        at("2024-12-02"),
        "Fighting in Aleppo killed 200 people by 27 November; by 2 December the toll was 514.",
        [
            killed(200, source="SOHR", place=ALEPPO, day="2024-11-27", quote="killed 200"),
            killed(514, source="SOHR", place=ALEPPO, day="2024-12-02", quote="toll was 514"),
        ],
    )
    (incident,) = split_incidents(analysis)
    (event,) = book_of(analysis)
    assert (event.headline["killed"].low, event.headline["killed"].high) == (514, 514)
    assert incident.date_explicit


def test_an_area_in_another_country_is_context_not_a_second_incident() -> None:
    hatay = replace(IDLIB_PROVINCE, name="Hatay", country="TR", admin1="Hatay", place_id="tr:hatay")
    report = article(
        93,
        "Reuters",
        "Shelling of Maarat al-Numan hospital kills 13",
        at("2021-06-13"),
        "Shelling hit the hospital in Maarat al-Numan; the governor of Turkey's Hatay province "
        "said 13 people were killed.",
        [
            killed(13, source="Hatay governor", place=hatay, quote="13 people were killed"),
            killed(2, kind="injured", place=MAARAT, quote="two medics wounded"),
        ],
        places=(MAARAT, hatay),
    )
    (incident,) = split_incidents(report)
    assert incident.place == MAARAT
    assert len(incident.figures) == 2


def test_a_sources_running_total_beats_its_own_earlier_smaller_count() -> None:
    liveblog = article(
        94,
        "Live desk",
        "LIVE: strike on Maarat al-Numan market",
        at("2019-07-22", 18),
        "09:15 activists: seven people dead. 15:05 the toll rose to ten civilians.",
        [
            killed(7, place=MAARAT, quote="seven people dead"),
            killed(10, group="civilians", place=MAARAT, quote="toll rose to ten civilians"),
        ],
    )
    (event,) = book_of(liveblog)
    assert (event.headline["killed"].low, event.headline["killed"].high) == (10, 10)


def test_an_outlet_citing_another_source_later_does_not_silence_the_first() -> None:
    morning = article(
        95,
        "Reuters",
        "Air strikes on Maarat al-Numan market kill 14, monitor says",
        at("2019-07-22", 9),
        "Air strikes on the market of Maarat al-Numan killed 14 people, the Observatory said.",
        [killed(14, source="SOHR", place=MAARAT, quote="Air strikes on the market killed 14")],
    )
    later = replace(
        morning,
        article_id=96,
        published=at("2019-07-22", 15),
        figures=(
            killed(12, source="White Helmets", place=MAARAT, quote="strikes on the market, 12"),
        ),
    )
    (event,) = book_of(morning, later)
    assert [(s.label, s.count) for s in event.headline["killed"].sources] == [
        ("SOHR", 14),
        ("White Helmets", 12),
    ]
