"""Reading the periods people type: ``24h``, ``7d``, ``2w``, ``2023-10-05``, an ISO time."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from digests.errors import InvalidPeriodError

_RELATIVE = re.compile(r"^\s*(\d{1,5})\s*(m|min|h|d|w)\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(text: str, now: datetime) -> datetime:
    """The moment ``text`` names, relative to ``now`` (UTC); InvalidPeriodError if unreadable."""
    match = _RELATIVE.match(text)
    if match:
        amount, unit = int(match.group(1)), _UNITS[match.group(2).lower()]
        return now - timedelta(**{unit: amount})
    try:
        if len(text.strip()) == 10:
            return datetime.combine(date.fromisoformat(text.strip()), time(), tzinfo=UTC)
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidPeriodError(
            f"cannot read {text!r} as a period: use 24h, 7d, 2w, or a date like 2023-10-05"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
