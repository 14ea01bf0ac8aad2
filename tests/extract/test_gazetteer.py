"""The shipped gazetteer: loading, lookup of typed names, amendments from the extra data."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests.extract.gazetteer import (
    DEFAULT_DIR,
    Gazetteer,
    GazetteerError,
    default_gazetteer,
    display_name,
    distance_km,
)
from digests.extract.model import Place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize(
    ("typed", "name", "admin1"),
    [
        ("Idleb", "Idlib", "Idleb"),
        ("Idlib province", "Idlib", "Idleb"),
        ("Atareb", "Al Atarib", "Aleppo"),
        ("Termanin", "Turmanin", "Idleb"),
        ("Deir Ezzor", "Deir ez-Zor", "Deir-ez-Zor"),
        ("Dayr az Zawr", "Deir ez-Zor", "Deir-ez-Zor"),
        ("hasakeh", "Al-Hasakah", "Al-Hasakeh"),
        ("Kobane", "Kobani", "Aleppo"),
        ("Rif Dimashq", "Rural Damascus", "Rural Damascus"),
        ("Ma'arrat an-Nu'man", "Maarat al-Numan", "Idleb"),
        ("El Fasher", "El Fasher", "North Darfur"),
    ],
)
def test_lookup_resolves_spellings_to_one_place(
    gazetteer: Gazetteer, typed: str, name: str, admin1: str
) -> None:
    place = gazetteer.lookup(typed)
    assert place is not None
    assert (place.name, place.admin1) == (name, admin1)


def test_lookup_of_unknown_or_empty_names_gives_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Xqzzy") is None
    assert gazetteer.lookup("") is None
    assert gazetteer.lookup("!!!") is None


def test_places_carry_coordinates_and_country(gazetteer: Gazetteer) -> None:
    aleppo = gazetteer.lookup("Aleppo")
    assert aleppo is not None
    assert aleppo.country == "SY"
    assert 36 < aleppo.lat < 36.4 and 37 < aleppo.lon < 37.3
    assert aleppo.feature == "city"  # amended: the source calls it a village


def test_names_of_lists_folded_spellings(gazetteer: Gazetteer) -> None:
    idlib = gazetteer.lookup("Idlib")
    assert idlib is not None
    names = gazetteer.names_of(idlib)
    assert "idlib" in names
    assert len(names) > 1


def test_dropped_spellings_no_longer_resolve_to_the_wrong_place(gazetteer: Gazetteer) -> None:
    """Afrin's source record lists "Kobani" among its names; the extra data drops it."""
    kobani = gazetteer.lookup("Kobani")
    assert kobani is not None and kobani.name == "Kobani"


def test_preferred_region_decides_between_same_named_places(gazetteer: Gazetteer) -> None:
    near_aleppo = gazetteer.with_preferred_admin1(["Aleppo"]).lookup("An Nayrab")
    near_idlib = gazetteer.with_preferred_admin1(["Idlib"]).lookup("An Nayrab")
    assert near_aleppo is not None and near_idlib is not None
    assert (near_aleppo.admin1, near_idlib.admin1) == ("Aleppo", "Idleb")


def test_display_names_drop_ayn_marks_at_word_edges() -> None:
    assert display_name("'Ayn al 'Arab") == "Ayn al Arab"
    assert display_name("Ma`arrat an Nu`man") == "Ma'arrat an Nu'man"


def test_distance_between_aleppo_and_idlib(gazetteer: Gazetteer) -> None:
    aleppo, idlib = gazetteer.lookup("Aleppo"), gazetteer.lookup("Idlib")
    assert aleppo is not None and idlib is not None
    assert 50 < distance_km(aleppo, idlib) < 70


def test_the_shipped_data_carries_its_attribution() -> None:
    readme = (DEFAULT_DIR / "README.md").read_text(encoding="utf-8")
    assert "Who's On First (https://whosonfirst.org, licence: WOF-LICENSE.md)" in readme
    assert (DEFAULT_DIR / "WOF-LICENSE.md").exists()


def test_other_regions_load_from_data_alone(tmp_path: Path) -> None:
    """A gazetteer for another region is only files: sources.toml and a CSV."""
    (tmp_path / "sources.toml").write_text(
        'not_places = ["words.txt"]\n[[files]]\npath = "places.csv"\ncountry = "XX"\n'
    )
    (tmp_path / "words.txt").write_text("# common words\nHope\n")
    (tmp_path / "places.csv").write_text(
        "id,name,alt_names,admin1,lat,lon,feature\n"
        "x:1,Hope,,North,1.0,2.0,town\n"
        "x:2,Port Verde,Porto Verde|Puerto Verde,North,1.5,2.5,city\n"
    )
    gazetteer = Gazetteer.load(tmp_path)
    place = gazetteer.lookup("Puerto Verde")
    assert place is not None and (place.name, place.country) == ("Port Verde", "XX")
    found = [m.place.name for m in gazetteer.find("Hope grew in Porto Verde on Monday.")]
    assert found == ["Port Verde"]


def test_missing_or_broken_data_raises_gazetteer_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError):
        Gazetteer.load(tmp_path)
    (tmp_path / "sources.toml").write_text('[[files]]\npath = "places.csv"\n')
    (tmp_path / "places.csv").write_text("id,name,lat,lon\nx:1,Somewhere,north,east\n")
    with pytest.raises(GazetteerError, match="coordinates"):
        Gazetteer.load(tmp_path)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_lookup_of_arbitrary_text_never_raises(text: str) -> None:
    place = default_gazetteer().lookup(text)
    assert place is None or place.name


def test_names_of_an_unknown_place_is_empty(gazetteer: Gazetteer) -> None:
    stranger = Place("Nowhere", "XX", None, 0.0, 0.0)
    assert gazetteer.names_of(stranger) == set()
