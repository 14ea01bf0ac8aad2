"""A real HTTP server on 127.0.0.1 that plays every web peer ingestion meets, good and bad.

Use it as a context manager (``with LocalSite() as site``) in tests and bench scripts:
register routes per path, then read ``site.hits`` and ``site.last_headers`` to see what
clients sent.
"""

from __future__ import annotations

import gzip
import socket
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

MB = 1_000_000
_CHUNK = 64 * 1024

BodySource = bytes | Callable[[], Iterable[bytes]]


@dataclass
class Route:
    """What the site answers on one path."""

    body: BodySource = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line (a slow server)
    chunk_delay: float = 0.0  # seconds between body chunks (a trickling server)
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False  # compress ``body`` (bytes) with Content-Encoding: gzip
    content_length: int | None = None  # declared length for a streamed body; None: chunked


_bomb_lock = threading.Lock()
_bomb_cache: dict[int, bytes] = {}


def gzip_bomb(unpacked_bytes: int = 300 * MB) -> bytes:
    """Gzip bytes that inflate to ``unpacked_bytes`` zeros; built in 1 MB steps, cached."""
    with _bomb_lock:
        cached = _bomb_cache.get(unpacked_bytes)
        if cached is None:
            packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
            zeros = bytes(MB)
            parts = []
            remaining = unpacked_bytes
            while remaining > 0:
                step = min(remaining, MB)
                parts.append(packer.compress(zeros[:step]))
                remaining -= step
            parts.append(packer.flush())
            cached = _bomb_cache[unpacked_bytes] = b"".join(parts)
        return cached


