"""Polling decisions: jittered intervals, Cache-Control, capped backoff, Retry-After, disabling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from digests.errors import FetchError, ParseError
from digests.ingest.policy import (
    MAX_BACKOFF,
    MAX_CACHE_DELAY,
    MAX_RETRY_AFTER,
    next_poll_after_failure,
    next_poll_after_success,
    should_disable,
)

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
MIDDLE = 0.5  # a jitter draw that adds nothing


def test_success_waits_the_interval() -> None:
    assert next_poll_after_success(NOW, HOUR, max_age=None, jitter=MIDDLE) == NOW + HOUR


def test_jitter_spreads_within_ten_percent() -> None:
    earliest = next_poll_after_success(NOW, HOUR, max_age=None, jitter=0.0)
    latest = next_poll_after_success(NOW, HOUR, max_age=None, jitter=1.0)
    assert (earliest, latest) == (NOW + HOUR * 0.9, NOW + HOUR * 1.1)


def test_cache_control_stretches_but_never_shortens_or_exceeds_the_cap() -> None:
    assert next_poll_after_success(NOW, HOUR, max_age=60, jitter=MIDDLE) == NOW + HOUR
    assert next_poll_after_success(NOW, HOUR, max_age=7200, jitter=MIDDLE) == NOW + 2 * HOUR
    capped = next_poll_after_success(NOW, HOUR, max_age=10**9, jitter=MIDDLE)
    assert capped == NOW + MAX_CACHE_DELAY


def test_failures_back_off_exponentially_up_to_the_cap() -> None:
    delays = [
        next_poll_after_failure(NOW, HOUR, n, retry_after=None, jitter=MIDDLE) - NOW
        for n in (1, 2, 3, 4, 5, 6, 1000)
    ]
    assert delays == [HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 16 * HOUR, MAX_BACKOFF, MAX_BACKOFF]


def test_retry_after_is_honoured_within_bounds() -> None:
    asked = next_poll_after_failure(NOW, HOUR, 1, retry_after=3 * 3600, jitter=MIDDLE)
    assert asked == NOW + 3 * HOUR
    shorter = next_poll_after_failure(NOW, HOUR, 1, retry_after=60, jitter=MIDDLE)
    assert shorter == NOW + HOUR  # backoff still applies
    huge = next_poll_after_failure(NOW, HOUR, 1, retry_after=10**9, jitter=MIDDLE)
    assert huge == NOW + MAX_RETRY_AFTER


def test_gone_disables_at_once() -> None:
    gone = FetchError("HTTP 410 Gone", status=410, permanent=True)
    assert should_disable(1, gone) == "410 Gone"


def test_many_failures_in_a_row_disable_with_the_last_reason() -> None:
    error = FetchError("HTTP 500", status=500)
    assert should_disable(19, error) is None
    assert should_disable(20, error) == "failed 20 times in a row (last: HTTP 500)"
    assert should_disable(3, ParseError("not a feed"), max_failures=3) == (
        "failed 3 times in a row (last: not a feed)"
    )
