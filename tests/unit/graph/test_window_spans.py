"""How date windows grow: fast across empty stretches, slowly once they find rows."""

from __future__ import annotations

from graph.reads.dated import DENSE_GROWTH, GROWTH, next_window_days


def test_an_empty_window_grows_by_the_full_factor() -> None:
    assert next_window_days(3, found=0, wanted=50) == 3 * GROWTH


def test_a_window_that_found_rows_grows_at_most_by_the_dense_factor() -> None:
    # 1 row in 1 day with 549 wanted would ask for 687 days at that density.
    assert next_window_days(1, found=1, wanted=549) == DENSE_GROWTH
    assert next_window_days(8, found=2, wanted=500) == 8 * DENSE_GROWTH


def test_a_dense_window_shrinks_to_what_is_still_wanted() -> None:
    # 400 rows in 8 days: 10 more need about a quarter of a day, so one day.
    assert next_window_days(8, found=400, wanted=10) == 1
    # 100 rows in 10 days: 30 more need 3 days, 4 with headroom.
    assert next_window_days(10, found=100, wanted=30) == 4
