"""Fetcher against a real server on 127.0.0.1: every bad peer ends in a short, clear FetchError."""

from __future__ import annotations

import asyncio
import tracemalloc
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TypeVar

import httpx
import pytest

from digests.errors import FetchError
from digests.ingest.http import (
    DEFAULT_USER_AGENT,
    MAX_RETRY_AFTER,
    Fetcher,
    FetchLimits,
    FetchResult,
    parse_max_age,
    parse_retry_after,
)
from tests.support.site import UNKNOWN_HOST_URL, LocalSite

T = TypeVar("T")
FAST = FetchLimits(connect_timeout=2.0, read_timeout=0.5, total_timeout=2.0)


def run(make: Callable[[Fetcher], Awaitable[T]], limits: FetchLimits = FAST) -> T:
    async def main() -> T:
        async with Fetcher(limits) as fetcher:
            return await make(fetcher)

    return asyncio.run(main())


def fetch(url: str, limits: FetchLimits = FAST, **options: str) -> FetchResult:
    return run(lambda fetcher: fetcher.get(url, **options), limits)


def fetch_error(url: str, limits: FetchLimits = FAST) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, limits)
    return caught.value


def test_ok_response_carries_body_headers_validators_and_sends_user_agent(site: LocalSite) -> None:
    url = site.add(
        "/feed.xml",
        b"<rss/>",
        content_type="application/rss+xml",
        etag='"v1"',
        last_modified="Fri, 20 Nov 2026 10:00:00 GMT",
        headers={"Cache-Control": "public, max-age=600"},
    )
    result = fetch(url)
    assert (result.status, result.content, result.not_modified) == (200, b"<rss/>", False)
    assert result.etag == '"v1"' and result.last_modified == "Fri, 20 Nov 2026 10:00:00 GMT"
    assert result.max_age == 600.0
    assert result.content_type == "application/rss+xml"
    sent = site.last_headers["/feed.xml"]
    assert sent["user-agent"] == DEFAULT_USER_AGENT
    assert "application/rss+xml" in sent["accept"]


def test_conditional_get_sends_validators_and_returns_not_modified(site: LocalSite) -> None:
    url = site.add(
        "/feed.xml", b"<rss/>", etag='"v1"', last_modified="Fri, 20 Nov 2026 10:00:00 GMT"
    )
    result = fetch(url, etag='"v1"', last_modified="Fri, 20 Nov 2026 10:00:00 GMT")
    assert result.not_modified and result.status == 304 and result.content == b""
    assert result.etag == '"v1"'  # kept for the next poll
    sent = site.last_headers["/feed.xml"]
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Fri, 20 Nov 2026 10:00:00 GMT"


def test_not_modified_and_error_responses_keep_the_connection_alive(site: LocalSite) -> None:
    """A warm pass of 304s (and small error pages) reuses one connection per host."""
    url = site.add("/feed.xml", b"<rss/>", etag='"v1"')
    missing = site.url("/missing.xml")

    async def many(fetcher: Fetcher) -> None:
        for _ in range(10):
            assert (await fetcher.get(url, etag='"v1"')).not_modified
            with pytest.raises(FetchError):
                await fetcher.get(missing)

    run(many)
    assert site.hits["/feed.xml"] == 10 and site.connections == 1


def test_changed_etag_gets_the_full_body_again(site: LocalSite) -> None:
    url = site.add("/feed.xml", b"<rss>new</rss>", etag='"v2"')
    result = fetch(url, etag='"v1"')
    assert not result.not_modified and result.content == b"<rss>new</rss>"
    assert result.etag == '"v2"'


def test_gzip_body_is_decoded(site: LocalSite) -> None:
    body = b"<rss>" + b"x" * 50_000 + b"</rss>"
    url = site.add("/feed.xml", body, gzip=True)
    assert fetch(url).content == body
    assert "gzip" in site.last_headers["/feed.xml"]["accept-encoding"]


def test_redirects_are_followed_to_the_final_url(site: LocalSite) -> None:
    final = site.add("/new.xml", b"<rss/>")
    site.redirect("/old.xml", "/moved.xml", status=301)
    site.redirect("/moved.xml", final, status=308)
    result = fetch(site.url("/old.xml"))
    assert result.url == final and result.content == b"<rss/>"


def test_timeout_on_a_slow_server(site: LocalSite) -> None:
    error = fetch_error(site.add("/slow.xml", b"<rss/>", delay=5))
    assert error.message == "timed out after 0.5s"


def test_total_timeout_stops_a_trickling_server(site: LocalSite) -> None:
    url = site.add("/trickle.xml", lambda: iter([b"<"] * 100), chunk_delay=0.1)
    limits = FetchLimits(read_timeout=1.0, total_timeout=0.8)
    assert fetch_error(url, limits).message == "timed out after 0.8s"


def test_server_hanging_up_mid_body(site: LocalSite) -> None:
    url = site.add("/cut.xml", lambda: iter([b"<rss><channel>"]), content_length=5000)
    assert fetch_error(url).message == "connection closed mid-response"


