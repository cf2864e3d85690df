"""Trips made for talks, fresh rounds told apart from earlier ones, and 'the next day' after a
semicolon."""

from __future__ import annotations

from graph.models import ClaimStatus, DatePrecision, EventKind, Predicate
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


def test_a_trip_planned_for_talks_plans_the_round_for_the_trip_s_day() -> None:
    text = "A Jordanian delegation will fly to Amman on Monday to hold talks with Egypt."
    facts = extract_article(make_article("t-errand", text, published=PUBLISHED))
    talks = [e for e in facts.events if e.kind is EventKind.TALKS]
    assert [(e.date, e.place_id, e.status) for e in talks] == [
        ("2025-03-17", "amman", ClaimStatus.PLANNED)
    ]


def test_a_round_is_dated_by_the_talks_word_its_date_phrase_belongs_to() -> None:
    # the label's 'talks' has no date; the meeting of the same sentence has one
    text = "Where the talks stand: Jordan and Egypt met in Amman on Saturday and Sunday."
    assert _talks(text) == [("2025-03-08", DatePrecision.DAY, "amman")]


def test_a_round_planned_to_resume_the_talks_is_not_the_round_just_held() -> None:
    text = (
        "Jordan and Egypt met in Amman on Saturday. A Jordanian delegation will travel to "
        "Amman on Tuesday to resume the negotiations with Egypt."
    )
    assert [day for day, _, _ in _talks(text)] == ["2025-03-08", "2025-03-18"]


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
