"""Withdrawals: negotiators called home, walk-outs, troops pulled out of a place."""

from __future__ import annotations

import pytest

from graph.models import EventKind, Predicate
from loaders.extract import extract_article
from tests.support.factories import make_article

ROUND = "Negotiators from Israel and Hamas held talks in Doha on Monday with Qatari mediators. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Israel brought its negotiators home from Doha on Wednesday night.",
        "On Wednesday Israel called back its negotiating team.",
        "Israel walked out of the talks on Wednesday.",
        "The Israeli delegation left Doha on Wednesday.",
        "Israel decided on Wednesday to pull its delegation out of the talks.",
    ],
)
def test_extract_withdrawal_from_talks_names_the_party_and_the_round(sentence: str) -> None:
    facts = extract_article(make_article("t-wd", ROUND + sentence, published="2024-08-16"))
    withdrawals = [e for e in facts.events if e.kind is EventKind.WITHDRAWAL]
    assert [(e.date, e.date_precision) for e in withdrawals] == [("2024-08-14", "day")]
    talks = {e.id for e in facts.events if e.kind is EventKind.TALKS}
    left = {
        (r.subject_id, r.object_id)
        for r in facts.relations
        if r.predicate is Predicate.WITHDREW_FROM
    }
    assert any(subject.startswith("israel") and obj in talks for subject, obj in left), left


def test_extract_a_walkout_leaves_the_round_it_names_not_the_last_one_reported() -> None:
    text = (
        "On December 12, 2032, Norland recalled its negotiating team from the talks in Meridan. "
        "A new round of negotiations between Norland and Vesmar opened in Sorna in June."
    )
    facts = extract_article(make_article("t-wd-named", text, published="2033-01-22"))
    places = {e.id: e.place_id for e in facts.events if e.kind is EventKind.TALKS}
    left = {r.object_id for r in facts.relations if r.predicate is Predicate.WITHDREW_FROM}
    assert {places[t] for t in left if t is not None} == {"meridan"}, (left, places)


def test_extract_troops_pulled_out_of_a_place_withdraw_from_it() -> None:
    facts = extract_article(
        make_article(
            "t-wd-place",
            "The Israeli army pulled its troops out of Khan Younis on Sunday.",
            published="2024-04-08",
        )
    )
    withdrawals = [e for e in facts.events if e.kind is EventKind.WITHDRAWAL]
    assert [(e.date, e.place_id) for e in withdrawals] == [("2024-04-07", "khan-younis")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Israel will bring its negotiators home on Friday.",  # planned, not done
        "Hamas demands the withdrawal of Israeli forces from Gaza.",  # a demand, not an event
        "The minister returned from Washington on Tuesday.",  # a trip, not a withdrawal
    ],
)
def test_extract_no_withdrawal_from_plans_demands_or_trips(sentence: str) -> None:
    facts = extract_article(make_article("t-wd-none", sentence, published="2024-08-16"))
    assert not [e for e in facts.events if e.kind is EventKind.WITHDRAWAL]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Qatar suspended its mediation on Saturday.", "2024-12-14"),
        ("Qatar, which pulled out of the mediation in November, is back.", "2024-11-01"),
    ],
)
def test_a_mediator_giving_up_its_role_withdraws_without_a_round(sentence: str, date: str) -> None:
    facts = extract_article(make_article("t-wd-role", sentence, published="2024-12-14"))
    (withdrawal,) = [e for e in facts.events if e.kind is EventKind.WITHDRAWAL]
    assert withdrawal.date == date
    assert {p.entity_id for p in withdrawal.participants} == {"qatar"}


def test_troops_pulled_back_inside_a_place_withdraw_there_without_leaving_it() -> None:
    facts = extract_article(
        make_article(
            "t-wd-back",
            "Israeli troops pulled back to the agreed line inside Gaza on Friday.",
            published="2024-12-14",
        )
    )
    (withdrawal,) = [e for e in facts.events if e.kind is EventKind.WITHDRAWAL]
    assert (withdrawal.date, withdrawal.place_id) == ("2024-12-13", "gaza")
    assert not [r for r in facts.relations if r.predicate is Predicate.WITHDREW_FROM]


def test_a_party_prompted_to_suspend_the_talks_withdraws_from_them() -> None:
    facts = extract_article(
        make_article(
            "t-wd-prompted",
            ROUND + "The strike prompted Hamas to suspend the talks on Wednesday.",
            published="2024-08-16",
        )
    )
    left = {r.subject_id for r in facts.relations if r.predicate is Predicate.WITHDREW_FROM}
    assert "hamas" in left
