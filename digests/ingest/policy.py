"""When to poll a feed next and when to give up on it: pure decisions, the clock passed in."""

from __future__ import annotations

from datetime import datetime, timedelta

from digests.errors import FeedError, FetchError

MIN_INTERVAL = timedelta(minutes=1)
# Cache-Control may stretch an interval, but a feed is never left alone longer than this.
MAX_CACHE_DELAY = timedelta(hours=6)
MAX_BACKOFF = timedelta(hours=24)
# A server asking for more than a day of silence is treated as asking for a day.
MAX_RETRY_AFTER = timedelta(hours=24)
JITTER_SPREAD = 0.1  # ±10 % of the delay, so feeds on one host drift apart
DISABLE_AFTER_FAILURES = 20


def _jittered(delay: timedelta, jitter: float) -> timedelta:
    draw = min(max(jitter, 0.0), 1.0)
    return delay * (1.0 + JITTER_SPREAD * (2.0 * draw - 1.0))


def next_poll_after_success(
    now: datetime, interval: timedelta, *, max_age: float | None, jitter: float
) -> datetime:
    """Next poll after a good fetch: the feed's interval, stretched (within bounds) when the
    server's Cache-Control max-age says the content will not change sooner; ``jitter`` is a
    uniform draw in [0, 1]."""
    delay = max(interval, MIN_INTERVAL)
    if max_age is not None and max_age > 0:
        cached_for = min(timedelta(seconds=max_age), MAX_CACHE_DELAY)
        delay = max(delay, cached_for)
    return now + _jittered(delay, jitter)


def backoff_delay(interval: timedelta, consecutive_failures: int) -> timedelta:
    """``interval * 2**(n-1)`` for the n-th failure in a row, capped at ``MAX_BACKOFF``."""
    base = max(interval, MIN_INTERVAL)
    failures = max(consecutive_failures, 1)
    # Stop doubling once past the cap; 2**1000 would be a pointless (if exact) integer.
    doublings = 0
    while doublings < failures - 1 and base * 2**doublings < MAX_BACKOFF:
        doublings += 1
    return min(base * 2**doublings, MAX_BACKOFF)


def next_poll_after_failure(
    now: datetime,
    interval: timedelta,
    consecutive_failures: int,
    *,
    retry_after: float | None,
    jitter: float,
) -> datetime:
    """Next poll after the ``consecutive_failures``-th failure in a row (counting this one):
    capped exponential backoff, never sooner than a (bounded) Retry-After."""
    delay = _jittered(backoff_delay(interval, consecutive_failures), jitter)
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(timedelta(seconds=retry_after), MAX_RETRY_AFTER))
    return now + delay


def should_disable(
    consecutive_failures: int,
    error: FetchError | FeedError,
    *,
    max_failures: int = DISABLE_AFTER_FAILURES,
) -> str | None:
    """The reason to stop polling a feed, or None to keep trying: at once when the server
    says the feed is gone for good (410), else after ``max_failures`` failures in a row."""
    if isinstance(error, FetchError) and error.permanent:
        return "410 Gone" if error.status == 410 else error.message
    if consecutive_failures >= max_failures:
        return f"failed {consecutive_failures} times in a row (last: {error.message})"
    return None
