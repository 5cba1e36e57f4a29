"""A period of days the collaboration views look at: both ends included."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.errors import ValidationError


@dataclass(frozen=True)
class Period:
    """The days ``start`` through ``end``, both included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(f"时段的结束日 {self.end} 早于开始日 {self.start} "
                                  f"(the period ends on {self.end}, before it starts on {self.start})",
                                  where="period", code="collab.period_reversed",
                                  params={"start": self.start.isoformat(), "end": self.end.isoformat()})

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year ``year``."""
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def last_days(cls, n: int, today: dt.date) -> Period:
        """The ``n`` days ending with ``today`` (today included)."""
        if n < 1:
            raise ValidationError(f"天数须至少为 1：{n} (a period needs at least one day, not {n})",
                                  where="period", code="collab.period_empty", params={"days": n})
        return cls(today - dt.timedelta(days=n - 1), today)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def start_dt(self) -> dt.datetime:
        """The first moment of the period (naive, as timestamps are stored)."""
        return dt.datetime.combine(self.start, dt.time.min)

    def end_dt(self) -> dt.datetime:
        """The first moment after the period (exclusive bound for timestamps)."""
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min)
