"""Sources of figures: found in the sentence and normalised (SOHR, OSDH, the Observatory)."""

from __future__ import annotations

import pytest

from digests.extract.sources import find_source, normalise_source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Ten died, according to the Syrian Observatory for Human Rights.", "SOHR"),
        ("Ten died, the Observatory said.", "SOHR"),
        ("Selon l'OSDH, dix morts.", "SOHR"),
        ("The Britain-based war monitor counted ten dead.", "SOHR"),
        ("The White Helmets said ten people died.", "White Helmets"),
        ("Ten died, the Syrian Civil Defence reported.", "White Helmets"),
        ("Ten died, according to OCHA.", "OCHA"),
        ("Ten died, as reported by Human Rights Watch.", "Human Rights Watch"),
        ("Mercy Corps said ten people were hurt.", "Mercy Corps"),
        ("Ten people were hurt in the blast.", None),
        ("Confirmed reports listed ten dead.", None),
        ("By Friday it said 1,500 civilians had been killed.", None),
        ("Local and media sources said that 5 died.", None),
        (
            "But the Rojava Information Center put doubt on the number of the UN and said "
            "the real number is much lower.",
            "Rojava Information Center",
        ),
        ("Turkey's defence ministry said 5 civilians were killed.", "Turkey's defence ministry"),
        (
            "According to a Syrian volunteer emergency rescue group, 66 civilians died.",
            "Syrian volunteer emergency rescue group",
        ),
        ("According to Syrian state media, 66 civilians died.", "Syrian state media"),
    ],
)
def test_sources_are_found_and_normalised(sentence: str, source: str | None) -> None:
    assert find_source(sentence) == source


def test_pronouns_are_not_sources() -> None:
    assert normalise_source("it") is None
    assert normalise_source("The") is None


def test_a_long_run_without_spaces_is_read_quickly() -> None:
    """A capitalised blob cannot make the name pattern backtrack without end."""
    assert find_source("Aa" * 5000 + " said ten died.") is not None


def test_claimed_lives_is_a_death_not_a_citation() -> None:
    """ "massacres in Latakia and Tartus claimed two dozen lives" names no source."""
    sentence = "Two massacres in Latakia and Tartus claimed two dozen more lives on Friday."
    assert find_source(sentence) is None
    assert find_source("The Syrian Observatory claimed 12 soldiers were killed.") == "SOHR"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Local sources in two towns have spoken of 300 deaths.", "Local sources"),
        ("Officials say 31 members of the security forces were killed.", "Officials"),
        ("Activists said at least 40 people were dead.", "Activists"),
    ],
)
def test_unnamed_reporters_are_a_voice_of_their_own(sentence: str, source: str) -> None:
    """So the sentence does not take the last named source before it."""
    assert find_source(sentence) == source


def test_a_bullet_does_not_take_the_source_of_the_bullet_before() -> None:
    from datetime import date

    from digests.extract.extractor import default_extractor

    text = (
        "HIGHLIGHTS\n"
        "• The Health Cluster reported 38 people killed.\n"
        "• More than 52,000 people have been newly displaced.\n"
    )
    sources = {
        f.count: f.source for f in default_extractor().extract(text, date(2023, 12, 8)).figures
    }
    assert sources == {38: "Health Cluster", 52_000: None}