def stream_of(size: int, chunk: bytes = b"x") -> Callable[[], Iterator[bytes]]:
    """A body source yielding ``size`` bytes in 64 kB chunks, never all at once."""
    block = (chunk * (_CHUNK // len(chunk) + 1))[:_CHUNK]

    def produce() -> Iterator[bytes]:
        remaining = size
        while remaining > 0:
            step = min(remaining, _CHUNK)
            yield block[:step]
            remaining -= step

    return produce


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # a bench opens many connections at once

    def __init__(self, site: LocalSite) -> None:
        self.site = site
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients hang up mid-body on purpose (size limits, timeouts): not worth a traceback.
        return


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so benches measure us, not TCP handshakes
    # Headers and body go out as separate writes; with Nagle on, each response waits for the
    # client's delayed ACK (~40 ms).
    disable_nagle_algorithm = True
    timeout = 30  # an idle keep-alive connection frees its thread after this many seconds
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        return

    def setup(self) -> None:
        super().setup()
        self.server.site.count_connection()

    def do_GET(self) -> None:
        site = self.server.site
        path = self.path
        route_key, route = site.lookup(path)
        site.record(route_key, {k.lower(): v for k, v in self.headers.items()})
        if route is None:
            self._send_simple(404, b"not found")
            return
        site.enter()
        try:
            if route.delay and site.stopping.wait(route.delay):
                self.close_connection = True
                return
            self._answer(route)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            site.leave()

    def _send_simple(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _not_modified(self, route: Route) -> bool:
        if route.etag is not None:
            sent = self.headers.get("If-None-Match")
            if sent is not None:
                return route.etag in {tag.strip() for tag in sent.split(",")} or sent == "*"
        if route.last_modified is not None:
            return self.headers.get("If-Modified-Since") == route.last_modified
        return False

    def _answer(self, route: Route) -> None:
        if route.status == 200 and self._not_modified(route):
            self.send_response(304)
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(route.status)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if route.etag:
            self.send_header("ETag", route.etag)
        if route.last_modified:
            self.send_header("Last-Modified", route.last_modified)
        if isinstance(route.body, bytes):
            body = route.body
            if route.gzip:
                body = gzip.compress(body)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self._write_chunks([body], route.chunk_delay, chunked=False)
            return
        chunked = route.content_length is None
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(route.content_length))
        self.end_headers()
        sent = self._write_chunks(route.body(), route.chunk_delay, chunked=chunked)
        if route.content_length is not None and sent < route.content_length:
            self.close_connection = True  # a server dying mid-body: hang up short

    def _write_chunks(self, chunks: Iterable[bytes], delay: float, *, chunked: bool) -> int:
        stopping = self.server.site.stopping
        sent = 0
        for piece in chunks:
            if delay and stopping.wait(delay):
                self.close_connection = True
                return sent
            if chunked:
                if piece:
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            else:
                self.wfile.write(piece)
            sent += len(piece)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")
        return sent


class LocalSite:
    """A threaded HTTP server on an ephemeral 127.0.0.1 port with per-path routes."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.prefix_routes: dict[str, Callable[[str], Route | None]] = {}
        self.hits: Counter[str] = Counter()
        self.last_headers: dict[str, dict[str, str]] = {}
        self.connections = 0  # TCP connections accepted since start
        self.active = 0  # requests being answered right now
        self.peak_active = 0  # the most answered at once since start
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._refusing: socket.socket | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> Self:
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()  # wakes handlers sleeping in a delay
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._refusing is not None:
            self._refusing.close()
        self._server = self._thread = self._refusing = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("site not started")
        return int(self._server.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    # -- bookkeeping (called from handler threads) ------------------------------------------

    def lookup(self, raw_path: str) -> tuple[str, Route | None]:
        if raw_path in self.routes:
            return raw_path, self.routes[raw_path]
        path = urlsplit(raw_path).path
        if path in self.routes:
            return path, self.routes[path]
        for prefix, make in self.prefix_routes.items():
            if path.startswith(prefix):
                return path, make(raw_path)
        return path, None

    def count_connection(self) -> None:
        with self._lock:
            self.connections += 1

    def enter(self) -> None:
        with self._lock:
            self.active += 1
            self.peak_active = max(self.peak_active, self.active)

    def leave(self) -> None:
        with self._lock:
            self.active -= 1

    def record(self, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.hits[path] += 1
            self.last_headers[path] = headers

    # -- routes ----------------------------------------------------------------------------

    def add(
        self,
        path: str,
        body: BodySource = b"",
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        content_type: str | None = None,
        delay: float = 0.0,
        chunk_delay: float = 0.0,
        etag: str | None = None,
        last_modified: str | None = None,
        gzip: bool = False,
        content_length: int | None = None,
    ) -> str:
        """Serve ``body`` on ``path`` (see ``Route`` for the options); returns its URL."""
        all_headers = dict(headers or {})
        if content_type is not None:
            all_headers["Content-Type"] = content_type
        self.routes[path] = Route(
            body=body,
            status=status,
            headers=all_headers,
            delay=delay,
            chunk_delay=chunk_delay,
            etag=etag,
            last_modified=last_modified,
            gzip=gzip,
            content_length=content_length,
        )
        return self.url(path)

    def add_route(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def add_prefix(self, prefix: str, make: Callable[[str], Route | None]) -> None:
        """Answer every path under ``prefix`` with ``make(path_and_query)`` (None: 404)."""
        self.prefix_routes[prefix] = make

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        return self.add(path, status=status, headers={"Location": to})

    def redirect_loop(self, path: str) -> str:
        """``path`` and ``path``/b redirect to each other forever."""
        other = path.rstrip("/") + "/b"
        self.redirect(other, path)
        return self.redirect(path, other)

    def gzip_bomb(self, path: str, unpacked_bytes: int = 300 * MB) -> str:
        return self.add(
            path,
            gzip_bomb(unpacked_bytes),
            headers={"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"},
        )

    def big_body(self, path: str, size: int = 60 * MB, *, declare_length: bool = False) -> str:
        """A body of ``size`` bytes streamed in chunks (chunked unless ``declare_length``)."""
        return self.add(
            path,
            stream_of(size),
            headers={"Content-Type": "application/rss+xml"},
            content_length=size if declare_length else None,
        )

    def refused_url(self, path: str = "/") -> str:
        """A URL on a 127.0.0.1 port that is bound but not listening: connection refused."""
        if self._refusing is None:
            self._refusing = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self._refusing.bind(("127.0.0.1", 0))
        port = self._refusing.getsockname()[1]
        return f"http://127.0.0.1:{port}{path}"


UNKNOWN_HOST_URL = "http://nonexistent.invalid/feed.xml"
