"""Finding places in text: spellings, context words, common words, ambiguity, hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests.extract.gazetteer import Gazetteer, default_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def names(gazetteer: Gazetteer, text: str) -> list[str]:
    """The distinct place names found, in text order."""
    return list(dict.fromkeys(m.place.name for m in gazetteer.find(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling hit the village of Termanin, north of Idleb.", ["Turmanin", "Idlib"]),
        (
            "Russian jets struck Al-Atarib in the western Aleppo countryside.",
            ["Al Atarib", "Aleppo"],
        ),
        ("Families fled Ma'arrat an-Nu'man for camps near Atmeh.", ["Maarat al-Numan", "Atmeh"]),
        ("Clashes in Jisr ash-Shughur and Deir Ezzor.", ["Jisr al-Shughur", "Deir ez-Zor"]),
        ("A strike on Dayr az Zawr killed three.", ["Deir ez-Zor"]),
        ("Displaced people in Sweida and Daraa.", ["Suwayda", "Daraa"]),
        ("Rockets fell on the camp in Kafr Jalis, west of Idlib city.", ["Kafr Jalis", "Idlib"]),
        (
            "Our teams put out fires around #Sarmin and #AlNayrab, east of #Idlib.",
            ["Sarmin", "An Nayrab", "Idlib"],
        ),
        (
            "4/ TAL RIFAAT: families leave in convoys from the Aleppo countryside.",
            ["Tal Rifaat", "Aleppo"],
        ),
        ("DEIR EZZOR, Syria - Clashes went on for a third day.", ["Deir ez-Zor"]),
        ("Has this happened before? Strikes hit Ariha on Sat night.", ["Ariha"]),
        ("Families fled the outskirts of Idleb city and Saraqab.", ["Idlib", "Saraqib"]),
        (
            "Families fled to camps in Ma'arrat Tamasrin sub-district and near Kafr Lusin.",
            ["Maarrat Misrin", "Kafr Lusin"],
        ),
    ],
)
def test_spelling_variants_resolve_to_gazetteer_places(
    gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    assert names(gazetteer, text) == expected


def test_mentions_carry_span_surface_and_place(gazetteer: Gazetteer) -> None:
    text = "Two civilians died in al-Bab on Friday."
    [mention] = gazetteer.find(text)
    assert text[mention.start : mention.end] == mention.surface == "al-Bab"
    assert mention.place.admin1 == "Aleppo"
    assert mention.place.country == "SY"


def test_every_occurrence_is_a_mention_in_text_order(gazetteer: Gazetteer) -> None:
    found = gazetteer.find("Idlib was shelled. Aleppo too. Then Idlib again.")
    assert [m.surface for m in found] == ["Idlib", "Aleppo", "Idlib"]
    assert [m.start for m in found] == sorted(m.start for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "Hope remains that the talks in Geneva... no. Hope remains.",
        "Mission accomplished, the spokesman said.",
        "Some 500 people left. There was no water. Many were children.",
        "Abu Bakr said the convoy was late.",
        "Fighters of Hay'at Tahrir al-Sham attacked.",
        "The coordinator, Mark Cutts, said dozens were hurt.",
        "State news agency SANA said the UN and the SNA met.",
        "Calls for calm grew. Rebel guns answered. Adding to the toll, nothing.",
        "The Islamic State group claimed the attack during Ramadan.",
        "He wrote on Telegram and told Al Jazeera that it was Friday's strike.",
        "DISPLACEMENT BY GOVERNORATE OF ORIGIN (households)",  # page furniture and headings
    ],
)
def test_common_words_names_and_acronyms_are_not_places(gazetteer: Gazetteer, text: str) -> None:
    found = [m for m in gazetteer.find(text) if m.place.feature != "country"]
    assert [m.surface for m in found if m.surface != "Geneva"] == []


def test_a_common_word_is_a_place_when_the_text_says_so(gazetteer: Gazetteer) -> None:
    """Given names and common words need "the village of" or "camp" to become places."""
    assert names(gazetteer, "Abu Bakr said it was quiet.") == []
    found = names(gazetteer, "Shells hit the village of Abu Bakr in Hasakeh countryside.")
    assert found == ["Abu Bakr", "Al-Hasakah"]


def test_neighbouring_places_decide_between_same_named_villages(gazetteer: Gazetteer) -> None:
    """There is an An Nayrab near Aleppo and one near Idlib: the article's other places decide."""
    near_idlib = gazetteer.find("Shelling hit Saraqib and the village of Nairab, east of Idlib.")
    near_aleppo = gazetteer.find("Shelling hit Aleppo airport and the village of Nairab.")
    nayrab = [m.place for m in near_idlib if m.place.name == "An Nayrab"]
    assert nayrab and nayrab[0].admin1 == "Idleb"
    nayrab = [m.place for m in near_aleppo if m.place.name == "An Nayrab"]
    assert nayrab and nayrab[0].admin1 == "Aleppo"


