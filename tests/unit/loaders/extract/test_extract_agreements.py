"""Agreements and the statements around them: who makes a deal, who only speaks of it, its day."""

from __future__ import annotations

from graph.models import ArticleFacts, Event, EventKind, Predicate, Role
from graph.unify import unify_all
from loaders.extract import extract_article
from tests.support.factories import make_article


def _facts(text: str, published: str = "2025-10-09", article_id: str = "t-deal") -> ArticleFacts:
    return extract_article(make_article(article_id, text, published=published))


def _of_kind(facts: ArticleFacts, kind: EventKind) -> list[Event]:
    return [e for e in facts.events if e.kind is kind]


def _roles(event: Event) -> set[tuple[str, Role]]:
    return {(p.entity_id, p.role) for p in event.participants}


def test_the_parties_between_whom_a_deal_is_reached_make_it() -> None:
    facts = _facts(
        "Jordan on Tuesday praised the accord reached between Israel and Hamas in Cairo."
    )
    (deal,) = _of_kind(facts, EventKind.AGREEMENT)
    assert {"israel", "hamas"} <= {p for p, r in _roles(deal) if r is Role.ACTOR}
    assert ("jordan", Role.ACTOR) not in _roles(deal)


def test_a_deal_reached_between_parties_in_the_passive_has_them_as_actors() -> None:
    facts = _facts("A truce was sealed between Israel and Hamas on Tuesday.")
    (deal,) = _of_kind(facts, EventKind.AGREEMENT)
    assert {"israel", "hamas"} <= {p for p, r in _roles(deal) if r is Role.ACTOR}
    assert deal.date == "2025-10-07"


def test_a_date_in_another_nouns_clause_below_the_trigger_is_not_the_deals() -> None:
    facts = _facts(
        "Jordan welcomes the accord reached between Israel and Hamas on the first stage of "
        "the plan unveiled by Turkey on 29 September 2025."
    )
    (deal,) = _of_kind(facts, EventKind.AGREEMENT)
    assert deal.date != "2025-09-29"


def test_a_date_of_the_deals_own_participles_dates_it() -> None:
    facts = _facts(
        "The deal, brokered by Qatar and announced in Doha on the 15th, frees 33 hostages.",
        published="2025-01-17",
    )
    (deal,) = _of_kind(facts, EventKind.AGREEMENT)
    assert deal.date == "2025-01-15"


def test_a_deal_known_only_by_its_brokers_has_them_as_mediators_not_parties() -> None:
    facts = _facts(
        "The accord, brokered by Qatar and Egypt and announced in Doha on Wednesday, frees "
        "33 hostages.",
        published="2025-01-17",
    )
    (deal,) = _of_kind(facts, EventKind.AGREEMENT)
    assert {"qatar", "egypt"} <= {p for p, r in _roles(deal) if r is Role.MEDIATOR}
    assert not {p for p, r in _roles(deal) if r is Role.ACTOR}
    mediated = {r.subject_id for r in facts.relations if r.predicate is Predicate.MEDIATED}
    assert {"qatar", "egypt"} <= mediated


def test_one_days_deal_named_by_its_parties_and_by_its_brokers_is_one_event() -> None:
    first = _facts("Israel and Hamas agreed a ceasefire on Wednesday.", "2025-01-17", "t-a")
    second = _facts(
        "The ceasefire, brokered by Qatar and announced in Doha on Wednesday, holds.",
        "2025-01-17",
        "t-b",
    )
    deals = {e.id for f in unify_all([first, second]) for e in _of_kind(f, EventKind.AGREEMENT)}
    assert len(deals) == 1


def test_a_plan_announced_by_a_leader_is_a_proposal_not_also_a_statement() -> None:
    facts = _facts("Hamas studied the plan announced by Donald Trump on 29 September 2025.")
    assert _of_kind(facts, EventKind.PROPOSAL)
    assert not _of_kind(facts, EventKind.STATEMENT)


def test_a_ledes_present_tense_stance_is_a_statement_of_the_day() -> None:
    facts = _facts(
        "The foreign ministry of Jordan welcomes the agreement reached between Israel and "
        "Hamas in Sharm el-Sheikh.\n\nIt thanked the mediators."
    )
    statements = _of_kind(facts, EventKind.STATEMENT)
    assert [s.date for s in statements] == ["2025-10-09"]


def test_mediators_a_reply_is_handed_to_do_not_mediate_the_reply() -> None:
    facts = _facts("Hamas delivered its reply to the Egyptian and Qatari mediators on Tuesday.")
    assert _of_kind(facts, EventKind.PROPOSAL)
    assert not [r for r in facts.relations if r.predicate is Predicate.MEDIATED]
