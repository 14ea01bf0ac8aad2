"""The 21 real feeds in ../shared (read, never copied): every one parses, titles decode cleanly."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from digests.errors import ParseError
from digests.ingest.feedparse import ParsedFeed, parse_feed
from digests.ingest.http import Fetcher
from tests.ingest.conftest import shared_files, skip_without_shared
from tests.support.site import LocalSite

pytestmark = pytest.mark.shared

FEEDS = [path for path in shared_files("real-feeds", "*") if path.suffix != ".md"]
TRUNCATED = "reuters_mostread_truncated_2020.xml"
MOJIBAKE_MARKS = ("Ã", "Ð", "\ufffd", "â€", "Â")


def _parse(path: Path) -> ParsedFeed:
    return parse_feed(path.read_bytes(), url=f"https://example.org/{path.name}")


@pytest.mark.parametrize("path", [p for p in FEEDS if p.name != TRUNCATED], ids=lambda p: p.name)
def test_real_feed_titles_are_decoded_and_present(path: Path) -> None:
    """Every entry has a non-empty title free of mojibake, and a publication date."""
    feed = _parse(path)
    assert feed.entries, feed.warnings
    for entry in feed.entries:
        assert entry.title.strip(), entry
        assert not any(mark in entry.title for mark in MOJIBAKE_MARKS), entry.title
        assert entry.published is not None and entry.published.tzinfo is not None, entry.title
        assert entry.guid or entry.link


def test_real_truncated_feed_is_a_clear_error() -> None:
    skip_without_shared()
    path = next(p for p in FEEDS if p.name == TRUNCATED)
    with pytest.raises(ParseError, match=r"^broken feed, no entries"):
        _parse(path)


@pytest.mark.parametrize(
    ("name", "title_part"),
    [
        ("uol_noticias_undeclared_latin1.rss", "simulações"),
        ("jn_pt_iso8859-1_feedburner.rss", "Mãe de utente"),
        ("oren_ru_windows-1251.xml", "Бузулуке"),
        ("golem_de_rdf_rss1.0_iso8859-1.xml", "Glasfaserförderung"),
        ("aljazeera_ar_net_2026-07-28_near-verbatim.xml", "سوريا"),
        ("heise_developer_atom_2016.atom", "veröffentlicht"),
    ],
)
def test_real_feeds_in_other_charsets_decode_to_the_right_letters(
    name: str, title_part: str
) -> None:
    skip_without_shared()
    titles = " ".join(e.title for e in _parse(next(p for p in FEEDS if p.name == name)).entries)
    assert title_part in titles


def test_real_feed_declared_latin1_but_utf8_has_no_mojibake_anywhere() -> None:
    skip_without_shared()
    feed = _parse(next(p for p in FEEDS if p.name == "dailymail_iso8859-1_media_dupes.xml"))
    text = " ".join(e.title + e.summary + e.content for e in feed.entries)
    assert "Â" not in text and "Ã" not in text
    assert any("bytes are UTF-8" in w for w in feed.warnings)


def test_real_localised_dates_are_parsed() -> None:
    skip_without_shared()
    crisis = _parse(next(p for p in FEEDS if p.name.startswith("crisisgroup")))
    assert [e.published.isoformat() for e in crisis.entries if e.published] == [
        "2026-09-25T15:56:00+00:00",
        "2026-09-25T14:01:00+00:00",
        "2026-09-21T10:19:00+00:00",
    ]


def test_real_feeds_served_over_http_parse_the_same(site: LocalSite) -> None:
    """Fetched from 127.0.0.1 with the Fetcher, each real feed gives the entries read from disk."""
    skip_without_shared()
    urls = {
        path.name: site.add(f"/{path.name}", path.read_bytes(), content_type="application/xml")
        for path in FEEDS
    }

    async def fetch_all() -> dict[str, bytes]:
        async with Fetcher() as fetcher:
            results = await asyncio.gather(*(fetcher.get(url) for url in urls.values()))
        return {name: result.content for name, result in zip(urls, results, strict=True)}

    bodies = asyncio.run(fetch_all())
    for path in FEEDS:
        if path.name == TRUNCATED:
            continue
        served = parse_feed(bodies[path.name], url=urls[path.name], content_type="application/xml")
        assert [e.title for e in served.entries] == [e.title for e in _parse(path).entries]
