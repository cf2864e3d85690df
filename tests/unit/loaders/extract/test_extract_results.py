"""What a round of talks produced: 'The meeting led to a framework', 'That meeting produced
the outline of a truce', 'These negotiations led to the agreement announced today'."""

from __future__ import annotations

from graph.models import ArticleFacts, Event, EventKind, Predicate, Role
from loaders.extract import extract_article
from tests.support.factories import make_article


def _facts(text: str, published: str = "2024-02-28") -> ArticleFacts:
    return extract_article(make_article("t-results", text, published=published))


def _one(facts: ArticleFacts, kind: EventKind) -> Event:
    (event,) = [e for e in facts.events if e.kind is kind]
    return event


def _caused(facts: ArticleFacts) -> set[tuple[str, str]]:
    return {
        (r.subject_id, r.object_id or "")
        for r in facts.relations
        if r.predicate is Predicate.CAUSED
    }


def test_a_round_referred_back_to_produced_a_proposal_of_its_day_place_and_parties() -> None:
    facts = _facts(
        "William Burns and David Barnea met in Amman on Feb. 23. That meeting produced the "
        "outline of a six-week truce."
    )
    talks, plan = _one(facts, EventKind.TALKS), _one(facts, EventKind.PROPOSAL)
    assert (plan.date, plan.place_id) == ("2024-02-23", "amman")
    proposers = {p.entity_id for p in plan.participants if p.role is Role.PROPOSER}
    assert {"bill-burns", "david-barnea"} <= proposers
    assert (talks.id, plan.id) in _caused(facts)


def test_the_meeting_led_to_a_framework_names_a_proposal() -> None:
    facts = _facts(
        "Negotiators met in Amman on Jan. 28 with Egyptian mediators. The meeting led to a "
        "framework that rests on phases."
    )
    plan = _one(facts, EventKind.PROPOSAL)
    assert plan.date == "2024-01-28"
    assert (_one(facts, EventKind.TALKS).id, plan.id) in _caused(facts)


def test_a_result_reported_already_is_linked_not_made_twice() -> None:
    facts = _facts(
        "Israel and Hamas reached an agreement in Amman on Thursday, 22 February 2024. Talks "
        "had opened in Amman on Monday, 19 February 2024. These negotiations led to the "
        "agreement.",
    )
    deals = [e for e in facts.events if e.kind is EventKind.AGREEMENT]
    assert len(deals) == 1
    assert (_one(facts, EventKind.TALKS).id, deals[0].id) in _caused(facts)


def test_a_meeting_not_just_reported_produces_nothing() -> None:
    facts = _facts(
        "Negotiators met in Amman on Jan. 28. Hamas answered a week later. Aid kept flowing. "
        "Prices rose. The meeting led to a framework."
    )
    assert not [e for e in facts.events if e.kind is EventKind.PROPOSAL]
