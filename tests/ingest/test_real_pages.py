"""Extraction on the 15 real pages in ../shared (read, never copied): the article's sentences are
kept, page furniture is not. Figures for the whole set: ``python -m tests.ingest.test_real_pages``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from digests.ingest.feedparse import html_to_text
from digests.ingest.fulltext import extract_page, scrub_boilerplate
from tests.ingest.conftest import SHARED, shared_files, skip_without_shared

pytestmark = pytest.mark.shared

PAGES = [p for p in shared_files("real-pages", "*.html") if ".readability-" not in p.name]
MIN_RECALL = 0.80  # share of the reference's sentences found in our text
MIN_PRECISION = 0.90  # share of our sentences found in the reference

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?؟])\s+")


def _comparable(text: str) -> str:
    text = text.replace("\u00ad", "").lower()
    text = text.translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(re.findall(r"\w+", text))


def _sentences(text: str) -> list[str]:
    return [
        sentence
        for paragraph in text.split("\n")
        for sentence in _SENTENCE_SPLIT.split(paragraph)
        if len(sentence.split()) >= 6
    ]


@dataclass
class Score:
    recall: float
    precision: float


def _reference(html_path: Path) -> str | dict[str, list[str]]:
    stem = html_path.name.removesuffix(".html")
    expected = html_path.with_name(f"{stem}.expected.json")
    readability = html_path.with_name(f"{stem}.readability-expected.html")
    if expected.exists():
        data = json.loads(expected.read_text(encoding="utf-8"))
        if "articleBody" in data:
            return str(data["articleBody"])
        return {"with": list(data["with"]), "without": list(data["without"])}
    return html_to_text(readability.read_text(encoding="utf-8"))


def _extract(html_path: Path) -> str:
    return extract_page(html_path.read_bytes(), url="https://example.org/", content_type=None).text


def score(extracted: str, reference: str) -> Score:
    ours, theirs = _comparable(extracted), _comparable(reference)
    wanted = _sentences(reference)
    produced = _sentences(extracted)
    recall = sum(_comparable(s) in ours for s in wanted) / max(len(wanted), 1)
    precision = sum(_comparable(s) in theirs for s in produced) / max(len(produced), 1)
    return Score(recall, precision)


@pytest.mark.parametrize("html_path", PAGES, ids=lambda p: p.name.removesuffix(".html"))
def test_real_page_keeps_the_article_and_drops_the_rest(html_path: Path) -> None:
    reference = _reference(html_path)
    text = _extract(html_path)
    if isinstance(reference, dict):
        ours = _comparable(text)
        assert [s for s in reference["with"] if _comparable(s) not in ours] == []
        assert [s for s in reference["without"] if _comparable(s) in ours] == []
        return
    result = score(text, reference)
    assert result.recall >= MIN_RECALL, result
    assert result.precision >= MIN_PRECISION, result


SEED_LEAKS = re.compile(
    r"^(Loading Now|Back to top button|Leave a Reply|Post Comment|Subscribe to our newsletter"
    r"|Newsletter signup|Please wait\.\.\.|Thank you for sign up!|See also\b.*|Source :"
    r"|Original Source:.*|Credit:.*|Your email address will not be published.*)$",
    re.MULTILINE,
)


def test_seed_texts_lose_their_leaked_furniture_and_keep_their_paragraphs() -> None:
    """The seeds show what leaks from real pages: after scrubbing none of it is left, and every
    other paragraph of twelve words or more is still there."""
    skip_without_shared()
    seeds = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    assert seeds
    leaks_seen = 0
    for seed in seeds:
        raw = seed.read_text(encoding="utf-8")
        leaks_seen += len(SEED_LEAKS.findall(raw))
        cleaned = scrub_boilerplate(raw)
        assert SEED_LEAKS.findall(cleaned) == [], seed.name
        paragraphs = [
            line.strip()
            for line in raw.splitlines()
            if len(line.split()) >= 12 and not SEED_LEAKS.match(line.strip())
        ]
        assert [p for p in paragraphs if p not in cleaned] == [], seed.name
    assert leaks_seen >= 5  # the check above had something to catch


def main() -> None:
    """Print recall and precision per real page, and their means."""
    if not PAGES:
        print(f"{SHARED} is absent")
        return
    scores = []
    for html_path in PAGES:
        reference = _reference(html_path)
        text = _extract(html_path)
        if isinstance(reference, dict):
            ours = _comparable(text)
            kept = sum(_comparable(s) in ours for s in reference["with"])
            leaked = sum(_comparable(s) in ours for s in reference["without"])
            print(
                f"{html_path.stem:48} with {kept}/{len(reference['with'])}"
                f" without-leaked {leaked}/{len(reference['without'])}"
            )
            continue
        result = score(text, reference)
        scores.append(result)
        print(f"{html_path.stem:48} recall {result.recall:.2f} precision {result.precision:.2f}")
    mean_recall = sum(s.recall for s in scores) / len(scores)
    mean_precision = sum(s.precision for s in scores) / len(scores)
    print(f"mean over {len(scores)} pages: recall {mean_recall:.3f} precision {mean_precision:.3f}")


if __name__ == "__main__":
    main()
