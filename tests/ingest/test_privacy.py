"""The fetcher never hands cookies back to outlets: polling leaves no trail between requests."""

from __future__ import annotations

import asyncio

from digests.ingest.http import Fetcher
from tests.support.site import LocalSite


def test_cookies_set_by_a_site_are_never_sent_back(site: LocalSite) -> None:
    first = site.add("/a", b"<rss/>", headers={"Set-Cookie": "visitor=abc123; Path=/"})
    second = site.add("/b", b"<rss/>")

    async def fetch_both() -> None:
        async with Fetcher() as fetcher:
            await fetcher.get(first)
            await fetcher.get(second)

    asyncio.run(fetch_both())
    assert site.hits["/b"] == 1
    assert "cookie" not in site.last_headers["/b"]
