"""One event per happening across articles: which mentions join a known event, which stay apart."""

from __future__ import annotations

from graph.models import ArticleFacts, DatePrecision, EventKind, Participant, Predicate, Role
from graph.unify import EventIndex, unify_all
from tests.support.factories import round_article as _round


def _event_ids(facts: ArticleFacts) -> list[str]:
    return [e.id for e in facts.events]


def test_a_month_mention_joins_the_round_known_by_its_day_and_venue() -> None:
    first, later = unify_all(
        [
            _round("a", "talks-lorvik-2031-03-04", "2031-03-04"),
            _round("b", "talks-lorvik-2031-03", "2031-03-01", DatePrecision.MONTH),
        ]
    )
    assert _event_ids(first) == ["talks-lorvik-2031-03-04"]
    assert _event_ids(later) == ["talks-lorvik-2031-03-04"]
    attended = [r for r in later.relations if r.predicate is Predicate.ATTENDED]
    assert [r.object_id for r in attended] == ["talks-lorvik-2031-03-04"]


def test_rounds_on_different_days_or_in_different_cities_stay_apart() -> None:
    facts = list(
        unify_all(
            [
                _round("a", "talks-lorvik-2031-03-04", "2031-03-04"),
                _round("b", "talks-lorvik-2031-03-20", "2031-03-20"),
                _round("c", "talks-sorna-2031-03-04", "2031-03-04", city="Sorna"),
                # a month mention that fits two rounds at one venue is not ours to place
                _round("d", "talks-lorvik-2031-03", "2031-03-01", DatePrecision.MONTH),
            ]
        )
    )
    assert [_event_ids(f)[0] for f in facts] == [
        "talks-lorvik-2031-03-04",
        "talks-lorvik-2031-03-20",
        "talks-sorna-2031-03-04",
        "talks-lorvik-2031-03",
    ]


def test_a_round_spanning_two_days_is_one_event_and_a_year_joins_nothing() -> None:
    facts = list(
        unify_all(
            [
                _round("a", "talks-lorvik-2031-03-04", "2031-03-04"),
                _round("b", "talks-lorvik-2031-03-05", "2031-03-05"),
                _round("c", "talks-lorvik-2031", "2031-01-01", DatePrecision.YEAR),
            ]
        )
    )
    assert [_event_ids(f)[0] for f in facts] == [
        "talks-lorvik-2031-03-04",
        "talks-lorvik-2031-03-04",
        "talks-lorvik-2031",
    ]


def test_other_kinds_join_on_a_shared_participant_and_statements_keep_their_ids() -> None:
    pull_out = _round(
        "a", "withdrawal-northland-2031-03-04", "2031-03-04", kind=EventKind.WITHDRAWAL
    )
    again = _round(
        "b",
        "withdrawal-mara-velden-2031-03",
        "2031-03-01",
        DatePrecision.MONTH,
        city="Sorna",
        kind=EventKind.WITHDRAWAL,
    )
    said = _round("c", "statement-mara-velden-2031-03-04", "2031-03-04", kind=EventKind.STATEMENT)
    said_again = _round("d", "statement-velden-2031-03-04", "2031-03-04", kind=EventKind.STATEMENT)
    facts = list(unify_all([pull_out, again, said, said_again]))
    assert [_event_ids(f)[0] for f in facts] == [
        "withdrawal-northland-2031-03-04",
        "withdrawal-northland-2031-03-04",
        "statement-mara-velden-2031-03-04",
        "statement-velden-2031-03-04",
    ]


def test_two_mentions_in_one_article_renamed_to_one_event_are_joined() -> None:
    index = EventIndex()
    index.unify(_round("a", "talks-lorvik-2031-03-04", "2031-03-04"))
    second = _round("b", "talks-lorvik-2031-03", "2031-03-01", DatePrecision.MONTH)
    both = second.model_copy(
        update={
            "events": (
                *second.events,
                second.events[0].model_copy(
                    update={
                        "id": "talks-lorvik-2031-03-05",
                        "date": "2031-03-05",
                        "date_precision": DatePrecision.DAY,
                    }
                ),
            )
        }
    )
    unified = index.unify(both)
    assert _event_ids(unified) == ["talks-lorvik-2031-03-04"]
    assert unified.events[0].date == "2031-03-05"  # the finer of the article's two dates
    assert len(unified.events[0].evidence) == 2


def _without_venue(facts: ArticleFacts) -> ArticleFacts:
    event = facts.events[0].model_copy(update={"place_id": None})
    return facts.model_copy(update={"events": (event,)})


def test_a_round_without_its_venue_joins_on_its_day_and_two_parties_not_its_month() -> None:
    known = _round("a", "talks-lorvik-2031-03-04", "2031-03-04")
    two_parties = known.events[0].model_copy(
        update={
            "participants": (
                *known.events[0].participants,
                Participant(entity_id="northland", role=Role.ATTENDEE),
            )
        }
    )
    known = known.model_copy(update={"events": (two_parties,)})
    same_day = _without_venue(
        known.model_copy(update={"article": _round("b", "x", "2031-03-04").article})
    )
    same_day = _renamed_event(same_day, "talks-mara-velden-northland-2031-03-05", "2031-03-05")
    in_month = _renamed_event(
        same_day, "talks-mara-velden-northland-2031-03", "2031-03-01", DatePrecision.MONTH
    )
    facts = list(unify_all([known, same_day, in_month]))
    assert [_event_ids(f)[0] for f in facts] == [
        "talks-lorvik-2031-03-04",
        "talks-lorvik-2031-03-04",
        "talks-mara-velden-northland-2031-03",
    ]


def _renamed_event(
    facts: ArticleFacts, event_id: str, date: str, precision: DatePrecision = DatePrecision.DAY
) -> ArticleFacts:
    event = facts.events[0].model_copy(
        update={"id": event_id, "date": date, "date_precision": precision}
    )
    return facts.model_copy(update={"events": (event,), "relations": ()})


def test_what_a_rolled_back_write_taught_the_index_is_forgotten() -> None:
    index, fresh = EventIndex(), EventIndex()
    month = _round("a", "talks-lorvik-2031-03", "2031-03-01", DatePrecision.MONTH)
    for known in (index, fresh):
        known.unify(month)
    index.begin()
    index.unify(_round("b", "talks-lorvik-2031-03-04", "2031-03-04"))  # gives the month a day
    index.unify(_round("c", "talks-lorvik-2031-04-09", "2031-04-09"))  # a round of its own
    assert len(index) == 2
    index.rollback()
    index.commit()
    assert len(index) == len(fresh) == 1
    probe = _round("d", "talks-lorvik-2031-03-20", "2031-03-20")
    assert _event_ids(index.unify(probe)) == _event_ids(fresh.unify(probe))
    later = _round("e", "talks-lorvik-2031-04-10", "2031-04-10")
    assert _event_ids(index.unify(later)) == _event_ids(fresh.unify(later))
