"""Figures on labelled corpora, scored as SCHEMA.md says: ../shared/corpus (seeds and dev),
and the project's own tests/corpus/holdout, fresh, unseen and blind* (articles written for
Sitrep to measure it on text it was not tuned on when they were written).

Targets of issue 3: loose F1 >= 0.95, strict F1 >= 0.90, scope accuracy >= 0.95.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from digests.extract.extractor import default_extractor
from tests.conftest import shared_path

SCORED = {"killed", "injured", "displaced"}
OWN_CORPORA = Path(__file__).resolve().parent.parent / "corpus"


def _as_set(value: Any) -> set[Any]:
    return {value} if isinstance(value, str | int) or value is None else set(value)


def _folders(corpus: str) -> list[Path]:
    if corpus == "shared":
        return [shared_path("corpus", "seeds"), shared_path("corpus", "dev")]
    return [OWN_CORPORA / corpus]


def _articles(corpus: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for folder in _folders(corpus):
        for gold_path in sorted(folder.glob("*.gold.json")):
            text_path = Path(str(gold_path).removesuffix(".gold.json") + ".txt")
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            out.append((text_path.read_text(encoding="utf-8"), gold))
    return out


def _score(pred: list[dict[str, Any]], gold: dict[str, Any]) -> tuple[int, int, int, int, int]:
    """(loose matches, strict matches, false positives, gold figures, scope right)."""
    unmatched = list(gold["figures"])
    loose = strict = false = scope = 0
    for p in pred:
        if p["kind"] not in SCORED or p["qualifier"] == "vague" or p["count"] is None:
            continue
        same = [g for g in unmatched if g["kind"] == p["kind"] and g["count"] == p["count"]]
        hit = next((g for g in same if p["group"] in _as_set(g["group"])), None)
        hit = hit or (same[0] if same else None)
        if hit is not None:
            unmatched.remove(hit)
            loose += 1
            strict += p["group"] in _as_set(hit["group"])
            scope += p["scope"] in _as_set(hit.get("scope", "incident"))
        elif not any(
            o["kind"] == p["kind"] and o["count"] == p["count"] for o in gold.get("optional", [])
        ):
            false += 1
    return loose, strict, false, len(gold["figures"]), scope


def _f1(tp: int, fp: int, total: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / total if total else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _corpus_scores(corpus: str) -> tuple[float, float, float, str]:
    articles = _articles(corpus)
    assert articles, corpus
    extractor = default_extractor()
    sums = [0, 0, 0, 0, 0]
    for text, gold in articles:
        extraction = extractor.extract(text, date.fromisoformat(gold["published"]))
        for i, value in enumerate(_score(extraction.to_json()["figures"], gold)):
            sums[i] += value
    loose, strict, false, total, scope = sums
    loose_f1 = _f1(loose, false, total)
    strict_f1 = _f1(strict, false + loose - strict, total)
    scope_accuracy = scope / loose if loose else 0.0
    report = f"loose F1 {loose_f1:.3f}, strict F1 {strict_f1:.3f}, scope {scope_accuracy:.3f}"
    return loose_f1, strict_f1, scope_accuracy, report


@pytest.mark.parametrize("corpus", ["shared", "holdout", "fresh"])
def test_figures_meet_the_issue_targets(corpus: str) -> None:
    loose_f1, strict_f1, scope_accuracy, report = _corpus_scores(corpus)
    assert loose_f1 >= 0.95, report
    assert strict_f1 >= 0.90, report
    assert scope_accuracy >= 0.95, report


def test_figures_on_the_latest_unseen_set_do_not_fall_back() -> None:
    """tests/corpus/unseen: 40 articles written blind in session 2 and scored before any
    tuning (loose F1 0.946 and 0.889 on its two halves). Part of it was tuned on since, so
    this guards the level reached (about 0.95), not the issue's target on new text."""
    loose_f1, strict_f1, scope_accuracy, report = _corpus_scores("unseen")
    assert loose_f1 >= 0.94, report
    assert strict_f1 >= 0.91, report
    assert scope_accuracy >= 0.95, report


# Blind sets: written by helpers who read neither the code nor the other corpora, scored
# before any tuning (loose F1 then), tuned on since. Each guards the level reached (less a
# small margin), not the issue's target on new text.
BLIND_LEVELS = {
    "blind": (0.955, 0.92, 0.99),  # session 3; 0.902 before tuning
    "blind2": (0.945, 0.91, 0.96),  # session 4; 0.867 before tuning
    "blind3": (0.935, 0.90, 0.93),  # session 4, after that session's changes; 0.891 before
    "blind4": (0.945, 0.915, 0.945),  # session 4, written later; 0.908 before tuning
    "blind5": (0.94, 0.895, 0.965),  # session 4, written last; 0.918 before tuning
    "blind6": (0.965, 0.935, 0.99),  # session 5; 0.920 before tuning
    "blind7": (0.97, 0.94, 0.975),  # session 5, written mid-session; 0.931 before tuning
    "blind8": (0.97, 0.925, 0.98),  # session 5, written later; 0.968 before tuning
    "blind9": (0.955, 0.925, 0.98),  # session 5, written last; 0.961 before tuning
}


@pytest.mark.parametrize("corpus", sorted(BLIND_LEVELS))
def test_figures_on_the_blind_sets_do_not_fall_back(corpus: str) -> None:
    loose_level, strict_level, scope_level = BLIND_LEVELS[corpus]
    loose_f1, strict_f1, scope_accuracy, report = _corpus_scores(corpus)
    assert loose_f1 >= loose_level, report
    assert strict_f1 >= strict_level, report
    assert scope_accuracy >= scope_level, report
