"""``sitrep events``, ``sitrep digest`` and ``sitrep chart``: the store's events, read out."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from digests.app import Sitrep
from digests.chart import chart_events
from digests.events.period import Period
from digests.events.serialize import event_to_json
from digests.lookups import events_in, events_with_baseline, period_since, resolve_scope
from digests.render.digest import build_digest
from digests.render.formatting import format_day
from digests.render.templating import make_environment, render_digest

TEMPLATE_OVERRIDES = Path("config") / "templates"


def add_report_commands(commands: argparse._SubParsersAction) -> None:
    events = commands.add_parser("events", help="list the events in the store")
    events.add_argument("--since", default="7d", help="24h, 7d, or a date (default 7d)")
    events.add_argument("--place", help="a place, governorate or country")
    events.add_argument("--json", action="store_true", help="print one JSON array")

    digest = commands.add_parser("digest", help="print a digest of a period")
    digest.add_argument("--since", default="24h", help="24h, 7d, or a date (default 24h)")
    digest.add_argument("--place", help="a place, governorate or country")
    digest.add_argument("--format", choices=("text", "html"), default="text")

    chart = commands.add_parser("chart", help="draw the daily trend as a PNG")
    chart.add_argument("--place", help="a place, governorate or country")
    chart.add_argument("--days", type=int, default=30, help="how many days (default 30)")
    chart.add_argument("--until", help="the last day, YYYY-MM-DD (default today)")
    chart.add_argument("--out", required=True, help="the PNG file to write")


def run_report(app: Sitrep, args: argparse.Namespace) -> int:
    scope = resolve_scope(args.place, app.gazetteer())
    app.analyse()  # nothing to do unless articles await reading (new, or a new version)
    now = app.clock()
    if args.command == "events":
        found = events_in(app.store, period_since(args.since, now), scope)
        if args.json:
            json.dump([event_to_json(e) for e in found], sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        elif not found:
            print(f"no events in {scope.label} since {args.since}")
        for event in [] if args.json else found:
            figures = ", ".join(
                f"{h.low:,}" + (f"–{h.high:,}" if h.high != h.low else "") + f" {kind}"
                for kind, h in event.headline.items()
            )
            where = event.place.name if event.place else "unknown place"
            sources = len(event.articles)
            print(
                f"{format_day(event.date)}  {where:<24} {figures or 'no firm figures'}"
                f"  ({sources} report{'s' if sources != 1 else ''})"
            )
        return 0
    if args.command == "digest":
        period = period_since(args.since, now)
        context = build_digest(
            events_with_baseline(app.store, period), period, scope.filter, scope=scope.label
        )
        print(render_digest(context, args.format, make_environment(TEMPLATE_OVERRIDES)))
        return 0
    if args.days < 1 or args.days > 3660:
        print("sitrep: error: --days must be between 1 and 3660", file=sys.stderr)
        return 2
    try:
        last = date.fromisoformat(args.until) if args.until else now.date()
    except ValueError:
        print(
            f"sitrep: error: --until {args.until!r} is not a date like 2024-12-31", file=sys.stderr
        )
        return 2
    period = Period.ending(last, args.days)
    out = chart_events(
        events_in(app.store, period),
        period,
        Path(args.out),
        event_filter=scope.filter,
        place=scope.label,
    )
    print(f"wrote {out}")
    return 0
