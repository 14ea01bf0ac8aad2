"""List items are read with the header line they hang from, and "since 28 April" is a date."""

from __future__ import annotations

from datetime import date

import pytest

from digests.extract.extractor import Extractor, default_extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def _scopes(extractor: Extractor, text: str, published: date) -> dict[int, str]:
    return {f.count: f.scope for f in extractor.extract(text, published).figures if f.count}


def test_items_under_a_since_header_are_running_totals(extractor: Extractor) -> None:
    text = (
        "Shelling hit the market in Ariha on Monday, killing 6 people.\n\n"
        "Since 3 March, the monitoring group has documented:\n"
        "- at least 412 people killed and more than 900 injured;\n"
        "- 15 rescue workers killed.\n"
    )
    scopes = _scopes(extractor, text, date(2020, 6, 1))
    assert scopes[6] == "incident"
    assert scopes[412] == scopes[900] == scopes[15] == "cumulative"


def test_items_under_an_incident_header_stay_incident(extractor: Extractor) -> None:
    text = (
        "Rescuers gave these figures for Tuesday's strike on the town of Saraqib:\n"
        "- 9 people killed;\n"
        "- 21 people injured.\n"
    )
    scopes = _scopes(extractor, text, date(2020, 6, 3))
    assert scopes == {9: "incident", 21: "incident"}


def test_a_list_without_a_header_is_read_item_by_item(extractor: Extractor) -> None:
    text = "Since 3 March the toll has grown.\n\n- 7 people killed in Ariha on Sunday.\n"
    assert _scopes(extractor, text, date(2020, 6, 1)) == {7: "incident"}


def test_since_a_day_and_month_months_ago_is_a_running_total(extractor: Extractor) -> None:
    text = "Since 28 April, at least 250 civilians have been killed in the offensive."
    assert _scopes(extractor, text, date(2019, 7, 22)) == {250: "cumulative"}
    recent = "Since 28 April, at least 25 civilians have been killed in the offensive."
    assert _scopes(extractor, recent, date(2019, 5, 10)) == {25: "incident"}


def test_items_in_paragraphs_of_their_own_keep_their_header(extractor: Extractor) -> None:
    """A web page's list: every item its own paragraph, still read under its header."""
    text = (
        "Since 3 March, the monitoring group has documented:\n\n"
        "- at least 412 people killed;\n\n"
        "- 15 rescue workers killed.\n"
    )
    assert set(_scopes(extractor, text, date(2020, 6, 1)).values()) == {"cumulative"}


def test_sublists_of_a_distributed_toll_take_its_kind_and_their_own_group(
    extractor: Extractor,
) -> None:
    """ "The deaths of 20 people ... distributed as follows:" then count lines ending in a
    colon, each heading bullets that give only a number: every line is a count of the dead,
    of the group its sublist names."""
    text = (
        "The monitor documented the deaths of 20 people yesterday. They are distributed as "
        "follows:\n\n"
        "Eight civilians, including a woman:\n"
        "- Five by shelling on the town of Sarmin.\n"
        "- Three by a landmine near Maarat al-Numan.\n\n"
        "Twelve members of regime forces:\n"
        "- Nine in an attack on a bus in the desert.\n"
        "- Three by sniper fire in the countryside of Latakia.\n"
    )
    found = {
        (f.kind, f.count, f.group)
        for f in extractor.extract(text, date(2023, 4, 17)).figures
        if f.count is not None
    }
    assert found == {
        ("killed", 20, "people"),
        ("killed", 8, "civilians"),
        ("killed", 1, "women"),
        ("killed", 5, "civilians"),
        ("killed", 3, "civilians"),
        ("killed", 12, "combatants"),
        ("killed", 9, "combatants"),
        ("killed", 3, "combatants"),
    }


def test_label_lines_over_their_own_items_are_counts_of_their_own(extractor: Extractor) -> None:
    """ "SDF MEMBERS: 3" over "- Killed by a drone strike ..." is three fighters, not the
    "Three members of HTS" above said again."""
    text = (
        "SOHR has documented the deaths of 31 people on Sunday, distributed as follows:\n\n"
        "HTS AND OTHER FACTIONS: 5\n"
        "- Three members of HTS killed by regime shelling near Al-Fatirah.\n"
        "- Two members of Ansar al-Tawhid killed in clashes on the Kabani axis.\n\n"
        "SDF MEMBERS: 3\n"
        "- Killed by a drone strike on their vehicle near Tal Tamr.\n"
    )
    figures = extractor.extract(text, date(2022, 9, 18)).figures
    threes = [(f.kind, f.group) for f in figures if f.count == 3]
    assert threes == [("killed", "combatants")] * 2
    fives = [f.group for f in figures if f.count == 5]
    assert fives == ["combatants"]


def test_a_label_that_names_its_count_absorbs_no_other_group(extractor: Extractor) -> None:
    """ "Killed under torture in regime detention: 3" are three detainees, not the fighters of
    "killing 3 of its members" below; "regime" in the label is no group of the dead."""
    text = (
        "SUMMARY (1-31 March 2022)\n"
        "Killed: 41\n"
        "Killed under torture in regime detention: 3 (included in civilians)\n"
        "Injured: 27\n\n"
        "11/03 - An IED exploded on the road between Da'el and Tafas targeting a vehicle of the "
        "8th Brigade, killing 3 of its members.\n"
    )
    threes = sorted(
        f.group for f in extractor.extract(text, date(2022, 4, 3)).figures if f.count == 3
    )
    assert threes == ["combatants", "people"]


def test_label_lines_under_a_toll_heading(extractor: Extractor) -> None:
    """ "Toll of the day across Syria (SOHR):" over labels, one with commas in its name."""
    text = (
        "Clashes continued on the Harasta front.\n\n"
        "Toll of the day across Syria (SOHR):\n"
        "Civilians: 113\n"
        "Members of regime forces and loyal militias: 19\n"
        "Fighters of rebel and Islamist factions, including Jaish al-Islam: 12\n"
        "Total: 144\n"
    )
    found = {(f.kind, f.count, f.group) for f in extractor.extract(text, date(2018, 2, 21)).figures}
    assert found == {
        ("killed", 113, "civilians"),
        ("killed", 19, "combatants"),
        ("killed", 12, "combatants"),
        ("killed", 144, "people"),
    }
