"""Timeline pages read window by window: same order and pages as one sort over every event."""

from __future__ import annotations

import datetime as dt
import hashlib
import random

import pytest

from graph.models import Article, ArticleFacts, DatePrecision, Event, EventKind
from graph.reads.dated import Cursor, EventFilter, timeline_page
from graph.store import GraphStore
from tests.support.factories import evidence

KINDS = (EventKind.TALKS, EventKind.STATEMENT, EventKind.KILLING)


def _spread_dates(rng: random.Random) -> list[str | None]:
    """Clusters on single days, gaps of days, months and decades, and undated events."""
    base = dt.date(1998, 5, 17)
    offsets = [0] * 7 + [1, 2, 3, 9, 40, 41, 400, 3000, 3001, 9000, 20000]
    offsets += [rng.randrange(0, 20000) for _ in range(25)]
    dates: list[str | None] = [(base + dt.timedelta(days=o)).isoformat() for o in offsets]
    return dates + [None] * 4


def _article(dates: list[str | None], rng: random.Random) -> ArticleFacts:
    text = "Events of an invented chronicle."
    ev = evidence("chronicle", text, text)
    events = tuple(
        Event(
            id=f"event-{i:03d}",
            kind=rng.choice(KINDS),
            label=f"Invented event {i}",
            date=d,
            date_precision=DatePrecision.DAY if d else None,
            evidence=(ev,),
        )
        for i, d in enumerate(dates)
    )
    article = Article(
        id="chronicle",
        title="Chronicle",
        published="2060-01-01",
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
    return ArticleFacts(article=article, events=events)


@pytest.fixture
def chronicle(store: GraphStore) -> list[tuple[str | None, str, str]]:
    """(date, id, kind) of every event written, the graph holding exactly those events."""
    rng = random.Random(5)
    facts = _article(_spread_dates(rng), rng)
    store.write_article(facts)
    return [(e.date, e.id, str(e.kind)) for e in facts.events]


def _expected(
    events: list[tuple[str | None, str, str]],
    date_from: str | None = None,
    date_to: str | None = None,
    kind: str | None = None,
) -> list[str]:
    kept = [
        e
        for e in events
        if (kind is None or e[2] == kind)
        and (date_from is None or (e[0] is not None and e[0] >= date_from))
        and (date_to is None or (e[0] is not None and e[0] <= date_to))
    ]
    kept.sort(key=lambda e: (e[0] is None, e[0] or "", e[1]))
    return [e[1] for e in kept]


def _all_pages(store: GraphStore, limit: int, **filters: str | None) -> list[str]:
    seen: list[str] = []
    after: Cursor | None = None
    for _ in range(200):
        rows = timeline_page(store, EventFilter(**filters), after, limit)
        seen += [r["id"] for r in rows]
        if len(rows) < limit:
            return seen
        after = (rows[-1]["date"], rows[-1]["id"])
    raise AssertionError("the pages never ended")


@pytest.mark.parametrize("limit", [1, 3, 50])
def test_timeline_windows_page_through_every_event_in_order(
    store: GraphStore, chronicle: list[tuple[str | None, str, str]], limit: int
) -> None:
    assert _all_pages(store, limit) == _expected(chronicle)


@pytest.mark.parametrize(
    ("date_from", "date_to"),
    [("1998-05-17", "1998-05-17"), ("1998-05-18", "2009-01-01"), ("2020-01-01", None)],
)
def test_timeline_windows_keep_inclusive_date_bounds(
    store: GraphStore,
    chronicle: list[tuple[str | None, str, str]],
    date_from: str,
    date_to: str | None,
) -> None:
    got = _all_pages(store, 4, date_from=date_from, date_to=date_to)
    assert got == _expected(chronicle, date_from, date_to)
    assert got


def test_timeline_windows_filter_by_kind_with_undated_last(
    store: GraphStore, chronicle: list[tuple[str | None, str, str]]
) -> None:
    for kind in KINDS:
        assert _all_pages(store, 2, kind=str(kind)) == _expected(chronicle, kind=str(kind))


def test_timeline_windows_after_the_last_date_give_only_undated(
    store: GraphStore, chronicle: list[tuple[str | None, str, str]]
) -> None:
    last = max(e for e in chronicle if e[0] is not None)
    rows = timeline_page(store, EventFilter(), (last[0], last[1]), 10)
    assert [r["id"] for r in rows] == sorted(e[1] for e in chronicle if e[0] is None)
