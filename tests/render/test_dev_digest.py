"""The dev corpus through extraction, clustering and rendering, against a reviewed golden digest.

After reviewing a changed digest, regenerate it with SITREP_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from digests.events import ArticleFacts, EventBook, split_incidents
from digests.events.period import Period
from digests.events.totals import compute_totals
from digests.render import build_digest, render_digest, render_messages
from digests.render.split import TELEGRAM_LIMIT, units
from tests.conftest import shared_path
from tests.render.test_digest import ALLOWED_TAGS, parse

GOLDEN = Path(__file__).resolve().parent / "golden" / "dev_digest.txt"
# Page furniture that scraped texts open with; the headline is the first line that is not.
_FURNITURE = re.compile(r"cookie|privacy|skip to|sign in|menu|home >|^live\b", re.IGNORECASE)


def headline_of(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return next((line for line in lines if not _FURNITURE.search(line)), lines[0])


def dev_articles() -> list[ArticleFacts]:
    from digests.extract.extractor import default_extractor

    folder = shared_path("corpus", "dev")
    extractor = default_extractor()
    articles = []
    for article_id, path in enumerate(sorted(folder.glob("*.txt")), start=1):
        published = date.fromisoformat(
            json.loads(path.with_suffix(".gold.json").read_text())["published"]
        )
        text = path.read_text(encoding="utf-8")
        extraction = extractor.extract(text, published)
        articles.append(
            ArticleFacts(
                article_id=article_id,
                url=f"https://dev.sitrep.invalid/{path.stem}",
                outlet=f"Dev {path.stem[1:3]}",  # one outlet per article: none supersedes another
                title=headline_of(text),
                published=datetime(published.year, published.month, published.day, 12, tzinfo=UTC),
                text=text,
                figures=extraction.figures,
                places=extraction.places,
            )
        )
    return articles


@pytest.mark.shared
def test_dev_corpus_digest_matches_the_reviewed_golden_file() -> None:
    """Every incident once, totals equal to the events' low ends, text as reviewed."""
    articles = dev_articles()
    book = EventBook()
    book.add_all(articles)
    events = book.events()
    assert events

    # No incident counted twice, none lost: each (article, incident) is in exactly one event.
    placed = [(i.article.article_id, i.key) for ms in book.members().values() for i in ms]
    expected_incidents = {(a.article_id, i.key) for a in articles for i in split_incidents(a)}
    assert len(placed) == len(set(placed))
    assert set(placed) == expected_incidents
    span = Period(min(e.date for e in events), max(e.date for e in events))
    totals = compute_totals(events, span)
    assert totals.events == len(events)
    assert totals.killed.low == sum(e.low("killed") for e in events)

    rendered = render_digest(build_digest(events, span, scope="dev corpus", top=15), "text")
    if os.environ.get("SITREP_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(rendered + "\n", encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8").rstrip("\n")
    diff = "\n".join(
        difflib.unified_diff(
            expected.splitlines(), rendered.splitlines(), "golden", "now", lineterm=""
        )
    )
    assert rendered == expected, f"dev digest changed; review, then SITREP_UPDATE_GOLDEN=1:\n{diff}"


@pytest.mark.shared
def test_dev_corpus_html_digest_is_telegram_safe_and_links_each_report_once() -> None:
    """Every message of the dev digest: Telegram's tags only, balanced, at most 4096 units,
    and no event block linking the same article twice."""
    book = EventBook()
    book.add_all(dev_articles())
    events = book.events()
    span = Period(min(e.date for e in events), max(e.date for e in events))
    messages = render_messages(build_digest(events, span, scope="dev corpus", top=15), "html")
    assert messages
    for message in messages:
        assert units(message) <= TELEGRAM_LIMIT
        parsed = parse(message)
        assert parsed.balanced
        assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
        for tag, attrs in parsed.tags:
            if tag == "a":
                assert [name for name, _ in attrs] == ["href"]
        for block in message.split("\n\n"):
            links = re.findall(r'href="([^"]+)"', block)
            assert len(links) == len(set(links)), block
