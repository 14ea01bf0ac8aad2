"""Ingestion benchmark: N feeds on 127.0.0.1, a cold pass, a warm pass, peak memory.

    python bench/ingest.py [--feeds 500] [--entries 20]

Each feed has ``--entries`` entries whose summaries link to article pages, so the cold pass
fetches and extracts every page. The warm pass finds every feed unchanged (304). The server
runs in a child process so its CPU and memory are not counted as ours. Goals on a 2-core
machine: warm <= 5 s, cold <= 30 s, peak <= 250 MB (ru_maxrss of this process).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import resource
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digests.app import make_sitrep
from digests.settings import load_settings
from tests.pipeline.builders import CAMP, MARKET, Item, page, rss
from tests.support.site import LocalSite, Route


def _feed_route(entries: int, base: str) -> callable:  # type: ignore[valid-type]
    def make(path: str) -> Route | None:
        number = path.rsplit("/", 1)[-1].removesuffix(".xml")
        if not number.isdigit():
            return None
        items = [
            Item(
                f"Report {number}-{j}: shelling hits a market",
                f"{base}/page/{number}/{j}.html",
                f"bench-{number}-{j}",
                "Shelling hit a market on Sunday.",
            )
            for j in range(entries)
        ]
        return Route(
            body=rss(items),
            etag=f'"feed-{number}"',
            headers={"Content-Type": "application/rss+xml"},
        )

    return make


def _page_route(path: str) -> Route:
    _, _, feed, name = path.split("/", 3)
    paragraphs = [f"Dispatch {feed}/{name}.", *MARKET, *CAMP]
    return Route(body=page(f"Report {feed}", paragraphs), headers={"Content-Type": "text/html"})


def _serve(entries: int, conn: Connection) -> None:
    with LocalSite() as site:
        base = site.url("").rstrip("/")
        site.add_prefix("/feed/", _feed_route(entries, base))
        site.add_prefix("/page/", _page_route)
        conn.send(base)
        conn.recv()  # wait until the parent is done


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--entries", type=int, default=20)
    args = parser.parse_args()

    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_serve, args=(args.entries, child), daemon=True)
    server.start()
    base = parent.recv()
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "bench.toml"
        # The shipped limits as they are: with every feed on one host, the per-host limit of 4
        # connections is the one that binds, as it would for one busy outlet.
        config.write_text("feeds = []\n")
        settings = load_settings(
            environ={
                "SITREP_CONFIG": str(config),
                "SITREP_DATABASE_URL": f"sqlite:///{tmp}/bench.db",
            },
            cwd=Path(tmp),
        )
        app = make_sitrep(settings)
        urls = [f"{base}/feed/{i}.xml" for i in range(args.feeds)]
        print(f"feeds {args.feeds}, entries per feed {args.entries}, server {base}")
        for label in ("cold", "warm"):
            started, cpu = time.perf_counter(), _cpu_seconds()
            report = asyncio.run(app.ingest(urls))
            seconds = time.perf_counter() - started
            print(
                f"{label} pass  {seconds:6.2f} s (CPU here {_cpu_seconds() - cpu:.2f} s)   "
                f"{report.summary()}   peak so far {_peak_mb():.0f} MB"
            )
        stored = app.store.count_articles()
        app.store.close()
    parent.send("done")
    server.join(timeout=10)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"articles stored {stored}; peak memory {_peak_mb():.0f} MB (this process), "
        f"largest child {workers.ru_maxrss / 1024:.0f} MB; "
        f"children's CPU (server, page workers) {workers.ru_utime + workers.ru_stime:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
