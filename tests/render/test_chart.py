"""The trend chart: a real PNG, sized for a phone, drawn from events."""

from __future__ import annotations

import struct
from datetime import date, timedelta
from pathlib import Path

import pytest

from digests.chart import (
    ChartError,
    DailyPoint,
    binned,
    chart_events,
    daily_series,
    render_chart,
)
from digests.events import EventBook
from digests.events.period import Period
from tests.events.fixtures import checkpoint_bombing, market_airstrike_reports


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_daily_series_counts_each_event_once_on_its_day() -> None:
    book = EventBook()
    book.add_all([*market_airstrike_reports(), checkpoint_bombing()])
    points = daily_series(book.events(), Period.ending(date(2019, 7, 23), 3))
    assert [(p.day.day, p.killed) for p in points] == [(21, 0), (22, 15), (23, 0)]


def test_chart_is_a_portrait_png_a_phone_can_show(tmp_path: Path) -> None:
    book = EventBook()
    book.add_all(market_airstrike_reports())
    out = chart_events(
        book.events(), Period.ending(date(2019, 7, 31), 30), tmp_path / "c" / "trend.png"
    )
    width, height = png_size(out)
    assert 900 <= width <= 1400 and height > width


def test_an_empty_series_is_an_error_not_a_blank_picture(tmp_path: Path) -> None:
    with pytest.raises(ChartError):
        render_chart([], tmp_path / "x.png")


def _days(count: int) -> list[DailyPoint]:
    start = date(2024, 1, 1)
    return [DailyPoint(start + timedelta(days=k), k % 3, 1, 0) for k in range(count)]


def test_a_long_span_is_drawn_by_week_or_month_with_nothing_lost() -> None:
    for count, size in ((30, 1), (120, 1), (121, 7), (730, 7), (731, 30)):
        points = _days(count)
        bins, bin_days = binned(points)
        assert bin_days == size
        assert sum(b.killed for b in bins) == sum(p.killed for p in points)
        assert sum(b.injured for b in bins) == count
        assert bins[0].day == points[0].day


def test_a_two_year_chart_is_still_a_phone_sized_png(tmp_path: Path) -> None:
    out = render_chart(_days(760), tmp_path / "long.png", place="Syria")
    width, height = png_size(out)
    assert 900 <= width <= 1400 and height > width
