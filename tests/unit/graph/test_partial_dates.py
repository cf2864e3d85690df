"""PartialDate: a stored day at its precision, the one place date precisions are compared."""

from __future__ import annotations

import pytest

from graph.dates import DatePrecision, PartialDate, finer
from loaders.resolve import date_key

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR


@pytest.mark.parametrize(
    ("day", "precision", "iso", "start", "end"),
    [
        ("2024-10-16", DAY, "2024-10-16", "2024-10-16", "2024-10-16"),
        ("2024-02-01", MONTH, "2024-02", "2024-02-01", "2024-02-29"),
        ("2024-10-16", MONTH, "2024-10", "2024-10-01", "2024-10-31"),
        ("2024-01-01", YEAR, "2024", "2024-01-01", "2024-12-31"),
    ],
)
def test_partial_date_reduces_to_its_precision(
    day: str, precision: DatePrecision, iso: str, start: str, end: str
) -> None:
    when = PartialDate(day, precision)
    assert (when.iso, when.start, when.end) == (iso, start, end)
    assert date_key(day, str(precision)) == iso  # the date part of an event id


def test_partial_date_of_stored_fields() -> None:
    assert PartialDate.of(None, None) is None
    assert PartialDate.of("2024-10-16", None) == PartialDate("2024-10-16", DAY)
    assert PartialDate.of("2024-10-01", "month") == PartialDate("2024-10-01", MONTH)
    assert date_key(None, None) == ""
    assert date_key("2024-10-16", None) == "2024-10-16"


def test_finer_dates_win_and_any_date_beats_none() -> None:
    day, month, year = (PartialDate("2024-10-01", p) for p in (DAY, MONTH, YEAR))
    assert [p.rank for p in (DAY, MONTH, YEAR)] == [0, 1, 2]
    assert day.finer_than(month) and month.finer_than(year) and year.finer_than(None)
    assert not month.finer_than(day) and not day.finer_than(day)
    assert finer(day, month) and finer(month, None)
    assert not finer(None, month) and not finer(None, None) and not finer(month, month)


def test_overlaps_before_and_days_from() -> None:
    day = PartialDate("2024-10-16", DAY)
    october, november = PartialDate("2024-10-01", MONTH), PartialDate("2024-11-01", MONTH)
    year = PartialDate("2024-01-01", YEAR)
    assert day.overlaps(october) and october.overlaps(day) and october.overlaps(year)
    assert not day.overlaps(november) and not october.overlaps(november)
    assert october.before(november) and day.before(november) and not day.before(october)
    assert not year.before(november) and not november.before(year)
    assert (
        day.days_from(PartialDate("2024-10-13", DAY))
        == 3
        == PartialDate("2024-10-13", DAY).days_from(day)
    )


def test_sort_key_orders_by_first_day_then_finer() -> None:
    dates = [
        PartialDate("2024-10-01", MONTH),
        PartialDate("2024-01-01", YEAR),
        PartialDate("2024-10-01", DAY),
        PartialDate("2024-09-30", DAY),
    ]
    assert [d.iso for d in sorted(dates, key=lambda d: d.sort_key)] == [
        "2024",
        "2024-09-30",
        "2024-10-01",
        "2024-10",
    ]
