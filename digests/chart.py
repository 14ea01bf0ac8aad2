"""Daily trend chart of killed, injured and displaced, drawn for a phone screen (PNG, Agg)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import matplotlib.dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from digests.errors import SitrepError
from digests.events.model import Event
from digests.events.period import Period
from digests.events.totals import EventFilter, headline_range, select
from digests.render.formatting import format_count, format_period

KILLED_COLOUR = "#c0392b"
INJURED_COLOUR = "#e67e22"
DISPLACED_COLOUR = "#2c6fbb"
TITLE_SIZE = 16
TEXT_SIZE = 14
LABELLED_DAYS = 14


class ChartError(SitrepError):
    """The chart could not be drawn or written."""

    default_message = "chart error"


@dataclass(frozen=True, slots=True)
class DailyPoint:
    day: date
    killed: int
    injured: int
    displaced: int


def daily_series(
    events: Iterable[Event], period: Period, event_filter: EventFilter | None = None
) -> list[DailyPoint]:
    """One point per day of the period (low ends: what totals count), zero on quiet days."""
    per_day = {day: [0, 0, 0] for day in period.each_day()}
    for event in select(events, period, event_filter or EventFilter()):
        row = per_day[event.date]
        row[0] += headline_range(event, "killed").low
        row[1] += headline_range(event, "injured").low
        row[2] += headline_range(event, "displaced").low
    return [DailyPoint(day, *row) for day, row in per_day.items()]


def _short(value: float, _position: int = 0) -> str:
    """Axis labels: 950, 12k, 1.2M: short enough for a narrow screen."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f}".removesuffix(".0") + "M"
    if value >= 10_000:
        return f"{value / 1000:.0f}k"
    if value >= 1000:
        return f"{value / 1000:.1f}".removesuffix(".0") + "k"
    return f"{value:.0f}"


def _day_label(value: float, _position: int = 0) -> str:
    day = mdates.num2date(value)
    return f"{day.day} {day:%b}"


def _month_label(value: float, _position: int = 0) -> str:
    """Over a long span the year matters: "Jan 2025", never a bare "1 Jan" twice."""
    day = mdates.num2date(value)
    return f"{day:%b %Y}"


# Bars per day up to four months; beyond, a day is a hairline on a phone, so bars stand for
# a week, and beyond two years for 30 days.
WEEKLY_AFTER_DAYS = 120
MONTHLY_AFTER_DAYS = 730


def binned(points: list[DailyPoint]) -> tuple[list[DailyPoint], int]:
    """The points summed into bins readable at the span's length, and the bin's days."""
    size = 1 if len(points) <= WEEKLY_AFTER_DAYS else 7 if len(points) <= MONTHLY_AFTER_DAYS else 30
    if size == 1:
        return points, 1
    bins = []
    for start in range(0, len(points), size):
        chunk = points[start : start + size]
        bins.append(
            DailyPoint(
                chunk[0].day,
                sum(p.killed for p in chunk),
                sum(p.injured for p in chunk),
                sum(p.displaced for p in chunk),
            )
        )
    return bins, size


def _per(size: int) -> str:
    return {1: "per day", 7: "per week"}.get(size, f"per {size} days")


def render_chart(points: list[DailyPoint], out: Path, *, place: str = "All areas") -> Path:
    """Draw the trend to ``out`` (PNG): casualties on top, displacement below (its own scale)."""
    if not points:
        raise ChartError("no days to draw")
    first, last = points[0].day, points[-1].day
    period = format_period(first, last)
    span = len(points)
    points, size = binned(points)
    days = [p.day for p in points]
    killed = [p.killed for p in points]
    injured = [p.injured for p in points]
    displaced = [p.displaced for p in points]

    # A bare Figure on the Agg canvas: no pyplot, no display, no global state to leak
    # between charts drawn by a long-running service.
    figure = Figure(figsize=(7.2, 9.0), dpi=150)
    FigureCanvasAgg(figure)
    top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    try:
        figure.suptitle(f"{place}\n{period}", fontsize=19, fontweight="bold")
        # Up to six weeks, killed and injured stand side by side; beyond, bars get too thin
        # for pairs, so injured stack on killed (different people, so the sum is meaningful).
        side_by_side = len(points) <= 45
        centres = [mdates.date2num(d) + (size - 1) / 2 for d in days]  # a bin's middle day
        width = (0.42 if side_by_side else 0.8) * size
        offset = 0.21 * size if side_by_side else 0.0
        killed_bars = top.bar(
            [centre - offset for centre in centres],
            killed,
            width=width,
            color=KILLED_COLOUR,
            label=f"Killed ({format_count(sum(killed))})",
        )
        injured_bars = top.bar(
            [centre + offset for centre in centres],
            injured,
            width=width,
            bottom=None if side_by_side else killed,
            color=INJURED_COLOUR,
            alpha=0.85,
            label=f"Injured ({format_count(sum(injured))})",
        )
        top.set_title(f"People killed and injured {_per(size)}", loc="left", fontsize=TITLE_SIZE)
        top.legend(loc="upper left", frameon=False, fontsize=TEXT_SIZE, ncols=2)

        displaced_bars = bottom.bar(centres, displaced, width=0.8 * size, color=DISPLACED_COLOUR)
        if len(points) <= LABELLED_DAYS:  # few bars: print each value, easier than gridlines
            for axes, bars in (
                (top, killed_bars),
                (top, injured_bars),
                (bottom, displaced_bars),
            ):
                labels = [_short(v) if v else "" for v in bars.datavalues]
                axes.bar_label(bars, labels=labels, padding=2, fontsize=TEXT_SIZE - 2)
        bottom.set_title(
            f"Displaced {_per(size)} ({format_count(sum(displaced))})",
            loc="left",
            fontsize=TITLE_SIZE,
        )

        for axes in (top, bottom):
            axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
            axes.yaxis.set_major_formatter(FuncFormatter(_short))
            axes.grid(axis="y", color="#dddddd")
            axes.set_axisbelow(True)
            axes.spines[["top", "right"]].set_visible(False)
            axes.set_ylim(bottom=0)
            axes.tick_params(labelsize=TEXT_SIZE)
        # Headroom so the legend never sits on the bars.
        heights = [*killed, *injured] if side_by_side else [p.killed + p.injured for p in points]
        top.set_ylim(0, max(1, *heights) * 1.22)
        bottom.set_ylim(0, max(1, *displaced) * 1.15)
        # The period, not the ticks' round dates, bounds the axis.
        bottom.set_xlim(mdates.date2num(first) - 0.5, mdates.date2num(last) + 0.5)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=6)
        bottom.xaxis.set_major_locator(locator)
        long_span = span > WEEKLY_AFTER_DAYS
        bottom.xaxis.set_major_formatter(FuncFormatter(_month_label if long_span else _day_label))
        figure.text(
            0.99,
            0.005,
            "Conservative low ends; each incident counted once.",
            ha="right",
            fontsize=11,
            color="#666666",
        )
        figure.tight_layout(rect=(0, 0.02, 1, 1))
        out.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(out, format="png")
    except (OSError, ValueError) as e:
        raise ChartError(f"cannot write chart to {out}: {e}") from e
    return out


def chart_events(
    events: Iterable[Event],
    period: Period,
    out: Path,
    *,
    event_filter: EventFilter | None = None,
    place: str = "All areas",
) -> Path:
    """``sitrep chart``: the daily trend of the events that pass the filter."""
    return render_chart(daily_series(events, period, event_filter), out, place=place)
