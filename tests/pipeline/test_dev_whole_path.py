"""The dev corpus through the whole path: a feed on 127.0.0.1 -> ingest -> store -> extract ->
events -> digest, against a reviewed golden file.

The corpus is the bundled demo (the dev articles, written for Sitrep), so this runs anywhere.
Regenerate after a reviewed change with SITREP_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import asyncio
import difflib
import os
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from digests.app import make_sitrep
from digests.demo import DemoSite, load_demo_articles
from digests.events.period import Period
from digests.lookups import EVERYWHERE, events_in, events_with_baseline
from digests.render.digest import build_digest
from digests.render.templating import render_digest
from digests.settings import Settings
from tests.conftest import FakeClock

GOLDEN = Path(__file__).resolve().parent.parent / "render" / "golden" / "dev_whole_path.txt"
PERIOD = Period(date(2019, 5, 1), date(2025, 7, 31))


def test_dev_corpus_through_feed_store_and_events_matches_the_golden_digest(
    make_settings: Callable[..., Settings],
) -> None:
    clock = FakeClock(datetime(2025, 8, 1, 9, 0, tzinfo=UTC))
    app = make_sitrep(make_settings(), _clock=clock)
    site = DemoSite(load_demo_articles()).start()
    try:
        report = asyncio.run(app.ingest([site.url]))
        analysis = app.analyse()
    finally:
        site.stop()
    assert (report.new_articles, analysis.extracted) == (30, 30)

    events = events_in(app.store, PERIOD, EVERYWHERE)
    members = [(a.article_id, e.key) for e in events for a in e.articles]
    assert len({e.key for e in events}) == len(events)  # each event once
    assert all(e.articles for e in events)
    context = build_digest(
        events_with_baseline(app.store, PERIOD), PERIOD, scope="dev corpus", top=15
    )
    rendered = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", render_digest(context, "text"))
    if os.environ.get("SITREP_UPDATE_GOLDEN"):
        GOLDEN.write_text(rendered + "\n", encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8").rstrip("\n")
    diff = "\n".join(
        difflib.unified_diff(expected.splitlines(), rendered.splitlines(), lineterm="")
    )
    assert rendered == expected, f"whole-path digest changed; review, then update:\n{diff}"
    assert members  # the digest rests on stored memberships
