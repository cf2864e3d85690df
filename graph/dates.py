"""Dates known to a day, a month or a year: the one place their precisions are compared.

The graph stores an event's date as a day ("2024-10-01", the first of a month for a month)
beside its precision; a `PartialDate` is that pair. `iso` is the date at its own precision
("2024-10": the date part of an event id, and what the API serves), `start` and `end` the days
it covers, `sort_key` orders dates by their first day, finer first. `finer_than` says which of
two mentions dates a happening more precisely (merges keep the finer; the Cypher merges compare
the `rank` the writes give them), `overlaps` whether two dates can name one day, `before`
whether one lies wholly before the other, `days_from` the days between two first days.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, StringConstraints


def _real_day(value: str) -> str:
    """The value when it names a day of the calendar (not 2024-02-30)."""
    try:
        dt.date.fromisoformat(value)
    except ValueError as e:
        raise ValueError(f"{value!r} is not a day of the calendar: {e}") from e
    return value


IsoDate = Annotated[
    str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_real_day)
]


class DatePrecision(StrEnum):
    """How precisely an event's date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"

    @property
    def rank(self) -> int:
        """0 for day, 1 for month, 2 for year: lower is finer."""
        return list(DatePrecision).index(self)


@dataclass(frozen=True)
class PartialDate:
    """A stored day at its precision: '2024-10-01' as a month is October 2024."""

    day: str
    precision: DatePrecision = DatePrecision.DAY

    @classmethod
    def of(cls, date: str | None, precision: str | None) -> PartialDate | None:
        """The date of stored fields: None without a date, a day when no precision is given."""
        if date is None:
            return None
        return cls(date, DatePrecision(precision) if precision else DatePrecision.DAY)

    @property
    def rank(self) -> int:
        """The precision's rank: lower is finer (the Cypher merges compare it)."""
        return self.precision.rank

    @property
    def iso(self) -> str:
        """ISO 8601 at the date's own precision: '2024-10-16', '2024-10' or '2024'."""
        width = {DatePrecision.DAY: 10, DatePrecision.MONTH: 7, DatePrecision.YEAR: 4}
        return self.day[: width[self.precision]]

    @property
    def month(self) -> str:
        """The month the date falls in, 'YYYY-MM' (a year's first month)."""
        return self.day[:7]

    @property
    def start(self) -> str:
        """The first day the date covers, YYYY-MM-DD."""
        return self._span[0]

    @property
    def end(self) -> str:
        """The last day the date covers, YYYY-MM-DD."""
        return self._span[1]

    @property
    def _span(self) -> tuple[str, str]:
        if self.precision is DatePrecision.YEAR:
            return f"{self.day[:4]}-01-01", f"{self.day[:4]}-12-31"
        if self.precision is DatePrecision.MONTH:
            last = calendar.monthrange(int(self.day[:4]), int(self.day[5:7]))[1]
            return f"{self.day[:7]}-01", f"{self.day[:7]}-{last:02d}"
        return self.day[:10], self.day[:10]

    @property
    def sort_key(self) -> tuple[str, int]:
        """Orders dates by the first day they cover; on one first day, the finer first."""
        return (self.start, self.rank)

    def finer_than(self, other: PartialDate | None) -> bool:
        """Whether this date is more precise than `other` (any date is finer than none)."""
        return other is None or self.rank < other.rank

    def overlaps(self, other: PartialDate) -> bool:
        """Whether the two dates share a day: a day inside a month, one month, one year."""
        return self.start <= other.end and other.start <= self.end

    def before(self, other: PartialDate) -> bool:
        """Whether every day this date covers lies before every day `other` covers."""
        return self.end < other.start

    def days_from(self, other: PartialDate) -> int:
        """Days between the first days of the two dates (never negative)."""
        gap = dt.date.fromisoformat(self.start) - dt.date.fromisoformat(other.start)
        return abs(gap.days)


def finer(new: PartialDate | None, old: PartialDate | None) -> bool:
    """Whether a mention dated `new` should give a fact dated `old` its date (a merge's rule)."""
    return new is not None and new.finer_than(old)
