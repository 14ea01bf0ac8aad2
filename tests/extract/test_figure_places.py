"""Where each figure happened: the most specific place of its clause, not a reference point,
a province named for context, or a capital that only spoke (texts written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from digests.extract.extractor import Extractor, default_extractor

PUBLISHED = date(2024, 10, 15)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def places_of(extractor: Extractor, text: str) -> dict[tuple[str, int | None, str], str | None]:
    return {(f.kind, f.count, f.group): f.place for f in extractor.extract(text, PUBLISHED).figures}


def test_a_place_south_of_a_city_is_the_place_not_the_city(extractor: Extractor) -> None:
    """ "in Ariha, south of Idlib city": Idlib is only a reference point."""
    text = "Warplanes struck the town of Ariha, south of Idlib city, killing eight civilians."
    assert places_of(extractor, text) == {("killed", 8, "civilians"): "Ariha"}


def test_where_the_guns_fired_from_is_not_where_the_dead_were(extractor: Extractor) -> None:
    text = "Government artillery in Saraqib hit Binnish and its outskirts, killing four civilians."
    assert places_of(extractor, text) == {("killed", 4, "civilians"): "Binnish"}
    text = "Rockets fired from positions in Saraqib struck Binnish, killing two children."
    assert places_of(extractor, text) == {("killed", 2, "children"): "Binnish"}


def test_the_next_sentence_of_a_paragraph_keeps_its_incidents_day(extractor: Extractor) -> None:
    text = (
        "It was not the first deadly shelling this month. Earlier in October, artillery hit "
        "Binnish, killing four civilians. The dead included a woman."
    )
    days = {(f.count, f.group): f.date for f in extractor.extract(text, PUBLISHED).figures}
    assert days == {(4, "civilians"): date(2024, 10, 1), (1, "women"): date(2024, 10, 1)}


def test_a_province_named_after_its_town_is_context(extractor: Extractor) -> None:
    """ "the town of Ariha in Idlib province": the figure is Ariha's."""
    text = "Shelling on the town of Ariha in Idlib province killed two men on Monday."
    assert places_of(extractor, text) == {("killed", 2, "men"): "Ariha"}


def test_a_breakdown_keeps_its_totals_place_in_a_later_sentence(extractor: Extractor) -> None:
    """A part told in the next sentence without a place happened where its total did."""
    text = (
        "A strike on Saraqib killed nine civilians on Monday. "
        "Among the victims were a woman and her two daughters."
    )
    got = places_of(extractor, text)
    assert got[("killed", 1, "women")] == "Saraqib"
    assert got[("killed", 2, "children")] == "Saraqib"


def test_a_capital_that_only_gave_no_comment_is_no_place(extractor: Extractor) -> None:
    """ "no comment from Ankara": nothing happened in Ankara."""
    text = "A car bomb killed 19 people in Azaz. There was no comment from Ankara."
    names = [p.name for p in extractor.extract(text, PUBLISHED).places]
    assert "Azaz" in names
    assert "Ankara" not in names


def test_a_place_opening_a_sentence_with_in_is_found(extractor: Extractor) -> None:
    """ "In Idlib, ...": the capital of "In" does not make "In Idlib" one loose name."""
    text = "In Idlib, artillery killed a child."
    assert [p.name for p in extractor.extract(text, PUBLISHED).places] == ["Idlib"]


def test_a_figure_takes_the_place_of_its_own_clause(extractor: Extractor) -> None:
    """ "..., while four civilians died in Daraa": not the place of the clause before."""
    text = "Eleven soldiers were killed in Homs, while four civilians died in Daraa."
    got = places_of(extractor, text)
    assert got[("killed", 11, "combatants")] == "Homs"
    assert got[("killed", 4, "civilians")] == "Daraa"


def test_an_outlet_named_after_a_place_is_no_place(extractor: Extractor) -> None:
    """ "al-Mayadeen TV said": a broadcaster, not the town of Mayadin."""
    text = "The Lebanon-based al-Mayadeen TV said shelling on Aleppo left 11 people dead."
    names = [p.name for p in extractor.extract(text, PUBLISHED).places]
    assert "Aleppo" in names
    assert "Mayadin" not in names


def test_there_points_back_to_the_place_just_named(extractor: Extractor) -> None:
    text = (
        "Airstrikes hit a market in Ariha on Monday, killing six civilians.\n\n"
        "Government troops battled rebels around Kafr Nabuda in northern Hama. By evening "
        "87 combatants had been killed there."
    )
    assert places_of(extractor, text) == {
        ("killed", 6, "civilians"): "Ariha",
        ("killed", 87, "combatants"): "Kafr Nabuda",
    }


def test_a_place_naming_an_office_is_who_speaks_not_where(extractor: Extractor) -> None:
    text = (
        "A rocket hit the railway station in Kramatorsk, killing 30 people. The head of "
        "Donetsk regional military administration later reported 39 killed."
    )
    assert places_of(extractor, text) == {
        ("killed", 30, "people"): "Kramatorsk",
        ("killed", 39, "people"): "Kramatorsk",
    }


def test_a_capital_city_is_not_taken_for_its_own_province(extractor: Extractor) -> None:
    text = (
        "Shelling hit Ariha on Tuesday, killing ten civilians.\n\nHours earlier, two bombs "
        "on an army bus in Damascus killed at least 14 soldiers, and many in Idlib saw the "
        "Ariha barrage as retaliation."
    )
    assert places_of(extractor, text)[("killed", 14, "combatants")] == "Damascus"


def test_places_are_spelled_as_the_article_spells_them(extractor: Extractor) -> None:
    text = "SARMADA, Syria - Shelling on the village of Sarja in Idlib province killed two men."
    places = extractor.extract(text, PUBLISHED).to_json()["places"]
    by_name = {p["name"]: p.get("gazetteer_name") for p in places}
    assert by_name["Sarja"] == "Sarjah"
    assert by_name["Sarmada"] is None  # the same spelling: no second name
    assert "Idlib" in by_name  # "Idlib province" names Idlib


def test_a_count_in_brackets_is_the_place_before_it(extractor: Extractor) -> None:
    """ "fled from Idleb city (approximately 21,000 people), Sarmin (11,450)": each count
    is the place named before its bracket."""
    text = (
        "Most of the newly displaced fled from Idleb city (approximately 21,000 people), "
        "Sarmin (11,450) and Ariha (9,800)."
    )
    assert places_of(extractor, text) == {
        ("displaced", 21_000, "people"): "Idlib",
        ("displaced", 11_450, "people"): "Sarmin",
        ("displaced", 9_800, "people"): "Ariha",
    }
