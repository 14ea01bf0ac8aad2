"""The ``sitrep`` command line: thin shells that parse, call the engine and print.

Errors from the engine arrive as ``SitrepError`` and leave as one readable line (exit 1);
usage errors exit 2. The traceback goes to the log at DEBUG level, never to the user.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from bot.report_commands import add_report_commands, run_report
from digests.app import Sitrep, make_sitrep
from digests.errors import ConfigError, SitrepError
from digests.ingest.opml import OpmlFeed, parse_opml, render_opml
from digests.ingest.pipeline import FeedReport, PassReport
from digests.logs import configure_logging
from digests.periods import parse_since
from digests.settings import Settings, load_settings

logger = logging.getLogger("sitrep.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep", description="Conflict news reduced to verified key figures."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="run the service: scheduled ingestion (and the bot)")
    run.add_argument(
        "--demo",
        action="store_true",
        help="also serve and poll the bundled sample feed on 127.0.0.1 (works offline)",
    )

    ingest = commands.add_parser("ingest", help="one pass over the feeds, then exit")
    ingest.add_argument(
        "--feed", action="append", default=[], metavar="URL", help="poll only this feed (repeat)"
    )

    articles = commands.add_parser("articles", help="list stored articles")
    articles.add_argument("--since", help="24h, 7d, or a date such as 2023-10-05")
    articles.add_argument("--limit", type=int, default=None, help="at most this many")
    articles.add_argument("--json", action="store_true", help="print one JSON array")

    extract = commands.add_parser("extract", help="read figures and places from an article")
    extract.add_argument("file", nargs="?", help="the article's text file, or - for stdin")
    extract.add_argument("--published", help="publication date, YYYY-MM-DD")
    extract.add_argument("--json", action="store_true", help="print SCHEMA.md JSON")
    extract.add_argument(
        "--batch", action="store_true", help="JSON lines in on stdin, JSON lines out on stdout"
    )

    feeds = commands.add_parser("feeds", help="list and manage feeds")
    feed_commands = feeds.add_subparsers(dest="feeds_command", required=True, metavar="ACTION")
    feed_list = feed_commands.add_parser("list", help="feeds with their health")
    feed_list.add_argument("--json", action="store_true")
    add = feed_commands.add_parser("add", help="add a feed")
    add.add_argument("url")
    add.add_argument("--name")
    remove = feed_commands.add_parser("remove", help="remove a feed")
    remove.add_argument("url")
    imp = feed_commands.add_parser("import-opml", help="add the feeds of an OPML file")
    imp.add_argument("file")
    exp = feed_commands.add_parser("export-opml", help="print the feeds as OPML")
    exp.add_argument("--out", help="write to this file instead of stdout")

    add_report_commands(commands)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_commands.add_parser("upgrade", help="apply migrations")
    db_commands.add_parser("current", help="print the schema revision")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "extract":
            # Extraction needs no settings file, database or network.
            from bot.extract_command import run_extract

            return run_extract(args, sys.stdin, sys.stdout)
        settings = load_settings(environ=os.environ)
        configure_logging("DEBUG" if args.verbose else settings.log_level)
        return _dispatch(args, settings)
    except ConfigError as e:
        print(f"sitrep: {e}", file=sys.stderr)
        return 1
    except SitrepError as e:
        logger.debug("command failed", exc_info=True)
        print(f"sitrep: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "run":
        from bot.service import run_service

        return run_service(settings, demo=args.demo)
    if args.command == "db":
        return _db(args, settings)
    app = make_sitrep(settings)
    try:
        if args.command == "ingest":
            return _ingest(app, args.feed)
        if args.command == "articles":
            return _articles(app, args)
        if args.command in {"events", "digest", "chart"}:
            return run_report(app, args)
        return _feeds(app, args)
    finally:
        app.store.close()


def _db(args: argparse.Namespace, settings: Settings) -> int:
    from digests.store import Store
    from digests.store.migrate import current_revision, head_revision

    store = Store.open(settings.resolved_database_url(), migrate=args.db_command == "upgrade")
    try:
        current = current_revision(store.engine)
        head = head_revision(store.engine)
        state = "up to date" if current == head else f"behind (head is {head})"
        print(f"schema revision {current or 'none'}: {state}")
    finally:
        store.close()
    return 0


def _ingest(app: Sitrep, urls: list[str]) -> int:
    progress = _Progress(sys.stderr)
    report = asyncio.run(app.ingest(urls, on_feed_done=progress.feed_done))
    progress.finish()
    _print_pass(report, sys.stdout)
    print(app.analyse().summary())
    return 0


def _print_pass(report: PassReport, out: TextIO) -> None:
    print(report.summary(), file=out)
    if report.pages_retried:
        print(f"pages fetched on retry: {report.pages_retried}", file=out)
    for feed in sorted(report.feeds, key=lambda f: f.name.lower()):
        if feed.status == "failed":
            disabled = f" (disabled: {feed.disabled})" if feed.disabled else ""
            print(f"  failed  {feed.name}: {feed.error}{disabled}", file=out)


class _Progress:
    """A one-line counter on a terminal; silent when stderr is a file or a pipe."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.active = stream.isatty()
        self.done = 0

    def feed_done(self, report: FeedReport) -> None:
        self.done += 1
        if self.active:
            self.stream.write(f"\r\x1b[K{self.done} feeds polled, last: {report.name[:50]}")
            self.stream.flush()

    def finish(self) -> None:
        if self.active and self.done:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _articles(app: Sitrep, args: argparse.Namespace) -> int:
    since = parse_since(args.since, app.clock()) if args.since else None
    items = app.store.articles(since=since, limit=args.limit)
    if args.json:
        payload: list[dict[str, Any]] = [
            {
                "id": a.id,
                "url": a.url,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published_at.isoformat(),
                "language": a.language,
                "text": a.text,
                "text_source": a.text_source,
                "feeds": list(a.feeds),
                "revisions": [
                    {
                        "revision": r.revision,
                        "title": r.title,
                        "recorded": r.recorded_at.isoformat(),
                        "text": r.text,
                    }
                    for r in a.revisions
                ],
            }
            for a in items
        ]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not items:
        print("no articles stored yet: run `sitrep ingest`")
    for a in items:
        revised = f"  (revision {a.revision})" if a.revision > 1 else ""
        print(f"{a.published_at:%Y-%m-%d %H:%M}  {a.outlet[:24]:<24}  {a.title[:80]}{revised}")
    return 0


