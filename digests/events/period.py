"""A digest period: whole UTC days, both ends included."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date  # included

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def ending(cls, end: date, days: int) -> Period:
        """The ``days`` days up to and including ``end``."""
        return cls(end - timedelta(days=days - 1), end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def previous(self, days: int | None = None) -> Period:
        """The period of ``days`` (default: the same length) just before this one."""
        return Period.ending(self.start - timedelta(days=1), days or self.days)

    def each_day(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]