def test_fetcher_can_be_reused_under_a_new_event_loop(site: LocalSite) -> None:
    url = site.add("/feed.xml", b"<rss/>")
    fetcher = Fetcher(FAST)

    async def once() -> bytes:
        async with fetcher:
            return (await fetcher.get(url)).content

    assert asyncio.run(once()) == asyncio.run(once()) == b"<rss/>"


def test_connection_refused(site: LocalSite) -> None:
    assert fetch_error(site.refused_url("/feed.xml")).message == "connection refused"


def test_unknown_host() -> None:
    assert fetch_error(UNKNOWN_HOST_URL).message == "unknown host"


def test_not_found(site: LocalSite) -> None:
    error = fetch_error(site.url("/missing.xml"))
    assert (error.message, error.status, error.permanent) == ("HTTP 404", 404, False)


def test_gone_is_permanent(site: LocalSite) -> None:
    error = fetch_error(site.add("/gone.xml", b"gone", status=410))
    assert (error.message, error.status, error.permanent) == ("HTTP 410 Gone", 410, True)


def test_too_many_requests_reports_retry_after(site: LocalSite) -> None:
    url = site.add("/busy.xml", b"slow down", status=429, headers={"Retry-After": "120"})
    error = fetch_error(url)
    assert (error.message, error.status, error.retry_after) == (
        "HTTP 429, retry after 120s",
        429,
        120.0,
    )


def test_retry_after_is_bounded(site: LocalSite) -> None:
    url = site.add("/busy.xml", b"", status=503, headers={"Retry-After": "99999999"})
    assert fetch_error(url).retry_after == MAX_RETRY_AFTER


def test_server_error(site: LocalSite) -> None:
    error = fetch_error(site.add("/error.xml", b"oops", status=500))
    assert (error.message, error.status, error.permanent) == ("HTTP 500", 500, False)


def test_redirect_loop(site: LocalSite) -> None:
    assert fetch_error(site.redirect_loop("/loop")).message == "redirect loop"


def test_redirect_chain_longer_than_the_limit(site: LocalSite) -> None:
    for hop in range(8):
        site.redirect(f"/hop{hop}", f"/hop{hop + 1}")
    site.add("/hop8", b"<rss/>")
    assert fetch_error(site.url("/hop0")).message == "too many redirects"
    assert site.hits["/hop6"] == 0  # stopped after max_redirects hops


def _peak_memory(action: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_sixty_megabyte_streamed_body_is_cut_at_the_limit_with_bounded_memory(
    site: LocalSite,
) -> None:
    url = site.big_body("/huge.xml", 60_000_000)
    peak = _peak_memory(lambda: fetch_error(url))
    with pytest.raises(FetchError, match=r"^response larger than 10 MB$"):
        fetch(url)
    assert peak < 40_000_000


def test_declared_oversize_body_is_refused_before_reading(site: LocalSite) -> None:
    url = site.big_body("/huge.xml", 60_000_000, declare_length=True)
    assert fetch_error(url).message == "response larger than 10 MB"


def test_gzip_bomb_stops_at_the_decoded_limit_with_bounded_memory(site: LocalSite) -> None:
    url = site.gzip_bomb("/bomb.xml")  # 300 MB of zeros in under 300 kB
    errors: list[FetchError] = []
    peak = _peak_memory(lambda: errors.append(fetch_error(url)))
    assert errors[0].message == "response larger than 10 MB"
    assert peak < 40_000_000


def test_not_an_http_url_is_refused_for_good() -> None:
    error = fetch_error("ftp://127.0.0.1/feed.xml")
    assert error.permanent and error.message.startswith("not an http(s) URL")


def test_concurrency_per_host_is_bounded(site: LocalSite) -> None:
    for n in range(12):
        site.add(f"/f{n}.xml", b"<rss/>", delay=0.1)
    limits = FetchLimits(max_connections=20, max_per_host=3)

    async def all_at_once(fetcher: Fetcher) -> list[FetchResult]:
        return await asyncio.gather(*(fetcher.get(site.url(f"/f{n}.xml")) for n in range(12)))

    results = run(all_at_once, limits)
    assert len(results) == 12
    assert site.peak_active == 3


def test_concurrency_overall_is_bounded() -> None:
    active = 0
    peak = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.01)
        active -= 1
        return httpx.Response(200, content=b"<rss/>")

    limits = FetchLimits(max_connections=5, max_per_host=4)

    async def main() -> None:
        transport = httpx.MockTransport(handler)
        async with Fetcher(limits, transport=transport) as fetcher:
            urls = [f"http://host{n % 10}.test/feed.xml" for n in range(40)]
            await asyncio.gather(*(fetcher.get(url) for url in urls))

    asyncio.run(main())
    assert peak == 5


def test_retry_after_parses_seconds_and_http_dates() -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120", now) == 120.0
    assert parse_retry_after("Fri, 20 Nov 2026 12:05:00 GMT", now) == 300.0
    assert parse_retry_after("Fri, 20 Nov 2026 11:00:00 GMT", now) == 0.0  # in the past
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_max_age_is_read_from_cache_control() -> None:
    assert parse_max_age("public, max-age=300, must-revalidate") == 300.0
    assert parse_max_age("no-cache") is None
    assert parse_max_age(None) is None
