"""Fetching feeds and pages over HTTP within limits: time, size, redirects and concurrency.

The one place that talks to httpx; every failure leaves here as a short ``FetchError``.
"""

from __future__ import annotations

import asyncio
import re
import socket
import ssl
import zlib
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http.cookiejar import DefaultCookiePolicy
from types import TracebackType
from typing import Self
from urllib.parse import urljoin, urlsplit

import httpx

from digests import __version__
from digests.errors import FetchError
from digests.ingest.urls import is_http_url

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
# Only what we can decode with a bound on the output (no brotli/zstd installed).
ACCEPT_ENCODING = "gzip, deflate"
DEFAULT_USER_AGENT = f"Sitrep/{__version__} (+https://github.com/sitrep; news digest bot)"

MAX_RETRY_AFTER = 24 * 3600.0
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 503})
_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.IGNORECASE)


@dataclass
class FetchLimits:
    """Bounds on one fetch and on all fetches at once."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 60.0
    max_bytes: int = 10_000_000  # after decoding, so a gzip bomb stops early
    max_redirects: int = 5
    max_connections: int = 20
    max_per_host: int = 4
    user_agent: str = DEFAULT_USER_AGENT


@dataclass
class FetchResult:
    """A response we accepted: 2xx with its body, or 304 Not Modified with none."""

    url: str  # final URL, after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # lowercase keys
    content: bytes = b""
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None
    max_age: float | None = None  # Cache-Control max-age, seconds

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), bounded to
    [0, ``MAX_RETRY_AFTER``]; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:  # RFC 9110 dates are GMT
            when = when.replace(tzinfo=UTC)
        seconds = (when - now).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def parse_max_age(cache_control: str | None) -> float | None:
    """The max-age of a Cache-Control header in seconds; None when absent."""
    if not cache_control:
        return None
    match = _MAX_AGE.search(cache_control)
    return float(match.group(1)) if match else None


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:g} MB"


def _seconds(s: float) -> str:
    return f"{s:g}s"


class _BoundedDecoder:
    """Undo one Content-Encoding layer without ever producing more than ``limit`` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.encoding = encoding
        self.limit = limit
        self.produced = 0
        self._raw_deflate_tried = False
        if encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif encoding == "deflate":
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise FetchError(f"unsupported content encoding: {encoding}")

    def _too_large(self) -> FetchError:
        return FetchError(f"response larger than {_megabytes(self.limit)}")

    def _inflate(self, data: bytes) -> bytes:
        try:
            return self._zlib.decompress(data, self.limit - self.produced + 1)
        except zlib.error as e:
            # Some servers send raw deflate without the zlib header; retry once that way.
            if self.encoding == "deflate" and not self._raw_deflate_tried and not self.produced:
                self._raw_deflate_tried = True
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                return self._inflate(data)
            raise FetchError(f"invalid {self.encoding} data") from e

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data:
            out = self._inflate(data)
            self.produced += len(out)
            if self.produced > self.limit:
                raise self._too_large()
            yield out
            data = self._zlib.unconsumed_tail

    def flush(self) -> bytes:
        out = self._zlib.flush()
        self.produced += len(out)
        if self.produced > self.limit:
            raise self._too_large()
        return out


_DRAIN_MAX = 64 * 1024


async def _drain_small_body(response: httpx.Response) -> None:
    """Read a short body we do not need (304, redirect, error page) so the connection goes
    back to the pool; an unread body would close it, and a warm pass of 304s would pay a TCP
    handshake per feed. Long or unsized bodies are left: closing is cheaper than reading."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) <= _DRAIN_MAX:
        await response.aread()


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return (parts.hostname or "").lower()


def _describe_connect_error(exc: BaseException) -> str:
    """A short reason for a failed connection, from the OS error under httpx's."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, socket.gaierror):
            return "unknown host"
        if isinstance(current, ConnectionRefusedError):
            return "connection refused"
        if isinstance(current, ssl.SSLError):
            return "TLS error"
        current = current.__cause__ or current.__context__
    text = str(exc).lower()
    if "name or service not known" in text or "nodename nor servname" in text:
        return "unknown host"
    if "temporary failure in name resolution" in text or "no address associated" in text:
        return "unknown host"
    if "connection refused" in text:
        return "connection refused"
    if "certificate" in text or "ssl" in text:
        return "TLS error"
    if "network is unreachable" in text or "no route to host" in text:
        return "network unreachable"
    return "connection failed"


