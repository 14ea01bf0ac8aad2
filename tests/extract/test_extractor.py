"""The extractor as a whole: places of figures, the article's places, duplicates, JSON."""

from __future__ import annotations

import re
from datetime import date
from typing import ClassVar

from digests.extract.extractor import Extractor, default_extractor
from digests.extract.model import Extraction, Place, PlaceMention

PUBLISHED = date(2024, 3, 15)
ALEPPO = Place("Aleppo", "SY", "Aleppo", 36.2, 37.16, feature="city", place_id="t:1")
IDLIB = Place("Idlib", "SY", "Idleb", 35.93, 36.63, feature="city", place_id="t:2")
ARIHA = Place("Ariha", "SY", "Idleb", 35.81, 36.61, feature="town", place_id="t:3")
DAMASCUS = Place("Damascus", "SY", "Damascus", 33.51, 36.29, feature="city", place_id="t:4")
SYRIA = Place("Syria", "SY", None, 35.0, 38.0, feature="country", place_id="t:5")


class WordGazetteer:
    """A stand-in gazetteer that knows a few places by their exact names."""

    places: ClassVar[dict[str, Place]] = {
        p.name: p for p in (ALEPPO, IDLIB, ARIHA, DAMASCUS, SYRIA)
    }

    def find(self, text: str) -> list[PlaceMention]:
        pattern = r"\b(" + "|".join(self.places) + r")\b"
        return [
            PlaceMention(m.start(), m.end(), m.group(), self.places[m.group()])
            for m in re.finditer(pattern, text)
        ]


class BrokenGazetteer:
    """A gazetteer that fails: figures must still come out."""

    def find(self, text: str) -> list[PlaceMention]:
        raise ValueError("broken index")


def extract(text: str) -> Extraction:
    return Extractor(WordGazetteer()).extract(text, PUBLISHED)


def test_a_figure_takes_the_place_named_in_its_sentence() -> None:
    text = "Fighting spread from Aleppo. In Ariha, shelling killed 5 people on Tuesday."
    (figure,) = extract(text).figures
    assert figure.place == "Ariha" and figure.place_record == ARIHA


def test_without_a_place_in_its_sentence_a_figure_takes_the_main_place() -> None:
    text = "Idlib under fire\n\nShelling killed 5 people on Tuesday."
    (figure,) = extract(text).figures
    assert figure.place == "Idlib"


def test_places_are_distinct_and_in_order_of_first_mention() -> None:
    text = "Ariha and Idlib were shelled; Ariha again at night, then Aleppo."
    assert [p.name for p in extract(text).places] == ["Ariha", "Idlib", "Aleppo"]


def test_places_in_leaked_headlines_are_not_the_article_places() -> None:
    text = "Shells hit Ariha, killing 2.\n\nRead more:\n- Car bomb in Damascus kills 9\n"
    extraction = extract(text)
    assert [p.name for p in extraction.places] == ["Ariha"]
    assert [f.count for f in extraction.figures] == [2]


def test_the_same_count_from_two_sources_is_kept_twice() -> None:
    """Disagreeing or agreeing sources are reconciled later, not merged here."""
    text = (
        "The Observatory said 5 civilians were killed. "
        "Turkey's defence ministry said 5 civilians were killed."
    )
    assert [f.source for f in extract(text).figures] == ["SOHR", "Turkey's defence ministry"]


def test_the_same_count_in_headline_and_body_is_one_figure() -> None:
    text = (
        "Air strike kills 7 in Idlib\n\nAn air strike killed 7 people in Idlib, the monitor said."
    )
    assert len(extract(text).figures) == 1


def test_the_same_count_in_two_places_is_two_figures() -> None:
    text = "Shelling killed 3 people in Ariha. Later, a drone killed 3 people in Aleppo."
    assert [f.place for f in extract(text).figures] == ["Ariha", "Aleppo"]


def test_a_back_reference_to_a_known_count_adds_no_figure() -> None:
    text = "Shelling killed 4 children and a man. All four children were pupils."
    assert sorted((f.count, f.group) for f in extract(text).figures) == [
        (1, "men"),
        (4, "children"),
    ]


def test_dates_and_sources_are_attached() -> None:
    (figure,) = extract("Shelling killed 6 people on Tuesday, the White Helmets said.").figures
    assert figure.date == date(2024, 3, 12)
    assert figure.source == "White Helmets"


def test_a_source_named_earlier_in_the_paragraph_carries_over() -> None:
    text = "According to the Observatory, the raid hit a market. It killed 8 people."
    (figure,) = extract(text).figures
    assert figure.source == "SOHR"


def test_a_failing_gazetteer_costs_the_places_not_the_figures() -> None:
    extraction = Extractor(BrokenGazetteer()).extract("Shelling killed 5 people.", PUBLISHED)
    assert extraction.places == () and len(extraction.figures) == 1


def test_empty_and_blank_texts_give_nothing() -> None:
    assert extract("") == Extraction()
    assert extract("   \n\n ") == Extraction()


def test_json_has_the_fields_schema_md_names() -> None:
    data = extract("In Ariha, shelling killed 5 people on Tuesday.").to_json()
    assert set(data) == {"figures", "places"}
    assert set(data["figures"][0]) >= {
        "kind",
        "count",
        "group",
        "qualifier",
        "scope",
        "place",
        "date",
        "source",
        "quote",
    }
    assert data["figures"][0]["date"] == "2024-03-12"
    assert data["places"][0] == {
        "name": "Ariha",
        "country": "SY",
        "admin1": "Idleb",
        "lat": 35.81,
        "lon": 36.61,
    }


def test_the_default_extractor_reads_the_shipped_gazetteer() -> None:
    extraction = default_extractor().extract(
        "Shelling of Maarat al-Numan in Idlib province killed 9 civilians.", PUBLISHED
    )
    assert [f.count for f in extraction.figures] == [9]
    assert "Idlib" in {p.admin1 for p in extraction.places} | {p.name for p in extraction.places}


def test_the_main_place_is_the_most_specific_place_of_the_lead() -> None:
    """ "Idlib's Ariha": the article is about Ariha, not the province it lies in."""
    text = "Shelling hits Idlib's Ariha\n\nThe school run was hit. Shells killed 6 people."
    (figure,) = extract(text).figures
    assert figure.place == "Ariha"


def test_a_country_is_never_the_place_of_a_figure_when_a_town_is_named() -> None:
    text = "Syria: shelling in Ariha\n\nShells killed 6 people in Syria on Tuesday."
    (figure,) = extract(text).figures
    assert figure.place == "Ariha"


def test_a_headline_restating_the_body_is_one_figure_whatever_its_source() -> None:
    text = (
        "Air strike kills 9 in Ariha, monitor says\n\n"
        "An air strike killed nine civilians in Ariha on Monday, the White Helmets said."
    )
    assert [(f.count, f.group) for f in extract(text).figures] == [(9, "civilians")]


def test_a_headline_count_takes_the_source_its_body_restatement_names() -> None:
    """The headline says the number; the body says who counted it."""
    text = (
        "Raids kill 23 civilians in Idlib\n\n"
        "Twenty-three civilians died in bombing of Idlib province, the Syrian Observatory "
        "for Human Rights reported."
    )
    (figure,) = extract(text).figures
    assert (figure.count, figure.group, figure.source) == (23, "civilians", "SOHR")
