"""Attacks named by a verb of striking: who strikes, and what a strike is not."""

from __future__ import annotations

import pytest

from graph.models import EventKind, Role
from loaders.extract import extract_article
from tests.support.factories import make_article


def _attacks(text: str) -> list[tuple[str | None, set[tuple[str, Role]]]]:
    facts = extract_article(make_article("t-strike", text, published="2024-08-26"))
    return [
        (e.date, {(p.entity_id, p.role) for p in e.participants})
        for e in facts.events
        if e.kind is EventKind.ATTACK
    ]


def test_forces_of_a_side_striking_a_place_are_that_sides_attack() -> None:
    ((date, parties),) = _attacks("On Sunday about 100 Israeli warplanes struck southern Lebanon.")
    assert date == "2024-08-25"
    assert ("israel", Role.PERPETRATOR) in parties


@pytest.mark.parametrize(
    "text",
    ["Israel and Hamas struck a deal on Sunday.", "The storm hit Gaza on Sunday."],
)
def test_striking_a_deal_or_a_storm_hitting_is_no_attack(text: str) -> None:
    assert not _attacks(text)


def test_strikes_that_hit_a_place_are_one_attack_not_two() -> None:
    assert len(_attacks("Israeli strikes hit Rafah on Sunday.")) == 1
