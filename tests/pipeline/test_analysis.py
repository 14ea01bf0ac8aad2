"""Stored articles become stored events: one incident counted once, revisions followed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date

import pytest

from digests.analysis import Analyst, load_events
from digests.app import Sitrep, make_sitrep
from digests.settings import Settings
from digests.store import Store
from tests.conftest import FakeClock
from tests.pipeline.builders import Item, rss
from tests.support.site import LocalSite

ARIHA_SOHR = (
    "Shelling on a school in Ariha kills 9. Government shelling hit a primary school in the "
    "town of Ariha in Idlib province on Thursday morning, killing nine people, including six "
    "children, the Syrian Observatory for Human Rights said. Rescuers said the shells landed "
    "as pupils were arriving for lessons, and that the school building was badly damaged."
)
ARIHA_WHITE_HELMETS = (
    "Children among dead as shells hit Ariha school. Artillery shells struck a school in Ariha, "
    "south of Idlib city, on Thursday as pupils arrived for class, killing at least seven "
    "people, the White Helmets rescue group said. The group said its teams pulled the wounded "
    "from the school building and took them to hospitals in the area."
)
ARIHA_AGENCY = (
    "Ariha school shelling: toll reaches 12. The toll from Thursday's shelling of a school in "
    "Ariha rose to 12 dead, the Syrian Observatory for Human Rights said, as two of the wounded "
    "children died in hospital. The shells struck the school building as pupils arrived."
)
RAQQA = (
    "Landmine kills three shepherds near Raqqa. Three shepherds were killed on Thursday when a "
    "landmine exploded in farmland north of Raqqa, a local official said. The men were grazing "
    "sheep when the device went off, he said."
)


@pytest.fixture
def app(store: Store, clock: FakeClock, make_settings: Callable[..., Settings]) -> Sitrep:
    clock.now = clock.now.replace(year=2021, month=10, day=22)
    return make_sitrep(
        make_settings(extra="[ingest]\npage_workers = 0\n"), _store=store, _clock=clock
    )


def _publish(site: LocalSite, path: str, items: list[tuple[str, str]]) -> str:
    entries = [
        Item(text.split(". ", 1)[0], None, guid, text, pub_date="Thu, 21 Oct 2021 12:00:00 GMT")
        for guid, text in items
    ]
    return site.add(path, rss(entries))


def _killed(app: Sitrep) -> dict[str, tuple[int, int]]:
    events = load_events(app.store, date(2021, 10, 1), date(2021, 10, 31))
    result = {}
    for event in events:
        place = event.place.name if event.place else "?"
        headline = event.headline.get("killed")
        if headline:
            result[place] = (headline.low, headline.high)
    return result


def test_three_outlets_reporting_one_strike_make_one_event_with_a_range(
    app: Sitrep, site: LocalSite
) -> None:
    feeds = [
        _publish(site, "/sohr.xml", [("s1", ARIHA_SOHR), ("s2", RAQQA)]),
        _publish(site, "/wh.xml", [("w1", ARIHA_WHITE_HELMETS)]),
    ]
    asyncio.run(app.ingest(feeds))
    report = app.analyse()
    assert report.extracted == 3
    assert app.store.count_events() == 2
    killed = _killed(app)
    assert killed["Ariha"] == (7, 9)  # never 16: the same deaths reported twice
    assert killed["Raqqa"] == (3, 3)
    assert app.analyse().extracted == 0  # nothing left to do


def test_a_toll_update_from_the_same_outlet_supersedes_its_earlier_report(
    app: Sitrep, site: LocalSite, clock: FakeClock
) -> None:
    feed = _publish(site, "/sohr.xml", [("s1", ARIHA_SOHR)])
    asyncio.run(app.ingest([feed]))
    app.analyse()
    _publish(site, "/sohr.xml", [("s1", ARIHA_AGENCY)])  # the same entry, edited
    clock.advance(hours=3)
    asyncio.run(app.ingest([feed]))
    assert app.analyse().extracted == 1
    assert _killed(app) == {"Ariha": (12, 12)}
    assert app.store.count_events() == 1


def test_a_new_extractor_version_reads_every_article_again(app: Sitrep, site: LocalSite) -> None:
    asyncio.run(app.ingest([_publish(site, "/sohr.xml", [("s1", ARIHA_SOHR), ("s2", RAQQA)])]))
    app.analyse()
    before = load_events(app.store, date(2021, 10, 1), date(2021, 10, 31))
    assert app.extractor is not None
    newer = Analyst(app.store, app.extractor, clock=app.clock, version="a-newer-extractor")
    assert newer.process_pending().extracted == 2
    after = load_events(app.store, date(2021, 10, 1), date(2021, 10, 31))
    # The same extractor read again: the same events, none duplicated.
    assert [(e.place, e.headline) for e in after] == [(e.place, e.headline) for e in before]
