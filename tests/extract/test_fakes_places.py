"""The 804 FA-KES articles: the place each is labelled with is among the places found."""

from __future__ import annotations

import csv

import pytest

from digests.extract.gazetteer import default_gazetteer
from tests.conftest import shared_path

pytestmark = pytest.mark.shared


def _articles() -> list[dict[str, str]]:
    path = shared_path("data", "fakes", "FA-KES-Dataset.csv")
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return list(csv.DictReader(handle))


def test_labelled_place_is_found_in_at_least_90_percent_of_articles() -> None:
    """The label (a governorate name such as "deir ezzor") must be among the places found."""
    gazetteer = default_gazetteer()
    articles = _articles()
    found = 0
    for article in articles:
        labelled = gazetteer.lookup(article["location"])
        assert labelled is not None, article["location"]
        text = article["article_title"] + "\n" + article["article_content"]
        found += labelled in {m.place for m in gazetteer.find(text)}
    rate = found / len(articles)
    assert len(articles) == 804
    assert rate >= 0.90, f"labelled place found in {rate:.1%} of articles"


def test_labelled_governorate_is_found_in_at_least_95_percent_of_articles() -> None:
    """Looser: a place found lies in the labelled governorate (a village of Aleppo province)."""
    gazetteer = default_gazetteer()
    articles = _articles()
    found = 0
    for article in articles:
        labelled = gazetteer.lookup(article["location"])
        assert labelled is not None
        text = article["article_title"] + "\n" + article["article_content"]
        found += labelled.admin1 in {m.place.admin1 for m in gazetteer.find(text)}
    rate = found / len(articles)
    assert rate >= 0.95, f"labelled governorate found in {rate:.1%} of articles"
