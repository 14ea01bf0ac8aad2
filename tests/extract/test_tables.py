"""Text tables: each count of a counted column is a figure of that column's kind and group
(texts written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from digests.extract.extractor import Extractor, default_extractor
from digests.extract.tables import find_table_rows

PUBLISHED = date(2024, 10, 12)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def figures_of(extractor: Extractor, text: str) -> list[tuple[str, int | None, str, str | None]]:
    return [(f.kind, f.count, f.group, f.place) for f in extractor.extract(text, PUBLISHED).figures]


ALIGNED = """Shelling hit several towns of Idleb governorate this week, OCHA said.

Reported civilian casualties by location, 5-10 October
Location            Killed   Injured
Ariha                  5       34
Sarmin                 4        -
Other communities     15      101
Total                 24      135

Schools stayed closed.
"""


def test_an_aligned_table_gives_each_cell_its_columns_kind(extractor: Extractor) -> None:
    assert figures_of(extractor, ALIGNED) == [
        ("killed", 5, "civilians", "Ariha"),
        ("injured", 34, "civilians", "Ariha"),
        ("killed", 4, "civilians", "Sarmin"),
        ("killed", 15, "civilians", None),  # no place of the gazetteer: the area's
        ("injured", 101, "civilians", None),
        ("killed", 24, "civilians", None),
        ("injured", 135, "civilians", None),
    ]


PIPES = """Monthly report

The network documented the killing of 25 civilians in July, including 7 children.

Distribution of civilian deaths by perpetrator, July 2024
| Perpetrator party        | Civilians | Children | Women |
|--------------------------|-----------|----------|-------|
| Government forces        | 19        | 5        | 2     |
| Unidentified parties     | 6         | 2        | -     |
| Total                    | 25        | 7        | 2     |
"""


def test_a_pipe_table_takes_its_kind_from_the_caption(extractor: Extractor) -> None:
    assert sorted(figures_of(extractor, PIPES), key=str) == sorted(
        [
            ("killed", 25, "civilians", None),  # the body's toll, and the Total row again
            ("killed", 7, "children", None),
            ("killed", 19, "civilians", None),
            ("killed", 5, "children", None),
            ("killed", 2, "women", None),  # the regime's 2 women, and the total's 2 once
            ("killed", 6, "civilians", None),
            ("killed", 2, "children", None),
        ],
        key=str,
    )


def test_columns_that_count_nothing_and_empty_cells_give_no_figure() -> None:
    text = (
        "Settlement      | Killed | Injured | Weapons used\n"
        "Pokrovsk        |   2    |    0    | 152 mm artillery\n"
        "Toretsk         |   -    |    3    | Grad MLRS\n"
    )
    cells = [(row.label, c.kind, c.count) for row in find_table_rows(text) for c in row.cells]
    assert cells == [("Pokrovsk", "killed", 2), ("Toretsk", "injured", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "He said the shelling killed 4.  Then  it  stopped.\nKilled: 4",
        "Name   Age\nAhmad   12\nSara   9",  # counts nobody: no kind nor group in the header
        "Location   Killed\nThe shelling went on all night and nobody could reach them.",
    ],
)
def test_prose_and_tables_of_other_things_are_no_tables(text: str) -> None:
    assert find_table_rows(text) == []


def test_dotted_rows_under_a_heading_count_the_headings_kind(extractor: Extractor) -> None:
    text = (
        "DISTRIBUTION OF DEATHS BY AREA\n"
        "Western countryside ............. 20\n"
        "Daraa city (al-Balad) 6\n"
        "Quneitra ........................ 0\n"
        "\n"
        "KEY FIGURES\n"
        "Civilians injured ....... 260+\n"
        "People displaced (est.) ........ 78,000\n"
        "Schools affected ........ 27\n"
    )
    counts = sorted((f.kind, f.count) for f in extractor.extract(text, PUBLISHED).figures)
    assert ("killed", 20) in counts and ("killed", 6) in counts
    assert ("killed", 0) not in counts
    assert ("injured", 27) not in counts and ("killed", 27) not in counts  # schools


def test_sub_items_of_a_labelled_count_take_its_kind(extractor: Extractor) -> None:
    text = (
        "SUMMARY\n"
        "Killed: 41\n"
        "  – of them civilians: 19\n"
        "  – fighters (regime forces, local groups): 22\n"
        "Injured: 27\n"
        "Assassination attempts: 46 (of which 31 led to death)\n"
        "Arrests: 38\n"
    )
    assert sorted(figures_of(extractor, text)) == sorted(
        [
            ("killed", 41, "people", None),
            ("killed", 19, "civilians", None),
            ("killed", 22, "combatants", None),
            ("injured", 27, "people", None),
        ]
    )


def test_a_dotted_line_whose_label_names_a_kind_is_a_figure(extractor: Extractor) -> None:
    text = (
        "  Victims of gang violence, Oct-Dec 2024 (UN)\n"
        "  Killed ........ 1,086\n"
        "  Injured ....... 492\n"
        "  Kidnapped ..... 187\n"
    )
    assert figures_of(extractor, text) == [
        ("killed", 1086, "people", None),
        ("injured", 492, "people", None),
    ]


def test_counts_with_spaces_between_thousands_in_a_table() -> None:
    text = (
        "Territory    | New IDPs (persons) | Households\n"
        "Masisi       | 64 300             | 12 860\n"
        "TOTAL        | 95 600             | 19 120\n"
    )
    cells = [
        (row.label, c.kind, c.group, c.count) for row in find_table_rows(text) for c in row.cells
    ]
    assert cells == [
        ("Masisi", "displaced", "people", 64_300),
        ("Masisi", "displaced", "families", 12_860),
        ("TOTAL", "displaced", "people", 95_600),
        ("TOTAL", "displaced", "families", 19_120),
    ]


def test_a_dotted_line_with_its_breakdown_in_brackets(extractor: Extractor) -> None:
    text = (
        "KEY FIGURES\n"
        "Attacks responded to by our teams .............. 263\n"
        "Civilians killed ................................ 46 (13 children, 9 women)\n"
    )
    assert sorted(figures_of(extractor, text)) == [
        ("killed", 9, "women", None),
        ("killed", 13, "children", None),
        ("killed", 46, "civilians", None),
    ]


def test_rows_of_an_incident_table_are_incidents_of_their_own(extractor: Extractor) -> None:
    """Two rows counting "2 civilians killed" in two towns on two days are two incidents, and
    neither is the body's "two people died under torture" said again."""
    text = (
        "The group documented the killing of 40 civilians in March; two people died due to "
        "torture in detention centres.\n\n"
        "| Date | Location | Incident | Victims |\n"
        "|---|---|---|---|\n"
        "| 3 March | Ariha city, Idlib | Artillery shell hit a house | 2 civilians killed |\n"
        "| 30 March | al-Busayra, Deir ez-Zor | Landmine explosion | 2 civilians killed |\n"
    )
    twos = [f for f in figures_of(extractor, text) if f[1] == 2]
    assert len(twos) == 3
    assert {f[3] for f in twos} >= {"Ariha", "Al Busayrah"}


