"""Places on the labelled corpus (../shared/corpus seeds and dev): F1 as the scorer counts it."""

from __future__ import annotations

import json
import unicodedata

import pytest

from digests.extract.gazetteer import default_gazetteer
from tests.conftest import shared_path

pytestmark = pytest.mark.shared


def _norm(name: str) -> str:
    # As ../shared/tools/score_extraction.py compares names: case, accents, hyphens ignored.
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("’", "'").replace("-", " ").split())


def test_places_f1_on_seeds_and_dev_is_at_least_0_90() -> None:
    corpus = shared_path("corpus")
    gazetteer = default_gazetteer()
    tp = fp = total = 0
    for folder in ("seeds", "dev"):
        for gold_path in sorted((corpus / folder).glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text_path = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")
            text = text_path.read_text(encoding="utf-8")
            wanted = [{_norm(n) for n in entry} for entry in gold.get("places", [])]
            optional = {_norm(n) for entry in gold.get("places_optional", []) for n in entry}
            found: set[int] = set()
            for place in dict.fromkeys(m.place for m in gazetteer.find(text)):
                name = _norm(place.name)
                hit = next((i for i, names in enumerate(wanted) if name in names), None)
                if hit is not None:
                    tp += hit not in found
                    found.add(hit)
                elif name not in optional and place.feature != "country":
                    fp += 1
            total += len(wanted)
    precision, recall = tp / (tp + fp), tp / total
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.90, f"places P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
