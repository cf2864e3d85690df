"""Trips made for talks, fresh rounds told apart from earlier ones, and 'the next day' after a
semicolon."""

from __future__ import annotations

from graph.models import DatePrecision, EventKind, Predicate
from loaders.extract import extract_article
from tests.support.factories import make_article

PUBLISHED = "2025-03-12"


def _talks(text: str) -> list[tuple[str | None, DatePrecision | None, str | None]]:
    facts = extract_article(make_article("t-errand", text, published=PUBLISHED))
    return sorted(
        ((e.date, e.date_precision, e.place_id) for e in facts.events if e.kind is EventKind.TALKS),
        key=str,
    )


def test_a_round_held_on_arrival_takes_the_day_and_city_of_the_trip() -> None:
    text = "A Jordanian delegation arrived in Amman on Monday to hold talks with Egypt."
    assert _talks(text) == [("2025-03-10", DatePrecision.DAY, "amman")]


def test_a_trip_planned_for_talks_dates_nothing_by_the_trip() -> None:
    # the future trip keeps the month: only a trip made dates the round held on arrival
    text = "A Jordanian delegation will fly to Amman on Monday to hold talks with Egypt."
    assert all(day != "2025-03-10" for day, _, _ in _talks(text))


def test_a_fresh_round_is_not_the_round_told_earlier_that_month() -> None:
    text = (
        "Over several meetings in Amman earlier this month, Jordan and Egypt discussed the "
        "crossings. A Jordanian delegation arrived in Amman on Monday to hold a fresh round of "
        "talks with Egypt."
    )
    assert _talks(text) == [
        ("2025-03-01", DatePrecision.MONTH, "amman"),
        ("2025-03-10", DatePrecision.DAY, "amman"),
    ]


def test_the_next_day_after_a_semicolon_orders_the_clauses_not_the_sentence_before() -> None:
    text = (
        "On March 1 Egypt proposed a truce plan. In Amman on March 3, Jordan and Egypt held a "
        "fresh round that ended without a breakthrough; the next day Jordan recalled its "
        "negotiators from the talks."
    )
    facts = extract_article(make_article("t-order", text, published=PUBLISHED))
    kinds = {e.id: (e.kind, e.date) for e in facts.events}
    pairs = {
        (kinds[r.subject_id], kinds[r.object_id])
        for r in facts.relations
        if r.predicate is Predicate.PRECEDED and r.object_id is not None
    }
    assert ((EventKind.TALKS, "2025-03-03"), (EventKind.WITHDRAWAL, "2025-03-04")) in pairs
    assert not any(second == (EventKind.TALKS, "2025-03-03") for _, second in pairs), pairs
