"""Pages in date order, read window by window on an indexed date.

The embedded engine does not read an index in order for `ORDER BY v.date LIMIT n`: it sorts every
node that passes the filters, so a page cost grows with the graph. A range on `date` is an index
seek, though. A page is therefore read from successive date windows: the first starts at the
earliest date on or after the cursor and spans a day, each next one is wider, until the page is
full. After a few windows the rest is read with one sorted query, so a sparse graph costs no more
than before. Undated events come last, in id order.

Newest-first lists (`newest_first`) go the other way, back from a newest date the caller knows
(for articles, the one the graph state keeps: graph.reads.articles).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from graph.cypher.queries import ReadQuery as Q
from graph.reads.shapes import Row
from graph.store import GraphStore

FIRST_WINDOW_DAYS = 1
GROWTH = 8  # after an empty window
DENSE_GROWTH = 2  # after a window that found rows
HEADROOM = 1.25
MAX_WINDOWS = 10
Cursor = tuple[str | None, str]


@dataclass(frozen=True)
class EventFilter:
    """Which events a timeline lists: days from and to (inclusive, ISO) and a kind."""

    date_from: str | None = None
    date_to: str | None = None
    kind: str | None = None


def _day_after(day: str, days: int) -> str:
    """The ISO day `days` after `day`, capped at the last representable day."""
    start = dt.date.fromisoformat(day)
    if (dt.date.max - start).days <= days:
        return dt.date.max.isoformat()
    return (start + dt.timedelta(days=days)).isoformat()


def next_window_days(days: int, found: int, wanted: int) -> int:
    """The span of the next window: enough days for the `wanted` rows still missing at the
    density of the last window (`found` rows in `days` days), with some headroom, but at most
    DENSE_GROWTH times the last span; GROWTH times it when the last window found nothing.

    A window's cost is its row count (the engine sorts all of it), and dates are unevenly
    spread: the last weeks of a corpus may hold ten articles a day and the weeks before them
    hundreds, so a window must not grow fast once it finds rows.
    """
    if found == 0:
        return days * GROWTH
    return max(1, min(days * DENSE_GROWTH, math.ceil(wanted * days / found * HEADROOM)))


def _day_before(day: str, days: int) -> str:
    """The ISO day `days` before `day`, capped at the first representable day."""
    end = dt.date.fromisoformat(day)
    if (end - dt.date.min).days <= days:
        return dt.date.min.isoformat()
    return (end - dt.timedelta(days=days)).isoformat()


def newest_first(
    store: GraphStore,
    window: Q,
    older: Q,
    newest: str,
    limit: int,
    **params: Any,
) -> tuple[list[Row], str | None]:
    """Up to `limit` rows of the query `window`, newest first, from successive date windows going
    back from the day `newest`; and the day before which older rows are left unread, if any.

    `window` reads the rows dated in [$lo, $hi) in order, at most $limit; `older` is an existence
    probe of a row dated before $hi. After an empty window the probe tells whether any older row
    is left, so a graph whose dates fit in a few windows costs a few index seeks. When the
    windows run out first, the caller reads the rows before the day returned in one query.
    """
    hi = _day_after(newest[:10], 1)
    days = FIRST_WINDOW_DAYS
    rows: list[Row] = []
    for _ in range(MAX_WINDOWS):
        lo = _day_before(hi, days)
        found = store.read(window, lo=lo, hi=hi, limit=limit - len(rows), **params)
        rows += found
        if len(rows) >= limit:
            return rows, None
        if not found and not store.read(older, hi=lo, **params):
            return rows, None
        hi, days = lo, next_window_days(days, len(found), limit - len(rows))
    return rows, hi


def first_date(store: GraphStore, lo: str, kind: str | None) -> str | None:
    """The earliest event date on or after `lo` (of one kind when given), or None.

    The range seek answers with a date in index order; one probe of the range before it confirms
    it is the earliest, and an aggregate answers when an engine returns dates in another order.
    """
    rows = store.read(Q.READ_FIRST_DATE, lo=lo, kind=kind)
    if not rows:
        return None
    found: str = rows[0]["date"]
    if found > lo and store.read(Q.READ_DATES_BETWEEN, lo=lo, hi=found, kind=kind):
        earliest: str | None = store.read(Q.READ_MIN_DATE, lo=lo, kind=kind)[0]["date"]
        return earliest
    return found


def dated_page(
    store: GraphStore, where: EventFilter, after: Cursor | None, limit: int
) -> list[Row]:
    """Up to `limit` dated events after the cursor, in (date, id) order, within the dates given."""
    date_from, date_to, kind = where.date_from, where.date_to, where.kind
    after_date, after_id = after if after is not None else (None, None)
    lo = max((d for d in (date_from, after_date) if d is not None), default="")
    end = _day_after(date_to, 1) if date_to is not None else None
    rows: list[Row] = []
    days = FIRST_WINDOW_DAYS
    for _ in range(MAX_WINDOWS):
        start = first_date(store, lo, kind)
        if start is None or (end is not None and start >= end):
            return rows
        hi = _day_after(start, days)
        if end is not None:
            hi = min(hi, end)
        found = store.read(
            Q.READ_TIMELINE_WINDOW,
            lo=start,
            hi=hi,
            kind=kind,
            after_date=after_date,
            after_id=after_id,
            limit=limit - len(rows),
        )
        rows += found
        if len(rows) >= limit or hi == end:
            return rows
        lo, days = hi, next_window_days(days, len(found), limit - len(rows))
    rows += store.read(
        Q.READ_TIMELINE,
        date_from=lo,
        date_to=date_to,
        kind=kind,
        after_date=after_date,
        after_id=after_id,
        limit=limit - len(rows),
    )
    return rows


def timeline_page(
    store: GraphStore, where: EventFilter, after: Cursor | None, limit: int
) -> list[Row]:
    """Up to `limit` events after the cursor in (date, id) order; undated events come last.

    Undated events are listed only when no date bound is given (they are in no date range).
    """
    rows: list[Row] = []
    if after is None or after[0] is not None:
        rows = dated_page(store, where, after, limit)
    if len(rows) < limit and where.date_from is None and where.date_to is None:
        after_id = after[1] if after is not None and after[0] is None else None
        rows += store.read(
            Q.READ_TIMELINE_UNDATED,
            kind=where.kind,
            after_id=after_id,
            limit=limit - len(rows),
        )
    return rows