def test_a_foreign_capital_is_its_government_unless_something_happens_there(
    gazetteer: Gazetteer,
) -> None:
    text = "The truce agreed by Moscow and Ankara failed: shells hit Idlib and Saraqib."
    assert names(gazetteer, text) == ["Idlib", "Saraqib"]
    assert "Moscow" in names(gazetteer, "Talks in Moscow ended as shells hit Idlib.")


def test_headlines_of_other_stories_are_skipped(gazetteer: Gazetteer) -> None:
    text = (
        "Rockets hit a camp near Idlib, killing four.\n\nRelated:\n"
        "- Car bomb in Manbij kills 15\n- Strikes on Deir ez-Zor\n\nRead more"
    )
    assert names(gazetteer, text) == ["Idlib"]


def test_camps_and_provinces_from_the_extra_data(gazetteer: Gazetteer) -> None:
    text = "Families reached Mabrouka camp; others went to Rif Dimashq."
    assert names(gazetteer, text) == ["Mabruka camp", "Rural Damascus"]


def test_places_outside_syria_come_from_data(gazetteer: Gazetteer) -> None:
    found = {m.place.name: m.place.country for m in gazetteer.find("Strikes on Kharkiv and Goma.")}
    assert found == {"Kharkiv": "UA", "Goma": "CD"}


def test_a_preferred_region_wins_an_ambiguous_village(gazetteer: Gazetteer) -> None:
    text = "Shells fell on Nayrab at dawn."
    in_idlib = gazetteer.with_preferred_admin1(["Idlib"]).find(text)
    assert [m.place.admin1 for m in in_idlib] == ["Idleb"]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    gazetteer = default_gazetteer()
    for mention in gazetteer.find(text):
        assert text[mention.start : mention.end] == mention.surface


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Idlib", "al-", "Al", "Abu", " ", "-", "'", "\n", "in", "X"])))
def test_name_fragments_in_any_order_never_raise(parts: list[str]) -> None:
    text = "".join(parts)
    assert all(text[m.start : m.end] == m.surface for m in default_gazetteer().find(text))


def test_adversarial_megabyte_completes(gazetteer: Gazetteer) -> None:
    """Long runs without spaces, repeated names and digits: finishes and finds what is there."""
    text = " Aleppo" * 1000 + "9" * 300_000 + "Idlib" * 100_000 + "al-" * 50_000
    found = gazetteer.find(text)
    assert {m.place.name for m in found} == {"Aleppo"}
    dense = gazetteer.find("Idlib Aleppo Homs " * 60_000)
    assert {m.place.name for m in dense} == {"Idlib", "Aleppo", "Homs"}


def test_fused_articles_and_lost_apostrophes(gazetteer: Gazetteer) -> None:
    """ "Maaret Alnouman", "Deir Ezzor" fuse the article; "Aleppos" lost its apostrophe."""
    text = "Strikes on Maaret Alnouman and Deir Ezzor; Aleppos eastern districts burned."
    assert names(gazetteer, text) == ["Maarat al-Numan", "Deir ez-Zor", "Aleppo"]