class Fetcher:
    """Async HTTP GET with conditional requests, size and time limits, bounded concurrency.

    Use as ``async with Fetcher(limits) as fetcher: await fetcher.get(url)``; ``transport``
    replaces the network in tests.
    """

    def __init__(
        self,
        limits: FetchLimits | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.limits = limits or FetchLimits()
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._all = asyncio.Semaphore(self.limits.max_connections)
        self._per_host: dict[str, asyncio.Semaphore] = {}

    async def __aenter__(self) -> Self:
        limits = self.limits
        # Made here, not in __init__, so a Fetcher can be reused under a later event loop.
        self._all = asyncio.Semaphore(limits.max_connections)
        self._per_host = {}
        self._client = httpx.AsyncClient(
            transport=self._transport,
            follow_redirects=False,  # followed by hand: bounded, loop-aware, per-host limits
            timeout=httpx.Timeout(
                connect=limits.connect_timeout,
                read=limits.read_timeout,
                write=limits.read_timeout,
                pool=limits.total_timeout,
            ),
            limits=httpx.Limits(
                max_connections=limits.max_connections,
                max_keepalive_connections=limits.max_connections,
            ),
            headers={"user-agent": limits.user_agent, "accept-encoding": ACCEPT_ENCODING},
            trust_env=False,
        )
        # Outlets never get back cookies, their own or another's: polling leaves no trail.
        # (httpx copies a jar passed to the client, so the policy is set on the client's own.)
        self._client.cookies.jar.set_policy(DefaultCookiePolicy(allowed_domains=[]))
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def _host_semaphore(self, url: str) -> asyncio.Semaphore:
        key = _host_key(url)
        semaphore = self._per_host.get(key)
        if semaphore is None:
            semaphore = self._per_host[key] = asyncio.Semaphore(self.limits.max_per_host)
        return semaphore

    @asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        # Host first, then the global pool: a task never holds a global slot while it queues
        # behind a busy host, and a redirect hop releases both before taking the next.
        async with self._host_semaphore(url), self._all:
            yield

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = FEED_ACCEPT,
    ) -> FetchResult:
        """GET ``url`` following redirects; 2xx and 304 come back, anything else raises
        ``FetchError`` with a short reason (and status, retry_after, permanent)."""
        if self._client is None:
            raise RuntimeError("Fetcher used outside 'async with'")
        if not is_http_url(url):
            raise FetchError(f"not an http(s) URL: {url[:200]}", permanent=True)
        headers = {"accept": accept}
        if etag:
            headers["if-none-match"] = etag
        if last_modified:
            headers["if-modified-since"] = last_modified
        visited: set[str] = set()
        current = url
        loop = asyncio.get_running_loop()
        deadline: float | None = None
        for _hop in range(self.limits.max_redirects + 1):
            visited.add(current)
            async with self._slot(current):
                if deadline is None:  # time queued for a slot is not the server's fault
                    deadline = loop.time() + self.limits.total_timeout
                try:
                    async with asyncio.timeout_at(deadline):
                        outcome = await self._request(current, headers)
                except TimeoutError as e:
                    raise FetchError(
                        f"timed out after {_seconds(self.limits.total_timeout)}"
                    ) from e
            if isinstance(outcome, FetchResult):
                if outcome.not_modified:
                    outcome.etag = outcome.etag or etag
                    outcome.last_modified = outcome.last_modified or last_modified
                return outcome
            next_url = outcome
            if next_url in visited:
                raise FetchError("redirect loop")
            current = next_url
        raise FetchError("too many redirects")

    async def _request(self, url: str, headers: dict[str, str]) -> FetchResult | str:
        """One hop: the accepted result, or the URL a redirect points to."""
        assert self._client is not None
        limits = self.limits
        try:
            async with self._client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if not 200 <= status < 300:
                    await _drain_small_body(response)
                if status in _REDIRECT_STATUSES:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(f"HTTP {status} without Location", status=status)
                    target = urljoin(url, location.strip())
                    if not is_http_url(target):
                        raise FetchError("redirect to a non-http URL", status=status)
                    return target
                response_headers = {k.lower(): v for k, v in response.headers.items()}
                if status == 304:
                    return self._result(url, status, response_headers, b"", not_modified=True)
                if not 200 <= status < 300:
                    raise self._status_error(status, response_headers)
                content = await self._read_body(response, response_headers)
                return self._result(url, status, response_headers, content)
        except httpx.ConnectTimeout as e:
            raise FetchError(
                f"connection timed out after {_seconds(limits.connect_timeout)}"
            ) from e
        except httpx.TimeoutException as e:
            raise FetchError(f"timed out after {_seconds(limits.read_timeout)}") from e
        except httpx.ConnectError as e:
            raise FetchError(_describe_connect_error(e)) from e
        except httpx.RemoteProtocolError as e:
            raise FetchError("connection closed mid-response") from e
        except (httpx.ReadError, httpx.WriteError) as e:
            raise FetchError("connection lost mid-response") from e
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as e:
            raise FetchError(f"invalid URL: {url[:200]}", permanent=True) from e
        except httpx.TooManyRedirects as e:  # not raised with follow_redirects off; be safe
            raise FetchError("too many redirects") from e
        except httpx.HTTPError as e:
            raise FetchError(f"network error: {type(e).__name__}") from e

    def _status_error(self, status: int, headers: dict[str, str]) -> FetchError:
        if status in _RETRY_STATUSES:
            retry_after = parse_retry_after(headers.get("retry-after"), datetime.now(UTC))
            if retry_after is not None:
                return FetchError(
                    f"HTTP {status}, retry after {_seconds(round(retry_after))}",
                    status=status,
                    retry_after=retry_after,
                )
        if status == 410:
            return FetchError("HTTP 410 Gone", status=status, permanent=True)
        return FetchError(f"HTTP {status}", status=status)

    async def _read_body(self, response: httpx.Response, headers: dict[str, str]) -> bytes:
        limit = self.limits.max_bytes
        declared = headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"response larger than {_megabytes(limit)}")
        encodings = [
            token.strip().lower()
            for token in headers.get("content-encoding", "").split(",")
            if token.strip() and token.strip().lower() != "identity"
        ]
        if len(encodings) > 1:
            raise FetchError(f"unsupported content encoding: {', '.join(encodings)}")
        if response.is_stream_consumed:  # a test transport handed over a body already read
            if len(response.content) > limit:
                raise FetchError(f"response larger than {_megabytes(limit)}")
            return response.content
        decoder = _BoundedDecoder(encodings[0], limit) if encodings else None
        chunks: list[bytes] = []
        raw_total = 0
        decoded_total = 0
        async for raw in response.aiter_raw():
            raw_total += len(raw)
            if raw_total > limit:
                raise FetchError(f"response larger than {_megabytes(limit)}")
            if decoder is None:
                decoded_total = raw_total
                chunks.append(raw)
            else:
                chunks.extend(decoder.feed(raw))
        if decoder is not None:
            chunks.append(decoder.flush())
            decoded_total = decoder.produced
        if decoded_total > limit:
            raise FetchError(f"response larger than {_megabytes(limit)}")
        return b"".join(chunks)

    @staticmethod
    def _result(
        url: str,
        status: int,
        headers: dict[str, str],
        content: bytes,
        *,
        not_modified: bool = False,
    ) -> FetchResult:
        return FetchResult(
            url=url,
            status=status,
            headers=headers,
            content=content,
            not_modified=not_modified,
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            retry_after=parse_retry_after(headers.get("retry-after"), datetime.now(UTC)),
            max_age=parse_max_age(headers.get("cache-control")),
        )