def _feeds(app: Sitrep, args: argparse.Namespace) -> int:
    action = args.feeds_command
    if action == "list":
        return _feeds_list(app, as_json=args.json)
    if action == "add":
        feed = app.add_feed(args.url, name=args.name)
        print(f"added {feed.name} <{feed.url}>")
        return 0
    if action == "remove":
        app.store.remove_feed(args.url.strip())
        print(f"removed <{args.url.strip()}>")
        return 0
    if action == "import-opml":
        path = Path(args.file)
        try:
            data = path.read_bytes()
        except OSError as e:
            raise SitrepError(f"cannot read {path}: {e.strerror}") from e
        added, skipped = 0, []
        for item in parse_opml(data):
            try:
                app.add_feed(item.url, name=item.title)
                added += 1
            except SitrepError as e:
                skipped.append(f"{item.url[:100]}: {e}")
        print(f"imported {added} feeds from {path}")
        for line in skipped:
            print(f"  skipped {line}")
        return 0
    feeds = [OpmlFeed(f.url, f.name) for f in app.store.feeds() if f.origin != "adhoc"]
    document = render_opml(feeds)
    if args.out:
        Path(args.out).write_bytes(document)
        print(f"wrote {len(feeds)} feeds to {args.out}")
    else:
        sys.stdout.write(document.decode("utf-8"))
    return 0


def _feeds_list(app: Sitrep, *, as_json: bool) -> int:
    app.sync_config_feeds()
    feeds = app.store.feeds()
    if as_json:
        json.dump(
            [
                {
                    "url": f.url,
                    "name": f.name,
                    "origin": f.origin,
                    "enabled": f.enabled,
                    "disabled_reason": f.disabled_reason,
                    "last_success": f.last_success_at.isoformat() if f.last_success_at else None,
                    "last_error": f.last_error,
                    "consecutive_failures": f.consecutive_failures,
                    "next_poll": f.next_poll_at.isoformat() if f.next_poll_at else None,
                }
                for f in feeds
            ],
            sys.stdout,
            indent=1,
        )
        sys.stdout.write("\n")
        return 0
    for f in feeds:
        if not f.enabled:
            health = f"disabled: {f.disabled_reason}"
        elif f.last_error:
            health = f"failing ({f.consecutive_failures}x): {f.last_error}"
        elif f.last_success_at:
            health = f"ok, last {f.last_success_at:%Y-%m-%d %H:%M}"
        else:
            health = "not polled yet"
        print(f"{f.name[:32]:<32} {f.origin:<6} {health}\n    {f.url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
