"""No text makes the extractor raise or hang: arbitrary text, and 1 MB of hostile text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digests.extract.extractor import MAX_ARTICLE_CHARS, Extractor, default_extractor
from digests.extract.model import Extraction, PlaceMention

PUBLISHED = date(2024, 3, 15)


class NoPlaces:
    def find(self, text: str) -> list[PlaceMention]:
        return []


EXTRACTOR = Extractor(NoPlaces())
WORDS = st.sampled_from(
    [
        "killed",
        "wounded",
        "displaced",
        "toll",
        "of",
        "them",
        "whom",
        "including",
        "at",
        "least",
        "a",
        "woman",
        "children",
        "12",
        "1,200",
        "1.2",
        "million",
        "half",
        "dozen",
        "twenty-three",
        ",",
        ":",
        ";",
        ".",
        "-",
        "(",
        ")",
        "were",
        "among",
        "the",
        "dead",
        "since",
        "2011",
        "October",
        "5",
        "Tuesday",
        "Observatory",
        "said",
        "no",
        "could",
        "fled",
        "families",
        "\n",
        "Related:",
        "members",
        "staff",
        "'",
        "13-year-old",
    ]
)


def _check(extraction: Extraction, published: date) -> None:
    assert isinstance(extraction, Extraction)
    for figure in extraction.figures:
        assert figure.count is None or figure.count >= 0
        assert figure.quote
        assert figure.date is None or figure.date <= published


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=400), st.dates())
def test_arbitrary_text_never_raises(text: str, published: date) -> None:
    _check(EXTRACTOR.extract(text, published), published)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(WORDS, max_size=80).map(" ".join), st.dates())
def test_texts_made_of_trigger_words_never_raise(text: str, published: date) -> None:
    _check(EXTRACTOR.extract(text, published), published)


def test_one_megabyte_of_hostile_text_completes() -> None:
    """Long digit runs, "killed" repeated, no spaces: the call returns (speed is in bench/)."""
    parts = [
        "9" * 200_000,
        "killed" * 50_000,
        "1,1,1,1," * 20_000,
        " killed 12 of them, " * 10_000,
        "Aa" * 50_000,
        "(" * 50_000,
    ]
    text = "".join(parts)[:1_000_000]
    assert len(text) == 1_000_000
    _check(EXTRACTOR.extract(text, PUBLISHED), PUBLISHED)


def test_one_megabyte_of_dense_figures_completes_with_the_shipped_gazetteer() -> None:
    """Every sentence a figure and a place: the call returns, reading a bounded prefix."""
    text = ("Shelling killed 12 people, including 3 children, in Aleppo. " * 20_000)[:1_000_000]
    extraction = default_extractor().extract(text, PUBLISHED)
    _check(extraction, PUBLISHED)
    assert {(f.count, f.group) for f in extraction.figures} == {(12, "people"), (3, "children")}


def test_text_beyond_the_article_limit_is_not_read() -> None:
    text = "x " * (MAX_ARTICLE_CHARS // 2) + "Shelling killed 12 people."
    assert EXTRACTOR.extract(text, PUBLISHED).figures == ()


def test_one_megabyte_of_distinct_counts_with_places_completes() -> None:
    """Thousands of distinct counts in places and long clause-less sentences: the call
    returns, and distinct counts stay distinct figures (speed is in bench/)."""
    extractor = default_extractor()
    counts = "".join(f"In Idlib {i} were killed. " for i in range(40_000))[:1_000_000]
    extraction = extractor.extract(counts, PUBLISHED)
    _check(extraction, PUBLISHED)
    assert len({f.count for f in extraction.figures}) == len(extraction.figures) > 1_000
    clauses = ("in Idlib killed 5 people, and " * 40_000)[:1_000_000]
    _check(extractor.extract(clauses, PUBLISHED), PUBLISHED)