def test_a_breakdown_on_one_line_counts_each_place(extractor: Extractor) -> None:
    """ "Daraa 27 | Idlib 18 | Homs 4 | Raqqa 4" under its heading: a count per governorate,
    of the heading's kind, none of them the body's four who died under torture."""
    text = (
        "The network documented the deaths of 53 civilians in August. Among the victims were 4 "
        "individuals who died due to torture in detention.\n\n"
        "Civilian deaths by governorate\n"
        "Daraa 27 | Idlib 18 | Homs 4 | Raqqa 4\n"
    )
    fours = sorted((f[2], str(f[3])) for f in figures_of(extractor, text) if f[1] == 4)
    assert [place for _, place in fours if _ == "civilians"] == ["Homs", "Raqqa"]
    assert len(fours) == 3
    assert ("killed", 27, "civilians", "Daraa") in figures_of(extractor, text)


def test_items_sharing_out_a_total_are_no_incident_told_elsewhere(extractor: Extractor) -> None:
    text = (
        "Civilian deaths by perpetrator party\n"
        "- Russian forces: 4 civilians, including 1 child\n"
        "- ISIS: 3 civilians\n\n"
        "Selected incidents\n"
        "- 9 August: A landmine exploded near Maskanah, killing 4 civilians, among them a child.\n"
    )
    fours = [f for f in figures_of(extractor, text) if f[1] == 4]
    assert len(fours) == 2


def test_columns_of_units_count_the_captions_kind_by_the_rows_place(extractor: Extractor) -> None:
    """ "Governorate | Sub-district | Individuals" under a caption of the newly displaced:
    each row counts displaced people in its sub-district, the last cell that names it."""
    text = (
        "Newly displaced people by sub-district of arrival, 1-12 February 2020\n\n"
        "Governorate | Sub-district | Individuals\n"
        "Idleb | Dana | 38,400\n"
        "Aleppo | Afrin | 16,300\n"
        "Total | | 54,700\n"
    )
    found = figures_of(extractor, text)
    assert ("displaced", 38_400, "people", "Dana") in found
    assert ("displaced", 16_300, "people", "Afrin") in found


def test_notes_after_a_rows_counts_break_them_down(extractor: Extractor) -> None:
    """ "| Iblin | 7 | 4 | Including 3 children, 1 woman |": parts of the row's dead, at the
    row's place; "| 1 | 3 | A woman killed in her home |" says who the one was."""
    text = (
        "Shelling on the villages of Jabal al-Zawiya in southern Idlib went on all month.\n\n"
        "Documented incidents, June 2021\n\n"
        "Date | Location | Weapon | Killed | Injured | Notes\n"
        "10 June | Iblin | Guided shell | 7 | 4 | Including 3 children and 1 woman\n"
        "19 June | Kansafra | Artillery | 1 | 3 | A woman killed in her home\n"
        "22 June | Al-Bara | Guided shell | 4 | 2 | Including 3 children\n"
    )
    found = figures_of(extractor, text)
    assert ("killed", 3, "children", "Ablin") in found
    assert ("killed", 3, "children", "Barah") in found
    assert ("killed", 1, "women", "Ablin") in found
    kansafra = [f for f in found if f[3] == "Kansafrah" and f[0] == "killed"]
    assert kansafra == [("killed", 1, "women", "Kansafrah")]


def test_a_cell_with_its_breakdown_and_the_most_local_naming_cell(extractor: Extractor) -> None:
    text = (
        "Hostilities in northern Hama and southern Idlib intensified during the week.\n\n"
        "| Date   | Community     | Governorate | Killed               | Injured |\n"
        "|--------|---------------|-------------|----------------------|---------|\n"
        "| 7 May  | Khan Shaykhun | Idlib       | 4 (incl. 2 children) | 9       |\n"
        "| 9 May  | Saraqib       | Idlib       | 1                    | 0       |\n"
    )
    found = figures_of(extractor, text)
    assert ("killed", 4, "people", "Khan Shaykhun") in found
    assert ("killed", 2, "children", "Khan Shaykhun") in found
    assert ("killed", 1, "people", "Saraqib") in found
