"""The lexicon of month and weekday names agrees with the standard library's calendar."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

from graph.calendar_names import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS, month_number


def test_names_are_the_calendars() -> None:
    assert list(MONTH_NAMES) == list(calendar.month_name)[1:]
    assert list(WEEKDAY_NAMES) == list(calendar.day_name)
    assert WEEKDAYS[WEEKDAY_NAMES[dt.date(2024, 10, 16).weekday()].lower()] == 2


@pytest.mark.parametrize(
    ("name", "number"), [("January", 1), ("jun", 6), ("JUNE", 6), ("Sept.", 9), ("sep", 9)]
)
def test_full_and_short_month_names_give_their_number(name: str, number: int) -> None:
    assert month_number(name) == number


def test_every_short_form_is_a_prefix_of_its_month() -> None:
    for name, number in MONTHS.items():
        assert MONTH_NAMES[number - 1].lower().startswith(name)
