"""Read models: dates at their own precision, and the cursors of paged lists."""

from __future__ import annotations

import pytest

from graph.reads.paging import (
    InvalidCursor,
    decode_offset,
    decode_position,
    offset_cursor,
    offset_page,
    position_cursor,
)
from graph.views import EventRef, Page, partial_date


@pytest.mark.parametrize(
    ("stored", "precision", "expected"),
    [
        ("2024-10-16", "day", ("2024-10-16", "2024-10-16", "2024-10-16")),
        ("2024-10-01", "month", ("2024-10", "2024-10-01", "2024-10-31")),
        ("2024-02-01", "month", ("2024-02", "2024-02-01", "2024-02-29")),  # a leap year
        ("2023-02-01", "month", ("2023-02", "2023-02-01", "2023-02-28")),
        ("2024-01-01", "year", ("2024", "2024-01-01", "2024-12-31")),
        ("2024-10-16", None, ("2024-10-16", "2024-10-16", "2024-10-16")),  # no precision: a day
        ("2024-10", "month", ("2024-10", "2024-10-01", "2024-10-31")),  # already reduced
    ],
)
def test_partial_date_reduces_to_its_precision_with_the_days_it_covers(
    stored: str, precision: str | None, expected: tuple[str, str, str]
) -> None:
    found = partial_date(stored, precision)
    assert (found["date"], found["date_start"], found["date_end"]) == expected


def test_a_view_serves_a_month_as_a_month() -> None:
    row = {"id": "e", "kind": "killing", "label": "K", "date": "2024-10-01"}
    event = EventRef.model_validate({**row, "date_precision": "month"})
    assert (event.date, event.date_start, event.date_end) == ("2024-10", "2024-10-01", "2024-10-31")
    assert event.model_dump(mode="json")["date_precision"] == "month"
    undated = EventRef.model_validate({"id": "u", "kind": "talks", "label": "T"})
    assert (undated.date, undated.date_precision, undated.date_start) == (None, None, None)
    assert EventRef.model_validate(event.model_dump()) == event  # read back unchanged


def test_cursors_round_trip_and_refuse_what_is_not_theirs() -> None:
    assert decode_position(position_cursor(("2024-10-01", "talks-x"))) == ("2024-10-01", "talks-x")
    assert decode_position(position_cursor((None, "undated"))) == (None, "undated")
    assert decode_offset(offset_cursor(40)) == 40
    for foreign in ("", "!!", "bm90IGpzb24", offset_cursor(3), position_cursor((None, "x"))[:-2]):
        with pytest.raises(InvalidCursor):
            decode_position(foreign)
    for foreign in ("", "%%%", position_cursor(("2024-01-01", "a")), "WyJvZmZzZXQiLC0xXQ"):
        with pytest.raises(InvalidCursor):
            decode_offset(foreign)  # a position cursor, or a negative offset


def test_an_offset_page_says_whether_more_follow() -> None:
    full = Page[int].model_validate(offset_page([1, 2, 3], 6, 2, 9))
    assert (full.items, full.total) == ([1, 2], 9)
    assert full.next_cursor is not None and decode_offset(full.next_cursor) == 8
    last = Page[int].model_validate(offset_page([7], 8, 2, 9))
    assert (last.items, last.next_cursor) == ([7], None)
