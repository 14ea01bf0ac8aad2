"""Bad feeds served from 127.0.0.1, fetched and parsed as ingestion does: each ends in entries
or one clear ParseError, never a crash."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from digests.errors import ParseError
from digests.ingest.feedparse import ParsedFeed, parse_feed
from digests.ingest.http import Fetcher
from tests.support.feeds import Item, article_items, rss_feed
from tests.support.site import LocalSite

FUTURE = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)


def _fetch_and_parse(site: LocalSite, body: bytes, content_type: str) -> ParsedFeed:
    url = site.add("/feed.xml", body, content_type=content_type)

    async def fetch() -> tuple[bytes, str | None, str]:
        async with Fetcher() as fetcher:
            result = await fetcher.get(url)
        return result.content, result.content_type, result.url

    content, served_type, final_url = asyncio.run(fetch())
    return parse_feed(content, url=final_url, content_type=served_type)


def _titles(feed: ParsedFeed) -> list[str]:
    return [entry.title for entry in feed.entries]


CASES: dict[str, tuple[bytes, str, Callable[[ParsedFeed], bool]]] = {
    "invalid XML": (
        rss_feed(article_items("http://127.0.0.1/n")).replace(b"</title>", b"</titel>", 1),
        "application/rss+xml",
        lambda feed: len(feed.entries) == 3,
    ),
    "wrong declared charset": (
        rss_feed([Item("Déplacés à Idleb", "http://127.0.0.1/d", "d")], encoding="latin-1"),
        "application/rss+xml; charset=utf-8",
        lambda feed: _titles(feed) == ["Déplacés à Idleb"],
    ),
    "entry without link or guid": (
        rss_feed([Item("Camp shelled", summary="Two tents burned.")]),
        "application/rss+xml",
        lambda feed: [(e.guid, e.link) for e in feed.entries] == [(None, None)],
    ),
    "duplicate guids": (
        rss_feed([Item("A", "http://127.0.0.1/a", "g"), Item("A", "http://127.0.0.1/a", "g")]),
        "application/rss+xml",
        lambda feed: _titles(feed) == ["A"],
    ),
    "date in the future": (
        rss_feed([Item("Ahead", "http://127.0.0.1/f", "f", published=FUTURE)]),
        "application/rss+xml",
        lambda feed: feed.entries[0].published == FUTURE,
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_feed_served_still_yields_the_right_entries(site: LocalSite, case: str) -> None:
    body, content_type, expected = CASES[case]
    assert expected(_fetch_and_parse(site, body, content_type))


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        (b"<!DOCTYPE html><html><body><p>Home</p></body></html>", "text/html", "an HTML page"),
        (b"%PDF-1.4 ...", "application/pdf", "not a feed (application/pdf)"),
        (b"<rss version='2.0'><channel><title>Cut", "text/xml", "broken feed, no entries"),
        (b'{"items": []}', "application/json", "not a feed"),
    ],
)
def test_served_non_feed_is_one_clear_error(
    site: LocalSite, body: bytes, content_type: str, message: str
) -> None:
    with pytest.raises(ParseError) as caught:
        _fetch_and_parse(site, body, content_type)
    assert caught.value.message.startswith(message)