def test_headline_capitals_do_not_hide_a_city(gazetteer: Gazetteer) -> None:
    """In "Damascus Car Bomb Kills 70" the capital words are the headline's, not a name's."""
    assert names(gazetteer, "Damascus Car Bomb Kills 70 People") == ["Damascus"]


def test_villages_of_other_countries_need_their_country_in_play(gazetteer: Gazetteer) -> None:
    """An article about Afghanistan does not name Syrian villages that share a spelling."""
    text = "Two soldiers died near Sarkh in Afghanistan's Logar province, officials said."
    assert {m.place.country for m in gazetteer.find(text)} == {"AF"}


def test_a_word_the_article_also_writes_in_lower_case_is_that_word(gazetteer: Gazetteer) -> None:
    """ "Price" opens a headline, "price" appears in the text: it is the English word."""
    text = "Price Of Bread Doubles. The price of bread in Idlib doubled this week."
    assert names(gazetteer, text) == ["Idlib"]


def test_people_introduced_by_speech_or_age_are_not_places(gazetteer: Gazetteer) -> None:
    text = "Shelling hit Ariha, said Barazi; eight-year-old Rimas was hurt near Idlib."
    assert names(gazetteer, text) == ["Ariha", "Idlib"]


def test_a_loose_spelling_must_agree_with_the_kind_of_place_named(tmp_path: Path) -> None:
    """ "Maram camp" is not the village Al Marami read loosely: the text says it is a camp."""
    (tmp_path / "sources.toml").write_text('[[files]]\npath = "places.csv"\ncountry = "XX"\n')
    (tmp_path / "places.csv").write_text(
        "id,name,admin1,lat,lon,feature\nx:1,Al Marami,North,1.0,2.0,village\n"
    )
    gazetteer = Gazetteer.load(tmp_path)
    assert gazetteer.find("Rockets hit Maram camp on Sunday.") == []
    [mention] = gazetteer.find("Rockets hit the village of Maram on Sunday.")
    assert mention.place.name == "Al Marami"


def test_a_lone_place_of_another_country_among_many_is_dropped(gazetteer: Gazetteer) -> None:
    """In an article about Gaza, a spelling shared with a Syrian town is not that town."""
    text = (
        "Strikes hit Khan Younis and Deir al-Balah overnight, and a school in Daraya "
        "neighbourhood of Gaza City was shelled."
    )
    found = {m.place.country for m in gazetteer.find(text)}
    assert found == {"PS"}


def test_a_capital_abroad_named_as_a_target_stays(gazetteer: Gazetteer) -> None:
    text = "The Houthis claimed an attack on Abu Dhabi; strikes hit Sanaa and Hodeidah."
    assert names(gazetteer, text) == ["Abu Dhabi", "Sanaa", "Hodeidah"]


def test_a_type_word_of_a_list_types_every_item(gazetteer: Gazetteer) -> None:
    """ "the towns of A and B", "the A, B and C neighbourhoods": one type word for all."""
    assert names(gazetteer, "Regime forces shelled the towns of Kansafra and al-Bara.") == [
        "Kansafrah",
        "Barah",
    ]
    found = names(
        gazetteer,
        "Forces killed civilians in the Bustan al-Qasr, al-Ferdous, al-Kallaseh and "
        "al-Saleheen neighbourhoods as they advanced.",
    )
    assert {"Bustan al-Qasr", "Kalaseh", "Salihin"} <= set(found)


def test_english_words_spelled_like_villages_are_not_places(gazetteer: Gazetteer) -> None:
    text = (
        "BEIRUT (AFP) - Fierce fighting near Hama killed 12. Source: NES Forum. "
        "Syrians for Truth and Justice documented the deaths in Ariha."
    )
    assert names(gazetteer, text) == ["Hama", "Ariha"]  # Beirut only dates the wire


def test_surnames_parents_and_acronyms_are_not_places(gazetteer: Gazetteer) -> None:
    text = (
        "Idris Nassan, a Kurdish official in Kobani, said Umm Ahmad fled Ariha. The AANES "
        "condemned shelling in Um al-Mayathen."
    )
    assert names(gazetteer, text) == ["Kobani", "Ariha", "Umm al Mayadin"]
