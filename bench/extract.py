"""Extraction benchmark over the 804 FA-KES articles: articles per second on one process.

    python bench/extract.py [--repeat 3]

Reads ../shared/data/fakes/FA-KES-Dataset.csv (only on the team's machines). Prints the
start-up time (loading the gazetteer), the articles per second of extraction alone, and the
FA-KES place figure: the share of articles whose `location` column is among the extracted
places (compared by the gazetteer's folded spellings), and the time one extraction of a
megabyte of hostile text takes. Goals: >= 200 articles/s, >= 90 %, < 2 s per megabyte.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from digests.extract.extractor import default_extractor  # noqa: E402
from digests.extract.gazetteer import default_gazetteer  # noqa: E402
from digests.extract.model import Extraction  # noqa: E402
from digests.extract.translit import fold  # noqa: E402

FAKES = REPO.parent / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"


def _published(raw: str) -> date:
    try:
        return datetime.strptime(raw.strip(), "%m/%d/%Y").date()
    except ValueError:
        return date(2018, 1, 1)


def _load() -> list[tuple[str, date, str]]:
    with FAKES.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        (
            f"{row['article_title']}\n\n{row['article_content']}",
            _published(row["date"]),
            row["location"],
        )
        for row in rows
    ]


def _place_found(extraction: Extraction, location: str) -> bool:
    wanted = fold(location)
    gazetteer = default_gazetteer()
    target = gazetteer.lookup(location)
    for place in extraction.places:
        if fold(place.name) == wanted:
            return True
        if target is not None and place.place_id and place.place_id == target.place_id:
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the articles")
    args = parser.parse_args()
    if not FAKES.exists():
        print(f"{FAKES} is absent: this benchmark needs ../shared (the team's machines)")
        return 2
    articles = _load()

    started = time.perf_counter()
    extractor = default_extractor()
    startup = time.perf_counter() - started

    best = float("inf")
    results: list[Extraction] = []
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        results = [extractor.extract(text, published) for text, published, _ in articles]
        best = min(best, time.perf_counter() - started)

    figures = sum(len(r.figures) for r in results)
    found = sum(_place_found(r, loc) for r, (_, _, loc) in zip(results, articles, strict=True))
    print(f"articles {len(articles)}  figures {figures}")
    print(f"start-up {startup:.2f} s (gazetteer load)")
    print(
        f"extraction {best:.2f} s for {len(articles)} articles: "
        f"{len(articles) / best:.0f} articles/s (best of {max(1, args.repeat)})"
    )
    print(f"FA-KES place figure: {found}/{len(articles)} = {found / len(articles):.1%}")
    for name, text in _hostile_megabytes().items():
        started = time.perf_counter()
        extractor.extract(text, date(2024, 6, 14))
        print(f"1 MB of {name}: {time.perf_counter() - started:.2f} s (goal < 2 s)")
    return 0


def _hostile_megabytes() -> dict[str, str]:
    """A megabyte each of text built to be slow: the adversarial mix the issue names (long
    digit runs, "killed" repeated, no spaces), and prose dense with figures and places."""
    mix = ["9" * 200_000, "killed" * 50_000, "1,1,1,1," * 20_000, " killed 12 of them, " * 10_000]
    return {
        "digit runs, repeated 'killed', no spaces": "".join(mix)[:1_000_000],
        "a figure and a place in every sentence": (
            "Shelling killed 12 people, including 3 children, in Aleppo. " * 20_000
        )[:1_000_000],
        "distinct counts in one place": "".join(
            f"In Idlib {i} were killed. " for i in range(40_000)
        )[:1_000_000],
    }


if __name__ == "__main__":
    raise SystemExit(main())
